"""``python -m train.vangogh``: see train/vangogh/task.py."""

from train.vangogh.task import main

main()
