"""Car DCGAN training throughput: our fused tf.function step vs the seed's Keras loop
(``d.train_on_batch`` on real and on fake, then ``gan.train_on_batch`` through a frozen
discriminator), same architecture, same batch, same process. Also the latency of a
64-image grid from the app's inference function.

    python bench/train_step.py [--steps 30] [--batch 128]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def seed_loop(cfg, x, batch: int, steps: int) -> float:
    """The seed project's loop, written the straightforward Keras way. Returns images/s."""
    import keras
    import numpy as np

    from ganapp.models import dcgan

    g = dcgan.build_generator(cfg)
    d = keras.Sequential([dcgan.build_discriminator(cfg), keras.layers.Activation("sigmoid")])
    d.compile(optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5), loss="binary_crossentropy")
    d.trainable = False
    gan = keras.Sequential([g, d])
    gan.compile(optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5), loss="binary_crossentropy")
    d.trainable = True
    rng = np.random.default_rng(0)

    def step():
        real = x[rng.integers(0, len(x), batch)]
        z = rng.standard_normal((batch, cfg.latent_dim)).astype("float32")
        fake = g.predict(z, verbose=0)
        d.train_on_batch(real, np.ones((batch, 1)))
        d.train_on_batch(fake, np.zeros((batch, 1)))
        gan.train_on_batch(z, np.ones((batch, 1)))

    for _ in range(3):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * batch / (time.perf_counter() - t0)


def our_loop(batch: int, steps: int) -> float:
    import tensorflow as tf

    from ganapp.config import DCGANConfig
    from train.cars import CarsTrainConfig
    from train.common import make_strategy, make_step_fn
    from train.smallgan import SmallGANTask

    task = SmallGANTask("cars", CarsTrainConfig(batch_size=batch), DCGANConfig())
    strategy = make_strategy("default")
    task.strategy = strategy
    with strategy.scope():
        task.build()
    step_fn = make_step_fn(task, strategy)
    batches = iter(task.dataset(0).repeat())
    for i in range(3):
        step_fn(next(batches), tf.constant(i, tf.int64))
    t0 = time.perf_counter()
    for i in range(steps):
        losses = step_fn(next(batches), tf.constant(3 + i, tf.int64))
    float(losses["g_loss"])  # wait for the last step
    return steps * batch / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--batch", type=int, default=128)
    args = ap.parse_args()

    from ganapp.config import DCGANConfig
    from train.data import load_arrays

    x, _, _ = load_arrays("cars_synth")
    x = x[:4096].astype("float32") / 127.5 - 1.0
    seed = seed_loop(DCGANConfig(), x, args.batch, args.steps)
    ours = our_loop(args.batch, args.steps)
    print(f"seed's train_on_batch loop: {seed:.0f} images/s")
    print(f"our tf.function train step: {ours:.0f} images/s")
    print(f"speed-up: {ours / seed:.2f}x")

    import ganapp
    from ganapp import weights

    if weights.is_available("cars"):
        ganapp.generate_cars(0, 64)
        t0 = time.perf_counter()
        for i in range(10):
            ganapp.generate_cars(i, 64)
        print(f"64-image car grid (generate + 128 px tiles + PNG-ready grid): {(time.perf_counter() - t0) / 10 * 1000:.0f} ms")


if __name__ == "__main__":
    main()
