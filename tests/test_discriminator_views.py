"""What the discriminator sees: the small GANs' discriminators, shipped beside their generators,
judge real images above the generator's own and check the class they are told; the PatchGANs' maps
(van Gogh, pix2pix) judge a real painting above photos and a photo above the generator's building."""

import numpy as np
import pytest
from PIL import Image

import ganapp
from ganapp import verdict, weights
from tests.conftest import ROOT, SHIPPED, TINY_PIX2PIX, shipped, write_weights


def has_discriminator(key):
    return shipped(key) and (SHIPPED / key / weights.DISCRIMINATOR).is_file()


def test_weights_without_a_discriminator_say_so(tiny_weights):
    with pytest.raises(ganapp.WeightsUnavailable, match="ship no discriminator"):
        ganapp.judge_cars(0, 4)
    assert not weights.has_discriminator("cars")


def test_the_verdict_sheet_has_a_bar_as_long_as_each_verdict():
    images = np.zeros((3, 8, 8, 1), np.uint8)
    sheet = np.asarray(verdict.annotated_grid(images, np.array([0.0, 0.5, 1.0]), cols=3))
    pad, bar_row = 4, 4 + verdict.CELL + verdict.BAR - 3  # below the value's text
    lengths = []
    for i in range(3):
        x0 = pad + i * (verdict.CELL + pad)
        row = sheet[bar_row, x0 : x0 + verdict.CELL]
        lengths.append(int((np.abs(row.astype(int) - 225).sum(-1) > 30).sum()))  # coloured, not the grey track
    assert lengths[0] <= 1 and abs(lengths[1] - verdict.CELL / 2) <= 2 and lengths[2] == verdict.CELL
    assert verdict.colour(0.0)[0] > verdict.colour(0.0)[1] and verdict.colour(1.0)[1] > verdict.colour(1.0)[0]


@pytest.mark.skipif(not has_discriminator("cgan"), reason="the shipped cGAN has no discriminator")
def test_the_cgan_discriminator_prefers_real_garments_of_the_right_class(tmp_path):
    with np.load(SHIPPED / "live" / "fashion_mnist_sample.npz") as f:  # real Fashion-MNIST images
        real = f["images"][f["labels"] == 7][:32]  # sneakers
    real_p, told_trouser = [], []
    for i, img in enumerate(real):
        path = tmp_path / f"{i}.png"
        Image.fromarray(img).save(path)
        real_p.append(ganapp.judge_garment(path, "Sneaker")[1])
        told_trouser.append(ganapp.judge_garment(path, "Trouser")[1])
    sheet, generated = ganapp.judge_class("Sneaker", seed=0, count=32)
    assert np.mean(real_p) > generated + 0.1  # real sneakers look more real than the generator's
    assert np.mean(told_trouser) < np.mean(real_p) - 0.2  # the right picture with the wrong class does not
    assert sheet.size == (8 * (verdict.CELL + 4) + 4, 4 * (verdict.CELL + verdict.BAR + 4) + 4)


@pytest.mark.skipif(not has_discriminator("cars"), reason="the shipped car DCGAN has no discriminator")
def test_the_car_discriminator_prefers_rendered_cars_to_generated_ones_and_a_cat_least(tmp_path):
    from train.cars.carsynth import render_car

    real = []
    for seed in range(16):  # fresh renders of the kind it trained on
        Image.fromarray(render_car(1000 + seed)).save(tmp_path / f"{seed}.png")
        real.append(ganapp.judge_car_image(tmp_path / f"{seed}.png")[1])
    sheet, generated = ganapp.judge_cars(seed=0, count=16)
    cat = ganapp.judge_car_image(ROOT / "weights" / "style" / "examples" / "chelsea.jpg")[1]
    assert np.mean(real) > generated + 0.2 and cat < 0.1
    assert sheet.size == (8 * (verdict.CELL + 4) + 4, 2 * (verdict.CELL + verdict.BAR + 4) + 4)


@pytest.mark.skipif(not has_discriminator("vangogh"), reason="the shipped van Gogh model has no discriminator")
def test_the_patchgan_calls_a_van_gogh_painting_more_painting_than_photos():
    presets, examples = SHIPPED / "style" / "presets", sorted((SHIPPED / "vangogh" / "examples").glob("*.jpg"))
    sheet, painting, painted = ganapp.judge_van_gogh(presets / "starry_night.jpg")
    photos = [ganapp.judge_van_gogh(p)[1] for p in examples]
    assert painting > max(photos)  # a real van Gogh is judged more "painting" than any photo
    assert 0 <= painted <= 1
    w, h = Image.open(presets / "starry_night.jpg").size
    side = verdict.MAP_SIDE
    shown = (round(w * side / max(w, h)), round(h * side / max(w, h)))
    assert abs(sheet.width - (2 * shown[0] + 18)) <= 2 and abs(sheet.height - (shown[1] + verdict.LEGEND + 18)) <= 2


def test_a_patch_map_is_laid_over_the_image_in_its_colours():
    image = Image.new("RGB", (64, 32), (128, 128, 128))
    probs = np.array([[0.0, 1.0]])  # left half "generated", right half "real"
    tinted = np.asarray(verdict.overlay(image, probs)).astype(int)
    left, right = tinted[16, 2], tinted[16, -3]
    assert left[0] > left[1] + 40 and right[1] > right[0] + 40  # red on the left, green on the right


def test_a_fresh_discriminator_is_trained_against_the_frozen_generator_and_maps_its_patches(tiny_weights, tmp_path):
    import json

    from train.frozen_judge import train_pix2pix

    rng = np.random.default_rng(0)
    for split, n in (("train", 3), ("val", 2), ("test", 2)):
        (tmp_path / "pairs" / split).mkdir(parents=True)
        for i in range(n):
            a = np.where(rng.random((40, 40, 1)) < 0.1, 0, 255).repeat(3, -1).astype(np.uint8)  # lines on white
            Image.fromarray(np.concatenate([a, rng.integers(0, 255, (40, 40, 3), np.uint8)], 1)).save(
                tmp_path / "pairs" / split / f"{i}.png"
            )
    folder = write_weights(tiny_weights / "pix2pix", TINY_PIX2PIX)
    before = (folder / "generator.weights.h5").read_bytes()
    judged = train_pix2pix(folder, steps=3, data=str(tmp_path / "pairs"), log=lambda line: None)
    assert (folder / "generator.weights.h5").read_bytes() == before  # the generator is frozen
    assert json.loads((folder / "metrics.json").read_text())["discriminator"] == judged
    assert judged["images"] == [2, 2] and "against the frozen shipped generator" in judged["trained"]
    assert len(list((folder / "examples").glob("photo_*.jpg"))) == 2  # held-out photos for the tab
    weights.clear_cache()
    sheet, mine, built = ganapp.judge_building(folder / "examples" / "photo_0.jpg")
    assert 0 <= mine <= 1 and 0 <= built <= 1 and sheet.size == (2 * verdict.MAP_SIDE + 18, verdict.MAP_SIDE + 40)


@pytest.mark.skipif(not has_discriminator("pix2pix"), reason="the shipped pix2pix model has no discriminator")
def test_the_pix2pix_discriminator_tells_held_out_photos_from_the_generators_buildings():
    photos = sorted((SHIPPED / "pix2pix" / "examples").glob("photo_*.jpg"))
    verdicts = [ganapp.judge_building(p)[1:] for p in photos]
    assert photos and all(mine > built for mine, built in verdicts)  # the photo is judged more real


def test_a_conditional_patch_map_judges_the_pair(tiny_weights):

    write_weights(tiny_weights / "pix2pix", TINY_PIX2PIX, discriminator=True)
    rng = np.random.default_rng(0)
    sketch, image = (rng.uniform(-1, 1, (32, 32, 3)).astype(np.float32) for _ in range(2))
    d, _ = weights.load_discriminator("pix2pix")
    expected = 1 / (1 + np.exp(-np.asarray(d([sketch[None], image[None]]))[0, ..., 0]))
    assert np.abs(verdict.patch_map("pix2pix", image, sketch) - expected).max() < 1e-7
    assert np.abs(verdict.patch_map("pix2pix", image, -sketch) - expected).max() > 1e-6  # the sketch counts


def test_a_patchgan_judges_in_tiles_of_its_training_size():
    from ganapp.models.vangogh import network
    from tests.conftest import TINY_CYCLEGAN

    d, t = network.build_discriminator(TINY_CYCLEGAN), TINY_CYCLEGAN.image_size
    rng = np.random.default_rng(0)
    one = rng.uniform(-1, 1, (t, t, 3)).astype(np.float32)
    assert np.allclose(verdict.patch_scores(d, TINY_CYCLEGAN, one), np.asarray(d(one[None]))[0, ..., 0], atol=1e-6)
    wide = rng.uniform(-1, 1, (t, 3 * t - 5, 3)).astype(np.float32)  # padded to whole half tiles inside
    scores = verdict.patch_scores(d, TINY_CYCLEGAN, wide)
    assert scores.shape == (t // 8, -(-(3 * t - 5) // 8))
    n = t // 8  # the first half tile's patches are judged by the first tile alone
    assert np.allclose(scores[:, : n // 2], np.asarray(d(wide[None, :, :t]))[0, :, : n // 2, 0], atol=1e-6)
    assert not np.allclose(scores[:, n // 2 : n], np.asarray(d(wide[None, :, :t]))[0, :, n // 2 :, 0], atol=1e-6)
