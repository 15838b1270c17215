"""Van Gogh generator latency on CPU: the app's path (a tf.function with a shape-polymorphic
signature) vs running the same generator eagerly with ``model(x)``, at 512 and 1024 px.

    python -m bench.vangogh [--repeats 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()

    import numpy as np

    import ganapp
    from ganapp import weights
    from ganapp.generation import image_fn
    from ganapp.imaging import load_image

    model, _ = weights.load_generator("vangogh")
    photo = load_image(ROOT / "weights" / "style" / "examples" / "astronaut.jpg")
    for size in (512, 1024):
        x = np.random.default_rng(0).uniform(-1, 1, (1, size, size, 3)).astype("float32")
        fn = image_fn("vangogh")
        fn(x)
        model(x, training=False)
        t0 = time.perf_counter()
        for _ in range(args.repeats):
            np.asarray(fn(x))
        ours = (time.perf_counter() - t0) / args.repeats
        t0 = time.perf_counter()
        for _ in range(args.repeats):
            np.asarray(model(x, training=False))
        eager = (time.perf_counter() - t0) / args.repeats
        t0 = time.perf_counter()
        ganapp.van_gogh(photo, max_size=size)
        full = time.perf_counter() - t0
        print(
            f"{size} px square: tf.function {ours:.2f} s, eager model(x) {eager:.2f} s, ratio {eager / ours:.2f}x; "
            f"van_gogh() end to end on a {size} px photo: {full:.2f} s"
        )


if __name__ == "__main__":
    main()
