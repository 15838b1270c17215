"""Watch a GAN learn: a small DCGAN (Radford et al., 2016) trained from noise on a sample of
Fashion-MNIST, in front of the viewer. :func:`train_live` yields a :class:`Snapshot` (the grid of
fixed latent vectors, the loss history) about once a second for at most ``seconds``; nothing is
written to disk. One run at a time per process (:data:`RUN_LOCK`); the app queues the others.

The lesson's levers are the options of :class:`LiveOptions`: learning rate, one-sided label
smoothing (Salimans et al., 2016), discriminator steps per generator step, and batch size.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ganapp import weights
from ganapp.checks import SEED, Range
from ganapp.errors import InputError, WeightsUnavailable

LATENT = 64
WIDTH = 32  # channels of the first discriminator layer (the generator's last)
GRID = 8  # an 8 x 8 grid of fixed latent vectors
RUN_LOCK = threading.Lock()
MAX_SECONDS = 90
# what a run may ask for: the tab's sliders and the API read these
LR = Range(1e-4, 5e-3, "Learning rate", step=1e-4)
LABEL_SMOOTHING = Range(0.0, 0.5, "Label smoothing", step=0.05)
D_STEPS = Range(1, 5, "Discriminator steps")
BATCH_SIZE = Range(8, 256, "Batch size", step=8)
SECONDS = Range(1, MAX_SECONDS, "Training time (s)")


def sample_path() -> Path:
    """The shipped Fashion-MNIST sample, in the weights folder (:data:`ganapp.weights.WEIGHTS_DIR`)."""
    return weights.WEIGHTS_DIR / "live" / "fashion_mnist_sample.npz"


@dataclasses.dataclass(frozen=True)
class LiveOptions:
    # defaults: recognisable garments within 60 s on 2 CPU cores (python -m bench.live_training)
    lr: float = 5e-4
    label_smoothing: float = 0.1  # real targets 1 - this
    d_steps: int = 1
    batch_size: int = 32
    seconds: float = 60.0
    seed: int = 0

    def checked(self) -> LiveOptions:
        """The options, each checked against its range (InputError with a sentence if not)."""
        return LiveOptions(
            lr=LR.float(self.lr),
            label_smoothing=LABEL_SMOOTHING.float(self.label_smoothing),
            d_steps=D_STEPS.int(self.d_steps),
            batch_size=BATCH_SIZE.int(self.batch_size),
            seconds=SECONDS.float(self.seconds),
            seed=SEED.int(self.seed),
        )


CURVES = ("seconds", "d_loss", "g_loss", "d_real", "d_fake")


@dataclasses.dataclass
class Snapshot:
    step: int
    seconds: float
    grid: np.ndarray  # uint8 (H, W) grey: the fixed latent vectors' images
    # per snapshot so far, the interval's means: seconds, the discriminator's and the generator's
    # losses, and the discriminator's belief (sigmoid) that real images / generated ones are real
    history: dict[str, list[float]]
    done: bool = False

    def last(self, curve: str, default: float = float("nan")) -> float:
        values = self.history[curve]
        return values[-1] if values else default

    def grid_png_base64(self, scale: int = 2) -> str:
        """The grid as a PNG (enlarged ``scale`` times, crisp), base64: nothing on disk."""
        import base64
        import io

        from PIL import Image

        img = Image.fromarray(self.grid)
        buf = io.BytesIO()
        img.resize((img.width * scale, img.height * scale), Image.NEAREST).save(buf, "PNG")
        return base64.b64encode(buf.getvalue()).decode()


def sample_images() -> np.ndarray:
    """The shipped Fashion-MNIST sample, float32 (N, 28, 28, 1) in [-1, 1]."""
    return _sample_images(sample_path())


@functools.cache
def _sample_images(path: Path) -> np.ndarray:
    if not path.is_file():
        raise WeightsUnavailable(
            "Live training needs its Fashion-MNIST sample (weights/live/), which this installation lacks: "
            "rebuild it with `python -m train.data prepare live`."
        )
    with np.load(path) as f:
        return f["images"][..., None].astype(np.float32) / 127.5 - 1.0


def sample_size() -> int:
    """How many images the shipped sample holds (0 if it is missing)."""
    return len(sample_images()) if sample_path().is_file() else 0


def build(seed: int, width: int = WIDTH):
    """(generator, discriminator): z (N, 64) -> (N, 28, 28, 1) in [-1, 1]; image -> logit."""
    import keras
    from keras import layers

    # the initial weights follow from ``seed`` through the initialiser's own generator: no global
    # seeding, which would reset Python's and NumPy's random numbers for every user of the server
    init = keras.initializers.RandomNormal(stddev=0.02, seed=keras.random.SeedGenerator(seed))
    g = keras.Sequential(
        [
            keras.Input((LATENT,)),
            layers.Dense(7 * 7 * 2 * width, use_bias=False, kernel_initializer=init),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Reshape((7, 7, 2 * width)),
            layers.Conv2DTranspose(width, 4, 2, "same", use_bias=False, kernel_initializer=init),
            layers.BatchNormalization(),
            layers.ReLU(),
            layers.Conv2DTranspose(1, 4, 2, "same", activation="tanh", kernel_initializer=init),
        ]
    )
    d = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(width, 4, 2, "same", kernel_initializer=init),
            layers.LeakyReLU(0.2),
            layers.Conv2D(2 * width, 4, 2, "same", kernel_initializer=init),
            layers.LeakyReLU(0.2),
            layers.Flatten(),
            layers.Dense(1, kernel_initializer=init),
        ]
    )
    return g, d


def _steps(g, d, opts: LiveOptions, data):
    """The compiled discriminator and generator steps; each draws its batch (real images and
    latent vectors) from a stateless seed."""
    import keras
    import tensorflow as tf

    d_opt = keras.optimizers.Adam(opts.lr, beta_1=0.5)
    g_opt = keras.optimizers.Adam(opts.lr, beta_1=0.5)
    images, n = tf.constant(data), opts.batch_size
    real_target = 1.0 - opts.label_smoothing

    def bce(logits, target):
        return tf.reduce_mean(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.fill(tf.shape(logits), target), logits=logits)
        )

    @tf.function  # not XLA: as fast here, and it compiles in a third of the time
    def d_step(seed):
        real = tf.gather(images, tf.random.stateless_uniform([n], seed, 0, len(data), tf.int32))
        z = tf.random.stateless_normal([n, LATENT], seed + [0, 1])
        with tf.GradientTape() as tape:
            lr, lf = d(real, training=True), d(g(z, training=True), training=True)
            loss = bce(lr, real_target) + bce(lf, 0.0)
        d_opt.apply_gradients(zip(tape.gradient(loss, d.trainable_variables), d.trainable_variables))
        return tf.stack([loss, tf.reduce_mean(tf.sigmoid(lr)), tf.reduce_mean(tf.sigmoid(lf))])

    @tf.function  # not XLA: as fast here, and it compiles in a third of the time
    def g_step(seed):
        z = tf.random.stateless_normal([n, LATENT], seed + [0, 2])
        with tf.GradientTape() as tape:
            loss = bce(d(g(z, training=True), training=True), 1.0)
        g_opt.apply_gradients(zip(tape.gradient(loss, g.trainable_variables), g.trainable_variables))
        return loss

    return d_step, g_step


def tile(images: np.ndarray) -> np.ndarray:
    """uint8 (64, 28, 28) -> one uint8 grey 8 x 8 grid, 2 px white gaps."""
    n, pad, s = GRID, 2, 28
    out = np.full((n * (s + pad) + pad, n * (s + pad) + pad), 255, np.uint8)
    for i, img in enumerate(images[: n * n]):
        r, c = divmod(i, n)
        out[pad + r * (s + pad) : pad + r * (s + pad) + s, pad + c * (s + pad) : pad + c * (s + pad) + s] = img
    return out


def cells(grid: np.ndarray) -> np.ndarray:
    """The inverse of :func:`tile`: (64, 28, 28)."""
    return np.stack(
        [grid[2 + r * 30 : 2 + r * 30 + 28, 2 + c * 30 : 2 + c * 30 + 28] for r in range(GRID) for c in range(GRID)]
    )


def grid_image(g, z: np.ndarray) -> np.ndarray:
    """The generator's images of ``z`` as one grid (:func:`tile`)."""
    return tile(((np.asarray(g(z, training=False))[..., 0] + 1) * 127.5).clip(0, 255).astype(np.uint8))


def train_live(options: LiveOptions = LiveOptions(), every_s: float = 1.0) -> Iterator[Snapshot]:
    """Train a fresh DCGAN for ``options.seconds`` (counted once the first steps have compiled),
    yielding a :class:`Snapshot` about every ``every_s`` seconds and one at the end (``done``).
    Raises InputError if a run is going."""
    opts = options.checked()
    if not RUN_LOCK.acquire(blocking=False):
        raise InputError("Another training run is going on; wait for it to end and press Train again.")
    try:
        yield from _train(opts, every_s)
    finally:
        RUN_LOCK.release()


def _train(opts: LiveOptions, every_s: float) -> Iterator[Snapshot]:
    import tensorflow as tf

    fixed = np.random.default_rng(opts.seed).standard_normal((GRID * GRID, LATENT)).astype(np.float32)
    g, d = build(opts.seed)
    d_step, g_step = _steps(g, d, opts, sample_images())
    history = {k: [] for k in CURVES}
    d_window, g_window = [], []  # this interval's step results, read once per snapshot (no sync per step)
    step, start, last = 0, time.monotonic(), -every_s
    while True:
        elapsed = time.monotonic() - start
        done = elapsed >= opts.seconds
        if done or elapsed - last >= every_s:
            if d_window:
                d_loss, d_real, d_fake = np.mean([np.asarray(v) for v in d_window], 0).tolist()
                g_loss = float(np.mean([float(v) for v in g_window]))
                for k, v in zip(CURVES, (elapsed, d_loss, g_loss, d_real, d_fake)):
                    history[k].append(round(v, 4))
            d_window, g_window = [], []
            yield Snapshot(step, elapsed, grid_image(g, fixed), {k: list(v) for k, v in history.items()}, done)
            last = time.monotonic() - start
            if done:
                return
        for k in range(opts.d_steps):
            d_window.append(d_step(tf.constant([opts.seed, step * 8 + k], tf.int64)))
        g_window.append(g_step(tf.constant([opts.seed, step * 8 + 7], tf.int64)))
        if step == 0:  # the first steps compile (seconds on a busy host): the clock starts when they are done
            float(g_window[-1])
            start, last = time.monotonic(), 0.0
        step += 1
