"""The cartoon-face generator's public functions: latent seeds in, grids of faces out; and what
its discriminator sees."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

from ganapp import generation, inversion, neighbours, verdict
from ganapp.checks import COUNT, SEED, check_int


def generate_faces(seed: int = 0, count: int = 16, scale: int = 1) -> Image.Image:
    """A grid of ``count`` faces from latent seed ``seed`` (same seed -> same pixels), at native size
    (64 px each) times ``scale``."""
    seed, count = SEED.int(seed), COUNT.int(count)
    fn, cfg = generation.latent_fn("faces")
    return generation.grid(np.asarray(fn(generation.latents(seed, count, cfg.latent_dim))), scale)


def face_walk(seed_a: int = 0, seed_b: int = 1, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` faces walking the latent space from seed_a's first face to seed_b's."""
    seed_a, seed_b = SEED.int(seed_a, "Start seed"), SEED.int(seed_b, "End seed")
    count = check_int(count, "Steps", 2, 16)
    fn, cfg = generation.latent_fn("faces")
    faces = np.asarray(fn(generation.walk_latents(seed_a, seed_b, count, cfg.latent_dim)))
    return generation.grid(faces, scale, cols=count)


def judge_faces(seed: int = 0, count: int = 16) -> tuple[Image.Image, float]:
    """What the discriminator sees in the generator's own faces (those of :func:`generate_faces`),
    each above a bar of its P(real); and their mean P(real) in [0, 1]."""
    return verdict.judge_samples("faces", seed, count)


def judge_face_image(image) -> tuple[Image.Image, float]:
    """An image of your own as the discriminator sees it: its centre square at 64 px, above a bar of
    its P(real); and that P(real) in [0, 1]."""
    return verdict.judge_image("faces", image)


def find_face(image, steps: int = 200) -> Iterator[tuple[Image.Image, float, list[float]]]:
    """Find an image of your own in the face generator's latent space: its centre square at the model's size
    (64 px) is searched for, and every few steps this streams (a sheet: the target, what the generator makes
    from the best vector so far, their difference and the PSNR curve; that PSNR in dB; that latent vector)."""
    yield from inversion.stream("faces", image, steps)


def find_generated_face(seed: int = 0, steps: int = 200) -> Iterator[tuple[Image.Image, float, list[float]]]:
    """The same search for the generator's own first face of latent seed ``seed``: it comes back almost exactly."""
    yield from inversion.stream("faces", inversion.own_sample("faces", seed), steps)


def face_walk_from(latent: list[float], seed_b: int = 1, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` faces walking the latent space from a vector that a search found to seed_b's first face."""
    return inversion.found_walk("faces", latent, seed_b, count, scale)


def face_neighbours(seed: int = 0) -> tuple[Image.Image, float]:
    """Is it copying? The first face of latent seed ``seed`` beside its nearest training images (of the shipped
    index), by VGG features (top row) and by pixels (bottom row), each with its distance; and the nearest pixel
    distance (L2 over pixels in [0, 1], as the card's memorisation figure)."""
    return neighbours.of_sample("faces", seed)
