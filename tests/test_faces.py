"""The cartoon-face model's data and networks: DiceBear faces installed from the npm registry,
rendered by Node.js and rasterised by resvg, each with its seed, style and credit; and a DCGAN
at 64 x 64 whose tab says it has no weights until they are trained."""

import json
import shutil

import numpy as np
import pytest

import ganapp
from ganapp.models.faces import network
from ganapp.models.faces.config import FacesConfig


def test_the_dcgan_is_64_px_and_doubles_at_each_step():
    cfg = FacesConfig()
    g, d = network.build_generator(cfg), network.build_discriminator(cfg)
    z = np.random.default_rng(0).standard_normal((2, cfg.latent_dim)).astype(np.float32)
    images = np.asarray(g(z, training=False))
    assert images.shape == (2, 64, 64, 3) and images.min() >= -1 and images.max() <= 1
    assert np.asarray(d(images, training=False)).shape == (2, 1)
    with pytest.raises(ValueError, match="4 times a power of two"):
        network.build_generator(FacesConfig(image_size=48))


@pytest.mark.skipif(shutil.which("node") is None or shutil.which("npm") is None, reason="needs Node.js and npm")
def test_a_handful_of_faces_is_prepared_from_the_npm_registry(tmp_path):
    pytest.importorskip("resvg_py", reason="the train extra (resvg-py) is not installed")
    from train.faces.data import STYLES, credits_file, load_faces, prepare_faces

    path = prepare_faces(n=10, size=64, root=tmp_path)
    x = np.load(path)["x"]
    assert x.shape == (10, 64, 64, 3) and x.dtype == np.uint8
    assert len({a.tobytes() for a in x}) == 10 and x.std() > 20  # ten different, drawn faces
    records = json.loads((tmp_path / "faces" / "faces.json").read_text())
    assert [r["style"] for r in records[: len(STYLES)]] == list(STYLES)  # the styles interleaved
    assert all(r["seed"] == f"{r['style']}-{i // len(STYLES)}" for i, r in enumerate(records))
    credits = json.loads(credits_file(tmp_path).read_text())
    assert {c["style"] for c in credits} == set(STYLES) and all(c["designer"] and c["licence"] for c in credits)
    assert prepare_faces(n=10, size=64, root=tmp_path) == path  # rendered once
    train, _, _ = load_faces(64, 3, "train", root=tmp_path)
    held, _, _ = load_faces(64, 3, "test", root=tmp_path)
    assert len(train) == 9 and np.array_equal(held[0], x[-1])  # a tenth held out


def test_without_weights_the_model_says_how_to_make_them(tiny_weights):
    with pytest.raises(ganapp.WeightsUnavailable, match="python -m train.faces --recipe default"):
        ganapp.generate_faces(0, 4)
