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

from ganapp.models.vangogh.config import CycleGANConfig
from train.diffaug import augment, parse_policy
from train.feature_disc import DEFAULT_LAYERS
from train.loop import fit
from train.task import GANTask, TrainConfig, parse_config
from train.vangogh.judge import LAYERS as STYLE_LAYERS  # the statistics the judge and style transfer read


@dataclasses.dataclass
class VanGoghTrainConfig(TrainConfig):
    data: str = "data/vangogh"
    epochs: int = 63  # 25,200 steps (recipes/default.toml: 40), resumable
    batch_size: int = 1
    steps_per_epoch: int = 400
    cycle_weight: float = 10.0
    identity_weight: float = 0.5  # times cycle_weight
    pool_size: int = 50
    decay_from: float = 0.5  # fraction of training after which the lr decays linearly to 0
    photo_side: int = 512  # photos are cropped from this long side (the app's default output size)
    photo_scale_min: float = 0.5  # crops are taken from the photo scaled by 0.5-1 (log-uniform)
    painting_scale_min: float = 0.4  # ... and from the painting (640 px long side) scaled by 0.4-1
    painting_max_angle: float = 8.0  # paintings are also turned by up to this many degrees
    swap: bool = False  # the folder's trainA holds paintings (vangogh2photo layout)
    xla: bool = True  # compile the loss-and-gradient parts with XLA (float32 only)
    # float32; bfloat16 (Keras' mixed_bfloat16: bf16 arithmetic, float32 weights and losses); or auto:
    # bfloat16 where the CPU runs it natively (avx512_bf16 / amx_bf16), float32 elsewhere. bfloat16
    # runs without XLA, whose CPU backend does not use oneDNN's bf16 kernels (python -m
    # bench.train_step_cost vangogh: ngf 32 trains about 2.6x faster so than with XLA in float32)
    precision: str = "float32"
    # small-data levers (each off by default: the shipped weights' recipe)
    diffaug: str = ""  # DiffAugment policy before every discriminator call, e.g. color,translation,cutout
    feature_disc_weight: float = 0.0  # weight of a painting discriminator on frozen VGG16 features (0 = none)
    feature_disc_layers: tuple = DEFAULT_LAYERS
    # weight of a style-statistics term: the per-channel mean and standard deviation of frozen VGG16
    # block1..4_conv1 features of G(photo) against those of the step's painting crop (0 = none)
    style_weight: float = 0.0
    init_from: str = ""  # a weights folder to start the photo -> painting generator from (fine-tuning)
    # steps at the start during which that generator stays as loaded while the fresh way back and
    # discriminators learn (else the untrained way back pulls it towards the identity)
    inverse_warmup: int = 0
    checkpoint_every: int = 200
    log_every: int = 20


def bfloat16(precision: str) -> bool:
    """Whether ``--precision`` (float32, bfloat16 or auto) trains in bfloat16 on this machine."""
    if precision not in ("float32", "bfloat16", "auto"):
        raise SystemExit(f"--precision {precision}: choose float32, bfloat16 or auto.")
    from ganapp.runtime import native_bfloat16

    return precision == "bfloat16" or (precision == "auto" and native_bfloat16())


def _load_dir(folder: Path, long_side: int) -> list[np.ndarray]:
    from ganapp.imaging import load_image, resize_max_side
    from train.data import list_images

    return [np.asarray(resize_max_side(load_image(p), long_side)) for p in list_images(folder)]


class VanGoghTask(GANTask):
    key = "vangogh"

    def load_data(self):
        train_cfg = self.train_cfg
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

        from ganapp import vgg
        from ganapp.models.vangogh import network as cyclegan

        c, t = self.model_cfg, self.train_cfg
        self.bfloat16 = bfloat16(t.precision)
        previous = keras.mixed_precision.global_policy()
        keras.mixed_precision.set_dtype_policy("mixed_bfloat16" if self.bfloat16 else previous)
        try:
            self._build_networks(cyclegan)
        finally:  # the policy is process-wide: other models built later are unaffected
            keras.mixed_precision.set_dtype_policy(previous)
        self.style_net = vgg.offline_features(STYLE_LAYERS) if t.style_weight else None
        self.policy = parse_policy(t.diffaug)
        self.opts = {k: keras.optimizers.Adam(t.lr, beta_1=t.beta1) for k in ("g", "d")}
        self.opts["g"].build(self.g_ab.trainable_variables + self.g_ba.trainable_variables)
        self.opts["d"].build(self._d_vars())
        shape = (t.pool_size, c.image_size, c.image_size, c.channels)
        agg = tf.VariableAggregation.ONLY_FIRST_REPLICA
        self.pools = {k: tf.Variable(tf.zeros(shape), trainable=False, aggregation=agg, name=f"pool_{k}") for k in "ab"}
        self.pool_n = {k: tf.Variable(0, trainable=False, aggregation=agg, name=f"pool_n_{k}") for k in "ab"}
        # the schedule's length is the planned run; --max-steps only stops early, so a run stopped
        # at step N equals the first N steps of the full one (and can be exported as such)
        self.total_steps = t.epochs * t.steps_per_epoch
        # XLA fuses the hundreds of small ops of a batch-1 step (1.6x here); the optimiser and the
        # image pools stay outside the compiled part
        jit = (t.xla and not self.bfloat16) or None
        self._grads = {
            "g": tf.function(self._generator_grads, jit_compile=jit),
            "d": tf.function(self._discriminator_grads, jit_compile=jit),
        }
        self.grid_cols = 4

    def _build_networks(self, cyclegan):
        c, t = self.model_cfg, self.train_cfg
        self.g_ab, self.g_ba = cyclegan.build_generator(c), cyclegan.build_generator(c)  # photo->painting, back
        if t.init_from:
            start = Path(t.init_from) / "generator.weights.h5"
            if not start.is_file():
                raise SystemExit(f"--init-from {t.init_from}: no generator.weights.h5 there.")
            self.g_ab.load_weights(start)
        self.d_a, self.d_b = cyclegan.build_discriminator(c), cyclegan.build_discriminator(c)
        self.d_feat = None
        if t.feature_disc_weight:
            from train.feature_disc import build_feature_discriminator

            self.d_feat = build_feature_discriminator(tuple(t.feature_disc_layers))

    def _d_vars(self):
        heads = self.d_feat.trainable_variables if self.d_feat is not None else []
        return self.d_a.trainable_variables + self.d_b.trainable_variables + heads

    def trackables(self):
        return {
            "g_ab": self.g_ab,
            "g_ba": self.g_ba,
            "d_a": self.d_a,
            "d_b": self.d_b,
            **({"d_feat": list(self.d_feat.trainable_variables)} if self.d_feat is not None else {}),
            "opt_g": self.opts["g"],
            "opt_d": self.opts["d"],
            **{f"pool_{k}": v for k, v in self.pools.items()},
            **{f"pool_n_{k}": v for k, v in self.pool_n.items()},
        }

    def steps_per_epoch(self):
        return self.train_cfg.steps_per_epoch

    def _crop(self, rng, images, scale_min: float, max_angle: float = 0.0) -> np.ndarray:
        """A random image_size square of a random image: the image scaled by a log-uniform factor
        in [scale_min, 1] (never below the crop), turned by up to ``max_angle`` degrees (a larger
        crop is turned, then its centre kept, so no corner is empty), mirrored half the time.
        The few paintings thus give the discriminator thousands of distinct stroke patches."""
        from PIL import Image

        s = self.model_cfg.image_size
        img = images[rng.integers(len(images))]
        angle = rng.uniform(-max_angle, max_angle)
        rad = np.radians(abs(angle))
        c = int(np.ceil(s * (np.cos(rad) + np.sin(rad))))  # the turned c-square holds an upright s-square
        h, w = img.shape[:2]
        lo = min(1.0, max(scale_min, c / min(h, w)))
        scale = float(np.exp(rng.uniform(np.log(lo), 0.0)))
        nh, nw = max(c, round(h * scale)), max(c, round(w * scale))
        pil = Image.fromarray(img)
        if (nh, nw) != (h, w):
            pil = pil.resize((nw, nh), Image.BICUBIC)
        y, x = int(rng.integers(0, nh - c + 1)), int(rng.integers(0, nw - c + 1))
        crop = pil.crop((x, y, x + c, y + c))
        if c > s:
            o = (c - s) // 2
            crop = crop.rotate(angle, Image.BICUBIC).crop((o, o, o + s, o + s))
        crop = np.asarray(crop)
        return crop[:, ::-1] if rng.random() < 0.5 else crop

    def dataset(self, epoch):
        import tensorflow as tf

        t = self.train_cfg
        rng = np.random.default_rng([t.seed, epoch])
        n = t.steps_per_epoch * t.batch_size
        a = np.stack([self._crop(rng, self.photos, t.photo_scale_min) for _ in range(n)])
        b = np.stack([self._crop(rng, self.paintings, t.painting_scale_min, t.painting_max_angle) for _ in range(n)])
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

    def _mse(self, x, target):
        import tensorflow as tf

        per = tf.reduce_mean(tf.square(tf.cast(x, tf.float32) - target), axis=[1, 2, 3])
        return tf.nn.compute_average_loss(per, global_batch_size=self.train_cfg.batch_size)

    def _l1(self, x, y):
        import tensorflow as tf

        per = tf.reduce_mean(tf.abs(x - y), axis=[1, 2, 3])
        return tf.nn.compute_average_loss(per, global_batch_size=self.train_cfg.batch_size)

    def _judge_b(self, x, target, seed):
        """Least-squares loss of the painting discriminators on ``x`` (DiffAugment first): the
        PatchGAN, plus the feature discriminator's maps (averaged) times its weight."""
        x = augment(x, self.policy, seed)
        loss = self._mse(self.d_b(x, training=True), target)
        if self.d_feat is not None:
            maps = list(self.d_feat(x, training=True).values())
            loss += self.train_cfg.feature_disc_weight * sum(self._mse(m, target) for m in maps) / len(maps)
        return loss

    def _judge_a(self, x, target, seed):
        return self._mse(self.d_a(augment(x, self.policy, seed), training=True), target)

    def _style(self, fake_b, real_b):
        """Relative squared error of the features' per-channel means and standard deviations,
        G(photo) against the painting crop, summed over the layers (as AdaIN's style loss)."""
        import tensorflow as tf

        from ganapp import vgg

        n, loss = tf.shape(fake_b)[0], 0.0
        feats = self.style_net(vgg.caffe((tf.concat([fake_b, real_b], 0) + 1.0) * 127.5), training=False)
        for f in feats:
            mean, var = tf.nn.moments(f, axes=[1, 2])
            for stat in (mean, tf.sqrt(var + 1e-6)):
                ours, theirs = stat[:n], tf.stop_gradient(stat[n:])
                per = tf.reduce_mean(tf.square(ours - theirs), -1) / (tf.reduce_mean(tf.square(theirs), -1) + 1e-6)
                loss += tf.nn.compute_average_loss(per, global_batch_size=self.train_cfg.batch_size)
        return loss

    def _generator_grads(self, real_a, real_b, seed):
        """Generator losses and gradients (LSGAN + cycle + identity) and the fakes."""
        import tensorflow as tf

        t, n = self.train_cfg, tf.shape(real_a)[0]
        with tf.GradientTape() as tape:
            # each generator sees its input and its identity image in one call (instance norm is
            # per image, so this equals two calls, in fewer, larger ops)
            fake_b, same_b = tf.split(self.g_ab(tf.concat([real_a, real_b], 0), training=True), [n, n])
            fake_a, same_a = tf.split(self.g_ba(tf.concat([real_b, real_a], 0), training=True), [n, n])
            cyc_a, cyc_b = self.g_ba(fake_b, training=True), self.g_ab(fake_a, training=True)
            adv = self._judge_b(fake_b, 1.0, seed) + self._judge_a(fake_a, 1.0, seed + [0, 10000])
            cycle = self._l1(cyc_a, real_a) + self._l1(cyc_b, real_b)
            ident = self._l1(same_b, real_b) + self._l1(same_a, real_a)
            g_loss = adv + t.cycle_weight * cycle + t.cycle_weight * t.identity_weight * ident
            losses = {"g_adv": adv, "cycle": cycle, "identity": ident}
            if self.style_net is not None:
                losses["style"] = self._style(fake_b, real_b)
                g_loss += t.style_weight * losses["style"]
        grads = tape.gradient(g_loss, self.g_ab.trainable_variables + self.g_ba.trainable_variables)
        return losses, grads, fake_a, fake_b

    def _discriminator_grads(self, real_a, real_b, pool_a, pool_b, seed):
        import tensorflow as tf

        with tf.GradientTape() as tape:
            d_b = self._judge_b(real_b, 1.0, seed + [0, 20000]) + self._judge_b(pool_b, 0.0, seed + [0, 30000])
            d_a = self._judge_a(real_a, 1.0, seed + [0, 40000]) + self._judge_a(pool_a, 0.0, seed + [0, 50000])
            d_loss = 0.5 * (d_a + d_b)
        return d_loss, tape.gradient(d_loss, self._d_vars())

    def train_step(self, batch, step, seed):
        import tensorflow as tf

        real_a, real_b = batch
        aug = seed + [0, 1 << 20]  # the augmentations' draws, apart from the image pools'
        losses, grads, fake_a, fake_b = self._grads["g"](real_a, real_b, aug)
        if self.train_cfg.inverse_warmup:
            n, keep = len(self.g_ab.trainable_variables), tf.cast(step >= self.train_cfg.inverse_warmup, tf.float32)
            grads = [g * keep for g in grads[:n]] + grads[n:]  # zero gradients: Adam leaves the weights as they are
        g_vars = self.g_ab.trainable_variables + self.g_ba.trainable_variables
        self.opts["g"].apply_gradients(zip(grads, g_vars))
        pool_b, pool_a = self._pool("b", fake_b, seed), self._pool("a", fake_a, seed + [0, 100])
        d_loss, grads = self._grads["d"](real_a, real_b, pool_a, pool_b, aug)
        self.opts["d"].apply_gradients(zip(grads, self._d_vars()))
        return {**losses, "d_loss": d_loss}

    def after_step(self, step):
        import tensorflow as tf

        t = self.train_cfg
        start = t.decay_from * self.total_steps
        frac = tf.clip_by_value((tf.cast(step, tf.float32) + 1 - start) / max(1.0, self.total_steps - start), 0.0, 1.0)
        for opt in self.opts.values():
            opt.learning_rate.assign(t.lr * (1.0 - frac))

    def _test_batch(self):
        from PIL import Image, ImageOps

        return (
            np.stack(
                [np.asarray(ImageOps.fit(Image.fromarray(p), (160, 160), Image.LANCZOS)) for p in self.test_photos]
            ).astype(np.float32)
            / 127.5
            - 1.0
        )

    def sample_images(self):
        from ganapp.imaging import pm1_to_uint8

        x = self._test_batch()
        y = np.asarray(self.g_ab(x, training=False))
        return np.concatenate([pm1_to_uint8(x), pm1_to_uint8(y)])

    def export(self, out: Path, run):
        from ganapp.imaging import make_grid
        from train.export import export_folder

        note = (
            f"Unpaired: {len(self.photos)} photos and {len(self.paintings)} paintings of {self.train_cfg.data}."
            if Path(self.train_cfg.data) != Path("data/vangogh")  # not what python -m train.data prepare vangogh made
            else f"Unpaired: {len(self.photos)} photos (gcompris-qt-data nature, animal and monument photos; "
            "lomiri-wallpapers-16.04 landscapes; CC-BY-SA / CC-BY / CC0 / public domain, see credits.json) and "
            f"{len(self.paintings)} van Gogh paintings (public domain: gcompris-qt-data, one reassembled from its "
            "puzzle tiles); The Starry Night and The Church at Auvers are held out for the evaluation. Built by "
            "`python -m train.data prepare vangogh`."
        )
        export_folder(
            self,
            run,
            out,
            self.g_ab,
            make_grid(self.sample_images(), cols=4),
            note,
            len(self.photos) + len(self.paintings),
            credits=self.sources,
            discriminator=self.d_b,  # the PatchGAN painting judge (the feature discriminator is not shipped)
            inverse_generator=self.g_ba,
        )
        self._export_examples(out / "examples")

    def _export_examples(self, folder: Path, n: int = 3):
        """A few held-out photos for the tab's examples (never trained on)."""
        from PIL import Image

        folder.mkdir(exist_ok=True)
        for i, arr in enumerate(self.test_photos[:n]):
            Image.fromarray(arr).save(folder / f"heldout_{i}.jpg", quality=90)


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(VanGoghTrainConfig, CycleGANConfig, argv, description=__doc__, key="vangogh")


def main(argv=None):
    train_cfg, model_cfg = options(argv)
    fit(VanGoghTask(train_cfg, model_cfg))


if __name__ == "__main__":
    main()
