"""CycleGAN training throughput on this machine: steps/s of the van Gogh trainer's real
``train_step`` (two generators, two discriminators, image pools) for a few generator sizes,
batch 1 of 128 px crops, in one process, each size also as a ratio to the first (choose the
widest that still trains at the rate you need).

    python -m bench.vangogh_train_step [--steps 30] [--sizes 32:6 24:6 16:9 16:6]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def steps_per_second(gen_filters: int, res_blocks: int, disc_filters: int, steps: int, size: int, xla: bool) -> float:
    from bench.cpu import image_pair, seconds_per_train_step
    from ganapp.models.vangogh.config import CycleGANConfig
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig

    cfg = CycleGANConfig(image_size=size, gen_filters=gen_filters, res_blocks=res_blocks, disc_filters=disc_filters)
    task = VanGoghTask(VanGoghTrainConfig(xla=xla), cfg)  # no data loaded: random crops
    return 1.0 / seconds_per_train_step(task, image_pair(size), steps, warmup=3)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--disc-filters", type=int, default=32)
    ap.add_argument("--xla", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--sizes", nargs="+", default=["32:6", "24:6", "16:9", "16:6"], help="gen_filters:res_blocks")
    args = ap.parse_args(argv)
    from bench.cpu import cpu_flags

    flags = cpu_flags()
    print(
        f"CPU flags: {flags}; batch 1, {args.size} px, disc_filters {args.disc_filters}, "
        f"XLA {'on' if args.xla else 'off'}"
    )
    ref = None
    for spec in args.sizes:
        k, n = map(int, spec.split(":"))
        rate = steps_per_second(k, n, args.disc_filters, args.steps, args.size, args.xla)
        ref = ref or rate
        print(f"gen_filters {k:3d} res_blocks {n:2d}: {rate:.2f} steps/s ({rate / ref:.2f}x the first)", flush=True)


if __name__ == "__main__":
    main()
