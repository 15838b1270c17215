"""CycleGAN: generator sizes, the van Gogh data layout and a real training step."""

import numpy as np
import pytest
from PIL import Image

import ganapp
from ganapp.models.vangogh import network as cyclegan
from tests.conftest import SHIPPED, TINY_CYCLEGAN, photo, shipped


@pytest.mark.parametrize("h,w", [(16, 16), (40, 28), (64, 100)])
def test_generator_is_fully_convolutional(h, w):
    g = cyclegan.build_generator(TINY_CYCLEGAN)
    out = np.asarray(g(np.zeros((1, h, w, 3), np.float32)))
    assert out.shape == (1, h, w, 3) and np.abs(out).max() <= 1


def test_discriminator_is_patchgan():
    d = cyclegan.build_discriminator(TINY_CYCLEGAN)
    assert d(np.zeros((2, 64, 64, 3), np.float32)).shape == (2, 8, 8, 1)


def test_van_gogh_sizes_and_strength(tiny_weights):
    from tests.conftest import write_weights

    write_weights(tiny_weights / "vangogh", TINY_CYCLEGAN)
    img = photo(301, 157)  # odd sizes: padded to the stride inside, cropped back
    out = ganapp.van_gogh(img, max_size=150)
    assert out.size == (150, 78)
    same = ganapp.van_gogh(img, max_size=150, strength=0.0)
    ref = img.resize((150, 78), Image.LANCZOS)
    assert np.abs(np.asarray(same, int) - np.asarray(ref, int)).max() <= 1
    with pytest.raises(ganapp.InputError, match="Output size"):
        ganapp.van_gogh(img, max_size=4096)


def test_train_step_and_export(unpaired, tmp_path, monkeypatch):
    from ganapp import weights
    from train.vangogh.task import main

    monkeypatch.setenv("GANAPP_RUNS_DIR", str(tmp_path / "runs"))
    out = tmp_path / "export" / "vangogh"
    main(
        [
            "--data",
            str(unpaired),
            "--image-size",
            "16",
            "--gen-filters",
            "4",
            "--res-blocks",
            "1",
            "--disc-filters",
            "4",
            "--epochs",
            "2",
            "--steps-per-epoch",
            "3",
            "--pool-size",
            "4",
            "--photo-side",
            "48",
            "--export",
            str(out),
        ]
    )
    rows = (tmp_path / "runs" / "vangogh" / "default" / "losses.csv").read_text().splitlines()
    assert rows[0].split(",")[3:] == ["g_adv", "cycle", "identity", "d_loss"]
    model, cfg = weights.build_from_dir(out)
    assert cfg.res_blocks == 1 and (out / "samples.png").exists()
    # the way back and the painting discriminator ship beside the generator, and the round trip reads them
    assert (out / weights.INVERSE).is_file() and (out / weights.DISCRIMINATOR).is_file()
    monkeypatch.setattr(weights, "WEIGHTS_DIR", out.parent)
    weights.clear_cache()
    sheet, adversarial, cycle, identity, db = ganapp.round_trip(photo(40, 30))
    assert sheet.size == (4 * 384 + 30, 288 + 12) and adversarial >= 0 and cycle > 0 and identity > 0
    weights.clear_cache()


def test_weights_without_the_way_back_say_so(tiny_weights):
    from tests.conftest import write_weights

    write_weights(tiny_weights / "vangogh", TINY_CYCLEGAN, discriminator=True)
    assert not ganapp.weights.ships("vangogh", ganapp.weights.INVERSE)
    with pytest.raises(ganapp.WeightsUnavailable, match="no generator of the way back"):
        ganapp.painting_to_photo(photo(40, 30))


def test_the_round_trip_weighs_its_terms_as_training_does():
    from ganapp.models.vangogh import inference
    from train.vangogh.task import options

    train_cfg, _ = options(["--recipe", "default"])
    assert inference.CYCLE_WEIGHT == train_cfg.cycle_weight
    assert inference.IDENTITY_WEIGHT == train_cfg.cycle_weight * train_cfg.identity_weight


@pytest.mark.skipif(not shipped("vangogh") or not (SHIPPED / "vangogh" / "inverse_generator.weights.h5").is_file(),
                    reason="the shipped van Gogh model has no way back")  # fmt: skip
def test_the_way_back_comes_close_to_the_photo():
    from ganapp import imaging

    for example in sorted((SHIPPED / "vangogh" / "examples").glob("*.jpg")):
        sheet, adversarial, cycle, identity, db = ganapp.round_trip(example)
        original = imaging.resize_max_side(imaging.load_image(example), 384)
        painting = ganapp.van_gogh(example, max_size=384)
        back = ganapp.painting_to_photo(painting, max_size=384)
        x, y, z = (imaging.to_pm1(i) for i in (original, painting, back))
        assert cycle == pytest.approx(10 * np.abs(z - x).mean(), abs=2e-3)  # the term is what it says
        painted_db = 10 * np.log10(4 / np.mean((y - x) ** 2))
        assert db >= 15 and db > painted_db + 1  # the way back undoes part of what the painter changed
        assert 0 <= adversarial < 1 and 0 < identity < cycle


@pytest.mark.skipif(not shipped("vangogh") or not (SHIPPED / "vangogh" / "inverse_generator.weights.h5").is_file(),
                    reason="the shipped van Gogh model has no way back")  # fmt: skip
def test_a_painting_turned_into_a_photo_keeps_its_size_and_changes():
    starry = SHIPPED / "style" / "presets" / "starry_night.jpg"
    out = ganapp.painting_to_photo(starry, max_size=256)
    src = Image.open(starry).convert("RGB")
    assert out.size == (256, round(256 * src.height / src.width))
    diff = np.abs(np.asarray(out, float) - np.asarray(src.resize(out.size, Image.LANCZOS), float)).mean()
    assert diff > 5  # it did something (the identity would be ~0)


def test_data_layout_is_checked(tmp_path):
    from ganapp.models.vangogh.config import CycleGANConfig
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig

    (tmp_path / "trainA").mkdir()
    (tmp_path / "trainB").mkdir()
    with pytest.raises(FileNotFoundError, match="needs photos"):
        VanGoghTask(VanGoghTrainConfig(data=str(tmp_path)), CycleGANConfig()).load_data()


def test_same_shaped_layers_start_from_different_kernels():
    """One initializer instance shared by layers gives every same-shaped layer the same kernel
    in Keras 3 (its seed is drawn once); each layer must get its own draw."""
    g = cyclegan.build_generator(TINY_CYCLEGAN)
    kernels = {}
    for layer in g.layers:
        if hasattr(layer, "kernel"):
            kernels.setdefault(tuple(layer.kernel.shape), []).append(np.asarray(layer.kernel))
    repeated = [ks for ks in kernels.values() if len(ks) > 1]
    assert repeated, "the tiny generator should have same-shaped convolutions (the residual blocks)"
    for ks in repeated:
        for i in range(len(ks)):
            for j in range(i):
                assert not np.allclose(ks[i], ks[j])


def test_painting_crops_are_turned_without_empty_corners():
    from ganapp.models.vangogh.config import CycleGANConfig
    from train.vangogh.task import VanGoghTask, VanGoghTrainConfig

    task = VanGoghTask(VanGoghTrainConfig(), CycleGANConfig(image_size=64))  # no data needed for crops
    painting = np.full((150, 200, 3), 200, np.uint8)
    painting[::7] = 120  # stripes: a turn shows in the crop
    rng = np.random.default_rng(0)
    crops = [task._crop(rng, [painting], 0.4, max_angle=8.0) for _ in range(20)]
    assert all(c.shape == (64, 64, 3) for c in crops)
    assert min(int(c.min()) for c in crops) >= 100  # no black (empty) corner anywhere
    straight = [task._crop(rng, [painting], 0.4) for _ in range(5)]
    turned = [c for c in crops if not any(np.array_equal(c, s) for s in straight)]
    assert len({c.tobytes() for c in turned}) > 10  # many distinct patches
