"""The sketch model's colour code: which of the many buildings a line sketch could be.

A sketch holds lines, not colour or material, so a generator trained to give one answer paints the
average of all the right answers (sepia). As in BicycleGAN (Zhu et al., NeurIPS 2017) the
generator also takes a code that picks one answer. Here the code is readable: the mean colours of
a photo's pixels in ``colours`` bands of brightness, darkest first (shadows and windows, walls,
sky). In training the code comes from the photo the generator must draw, so it learns which
materials go with which colours; at inference it comes from a reference photo, or from a seed,
which mixes the codes of two training photos (``codes.npz`` beside the weights).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

CODES = "codes.npz"  # the training photos' codes, shipped beside the weights
CODE_SIDE = 64  # px: a photo is reduced to this before its code is read (the code is global)
SWATCH = 32  # px per colour in a code's picture


def colour_code(photo, colours: int) -> np.ndarray:
    """float32 (3 x colours,) in [-1, 1]: the mean RGB of each of ``colours`` equal shares of a
    photo's pixels ranked by brightness, darkest first. ``photo``: uint8 (H, W, 3) or a PIL image."""
    img = photo if isinstance(photo, Image.Image) else Image.fromarray(np.asarray(photo, np.uint8))
    px = np.asarray(img.convert("RGB").resize((CODE_SIDE, CODE_SIDE), Image.Resampling.BOX), np.float32).reshape(-1, 3)
    order = np.argsort(px @ np.array([0.299, 0.587, 0.114], np.float32), kind="stable")
    bands = np.array_split(px[order], colours)
    return (np.concatenate([b.mean(0) for b in bands]) / 127.5 - 1.0).astype(np.float32)


def seeded_code(seed: int, bank: np.ndarray) -> np.ndarray:
    """float32 (D,): the code of ``seed``: two training photos' codes (rows of ``bank``, (N, D))
    mixed by a share of 0-50 %. Mixing keeps each band's brightness order, so every drawn code is
    a palette that lies between real buildings'."""
    rng = np.random.default_rng(seed)
    i, j = rng.choice(len(bank), 2, replace=len(bank) < 2)
    share = rng.uniform(0.0, 0.5)
    return ((1 - share) * bank[i] + share * bank[j]).astype(np.float32)


def load_bank(folder) -> np.ndarray:
    """float32 (N, D): the training photos' codes in a weights folder's ``codes.npz`` (no pickles)."""
    from pathlib import Path

    with np.load(Path(folder) / CODES, allow_pickle=False) as f:
        return np.asarray(f["codes"], np.float32)


def seeded_codes(bank: np.ndarray, count: int) -> np.ndarray:
    """float32 (count, D): seed i's code for image i, the codes the evaluation and the samples draw with."""
    return np.stack([seeded_code(i, bank) for i in range(count)])


def swatch(code: np.ndarray) -> Image.Image:
    """A picture of a code: one square of each colour, darkest on the left."""
    rgb = np.clip((np.asarray(code, np.float32).reshape(-1, 3) + 1) * 127.5, 0, 255).round().astype(np.uint8)
    return Image.fromarray(np.repeat(np.repeat(rgb[None], SWATCH, 0), SWATCH, 1))
