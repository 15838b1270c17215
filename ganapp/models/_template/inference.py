"""The template model's public functions: plain values in (an explicit seed), a PIL image out;
the model loads lazily through ganapp.weights (a sentence when it has no weights)."""

from __future__ import annotations

from PIL import Image

from ganapp import generation
from ganapp.checks import COUNT, SEED


def template_grid(seed: int = 0, count: int = 16, scale: int = 1) -> Image.Image:
    """A grid of ``count`` images from latent seed ``seed`` (same seed -> same pixels), at native
    size times ``scale``."""
    seed = SEED.int(seed)
    count = COUNT.int(count)
    fn, cfg = generation.latent_fn("_template")
    return generation.grid(fn(generation.latents(seed, count, cfg.latent_dim)).numpy(), scale)
