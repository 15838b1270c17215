"""Finding an image in a generator's latent space (GAN inversion, as in iGAN, Zhu et al. 2016).

A generator turns a latent vector z into an image. Inversion runs it backwards by search: z is
changed step by step (Adam on the pixel error) until G(z) looks like the target. Several random
starts are searched side by side and the best is shown. An image the generator drew itself comes
back almost exactly; any other image comes back as the nearest one the model can make, which shows
what the model learned to draw and what it cannot.

Every request is bounded: a fixed number of steps (:data:`STEPS`) and at most :data:`SECONDS` of
searching, whichever ends first.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw

from ganapp import generation, imaging, weights
from ganapp.cache import Cache
from ganapp.checks import SEED, Range, check_int
from ganapp.errors import InputError
from ganapp.verdict import as_model_input

STEPS = Range(20, 500, "Steps", step=10)
SECONDS = 60.0  # a search stops after this long and returns the best it found
CANDIDATES = 256  # random latent vectors tried first
STARTS = 8  # the best candidates, searched side by side
SHOW_EVERY = 10  # steps between the frames a search streams
LR = (0.1, 0.01)  # Adam's step size, first and last (cosine decay)
PRIOR = 0.05  # pulls |z|^2 / dim towards 1, where the generator's training vectors lie
PANEL = 128  # px: each panel of the streamed sheet
TOP_DB = 50  # the top of its PSNR curve

_step_fns = Cache()


@dataclass
class Found:
    """One frame of a search: ``sheet`` (target | found | difference | PSNR curve), the PSNR in dB of
    the best image so far against the target at the model's size, the step it was reached at and the
    latent vector that makes it."""

    sheet: Image.Image
    psnr: float
    step: int
    latent: np.ndarray


def psnr(mse_pm1: np.ndarray) -> np.ndarray:
    """PSNR in dB from mean squared errors of images in [-1, 1] (peak-to-peak 2)."""
    return 10 * np.log10(4.0 / np.maximum(mse_pm1, 1e-10))


def _step_fn(key: str):
    """A compiled (z, target) -> (per-start MSE, images, gradient of the loss w.r.t. z)."""
    import tensorflow as tf

    model, cfg = weights.load_generator(key)

    def trace():
        size, ch = cfg.image_size, cfg.channels

        @tf.function(
            input_signature=[tf.TensorSpec([None, cfg.latent_dim], tf.float32), tf.TensorSpec([1, size, size, ch])]
        )
        def step(z, target):
            with tf.GradientTape() as tape:
                tape.watch(z)
                x = model(z, training=False)
                mse = tf.reduce_mean(tf.square(x - target), axis=[1, 2, 3])
                prior = PRIOR * tf.square(tf.reduce_mean(tf.square(z), axis=1) - 1.0)
                loss = tf.reduce_sum(mse + prior)
            return mse, x, tape.gradient(loss, z)

        return step

    return _step_fns.get((key, id(model)), trace), cfg


def own_sample(key: str, seed) -> Image.Image:
    """The first image of latent seed ``seed`` (as in the tab's grid) at the model's size."""
    fn, cfg = generation.latent_fn(key)
    out = np.asarray(fn(generation.latents(SEED.int(seed), 1, cfg.latent_dim)))
    return Image.fromarray(imaging.pm1_to_uint8(out)[0].squeeze())


def find(key: str, image, steps=200) -> Iterator[Found]:
    """Search the latent space of model ``key``'s generator for ``image`` (any image
    :func:`ganapp.imaging.load_image` takes; its centre square at the model's size): a :class:`Found`
    every SHOW_EVERY steps, for the best of the starts at that step, and a last one when the search ends."""
    steps = STEPS.int(steps)
    fn, cfg = _step_fn(key)
    target = as_model_input(image, cfg.image_size, cfg.channels)
    rng = np.random.default_rng(0)  # the same image always gives the same search
    pool = rng.standard_normal((CANDIDATES, cfg.latent_dim)).astype(np.float32)
    images = np.asarray(generation.latent_fn(key)[0](pool))
    z = pool[np.argsort(((images - target) ** 2).mean(axis=(1, 2, 3)))[:STARTS]]
    m, v = np.zeros_like(z), np.zeros_like(z)
    curve: list[float] = []
    start = time.monotonic()
    for t in range(1, steps + 1):
        mse, x, grad = (np.asarray(a) for a in fn(z, target))
        best = int(np.argmin(mse))
        curve.append(float(psnr(mse[best])))
        last = t == steps or time.monotonic() - start > SECONDS
        if t % SHOW_EVERY == 0 or t == 1 or last:
            yield Found(_sheet(target[0], x[best], curve, steps), round(curve[-1], 2), t, z[best].copy())
        if last:
            return
        lr = LR[1] + 0.5 * (LR[0] - LR[1]) * (1 + np.cos(np.pi * t / steps))
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        z = z - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)


def stream(key: str, image, steps) -> Iterator[tuple[Image.Image, float, list[float]]]:
    """:func:`find` as the model functions stream it: (sheet, PSNR in dB, the latent vector found)."""
    for f in find(key, image, steps):
        yield f.sheet, f.psnr, [round(float(v), 5) for v in f.latent]


def found_walk(key: str, latent, seed_b, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` images walking from a found ``latent`` vector to seed_b's first image."""
    count = check_int(count, "Steps", 2, 16)
    if latent is None:
        raise InputError("Find an image first: the walk starts from the latent vector the search found.")
    _, cfg = weights.load_generator(key)
    a = np.asarray(latent, np.float32).reshape(-1)
    if a.shape != (cfg.latent_dim,) or not np.isfinite(a).all():
        raise InputError(f"A latent vector is a list of {cfg.latent_dim} finite numbers.")
    b = generation.latents(SEED.int(seed_b, "End seed"), 1, cfg.latent_dim)[0]
    fn, _ = generation.latent_fn(key)
    return generation.grid(np.asarray(fn(generation.slerp(a, b, count))), scale, cols=count)


def _sheet(target: np.ndarray, found: np.ndarray, curve: list[float], steps: int) -> Image.Image:
    """Target | found | difference (white = far off) | the PSNR so far (0 to TOP_DB over the step budget)."""
    panels = [imaging.pm1_to_uint8(target), imaging.pm1_to_uint8(found), imaging.difference(found, target)]
    pad = 6
    sheet = Image.new("RGB", (4 * PANEL + 5 * pad, PANEL + 2 * pad), (250, 250, 250))
    for i, p in enumerate(panels):
        sheet.paste(imaging.enlarged(p, PANEL), (pad + i * (PANEL + pad), pad))
    x0, y0 = pad + 3 * (PANEL + pad), pad
    draw = ImageDraw.Draw(sheet)
    draw.rectangle([x0, y0, x0 + PANEL - 1, y0 + PANEL - 1], fill=(255, 255, 255), outline=(200, 200, 200))
    top = PANEL - 1

    def y_of(db: float) -> int:
        return y0 + top - round(min(TOP_DB, max(0.0, db)) / TOP_DB * top)

    for db in (10, 20, 30, 40):  # grid lines every 10 dB, 20 dB (the goal for own images) darker
        y = y_of(db)
        draw.line([x0, y, x0 + PANEL - 1, y], fill=(170, 170, 170) if db == 20 else (225, 225, 225))
        draw.text((x0 + 2, y - 11), f"{db}", fill=(120, 120, 120))
    pts = [(x0 + round(i / max(1, steps - 1) * top), y_of(p)) for i, p in enumerate(curve)]
    if len(pts) > 1:
        draw.line(pts, fill=(30, 100, 200), width=2)
    draw.text((x0 + PANEL - 56, y0 + PANEL - 16), f"{curve[-1]:.1f} dB", fill=(30, 100, 200))
    return sheet
