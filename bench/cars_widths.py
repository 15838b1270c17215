"""Car DCGAN training throughput on this machine: seconds per step of the trainer's real
``train_step`` (EMA update included) for several generator and discriminator widths (trainer
flags), at the trainer's batch size, in one process, each also as a ratio to the first (the
car seed project's widths). Random images: no data folder needed.

    python -m bench.cars_widths [--steps 20] [--recipes "..." "..."]
"""

from __future__ import annotations

import shlex
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

RECIPES = ("", "--gen-filters 64", "--disc-filters 32 64 64 128", "--gen-filters 64 --disc-filters 32 64 64 128")


def seconds_per_step(flags: str, steps: int) -> float:
    from bench.cpu import seconds_per_train_step
    from ganapp.models.cars.config import DCGANConfig
    from train.cars.task import CarsTask, CarsTrainConfig
    from train.task import parse_config

    train_cfg, model_cfg = parse_config(CarsTrainConfig, DCGANConfig, shlex.split(flags))
    task = CarsTask(train_cfg, model_cfg)  # no data loaded: random images
    s, n = model_cfg.image_size, train_cfg.batch_size
    images = np.random.default_rng(0).uniform(-1, 1, (n, s, s, model_cfg.channels)).astype("float32")
    return seconds_per_train_step(task, (images, np.zeros(n, np.int32)), steps, warmup=2)


def main(argv=None):
    from bench.cpu import compare_recipes

    compare_recipes(__doc__, RECIPES, seconds_per_step, 20, argv, default_label="(the seed project widths)")


if __name__ == "__main__":
    main()
