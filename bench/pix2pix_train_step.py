"""pix2pix training throughput on this machine: seconds per step of the trainer's real
``train_step`` for several recipes (trainer flags), batch 1 at 256 px, in one process, each
also as a ratio to the first (today's U-Net recipe). Random images: no data folder needed.

    python -m bench.pix2pix_train_step [--steps 10] [--recipes "..." "..."]
"""

from __future__ import annotations

import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RECIPES = (
    "--upsample resize",
    "--upsample resize --encoder vgg16_hed --finetune-from-epoch 1",
    "--upsample resize --encoder vgg16_hed",
    "--upsample resize --encoder vgg16_hed --perceptual-weight 10 --fm-weight 10",
)


def seconds_per_step(flags: str, steps: int) -> float:
    from bench.cpu import image_pair, seconds_per_train_step
    from ganapp.models.pix2pix.config import Pix2PixConfig
    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig
    from train.task import parse_config

    train_cfg, model_cfg = parse_config(Pix2PixTrainConfig, Pix2PixConfig, shlex.split(flags))
    task = Pix2PixTask(train_cfg, model_cfg)  # no data loaded
    task.a = [None] * 252  # the buildings' training pairs: only their count is read
    return seconds_per_train_step(task, image_pair(model_cfg.image_size), steps, warmup=2)


def main(argv=None):
    from bench.cpu import compare_recipes

    compare_recipes(__doc__, RECIPES, seconds_per_step, 10, argv, header="; batch 1, 256 px")


if __name__ == "__main__":
    main()
