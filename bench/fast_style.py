"""Fast style transfer speed: seconds per stylisation with the shipped Keras port of Magenta's
networks (ganapp.fast_style_transfer, the app's code path), warm, for a few output sizes, in one
process; the 512 px figure against the goal of 1 s on 2 CPU cores.

    python -m bench.fast_style [--sizes 256 512 1024] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 512, 1024])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    import ganapp
    from bench.cpu import cpu_flags

    flags = cpu_flags()
    content = ROOT / "weights/style/examples/chelsea.jpg"
    style = ROOT / "weights/style/presets/starry_night.jpg"
    t0 = time.perf_counter()
    ganapp.fast_style_transfer(content, style, 256)
    print(f"CPU flags: {flags}; first call (load + trace): {time.perf_counter() - t0:.1f} s")
    for size in args.sizes:
        ganapp.fast_style_transfer(content, style, size)  # warm
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            ganapp.fast_style_transfer(content, style, size)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        goal = f" ({med / 1.0:.2f} of the 1 s goal)" if size == 512 else ""
        print(f"{size:5d} px: median {med:.2f} s, best {min(times):.2f} s over {args.repeats}{goal}", flush=True)


if __name__ == "__main__":
    main()
