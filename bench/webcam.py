"""Live webcam painting on this machine: frames/s and per-frame latency of what each streamed frame
goes through (a 640x480 camera frame sanitised, resized to the live size, painted, returned), for
fast style (with *The Starry Night*) and the van Gogh CycleGAN at 256 and 384 px, one viewer.

    python -m bench.webcam [--frames 30] [--sizes 256 384]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from bench.cpu import cpu_flags
from bench.serve import ROOT


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--frames", type=int, default=30)
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 384])
    args = ap.parse_args(argv)

    import ganapp

    style = str(ROOT / "weights" / "style" / "presets" / "starry_night.jpg")
    rng = np.random.default_rng(0)
    camera = [rng.integers(0, 255, (480, 640, 3), dtype=np.uint8) for _ in range(4)]  # what the browser sends
    paint = {
        "fast style": lambda frame, size: ganapp.fast_style_transfer(frame, style, size),
        "van Gogh": lambda frame, size: ganapp.van_gogh(frame, size),
    }
    print(f"CPU flags: {cpu_flags()}; {args.frames} frames each, after 3 to warm up")
    for name, fn in paint.items():
        for size in args.sizes:
            for i in range(3):
                fn(camera[i % 4], size)
            times = []
            for i in range(args.frames):
                t0 = time.perf_counter()
                fn(camera[i % 4], size)
                times.append(time.perf_counter() - t0)
            ms = 1000 * np.array(times)
            print(f"{name:10} {size} px: {1000 / ms.mean():5.1f} frames/s, latency p50 {np.median(ms):4.0f} ms, "
                  f"p95 {np.percentile(ms, 95):4.0f} ms", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
