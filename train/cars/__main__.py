"""``python -m train.cars``: see train/cars/task.py."""

from train.cars.task import main

main()
