"""The car DCGAN's trainer: task and options (task.py), procedural data (data.py, carsynth.py),
evaluation (evaluate.py), recipes (recipes/*.toml)."""
