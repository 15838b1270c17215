"""The one place where images are converted and sanitised.

Every image that enters the app goes through :func:`load_image`, which refuses what it
cannot safely decode with an :class:`ImageError` whose message is a sentence for the user.
Tensors handed to models are float32 NHWC; generators use [-1, 1], VGG code uses [0, 1].
"""

from __future__ import annotations

import io
import math
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from ganapp.errors import GanappError

# Decompression-bomb guard, set before anything is decoded: PIL raises for images over
# twice this many pixels; load_image refuses anything over it after reading the header only.
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False
MIN_SIDE = 16
MAX_BYTES = 25 * 1024 * 1024
# The only decoders PIL may use on uploads: no EPS (Ghostscript), PDF, PSD or other exotic parsers.
FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")  # JPEG includes multi-picture (MPO) files


class ImageError(GanappError, ValueError):
    """An input image that cannot be used; ``str(err)`` is a sentence for the user."""


def _to_rgb(img: Image.Image) -> Image.Image:
    """Any PIL mode -> 8-bit RGB. Alpha is composited on white; 16/32-bit and float
    images are scaled into 0..255 (not clipped)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        if img.mode.startswith("I;16") or (img.mode == "I" and lo >= 0 and hi <= 65535 and hi > 255):
            arr = arr / 65535.0 * 255.0
        elif hi > lo and (lo < 0 or hi > 255):
            arr = (arr - lo) / (hi - lo) * 255.0
        return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "L").convert("RGB")
    if img.mode == "P":
        img = img.convert("RGBA") if "transparency" in img.info else img.convert("RGB")
    if img.mode in ("LA", "La", "PA"):
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "RGBa"):
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, img.convert("RGBA")).convert("RGB")
    if img.mode != "RGB":
        img = img.convert("RGB")  # L, 1, CMYK, YCbCr, LAB, HSV
    return img


def load_image(source, *, max_side: int | None = None, min_side: int = MIN_SIDE, what: str = "image") -> Image.Image:
    """Open and sanitise an image from a path, bytes, numpy array or PIL image.

    Returns an 8-bit RGB ``PIL.Image`` with EXIF orientation applied (first frame of an
    animation), no side below ``min_side`` and, if ``max_side`` is given, no side above it
    (aspect ratio kept). Raises :class:`ImageError` with a user-facing sentence otherwise.
    """
    if source is None:
        raise ImageError(f"Please provide the {what}.")
    if isinstance(source, np.ndarray):
        arr = source
        if arr.dtype != np.uint8:
            arr = np.clip(arr.astype(np.float64) * (255.0 if arr.max() <= 1.0 else 1.0), 0, 255).astype(np.uint8)
        img = Image.fromarray(arr.squeeze() if arr.ndim == 3 and arr.shape[-1] == 1 else arr)
    elif isinstance(source, Image.Image):
        img = source
    else:
        if isinstance(source, (bytes, bytearray)):
            data = bytes(source)
        else:
            path = Path(source)
            try:
                size = path.stat().st_size
            except OSError:
                raise ImageError(f"The {what} file could not be read.") from None
            if size > MAX_BYTES:
                raise ImageError(f"The {what} file is {size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB.")
            data = path.read_bytes()
        if not data:
            raise ImageError(f"The {what} file is empty.")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                img = Image.open(io.BytesIO(data), formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageError(f"The {what} has too many pixels (limit {MAX_PIXELS // 1_000_000} megapixels).") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise ImageError(
                f"The {what} is not an image file this app can read (PNG, JPEG, WebP, GIF, BMP or TIFF)."
            ) from None
    w, h = img.size
    if w * h > MAX_PIXELS:
        raise ImageError(
            f"The {what} has too many pixels ({w}x{h}); the limit is {MAX_PIXELS // 1_000_000} megapixels."
        )
    if min(w, h) < min_side:
        raise ImageError(f"The {what} is {w}x{h} pixels; each side needs at least {min_side} pixels.")
    if max(w, h) / min(w, h) > 20:
        raise ImageError(f"The {what} is {w}x{h} pixels; an aspect ratio beyond 20:1 is not supported.")
    try:
        if getattr(img, "n_frames", 1) > 1:
            img.seek(0)
        img.load()
        img = ImageOps.exif_transpose(img) or img
        img = _to_rgb(img)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ImageError(f"The {what} file is damaged or truncated and could not be decoded.") from None
    if max_side is not None and max(img.size) > max_side:
        img = resize_max_side(img, max_side)
    return img


def resize_max_side(img: Image.Image, max_side: int) -> Image.Image:
    """Resize so the longer side is ``max_side`` (up or down), keeping the aspect ratio."""
    w, h = img.size
    scale = max_side / max(w, h)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return img if size == img.size else img.resize(size, Image.LANCZOS)


def to_float01(img: Image.Image) -> np.ndarray:
    """RGB PIL -> float32 (H, W, 3) in [0, 1]."""
    return np.asarray(img, dtype=np.float32) / 255.0


def to_pm1(img: Image.Image) -> np.ndarray:
    """RGB PIL -> float32 (H, W, 3) in [-1, 1]."""
    return np.asarray(img, dtype=np.float32) / 127.5 - 1.0


def from_float01(arr) -> Image.Image:
    """float (H, W, C) in [0, 1] -> PIL (RGB, or L for one channel)."""
    arr = np.clip(np.asarray(arr, dtype=np.float32) * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(arr[..., 0] if arr.shape[-1] == 1 else arr).convert("RGB")


def from_pm1(arr) -> Image.Image:
    """float (H, W, C) in [-1, 1] -> PIL RGB."""
    return from_float01((np.asarray(arr, dtype=np.float32) + 1.0) / 2.0)


def pm1_to_uint8(batch) -> np.ndarray:
    """float (N, H, W, C) in [-1, 1] -> uint8 (N, H, W, C)."""
    return np.clip((np.asarray(batch, dtype=np.float32) + 1.0) * 127.5 + 0.5, 0, 255).astype(np.uint8)


def make_grid(
    images: np.ndarray, cols: int | None = None, pad: int = 2, scale: int = 1, background: int = 255
) -> Image.Image:
    """uint8 (N, H, W, C) -> one RGB PIL grid, ``pad`` px between tiles, the whole grid
    enlarged ``scale`` x (nearest-neighbour)."""
    images = np.asarray(images)
    if images.ndim == 3:
        images = images[..., None]
    if images.shape[-1] == 1:
        images = np.repeat(images, 3, axis=-1)
    n, h, w, _ = images.shape
    cols = cols or int(math.ceil(math.sqrt(n)))
    rows = int(math.ceil(n / cols))
    grid = np.full((rows * (h + pad) + pad, cols * (w + pad) + pad, 3), background, np.uint8)
    for i, im in enumerate(images):
        r, c = divmod(i, cols)
        y, x = pad + r * (h + pad), pad + c * (w + pad)
        grid[y : y + h, x : x + w] = im
    out = Image.fromarray(grid)
    return out.resize((out.width * scale, out.height * scale), Image.NEAREST) if scale > 1 else out


MIN_SIDE = 16  # px: the smallest side a fully convolutional network here is run at (then cropped back)


def enlarged(arr: np.ndarray, size: int) -> Image.Image:
    """uint8 (H, W, C), one or three channels -> an RGB square of ``size`` px, nearest-neighbour: the
    pixels a small model drew, bigger."""
    cell = Image.fromarray(arr.squeeze(-1) if arr.shape[-1] == 1 else arr).convert("RGB")
    return cell.resize((size, size), Image.NEAREST)


def difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """How far apart two images in [-1, 1] (H, W, C) are, pixel by pixel: uint8 (H, W, 1), black where they
    agree, white where they are half the range apart or more (the mean over the colour channels)."""
    diff = np.abs(np.asarray(a, np.float32) - np.asarray(b, np.float32)).mean(-1, keepdims=True) / 2  # 0..1
    return (np.clip(diff * 2, 0, 1) * 255).astype(np.uint8)


def pad_to_multiple(arr: np.ndarray, multiple: int) -> tuple[np.ndarray, tuple[int, int]]:
    """Reflect-pad (H, W, C) so H and W are multiples of ``multiple`` and at least :data:`MIN_SIDE`
    (a 1:20 sliver keeps room for a fully convolutional network's own reflection pads at every
    scale); returns the original (H, W)."""
    h, w = arr.shape[:2]
    ph, pw = (max(-n % multiple, MIN_SIDE - n) for n in (h, w))
    if ph or pw:
        arr = np.pad(arr, ((0, ph), (0, pw), (0, 0)), mode="reflect")
    return arr, (h, w)
