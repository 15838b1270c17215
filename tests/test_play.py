"""Playing with the latent spaces and the styles: the cGAN's class morph, the car walk as an
animation, two paintings mixed in fast mode, and three methods compared on one photo."""

import numpy as np
import pytest
from PIL import Image

import ganapp
from tests.conftest import ROOT, photo, shipped


def test_class_morph_runs_from_one_class_to_the_other(tiny_weights):
    row = np.asarray(ganapp.class_morph("zero", "two", seed=4, steps=5))
    assert row.shape == (12, 5 * 10 + 2, 3)  # five 8 px items, 2 px gaps
    first, last = row[2:10, 2:10], row[2:10, 42:50]
    assert np.array_equal(first, np.asarray(ganapp.generate_class("zero", 4, 1))[2:10, 2:10])
    assert np.array_equal(last, np.asarray(ganapp.generate_class("two", 4, 1))[2:10, 2:10])
    with pytest.raises(ganapp.InputError, match="Steps must be"):
        ganapp.class_morph("zero", "two", steps=99)


def test_car_walk_frames_go_there_and_back(tiny_weights):
    frames = ganapp.car_walk_frames(1, 2, frames=8, scale=2)
    assert len(frames) == 8 and frames[0].size == (2 * 20, 2 * 20)
    strip = np.asarray(ganapp.car_walk(1, 2, count=5))  # the walk's 5 cars: frames 0-4, then back
    for i in range(5):
        assert np.array_equal(np.asarray(frames[i])[4:36:2, 4:36:2], strip[2:18, 2 + 18 * i : 18 + 18 * i]), i
    assert np.array_equal(np.asarray(frames[5]), np.asarray(frames[3]))


@pytest.mark.skipif(not shipped("fast_style"), reason="no shipped fast-style weights")
def test_fast_style_mix_ends_at_each_painting():
    content = Image.open(ROOT / "weights/style/examples/chelsea.jpg")
    a, b = (Image.open(ROOT / f"weights/style/presets/{k}.jpg") for k in ("starry_night", "great_wave"))
    ends = [np.asarray(ganapp.fast_style_mix(content, a, b, m, 128)).astype(int) for m in (0.0, 1.0)]
    assert np.abs(ends[0] - np.asarray(ganapp.fast_style_transfer(content, a, 128))).max() <= 4
    assert np.abs(ends[1] - np.asarray(ganapp.fast_style_transfer(content, b, 128))).max() <= 4
    half = np.asarray(ganapp.fast_style_mix(content, a, b, 0.5, 128)).astype(int)
    assert np.abs(half - ends[0]).mean() > 5 and np.abs(half - ends[1]).mean() > 5


def test_play_endpoints(client, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    row = Image.open(client.predict("zero", "two", 3, api_name="/class_morph"))
    assert row.size == (8 * 10 + 2, 12)  # the UI's default 8 steps
    anim = Image.open(client.predict(1, 2, api_name="/car_walk_animation"))
    assert anim.format == "WEBP" and anim.n_frames == 48 and anim.size == (4 * 20, 4 * 20)
    path = tmp_path / "p.png"
    photo(64, 48).save(path)
    with pytest.raises(AppError, match="Mixing two styles needs the shipped Keras port"):
        client.predict(handle_file(str(path)), handle_file(str(path)), handle_file(str(path)), 0.5, 64,
                       api_name="/fast_style_mix")  # fmt: skip


def test_compare_methods_times_each_and_says_what_is_missing(client, tmp_path):
    import shutil

    from gradio_client import handle_file

    from ganapp import style_presets, weights

    path = tmp_path / "p.png"
    photo(96, 64).save(path)
    gallery = weights.WEIGHTS_DIR / "style"  # the test server's weights: tiny models, the real paintings
    shutil.copytree(ROOT / "weights" / "style", gallery)
    style_presets._load.cache_clear()  # the gallery was read (empty) when the server started
    try:
        sheet, times = client.predict(handle_file(str(path)), api_name="/compare_methods")
    finally:
        shutil.rmtree(gallery)
        style_presets._load.cache_clear()
    captions = [item["caption"] for item in sheet]
    assert len(sheet) == 3 and captions[0].startswith("CycleGAN") and captions[2].startswith("Gatys")
    assert captions[0].endswith(" s") and captions[2].endswith(" s")  # timed
    assert "no weights in this installation" in captions[1]  # the test server has no fast-style weights
    assert Image.open(sheet[2]["image"]).size == (256, 171)
    assert times.splitlines() == [f"{i}. {c}" for i, c in enumerate(captions, 1)]


def test_each_trained_tab_shows_how_it_was_trained(monkeypatch):
    """The accordion is built from each shipped weights folder: its run, its numbers, its recipe."""
    import app
    from ganapp import weights
    from ganapp.web.i18n import t
    from tests.conftest import SHIPPED

    monkeypatch.setattr(weights, "WEIGHTS_DIR", SHIPPED)  # not this module's test server's tiny weights
    demo = app.build_demo()
    accordions = [b for b in demo.blocks.values() if type(b).__name__ == "Accordion"]
    label = str(t("How this model was trained"))  # the page's text, in the browser's language
    assert sum(str(a.label) == label for a in accordions) == len(
        [k for k in ("vangogh", "pix2pix", "cars", "cgan", "faces") if shipped(k)]
    )
    codes = [b.value for b in demo.blocks.values() if type(b).__name__ == "Code"]
    if shipped("pix2pix"):
        assert any("late_perceptual_weight = 2.0" in c for c in codes)  # the recipe file, shown as it is
