"""Colour strokes on a sketch (ganapp.models.pix2pix.colour): what counts as a stroke, how it colours
the building, and that the generator never sees it."""

import io

import numpy as np
import pytest
from PIL import Image, ImageColor, ImageDraw

import ganapp
from ganapp import generation
from ganapp.models.pix2pix import colour
from tests.conftest import write_weights
from tests.test_pix2pix import TINY


def lines(size=128):
    img = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([20, 50, 108, 120], outline="black", width=2)
    d.line([(20, 50), (64, 14), (108, 50)], fill=(90, 90, 90), width=2)
    return img


def test_black_and_grey_lines_are_lines_even_after_jpeg():
    buf = io.BytesIO()
    lines().save(buf, "JPEG", quality=60)
    for img in (lines(), Image.open(buf)):
        same, strokes = colour.split_strokes(img)
        assert strokes is None and same is img


def test_every_palette_colour_but_black_is_a_stroke_and_leaves_the_sketch_white():
    assert colour.PALETTE[0] == "#000000"
    for hexcode in colour.PALETTE[1:]:
        img = lines()
        ImageDraw.Draw(img).line([(10, 8), (118, 8)], fill=hexcode, width=4)
        sketch, strokes = colour.split_strokes(img)
        alpha = np.asarray(strokes)[..., 3]
        assert alpha[8, 10:118].all() and alpha[60:].sum() == 0, hexcode
        assert tuple(np.asarray(strokes)[8, 60, :3]) == ImageColor.getrgb(hexcode)
        assert (np.asarray(sketch)[8, 10:118] == 255).all()  # gone from the lines
        assert (np.asarray(sketch)[60:] == np.asarray(lines())[60:]).all()  # the lines untouched


def test_paint_takes_the_strokes_colour_nearby_and_keeps_detail_and_the_far_side():
    rng = np.random.default_rng(0)
    grey = (128 + rng.normal(0, 12, (128, 128, 1)).repeat(3, -1)).clip(0, 255).astype(np.uint8)
    strokes = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    ImageDraw.Draw(strokes).line([(0, 6), (127, 6)], fill=(40, 90, 220, 255), width=6)
    out = np.asarray(colour.paint(Image.fromarray(grey), strokes)).astype(float)
    top, bottom = out[:20], out[-20:]
    assert top[..., 2].mean() - top[..., 0].mean() > 60  # blue near the stroke
    assert np.abs(bottom - grey[-20:]).max() <= 2  # untouched far from it
    detail = top.mean(-1) - top.mean()
    assert np.corrcoef(detail.ravel(), grey[:20, :, 0].ravel().astype(float))[0, 1] > 0.8  # texture kept
    empty = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    assert np.abs(np.asarray(colour.paint(Image.fromarray(grey), empty)).astype(int) - grey).max() <= 1


def test_paint_refuses_strokes_of_another_size():
    with pytest.raises(ValueError, match="must be the image's size"):
        colour.paint(Image.new("RGB", (32, 32)), Image.new("RGBA", (16, 16)))
    with pytest.raises(ValueError, match="must be the image's size"):
        colour.paint(Image.new("RGB", (32, 32)), Image.new("RGBA", (32, 32)), Image.new("RGB", (16, 16)))


def test_a_stroke_colours_only_the_area_its_lines_enclose():
    sketch = Image.new("RGB", (128, 128), "white")
    ImageDraw.Draw(sketch).rectangle([30, 30, 98, 98], outline="black", width=3)  # a closed wall
    strokes = Image.new("RGBA", (128, 128), (0, 0, 0, 0))
    ImageDraw.Draw(strokes).line([(45, 64), (83, 64)], fill=(170, 60, 40, 255), width=4)  # brick red inside it
    grey = Image.new("RGB", (128, 128), (128, 128, 128))
    free, bounded = (np.asarray(colour.paint(grey, strokes, lines)).astype(float) for lines in (None, sketch))
    red = [x[..., 0] - x[..., 2] for x in (free, bounded)]
    assert red[1][40:90, 40:90].mean() > 60  # the wall is red
    outside = np.zeros((128, 128), bool)
    outside[20:26, 30:98] = True  # just above the wall's top line
    assert red[0][outside].mean() > 10 and abs(red[1][outside]).max() <= 2  # bleeds without the lines, not with
    assert abs(red[1][31, 40:90]).max() <= 2  # the line itself keeps the generator's colour


def test_sketch_to_building_hides_strokes_from_the_generator_and_paints_after_it(tiny_weights, monkeypatch):
    write_weights(tiny_weights / "pix2pix", TINY)
    seen = []
    run = generation.run_fully_conv
    monkeypatch.setattr(generation, "run_fully_conv", lambda key, img, **kw: seen.append(img) or run(key, img, **kw))
    plain = np.asarray(ganapp.sketch_to_building(lines())).astype(float)
    drawn = lines()
    ImageDraw.Draw(drawn).line([(0, 4), (127, 4)], fill="#a0432a", width=6)  # brick red along the top
    red = np.asarray(ganapp.sketch_to_building(drawn)).astype(float)
    assert np.asarray(seen[1]).tolist() == np.asarray(seen[0]).tolist()  # the generator saw only the lines
    redness = [(x[:6, ..., 0] - x[:6, ..., 2]).mean() for x in (plain, red)]
    assert redness[1] > redness[0] + 30


def test_photo_hints_are_the_photos_own_colours_and_bring_a_grey_guess_closer():
    from tests.test_pix2pix import house
    from train.metrics import pair_scores
    from train.pix2pix.evaluate import HINT_SIDE, photo_hints

    photo = np.asarray(house(128))
    hints = np.asarray(photo_hints(photo, 30, np.random.default_rng(0)))
    alpha = hints[..., 3] > 0
    assert HINT_SIDE**2 <= alpha.sum() <= 30 * HINT_SIDE**2
    assert np.abs(hints[alpha][:, :3].astype(int) - photo[alpha]).mean() < 25  # squares' means, not other colours
    guess = np.full_like(photo, 128)
    painted = np.asarray(colour.paint(Image.fromarray(guess), Image.fromarray(hints, "RGBA")))
    gain = pair_scores(painted[None], photo[None])["psnr_db"] - pair_scores(guess[None], photo[None])["psnr_db"]
    assert gain > 1.5  # 2.45 dB here; 0 if the hints did nothing


def test_strokes_in_many_areas_colour_only_the_most_stroked_ones():
    """A hostile upload (strokes in hundreds of enclosed areas) must not cost a blur per area."""
    side, cells = 240, 20  # 400 boxes of 12 px
    sketch = Image.new("RGB", (side, side), "white")
    strokes = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    ds, dk = ImageDraw.Draw(sketch), ImageDraw.Draw(strokes)
    step = side // cells
    for i in range(cells):
        for j in range(cells):
            x, y = i * step, j * step
            ds.rectangle([x, y, x + step - 1, y + step - 1], outline="black", width=2)
            dk.rectangle([x + 4, y + 4, x + 4 + (i == 0 and j < 3) * 3, y + 5], fill=(40, 90, 220, 255))
    grey = Image.new("RGB", (side, side), (128, 128, 128))
    out = np.asarray(colour.paint(grey, strokes, sketch)).astype(float)
    blue = [(out[j * step + 3 : (j + 1) * step - 3, i * step + 3 : (i + 1) * step - 3, 2] - 128).mean()
            for i in range(cells) for j in range(cells)]  # fmt: skip
    assert sum(b > 20 for b in blue) == colour.MAX_AREAS
    assert all(b > 20 for b in blue[:3])  # the three boxes with the largest strokes are among them
