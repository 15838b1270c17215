"""The small index that the "Is it copying?" views search (ganapp/neighbours.py): a seeded random
subset of a model's training images with their VGG features, saved as ``neighbours.npz`` in its
weights folder. Small GANs' exports write it; for weights made before, build it from their data:

    python -m train.neighbours cars [--images N]

N: the run's ``neighbours`` option (its recipe's), else 2000.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ganapp.neighbours import INDEX

IMAGES = 2000  # a few MB per model


def write_index(folder: Path, x: np.ndarray, n: int = IMAGES) -> Path:
    """Save ``n`` of the training images ``x`` uint8 (N, S, S, C) (a seeded random choice) and their
    features to ``folder/neighbours.npz``."""
    from ganapp.vgg import pooled_features

    pick = np.sort(np.random.default_rng(0).permutation(len(x))[: min(n, len(x))])
    images = np.ascontiguousarray(x[pick])
    path = folder / INDEX
    np.savez_compressed(path, images=images, features=pooled_features(images).astype(np.float16), of=len(x))
    return path


def main(argv=None):
    from ganapp.weights import WEIGHTS_DIR, build_from_dir
    from train.data import load_arrays

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("key", help="a small GAN's weights folder name, e.g. cars, cgan, faces")
    parser.add_argument("--images", type=int, help="training images in the index (default: the run's option)")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_DIR, help="the weights folder")
    args = parser.parse_args(argv)
    folder = args.weights / args.key
    _, cfg = build_from_dir(folder)
    info = json.loads((folder / "training.json").read_text())
    n = args.images or info["train"].get("neighbours", IMAGES)
    x, _, _ = load_arrays(info["data"], cfg.image_size, cfg.channels, "train")
    path = write_index(folder, x, n)
    print(f"{path}: {min(n, len(x))} of {len(x)} training images, {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
