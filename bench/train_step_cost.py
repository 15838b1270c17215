"""Training cost on this machine: seconds per step of a trainer's real ``train_step`` (EMA and
image pools included) for several option sets, each on top of a recipe, in one process, each
also as a ratio to the first. Random images at the model's size: no data folder needed.

    python -m bench.train_step_cost cars|vangogh|pix2pix [--recipe default] [--steps 10]
        [--variants "" "--gen-filters 32" ...]
"""

from __future__ import annotations

import argparse
import importlib
import shlex

import numpy as np

from bench.cpu import cpu_flags, seconds_per_train_step

# the variants a model's recipe was chosen among (the first is the reference)
VARIANTS = {
    "cars": ("--gen-filters 128 --disc-filters 64 128 128 256", "--gen-filters 64", ""),
    "vangogh": (
        "--gen-filters 32",
        "--gen-filters 24",
        "--res-blocks 9",
        "",
        "--gen-filters 32 --no-xla",
        "--gen-filters 32 --precision auto",  # bfloat16 where the CPU has it: the small_data recipe
    ),
    "pix2pix": ("--encoder unet --no-sketch-skip --low-res-epochs 0", "--perceptual-size 256", ""),
}


def random_batch(key: str, train_cfg, model_cfg) -> tuple:
    """What the model's dataset yields, random: (images, labels) or (input, target) images in [-1, 1]."""
    rng = np.random.default_rng(0)
    if key in ("cars", "cgan"):
        s, n = model_cfg.image_size, train_cfg.batch_size
        labels = rng.integers(0, getattr(model_cfg, "num_classes", 1), n).astype(np.int32)
        return rng.uniform(-1, 1, (n, s, s, model_cfg.channels)).astype("float32"), labels
    return tuple(rng.uniform(-1, 1, (2, 1, model_cfg.image_size, model_cfg.image_size, 3)).astype("float32"))


def seconds_per_step(key: str, recipe: str, flags: str, steps: int) -> float:
    trainer = importlib.import_module(f"train.{key}.task")
    argv = (["--recipe", recipe] if recipe else []) + shlex.split(
        flags.replace("--sketch-skip false", "--no-sketch-skip")
    )
    train_cfg, model_cfg = trainer.options(argv)
    task = next(v for v in vars(trainer).values() if isinstance(v, type) and getattr(v, "key", "") == key)
    task = task(train_cfg, model_cfg)  # no data loaded
    task.a = task.x = [None] * 252  # pix2pix and the small GANs read only how many training images there are
    return seconds_per_train_step(task, random_batch(key, train_cfg, model_cfg), steps, warmup=2)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", choices=sorted(VARIANTS))
    ap.add_argument("--recipe", default="default", help="the options every variant starts from ('' for none)")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--variants", nargs="+", default=None, help="trainer flags, one string per variant")
    args = ap.parse_args(argv)
    print(f"CPU flags: {cpu_flags()}; {args.model}, recipe {args.recipe or '(none)'}")
    ref = None
    for flags in args.variants or VARIANTS[args.model]:
        t = seconds_per_step(args.model, args.recipe, flags, args.steps)
        ref = ref or t
        print(f"{t:6.3f} s/step  x{t / ref:4.2f}  {flags or '(the recipe)'}", flush=True)


if __name__ == "__main__":
    main()
