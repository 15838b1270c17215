"""``python -m train.pix2pix``: see train/pix2pix/task.py."""

from train.pix2pix.task import main

main()
