"""The car DCGAN's offline data: procedural car fronts (:mod:`train.cars.carsynth`), rendered
once by ``python -m train.data prepare cars_synth``; the last 2,000 renders are held out."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from train import DATA


def prepare_cars_synth(n: int = 30000, size: int = 32) -> Path:
    from train.cars.carsynth import render_many

    path = DATA / f"cars_synth_{size}.npz"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    x = render_many(n, seed=0, size=size)
    np.savez_compressed(path, x=x)
    return path


def load_cars_synth(size: int = 32, channels: int = 3, split: str = "train"):
    """(x uint8 (N, size, size, 3), None, None): the rendered car fronts, train or held-out split."""
    path = DATA / f"cars_synth_{size}.npz"
    if not path.exists():
        raise FileNotFoundError("Synthetic cars are not rendered yet: run `python -m train.data prepare cars_synth`.")
    x = np.load(path)["x"]
    # the last 2000 renders are held out for evaluation
    return (x[:-2000] if split == "train" else x[-2000:]), None, None


PREPARE = {"cars_synth": prepare_cars_synth}
DATASETS = {"cars_synth": load_cars_synth}
