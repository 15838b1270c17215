"""Train the photo -> van Gogh CycleGAN: ``python -m train.vangogh --help``.

Offline data: ``python -m train.data prepare vangogh`` (photos and nine van Gogh paintings
from Debian packages, in the authors' trainA/trainB/testA layout). ``--data`` takes the real
``vangogh2photo`` folder too (its trainA = paintings: pass ``--swap``), or any folder with
trainA (photos) and trainB (paintings).

As in the paper: least-squares GAN loss, cycle weight 10, identity weight 0.5 x cycle,
a pool of 50 generated images per discriminator, Adam 2e-4 / beta1 0.5, learning rate
constant for the first half and linearly decayed to zero over the second. Batch 1 of
random crops; the paintings are few, so each step takes a fresh crop at stroke scale.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from ganapp.config import CycleGANConfig
from train.common import GANTask, TrainConfig, fit, parse_config


@dataclasses.dataclass
class VanGoghTrainConfig(TrainConfig):
    data: str = "data/vangogh"
    epochs: int = 12
    batch_size: int = 1
    steps_per_epoch: int = 400
    cycle_weight: float = 10.0
    identity_weight: float = 0.5  # times cycle_weight
    pool_size: int = 50
    decay_from: float = 0.5  # fraction of training after which the lr decays linearly to 0
    photo_side: int = 512  # photos are cropped from this long side (the app's default output size)
    swap: bool = False  # the folder's trainA holds paintings (vangogh2photo layout)
    checkpoint_every: int = 200
    log_every: int = 20


def _load_dir(folder: Path, long_side: int) -> list[np.ndarray]:
    from ganapp.imaging import load_image, resize_max_side
    from train.data import list_images

    return [np.asarray(resize_max_side(load_image(p), long_side)) for p in list_images(folder)]


class VanGoghTask(GANTask):
    key = "vangogh"

    def __init__(self, train_cfg: VanGoghTrainConfig, model_cfg: CycleGANConfig):
        self.train_cfg, self.model_cfg = train_cfg, model_cfg
        root = Path(train_cfg.data)
        a, b = ("trainB", "trainA") if train_cfg.swap else ("trainA", "trainB")
        self.photos = _load_dir(root / a, train_cfg.photo_side)
        self.paintings = _load_dir(root / b, 640)
        test_dir = root / ("testB" if train_cfg.swap else "testA")
        self.test_photos = _load_dir(test_dir, 512)[:4] if test_dir.exists() else self.photos[:4]
        if not self.photos or not self.paintings:
            raise FileNotFoundError(f"{root} needs photos in {a}/ and paintings in {b}/.")
        self.sources = root / "sources.json"

    def build(self):
        import keras
        import tensorflow as tf

        from ganapp.models import cyclegan

        c, t = self.model_cfg, self.train_cfg
        self.g_ab, self.g_ba = cyclegan.build_generator(c), cyclegan.build_generator(c)  # photo->painting, back
        self.d_a, self.d_b = cyclegan.build_discriminator(c), cyclegan.build_discriminator(c)
        self.opts = {k: keras.optimizers.Adam(t.lr, beta_1=t.beta1) for k in ("g", "d")}
        self.opts["g"].build(self.g_ab.trainable_variables + self.g_ba.trainable_variables)
        self.opts["d"].build(self.d_a.trainable_variables + self.d_b.trainable_variables)
        shape = (t.pool_size, c.image_size, c.image_size, c.channels)
        agg = tf.VariableAggregation.ONLY_FIRST_REPLICA
        self.pools = {k: tf.Variable(tf.zeros(shape), trainable=False, aggregation=agg, name=f"pool_{k}") for k in "ab"}
        self.pool_n = {k: tf.Variable(0, trainable=False, aggregation=agg, name=f"pool_n_{k}") for k in "ab"}
        self.total_steps = t.max_steps or t.epochs * t.steps_per_epoch
        self.grid_cols = 4

    def trackables(self):
        return {"g_ab": self.g_ab, "g_ba": self.g_ba, "d_a": self.d_a, "d_b": self.d_b,
                "opt_g": self.opts["g"], "opt_d": self.opts["d"],
                **{f"pool_{k}": v for k, v in self.pools.items()}, **{f"pool_n_{k}": v for k, v in self.pool_n.items()}}

    def steps_per_epoch(self):
        return self.train_cfg.steps_per_epoch

    def _crop(self, rng, images, scale_lo):
        s = self.model_cfg.image_size
        img = images[rng.integers(len(images))]
        h, w = img.shape[:2]
        scale = rng.uniform(max(scale_lo, s / min(h, w)), 1.0)
        nh, nw = max(s, round(h * scale)), max(s, round(w * scale))
        from PIL import Image

        if (nh, nw) != (h, w):
            img = np.asarray(Image.fromarray(img).resize((nw, nh), Image.BICUBIC))
        y, x = rng.integers(0, nh - s + 1), rng.integers(0, nw - s + 1)
        crop = img[y:y + s, x:x + s]
        return crop[:, ::-1] if rng.random() < 0.5 else crop

    def dataset(self, epoch):
        import tensorflow as tf

        t = self.train_cfg
        rng = np.random.default_rng([t.seed, epoch])
        n = t.steps_per_epoch * t.batch_size
        a = np.stack([self._crop(rng, self.photos, 0.5) for _ in range(n)])
        b = np.stack([self._crop(rng, self.paintings, 0.6) for _ in range(n)])
        ds = tf.data.Dataset.from_tensor_slices((a, b)).batch(t.batch_size, drop_remainder=True)
        return ds.map(lambda x, y: (tf.cast(x, tf.float32) / 127.5 - 1.0, tf.cast(y, tf.float32) / 127.5 - 1.0))

    def _pool(self, key, images, seed):
        """The paper's history of 50 generated images: half the time, show D an older fake."""
        import tensorflow as tf

        pool, count, size = self.pools[key], self.pool_n[key], self.train_cfg.pool_size
        out = []
        for i in range(images.shape[0]):
            img = images[i]
            u = tf.random.stateless_uniform([], seed=seed + [0, 10 + i])
            j = tf.random.stateless_uniform([], seed=seed + [0, 20 + i], maxval=size, dtype=tf.int32)
            n = count.read_value()
            if_fill = n < size
            idx = tf.where(if_fill, n, j)
            old = pool[idx]
            use_old = tf.logical_and(tf.logical_not(if_fill), u < 0.5)
            replace = tf.logical_or(if_fill, use_old)
            pool.scatter_nd_update([[idx]], [tf.where(replace, img, old)])
            count.assign(tf.minimum(n + 1, size))
            out.append(tf.where(use_old, old, img))
        return tf.stack(out)

    def train_step(self, batch, step, seed):
        import tensorflow as tf

        t = self.train_cfg
        real_a, real_b = batch

        def mse(x, target):
            per = tf.reduce_mean(tf.square(x - target), axis=[1, 2, 3])
            return tf.nn.compute_average_loss(per, global_batch_size=t.batch_size)

        def l1(x, y):
            return tf.nn.compute_average_loss(tf.reduce_mean(tf.abs(x - y), axis=[1, 2, 3]), global_batch_size=t.batch_size)

        with tf.GradientTape() as tape:
            fake_b, fake_a = self.g_ab(real_a, training=True), self.g_ba(real_b, training=True)
            cyc_a, cyc_b = self.g_ba(fake_b, training=True), self.g_ab(fake_a, training=True)
            same_b, same_a = self.g_ab(real_b, training=True), self.g_ba(real_a, training=True)
            adv = mse(self.d_b(fake_b, training=True), 1.0) + mse(self.d_a(fake_a, training=True), 1.0)
            cycle = l1(cyc_a, real_a) + l1(cyc_b, real_b)
            ident = l1(same_b, real_b) + l1(same_a, real_a)
            g_loss = adv + t.cycle_weight * cycle + t.cycle_weight * t.identity_weight * ident
        g_vars = self.g_ab.trainable_variables + self.g_ba.trainable_variables
        self.opts["g"].apply_gradients(zip(tape.gradient(g_loss, g_vars), g_vars))

        pool_b, pool_a = self._pool("b", fake_b, seed), self._pool("a", fake_a, seed + [0, 100])
        with tf.GradientTape() as tape:
            d_b = mse(self.d_b(real_b, training=True), 1.0) + mse(self.d_b(pool_b, training=True), 0.0)
            d_a = mse(self.d_a(real_a, training=True), 1.0) + mse(self.d_a(pool_a, training=True), 0.0)
            d_loss = 0.5 * (d_a + d_b)
        d_vars = self.d_a.trainable_variables + self.d_b.trainable_variables
        self.opts["d"].apply_gradients(zip(tape.gradient(d_loss, d_vars), d_vars))
        return {"g_adv": adv, "cycle": cycle, "identity": ident, "d_loss": d_loss}

    def after_step(self, step):
        import tensorflow as tf

        t = self.train_cfg
        start = t.decay_from * self.total_steps
        frac = tf.clip_by_value((tf.cast(step, tf.float32) + 1 - start) / max(1.0, self.total_steps - start), 0.0, 1.0)
        for opt in self.opts.values():
            opt.learning_rate.assign(t.lr * (1.0 - frac))

    def _test_batch(self):
        from PIL import Image, ImageOps

        return np.stack([np.asarray(ImageOps.fit(Image.fromarray(p), (160, 160), Image.LANCZOS))
                         for p in self.test_photos]).astype(np.float32) / 127.5 - 1.0

    def sample_images(self):
        from ganapp.imaging import pm1_to_uint8

        x = self._test_batch()
        y = np.asarray(self.g_ab(x, training=False))
        return np.concatenate([pm1_to_uint8(x), pm1_to_uint8(y)])

    def export(self, out: Path):
        from ganapp.imaging import make_grid
        from train.common import export_folder

        note = ("Unpaired: {} photos (gcompris-qt-data: nature, animals, monuments; CC-BY-SA / CC-BY / public domain, "
                "see credits.json) and {} van Gogh paintings (public domain: gcompris-qt-data 'details' and opencv-doc's "
                "Starry Night), built by `python -m train.data prepare vangogh`.").format(len(self.photos), len(self.paintings))
        export_folder(self, out, self.g_ab, make_grid(self.sample_images(), cols=4), note,
                      len(self.photos) + len(self.paintings), credits=self.sources)
        self._export_examples(out / "examples")

    def _export_examples(self, folder: Path, n: int = 3):
        """A few held-out photos for the tab's examples (never trained on)."""
        from PIL import Image

        folder.mkdir(exist_ok=True)
        for i, arr in enumerate(self.test_photos[:n]):
            Image.fromarray(arr).save(folder / f"heldout_{i}.jpg", quality=90)


def main(argv=None):
    train_cfg, model_cfg = parse_config(VanGoghTrainConfig, CycleGANConfig, argv, description=__doc__)
    fit(VanGoghTask(train_cfg, model_cfg))


if __name__ == "__main__":
    main()
