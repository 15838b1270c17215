"""A fresh discriminator trained against a frozen, shipped generator, for a model whose training run
(and so its discriminator) is gone: the sketch -> building pix2pix.

The generator is not changed. The discriminator, the model's own conditional PatchGAN built from
config.json, learns to answer "real" (1) for (sketch, photo) pairs of the training data and
"generated" (0) for (sketch, the generator's building from that sketch), by binary cross-entropy
per patch as in the model's training, so that its sigmoid is a P(real) a student can read. The
generator's buildings are drawn once, from two crops of each training pair at its size (256 px), one
upright, one turned on its side (:func:`pairs`); DiffAugment
moves and cuts out both sides of a pair alike. It is then scored on the held-out test pairs and
saved beside the generator as ``discriminator.weights.h5``, its accuracy in metrics.json and on the
model card, with two held-out photos for the tab's examples (``examples/photo_*.jpg``).

(The van Gogh model was tried this way first: with eight training paintings the fresh judge did not
generalise, e.g. *The Starry Night* 0.05 against a photo's 0.29; it now ships its own run's.)

    python -m train.frozen_judge pix2pix [--steps 1500] [--diffaug translation,cutout] [--weights W] [--data D]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

STEPS = 1500
DIFFAUG = "color,translation,cutout"  # DiffAugment policy for the pairs the discriminator sees
BATCH = 4
CROPS = 2  # crops of each training pair that the generator draws a building for


def pairs(root: Path, split: str, side: int, crops: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """(sketches, photos) uint8 (N, side, side, 3): ``crops`` random crops of each pair of ``root/split``,
    every other one with both sides turned a quarter either way (exactly: no resampling, so a photo stays
    as sharp as it was); 0: the centre crop only, upright. The generator learned its upright training
    pairs nearly by heart; a sketch turned on its side is new to it, so it draws as it does for a sketch
    it never saw, and that is what the discriminator must learn to judge."""
    from train.pix2pix.data import load_pairs

    a, b = load_pairs(root / split)
    out_a, out_b = [], []
    for x, y in zip(a, b):
        h, w = x.shape[:2]
        if not crops:
            r, c = (h - side) // 2, (w - side) // 2
            out_a.append(x[r : r + side, c : c + side])
            out_b.append(y[r : r + side, c : c + side])
            continue
        for i in range(crops):
            k = int(rng.choice([1, 3])) if i % 2 else 0  # every other crop upright
            u, v = np.rot90(x, k), np.rot90(y, k)
            r, c = rng.integers(0, u.shape[0] - side + 1), rng.integers(0, u.shape[1] - side + 1)
            out_a.append(u[r : r + side, c : c + side])
            out_b.append(v[r : r + side, c : c + side])
    return np.stack(out_a), np.stack(out_b)


def drawn(g, sketches: np.ndarray, bank: np.ndarray | None) -> np.ndarray:
    """The frozen generator's buildings, uint8, for uint8 sketches (N, S, S, 3) at its size; given the
    training photos' colour codes (``bank``, for a generator that takes one), sketch i is drawn with seed
    i's code (ganapp.models.pix2pix.code), as a user's would be."""
    from ganapp.models.pix2pix.code import seeded_codes
    from train.metrics import translate

    codes = None if bank is None else seeded_codes(bank, len(sketches))
    return translate(g, sketches, batch=1, codes=codes)


def train_pix2pix(folder: Path, steps: int, diffaug: str = DIFFAUG, data: str | None = None, log=print) -> dict:
    """Train, score and save the discriminator of the pix2pix weights in ``folder`` on ``data`` (the
    recipe's folder when None); returns what metrics.json records of it."""
    import keras
    import tensorflow as tf
    from PIL import Image

    from ganapp.models.pix2pix import network
    from ganapp.verdict import p_real
    from ganapp.weights import DISCRIMINATOR, build_from_dir
    from train.diffaug import augment, parse_policy
    from train.hub import write_model_card

    start = time.monotonic()
    g, cfg = build_from_dir(folder)
    d = network.build_discriminator(cfg)
    root = Path(data or "data/buildings")
    rng = np.random.default_rng(0)
    sketches, photos = pairs(root, "train", cfg.image_size, CROPS, rng)
    bank = None
    if cfg.code_colours:
        from ganapp.models.pix2pix.code import load_bank

        bank = load_bank(folder)
    fakes = drawn(g, sketches, bank)
    log(f"{len(sketches)} training crops and the generator's buildings for them: {time.monotonic() - start:.0f} s")
    opt = keras.optimizers.Adam(2e-4, beta_1=0.5)
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    policy = parse_policy(diffaug)
    moves, colour = tuple(p for p in policy if p != "color"), tuple(p for p in policy if p == "color")

    def pm1(x):
        return tf.cast(x, tf.float32) / 127.5 - 1.0

    @tf.function
    def step(sketch, photo, fake, seed):
        def view(image, salt):
            pair = augment(tf.concat([pm1(sketch), pm1(image)], -1), moves, seed + [0, salt])
            return pair[..., :3], augment(pair[..., 3:], colour, seed + [0, salt + 10])

        with tf.GradientTape() as tape:
            # real and generated pairs in one batch: its batch normalisation then sees both, as at
            # inference (two batches, all real and all generated, let it tell them apart by the
            # batch's statistics alone, which judges nothing once it is shown a single image)
            (s1, p1), (s2, p2) = view(photo, 1), view(fake, 2)
            real, generated = tf.split(d([tf.concat([s1, s2], 0), tf.concat([p1, p2], 0)], training=True), 2)
            loss = 0.5 * (bce(tf.ones_like(real), real) + bce(tf.zeros_like(generated), generated))
        opt.apply_gradients(zip(tape.gradient(loss, d.trainable_variables), d.trainable_variables))
        return loss, tf.reduce_mean(tf.sigmoid(real)), tf.reduce_mean(tf.sigmoid(generated))

    def held_out(split):  # (sketches, photos, the generator's buildings) of a held-out split, centre crops
        a, b = pairs(root, split, cfg.image_size, 0, rng)
        return a, b, drawn(g, a, bank)

    def scored(split_pairs) -> tuple[float, np.ndarray, np.ndarray]:  # accuracy, mean P(real) of each pair
        a, b, f = split_pairs

        def verdicts(images):
            return p_real(cfg, d([a / 127.5 - 1.0, images / 127.5 - 1.0], training=False)).mean(axis=(1, 2, 3))

        real, fake = verdicts(b), verdicts(f)
        return float(((real > 0.5).sum() + (fake < 0.5).sum()) / (len(real) + len(fake))), real, fake

    val = held_out("val")
    best = (-1.0, 0, None)  # (validation accuracy + margin / 10, step, weights)
    for done in range(1, steps + 1):
        i = rng.integers(0, len(sketches), BATCH)
        flip = rng.random() < 0.5
        batch = [x[i][:, :, ::-1] if flip else x[i] for x in (sketches, photos, fakes)]
        loss, p_photos, p_fake = (float(v) for v in step(*batch, tf.constant([done, 0])))
        if done % 100 == 0:
            accuracy, real, fake = scored(val)
            if accuracy + (real.mean() - fake.mean()) / 10 > best[0]:
                best = (accuracy + (real.mean() - fake.mean()) / 10, done, d.get_weights())
            log(f"step {done}: loss {loss:.3f}, P(real) of photos {p_photos:.2f}, of generated {p_fake:.2f}; "
                f"validation accuracy {accuracy:.2f}, P(real) {real.mean():.2f} vs {fake.mean():.2f}")  # fmt: skip
    seconds = time.monotonic() - start
    if best[2] is not None:
        d.set_weights(best[2])
    test = held_out("test")
    accuracy, real, generated = scored(test)
    d.save_weights(folder / DISCRIMINATOR)
    (folder / "examples").mkdir(exist_ok=True)
    for i, arr in enumerate(test[1][:2]):
        Image.fromarray(arr).save(folder / "examples" / f"photo_{i}.jpg", quality=90)
    judged = {
        "trained": "a fresh discriminator against the frozen shipped generator (python -m train.frozen_judge "
        f"pix2pix): step {best[1]} of {steps} (batches of {BATCH} crops; the best on the validation pairs), "
        f"DiffAugment {diffaug or 'none'}, {seconds / 60:.0f} min on the CPU",
        "accuracy": round(accuracy, 3),
        "mean_p_real_of_real": round(float(real.mean()), 4),
        "mean_p_real_of_generated": round(float(generated.mean()), 4),
        "images": [len(real), len(generated)],
    }
    metrics = folder / "metrics.json"
    m = json.loads(metrics.read_text()) if metrics.exists() else {}
    m["discriminator"] = judged
    metrics.write_text(json.dumps(m, indent=2) + "\n")
    write_model_card(folder, "pix2pix")
    return judged


def main(argv=None):
    from ganapp.weights import WEIGHTS_DIR

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("key", choices=["pix2pix"])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--diffaug", default=DIFFAUG, help="DiffAugment policy: translation, cutout (and color)")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_DIR, help="the weights folder")
    parser.add_argument("--data", help="the sketch|photo pairs folder (default: data/buildings)")
    args = parser.parse_args(argv)
    print(json.dumps(train_pix2pix(args.weights / args.key, args.steps, args.diffaug, args.data), indent=2))


if __name__ == "__main__":
    main()
