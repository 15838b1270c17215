"""The conditional GAN's public functions: a class label and a seed in, a grid out."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganapp import generation, imaging, neighbours, verdict, weights
from ganapp.cache import Cache
from ganapp.checks import COUNT, SEED, check_int
from ganapp.errors import InputError, WeightsUnavailable

_soft = Cache()


def class_names() -> list[str]:
    """The conditional GAN's class names from the config.json beside its weights (shipped, or
    from the pinned Hub repo; no TensorFlow needed); empty when it has no usable weights."""
    try:
        return list(weights.load_model_config("cgan").class_names)
    except WeightsUnavailable:
        return []


def _label_index(label, names: list[str]) -> int:
    """A class name (any case) or index (an int, or ASCII digits) -> the index."""
    if label is None:
        raise InputError(f"Please choose a label: one of {', '.join(names)}.")
    if isinstance(label, str):
        text = label.strip()
        for i, n in enumerate(names):
            if n.lower() == text.lower():
                return i
        if not (text.isascii() and text.isdigit() and len(text) <= 3):
            shown = repr(text[:40]) + ("..." if len(text) > 40 else "")
            raise InputError(f"Unknown label {shown}; choose one of: {', '.join(names)}.")
        label = int(text)
    return check_int(label, "Label", 0, len(names) - 1)


def generate_class(label, seed: int = 0, count: int = 8, scale: int = 1) -> Image.Image:
    """A grid of ``count`` images of class ``label`` (its name, or index), at native size
    times ``scale``."""
    seed = SEED.int(seed)
    count = COUNT.int(count)
    fn, cfg = generation.latent_fn("cgan", conditional=True)
    idx = _label_index(label, list(cfg.class_names))
    out = fn(generation.latents(seed, count, cfg.latent_dim), np.full(count, idx, np.int32))
    return generation.grid(np.asarray(out), scale)


def generate_all_classes(seed: int = 0, per_class: int = 4, scale: int = 1) -> Image.Image:
    """One row per class, ``per_class`` images each, all from seed ``seed``."""
    seed = SEED.int(seed)
    per_class = check_int(per_class, "Images per class", 1, 16)
    fn, cfg = generation.latent_fn("cgan", conditional=True)
    n = cfg.num_classes
    z = np.concatenate([generation.latents(seed, per_class, cfg.latent_dim)] * n)
    labels = np.repeat(np.arange(n, dtype=np.int32), per_class)
    out = fn(z, labels)
    return generation.grid(np.asarray(out), scale, cols=per_class)


def _soft_fn():
    """(z, class weights (N, num_classes)) -> images: the loaded generator with soft labels."""
    import tensorflow as tf

    from ganapp.models.cgan import network

    model, cfg = weights.load_generator("cgan")

    def build():
        soft = network.build_generator(cfg, soft_labels=True)
        soft.set_weights(model.get_weights())
        spec = [tf.TensorSpec([None, cfg.latent_dim], tf.float32), tf.TensorSpec([None, cfg.num_classes], tf.float32)]
        return tf.function(lambda z, w: soft([z, w], training=False), input_signature=spec)

    return _soft.get(id(model), build), cfg


def class_morph(label_a, label_b, seed: int = 0, steps: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``steps`` images of one latent vector (seed ``seed``) whose class conditioning moves
    from ``label_a`` to ``label_b`` (their embeddings blended linearly): what lies between classes."""
    seed = SEED.int(seed)
    steps = check_int(steps, "Steps", 2, 16)
    fn, cfg = _soft_fn()
    names = list(cfg.class_names)
    a, b = _label_index(label_a, names), _label_index(label_b, names)
    t = np.linspace(0.0, 1.0, steps, dtype=np.float32)[:, None]
    mix = (1 - t) * np.eye(cfg.num_classes, dtype=np.float32)[a] + t * np.eye(cfg.num_classes, dtype=np.float32)[b]
    z = np.repeat(generation.latents(seed, 1, cfg.latent_dim), steps, axis=0)
    return generation.grid(np.asarray(fn(z, mix)), scale, cols=steps)


def judge_class(label, seed: int = 0, count: int = 16) -> tuple[Image.Image, float]:
    """What the discriminator sees in the generator's own items of class ``label``: the grid of
    :func:`generate_class` (same seed, same items), each above a bar of its P(real) given that
    class, and their mean P(real) in [0, 1]."""
    seed, count = SEED.int(seed), COUNT.int(count)
    fn, cfg = generation.latent_fn("cgan", conditional=True)
    labels = np.full(count, _label_index(label, list(cfg.class_names)), np.int32)
    items = np.asarray(fn(generation.latents(seed, count, cfg.latent_dim), labels))
    p = verdict.probabilities("cgan", items, labels)
    return verdict.annotated_grid(imaging.pm1_to_uint8(items), p, cols=min(8, count)), round(float(p.mean()), 4)


def judge_garment(image, label) -> tuple[Image.Image, float]:
    """An image of your own as the discriminator sees it, told it is of class ``label``: its centre
    square at the model's size (28 px, grey), above a bar of its P(real), and that P(real)."""
    _, cfg = weights.load_generator("cgan")
    labels = np.array([_label_index(label, list(cfg.class_names))], np.int32)
    x = verdict.as_model_input(image, cfg.image_size, cfg.channels)
    p = verdict.probabilities("cgan", x, labels)
    return verdict.annotated_grid(imaging.pm1_to_uint8(x), p, cols=1), round(float(p[0]), 4)


def garment_neighbours(label, seed: int = 0) -> tuple[Image.Image, float]:
    """Is it copying? The first image of class ``label`` from latent seed ``seed`` beside its nearest training
    images (of the shipped index, any class), by VGG features (top row) and by pixels (bottom row), each with its
    distance; and the nearest pixel distance (L2 over pixels in [0, 1], as the card's memorisation figure)."""
    _, cfg = weights.load_generator("cgan")
    return neighbours.of_sample("cgan", seed, _label_index(label, list(cfg.class_names)))
