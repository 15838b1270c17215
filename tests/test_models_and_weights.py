"""Architectures, the weights plumbing and the generator inference functions."""

import json
import os

import numpy as np
import pytest

import ganapp
from ganapp import weights
from ganapp.config import config_from_dict, config_to_dict
from ganapp.models import builders
from ganapp.models.cars.config import DCGANConfig
from tests.conftest import SHIPPED, TINY_CGAN, TINY_DCGAN, photo, shipped, write_weights


def test_default_architectures_match_the_seed():
    g = builders("dcgan").build_generator(DCGANConfig())
    d = builders("dcgan").build_discriminator(DCGANConfig())
    assert g.output_shape == (None, 32, 32, 3) and d.output_shape == (None, 1)
    convt = [layer for layer in g.layers if layer.__class__.__name__ == "Conv2DTranspose"]
    assert [layer.filters for layer in convt] == [128, 128, 128] and all(layer.strides == (2, 2) for layer in convt)
    assert g.layers[-1].activation.__name__ == "tanh"
    convs = [layer.filters for layer in d.layers if layer.__class__.__name__ == "Conv2D"]
    assert convs == [64, 128, 128, 256]


def test_generator_output_range_and_shapes():
    g = builders("cgan").build_generator(TINY_CGAN)
    out = np.asarray(g([np.random.randn(5, 8).astype("float32"), np.arange(5, dtype="int32") % 3]))
    assert out.shape == (5, 8, 8, 1) and out.min() >= -1 and out.max() <= 1


def test_config_round_trip_and_unknown_keys():
    assert config_from_dict(json.loads(json.dumps(config_to_dict(TINY_CGAN)))) == TINY_CGAN
    with pytest.raises(ValueError, match="does not know"):
        config_from_dict({**config_to_dict(TINY_DCGAN), "surprise": 1})


def test_save_load_round_trip(tmp_path):
    from ganapp.config import save_config

    trained = builders("dcgan").build_generator(TINY_DCGAN)
    folder = tmp_path / "cars"
    folder.mkdir()
    save_config(TINY_DCGAN, folder / "config.json")
    trained.save_weights(folder / "generator.weights.h5")
    model, cfg = weights.build_from_dir(folder)
    assert cfg == TINY_DCGAN
    z = np.random.default_rng(0).standard_normal((2, 8)).astype("float32")
    ref = np.asarray(trained(z, training=False))
    np.testing.assert_allclose(np.asarray(model(z, training=False)), ref, atol=1e-6)
    unloaded = builders("dcgan").build_generator(TINY_DCGAN)  # another random start: the file made the difference
    assert not np.allclose(np.asarray(unloaded(z, training=False)), ref, atol=1e-3)


def test_missing_weights_say_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(weights, "WEIGHTS_DIR", tmp_path)
    monkeypatch.delenv("GANAPP_VANGOGH_REPO", raising=False)
    weights.clear_cache()
    with pytest.raises(ganapp.WeightsUnavailable) as err:
        ganapp.van_gogh(np.zeros((32, 32, 3), np.uint8))
    assert "python -m train.vangogh" in str(err.value) and "GANAPP_VANGOGH_REPO" in str(err.value)
    assert not weights.is_available("vangogh")


def test_hub_download_path_is_used_when_configured(tmp_path, monkeypatch):
    """No Hub here: a stand-in hf_hub_download serves files from a local folder. A configured
    repo wins over shipped weights (a Space variable must not be silently ignored)."""
    import huggingface_hub

    hub_copy = write_weights(tmp_path / "hub" / "snapshot", TINY_DCGAN)
    write_weights(tmp_path / "shipped" / "cars", TINY_DCGAN)
    calls = []

    def fake_download(repo_id, filename, revision=None, **kw):
        calls.append((repo_id, filename, revision))
        return str(hub_copy / filename)

    monkeypatch.setattr(weights, "WEIGHTS_DIR", tmp_path / "shipped")
    monkeypatch.setattr(huggingface_hub, "hf_hub_download", fake_download)
    monkeypatch.setenv("GANAPP_CARS_REPO", "someone/ganapp-cars@0123abc")
    weights.clear_cache()
    img = ganapp.generate_cars(seed=1, count=2)
    assert img.size == (2 * 18 + 2, 20)  # two 16 px cars, 2 px apart
    assert ("someone/ganapp-cars", "config.json", "0123abc") in calls
    weights.clear_cache()


def test_every_model_works_from_a_hub_stand_in(tmp_path, monkeypatch):
    """Each model with weights here, served instead by a stand-in Hub repo (no local folder):
    it answers, and what its tab needs besides the weights (the cGAN's class names) comes
    from the same repo."""
    import shutil

    import huggingface_hub

    monkeypatch.setattr(weights, "WEIGHTS_DIR", tmp_path / "empty")
    hub = tmp_path / "hub"
    for key in ("cars", "cgan", "vangogh", "pix2pix", "fast_style"):
        if (SHIPPED / key / "generator.weights.h5").is_file():
            shutil.copytree(SHIPPED / key, hub / key, ignore=shutil.ignore_patterns("*.png", "examples"))
            monkeypatch.setenv(f"GANAPP_{key.upper()}_REPO", f"someone/ganapp-{key}@0123abc")
    monkeypatch.setattr(
        huggingface_hub,
        "hf_hub_download",
        lambda repo_id, filename, revision=None, **kw: str(hub / repo_id.split("ganapp-")[1] / filename),
    )
    weights.clear_cache()
    img = np.asarray(photo(64, 48))
    answers = {
        "cars": lambda: ganapp.generate_cars(1, 2),
        "cgan": lambda: ganapp.generate_class(ganapp.class_names()[1], 0, 2),
        "vangogh": lambda: ganapp.van_gogh(img, 64),
        "pix2pix": lambda: ganapp.sketch_to_building(img),
        "fast_style": lambda: ganapp.fast_style_transfer(img, img, 64),
    }
    for key in os.listdir(hub):
        assert answers[key]().size[0] > 16, key
    if (hub / "cgan").exists():
        assert ganapp.class_names() == list(json.loads((hub / "cgan" / "config.json").read_text())["class_names"])
    weights.clear_cache()


def test_hub_failure_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(weights, "WEIGHTS_DIR", tmp_path)
    monkeypatch.setenv("GANAPP_CGAN_REPO", "nobody/nothing@0123abc")
    weights.clear_cache()
    with pytest.raises(ganapp.WeightsUnavailable, match="could not be downloaded from the Hub repo nobody/nothing"):
        ganapp.generate_class("zero", 0, 1)
    monkeypatch.setenv("GANAPP_CGAN_REPO", "nobody/nothing")  # unpinned: refused before any download
    with pytest.raises(ganapp.WeightsUnavailable, match="names no revision: pin one"):
        ganapp.generate_class("zero", 0, 1)


def test_keras_file_with_lambda_is_never_loaded(tmp_path, monkeypatch):
    """A .keras file (which can carry a Lambda layer, i.e. code) is ignored: only
    config.json + generator.weights.h5 are ever read."""
    import keras

    folder = tmp_path / "cars"
    folder.mkdir()
    inp = keras.Input((8,))
    evil = keras.Model(inp, keras.layers.Lambda(lambda x: x * 0)(inp))
    evil.save(folder / "generator.keras")
    (folder / "config.json").write_text(json.dumps(config_to_dict(TINY_DCGAN)))
    monkeypatch.setattr(weights, "WEIGHTS_DIR", tmp_path)
    weights.clear_cache()
    with pytest.raises(ganapp.WeightsUnavailable):
        ganapp.generate_cars(0, 1)


def test_same_seed_same_pixels_and_prefix_stability(tiny_weights):
    a = np.asarray(ganapp.generate_cars(seed=7, count=4))
    b = np.asarray(ganapp.generate_cars(seed=7, count=4))
    c = np.asarray(ganapp.generate_cars(seed=8, count=4))
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    one = np.asarray(ganapp.generate_cars(seed=7, count=1))
    assert np.array_equal(one[2:18, 2:18], a[2:18, 2:18])  # image 0 does not depend on count


def test_scale_enlarges_the_native_grid_pixel_for_pixel(tiny_weights):
    native = np.asarray(ganapp.generate_cars(seed=3, count=3))
    big = np.asarray(ganapp.generate_cars(seed=3, count=3, scale=4))
    assert big.shape == (native.shape[0] * 4, native.shape[1] * 4, 3)
    assert np.array_equal(big[::4, ::4], native) and np.array_equal(big[3::4, 3::4], native)
    for bad in (0, 9, 2.5):
        with pytest.raises(ganapp.InputError, match="Scale must be a whole number between 1 and 8"):
            ganapp.generate_class(0, 0, 1, scale=bad)


def test_class_generation_and_labels(tiny_weights):
    assert ganapp.class_names() == ["zero", "one", "two"]
    by_name = np.asarray(ganapp.generate_class("One", 3, 2))
    by_index = np.asarray(ganapp.generate_class(1, 3, 2))
    assert np.array_equal(by_name, by_index)
    with pytest.raises(ganapp.InputError, match="choose one of: zero, one, two"):
        ganapp.generate_class("seven", 0, 1)
    grid = ganapp.generate_all_classes(0, per_class=2)
    assert grid.size[1] > grid.size[0]  # one row per class


def test_car_walk_endpoints_match_the_seeds(tiny_weights):
    walk = np.asarray(ganapp.car_walk(3, 9, count=4))
    first = np.asarray(ganapp.generate_cars(3, 1))
    last = np.asarray(ganapp.generate_cars(9, 1))
    assert np.abs(walk[2:18, 2:18].astype(int) - first[2:18, 2:18]).max() <= 1
    x = 2 + 3 * 18
    assert np.abs(walk[2:18, x : x + 16].astype(int) - last[2:18, 2:18]).max() <= 1


@pytest.mark.parametrize(
    "kwargs,match",
    [
        (dict(seed=-1, count=1), "Seed"),
        (dict(seed=1.5, count=1), "Seed"),
        (dict(seed=0, count=0), "Count"),
        (dict(seed=0, count=65), "Count"),
        (dict(seed=float("nan"), count=1), "Seed"),
        (dict(seed="x", count=1), "Seed"),
    ],
)
def test_out_of_range_numbers(tiny_weights, kwargs, match):
    with pytest.raises(ganapp.InputError, match=match):
        ganapp.generate_cars(**kwargs)


@pytest.mark.parametrize("key", ["cars", "cgan"])
def test_shipped_weights_load_and_vary(key):
    """The weights in the repository load and give varied, non-constant images."""
    folder = SHIPPED / key
    if not shipped(key):
        pytest.skip(f"no shipped weights for {key} in this checkout")
    model, cfg = weights.build_from_dir(folder)
    z = np.random.default_rng(0).standard_normal((8, cfg.latent_dim)).astype("float32")
    args = [z, np.arange(8, dtype="int32") % cfg.num_classes] if key == "cgan" else z
    out = np.asarray(model(args, training=False))
    assert out.std() > 0.1 and np.abs(out[0] - out[1]).mean() > 0.02
    assert (folder / "README.md").exists() and (folder / "samples.png").exists()


def test_hostile_config_is_refused_before_anything_is_built(tmp_path, monkeypatch):
    """A weights repo may be hostile: its config.json is typed and bounded before a network is built."""
    import json

    from ganapp import models, weights

    monkeypatch.setattr(models, "builders", lambda family: pytest.fail("a network was built"))
    (tmp_path / "generator.weights.h5").write_bytes(b"")
    for bad, field in (
        ({"family": "cyclegan", "gen_filters": 10**6}, "gen_filters"),
        ({"family": "cyclegan", "res_blocks": "6"}, "res_blocks"),
        ({"family": "cgan", "class_names": ["x"] * 5000}, "class_names"),
        ({"family": "dcgan", "disc_filters": [64] * 100}, "disc_filters"),
        ({"family": "nope"}, "family"),
        ([1, 2], "object"),
    ):
        (tmp_path / "config.json").write_text(json.dumps(bad))
        with pytest.raises(ganapp.WeightsUnavailable, match=field):
            weights.build_from_dir(tmp_path)
