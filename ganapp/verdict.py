"""What a discriminator sees: its verdict, P(real), on images, and those verdicts laid over a grid
of the images so a student can read them: a bar under each cell, from red (0: "generated") to
green (1: "real"), with its value."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ganapp import generation, imaging, weights
from ganapp.checks import COUNT, SEED

CELL = 96  # px: each judged image is shown this large (nearest-neighbour), its bar below it
BAR = 18  # px: the height of a verdict bar


def probabilities(key: str, images: np.ndarray, labels: np.ndarray | None = None) -> np.ndarray:
    """P(real) float (N,) in [0, 1] from model ``key``'s discriminator for ``images`` float32
    (N, S, S, C) in [-1, 1] (the generator's own range), with class ``labels`` int (N,) when the
    discriminator is conditional. Raises WeightsUnavailable when the weights ship none."""
    model, cfg = weights.load_discriminator(key)
    inputs = images if labels is None else [images, labels.astype(np.int32)]
    return p_real(cfg, model(inputs, training=False)).reshape(len(images))


def p_real(cfg, outputs) -> np.ndarray:
    """P(real) from a discriminator's raw outputs: the sigmoid of its logits; or, for a family trained
    with least squares (its network module's ``LEAST_SQUARES``: 1 for real, 0 for generated), the
    outputs clipped to [0, 1]. Both discriminators' optimum is the same, p_real / (p_real + p_generated)."""
    from ganapp.models import builders

    out = np.asarray(outputs, np.float64)
    return np.clip(out, 0.0, 1.0) if getattr(builders(cfg.family), "LEAST_SQUARES", False) else 1 / (1 + np.exp(-out))


def colour(p: float) -> tuple[int, int, int]:
    """Red (0) through amber (0.5) to green (1)."""
    return (int(220 * min(1.0, 2 - 2 * p)), int(180 * min(1.0, 2 * p)), 40)


def annotated_grid(images: np.ndarray, probs: np.ndarray, cols: int) -> Image.Image:
    """``images`` uint8 (N, H, W, C) enlarged to CELL px each, in ``cols`` columns, each above a bar
    as long as its P(real), coloured by it, with the value written on it."""
    n = len(images)
    rows = -(-n // cols)
    pad = 4
    sheet = Image.new("RGB", (cols * (CELL + pad) + pad, rows * (CELL + BAR + pad) + pad), (250, 250, 250))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=13)
    for i, (img, p) in enumerate(zip(images, probs)):
        x, y = pad + (i % cols) * (CELL + pad), pad + (i // cols) * (CELL + BAR + pad)
        sheet.paste(imaging.enlarged(img, CELL), (x, y))
        draw.rectangle([x, y + CELL, x + CELL - 1, y + CELL + BAR - 1], fill=(225, 225, 225))
        draw.rectangle([x, y + CELL, x + max(1, round(p * CELL)) - 1, y + CELL + BAR - 1], fill=colour(float(p)))
        draw.text((x + 4, y + CELL + 1), f"{p:.2f}", fill=(0, 0, 0), font=font)
    return sheet


def as_model_input(image, size: int, channels: int) -> np.ndarray:
    """Any image :func:`ganapp.imaging.load_image` takes -> float32 (1, size, size, channels) in
    [-1, 1]: its centre square, resized to the model's size (grey for a one-channel model)."""
    from PIL import ImageOps

    img = ImageOps.fit(imaging.load_image(image, what="image"), (size, size), Image.LANCZOS)
    arr = np.asarray(img.convert("L" if channels == 1 else "RGB"), np.float32).reshape(size, size, channels)
    return (arr / 127.5 - 1.0)[None]


def judge_samples(key: str, seed, count) -> tuple[Image.Image, float]:
    """An unconditional generator's grid of ``count`` samples from latent seed ``seed``, each above a
    bar of its discriminator's P(real); and their mean P(real)."""
    seed, count = SEED.int(seed), COUNT.int(count)
    fn, cfg = generation.latent_fn(key)
    samples = np.asarray(fn(generation.latents(seed, count, cfg.latent_dim)))
    p = probabilities(key, samples)
    return annotated_grid(imaging.pm1_to_uint8(samples), p, cols=min(8, count)), round(float(p.mean()), 4)


def judge_image(key: str, image) -> tuple[Image.Image, float]:
    """An image of your own as model ``key``'s discriminator sees it: its centre square at the model's
    size, above a bar of its P(real); and that P(real)."""
    _, cfg = weights.load_generator(key)
    x = as_model_input(image, cfg.image_size, cfg.channels)
    p = probabilities(key, x)
    return annotated_grid(imaging.pm1_to_uint8(x), p, cols=1), round(float(p[0]), 4)


# ---------------------------------------------------------------- PatchGAN maps
MAP_SIDE = 384  # px: the long side at which maps are shown
LEGEND = 22  # px: the height of the colour legend under a pair of maps


def patch_scores(model, cfg, image: np.ndarray, condition: np.ndarray | None = None) -> np.ndarray:
    """A PatchGAN's raw output per patch, float (ceil(H / 8), ceil(W / 8)), for one image float32 (H, W, 3)
    in [-1, 1], given its ``condition`` (a conditional discriminator's other input, e.g. the sketch, the
    same shape). It judges the image in tiles of the size it was trained on (``cfg.image_size``), half a
    tile apart, each patch's score the mean of the tiles that cover it (no seams): its instance
    normalisation measures whatever it is shown, and over a whole photo those statistics are not those of
    the crops it learned from (at 768 px every patch of a van Gogh painting came out below 0.05)."""
    t, half = cfg.image_size, cfg.image_size // 2
    inputs = [x for x in (condition, image) if x is not None]
    padded = [imaging.pad_to_multiple(x, half)[0] for x in inputs]
    (h, w), (hh, ww) = image.shape[:2], padded[0].shape[:2]
    hh, ww = max(hh, t), max(ww, t)
    padded = [np.pad(x, ((0, hh - x.shape[0]), (0, ww - x.shape[1]), (0, 0)), mode="reflect") for x in padded]
    spots = [(y, x) for y in range(0, hh - t + 1, half) for x in range(0, ww - t + 1, half)]
    batch = [np.stack([x[y : y + t, c : c + t] for y, c in spots]) for x in padded]
    out = np.asarray(model(batch if condition is not None else batch[0], training=False), np.float64)[..., 0]
    n = out.shape[1]  # patches per tile side (t / 8)
    total, count = np.zeros((hh * n // t, ww * n // t)), np.zeros((hh * n // t, ww * n // t))
    for (y, x), scores in zip(spots, out):
        total[y * n // t : y * n // t + n, x * n // t : x * n // t + n] += scores
        count[y * n // t : y * n // t + n, x * n // t : x * n // t + n] += 1
    return (total / count)[: -(-h * n // t), : -(-w * n // t)]


def patch_map(key: str, image: np.ndarray, condition: np.ndarray | None = None) -> np.ndarray:
    """P(real) per patch, float (h, w) in [0, 1], from model ``key``'s PatchGAN discriminator for one
    image float32 (H, W, 3) in [-1, 1] (:func:`patch_scores`). Each value judges a patch of about
    70 x 70 px."""
    model, cfg = weights.load_discriminator(key)
    return p_real(cfg, patch_scores(model, cfg, image, condition))


def overlay(image: Image.Image, probs: np.ndarray, alpha: float = 0.45) -> Image.Image:
    """``image`` with its patch verdicts laid over it: each patch tinted from red (0, "generated")
    through amber to green (1, "real"), smoothly upsampled to the image's size."""
    h, w = probs.shape
    colours = np.array([[colour(float(p)) for p in row] for row in probs], np.uint8).reshape(h, w, 3)
    tint = Image.fromarray(colours).resize(image.size, Image.BILINEAR)
    return Image.blend(image.convert("L").convert("RGB"), tint, alpha)


def legend(width: int) -> Image.Image:
    """A colour bar from 0 ("generated", red) to 1 ("real", green), with its ends written on it."""
    bar = np.array([colour(x / (width - 1)) for x in range(width)], np.uint8)
    img = Image.fromarray(np.repeat(bar[None], LEGEND, 0))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=13)
    draw.text((4, 3), "0", fill=(255, 255, 255), font=font)
    draw.text((width // 2 - 10, 3), "0.5", fill=(0, 0, 0), font=font)
    draw.text((width - 12, 3), "1", fill=(255, 255, 255), font=font)
    return img


def map_pair(left: Image.Image, left_map: np.ndarray, right: Image.Image, right_map: np.ndarray) -> Image.Image:
    """Two images side by side, each under its patch map, above one legend."""
    pad = 6
    a, b = overlay(left, left_map), overlay(right, right_map)
    w, h = a.width + b.width + 3 * pad, max(a.height, b.height) + LEGEND + 3 * pad
    sheet = Image.new("RGB", (w, h), (250, 250, 250))
    sheet.paste(a, (pad, pad))
    sheet.paste(b, (2 * pad + a.width, pad))
    sheet.paste(legend(w - 2 * pad), (pad, h - pad - LEGEND))
    return sheet
