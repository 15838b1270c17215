"""DiffAugment (Zhao, Liu, Lin, Zhu, Han, "Differentiable Augmentation for Data-Efficient GAN
Training", NeurIPS 2020): the same kinds of differentiable augmentation applied to real *and*
generated images before every discriminator call, so that a discriminator shown a few images
cannot memorise them, while the generator still receives gradients through the augmentation.

Images in [-1, 1], (N, H, W, C). The policy is a comma-separated subset of ``color``,
``translation``, ``cutout`` (the paper's full policy: all three). Randomness is stateless and
drawn from ``seed``, each image its own; tracing under XLA works.
"""

from __future__ import annotations

POLICIES = ("color", "translation", "cutout")


def parse_policy(policy: str) -> tuple[str, ...]:
    """``"color,translation"`` -> ``("color", "translation")``; an unknown name is an error."""
    names = tuple(p.strip() for p in policy.split(",") if p.strip())
    unknown = sorted(set(names) - set(POLICIES))
    if unknown:
        raise ValueError(f"Unknown DiffAugment policy {', '.join(unknown)}: choose from {', '.join(POLICIES)}.")
    return names


def _salted(seed, salt: int):
    import tensorflow as tf

    return seed + tf.constant([0, salt], seed.dtype)


def _uniform(shape, seed, salt, lo=0.0, hi=1.0):
    import tensorflow as tf

    return tf.random.stateless_uniform(shape, seed=_salted(seed, salt), minval=lo, maxval=hi)


def color(x, seed):
    """Brightness +-0.5, saturation x0-2, contrast x0.5-1.5 (the paper's ranges, on [-1, 1] images)."""
    import tensorflow as tf

    n = tf.shape(x)[0]
    x = x + _uniform([n, 1, 1, 1], seed, 1, -0.5, 0.5)
    mean = tf.reduce_mean(x, axis=3, keepdims=True)
    x = (x - mean) * _uniform([n, 1, 1, 1], seed, 2, 0.0, 2.0) + mean
    mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
    return (x - mean) * _uniform([n, 1, 1, 1], seed, 3, 0.5, 1.5) + mean


def translation(x, seed, ratio: float = 0.125):
    """Shift each image by up to ``ratio`` of its size in each direction, the gap filled with zeros."""
    import tensorflow as tf

    shape = tf.shape(x)
    n, h, w = shape[0], shape[1], shape[2]
    max_y = tf.cast(tf.cast(h, tf.float32) * ratio + 0.5, tf.int32)
    max_x = tf.cast(tf.cast(w, tf.float32) * ratio + 0.5, tf.int32)
    dy = tf.random.stateless_uniform([n, 1], seed=_salted(seed, 4), minval=-max_y, maxval=max_y + 1, dtype=tf.int32)
    dx = tf.random.stateless_uniform([n, 1], seed=_salted(seed, 5), minval=-max_x, maxval=max_x + 1, dtype=tf.int32)
    ys, xs = tf.range(h)[None] - dy, tf.range(w)[None] - dx  # (n, h), (n, w): source rows/columns
    ok = (ys >= 0) & (ys < h)
    ok = ok[:, :, None] & ((xs >= 0) & (xs < w))[:, None, :]
    rows = tf.gather(x, tf.clip_by_value(ys, 0, h - 1), axis=1, batch_dims=1)
    out = tf.gather(rows, tf.clip_by_value(xs, 0, w - 1), axis=2, batch_dims=1)
    return out * tf.cast(ok, x.dtype)[..., None]


def cutout(x, seed, ratio: float = 0.5):
    """Zero one square of ``ratio`` of the image's size at a random place in each image."""
    import tensorflow as tf

    shape = tf.shape(x)
    n, h, w = shape[0], shape[1], shape[2]
    hf, wf = tf.cast(h, tf.float32), tf.cast(w, tf.float32)
    cy = _uniform([n, 1, 1], seed, 6) * hf
    cx = _uniform([n, 1, 1], seed, 7) * wf
    yy = tf.cast(tf.range(h), tf.float32)[None, :, None]
    xx = tf.cast(tf.range(w), tf.float32)[None, None, :]
    inside = (tf.abs(yy - cy) < hf * ratio / 2) & (tf.abs(xx - cx) < wf * ratio / 2)
    return x * (1.0 - tf.cast(inside, x.dtype))[..., None]


def augment(x, policy: tuple[str, ...], seed):
    """``x`` through the policy's augmentations in the paper's order (identity for an empty policy).
    ``seed``: a stateless seed (a shape-[2] integer tensor); one call, one draw."""
    import tensorflow as tf

    seed = tf.convert_to_tensor(seed)
    ops = {"color": color, "translation": translation, "cutout": cutout}
    for i, name in enumerate(p for p in POLICIES if p in policy):
        x = ops[name](x, _salted(seed, 1000 * (i + 1)))
    return x
