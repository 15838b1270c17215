"""The cartoon-face DCGAN's trainer: task and options (task.py), DiceBear faces rendered offline
(data.py, render.mjs), evaluation (evaluate.py), recipes (recipes/*.toml)."""
