"""``python -m train._template``: see train/_template/task.py."""

from train._template.task import main

main()
