"""``python -m train.faces``: see train/faces/task.py."""

from train.faces.task import main

main()
