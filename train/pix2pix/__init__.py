"""The sketch -> building pix2pix trainer: task and options (task.py), building pairs and hand-
drawn sketches (data.py), evaluation (evaluate.py), recipes (recipes/*.toml)."""
