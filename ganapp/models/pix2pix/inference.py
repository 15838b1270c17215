"""The sketch -> building model's public functions (and photo -> sketch, the look it learned from; and
what its discriminator sees)."""

from __future__ import annotations

from PIL import Image, ImageOps

from ganapp import generation, imaging, verdict, weights
from ganapp.checks import OUTPUT_SIZE


def sketch_to_building(sketch) -> Image.Image:
    """Line sketch (dark strokes on white) -> building photo with the pix2pix generator.

    Strokes in colour are not lines: they set the building's colours around them
    (ganapp.models.pix2pix.colour). The sketch is letterboxed onto a white square of the model's
    size (256 px), so its proportions are kept; the output is the building at that scale, 256 px
    on its long side."""
    from ganapp.models.pix2pix import colour

    lines, strokes = colour.split_strokes(imaging.load_image(sketch, what="sketch"))
    _, cfg = weights.load_generator("pix2pix")
    s = cfg.image_size
    small = imaging.resize_max_side(lines, s)
    off = ((s - small.width) // 2, (s - small.height) // 2)

    def square(img, background):
        sq = Image.new(img.mode, (s, s), background)
        sq.paste(img, off)
        return sq

    drawn = square(small, "white")
    out = generation.run_fully_conv("pix2pix", drawn, multiple=s)
    if strokes is not None:  # resized as RGBA: Pillow weighs colours by alpha
        out = colour.paint(out, square(strokes.resize(small.size, Image.Resampling.BOX), (0, 0, 0, 0)), drawn)
    return out.crop((off[0], off[1], off[0] + small.width, off[1] + small.height))


def photo_to_sketch(photo, max_size: int = 512) -> Image.Image:
    """Photo -> line sketch (dark strokes on white, the pix2pix training look) via HED."""
    from ganapp.models.pix2pix import sketch

    max_size = OUTPUT_SIZE.int(max_size)
    return sketch.photo_to_sketch(imaging.load_image(photo, max_side=max_size, what="photo"))


def judge_building(photo) -> tuple[Image.Image, float, float]:
    """What the discriminator sees: the centre square of your photo at the model's size (256 px), its
    HED sketch, and the generator's building from that sketch. The discriminator judges (sketch,
    photo) pairs: its P(real) for each patch of about 70 x 70 px is laid over your photo (left) and
    over the generator's building (right), shown at 384 px, above a legend; and the mean P(real) of
    each, in [0, 1]."""
    from ganapp.models.pix2pix import sketch

    _, cfg = weights.load_generator("pix2pix")
    s = cfg.image_size
    img = ImageOps.fit(imaging.load_image(photo, what="photo"), (s, s), Image.LANCZOS)
    lines = sketch.photo_to_sketch(img)
    building = generation.run_fully_conv("pix2pix", lines, multiple=s)
    condition = imaging.to_pm1(lines)
    maps = [verdict.patch_map("pix2pix", imaging.to_pm1(x), condition) for x in (img, building)]
    big = [x.resize((verdict.MAP_SIDE, verdict.MAP_SIDE), Image.LANCZOS) for x in (img, building)]
    sheet = verdict.map_pair(big[0], maps[0], big[1], maps[1])
    return sheet, round(float(maps[0].mean()), 4), round(float(maps[1].mean()), 4)
