"""``python -m train.fast_style convert``: see train/fast_style/convert.py."""

from train.fast_style.convert import main

main()
