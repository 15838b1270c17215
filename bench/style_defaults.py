"""The style tab's own example pairs at the app's defaults (Gatys, warm-started from the fast
model): seconds per result, and how far each result moved into the painting's style, as the
ratio of the content photo's Gram-matrix style loss to the result's (goal: >= 5). Saves the
sheet (photo | style | fast | Gatys) to artifacts/style_defaults.png to look at.

    python -m bench.style_defaults [--sizes 256 512] [--cold]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = (("chelsea", "starry_night"), ("astronaut", "great_wave"), ("coffee", "village_street"))


def style_loss(net, image, style, size: int) -> float:
    """The Gatys style term (sum over layers of mean squared Gram differences) of ``image``
    against ``style``, both at ``size`` px, in the feature network the app uses."""
    import numpy as np
    import tensorflow as tf

    from ganapp import gatys

    features, _, _ = gatys._functions(net)
    g_img, _ = features(tf.constant(gatys._resize(image, size)))
    g_sty, _ = features(tf.constant(gatys._resize(style, size)))
    return float(sum(np.mean((a.numpy() - b.numpy()) ** 2) for a, b in zip(g_img, g_sty)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 512])
    ap.add_argument("--cold", action="store_true", help="start from the photo instead of the fast result")
    args = ap.parse_args(argv)
    import numpy as np

    import ganapp
    from bench.cpu import cpu_flags
    from ganapp import gatys, style_presets
    from ganapp.imaging import load_image, make_grid

    flags = cpu_flags()
    net = gatys.feature_net()
    print(f"CPU flags: {flags}; {net.title}, {gatys.default_precision()}; {'cold' if args.cold else 'warm'} start")
    ganapp.fast_style_transfer(
        ROOT / "weights/style/examples/chelsea.jpg", style_presets.preset_path(style_presets.find("starry_night")), 64
    )  # load + trace
    tiles = []
    for size in args.sizes:
        for photo, painting in PAIRS:
            c = load_image(ROOT / f"weights/style/examples/{photo}.jpg")
            s = load_image(style_presets.preset_path(style_presets.find(painting)))
            t0 = time.perf_counter()
            first = None
            for image, status in ganapp.style_transfer(c, s, max_size=size, warm_start=not args.cold):
                first = first or image
            seconds = time.perf_counter() - t0
            ratio = style_loss(net, c, s, size) / style_loss(net, image, s, size)
            print(f"{size} px {photo} x {painting}: {seconds:.1f} s; style loss photo/result {ratio:.1f}x", flush=True)
            if size == args.sizes[0]:
                tiles += [np.asarray(im.convert("RGB").resize((256, 256))) for im in (c, s, first, image)]
    out = ROOT / "artifacts" / "style_defaults.png"
    out.parent.mkdir(exist_ok=True)
    make_grid(np.stack(tiles), cols=4, pad=4).save(out)
    print(f"sheet: {out.relative_to(ROOT)} (photo | style | first preview | result)")


if __name__ == "__main__":
    main()
