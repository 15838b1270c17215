"""Is it copying? A generated image beside its nearest training images.

A GAN that memorised its training set would draw copies of it. The weights folder ships a small
index, ``neighbours.npz``: a random subset of the training images at the model's size, with their
features in the space where the card's Frechet distance is measured (the offline VGG16's mean-pooled
block3_conv3, :func:`ganapp.vgg.pooled_features`). A generated image is compared with every image of
the index twice: by those features (what it looks like) and by its pixels (the distance the card's
memorisation figure uses: L2 over pixels in [0, 1]).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ganapp import imaging, weights
from ganapp.checks import SEED
from ganapp.errors import WeightsUnavailable

INDEX = "neighbours.npz"
SHOWN = 5  # neighbours in each row
CELL = 96  # px: each image of the sheet
MAX_INDEX = 20_000  # images an index may hold (a hostile file is refused before it fills memory)


def has_index(key: str) -> bool:
    """Cheap check for the UI: do the shipped weights include the neighbours index? (A Hub repo is
    asked only when the view is built.)"""
    folder = weights.local_dir(key)
    return weights.from_hub(key) or (folder is not None and (folder / INDEX).is_file())


def index_size(key: str) -> dict:
    """{"shown": images in the index, "of": the training set's size}, read without the images."""
    return counts(_index_path(key))


def counts(path: Path) -> dict:
    """{"shown", "of"} of the index file at ``path`` (also what a model card says of it)."""
    try:
        with np.load(path, allow_pickle=False) as f:
            return {"shown": len(f["features"]), "of": int(f["of"])}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        raise WeightsUnavailable(f"The neighbours index ({INDEX}) could not be read.") from None


def _index_path(key: str) -> Path:
    """The index file, from the same place as the weights; WeightsUnavailable when there is none."""
    path = weights.model_dir(key, files=("config.json", INDEX)) / INDEX
    if not path.is_file():
        raise WeightsUnavailable(
            f"These {key} weights ship no neighbours index ({INDEX}); make it with `python -m train.neighbours {key}`."
        )
    return path


def load_index(key: str) -> dict:
    """Cached {"images": uint8 (N, S, S, C), "features": float32 (N, F), "of": the training set's
    size} from the weights folder; WeightsUnavailable when there is none or it does not match the model."""

    def load():
        path = _index_path(key)
        _, cfg = weights.load_generator(key)
        shape = (cfg.image_size, cfg.image_size, cfg.channels)
        most = MAX_INDEX * (int(np.prod(shape)) + 256 * 4) + 2**20  # bytes, read before anything is loaded
        try:
            with zipfile.ZipFile(path) as z:
                too_big = sum(i.file_size for i in z.infolist()) > most
            if not too_big:
                with np.load(path, allow_pickle=False) as f:
                    images, features, of = f["images"], f["features"].astype(np.float32), int(f["of"])
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            raise WeightsUnavailable(f"The neighbours index ({INDEX}) could not be read.") from None
        if too_big or images.dtype != np.uint8 or images.shape[1:] != shape or not 0 < len(images) <= MAX_INDEX:
            raise WeightsUnavailable(f"The neighbours index does not hold up to {MAX_INDEX:,} images of {shape}.")
        if features.shape != (len(images), 256) or not np.isfinite(features).all():
            raise WeightsUnavailable("The neighbours index's features do not match its images.")
        return {"images": images, "features": features, "of": of}

    return weights.cached(f"{key}/{INDEX}", load)


def nearest(key: str, image: np.ndarray, k: int = SHOWN) -> dict:
    """The ``k`` nearest index images to ``image`` (uint8 (S, S, C), the model's size): their
    positions and distances by features and by pixels, nearest first."""
    from ganapp import vgg

    index = load_index(key)
    f = vgg.pooled_features(image[None])[0]
    by_feat = np.sqrt(((index["features"] - f) ** 2).sum(1))
    q = image.reshape(-1).astype(np.float32) / 255
    by_pix = np.sqrt(((index["images"].reshape(len(index["images"]), -1).astype(np.float32) / 255 - q) ** 2).sum(1))
    out = {}
    for name, d in (("features", by_feat), ("pixels", by_pix)):
        order = np.argsort(d, kind="stable")[:k]
        out[name] = {"index": order, "distance": d[order]}
    return out


def sheet(key: str, image: np.ndarray, found: dict) -> Image.Image:
    """Two rows: the image, then its nearest index images by features; the image, then by pixels;
    each neighbour's distance written under it."""
    index = load_index(key)
    pad, text = 6, 18
    rows = [("features", found["features"]), ("pixels", found["pixels"])]
    cols = 1 + len(found["features"]["index"])
    out = Image.new("RGB", (cols * (CELL + pad) + 3 * pad, 2 * (CELL + text + pad) + pad), (250, 250, 250))
    draw = ImageDraw.Draw(out)
    font = ImageFont.load_default(size=13)

    for r, (_, row) in enumerate(rows):
        y = pad + r * (CELL + text + pad)
        out.paste(imaging.enlarged(image, CELL), (pad, y))
        draw.rectangle([pad - 3, y - 3, pad + CELL + 2, y + CELL + 2], outline=(30, 100, 200), width=3)
        for c, (i, d) in enumerate(zip(row["index"], row["distance"])):
            x = 3 * pad + (c + 1) * (CELL + pad)
            out.paste(imaging.enlarged(index["images"][i], CELL), (x, y))
            draw.text((x + 2, y + CELL + 2), f"{d:.2f}", fill=(0, 0, 0), font=font)
    return out


def of_sample(key: str, seed, label: int | None = None) -> tuple[Image.Image, float]:
    """The first image of latent seed ``seed`` (of class index ``label`` for a conditional model), as
    in the tab's grid, beside its nearest index images: (the sheet, its nearest pixel distance)."""
    from ganapp import generation

    seed = SEED.int(seed)
    fn, cfg = generation.latent_fn(key, conditional=label is not None)
    z = generation.latents(seed, 1, cfg.latent_dim)
    pm1 = np.asarray(fn(z) if label is None else fn(z, np.array([label], np.int32)))
    image = imaging.pm1_to_uint8(pm1)[0]
    found = nearest(key, image)
    return sheet(key, image, found), round(float(found["pixels"]["distance"][0]), 3)
