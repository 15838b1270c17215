"""The car generator's public functions: latent seeds in, grids of car fronts out."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

from ganapp import generation, inversion, neighbours, verdict
from ganapp.checks import COUNT, SEED, check_int


def generate_cars(seed: int = 0, count: int = 16, scale: int = 1) -> Image.Image:
    """A grid of ``count`` car fronts from latent seed ``seed`` (same seed -> same pixels), at
    native size (32 px each) times ``scale``."""
    seed = SEED.int(seed)
    count = COUNT.int(count)
    fn, cfg = generation.latent_fn("cars")
    out = fn(generation.latents(seed, count, cfg.latent_dim))
    return generation.grid(np.asarray(out), scale)


def _walk(seed_a: int, seed_b: int, steps: int):
    """(generator outputs of ``steps`` latents from seed_a's first car to seed_b's, spherically
    interpolated: the latent norm the generator was trained on is kept)."""
    seed_a = SEED.int(seed_a, "Start seed")
    seed_b = SEED.int(seed_b, "End seed")
    fn, cfg = generation.latent_fn("cars")
    return np.asarray(fn(generation.walk_latents(seed_a, seed_b, steps, cfg.latent_dim)))


def car_walk(seed_a: int = 0, seed_b: int = 1, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` cars walking the latent space from seed_a's first car to seed_b's."""
    count = check_int(count, "Steps", 2, 16)
    return generation.grid(_walk(seed_a, seed_b, count), scale, cols=count)


def car_walk_frames(seed_a: int = 0, seed_b: int = 1, frames: int = 24, scale: int = 4) -> list[Image.Image]:
    """The same walk as an animation: ``frames`` cars from seed_a's to seed_b's and back, each
    enlarged ``scale`` times (nearest-neighbour), for an animated image."""
    frames = check_int(frames, "Frames", 4, 96)
    half = _walk(seed_a, seed_b, frames // 2 + 1)
    there_and_back = np.concatenate([half, half[-2:0:-1]])[:frames]
    return [generation.grid(car[None], scale) for car in there_and_back]


def judge_cars(seed: int = 0, count: int = 16) -> tuple[Image.Image, float]:
    """What the discriminator sees in the generator's own cars: the cars of :func:`generate_cars`
    (same seed, same cars), each above a bar of its P(real) (red 0: "generated", green 1: "real"),
    and their mean P(real) in [0, 1]."""
    return verdict.judge_samples("cars", seed, count)


def judge_car_image(image) -> tuple[Image.Image, float]:
    """An image of your own as the discriminator sees it: its centre square at the model's size
    (32 px), above a bar of its P(real), and that P(real) in [0, 1]."""
    return verdict.judge_image("cars", image)


def find_car(image, steps: int = 200) -> Iterator[tuple[Image.Image, float, list[float]]]:
    """Find an image of your own in the car generator's latent space: its centre square at the model's size
    (32 px) is searched for, and every few steps this streams (a sheet: the target, what the generator makes
    from the best vector so far, their difference and the PSNR curve; that PSNR in dB; that latent vector)."""
    yield from inversion.stream("cars", image, steps)


def find_generated_car(seed: int = 0, steps: int = 200) -> Iterator[tuple[Image.Image, float, list[float]]]:
    """The same search for the generator's own first car of latent seed ``seed``: it comes back almost exactly."""
    yield from inversion.stream("cars", inversion.own_sample("cars", seed), steps)


def car_walk_from(latent: list[float], seed_b: int = 1, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` cars walking the latent space from a vector that a search found to seed_b's first car."""
    return inversion.found_walk("cars", latent, seed_b, count, scale)


def car_neighbours(seed: int = 0) -> tuple[Image.Image, float]:
    """Is it copying? The first car of latent seed ``seed`` beside its nearest training images (of the shipped
    index), by VGG features (top row) and by pixels (bottom row), each with its distance; and the nearest pixel
    distance (L2 over pixels in [0, 1], as the card's memorisation figure)."""
    return neighbours.of_sample("cars", seed)
