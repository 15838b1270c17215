"""pix2pix training throughput on this machine: seconds per step of the trainer's real
``train_step`` for several recipes (trainer flags), batch 1 at 256 px, in one process, each
also as a ratio to the first (today's U-Net recipe). Random images: no data folder needed.

    python bench/pix2pix_train_step.py [--steps 10] [--recipes "..." "..."]
"""
from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RECIPES = (
    "--upsample resize",
    "--upsample resize --encoder vgg16_hed --finetune-from-epoch 1",
    "--upsample resize --encoder vgg16_hed",
    "--upsample resize --encoder vgg16_hed --perceptual-weight 10 --fm-weight 10",
)


def seconds_per_step(flags: str, steps: int) -> float:
    import numpy as np
    import tensorflow as tf

    from ganapp.config import Pix2PixConfig
    from train.common import make_step_fn, make_strategy, parse_config
    from train.pix2pix import Pix2PixTask, Pix2PixTrainConfig

    train_cfg, model_cfg = parse_config(Pix2PixTrainConfig, Pix2PixConfig, shlex.split(flags))
    task = Pix2PixTask.__new__(Pix2PixTask)  # no data folder needed
    task.train_cfg, task.model_cfg = train_cfg, model_cfg
    task.a = [None] * 252  # the buildings' training pairs: only their count is read
    task.strategy = make_strategy("default")
    task.build()
    step_fn = make_step_fn(task, task.strategy, task.phase(0))
    s = model_cfg.image_size
    rng = np.random.default_rng(0)
    batch = tuple(tf.constant(rng.uniform(-1, 1, (1, s, s, 3)).astype("float32")) for _ in range(2))
    for i in range(2):  # trace + warm up
        step_fn(batch, tf.constant(i, tf.int64))
    t0 = time.perf_counter()
    for i in range(steps):
        losses = step_fn(batch, tf.constant(i + 2, tf.int64))
    float(losses["l1"])
    return (time.perf_counter() - t0) / steps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--recipes", nargs="+", default=list(RECIPES))
    args = ap.parse_args(argv)
    from cpu import cpu_flags

    print(f"CPU flags: {cpu_flags()}; batch 1, 256 px")
    ref = None
    for flags in args.recipes:
        t = seconds_per_step(flags, args.steps)
        ref = ref or t
        print(f"{t:6.2f} s/step  x{t / ref:4.2f}  {flags}", flush=True)


if __name__ == "__main__":
    main()
