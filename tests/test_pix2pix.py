"""pix2pix: the sketch function, pairing, the U-Net, a train step and the endpoints."""

import json

import numpy as np
import pytest
from PIL import Image, ImageDraw

import ganapp
from ganapp.models.pix2pix import network as pix2pix
from ganapp.models.pix2pix.config import Pix2PixConfig
from tests.conftest import SHIPPED, write_weights
from tests.conftest import TINY_PIX2PIX as TINY

SHIPPED_PIX2PIX = SHIPPED / "pix2pix"


def house(size=128):
    """A photo-like house: a wall, a dark roof, windows and a door."""
    img = Image.new("RGB", (size, size), (120, 170, 230))
    d = ImageDraw.Draw(img)
    d.rectangle([20, 50, 108, 120], fill=(200, 180, 150))
    d.polygon([(14, 52), (64, 14), (114, 52)], fill=(110, 40, 30))
    for x in (32, 76):
        d.rectangle([x, 64, x + 18, 82], fill=(40, 60, 90))
    d.rectangle([56, 92, 72, 120], fill=(80, 50, 30))
    return img


def test_photo_to_sketch_draws_dark_thin_lines_on_white():
    sk = np.asarray(ganapp.photo_to_sketch(house()).convert("L"))
    assert sk.shape == (128, 128)
    dark = sk < 128
    assert 0.02 < dark.mean() < 0.25  # lines, not fills
    assert dark[60:90, 28:56].any()  # the left window's outline
    assert not dark[100:116, 84:100].any()  # flat wall stays white


@pytest.mark.parametrize("upsample", ["transpose", "resize", "bilinear"])
def test_unet_shapes_and_skip_count(upsample):
    import dataclasses

    g = pix2pix.build_generator(dataclasses.replace(TINY, upsample=upsample))
    out = np.asarray(g(np.zeros((2, 32, 32, 3), np.float32), training=False))
    assert out.shape == (2, 32, 32, 3) and np.abs(out).max() <= 1
    assert sum(layer.__class__.__name__ == "Concatenate" for layer in g.layers) == 4  # log2(32) - 1 skips
    transposed = sum(layer.__class__.__name__ == "Conv2DTranspose" for layer in g.layers)
    assert transposed == (5 if upsample == "transpose" else 0)  # resize, bilinear: 2x + conv instead
    with pytest.raises(ValueError, match="upsample"):
        pix2pix.build_generator(dataclasses.replace(TINY, upsample="bicubic"))
    d = pix2pix.build_discriminator(TINY)
    assert d([np.zeros((1, 32, 32, 3)), np.zeros((1, 32, 32, 3))]).shape == (1, 4, 4, 1)


@pytest.fixture
def pairs(tmp_path):
    rng = np.random.default_rng(0)
    for split, n in (("train", 4), ("val", 2), ("test", 2)):
        (tmp_path / split).mkdir()
        for i in range(n):
            a = rng.integers(0, 255, (40, 40, 3), np.uint8)
            b = 255 - a
            Image.fromarray(np.concatenate([a, b], 1)).save(tmp_path / split / f"{i}.png")
    return tmp_path


def test_pairs_split_and_direction(pairs):
    from train.pix2pix.data import load_pairs

    a, b = load_pairs(pairs / "train")
    assert a.shape == b.shape == (4, 40, 40, 3) and np.array_equal(b, 255 - a)
    a2, b2 = load_pairs(pairs / "train", "BtoA")
    assert np.array_equal(a2, b) and np.array_equal(b2, a)


def test_buildings_split_by_source_photo(tmp_path, monkeypatch):
    import io

    from train.pix2pix import data

    photos = []
    for i in range(20):  # wide photos give several crops: none may cross splits
        buf = io.BytesIO()
        house(200).resize((300 if i % 2 else 200, 200)).rotate(i * 7).save(buf, "PNG")
        photos.append((f"bundle a: photo{i:02d}.webp", buf.getvalue(), "test licence"))
    twins = [(f"bundle b: {name.split(': ')[1]}", data, licence) for name, data, licence in photos]
    monkeypatch.setattr(data, "DATA", tmp_path)
    monkeypatch.setattr(data, "building_photos", lambda: photos + twins)  # each photo also in a second bundle
    root = data.prepare_buildings(size=40, zoom_crops=1)
    sources = json.loads((root / "sources.json").read_text())
    split_of = {}  # subject -> its splits: a subject held out in one bundle is not trained on from the other
    for rec in sources:
        split_of.setdefault(rec["source"].split(": ")[1], set()).add(rec["file"].split("/")[0])
        assert (root / rec["file"]).exists() and rec["licence"] == "test licence"
    assert all(v == {"train"} or "train" not in v for v in split_of.values()) and len(split_of) == 20
    per_split = {s: sum(s in v for v in split_of.values()) for s in ("train", "val", "test")}
    assert per_split["train"] >= 12 and min(per_split["val"], per_split["test"]) >= 2
    a, b = data.load_pairs(root / "val")
    assert a.shape[1:] == (40, 40, 3) and (a > 128).mean() > 0.5  # a sketch: mostly white paper


def test_train_step_and_export(pairs, tmp_path, monkeypatch):
    from ganapp import weights
    from train.pix2pix.task import main

    monkeypatch.setenv("GANAPP_RUNS_DIR", str(tmp_path / "runs"))
    run = tmp_path / "runs/pix2pix/default"
    run.mkdir(parents=True)
    old_log = "step,epoch,time,g_adv,l1,ssim,d_loss\n1,0,0.1,1.0,0.5,0.2,0.7\n"  # an older trainer logged SSIM
    (run / "losses.csv").write_text(old_log)
    out = tmp_path / "export" / "pix2pix"
    main(
        [
            "--data",
            str(pairs),
            "--image-size",
            "32",
            "--gen-filters",
            "4",
            "--gen-max-filters",
            "8",
            "--disc-filters",
            "4",
            "--jitter",
            "36",
            "--epochs",
            "2",
            "--log-every",
            "2",
            "--export",
            str(out),
        ]
    )
    model, cfg = weights.build_from_dir(out)
    assert cfg == TINY and (out / "samples.png").exists()
    header, row = (run / "losses.csv").read_text().splitlines()[:2]
    assert (run / "losses_until_step_2.csv").read_text() == old_log  # kept apart, not mixed in
    assert header.split(",")[3:] == ["g_adv", "l1", "d_loss"] and len(row.split(",")) == 6
    # val/ is scored after every epoch; the export is the epoch with the best validation SSIM
    val = [r.split(",") for r in (run / "val.csv").read_text().splitlines()]
    assert val[0] == [
        "step",
        "epoch",
        "l1",
        "psnr_db",
        "ssim",
        "perceptual",
        "colourfulness_ratio",
        "edge_energy_ratio",
    ] and [r[1] for r in val[1:]] == ["1", "2"]
    best = json.loads((run / "best.json").read_text())
    assert best["ssim"] == max(float(r[4]) for r in val[1:])
    assert json.loads((out / "training.json").read_text())["selected"]["epoch"] == best["epoch"]
    kept = weights.build_from_dir(out)[0]
    kept.load_weights(run / "best.weights.h5")
    assert all(np.array_equal(a, b) for a, b in zip(model.get_weights(), kept.get_weights()))
    assert f"Exported: the generator of epoch {best['epoch']} of 2" in (out / "README.md").read_text()
    from train.pix2pix.evaluate import evaluate_pix2pix

    metrics = evaluate_pix2pix(out, previous=out)  # on the test/ split the weights never saw
    summary = metrics["summary"]
    assert metrics["notes"].startswith("2 held-out") and summary["perceptual"] == summary["previous_perceptual"]
    assert {"hand_drawn_perceptual", "baseline_frechet_distance", "edge_energy_ratio"} <= set(summary)
    assert metrics["goals"]["perceptual_below_previous"] is False  # the same weights are not better than themselves
    from train.metrics import resized
    from train.pix2pix.data import load_pairs

    photos = resized(load_pairs(pairs / "test")[1], 32).reshape(2, -1, 3).astype(np.float64)
    own_colour = np.mean(10 * np.log10(255.0**2 / photos.var(1).mean(1)))  # a flat image of its mean colour
    assert abs(summary["reference_own_mean_colour_psnr_db"] - own_colour) < 0.05
    sheet = Image.open(
        out / "comparison.png"
    )  # 2 rows of sketch | previous | these | hinted | photo, 32 px + 4 px gaps
    assert metrics["sheet"]["columns"][1] == "previous weights" and sheet.size == (5 * 32 + 6 * 4, 2 * 32 + 3 * 4)
    assert {"colour_hints_30_psnr_gain_db", "colour_hints_3_blobs_max_percent"} <= set(summary)


def test_late_perceptual_weight_replaces_the_weight_from_its_epoch(pairs):
    import keras

    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    # one step with: no perceptual loss; weight 10; 10, then 0 from epoch 1 (a step of epoch 0, then of epoch 1)
    kernels = []
    for w, late, start, epoch in ((0.0, 0.0, 0, 0), (10.0, 0.0, 0, 0), (10.0, 0.0, 1, 0), (10.0, 0.0, 1, 1)):
        cfg = Pix2PixTrainConfig(
            data=str(pairs), jitter=36, perceptual_weight=w, late_perceptual_weight=late, late_from_epoch=start
        )
        task = Pix2PixTask(cfg, TINY)
        task.load_data()
        keras.utils.set_random_seed(0)
        task.build()
        task.train_step(next(iter(task.dataset(0))), epoch * task.steps_per_epoch(), 0)
        kernels.append(task.g.trainable_variables[0].numpy())
    assert not np.allclose(kernels[0], kernels[1])
    assert np.allclose(kernels[1], kernels[2]) and np.allclose(kernels[0], kernels[3])


def test_sketch_to_building_keeps_proportions(tiny_weights):
    write_weights(tiny_weights / "pix2pix", TINY)
    out = ganapp.sketch_to_building(house(128).resize((128, 64)))
    assert out.size == (32, 16)


VGG = Pix2PixConfig(
    image_size=64,
    encoder="vgg16_hed",
    vgg_blocks=2,
    gen_max_filters=8,
    decoder_filters=(8, 8, 8, 8, 8, 4),
    disc_filters=4,
    upsample="resize",
)


def test_vgg16_encoder_layout_matches_hed_weights():
    import dataclasses

    from ganapp import vgg

    g = pix2pix.build_generator(VGG)
    out = np.asarray(g(np.zeros((1, 64, 64, 3), np.float32), training=False))
    assert out.shape == (1, 64, 64, 3) and np.abs(out).max() <= 1
    assert sum(layer.__class__.__name__ == "Concatenate" for layer in g.layers) == 6  # S/32 ... S
    hed = vgg.layer_weights("vgg16-hed")  # every encoder layer takes HED's weights by name
    for name in pix2pix.vgg16_layer_names(range(1, 3)):
        assert [w.shape for w in g.get_layer(name).get_weights()] == [w.shape for w in hed[name]]
    assert g.get_layer("block2_conv2").output.shape[1:] == (32, 32, 128)

    def full_size_skip(model):
        return [layer for layer in model.layers if layer.__class__.__name__ == "Concatenate"][-1].input[1]

    assert full_size_skip(g) is g.get_layer("block1_skip_norm").output
    g2 = pix2pix.build_generator(dataclasses.replace(VGG, sketch_skip=True))
    assert full_size_skip(g2) is g2.inputs[0]  # the sketch itself
    for bad, match in (
        (dict(vgg_blocks=5), "vgg_blocks"),
        (dict(decoder_filters=(8, 8)), "decoder_filters"),
        (dict(image_size=32), ">= 64"),
        (dict(encoder="resnet"), "encoder"),
        (dict(encoder="unet", image_size=64, noise=True), "noise"),
    ):
        with pytest.raises(ValueError, match=match):
            pix2pix.build_generator(dataclasses.replace(VGG, **bad))


def test_vgg16_encoder_starts_from_hed_then_frozen_and_finetuned_phases(pairs, tmp_path, monkeypatch):
    """Blocks up to encoder_frozen_blocks never move; the others only from finetune_from_epoch
    on; the decoder always; a resumed run restores the trained encoder, not HED's."""
    from ganapp import vgg, weights
    from train.pix2pix.task import main

    monkeypatch.setenv("GANAPP_RUNS_DIR", str(tmp_path / "runs"))
    hed = vgg.layer_weights("vgg16-hed")
    out = tmp_path / "export"
    args = [
        "--data",
        str(pairs),
        "--image-size",
        "64",
        "--encoder",
        "vgg16_hed",
        "--vgg-blocks",
        "2",
        "--gen-max-filters",
        "8",
        "--decoder-filters",
        "8",
        "8",
        "8",
        "8",
        "8",
        "4",
        "--disc-filters",
        "4",
        "--upsample",
        "resize",
        "--jitter",
        "70",
        "--encoder-frozen-blocks",
        "1",
        "--finetune-from-epoch",
        "1",
        "--perceptual-weight",
        "1",
        "--fm-weight",
        "1",
        "--hand-drawn",
        "0.5",
        "--zoom",
        "0.2",
        "--select-by=-perceptual",
        "--export",
        str(out),
    ]

    def conv(name):
        return weights.build_from_dir(out)[0].get_layer(name).get_weights()[0]

    main([*args, "--epochs", "1"])  # epoch 0: frozen encoder
    assert np.array_equal(conv("block1_conv1"), hed["block1_conv1"][0])
    assert np.array_equal(conv("block2_conv2"), hed["block2_conv2"][0])
    main([*args, "--epochs", "2"])  # resumed; epoch 1 fine-tunes block 2 only
    assert np.array_equal(conv("block1_conv1"), hed["block1_conv1"][0])
    assert not np.allclose(conv("block2_conv2"), hed["block2_conv2"][0])
    header = (tmp_path / "runs/pix2pix/default/losses.csv").read_text().splitlines()[0].split(",")
    assert header[3:] == ["g_adv", "l1", "d_loss", "perceptual", "fm"]
    best = json.loads((tmp_path / "runs/pix2pix/default/best.json").read_text())
    val = [r.split(",") for r in (tmp_path / "runs/pix2pix/default/val.csv").read_text().splitlines()]
    assert best["perceptual"] == min(float(r[val[0].index("perceptual")]) for r in val[1:])  # lowest wins
    assert "the lowest perceptual" in (out / "README.md").read_text()


def test_low_res_epochs_train_the_same_weights_at_half_size(pairs):
    import dataclasses

    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    cfg = dataclasses.replace(VGG, image_size=128)
    task = Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), jitter=140, low_res_epochs=1, zoom=0.1), cfg)
    task.load_data()
    task.build()
    for epoch, side in ((0, 64), (1, 128)):
        sketch, photo, code = next(iter(task.dataset(epoch)))
        assert sketch.shape == photo.shape == (1, side, side, 3) and code.shape == (1, 0)  # no colour code
        before = task.g.get_weights()
        task.train_step((sketch, photo, code), epoch, 0)
        assert not all(np.array_equal(a, b) for a, b in zip(before, task.g.get_weights()))
    assert task.sample_images().shape[1:] == (128, 128, 3)  # samples (and export) at full size
    with pytest.raises(ValueError, match="vgg16_hed"):  # the U-Net's depth depends on its input size
        Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), jitter=36, low_res_epochs=1), TINY).load_data()


def test_hand_drawn_sketch_is_a_sparser_wobblier_redraw():
    from train.pix2pix.data import hand_drawn

    sk = np.full((128, 128, 3), 255, np.uint8)
    sk[20:22, 10:118] = 0  # a long roof line
    sk[60:100, 40:42] = 0  # a wall
    for x in range(10, 118, 12):  # clutter: short strokes
        sk[110:113, x : x + 3] = 0
    same = hand_drawn(sk, np.random.default_rng(3))
    assert np.array_equal(same, hand_drawn(sk, np.random.default_rng(3)))  # the seed repeats a drawing
    assert np.array_equal(hand_drawn(sk, np.random.default_rng(3), 0.0), sk)
    assert set(np.unique(same)) <= {0, 255} and same.shape == sk.shape
    lines = same[..., 0] == 0
    assert lines[10:32, :].sum() > 0.5 * (sk[20:22, 10:118, 0] == 0).sum()  # the roof is still drawn
    clutter = [(hand_drawn(sk, np.random.default_rng(s))[105:118, :, 0] == 0).sum() for s in range(8)]
    assert min(clutter) < (sk[105:118, :, 0] == 0).sum()  # short strokes are left out
    assert not np.array_equal(lines, sk[..., 0] == 0)


def test_photo_scores_see_grey_blur_and_identity():
    from scipy import ndimage

    from train.metrics import photo_scores

    rng = np.random.default_rng(0)
    photos = np.stack([np.asarray(house(64).rotate(10 * i)) for i in range(3)])
    same = photo_scores(photos, photos)
    assert same["perceptual"] == 0 and same["colourfulness_ratio"] == 1 and same["edge_energy_ratio"] == 1
    grey = np.repeat(photos.mean(-1, keepdims=True).astype(np.uint8), 3, -1)
    blurred = ndimage.uniform_filter(photos, (0, 5, 5, 0))
    noise = rng.integers(0, 256, photos.shape, dtype=np.uint8)
    assert photo_scores(grey, photos)["colourfulness_ratio"] < 0.05
    assert photo_scores(blurred, photos)["edge_energy_ratio"] < 0.7
    assert 0 < photo_scores(blurred, photos)["perceptual"] < photo_scores(noise, photos)["perceptual"]


def test_pretraining_pairs_join_the_first_epochs_only(pairs, tmp_path):
    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    more = tmp_path / "more"
    (more / "train").mkdir(parents=True)
    for i in range(8):  # flat grey photos: recognisable after any crop and flip
        Image.fromarray(np.full((40, 80, 3), 7, np.uint8)).save(more / "train" / f"{i}.png")
    (more / "sources.json").write_text('[{"file": "train/0.png", "source": "s", "licence": "l"}]')
    cfg = Pix2PixTrainConfig(data=str(pairs), jitter=36, pretrain_data=str(more), pretrain_epochs=2)
    task = Pix2PixTask(cfg, TINY)
    task.load_data()
    assert task.steps_per_epoch() == 4 and [p.parent.name for p in task.sources] == [pairs.name, "more"]
    from train.export import merged_credits

    (pairs / "sources.json").write_text('[{"file": "train/0.png", "source": "a", "licence": "CC-BY"}]')
    credits = merged_credits(task.sources)  # every photo the weights learnt from keeps its credit
    assert [c["file"] for c in credits] == [f"{pairs.name}/train/0.png", "more/train/0.png"]

    def flat(epoch):  # how many of the epoch's photos are the extra flat ones
        return sum(int(np.ptp(photo.numpy()) == 0) for _, photo, _ in task.dataset(epoch))

    assert [len(list(task.dataset(e))) for e in (0, 2)] == [4, 4]
    assert flat(0) + flat(1) > 0 and flat(2) == flat(3) == 0


def test_finetuning_from_weights_and_the_generator_warmup(pairs, tmp_path):
    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    start = write_weights(tmp_path / "start", TINY)
    saved = pix2pix.build_generator(TINY)
    saved.load_weights(start / "generator.weights.h5")
    levers = {"generator_warmup": 2, "diffaug": "color,translation,cutout"}
    cfg = Pix2PixTrainConfig(data=str(pairs), jitter=36, init_from=str(start), **levers)
    task = Pix2PixTask(cfg, TINY)
    task.load_data()
    task.build()
    assert all(np.array_equal(a, b) for a, b in zip(saved.get_weights(), task.g.get_weights()))
    batch, seed = next(iter(task.dataset(0))), tf_seed()
    d_before = task.d.get_weights()

    def same_generator():  # its learnt weights (batch norm's running statistics follow every step)
        return all(np.array_equal(a, b) for a, b in zip(saved.trainable_weights, task.g.trainable_weights))

    task.train_step(batch, 1, seed)  # in the warm-up: only the discriminator learns
    assert same_generator() and not all(np.array_equal(a, b) for a, b in zip(d_before, task.d.get_weights()))
    task.train_step(batch, 2, seed)
    assert not same_generator()
    with pytest.raises(SystemExit, match="no generator.weights.h5 there"):
        Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), init_from=str(tmp_path / "none")), TINY).build()


def test_a_feature_discriminator_judges_the_image_beside_the_patchgan(pairs):
    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    task = Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), jitter=36, feature_disc_weight=1.0), TINY)
    task.load_data()
    task.build()
    heads, frozen = task.d_feat.trainable_weights, task.d_feat.non_trainable_weights
    before = [w.numpy().copy() for w in heads + frozen]
    losses = task.train_step(next(iter(task.dataset(0))), 0, tf_seed())
    after = [w.numpy() for w in heads + frozen]
    assert float(losses["feature_adv"]) > 0
    assert all(not np.array_equal(a, b) for a, b in zip(before[: len(heads)], after[: len(heads)]))  # heads learn
    assert all(np.array_equal(a, b) for a, b in zip(before[len(heads) :], after[len(heads) :]))  # VGG16 stays
    assert task.trackables()["d_feat"] == list(heads)  # and is checkpointed
    assert len(task.d_feat.outputs) == 3  # a score map per default layer (VGG16 strides 2, 4, 8)
    shallow = Pix2PixTask(
        Pix2PixTrainConfig(
            data=str(pairs),
            jitter=36,
            feature_disc_weight=1.0,
            feature_disc_layers=("block2_conv2",),
            feature_disc_antialias=True,
            feature_disc_rescale=0.3,
        ),
        TINY,
    )
    shallow.load_data()
    shallow.build()
    assert {k: m.shape for k, m in shallow.d_feat(np.zeros((1, 32, 32, 3), np.float32)).items()} == {
        "block2_conv2": (1, 16, 16, 1)
    }
    losses = shallow.train_step(
        next(iter(shallow.dataset(0))), 0, tf_seed()
    )  # one layer: its map is averaged, not the batch
    assert np.isfinite(float(losses["feature_adv"]))
    plain = Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), jitter=36), TINY)
    plain.load_data()
    plain.build()
    assert plain.d_feat is None and "feature_adv" not in plain.train_step(next(iter(plain.dataset(0))), 0, tf_seed())


def tf_seed():
    import tensorflow as tf

    return tf.constant([0, 3], tf.int64)


def test_the_discriminator_sees_sketch_and_photo_moved_alike_and_only_the_photo_recoloured(pairs):
    import tensorflow as tf

    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    task = Pix2PixTask(Pix2PixTrainConfig(data=str(pairs)), TINY)
    x = tf.constant(np.random.default_rng(0).uniform(-1, 1, (4, 32, 32, 3)), tf.float32)
    task.policy = ("translation", "cutout")
    sketch, image = (v.numpy() for v in task.d_view(x, x, tf_seed(), 1))
    assert np.array_equal(sketch, image) and (np.abs(sketch - x.numpy()).max(axis=(1, 2, 3)) > 0).all()
    task.policy = ("color",)
    sketch, image = (v.numpy() for v in task.d_view(x, x, tf_seed(), 1))
    assert np.array_equal(sketch, x.numpy()) and (np.abs(image - x.numpy()).mean(axis=(1, 2, 3)) > 0.01).all()
    task.policy = ()
    assert all(v is x for v in task.d_view(x, x, tf_seed(), 1))


def test_round_trip_metrics_see_blobs_and_blur():
    from scipy import ndimage

    from train.metrics import mean_gradient, saturated_blobs

    rng = np.random.default_rng(0)
    photo = np.repeat(rng.integers(60, 200, (1, 64, 64, 1), np.uint8), 3, -1)  # grey texture
    blob = photo.copy()
    blob[0, :8, :8] = (0, 255, 0)  # 64 of 4096 pixels: a green blob no grey photo asked for
    assert saturated_blobs(photo, photo)[0] == 0 and saturated_blobs(blob, photo)[0] == 64 / 4096
    blurred = ndimage.gaussian_filter(photo.astype(float), (0, 2, 2, 0)).astype(np.uint8)
    assert mean_gradient(blurred)[0] < 0.5 * mean_gradient(photo)[0]


def test_per_image_norm_is_batch_one_training_at_inference_and_loads_keras_weights(tmp_path):
    import dataclasses

    import keras

    from ganapp.layers import BatchNormalization

    plain = pix2pix.build_generator(VGG)
    plain.save_weights(tmp_path / "g.weights.h5")
    per_image = pix2pix.build_generator(dataclasses.replace(VGG, per_image_norm=True))
    per_image.load_weights(tmp_path / "g.weights.h5")  # written by keras.layers.BatchNormalization
    assert all(np.array_equal(a, b) for a, b in zip(plain.get_weights(), per_image.get_weights()))
    assert sum(type(layer) is BatchNormalization for layer in per_image.layers) > 5

    x = np.random.default_rng(0).uniform(-1, 1, (3, 4, 4, 8)).astype(np.float32)
    norm, keras_norm = BatchNormalization(), keras.layers.BatchNormalization()
    norm.build(x.shape), keras_norm.build(x.shape)
    alone = [np.asarray(keras_norm(x[i : i + 1], training=True)) for i in range(3)]  # batch-1 training
    assert np.allclose(np.asarray(norm(x, training=False)), np.concatenate(alone), atol=1e-4)
    assert not np.allclose(np.asarray(keras_norm(x, training=False)), np.concatenate(alone), atol=1e-2)


def test_bilinear_upsampling_and_decoder_noise_fixed_at_inference(tmp_path):
    import dataclasses

    import tensorflow as tf

    from ganapp.layers import NoiseInjection, Upsample2x

    x = np.random.default_rng(0).uniform(size=(2, 5, 7, 3)).astype(np.float32)
    bilinear = np.asarray(Upsample2x(bilinear=True)(x))
    assert np.allclose(bilinear, tf.image.resize(x, (10, 14)).numpy(), atol=1e-6)  # half-pixel centres
    assert not np.allclose(np.asarray(Upsample2x()(x)), bilinear, atol=1e-2)  # nearest: 2x2 blocks

    cfg = dataclasses.replace(VGG, upsample="bilinear", noise=True, dropout=0.0)  # only the noise varies
    g = pix2pix.build_generator(cfg, any_size=True)
    noise = [layer for layer in g.layers if isinstance(layer, NoiseInjection)]
    assert len(noise) == len(cfg.decoder_filters) and all(not np.asarray(n.scale).any() for n in noise)
    sketch = np.random.default_rng(1).uniform(-1, 1, (1, 64, 64, 3)).astype(np.float32)
    quiet = np.asarray(g(sketch, training=True))
    assert np.array_equal(quiet, np.asarray(g(sketch, training=True)))  # scales 0: no noise yet
    for n in noise:
        n.scale.assign(np.ones(n.scale.shape, np.float32))
    a, b = np.asarray(g(sketch, training=True)), np.asarray(g(sketch, training=True))
    assert np.abs(a - b).max() > 0.01  # fresh noise every training call
    fixed = np.asarray(g(sketch, training=False))
    assert np.array_equal(fixed, np.asarray(g(sketch, training=False)))  # one sketch, one picture
    g.save_weights(tmp_path / "g.weights.h5")  # the learnt scales travel with the weights
    again = pix2pix.build_generator(cfg)
    again.load_weights(tmp_path / "g.weights.h5")
    assert np.allclose(np.asarray(again(sketch, training=False)), fixed, atol=1e-5)


def test_colour_code_is_the_photo_s_colours_by_brightness():
    from ganapp.models.pix2pix.code import colour_code, seeded_code, swatch

    flat = colour_code(Image.new("RGB", (50, 30), (200, 100, 50)), 3)
    np.testing.assert_allclose(flat, np.tile(np.array([200, 100, 50]) / 127.5 - 1, 3), atol=1e-6)
    sky_over_brick = np.zeros((64, 64, 3), np.uint8)
    sky_over_brick[:32] = (150, 200, 255)  # bright
    sky_over_brick[32:] = (140, 60, 40)  # dark
    code = colour_code(sky_over_brick, 2).reshape(2, 3)
    np.testing.assert_allclose((code + 1) * 127.5, [(140, 60, 40), (150, 200, 255)], atol=0.01)  # darkest first
    bank = np.stack([colour_code(house(), 2), code.ravel()])
    drawn = seeded_code(7, bank)
    assert np.array_equal(drawn, seeded_code(7, bank)) and not np.array_equal(drawn, seeded_code(8, bank))
    assert bank.min(0).min() - 1e-6 <= drawn.min() and drawn.max() <= bank.max() + 1e-6  # between the two
    assert swatch(code).size == (64, 32)


def test_a_colour_code_reaches_every_decoder_level_and_comes_from_the_photo(pairs):
    import dataclasses

    from ganapp.models.pix2pix.code import colour_code
    from train.pix2pix.task import Pix2PixTask, Pix2PixTrainConfig

    cfg = dataclasses.replace(TINY, code_colours=2)
    g = pix2pix.build_generator(cfg)
    assert [i.shape for i in g.inputs] == [(None, 32, 32, 3), (None, 6)]
    sketch = np.zeros((1, 32, 32, 3), np.float32)
    dark, light = np.full((1, 6), -0.8, np.float32), np.full((1, 6), 0.8, np.float32)
    assert np.abs(np.asarray(g([sketch, dark])) - np.asarray(g([sketch, light]))).mean() > 1e-3
    task = Pix2PixTask(Pix2PixTrainConfig(data=str(pairs), jitter=36, code_weight=1.0), cfg)
    task.load_data()
    task.build()
    sketches, photos, codes = next(iter(task.dataset(0)))
    photo = np.round((photos.numpy()[0] + 1) * 127.5).astype(np.uint8)
    np.testing.assert_allclose(codes.numpy()[0], colour_code(photo, 2), atol=0.02)  # the very photo to draw
    assert task.codes.shape == (4, 6) and task.sample_images().shape[0] == 4 * 4  # + a seeded code's column
    assert "code" in task.train_step((sketches, photos, codes), 0, 0)  # the output's code against the given one


def test_a_seed_or_a_reference_photo_picks_the_building(tiny_weights):
    import dataclasses

    from ganapp import weights

    folder = write_weights(tiny_weights / "pix2pix", dataclasses.replace(TINY, code_colours=2))
    sketch = ganapp.photo_to_sketch(house())
    one, again, other = (np.asarray(ganapp.sketch_to_building(sketch, seed=s), float) for s in (1, 1, 2))
    assert np.array_equal(one, again) and np.abs(one - other).mean() > 0.1  # a seed is one code, another another
    red, blue = Image.new("RGB", (64, 64), (200, 30, 30)), Image.new("RGB", (64, 64), (30, 30, 200))
    by_red, by_blue = (np.asarray(ganapp.sketch_to_building(sketch, reference=r), float) for r in (red, blue))
    assert np.abs(by_red - by_blue).mean() > 0.1 and np.array_equal(  # the reference's code, whatever the seed
        by_red, np.asarray(ganapp.sketch_to_building(sketch, seed=9, reference=red), float)
    )
    grid = ganapp.buildings_from_sketch(sketch, seed=3, count=5)
    assert grid.size == (4 * 32 + 5 * 6, 2 * (32 + 18) + 3 * 6)  # 4 a row, each over its code's colours
    np.savez(folder / "codes.npz", codes=np.full((4, 6), 7.0, np.float32))  # a hostile codes file
    weights.clear_cache()
    with pytest.raises(ganapp.WeightsUnavailable, match=r"outside \[-1, 1\]"):
        ganapp.sketch_to_building(sketch, seed=1)


def test_weights_without_a_code_ignore_the_seed_and_refuse_a_reference(tiny_weights):
    write_weights(tiny_weights / "pix2pix", TINY)
    sketch = ganapp.photo_to_sketch(house())
    assert np.array_equal(np.asarray(ganapp.sketch_to_building(sketch, seed=1)),
                          np.asarray(ganapp.sketch_to_building(sketch, seed=2)))  # fmt: skip
    with pytest.raises(ganapp.InputError, match="take no colour code"):
        ganapp.sketch_to_building(sketch, reference=house())
    with pytest.raises(ganapp.InputError, match="take no colour code"):
        ganapp.buildings_from_sketch(sketch)


SHIPS_CODES = json.loads((SHIPPED_PIX2PIX / "config.json").read_text()).get("code_colours", 0) > 0


@pytest.mark.skipif(not SHIPS_CODES, reason="the shipped sketch weights take no colour code")
def test_the_shipped_building_takes_a_reference_photo_s_palette_and_strokes_still_win():
    sketch = np.asarray(Image.open(SHIPPED_PIX2PIX / "examples" / "heldout_0.png").convert("RGB"))
    warm, cool = Image.new("RGB", (64, 64), (190, 120, 60)), Image.new("RGB", (64, 64), (70, 110, 170))
    for ref in (warm, cool):
        out = np.asarray(ganapp.sketch_to_building(Image.fromarray(sketch), reference=ref), float).reshape(-1, 3)
        other = cool if ref is warm else warm
        mean, near, far = out.mean(0), np.asarray(ref.getpixel((0, 0)), float), np.asarray(other.getpixel((0, 0)))
        assert np.linalg.norm(mean - near) < np.linalg.norm(mean - far)  # the palette shows up in the output
    stroked = sketch.copy()
    stroked[100:140, 100:140] = (160, 40, 40)  # a red stroke on a wall
    out = np.asarray(ganapp.sketch_to_building(Image.fromarray(stroked), reference=cool), float)
    patch = out[100:140, 100:140].reshape(-1, 3).mean(0)
    assert patch[0] > patch[2] + 20  # red where the stroke is, although the reference is blue


def test_the_code_term_reads_the_output_s_code_as_the_library_does():
    import tensorflow as tf

    from ganapp.models.pix2pix.code import colour_code
    from train.pix2pix.task import code_of_images

    photos = np.stack([np.asarray(house(128)), np.random.default_rng(1).integers(0, 255, (128, 128, 3), np.uint8)])
    x = tf.Variable(photos.astype(np.float32) / 127.5 - 1)
    with tf.GradientTape() as tape:
        codes = code_of_images(x, 6)
    assert codes.shape == (2, 18)
    for got, photo in zip(codes.numpy(), photos):
        np.testing.assert_allclose(got, colour_code(photo, 6), atol=0.03)
    assert float(tf.reduce_sum(tf.abs(tape.gradient(codes, x)))) > 0  # the term can move the pixels
