"""The small-data levers (DiffAugment, the feature discriminator, fine-tuning with a warm-up of
the way back) and the painting-vs-photo judge behind the van Gogh deception rate."""

import numpy as np
import pytest
import tensorflow as tf

from tests.conftest import ROOT

SEED = tf.constant([0, 7], tf.int64)


def test_translation_moves_content_and_fills_with_zeros():
    from train import diffaug

    x = np.zeros((1, 16, 16, 1), np.float32)
    x[0, 8, 8] = 1.0
    out = np.asarray(diffaug.translation(tf.constant(x), SEED))
    (y, xx) = np.argwhere(out[0, ..., 0] == 1.0)[0]
    assert abs(y - 8) <= 2 and abs(xx - 8) <= 2 and out.sum() == 1.0  # moved by at most 1/8, nothing else
    shifted = np.asarray(diffaug.translation(tf.ones((4, 16, 16, 1)), SEED))
    assert shifted.min() == 0.0 and 0.5 < shifted.mean() < 1.0  # the gap is zeros


def test_cutout_zeroes_a_quarter_and_each_image_draws_its_own():
    from train import diffaug

    out = np.asarray(diffaug.cutout(tf.ones((8, 32, 32, 3)), SEED))
    zero = (out == 0).all(-1).reshape(8, -1).mean(1)
    assert np.all(zero <= 0.25 + 1e-6) and np.all(zero >= 0.0625)  # a half-size square, maybe at an edge
    assert len({out[i].tobytes() for i in range(8)}) > 1


def test_augment_is_differentiable_and_the_policy_is_checked():
    from train import diffaug

    x = tf.Variable(tf.random.uniform((2, 16, 16, 3), -1, 1))
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(diffaug.augment(x, diffaug.parse_policy("color,translation,cutout"), SEED))
    grad = tape.gradient(loss, x)
    assert grad is not None and float(tf.reduce_sum(tf.abs(grad))) > 0
    assert np.array_equal(diffaug.augment(x, (), SEED), x)
    with pytest.raises(ValueError, match="Unknown DiffAugment policy rotate"):
        diffaug.parse_policy("color, rotate")


def test_feature_discriminator_trains_only_its_heads():
    from train.feature_disc import build_feature_discriminator

    d = build_feature_discriminator(("block2_conv2", "block3_conv3"), width=8)
    maps = d(np.zeros((1, 64, 64, 3), np.float32))
    assert {k: m.shape for k, m in maps.items()} == {"block2_conv2": (1, 32, 32, 1), "block3_conv3": (1, 16, 16, 1)}
    names = {v.path.split("/")[0] for v in d.trainable_variables}
    assert names == {f"{n}_{k}" for n in ("block2_conv2", "block3_conv3") for k in ("in", "mix", "score")}


def test_a_low_passed_feature_discriminator_cannot_see_a_fine_lattice():
    from train.feature_disc import build_feature_discriminator, gaussian_blur

    flat = np.full((1, 64, 64, 3), 0.2, np.float32)
    lattice = flat.copy()
    lattice[:, ::4] += 0.3  # a 4 px lattice, like one a generator learnt against VGG16 features
    lattice[:, :, ::4] += 0.3
    lattice -= lattice.mean() - 0.2  # the same mean colour as flat
    assert np.allclose(np.asarray(gaussian_blur(flat, 2.0)), flat, atol=1e-5)  # reflected edges do not darken

    def seen(blur):  # how far apart the frozen features read the lattice and the flat image, relative
        # to their size, away from the borders (where a reflected lattice is no longer one)
        d = build_feature_discriminator(("block2_conv2",), width=8, blur=blur)
        steps = [d.get_layer(n) for n in ("to_caffe", "low_pass", "vgg16_features") if blur or n != "low_pass"]

        def features(x):
            for layer in steps:
                x = layer(x)
            return np.asarray(x["block2_conv2"])[:, 8:-8, 8:-8]

        a, b = features(lattice), features(flat)
        return np.abs(a - b).mean() / np.abs(b).mean()

    assert seen(0.0) > 0.5 and seen(2.0) < 0.1 * seen(0.0), (seen(0.0), seen(2.0))  # 1.6 and 0.07 here


def test_antialiased_pooling_keeps_the_shape_and_steadies_deep_features_under_a_shift():
    from scipy import ndimage

    from ganapp import vgg

    rng = np.random.default_rng(0)  # a textured image: smoothed noise at a few scales
    image = sum(ndimage.gaussian_filter(rng.normal(size=(96, 96, 3)), (s, s, 0)) * s for s in (1, 2, 4))
    image = (image - image.min()) / np.ptp(image) * 255.0
    batch = vgg.caffe(np.stack([image, np.roll(image, 1, axis=1)]).astype(np.float32))

    def shift_change(antialias):  # how much block4_conv3 changes when the image moves by 1 px
        import keras

        base = vgg.offline_vgg16(antialias=antialias)
        f = np.asarray(keras.Model(base.input, base.get_layer("block4_conv3").output)(batch))
        assert f.shape == (2, 12, 12, 512)
        return np.abs(f[0] - f[1])[2:-2, 2:-2].mean() / np.abs(f[0]).mean()

    plain, smooth = shift_change(False), shift_change(True)
    assert smooth < 0.75 * plain, (plain, smooth)


def test_random_rescale_draws_sides_on_the_stride_and_passes_gradients():
    from train.feature_disc import random_rescale

    x = tf.Variable(tf.random.uniform((2, 64, 64, 3)))
    sides = set()
    for i in range(12):
        with tf.GradientTape() as tape:
            out = random_rescale(x, 0.3, tf.constant([i, 0], tf.int64))
            loss = tf.reduce_sum(out)
        assert out.shape[0] == 2 and out.shape[1] == out.shape[2] and out.shape[1] % 8 == 0
        assert 0.7 * 64 - 4 <= out.shape[1] <= 1.3 * 64 + 4
        assert float(tf.reduce_sum(tf.abs(tape.gradient(loss, x)))) > 0
        sides.add(out.shape[1])
    assert len(sides) >= 3, sides  # one draw per call, not one fixed size


def test_finetuning_starts_from_the_weights_and_the_warmup_keeps_them(unpaired, tmp_path):
    from ganapp.models.vangogh import network
    from ganapp.models.vangogh.config import CycleGANConfig
    from tests.conftest import write_weights
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig

    tiny = CycleGANConfig(image_size=32, gen_filters=4, res_blocks=1, disc_filters=4)
    start = write_weights(tmp_path / "start", tiny)
    saved = network.build_generator(tiny)
    saved.load_weights(start / "generator.weights.h5")
    levers = {"diffaug": "color,translation,cutout", "feature_disc_weight": 1.0}
    cfg = VanGoghTrainConfig(
        data=str(unpaired),
        xla=False,
        pool_size=2,
        photo_side=48,
        init_from=str(start),
        inverse_warmup=2,
        **levers,
        feature_disc_layers=("block2_conv2",),
    )
    task = VanGoghTask(cfg, tiny)
    task.load_data()
    task.build()

    def moved():
        return max(float(np.abs(a - b).max()) for a, b in zip(saved.get_weights(), task.g_ab.get_weights()))

    assert moved() == 0.0
    batch = next(iter(task.dataset(0)))
    task.train_step(batch, tf.constant(1, tf.int64), SEED)  # in the warm-up: the way back and D learn
    assert moved() == 0.0
    task.train_step(batch, tf.constant(2, tf.int64), SEED)
    assert moved() > 0.0
    with pytest.raises(SystemExit, match="no generator.weights.h5 there"):
        VanGoghTask(VanGoghTrainConfig(data=str(unpaired), init_from=str(tmp_path / "none")), tiny).build()


def test_style_term_is_zero_for_the_painting_itself_and_pulls_towards_its_statistics(unpaired):
    from ganapp.models.vangogh.config import CycleGANConfig
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig

    tiny = CycleGANConfig(image_size=32, gen_filters=4, res_blocks=1, disc_filters=4)
    cfg = VanGoghTrainConfig(data=str(unpaired), xla=False, pool_size=2, photo_side=48, style_weight=1.0)
    task = VanGoghTask(cfg, tiny)
    task.load_data()
    task.build()
    painting = tf.random.uniform((1, 32, 32, 3), -1, 1, seed=1)
    assert float(task._style(painting, painting)) < 1e-6
    grey = tf.Variable(tf.zeros((1, 32, 32, 3)))
    with tf.GradientTape() as tape:
        before = task._style(grey, painting)
    grey.assign_sub(0.5 * tf.sign(tape.gradient(before, grey)) * 0.2)
    assert float(before) > 0.1 and float(task._style(grey, painting)) < float(before)
    losses = task.train_step(next(iter(task.dataset(0))), tf.constant(0, tf.int64), SEED)
    assert float(losses["style"]) > 0  # logged beside the other losses
    plain = VanGoghTask(VanGoghTrainConfig(data=str(unpaired), xla=False, pool_size=2, photo_side=48), tiny)
    plain.load_data()
    plain.build()
    assert plain.style_net is None and "style" not in plain.train_step(next(iter(plain.dataset(0))), 0, SEED)


def test_bfloat16_training_keeps_float32_weights_and_leaves_the_policy_alone(unpaired, tmp_path):
    import keras

    from ganapp.models.vangogh import network
    from ganapp.models.vangogh.config import CycleGANConfig
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig, bfloat16

    tiny = CycleGANConfig(image_size=32, gen_filters=4, res_blocks=1, disc_filters=4)
    levers = {"feature_disc_weight": 1.0, "feature_disc_layers": ("block2_conv2",), "diffaug": "color"}
    cfg = VanGoghTrainConfig(data=str(unpaired), pool_size=2, photo_side=48, precision="bfloat16", **levers)
    task = VanGoghTask(cfg, tiny)
    task.load_data()
    task.build()
    assert keras.mixed_precision.global_policy().name == "float32"  # models built later are float32
    convs = [layer for layer in task.g_ab.layers + task.d_feat.layers if isinstance(layer, keras.layers.Conv2D)]
    assert {layer.compute_dtype for layer in convs[:-1]} == {"bfloat16"}
    assert {w.dtype for w in task.g_ab.weights} == {"float32"}
    losses = task.train_step(next(iter(task.dataset(0))), tf.constant(0, tf.int64), SEED)
    assert all(np.isfinite(float(v)) for v in losses.values())
    task.g_ab.save_weights(tmp_path / "g.weights.h5")  # what the app loads, into its float32 model
    app_model = network.build_generator(tiny)
    app_model.load_weights(tmp_path / "g.weights.h5")
    x = np.random.default_rng(0).uniform(-1, 1, (1, 32, 32, 3)).astype(np.float32)
    assert np.abs(np.asarray(app_model(x)) - np.asarray(task.g_ab(x))).max() < 0.1  # bf16 rounding only
    with pytest.raises(SystemExit, match="choose float32, bfloat16 or auto"):
        bfloat16("half")


def _images(folder, side):
    from ganapp.imaging import load_image, resize_max_side

    return [np.asarray(resize_max_side(load_image(p), side)) for p in sorted(folder.glob("*.jpg"))]


def test_the_judge_tells_paintings_from_photos_and_palette_does_not_decide():
    """Fit on the shipped gallery paintings and example photos; on new crops it calls paintings
    paintings and photos photos, also when each wears the other's palette (the judge is fit
    with tinted photos among its negatives and photo-coloured paintings among its positives)."""
    from train.vangogh.judge import PaintingJudge, random_crops, recoloured

    paintings = _images(ROOT / "weights" / "style" / "presets", 512)
    photos = _images(ROOT / "weights" / "style" / "examples", 512) + _images(
        ROOT / "weights" / "vangogh" / "examples", 512
    )
    judge = PaintingJudge(paintings, photos, per_painting=20)  # a third of the evaluation's crops: a harder fit
    rng = np.random.default_rng(5)
    art, real = random_crops(paintings, 40, rng, 0.4), random_crops(photos, 40, rng, 0.5)
    tinted = [recoloured(c, t) for c, t in zip(real, random_crops(paintings, 40, rng, 0.4))]
    plain_art = [recoloured(c, t) for c, t in zip(art, random_crops(photos, 40, rng, 0.5))]
    assert judge.rate(art) >= 0.8 and judge.rate(plain_art) >= 0.8
    assert judge.rate(real) <= 0.25 and judge.rate(tinted) <= 0.25
