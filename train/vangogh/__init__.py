"""The van Gogh CycleGAN's trainer: task and options (task.py), paintings and photos (data.py),
evaluation (evaluate.py), recipes (recipes/*.toml)."""
