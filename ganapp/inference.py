"""Inference: pure functions, PIL/numpy/ints in -> PIL out, with an explicit seed.

Nothing heavy happens at import; models are loaded lazily through ``ganapp.weights``.
Errors meant for users are :class:`ganapp.errors.GanappError` subclasses.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator

import numpy as np
from PIL import Image

from ganapp import imaging, weights
from ganapp.errors import InputError, WeightsUnavailable

MAX_SEED = 2**31 - 1
MAX_COUNT = 64
MAX_SCALE = 8
STYLE_MAX_INPUT = 2048  # long side inputs are reduced to before anything else
# One style-transfer request may do at most the work of this many L-BFGS iterations at 512 px
# (about two minutes on 2 AVX2 cores), so no call holds the style slot for long.
STYLE_CAP_ITERATIONS_AT_512 = 40


def check_int(value, name: str, lo: int, hi: int) -> int:
    """An integer in [lo, hi] (integral floats accepted), else InputError with a sentence."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a whole number between {lo} and {hi}.") from None
    if isinstance(value, bool) or not math.isfinite(f) or f != int(f) or not lo <= f <= hi:
        raise InputError(f"{name} must be a whole number between {lo} and {hi}.")
    return int(f)


def check_float(value, name: str, lo: float, hi: float) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number between {lo:g} and {hi:g}.") from None
    if isinstance(value, bool) or not math.isfinite(f) or not lo <= f <= hi:
        raise InputError(f"{name} must be a number between {lo:g} and {hi:g}.")
    return f


def check_bool(value, name: str) -> bool:
    """True or False (1 and 0 accepted), else InputError: a string such as "no" is not read as yes."""
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return bool(value)
    raise InputError(f"{name} must be true or false.")


# ---------------------------------------------------------------- style transfer
def check_style_work(max_size: int, steps: int, warm_start: bool) -> None:
    """InputError with the largest allowed step count when a request is over the cap."""
    from ganapp import gatys as st

    cap = STYLE_CAP_ITERATIONS_AT_512 * 512 * 512
    if st.work(max_size, steps, warm_start) > cap:
        most = cap // st.work(max_size, 1, warm_start)
        raise InputError(
            f"That is more work than one request may do (at most the work of "
            f"{STYLE_CAP_ITERATIONS_AT_512} iterations at 512 px): at {max_size} px, use at most "
            f"{most} steps, or a smaller output size."
        )


def style_transfer(
    content,
    style,
    content_weight: float = 1e4,
    style_weight: float = 1e-2,
    tv_weight: float = 30.0,
    steps: int = 15,
    max_size: int = 256,
    warm_start: bool = True,
) -> Iterator[tuple[Image.Image, str]]:
    """Gatys style transfer. Yields (image, status) while optimising; the last is the result.

    ``content``/``style``: anything :func:`ganapp.imaging.load_image` takes. ``steps`` is
    the L-BFGS iteration budget per scale (15: a warm start needs polish, not a painting from
    scratch; 256 px in 13-21 s on 2 AVX2 cores); ``max_size`` the long side of the output in px.
    ``warm_start``: start from the fast model's stylisation (:func:`fast_style_transfer`,
    the first image yielded, in about a second) instead of the photo, so the optimisation
    polishes a painting rather than starting one; from the photo when the shipped fast
    model (weights/fast_style) is not installed.
    """
    from ganapp import gatys as st

    content_weight = check_float(content_weight, "Content weight", 0.0, 1e8)
    style_weight = check_float(style_weight, "Style weight", 0.0, 1e6)
    tv_weight = check_float(tv_weight, "Total-variation weight", 0.0, 1e5)
    steps = check_int(steps, "Steps", 1, 500)
    max_size = check_int(max_size, "Output size", 64, 1024)
    warm_start = check_bool(warm_start, "Start from the fast result (warm_start)")
    if content_weight == 0 and style_weight == 0:
        raise InputError("Content weight and style weight cannot both be zero.")
    warm = warm_start and fast_style_handle() is None  # None: the shipped port, about a second
    check_style_work(max_size, steps, warm)
    c = imaging.load_image(content, max_side=STYLE_MAX_INPUT, what="content image")
    s = imaging.load_image(style, max_side=STYLE_MAX_INPUT, what="style image")
    init, start = None, "from the photo"
    if warm:
        init, start = fast_style_transfer(c, s, max_size), "from the fast stylisation"
    elif warm_start:
        start = "from the photo (the fast model's weights are not installed)"
    net = st.feature_net()
    for p in st.run(
        c,
        s,
        content_weight=content_weight,
        style_weight=style_weight,
        tv_weight=tv_weight,
        steps=steps,
        max_size=max_size,
        net=net,
        init=init,
    ):
        status = (
            f"{net.title} · {start} · scale {p.stage}/{p.stages} · iteration {p.iteration}/{p.total_iterations}"
            + (f" · loss {p.loss:.4g}" if p.iteration else "")
            + (" · done" if p.done else "")
        )
        yield imaging.from_float01(p.image), status


FAST_STYLE_HANDLE_ENV = "GANAPP_FAST_STYLE_MODEL"
FAST_STYLE_DEFAULT = "https://tfhub.dev/google/magenta/arbitrary-image-stylization-v1-256/2"
_fast = {}
_fast_lock = threading.Lock()


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
    with _fast_lock:
        if handle not in _fast:
            try:
                import tensorflow_hub as hub

                _fast[handle] = hub.load(handle)
            except Exception as e:
                raise WeightsUnavailable(
                    f"Fast mode needs Magenta's arbitrary-stylisation model, which could not be loaded from "
                    f"{handle} ({type(e).__name__}). Connect to the internet, or set {FAST_STYLE_HANDLE_ENV} "
                    "to a local copy of the SavedModel."
                ) from None
        return _fast[handle]


def _fast_fns():
    """(config, style predictor, transformer) of the shipped port, the networks as tf.functions: the predictor at its
    fixed 256 px, the transformer shape-polymorphic (traced once)."""
    import tensorflow as tf

    model, cfg = weights.load_generator("fast_style")
    fns = _compiled.get("fast_style")
    if fns is None or fns[0] is not model:
        predictor, transformer = model.get_layer("style_predictor"), model.get_layer("transformer")
        fns = _compiled["fast_style"] = (
            model,
            cfg,
            tf.function(
                lambda s: predictor(s, training=False),
                input_signature=[tf.TensorSpec([None, cfg.style_size, cfg.style_size, 3], tf.float32)],
            ),
            tf.function(
                lambda c, v: transformer([c, v], training=False),
                input_signature=[
                    tf.TensorSpec([1, None, None, 3], tf.float32),
                    tf.TensorSpec([1, cfg.style_dim], tf.float32),
                ],
            ),
        )
    return fns[1:]  # (cfg, predict, transform)


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

    max_size = check_int(max_size, "Output size", 64, 1024)
    strength = check_float(strength, "Strength", 0.0, 1.0)
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
    arr, (h, w) = imaging.pad_to_multiple(imaging.to_float01(c), 4)
    out = np.asarray(transform(tf.constant(arr[None]), tf.constant(vec[None].astype(np.float32))))[0, :h, :w]
    return imaging.from_float01(out)


# ---------------------------------------------------------------- latent generators
def _latents(seed: int, count: int, dim: int) -> np.ndarray:
    """Image i of a request draws from its own stream, so a seed's first images never change."""
    return np.stack([np.random.default_rng([seed, i]).standard_normal(dim) for i in range(count)]).astype(np.float32)


def _grid(batch: np.ndarray, scale, cols: int | None = None) -> Image.Image:
    """Generator output in [-1, 1] -> a grid at the images' native pixel size, 2 px apart,
    enlarged ``scale`` times (nearest-neighbour: the pixels the model drew, bigger). The page
    enlarges the native grid itself, so the server encodes a few kB instead of megapixels."""
    scale = check_int(scale, "Scale", 1, MAX_SCALE)
    return imaging.make_grid(imaging.pm1_to_uint8(batch), cols=cols, pad=2, scale=scale)


def generate_cars(seed: int = 0, count: int = 16, scale: int = 1) -> Image.Image:
    """A grid of ``count`` car fronts from latent seed ``seed`` (same seed -> same pixels), at
    native size (32 px each) times ``scale``."""
    seed = check_int(seed, "Seed", 0, MAX_SEED)
    count = check_int(count, "Count", 1, MAX_COUNT)
    fn, cfg = _latent_fn("cars")
    out = fn(_latents(seed, count, cfg.latent_dim))
    return _grid(np.asarray(out), scale)


def car_walk(seed_a: int = 0, seed_b: int = 1, count: int = 8, scale: int = 1) -> Image.Image:
    """A row of ``count`` cars walking the latent space from seed_a's first car to seed_b's
    (spherical interpolation, which keeps the latent norm the generator was trained on)."""
    seed_a = check_int(seed_a, "Start seed", 0, MAX_SEED)
    seed_b = check_int(seed_b, "End seed", 0, MAX_SEED)
    count = check_int(count, "Steps", 2, 16)
    fn, cfg = _latent_fn("cars")
    a, b = _latents(seed_a, 1, cfg.latent_dim)[0], _latents(seed_b, 1, cfg.latent_dim)[0]
    omega = np.arccos(np.clip(np.dot(a / np.linalg.norm(a), b / np.linalg.norm(b)), -1, 1))
    ts = np.linspace(0, 1, count)
    if omega < 1e-6:
        z = np.stack([a] * count)
    else:
        z = np.stack([(np.sin((1 - t) * omega) * a + np.sin(t * omega) * b) / np.sin(omega) for t in ts])
    out = fn(z.astype(np.float32))
    return _grid(np.asarray(out), scale, cols=count)


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
    seed = check_int(seed, "Seed", 0, MAX_SEED)
    count = check_int(count, "Count", 1, MAX_COUNT)
    fn, cfg = _latent_fn("cgan", conditional=True)
    idx = _label_index(label, list(cfg.class_names))
    out = fn(_latents(seed, count, cfg.latent_dim), np.full(count, idx, np.int32))
    return _grid(np.asarray(out), scale)


def generate_all_classes(seed: int = 0, per_class: int = 4, scale: int = 1) -> Image.Image:
    """One row per class, ``per_class`` images each, all from seed ``seed``."""
    seed = check_int(seed, "Seed", 0, MAX_SEED)
    per_class = check_int(per_class, "Images per class", 1, 16)
    fn, cfg = _latent_fn("cgan", conditional=True)
    n = cfg.num_classes
    z = np.concatenate([_latents(seed, per_class, cfg.latent_dim)] * n)
    labels = np.repeat(np.arange(n, dtype=np.int32), per_class)
    out = fn(z, labels)
    return _grid(np.asarray(out), scale, cols=per_class)


# ---------------------------------------------------------------- image-to-image
def van_gogh(photo, max_size: int = 512, strength: float = 1.0) -> Image.Image:
    """Photo -> van Gogh painting with the CycleGAN generator.

    The output has the photo's aspect ratio and ``max_size`` px on its long side (the
    generator is fully convolutional and runs at that size). ``strength`` in [0, 1] blends
    the painting over the photo (1 = the generator's output as is)."""
    max_size = check_int(max_size, "Output size", 64, 1024)
    strength = check_float(strength, "Strength", 0.0, 1.0)
    img = imaging.resize_max_side(imaging.load_image(photo, what="photo"), max_size)
    painting = _run_fully_conv("vangogh", img, multiple=4)
    return painting if strength == 1.0 else Image.blend(img, painting, strength)


def sketch_to_building(sketch) -> Image.Image:
    """Line sketch (dark strokes on white) -> building photo with the pix2pix generator.

    The sketch is letterboxed onto a white square of the model's size (256 px), so its
    proportions are kept; the output is the building at that scale, 256 px on its long side."""
    img = imaging.load_image(sketch, what="sketch")
    _, cfg = weights.load_generator("pix2pix")
    s = cfg.image_size
    small = imaging.resize_max_side(img, s)
    square = Image.new("RGB", (s, s), "white")
    off = ((s - small.width) // 2, (s - small.height) // 2)
    square.paste(small, off)
    out = _run_fully_conv("pix2pix", square, multiple=s)
    return out.crop((off[0], off[1], off[0] + small.width, off[1] + small.height))


def photo_to_sketch(photo, max_size: int = 512) -> Image.Image:
    """Photo -> line sketch (dark strokes on white, the pix2pix training look) via HED."""
    from ganapp import sketch

    max_size = check_int(max_size, "Output size", 64, 1024)
    return sketch.photo_to_sketch(imaging.load_image(photo, max_side=max_size, what="photo"))


_compiled: dict = {}


def generator_fn(key: str, *specs):
    """(the generator of ``key`` as a tf.function, its config). ``specs``: one function per
    input, config -> tf.TensorSpec (shape-polymorphic, so it is traced once; eager
    ``model(x)`` re-dispatches every layer on each call and was 1.4-2x slower here)."""
    import tensorflow as tf

    model, cfg = weights.load_generator(key)
    fn = _compiled.get(key)
    if fn is None or fn[0] is not model:

        def call(*inputs):
            return model(list(inputs) if len(inputs) > 1 else inputs[0], training=False)

        fn = _compiled[key] = (model, tf.function(call, input_signature=[s(cfg) for s in specs]))
    return fn[1], cfg


def image_fn(key: str):
    """An image-to-image generator: float32 (1, H, W, 3) in [-1, 1] -> the same shape."""
    import tensorflow as tf

    return generator_fn(key, lambda cfg: tf.TensorSpec([1, None, None, 3], tf.float32))[0]


def _latent_fn(key: str, conditional: bool = False):
    """(fn, cfg): z float32 (N, latent_dim) [, labels int32 (N,)] -> images (N, S, S, C) in [-1, 1]."""
    import tensorflow as tf

    specs = [lambda cfg: tf.TensorSpec([None, cfg.latent_dim], tf.float32)]
    if conditional:
        specs.append(lambda cfg: tf.TensorSpec([None], tf.int32))
    return generator_fn(key, *specs)


def _run_fully_conv(key: str, img: Image.Image, multiple: int) -> Image.Image:
    """Reflect-pad to the generator's stride, run at size, crop back: same size out as in."""
    arr, (h, w) = imaging.pad_to_multiple(imaging.to_pm1(img), multiple)
    out = np.asarray(image_fn(key)(arr[None]))[0, :h, :w]
    return imaging.from_pm1(out)
