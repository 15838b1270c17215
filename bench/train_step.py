"""Car DCGAN training throughput: our fused tf.function step vs the seed's Keras loop
(``d.train_on_batch`` on real and on fake, then ``gan.train_on_batch`` through a frozen
discriminator), same architecture, same batch, same process. Also the latency of a
64-image grid from the app's inference function.

    python -m bench.train_step [--steps 10] [--rounds 5] [--batch 128]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_loop(cfg, x, batch: int):
    """The seed project's loop, written the straightforward Keras way. Returns a step()."""
    import keras
    import numpy as np

    from ganapp.models.cars import network as dcgan

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

    return step


def our_loop(batch: int):
    """Our fused step on the same architecture and batch. Returns a step()."""
    import tensorflow as tf

    from ganapp.models.cars.config import DCGANConfig
    from train.cars.task import CarsTask, CarsTrainConfig
    from train.task import make_step_fn, make_strategy

    task = CarsTask(CarsTrainConfig(batch_size=batch), DCGANConfig())
    task.load_data()
    strategy = make_strategy("default")
    with strategy.scope():
        task.build()
    step_fn = make_step_fn(task, strategy)
    batches = iter(task.dataset(0).repeat())
    counter = [0]

    def step():
        counter[0] += 1
        float(step_fn(next(batches), tf.constant(counter[0], tf.int64))["g_loss"])

    return step


def images_per_second(step, batch: int, steps: int) -> float:
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * batch / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=10, help="steps per timed round")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=128)
    args = ap.parse_args()

    import numpy as np

    from ganapp.models.cars.config import DCGANConfig
    from train.data import load_arrays

    x, _, _ = load_arrays("cars_synth")
    x = x[:4096].astype("float32") / 127.5 - 1.0
    seed_step, our_step = seed_loop(DCGANConfig(), x, args.batch), our_loop(args.batch)
    for step in (seed_step, our_step):  # warm-up: tracing, first allocations
        for _ in range(3):
            step()
    # alternate short rounds so both loops see the same machine load; report medians
    seed_rates, our_rates = [], []
    for _ in range(args.rounds):
        seed_rates.append(images_per_second(seed_step, args.batch, args.steps))
        our_rates.append(images_per_second(our_step, args.batch, args.steps))
    seed, ours = float(np.median(seed_rates)), float(np.median(our_rates))
    print(f"seed's train_on_batch loop: {seed:.0f} images/s (rounds: {[round(r) for r in seed_rates]})")
    print(f"our tf.function train step: {ours:.0f} images/s (rounds: {[round(r) for r in our_rates]})")
    print(f"speed-up: {ours / seed:.2f}x")

    import ganapp
    from ganapp import weights

    if weights.is_available("cars"):
        ganapp.generate_cars(0, 64)
        t0 = time.perf_counter()
        for i in range(10):
            ganapp.generate_cars(i, 64)
        ms = (time.perf_counter() - t0) / 10 * 1000
        print(f"64-image car grid (generate + 128 px tiles + PNG-ready grid): {ms:.0f} ms")


if __name__ == "__main__":
    main()
