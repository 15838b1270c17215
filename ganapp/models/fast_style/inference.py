"""Fast arbitrary style transfer (the shipped Keras port of Magenta's networks, or a TF-Hub
model): content and style images in, the stylised content out, in one pass."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganapp import imaging, weights
from ganapp.cache import Cache
from ganapp.checks import OUTPUT_SIZE, STRENGTH, Range
from ganapp.errors import WeightsUnavailable

MIX = Range(0.0, 1.0, "Mix", step=0.05)
STYLE_MAX_INPUT = 2048  # long side a style image is reduced to before anything else


FAST_STYLE_HANDLE_ENV = "GANAPP_FAST_STYLE_MODEL"
FAST_STYLE_DEFAULT = "https://tfhub.dev/google/magenta/arbitrary-image-stylization-v1-256/2"
_hub_models = Cache()
_compiled = Cache()


def fast_style_handle() -> str | None:
    """The TF-Hub handle (URL or local SavedModel folder) fast mode loads, or None when it uses the
    shipped Keras port (weights/fast_style): the port unless GANAPP_FAST_STYLE_MODEL names a handle,
    the Hub model when the port's weights are missing."""
    import os

    handle = os.environ.get(FAST_STYLE_HANDLE_ENV, "").strip()
    if handle:
        return handle
    return None if weights.is_available("fast_style") else FAST_STYLE_DEFAULT


def _hub_model(handle: str):
    def load():
        try:
            import tensorflow_hub as hub

            return hub.load(handle)
        except Exception as e:
            raise WeightsUnavailable(
                f"Fast mode needs Magenta's arbitrary-stylisation model, which could not be loaded from "
                f"{handle} ({type(e).__name__}). Connect to the internet, or set {FAST_STYLE_HANDLE_ENV} "
                "to a local copy of the SavedModel."
            ) from None

    return _hub_models.get(handle, load)


def _fast_fns():
    """(config, style predictor, transformer) of the shipped port, the networks as tf.functions: the predictor at its
    fixed 256 px, the transformer shape-polymorphic (traced once per loaded model)."""
    import tensorflow as tf

    model, cfg = weights.load_generator("fast_style")

    def trace():
        predictor, transformer = model.get_layer("style_predictor"), model.get_layer("transformer")
        predict = tf.function(
            lambda s: predictor(s, training=False),
            input_signature=[tf.TensorSpec([None, cfg.style_size, cfg.style_size, 3], tf.float32)],
        )
        transform = tf.function(
            lambda c, v: transformer([c, v], training=False),
            input_signature=[
                tf.TensorSpec([1, None, None, 3], tf.float32),
                tf.TensorSpec([1, cfg.style_dim], tf.float32),
            ],
        )
        return predict, transform

    return (cfg, *_compiled.get(id(model), trace))


def _style_square(img: Image.Image, size: int) -> np.ndarray:
    """The centre square of ``img`` at size x size, float32 (size, size, 3) in [0, 1]."""
    from PIL import ImageOps

    return imaging.to_float01(ImageOps.fit(img, (size, size), Image.LANCZOS))


def fast_style_transfer(content, style, max_size: int = 512, strength: float = 1.0) -> Image.Image:
    """Magenta arbitrary image stylisation (Ghiasi et al., 2017): one pass, about a second.

    The content is resized to ``max_size`` px on its long side (64-1024) and keeps its aspect
    ratio; the style's centre square is read at 256 px. ``strength`` in [0, 1] blends the
    content's own style vector with the style's (Magenta's interpolation): 1 is the style's.
    Runs the shipped Keras port (weights/fast_style); with GANAPP_FAST_STYLE_MODEL set, or
    without those weights, the TF-Hub model, where ``strength`` blends pixels instead."""
    import tensorflow as tf

    max_size = OUTPUT_SIZE.int(max_size)
    strength = STRENGTH.float(strength)
    c = imaging.resize_max_side(imaging.load_image(content, what="content image"), max_size)
    s = imaging.load_image(style, max_side=STYLE_MAX_INPUT, what="style image")
    handle = fast_style_handle()
    if handle is not None:
        model = _hub_model(handle)
        out = model(tf.constant(imaging.to_float01(c)[None]), tf.constant(_style_square(s, 256)[None]))[0]
        painted = imaging.from_float01(np.asarray(out)[0])
        return painted if strength == 1.0 else Image.blend(c, painted.resize(c.size), strength)
    cfg, predict, transform = _fast_fns()
    squares = [_style_square(s, cfg.style_size)] + ([_style_square(c, cfg.style_size)] if strength < 1 else [])
    vectors = np.asarray(predict(tf.constant(np.stack(squares))))
    vec = vectors[0] if strength == 1 else strength * vectors[0] + (1 - strength) * vectors[1]
    return _transform(transform, c, vec)


def _transform(transform, content: Image.Image, vec: np.ndarray) -> Image.Image:
    """The transformer network on ``content`` at its size, with style vector ``vec``."""
    import tensorflow as tf

    arr, (h, w) = imaging.pad_to_multiple(imaging.to_float01(content), 4)
    out = np.asarray(transform(tf.constant(arr[None]), tf.constant(vec[None].astype(np.float32))))[0, :h, :w]
    return imaging.from_float01(out)


def fast_style_mix(content, style, style_b, mix: float = 0.5, max_size: int = 512) -> Image.Image:
    """Two paintings at once: the content stylised with the two styles' vectors interpolated
    (``mix`` 0 is ``style``'s, 1 is ``style_b``'s), one pass of the shipped Keras port."""
    import tensorflow as tf

    max_size = OUTPUT_SIZE.int(max_size)
    mix = MIX.float(mix)
    c = imaging.resize_max_side(imaging.load_image(content, what="content image"), max_size)
    a = imaging.load_image(style, max_side=STYLE_MAX_INPUT, what="first style image")
    b = imaging.load_image(style_b, max_side=STYLE_MAX_INPUT, what="second style image")
    if fast_style_handle() is not None:
        raise WeightsUnavailable(
            "Mixing two styles needs the shipped Keras port of the fast model (weights/fast_style), whose style "
            f"vectors it blends; {FAST_STYLE_HANDLE_ENV} selects a TF-Hub model instead."
        )
    cfg, predict, transform = _fast_fns()
    va, vb = np.asarray(
        predict(tf.constant(np.stack([_style_square(a, cfg.style_size), _style_square(b, cfg.style_size)])))
    )
    return _transform(transform, c, (1 - mix) * va + mix * vb)
