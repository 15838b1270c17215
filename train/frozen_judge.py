"""A fresh discriminator trained against a frozen, shipped generator, for the models whose training
run (and so its discriminator) is gone: the van Gogh CycleGAN's painting judge.

The generator is not changed. The discriminator, the model's own PatchGAN built from config.json,
learns to answer "real" (1) for crops of the training paintings and "generated" (0) for the
generator's paintings of the training photos, by binary cross-entropy per patch, so that its
sigmoid is a P(real) a student can read. The photos themselves count as "generated" too, as they
did for the discriminator of the original run, whose generator drew near-photos at first. It is
then scored on the held-out paintings and photos and saved beside the generator as
``discriminator.weights.h5``, its accuracy in metrics.json.

What it gave on the shipped weights (held-out: 2 paintings, 14 photos; mean P(real)):
- without the photos, 1500 steps: paintings 0.97, the generator's 0.002, photos 0.98: it learned
  the generator's tell-tale marks only, and took any photo for a van Gogh;
- with them, 1000 steps: paintings 0.20, the generator's 0.03, photos 0.05; but at 384 px
  *The Starry Night* 0.05 and a hedgehog photo 0.29 (the grass green on its map);
- with DiffAugment translation, 1500 steps: paintings 0.07, the generator's 0.08, photos 0.01.
Eight training paintings are too few for a painting judge that generalises, so none is shipped:
run this again with more paintings in the data's trainB/ (and check the held-out numbers).

    python -m train.frozen_judge vangogh [--steps 1000] [--diffaug translation] [--weights W] [--data D]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

STEPS = 1000
DIFFAUG = ""  # DiffAugment policy for everything the discriminator sees
BATCH = 4


def vangogh_data(cfg, data: str | None, steps: int):
    """(a VanGoghTask whose dataset() yields (photo, painting) crop batches, the held-out photos and
    paintings as uint8 arrays at 384 px on the long side)."""
    from ganapp.imaging import load_image, resize_max_side
    from train.data import list_images
    from train.vangogh.task import VanGoghTask, options

    flags = ["--recipe", "default", "--batch-size", str(BATCH), "--steps-per-epoch", str(min(400, steps))]
    train_cfg, _ = options(flags + (["--data", data] if data else []))
    task = VanGoghTask(train_cfg, cfg)
    task.load_data()
    root = Path(train_cfg.data)

    def held(sub):
        return [np.asarray(resize_max_side(load_image(p), 384)) for p in list_images(root / sub)]

    return task, held("testA"), held("testB")


def mean_verdicts(d, images) -> np.ndarray:
    """The mean P(real) of each uint8 image (any size) by discriminator ``d``."""
    out = []
    for img in images:
        logits = np.asarray(d(np.asarray(img, np.float32)[None] / 127.5 - 1.0, training=False), np.float64)
        out.append(float((1 / (1 + np.exp(-logits))).mean()))
    return np.array(out)


def train_vangogh(folder: Path, steps: int, diffaug: str = DIFFAUG, data: str | None = None, log=print) -> dict:
    """Train, score and save the discriminator of the van Gogh weights in ``folder`` on ``data`` (the
    recipe's folder when None); returns what metrics.json records of it."""
    import keras
    import tensorflow as tf

    from ganapp.imaging import pad_to_multiple, pm1_to_uint8
    from ganapp.models.vangogh import network
    from ganapp.weights import build_from_dir
    from train.diffaug import augment, parse_policy

    g, cfg = build_from_dir(folder)
    d = network.build_discriminator(cfg)
    task, test_photos, test_paintings = vangogh_data(cfg, data, steps)
    opt = keras.optimizers.Adam(2e-4, beta_1=0.5)
    bce = keras.losses.BinaryCrossentropy(from_logits=True)

    policy = parse_policy(diffaug)

    @tf.function
    def step(photo, painting, seed):
        def judge(x, salt):
            return d(augment(x, policy, seed + [0, salt]), training=True)

        with tf.GradientTape() as tape:
            real, fake, photos = judge(painting, 1), judge(g(photo, training=False), 2), judge(photo, 3)
            generated = bce(tf.zeros_like(fake), fake) + bce(tf.zeros_like(photos), photos)
            loss = bce(tf.ones_like(real), real) + generated / 2
        opt.apply_gradients(zip(tape.gradient(loss, d.trainable_variables), d.trainable_variables))
        return loss, tf.reduce_mean(tf.sigmoid(real)), tf.reduce_mean(tf.sigmoid(fake))

    done, epoch, start = 0, 0, time.monotonic()
    while done < steps:
        for photo, painting in task.dataset(epoch):
            loss, p_real, p_fake = (float(v) for v in step(photo, painting, tf.constant([done, 0])))
            done += 1
            if done % 100 == 0:
                log(f"step {done}: loss {loss:.3f}, P(real) of paintings {p_real:.2f}, of generated {p_fake:.2f}")
            if done == steps:
                break
        epoch += 1
    seconds = time.monotonic() - start

    def painted(img):  # uint8 (H, W, 3) -> the generator's painting of it, uint8, same size
        x, (h, w) = pad_to_multiple(np.asarray(img, np.float32) / 127.5 - 1.0, 4)
        return pm1_to_uint8(np.asarray(g(x[None], training=False))[:, :h, :w])[0]

    real = mean_verdicts(d, test_paintings)
    generated = mean_verdicts(d, [painted(p) for p in test_photos])
    photos = mean_verdicts(d, test_photos)
    d.save_weights(folder / "discriminator.weights.h5")
    judged = {
        "trained": "a fresh discriminator against the frozen shipped generator (python -m train.frozen_judge "
        f"vangogh): {steps} steps of {BATCH} crops, DiffAugment {diffaug or 'none'}, {seconds / 60:.0f} min on the CPU",
        "accuracy": round(float(((real > 0.5).sum() + (generated < 0.5).sum()) / (len(real) + len(generated))), 3),
        "mean_p_real_of_real": round(float(real.mean()), 4),
        "mean_p_real_of_generated": round(float(generated.mean()), 4),
        "mean_p_real_of_the_photos": round(float(photos.mean()), 4),
        "images": [len(real), len(generated)],
    }
    metrics = folder / "metrics.json"
    m = json.loads(metrics.read_text())
    m["discriminator"] = judged
    metrics.write_text(json.dumps(m, indent=2) + "\n")
    return judged


def main(argv=None):
    from ganapp.weights import WEIGHTS_DIR

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("key", choices=["vangogh"])
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--diffaug", default=DIFFAUG, help="DiffAugment policy: colour, translation, cutout")
    parser.add_argument("--weights", type=Path, default=WEIGHTS_DIR, help="the weights folder")
    parser.add_argument("--data", help="the unpaired data folder (default: the model's recipe's)")
    args = parser.parse_args(argv)
    print(json.dumps(train_vangogh(args.weights / args.key, args.steps, args.diffaug, args.data), indent=2))


if __name__ == "__main__":
    main()
