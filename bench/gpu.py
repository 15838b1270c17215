"""The GPU against the CPU, in one run: the app's heavy requests and one training step per model,
each timed on every device this machine has (the GPU when TensorFlow sees one, then the CPU, each
in a process of its own, the CPU's with CUDA hidden), and the ratio. On a machine without a GPU it
times the CPU only and says so.

    python -m bench.gpu [--only gatys fast_style ...] [--steps 5]

Jobs: Gatys at the tab's 512 px defaults (warm start), fast style at 1024 px, van Gogh at 1024 px,
the 64-car grid, and a training step of each trainer's default recipe (random batches at the
model's size). Each is run once to warm up (tracing, loading), then timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
from PIL import Image

from bench.cpu import cpu_flags


def photo(side: int) -> Image.Image:
    """A smooth colourful test picture, ``side`` px square."""
    y, x = np.mgrid[0:side, 0:side] / side
    return Image.fromarray((np.stack([x, y, (x + y) / 2], -1) * 255).astype(np.uint8))


def painting() -> Image.Image:
    from ganapp import style_presets

    return Image.open(style_presets.preset_path(style_presets.find("starry_night"))).convert("RGB")


def gatys_512():
    import ganapp

    for _ in ganapp.style_transfer(photo(512), painting(), max_size=512):
        pass


def training_step(key: str, steps: int):
    from bench.train_step_cost import seconds_per_step

    return lambda: seconds_per_step(key, "default", "", steps)


def jobs(steps: int) -> dict:
    import ganapp

    return {
        "gatys 512 px (tab defaults)": gatys_512,
        "fast style 1024 px": lambda: ganapp.fast_style_transfer(photo(1024), painting(), 1024),
        "van Gogh 1024 px": lambda: ganapp.van_gogh(photo(1024), 1024),
        "64-car grid": lambda: ganapp.generate_cars(0, 64),
        **{
            f"{key} training, {steps} steps": training_step(key, steps)
            for key in ("cars", "cgan", "vangogh", "pix2pix")
        },
    }


def timed(fn) -> float:
    """Seconds of the second call of ``fn`` (the first warms up: tracing, loading); a job that times
    itself (a training step, after its own warm-up) returns its seconds."""
    if isinstance(measured := fn(), float):
        return measured
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run_here(names: list[str], steps: int) -> dict[str, float]:
    """Seconds per job, on the device TensorFlow picks in this process."""
    table = jobs(steps)
    return {name: timed(table[name]) for name in names}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", default=None, help="jobs whose name starts with one of these")
    ap.add_argument("--steps", type=int, default=5, help="training steps timed per model (their mean is printed)")
    ap.add_argument("--here", action="store_true", help="(internal) time in this process, print JSON")
    args = ap.parse_args(argv)
    names = [n for n in jobs(args.steps) if not args.only or any(n.startswith(o) for o in args.only)]
    if args.here:
        from ganapp.runtime import device

        print(json.dumps({"device": device(), "times": run_here(names, args.steps)}))
        return
    from ganapp.runtime import tensorflow

    runs = [("GPU", {})] if tensorflow().config.list_physical_devices("GPU") else []
    runs.append(("CPU", {"CUDA_VISIBLE_DEVICES": ""}))
    results = []
    for label, env in runs:
        cmd = [sys.executable, "-m", "bench.gpu", "--here", "--steps", str(args.steps), "--only", *names]
        out = subprocess.run(cmd, env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(f"{label}: {results[-1]['device']}", flush=True)
    print(f"CPU flags: {cpu_flags()}" + ("" if len(runs) > 1 else "; no GPU here: CPU only"))
    print(f"{'job':34s}" + "".join(f"{label:>10s}" for label, _ in runs) + ("   CPU/GPU" if len(runs) > 1 else ""))
    for name in names:
        times = [r["times"][name] for r in results]
        ratio = f"   x{times[-1] / times[0]:.1f}" if len(times) > 1 else ""
        print(f"{name:34s}" + "".join(f"{t:9.2f}s" for t in times) + ratio, flush=True)


if __name__ == "__main__":
    main()
