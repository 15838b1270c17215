"""``python -m train.cgan``: see train/cgan/task.py."""

from train.cgan.task import main

main()
