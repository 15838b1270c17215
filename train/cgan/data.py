"""The conditional GAN's datasets: Fashion-MNIST (from Debian's dataset-fashion-mnist into the
Keras cache, offline: ``python -m train.data prepare fashion_mnist``) and CIFAR-10 (Keras)."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import numpy as np

from ganapp.models.cgan.config import CGANConfig
from train.debian import debian_package_files

KERAS_DATASETS = Path.home() / ".keras" / "datasets"


FASHION_FILES = [
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
]


CIFAR10_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")


FASHION_CLASSES = CGANConfig.class_names  # the shipped cGAN's classes are Fashion-MNIST's


def prepare_fashion_mnist() -> Path:
    """Copy Fashion-MNIST from Debian's dataset-fashion-mnist into the Keras cache."""
    dest = KERAS_DATASETS / "fashion-mnist"
    if all((dest / f).exists() for f in FASHION_FILES):
        return dest
    src = debian_package_files("dataset-fashion-mnist") / "usr/share/datasets/fashion-mnist"
    dest.mkdir(parents=True, exist_ok=True)
    for f in FASHION_FILES:
        shutil.copy(src / f, dest / f)
    return dest


def _read_idx(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_fashion_mnist(split: str = "train"):
    """Fashion-MNIST from the Keras cache layout. x uint8 (N, 28, 28, 1), y int64."""
    root = KERAS_DATASETS / "fashion-mnist"
    if not (root / FASHION_FILES[0]).exists():
        raise FileNotFoundError(
            "Fashion-MNIST is not in the Keras cache: run `python -m train.data prepare fashion_mnist`."
        )
    pre = "train" if split == "train" else "t10k"
    x = _read_idx(root / f"{pre}-images-idx3-ubyte.gz")[..., None]
    y = _read_idx(root / f"{pre}-labels-idx1-ubyte.gz").astype(np.int64)
    return x, y, FASHION_CLASSES


def load_cifar10(split: str = "train"):
    """CIFAR-10 through keras.datasets (downloads online; uses the Keras cache offline)."""
    import keras

    (xt, yt), (xs, ys) = keras.datasets.cifar10.load_data()
    x, y = (xt, yt) if split == "train" else (xs, ys)
    return x, y.reshape(-1).astype(np.int64), CIFAR10_CLASSES


PREPARE = {"fashion_mnist": prepare_fashion_mnist}
DATASETS = {
    "fashion_mnist": lambda size, channels, split: load_fashion_mnist(split),
    "cifar10": lambda size, channels, split: load_cifar10(split),
}
