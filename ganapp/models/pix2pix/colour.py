"""Colour strokes for the sketch -> building model: a line sketch holds no colour, so the user may
draw some. Strokes in colour are taken out of the sketch before the generator sees it, and after it
they set the colours around them, the way user hints guide interactive colourisation (Zhang et al.,
2017), here without retraining: in CIELAB, each stroke's colour spreads by normalised Gaussian
convolution within the area the sketch's lines enclose it in (a colouring book's rule); there the
building keeps its own detail (lightness and a quarter of its chroma above a low-pass) and takes the
strokes' low-pass lightness and colour; far from them, beyond the lines and on them it is the
generator's."""

from __future__ import annotations

import numpy as np
from PIL import Image
from scipy import ndimage

# a pixel is a colour stroke when max(R, G, B) - min(R, G, B) reaches this (of 255): lines are black or
# grey (HED sketches have none; JPEG fringes along black lines stay below ~20), a pale sandstone has ~45
STROKE_CHROMA = 32
# the canvas' brush: black for lines, then colours for sky, brick, sandstone, roof tiles and trees
PALETTE = ("#000000", "#6fa8dc", "#a0432a", "#d8c49a", "#c0502f", "#4f7f3a")
SPREAD = 1 / 8  # Gaussian sigma of a stroke's reach, as a share of the image side
FULL = 0.02  # stroke coverage (blurred mask) at which the strokes' colours replace the generator's
DETAIL_CHROMA = 0.25  # share of the generator's own chroma detail kept where strokes rule (more: its halos show)
LINE_GREY = 160  # darker than this on the sketch is a line (a border between areas)
MAX_AREAS = 48  # areas coloured at most, those with the most stroke pixels: each costs a few blurs

_WHITE = np.array([0.9505, 1.0, 1.089])  # D65
_RGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])


def split_strokes(img: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """RGB sketch -> (the sketch with its colour strokes painted white, the strokes as RGBA with
    alpha 255 where they are; None when there are none)."""
    rgb = np.asarray(img.convert("RGB"))
    mask = (rgb.max(-1).astype(np.int16) - rgb.min(-1)) >= STROKE_CHROMA
    if not mask.any():
        return img, None
    lines = rgb.copy()
    lines[mask] = 255
    strokes = np.dstack([rgb, np.where(mask, 255, 0).astype(np.uint8)])
    return Image.fromarray(lines), Image.fromarray(strokes, "RGBA")


def paint(image: Image.Image, strokes: Image.Image, lines: Image.Image | None = None) -> Image.Image:
    """Colour an RGB image with RGBA strokes of its size (see the module's docstring). Given the
    sketch's ``lines`` (also of its size), a stroke colours only the area the lines enclose it in,
    as in a colouring book (the MAX_AREAS areas with the most stroke pixels), and the lines
    themselves keep the generator's colours."""
    if strokes.size != image.size or (lines is not None and lines.size != image.size):
        raise ValueError(f"The strokes and the sketch must be the image's size ({image.size}).")
    rgba = np.asarray(strokes.convert("RGBA")).astype(np.float64) / 255
    alpha = rgba[..., 3]
    lab, hint = _lab(np.asarray(image.convert("RGB")) / 255), _lab(rgba[..., :3])
    sigma = SPREAD * max(image.size)

    def blur(x):
        return ndimage.gaussian_filter(x, (sigma, sigma, 0)[: x.ndim], truncate=3)

    detail = lab - blur(lab)
    kept_detail = detail * np.array([1.0, DETAIL_CHROMA, DETAIL_CHROMA])
    regions = _regions(lines) if lines is not None else np.ones(alpha.shape, np.int32)
    out = lab.copy()
    stroked = np.bincount(regions[alpha > 0], minlength=1)
    stroked[0] = 0  # the lines
    for r in np.argsort(-stroked)[: min(MAX_AREAS, np.count_nonzero(stroked))]:
        inside = regions == r
        a = alpha * inside
        spread = blur(a)
        field = blur(hint * a[..., None]) / np.maximum(spread, 1e-6)[..., None]
        w = (np.clip(spread / np.maximum(blur(inside.astype(np.float64)), 1e-6) / FULL, 0, 1) * inside)[..., None]
        out = w * (field + kept_detail) + (1 - w) * out
    return Image.fromarray((_rgb(out) * 255).round().astype(np.uint8))


def _regions(lines: Image.Image) -> np.ndarray:
    """Label the areas a sketch's dark lines (thickened by a pixel, so small gaps close) enclose;
    0 on the lines."""
    dark = ndimage.binary_dilation(np.asarray(lines.convert("L")) < LINE_GREY)
    return ndimage.label(~dark)[0]


def _lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB in [0, 1] -> CIELAB (L in [0, 100])."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    t = linear @ _RGB_TO_XYZ.T / _WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def _rgb(lab: np.ndarray) -> np.ndarray:
    """CIELAB -> sRGB in [0, 1] (clipped)."""
    fy = (lab[..., 0] + 16) / 116
    f = np.stack([fy + lab[..., 1] / 500, fy, fy - lab[..., 2] / 200], -1)
    t = np.where(f > 6 / 29, f**3, 3 * (6 / 29) ** 2 * (f - 4 / 29)) * _WHITE
    linear = np.clip(t @ np.linalg.inv(_RGB_TO_XYZ).T, 0, 1)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)
