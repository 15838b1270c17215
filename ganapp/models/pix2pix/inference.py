"""The sketch -> building model's public functions (and photo -> sketch, the look it learned from; and
what its discriminator sees)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageOps

from ganapp import generation, imaging, verdict, weights
from ganapp.checks import OUTPUT_SIZE, SEED, Range
from ganapp.errors import InputError, WeightsUnavailable

DEFAULT_SEED = 0  # the colour code a sketch gets unless another seed or a reference photo is given
COUNT = Range(1, 16, "Number of buildings")
NO_CODE = (
    "These sketch weights take no colour code, so {what} cannot choose their colours; weights trained with one "
    "(python -m train.pix2pix --recipe codes) can."
)


def code_bank() -> np.ndarray:
    """float32 (N, 3 x code_colours) in [-1, 1]: the colour codes of the training photos, shipped beside
    the weights (``codes.npz``), from which a seed draws (checked: a hostile file gets a sentence)."""
    from ganapp.models.pix2pix.code import CODES, load_bank

    def load():
        _, cfg = weights.load_generator("pix2pix")
        bank = load_bank(weights.model_dir("pix2pix", files=("config.json", CODES)))
        if bank.ndim != 2 or not 1 <= len(bank) <= 100_000 or bank.shape[1] != 3 * cfg.code_colours:
            raise WeightsUnavailable("The sketch weights' codes.npz does not fit their config.")
        if not np.isfinite(bank).all() or np.abs(bank).max() > 1:
            raise WeightsUnavailable("The sketch weights' codes.npz holds values outside [-1, 1].")
        return bank

    return weights.cached("pix2pix/codes", load)


def colour_code(seed=DEFAULT_SEED, reference=None) -> np.ndarray | None:
    """The colour code a building is drawn with: the colours of ``reference`` (a photo) when given,
    else the seed's draw from the training photos' codes; None for weights that take no code
    (a reference then gets InputError)."""
    from ganapp.models.pix2pix import code

    _, cfg = weights.load_generator("pix2pix")
    if not cfg.code_colours:
        if reference is not None:
            raise InputError(NO_CODE.format(what="a reference photo"))
        return None
    if reference is not None:
        return code.colour_code(imaging.load_image(reference, what="reference photo"), cfg.code_colours)
    return code.seeded_code(SEED.int(seed), code_bank())


def _generate(drawn: Image.Image, colours: np.ndarray | None) -> Image.Image:
    """The generator on a white-backed square sketch of its size, with a colour code when it takes one."""
    import tensorflow as tf

    if colours is None:
        return generation.run_fully_conv("pix2pix", drawn, multiple=drawn.width)
    fn, _ = generation.generator_fn(
        "pix2pix",
        lambda cfg: tf.TensorSpec([1, cfg.image_size, cfg.image_size, 3], tf.float32),
        lambda cfg: tf.TensorSpec([1, 3 * cfg.code_colours], tf.float32),
    )
    return imaging.from_pm1(np.asarray(fn(imaging.to_pm1(drawn)[None], colours[None]))[0])


def sketch_to_building(sketch, seed: int = DEFAULT_SEED, reference=None) -> Image.Image:
    """Line sketch (dark strokes on white) -> building photo with the pix2pix generator.

    A line sketch holds no colour, so many buildings fit it: with weights trained with a colour code
    (ganapp.models.pix2pix.code), ``seed`` picks one (a code drawn from the training photos'), or
    ``reference``, a photo, lends its colours; weights without one ignore the seed.
    Strokes in colour are not lines: they set the building's colours around them
    (ganapp.models.pix2pix.colour). The sketch is letterboxed onto a white square of the model's
    size (256 px), so its proportions are kept; the output is the building at that scale, 256 px
    on its long side."""
    lines, strokes = _sketch(sketch)
    return _building(lines, strokes, colour_code(seed, reference))


def buildings_from_sketch(sketch, seed: int = DEFAULT_SEED, count: int = 8) -> Image.Image:
    """``count`` buildings from one sketch, with the colour codes of seeds ``seed`` .. ``seed + count - 1``,
    in a row of up to 4 (each over a strip of its code's colours, darkest on the left)."""
    from ganapp.models.pix2pix import code

    count, seed = COUNT.int(count), SEED.int(seed)
    if seed + count - 1 > int(SEED.hi):
        raise InputError(f"Seed + number of buildings must stay below {int(SEED.hi) + 1}.")
    _, cfg = weights.load_generator("pix2pix")
    if not cfg.code_colours:
        raise InputError(NO_CODE.format(what="seeds"))
    lines, strokes = _sketch(sketch)
    tiles = []
    for s in range(seed, seed + count):
        colours = colour_code(s)
        out = _building(lines, strokes, colours)
        strip = code.swatch(colours).resize((out.width, 16), Image.Resampling.NEAREST)
        tile = Image.new("RGB", (out.width, out.height + 18), "white")
        tile.paste(out, (0, 0))
        tile.paste(strip, (0, out.height + 2))
        tiles.append(np.asarray(tile))
    return imaging.make_grid(np.stack(tiles), cols=min(4, count), pad=6)


def _sketch(sketch) -> tuple[Image.Image, Image.Image | None]:
    from ganapp.models.pix2pix import colour

    return colour.split_strokes(imaging.load_image(sketch, what="sketch"))


def _building(lines: Image.Image, strokes: Image.Image | None, colours: np.ndarray | None) -> Image.Image:
    from ganapp.models.pix2pix import colour

    _, cfg = weights.load_generator("pix2pix")
    s = cfg.image_size
    small = imaging.resize_max_side(lines, s)
    off = ((s - small.width) // 2, (s - small.height) // 2)

    def square(img, background):
        sq = Image.new(img.mode, (s, s), background)
        sq.paste(img, off)
        return sq

    drawn = square(small, "white")
    out = _generate(drawn, colours)
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
    building = _generate(lines, colour_code())  # with the code a sketch gets by default
    condition = imaging.to_pm1(lines)
    maps = [verdict.patch_map("pix2pix", imaging.to_pm1(x), condition) for x in (img, building)]
    big = [x.resize((verdict.MAP_SIDE, verdict.MAP_SIDE), Image.LANCZOS) for x in (img, building)]
    sheet = verdict.map_pair(big[0], maps[0], big[1], maps[1])
    return sheet, round(float(maps[0].mean()), 4), round(float(maps[1].mean()), 4)
