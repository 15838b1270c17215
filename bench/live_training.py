"""Watch a GAN learn, on this machine: how soon the live tab's DCGAN draws garments one can name.
For each option set (the tab's defaults first), one run of ``seconds`` as the tab runs it; at each
snapshot a small classifier trained on the same Fashion-MNIST sample (before the clock starts)
says how many of the 64 grid cells it is sure of (top class probability >= 0.8), as a share of
what it is sure of among 64 real images, and the cells' diversity (mean pairwise pixel distance,
as a share of the real images'; mode collapse brings it down). Prints steps/s, the time to the
first grid and to half the real images' score, and writes a sheet of the grids at 10, 30 and
60 s per option set (artifacts/bench/live_training.png).

    python -m bench.live_training [--seconds 60] [--options "" "d_steps=5 lr=0.003" ...]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from bench.cpu import cpu_flags
from bench.serve import ROOT

MARKS = (10, 30, 60)
LESSONS = ("", "d_steps=5 lr=0.003", "lr=0.005 batch_size=8 label_smoothing=0")


def classifier():
    """A small CNN on the sample (a few seconds): image in [-1, 1] -> class probabilities."""
    import keras

    from ganapp import live

    with np.load(live.sample_path()) as f:
        y = f["labels"].astype(np.int64)
    x = live.sample_images()
    keras.utils.set_random_seed(0)
    net = keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(32, 3, 2, "same", activation="relu"),
        keras.layers.Conv2D(64, 3, 2, "same", activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(10, activation="softmax"),
    ])  # fmt: skip
    net.compile("adam", "sparse_categorical_crossentropy")
    net.fit(x, y, batch_size=128, epochs=6, verbose=0)
    return net, x


def recognised(net, grid: np.ndarray) -> tuple[float, float]:
    """(share of the cells the classifier is sure of, the cells' diversity: their mean pairwise
    pixel distance; mode collapse brings it down)."""
    from ganapp import live

    x = live.cells(grid).reshape(64, -1).astype(np.float32) / 255
    p = net.predict(x.reshape(64, 28, 28, 1) * 2 - 1, verbose=0)
    d = np.sqrt(np.maximum((x**2).sum(1)[:, None] + (x**2).sum(1)[None] - 2 * x @ x.T, 0))
    return float((p.max(1) >= 0.8).mean()), float(d.sum() / (64 * 63))


def run(net, options: str, seconds: float, real: float) -> tuple[dict, list]:
    from ganapp import live

    kw = {k: float(v) if "." in v or "e" in v else int(v) for k, v in (kv.split("=") for kv in options.split())}
    opts = live.LiveOptions(seconds=seconds, **kw)
    t0, first, half, shots, marks, last = time.perf_counter(), None, None, [], list(MARKS), None
    for snap in live.train_live(opts):
        first = first or time.perf_counter() - t0
        score, spread = recognised(net, snap.grid)
        if half is None and score >= 0.5 * real[0]:
            half = snap.seconds
        while marks and (snap.seconds >= marks[0] or snap.done):
            shots.append((marks.pop(0), snap.grid, score / real[0], spread / real[1]))
        last = snap
    row = {
        "options": options or "defaults",
        "steps_per_s": last.step / last.seconds,
        "first_grid_s": first,
        "half_as_recognised_as_real_s": half,
        **{f"recognised_vs_real_{m}s": s for m, _, s, _ in shots},
        **{f"diversity_vs_real_{m}s": c for m, _, _, c in shots},
    }
    return row, shots


def sheet(rows: list, out):
    from PIL import Image, ImageDraw

    w = rows[0][1][0][1].shape[1]
    img = Image.new("L", (len(MARKS) * (w + 10) + 10, len(rows) * (w + 48) + 10), 255)
    draw = ImageDraw.Draw(img)
    for i, (row, shots) in enumerate(rows):
        y = 10 + i * (w + 48)
        draw.text((10, y + 2), row["options"], fill=0)
        for j, (m, grid, score, spread) in enumerate(shots):
            x = 10 + j * (w + 10)
            img.paste(Image.fromarray(grid), (x, y + 34))
            draw.text((x, y + 18), f"{m} s: recognised {score:.0%}, diversity {spread:.0%} of real's", fill=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--options", nargs="+", default=list(LESSONS), help='e.g. "" "d_steps=5 lr=0.003"')
    args = ap.parse_args(argv)
    net, x = classifier()
    from ganapp import live

    held_out = x[-64 * 5 :: 5, ..., 0]  # spread over the classes (the sample is sorted by index, not class)
    real = recognised(net, live.tile(((held_out + 1) * 127.5).round().astype(np.uint8)))
    print(f"CPU flags: {cpu_flags()}; 64 real images: {real[0]:.2f} recognised, diversity {real[1]:.2f}")
    rows = []
    for options in args.options:
        row, shots = run(net, options, args.seconds, real)
        rows.append((row, shots))
        print("  ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()), flush=True)
    out = ROOT / "artifacts" / "bench" / "live_training.png"
    sheet(rows, out)
    print(f"sheet: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
