"""The conditional GAN's trainer: task and options (task.py), Fashion-MNIST and CIFAR-10 (data.py),
evaluation (evaluate.py), recipes (recipes/*.toml)."""
