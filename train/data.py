"""Datasets for the trainers, and the offline builders (``python -m train.data prepare NAME``).

Small-image datasets (cars, cgan) live in memory as uint8 arrays:
``load_arrays(name) -> (x uint8 (N, H, W, C), y int64 (N,) or None, class_names or None)``.
``name`` is a dataset a model folder names in its ``data.py`` (``DATASETS``: ``fashion_mnist``,
``cifar10``, ``cars_synth``), a folder of images (unconditional, e.g. CompCars surveillance
crops), or a folder of class subfolders (labels = sorted folder names). The builders are the
``PREPARE`` entries of the model folders' ``data.py`` and of :mod:`train.style_presets`.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import numpy as np

import train

IMAGE_EXT = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def list_images(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_EXT)


def load_folder(folder: Path, size: int, channels: int = 3):
    """A folder of images, or of class subfolders. Images are centre-cropped to square
    and resized to ``size``. Unreadable files are skipped with a warning."""
    from PIL import Image, ImageOps

    from ganapp.imaging import ImageError, load_image

    subdirs = sorted(p for p in folder.iterdir() if p.is_dir())
    classes = (
        tuple(p.name for p in subdirs)
        if subdirs and not any(p.suffix.lower() in IMAGE_EXT for p in folder.iterdir())
        else None
    )
    files, labels = [], []
    for i, d in enumerate(subdirs if classes else [folder]):
        for f in list_images(d):
            files.append(f)
            labels.append(i)
    if not files:
        raise FileNotFoundError(f"No images found in {folder}.")
    out = []
    for f in files:
        try:
            img = load_image(f, min_side=8)
        except ImageError as e:
            print(f"skipping {f}: {e}")
            continue
        img = ImageOps.fit(img, (size, size), Image.LANCZOS)
        if channels == 1:
            img = img.convert("L")
        out.append(np.asarray(img).reshape(size, size, channels))
    return np.stack(out), (np.array(labels, np.int64) if classes else None), classes


@functools.cache
def _registered(name: str) -> dict:
    """The ``name`` tables (PREPARE or DATASETS) of every model folder's data.py, merged."""
    table = {}
    for shared in ("train.style_presets", "train.live_sample"):  # the app's shipped data that no model owns
        table.update(getattr(importlib.import_module(shared), name, {}))
    for info in pkgutil.iter_modules(train.__path__):
        if info.ispkg and not info.name.startswith("_"):
            if importlib.util.find_spec(f"train.{info.name}.data") is not None:
                table.update(getattr(importlib.import_module(f"train.{info.name}.data"), name, {}))
    return table


def preparers() -> dict:
    return _registered("PREPARE")


def load_arrays(name: str, size: int = 32, channels: int = 3, split: str = "train"):
    """Dispatch a dataset name or folder to its loader (see the module docstring)."""
    datasets = _registered("DATASETS")
    if name in datasets:
        return datasets[name](size, channels, split)
    folder = Path(name)
    if folder.is_dir():
        return load_folder(folder, size, channels)
    raise FileNotFoundError(f"Unknown dataset {name!r}: give {', '.join(sorted(datasets))} or a folder of images.")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build offline datasets.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="build a dataset")
    p.add_argument("name", choices=sorted(preparers()))
    args = parser.parse_args(argv)
    print(preparers()[args.name]())


if __name__ == "__main__":
    main()
