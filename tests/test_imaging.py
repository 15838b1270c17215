"""Sanitising of every hostile or unusual input kind (ganapp.imaging.load_image)."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ganapp.imaging import ImageError, load_image, make_grid, pad_to_multiple, resize_max_side
from tests.conftest import photo

EXPECTED = {
    "bomb.png": "too many pixels",
    "truncated.png": "damaged or truncated",
    "not_an_image.png": "not an image file",
    "empty.png": "empty",
    "tiny.png": "at least 16 pixels",
    "sliver.png": "aspect ratio",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_files_are_refused_with_a_sentence(hostile_files, name):
    with pytest.raises(ImageError) as err:
        load_image(hostile_files[name], what="photo")
    msg = str(err.value)
    assert EXPECTED[name] in msg and msg.endswith(".") and "photo" in msg
    assert "/" not in msg.replace("(try PNG or JPEG)", "")  # no paths leak


def test_bomb_is_refused_before_decoding(hostile_files):
    """The header claims 30000x30000 = 900 MP: refusing must not decode (allocate) it. Measured in
    a fresh process, whose peak memory earlier tests cannot have raised already."""
    import subprocess
    import sys

    code = (
        "import resource, sys; from ganapp.imaging import load_image, ImageError\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    load_image(sys.argv[1])\nexcept ImageError as e:\n    print('refused:', e)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(hostile_files["bomb.png"])],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.splitlines()
    assert out[0].startswith("refused: ") and "megapixels" in out[0]
    assert int(out[-1]) < 50_000  # KiB: a decoded 900 MP image would take 2.7 GB


@pytest.mark.parametrize("name", ["palette.png", "alpha.png", "grey.png", "cmyk.jpg", "grey16.png", "animated.gif"])
def test_odd_files_become_rgb(odd_files, name):
    img = load_image(odd_files[name])
    assert img.mode == "RGB" and img.size == (96, 64)


def test_alpha_is_composited_on_white(odd_files):
    assert np.asarray(load_image(odd_files["alpha.png"])).min() == 255


def test_16_bit_is_scaled_not_clipped(odd_files):
    arr = np.asarray(load_image(odd_files["grey16.png"]))[..., 0].astype(int)
    ref = np.asarray(photo().convert("L")).astype(int)
    assert np.abs(arr - ref).max() <= 1  # a clip would have made it all white


def test_animated_gives_first_frame(odd_files):
    got = np.asarray(load_image(odd_files["animated.gif"])).astype(int)
    first = np.asarray(photo(seed=0)).astype(int)
    assert np.abs(got - first).mean() < 12  # GIF palette quantisation only


def test_exif_orientation_is_applied(tmp_path):
    img = photo(96, 64)
    exif = Image.Exif()
    exif[274] = 6  # rotate 90 degrees clockwise for display
    path = tmp_path / "rotated.jpg"
    img.save(path, exif=exif.tobytes())
    assert load_image(path).size == (64, 96)


def test_max_side_resizes_keeping_aspect():
    img = load_image(photo(400, 200), max_side=100)
    assert img.size == (100, 50)
    assert resize_max_side(photo(50, 40), 100).size == (100, 80)


def test_numpy_inputs_in_either_range():
    a = np.asarray(photo(), np.float32) / 255.0
    assert np.abs(np.asarray(load_image(a), int) - np.asarray(photo(), int)).max() <= 1


def test_grid_and_padding_shapes():
    grid = make_grid(np.zeros((5, 8, 8, 1), np.uint8), cols=3, pad=1)
    assert grid.size == (3 * 9 + 1, 2 * 9 + 1) and grid.mode == "RGB"
    arr, (h, w) = pad_to_multiple(np.zeros((30, 13, 3), np.float32), 4)
    assert arr.shape == (32, 16, 3) and (h, w) == (30, 13)
    # a sliver keeps room for a network's own reflection pads: at least 16 px a side
    assert pad_to_multiple(np.zeros((64, 3, 3), np.float32), 4)[0].shape == (64, 16, 3)


def test_none_asks_for_the_image():
    with pytest.raises(ImageError, match="Please provide the style image"):
        load_image(None, what="style image")


def test_only_accepted_formats_are_decoded(tmp_path):
    """An EPS file is never handed to PIL's EPS plugin (which runs Ghostscript): it is refused
    as an unknown format, before any decoding."""
    eps = tmp_path / "drawing.eps"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 64\n0 0 moveto 64 64 lineto stroke\n%%EOF\n")
    with pytest.raises(ImageError, match="not an image file this app can read"):
        load_image(eps)
