"""Running the generators: each network as a traced tf.function (cached per loaded model),
latent vectors from an explicit seed, and grids of generated images."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganapp import imaging, weights
from ganapp.cache import Cache
from ganapp.checks import MAX_SCALE, check_int

_compiled = Cache()


def latents(seed: int, count: int, dim: int) -> np.ndarray:
    """Image i of a request draws from its own stream, so a seed's first images never change."""
    return np.stack([np.random.default_rng([seed, i]).standard_normal(dim) for i in range(count)]).astype(np.float32)


def slerp(a: np.ndarray, b: np.ndarray, steps: int) -> np.ndarray:
    """float32 (steps, dim): from latent vector a to b, spherically interpolated, so the latent norm
    a generator was trained on is kept along the way."""
    omega = np.arccos(np.clip(np.dot(a / np.linalg.norm(a), b / np.linalg.norm(b)), -1, 1))
    if omega < 1e-6:
        return np.stack([a] * steps).astype(np.float32)
    ts = np.linspace(0, 1, steps)
    return np.stack([(np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega) for t in ts]).astype(
        np.float32
    )


def walk_latents(seed_a: int, seed_b: int, steps: int, dim: int) -> np.ndarray:
    """float32 (steps, dim): from seed_a's first latent vector to seed_b's (:func:`slerp`)."""
    return slerp(latents(seed_a, 1, dim)[0], latents(seed_b, 1, dim)[0], steps)


def grid(batch: np.ndarray, scale, cols: int | None = None) -> Image.Image:
    """Generator output in [-1, 1] -> a grid at the images' native pixel size, 2 px apart,
    enlarged ``scale`` times (nearest-neighbour: the pixels the model drew, bigger). The page
    enlarges the native grid itself, so the server encodes a few kB instead of megapixels."""
    scale = check_int(scale, "Scale", 1, MAX_SCALE)
    return imaging.make_grid(imaging.pm1_to_uint8(batch), cols=cols, pad=2, scale=scale)


def generator_fn(key: str, *specs, inverse: bool = False):
    """(the generator of ``key`` as a tf.function, its config). ``specs``: one function per
    input, config -> tf.TensorSpec (shape-polymorphic, so it is traced once; eager
    ``model(x)`` re-dispatches every layer on each call and was 1.4-2x slower here). ``inverse``:
    a CycleGAN's generator of the way back instead."""
    import tensorflow as tf

    model, cfg = weights.load_extra(key, weights.INVERSE) if inverse else weights.load_generator(key)

    def trace():
        def call(*inputs):
            return model(list(inputs) if len(inputs) > 1 else inputs[0], training=False)

        return tf.function(call, input_signature=[s(cfg) for s in specs])

    # keyed by the model object: reloaded weights get their own function (the closure keeps the
    # model alive, so its id cannot be reused while the entry exists)
    return _compiled.get((key, id(model)), trace), cfg


def image_fn(key: str, inverse: bool = False):
    """An image-to-image generator (``inverse``: its way back): float32 (1, H, W, 3) in [-1, 1] -> the same shape."""
    import tensorflow as tf

    return generator_fn(key, lambda cfg: tf.TensorSpec([1, None, None, 3], tf.float32), inverse=inverse)[0]


def latent_fn(key: str, conditional: bool = False):
    """(fn, cfg): z float32 (N, latent_dim) [, labels int32 (N,)] -> images (N, S, S, C) in [-1, 1]."""
    import tensorflow as tf

    specs = [lambda cfg: tf.TensorSpec([None, cfg.latent_dim], tf.float32)]
    if conditional:
        specs.append(lambda cfg: tf.TensorSpec([None], tf.int32))
    return generator_fn(key, *specs)


def run_fully_conv(key: str, img: Image.Image, multiple: int, inverse: bool = False) -> Image.Image:
    """Reflect-pad to the generator's stride, run at size, crop back: same size out as in."""
    arr, (h, w) = imaging.pad_to_multiple(imaging.to_pm1(img), multiple)
    out = np.asarray(image_fn(key, inverse)(arr[None]))[0, :h, :w]
    return imaging.from_pm1(out)
