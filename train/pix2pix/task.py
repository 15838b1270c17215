"""Train sketch -> building pix2pix: ``python -m train.pix2pix --recipe default`` (the shipped
weights' recipe, ``train/pix2pix/recipes/default.toml``), ``--help`` for every option.

Data: ``python -m train.data prepare buildings`` (see train/pix2pix/data.py), or any folder with
train/ (and val/, test/) of side-by-side A|B pairs, e.g. CMP facades with ``--direction BtoA``.

Generator loss: conditional GAN loss + ``l1_weight`` x L1, plus optionally ``perceptual_weight`` x
a VGG16 feature L1 (each layer's difference relative to the photo's feature size, layers up to
block4, compared at ``perceptual_size`` px) and ``fm_weight`` x discriminator feature matching
(Wang et al., 2018); from ``late_from_epoch`` on the perceptual weight is
``late_perceptual_weight``. Discriminator loss halved, real and generated pairs in one batch;
Adam ``lr`` / ``beta1``; batch 1. With a colour code (the model's ``code_colours``,
ganapp.models.pix2pix.code) the generator also takes the code of the photo it is to draw, and
``code_weight`` x |the output's code - that code| (:func:`code_of_images`) asks it to follow it.

Augmentation: resize to ``jitter`` then a random crop, mirroring, with probability ``hand_drawn``
the sketch redrawn by hand (train.pix2pix.data.hand_drawn), ``zoom`` crops of 1 - zoom .. 1.1.

Encoder ``vgg16_hed`` (the model config): starts from the HED edge detector's VGG16; blocks up to
``encoder_frozen_blocks`` never train, the rest from ``finetune_from_epoch`` at
``encoder_lr_scale`` x lr; ``low_res_epochs`` first epochs train at half the size. Samples,
validation and export run at the model's ``image_size``; ``ema_decay`` > 0 exports a moving
average of the generator. With a val/ split every epoch is scored (train.metrics.photo_scores)
and the export is the epoch of the best ``select_by`` score ("-name": lower is better), among
the last stage's epochs when there is one.

Small-data levers (``recipes/finetune.toml``): ``pretrain_data`` pairs join the draw of the first
``pretrain_epochs`` epochs (an epoch stays as long as data's train/); ``diffaug``, DiffAugment on
the discriminator's (sketch, image) pairs (see :meth:`Pix2PixTask.d_view`); ``init_from`` starts
the generator from a weights folder, ``generator_warmup`` steps train only the discriminator,
at ``d_lr_scale`` x lr; ``feature_disc_weight`` adds a discriminator on frozen VGG16 features of
the image (train.feature_disc: ``feature_disc_layers``, the image low-passed by
``feature_disc_blur``, its pooling anti-aliased by ``feature_disc_antialias``, the image
resized by a random factor each step by ``feature_disc_rescale``), the same loss beside the
PatchGAN's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from ganapp.models.pix2pix.config import Pix2PixConfig
from train.diffaug import augment, parse_policy
from train.feature_disc import DEFAULT_LAYERS, random_rescale
from train.loop import fit
from train.metrics import photo_scores, resized, translate
from train.pix2pix.data import hand_drawn
from train.task import GANTask, TrainConfig, ema_update, parse_config


@dataclasses.dataclass
class Pix2PixTrainConfig(TrainConfig):
    data: str = "data/buildings"
    direction: str = "AtoB"
    epochs: int = 40
    batch_size: int = 1
    l1_weight: float = 100.0
    jitter: int = 286  # resize to this before the random crop
    checkpoint_every: int = 300
    ema_decay: float = 0.0  # > 0: samples and export use an EMA of the generator (e.g. 0.999)
    export_best: bool = True  # with a val/ split: export the epoch of the best select_by score, not the last
    select_by: str = "ssim"  # a photo_scores name; "-perceptual" = lowest perceptual distance
    perceptual_weight: float = 0.0
    late_from_epoch: int = 0  # > 0: a last stage from this epoch on, at late_perceptual_weight ...
    late_perceptual_weight: float = 0.0  # ... (the exported epoch is chosen among that stage's epochs)
    perceptual_size: int = 128  # px at which the perceptual loss compares (the images are resized)
    fm_weight: float = 0.0
    hand_drawn: float = 0.0  # probability of redrawing a training sketch with train.pix2pix.data.hand_drawn
    zoom: float = 0.0  # > 0: random crops of (1 - zoom) .. 1.1 x image_size, resized to image_size
    low_res_epochs: int = 0  # vgg16_hed: the first epochs train at half the image size
    encoder_frozen_blocks: int = 2  # vgg16_hed: VGG blocks 1..N never train
    finetune_from_epoch: int = 0  # vgg16_hed: the other VGG blocks train from this epoch on ...
    encoder_lr_scale: float = 0.1  # ... at this fraction of lr
    # small-data levers (off by default)
    pretrain_data: str = ""  # a folder of more pairs (python -m train.data prepare sketch_photos) ...
    pretrain_epochs: int = 0  # ... that the first epochs draw from beside data's train/ pairs
    diffaug: str = ""  # DiffAugment policy before every discriminator call, e.g. color,translation,cutout
    init_from: str = ""  # a weights folder to start the generator from (fine-tuning)
    generator_warmup: int = 0  # steps at the start in which the generator stays as loaded while D learns
    d_lr_scale: float = 1.0  # the discriminator's learning rate as a multiple of lr (a fresh D beside a tuned G)
    # weight of a second discriminator, on frozen VGG16 features of the image alone (train.feature_disc;
    # it judges the look, the PatchGAN the pair); 0 = none
    feature_disc_weight: float = 0.0
    feature_disc_layers: tuple = DEFAULT_LAYERS  # the VGG16 layers it reads
    feature_disc_blur: float = 0.0  # > 0: it reads the image low-passed by a Gaussian of this sigma (px)
    feature_disc_antialias: bool = False  # its VGG16 low-passes before each subsampling (MaxBlurPool)
    feature_disc_rescale: float = 0.0  # > 0: it reads real and fake resized by one random factor in 1 +- this
    # with a colour code: weight of |the output's colour code - the code it was given| (code_of_images), so
    # the generator answers to its code rather than painting the average
    code_weight: float = 0.0


class Pix2PixTask(GANTask):
    key = "pix2pix"

    def load_data(self):
        from PIL import Image

        from train.pix2pix.data import load_pairs

        train_cfg, model_cfg = self.train_cfg, self.model_cfg
        root = Path(train_cfg.data)
        a, b = load_pairs(root / "train", train_cfg.direction)
        size = train_cfg.jitter

        def fit_to(arr):
            return np.stack([np.asarray(Image.fromarray(x).resize((size, size), Image.BICUBIC)) for x in arr])

        self.a, self.b = fit_to(a), fit_to(b)
        self.n_own = len(self.a)  # an epoch is this many steps, also while it draws from pretrain_data
        # the training photos' colour codes, from which a seed draws one at inference (exported)
        self.codes = np.stack([self.code_of(x) for x in self.b[: self.n_own]])
        if train_cfg.pretrain_data and train_cfg.pretrain_epochs:
            more = load_pairs(Path(train_cfg.pretrain_data) / "train", train_cfg.direction)
            self.a, self.b = np.concatenate([self.a, fit_to(more[0])]), np.concatenate([self.b, fit_to(more[1])])
        s = model_cfg.image_size
        test = root / "test"
        ta, tb = load_pairs(test, train_cfg.direction) if test.exists() else (a[:4], b[:4])
        ta, tb = resized(ta[:2], s), resized(tb[:2], s)  # two held-out sketches, as HED and as a hand drew them
        self.test_a = np.concatenate([ta, [hand_drawn(x, np.random.default_rng(i)) for i, x in enumerate(ta)]])
        self.test_b = np.concatenate([tb, tb])
        val = root / "val"  # chooses the exported epoch; test/ stays for the final evaluation only
        self.val = None
        if val.exists():  # each val sketch as HED drew it and as a hand would (a fixed redraw)
            va, vb = (resized(v, s) for v in load_pairs(val, train_cfg.direction))
            drawn = np.stack([hand_drawn(x, np.random.default_rng(i)) for i, x in enumerate(va)])
            self.val = (np.concatenate([va, drawn]), np.concatenate([vb, vb]))
        self.select_by = train_cfg.select_by if self.val is not None and train_cfg.export_best else ""
        self.select_after = train_cfg.late_from_epoch
        self.sources = [root / "sources.json"]
        if len(self.a) > self.n_own:
            self.sources.append(Path(train_cfg.pretrain_data) / "sources.json")
        self.grid_cols = 4 if model_cfg.code_colours else 3
        if train_cfg.low_res_epochs and model_cfg.encoder == "unet":
            raise ValueError("low_res_epochs needs the vgg16_hed encoder: the U-Net's depth follows the image size.")

    def build(self):
        import keras

        from ganapp import vgg as vgg_weights
        from ganapp.models.pix2pix import network as pix2pix

        c, t = self.model_cfg, self.train_cfg
        any_size = bool(t.low_res_epochs)  # trains at two sizes
        self.g, self.d = pix2pix.build_generator(c, any_size), pix2pix.build_discriminator(c, any_size)
        vgg = pix2pix.vgg16_layer_names(range(1, c.vgg_blocks + 1)) if c.encoder == "vgg16_hed" else []
        if t.init_from:  # fine-tuning: the whole generator starts as those weights
            start = Path(t.init_from) / "generator.weights.h5"
            if not start.is_file():
                raise SystemExit(f"--init-from {t.init_from}: no generator.weights.h5 there.")
            self.g.load_weights(start)
        elif vgg:  # the encoder starts as HED's VGG16 (a resumed run then restores its own weights)
            hed = vgg_weights.layer_weights("vgg16-hed")
            for name in vgg:
                self.g.get_layer(name).set_weights(hed[name])
        tuned = set(vgg[sum(n for _, n in pix2pix.VGG16_BLOCKS[: t.encoder_frozen_blocks]) :])
        self.enc_vars = [v for n in vgg if n in tuned for v in self.g.get_layer(n).trainable_weights]
        self.dec_vars = [v for layer in self.g.layers if layer.name not in vgg for v in layer.trainable_weights]
        self.g_ema = pix2pix.build_generator(c) if t.ema_decay else self.g  # what samples and export use
        if self.g_ema is not self.g:
            self.g_ema.set_weights(self.g.get_weights())
        self.opt_g = keras.optimizers.Adam(t.lr, beta_1=t.beta1)
        self.opt_d = keras.optimizers.Adam(t.lr * t.d_lr_scale, beta_1=t.beta1)
        self.opt_e = keras.optimizers.Adam(t.lr * t.encoder_lr_scale, beta_1=t.beta1)
        self.opt_g.build(self.dec_vars)
        self.d_feat = None
        if t.feature_disc_weight:
            from train.feature_disc import build_feature_discriminator

            self.d_feat = build_feature_discriminator(
                tuple(t.feature_disc_layers), blur=t.feature_disc_blur, antialias=t.feature_disc_antialias
            )
        self.d_vars = self.d.trainable_variables + (self.d_feat.trainable_variables if self.d_feat else [])
        self.opt_d.build(self.d_vars)
        self.opt_e.build(self.enc_vars)
        self.policy = parse_policy(t.diffaug)
        # the discriminator's LeakyReLU activations, for feature matching (same weights as self.d)
        acts = [layer.output for layer in self.d.layers if isinstance(layer, keras.layers.LeakyReLU)]
        self.d_feats = keras.Model(self.d.inputs, [*acts, self.d.output])
        if t.perceptual_weight:
            from ganapp.layers import VGGInput

            feats = vgg_weights.offline_features(("block1_conv2", "block2_conv2", "block3_conv3", "block4_conv3"))
            inp = keras.Input((None, None, 3))
            self.vgg_loss_net = keras.Model(inp, feats(VGGInput()(inp)))

    def code_of(self, photo: np.ndarray) -> np.ndarray:
        """float32 (3 x code_colours,): a uint8 photo's colour code (empty without codes)."""
        from ganapp.models.pix2pix.code import colour_code

        n = self.model_cfg.code_colours
        return colour_code(photo, n) if n else np.zeros(0, np.float32)

    def g_inputs(self, sketch, code):
        """The generator's inputs: the sketch, with its colour code when the model takes one."""
        return [sketch, code] if self.model_cfg.code_colours else sketch

    def phase(self, epoch):
        if not self.enc_vars:
            return ""
        return "finetune" if epoch >= self.train_cfg.finetune_from_epoch else "frozen"

    def trackables(self):
        tracked = {"g": self.g, "d": self.d, "opt_g": self.opt_g, "opt_d": self.opt_d, "opt_e": self.opt_e}
        if self.g_ema is not self.g:
            tracked["g_ema"] = self.g_ema
        if self.d_feat is not None:
            tracked["d_feat"] = list(self.d_feat.trainable_variables)
        return tracked

    def steps_per_epoch(self):
        return self.n_own // self.train_cfg.batch_size

    def dataset(self, epoch):
        import tensorflow as tf

        t, full = self.train_cfg, self.model_cfg.image_size
        s = full // 2 if epoch < t.low_res_epochs else full  # the same crops, downscaled in low-res epochs
        rng = np.random.default_rng([t.seed, epoch])
        pool = len(self.a) if epoch < t.pretrain_epochs else self.n_own  # pretraining epochs draw from both sets
        perm = rng.permutation(pool)[: self.n_own]
        a, b, codes = [], [], []
        for i in perm:  # the same crop and flip for both sides of a pair
            c = full if not t.zoom else int(rng.integers(int(full * (1 - t.zoom)), min(t.jitter, int(1.1 * full)) + 1))
            y, x = rng.integers(0, t.jitter - c + 1, 2)
            pa, pb = self.a[i, y : y + c, x : x + c], self.b[i, y : y + c, x : x + c]
            if c != s:  # the sketch's lines are resized as grey and drawn again in black
                pa = np.where(resized(pa[None], s)[0].mean(-1, keepdims=True) < 160, 0, 255).astype(np.uint8)
                pa, pb = np.repeat(pa, 3, -1), resized(pb[None], s)[0]
            if rng.random() < t.hand_drawn:
                pa = hand_drawn(pa, rng, rng.uniform(0.3, 1.0))
            if rng.random() < 0.5:
                pa, pb = pa[:, ::-1], pb[:, ::-1]
            a.append(pa)
            b.append(pb)
            codes.append(self.code_of(pb))  # the code of the very photo the generator is to draw
        ds = tf.data.Dataset.from_tensor_slices((np.stack(a), np.stack(b), np.stack(codes)))
        return ds.batch(t.batch_size, drop_remainder=True).map(
            lambda x, y, c: (tf.cast(x, tf.float32) / 127.5 - 1.0, tf.cast(y, tf.float32) / 127.5 - 1.0, c)
        )

    @staticmethod
    def draw_seed(seed, salt: int):
        """The step's stateless seed for one of its random draws, told apart by ``salt``: 1 and 2
        the discriminator's views of the real and the generated pair (:meth:`d_view`), 3 the
        feature discriminator's rescale."""
        import tensorflow as tf

        return tf.cast(seed, tf.int64) + tf.constant([0, salt << 20], tf.int64)

    def d_view(self, sketch, image, seed, salt: int = 0):
        """What the discriminator sees of a (sketch, image) pair: with a DiffAugment policy, both
        moved and cut out alike, the image alone recoloured (the sketch stays black on white);
        ``salt`` tells apart the draws of one step's calls (:meth:`draw_seed`)."""
        import tensorflow as tf

        if not self.policy:
            return [sketch, image]
        seed = self.draw_seed(seed, salt)
        pair = augment(tf.concat([sketch, image], -1), tuple(p for p in self.policy if p != "color"), seed)
        colour = ("color",) if "color" in self.policy else ()
        return [pair[..., :3], augment(pair[..., 3:], colour, seed + [0, 1])]

    def train_step(self, batch, step, seed):
        import tensorflow as tf

        t = self.train_cfg
        sketch, photo, code = batch

        def bce(logits, target):
            per = tf.reduce_mean(
                tf.nn.sigmoid_cross_entropy_with_logits(tf.fill(tf.shape(logits), target), logits), axis=[1, 2, 3]
            )
            return tf.nn.compute_average_loss(per, global_batch_size=t.batch_size)

        def perceptual(fake):  # mean over layers of |VGG(fake) - VGG(photo)| / mean |VGG(photo)|
            size = [t.perceptual_size] * 2
            f = self.vgg_loss_net(tf.image.resize(tf.concat([fake, photo], 0), size, antialias=True), training=False)
            n = tf.shape(fake)[0]
            per = tf.add_n(
                [
                    tf.reduce_mean(tf.abs(x[:n] - x[n:]), [1, 2, 3])
                    / (tf.stop_gradient(tf.reduce_mean(tf.abs(x[n:]), [1, 2, 3])) + 1e-3)
                    for x in f
                ]
            )
            return tf.nn.compute_average_loss(per / len(f), global_batch_size=t.batch_size)

        finetune = self.current_phase == "finetune"
        g_vars = self.dec_vars + (self.enc_vars if finetune else [])
        with tf.GradientTape() as gt, tf.GradientTape() as dt:
            fake = self.g(self.g_inputs(sketch, code), training=True)
            real_view, fake_view = self.d_view(sketch, photo, seed, 1), self.d_view(sketch, fake, seed, 2)
            # real and generated pairs in one batch: in separate ones the discriminator's batch
            # norm could tell them apart by their batch's statistics instead of by their look
            n = tf.shape(fake)[0]
            *d_feats, d_out = self.d_feats([tf.concat(v, 0) for v in zip(real_view, fake_view)], training=True)
            real_feats, fake_feats = [f[:n] for f in d_feats], [f[n:] for f in d_feats]
            d_real, d_fake = d_out[:n], d_out[n:]
            adv = bce(d_fake, 1.0)
            d_loss = 0.5 * (bce(d_real, 1.0) + bce(d_fake, 0.0))
            extra = {}
            if self.d_feat is not None:  # the same augmented images, without the sketch
                pair = tf.concat([real_view[1], fake_view[1]], 0)
                if t.feature_disc_rescale:
                    pair = random_rescale(pair, t.feature_disc_rescale, self.draw_seed(seed, 3))
                maps = list(self.d_feat(pair, training=True).values())
                extra["feature_adv"] = tf.add_n([bce(m[n:], 1.0) for m in maps]) / len(maps)
                d_feat_loss = tf.add_n([bce(m[:n], 1.0) + bce(m[n:], 0.0) for m in maps]) / len(maps)
                adv += t.feature_disc_weight * extra["feature_adv"]
                d_loss += 0.5 * t.feature_disc_weight * d_feat_loss
            if t.perceptual_weight:
                extra["perceptual"] = perceptual(fake)
            if t.fm_weight:
                fm = tf.add_n(
                    [tf.reduce_mean(tf.abs(f - tf.stop_gradient(r)), [1, 2, 3]) for f, r in zip(fake_feats, real_feats)]
                ) / len(real_feats)
                extra["fm"] = tf.nn.compute_average_loss(fm, global_batch_size=t.batch_size)
            l1 = tf.nn.compute_average_loss(
                tf.reduce_mean(tf.abs(photo - fake), axis=[1, 2, 3]), global_batch_size=t.batch_size
            )
            g_loss = adv + t.l1_weight * l1
            perceptual_weight = t.perceptual_weight
            if t.late_from_epoch:
                perceptual_weight = tf.where(
                    step >= t.late_from_epoch * self.steps_per_epoch(), t.late_perceptual_weight, perceptual_weight
                )
            g_loss += perceptual_weight * extra.get("perceptual", 0.0) + t.fm_weight * extra.get("fm", 0.0)
            if t.code_weight and self.model_cfg.code_colours:
                drawn = code_of_images(fake, self.model_cfg.code_colours)
                extra["code"] = tf.nn.compute_average_loss(
                    tf.reduce_mean(tf.abs(drawn - code), -1), global_batch_size=t.batch_size
                )
                g_loss += t.code_weight * extra["code"]
        grads = gt.gradient(g_loss, g_vars)
        if t.generator_warmup:  # zero gradients: Adam leaves the weights as they are
            keep = tf.cast(step >= t.generator_warmup, tf.float32)
            grads = [g * keep for g in grads]
        self.opt_g.apply_gradients(zip(grads[: len(self.dec_vars)], self.dec_vars))
        if finetune:
            self.opt_e.apply_gradients(zip(grads[len(self.dec_vars) :], self.enc_vars))
        self.opt_d.apply_gradients(zip(dt.gradient(d_loss, self.d_vars), self.d_vars))
        return {"g_adv": adv, "l1": l1, "d_loss": d_loss, **extra}

    def after_step(self, step):
        if self.g_ema is not self.g:
            ema_update(self.g_ema, self.g, step, self.train_cfg.ema_decay)

    def own_codes(self, photos: np.ndarray):
        """(N, D) codes of uint8 photos, or None when the model takes no code."""
        return np.stack([self.code_of(p) for p in photos]) if self.model_cfg.code_colours else None

    def sample_images(self):
        """Rows of sketch | building [| building of a seed's code] | photo; the first building has
        the photo's own colour code."""
        columns = [self.test_a, translate(self.g_ema, self.test_a, codes=self.own_codes(self.test_b))]
        if self.model_cfg.code_colours:
            from ganapp.models.pix2pix.code import seeded_codes

            columns.append(translate(self.g_ema, self.test_a, codes=seeded_codes(self.codes, len(self.test_a))))
        return np.stack([im for row in zip(*columns, self.test_b) for im in row])

    def validate(self):
        if self.val is None:
            return {}
        a, b = self.val
        return photo_scores(translate(self.g_ema, a, codes=self.own_codes(b)), b)

    def best_model(self):
        return self.g_ema

    def export(self, out: Path, run):
        import json

        from PIL import Image

        from ganapp.imaging import make_grid
        from train.export import export_folder

        best = run.folder / "best.json"
        selected = None
        if self.select_by and best.exists():
            self.g_ema.load_weights(run.folder / "best.weights.h5")
            selected = {
                "by": self.select_by,
                **json.loads(best.read_text()),
                "val_pairs": len(self.val[0]),
                "val_note": "half of the val pairs are the other half's sketches redrawn by hand",
            }

        note = (
            f"{self.n_own} sketch/photo pairs of {self.train_cfg.data}"
            + (
                ": building and monument photos from Debian packages (gcompris-qt-data, opencv-doc), sketches drawn "
                "from them by the HED edge detector (ganapp.models.pix2pix.sketch.photo_to_sketch); validation and "
                "test photos held out by source photo."
                if Path(self.train_cfg.data)
                == Path("data/buildings")  # what python -m train.data prepare buildings made
                else "."
            )
            + (
                f" The first {self.train_cfg.pretrain_epochs} epochs also drew from {len(self.a) - self.n_own} "
                f"pairs of {self.train_cfg.pretrain_data}."
                if self.train_cfg.pretrain_epochs and len(self.a) > self.n_own
                else ""
            )
        )
        export_folder(
            self,
            run,
            out,
            self.g_ema,
            make_grid(self.sample_images(), cols=self.grid_cols),
            note,
            self.n_own,
            credits=self.sources,
            selected=selected,
        )
        examples = out / "examples"  # held-out sketches for the tab (never trained on)
        examples.mkdir(exist_ok=True)
        for i, arr in enumerate(self.test_a[:3]):
            Image.fromarray(arr).save(examples / f"heldout_{i}.png")
        if self.model_cfg.code_colours:
            from ganapp.models.pix2pix.code import CODES

            np.savez(out / CODES, codes=self.codes)


def code_of_images(images, colours: int):
    """ganapp.models.pix2pix.code.colour_code of square images (N, S, S, 3) in [-1, 1], S a multiple of
    CODE_SIDE (or smaller: then read at S), as a TensorFlow op: (N, 3 x colours), differentiable in the
    pixels (the brightness ranking itself is not)."""
    import tensorflow as tf

    from ganapp.models.pix2pix.code import CODE_SIDE

    k = max(1, images.shape[1] // CODE_SIDE)  # box-averaged like the library's PIL BOX resize
    small = tf.nn.avg_pool2d(tf.cast(images, tf.float32), k, k, "VALID")
    n = small.shape[1] * small.shape[2]
    px = tf.reshape(small, [-1, n, 3])
    order = tf.stop_gradient(tf.argsort(tf.tensordot(px, tf.constant([0.299, 0.587, 0.114]), 1), stable=True))
    ranked = tf.gather(px, order, batch_dims=1)
    # bands as numpy.array_split makes them: the first n % colours one longer
    sizes = [n // colours + 1] * (n % colours) + [n // colours] * (colours - n % colours)
    return tf.concat([tf.reduce_mean(b, 1) for b in tf.split(ranked, sizes, axis=1)], -1)


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(Pix2PixTrainConfig, Pix2PixConfig, argv, description=__doc__, key="pix2pix")


def main(argv=None):
    train_cfg, model_cfg = options(argv)
    fit(Pix2PixTask(train_cfg, model_cfg))


if __name__ == "__main__":
    main()
