"""The Fashion-MNIST sample the live-training tab learns from (``weights/live/``), built by
``python -m train.data prepare live``: 600 training images of each of the ten classes, drawn
with a fixed seed from Debian's dataset-fashion-mnist, as one compressed .npz (about 2.6 MB),
so a Space needs no download to run a lesson."""

from __future__ import annotations

import json

import numpy as np

from ganapp.live import sample_path

PER_CLASS = 600


def build_live_sample():
    from train.cgan.data import FASHION_CLASSES, load_fashion_mnist, prepare_fashion_mnist

    prepare_fashion_mnist()
    x, y, _ = load_fashion_mnist("train")
    rng = np.random.default_rng(0)
    idx = np.sort(np.concatenate([rng.permutation(np.flatnonzero(y == c))[:PER_CLASS] for c in range(10)]))
    sample = sample_path()
    sample.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(sample, images=x[idx, ..., 0], labels=y[idx].astype(np.uint8))
    (sample.parent / "credits.json").write_text(json.dumps({
        "file": sample.name,
        "what": f"{len(idx)} Fashion-MNIST training images (28 x 28 grey), {PER_CLASS} per class, seed 0",
        "classes": list(FASHION_CLASSES),
        "source": "Debian package dataset-fashion-mnist (Xiao, Rasul, Vollgraf, 2017, Zalando Research)",
        "licence": "MIT (Expat)",
        "built_by": "python -m train.data prepare live",
    }, indent=2) + "\n")  # fmt: skip
    return sample


PREPARE = {"live": build_live_sample}
