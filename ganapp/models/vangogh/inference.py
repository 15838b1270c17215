"""The van Gogh model's public functions: photo in, painting out; and what its discriminator sees."""

from __future__ import annotations

from PIL import Image

from ganapp import generation, imaging, verdict
from ganapp.checks import OUTPUT_SIZE, STRENGTH


def van_gogh(photo, max_size: int = 512, strength: float = 1.0) -> Image.Image:
    """Photo -> van Gogh painting with the CycleGAN generator.

    The output has the photo's aspect ratio and ``max_size`` px on its long side (the
    generator is fully convolutional and runs at that size). ``strength`` in [0, 1] blends
    the painting over the photo (1 = the generator's output as is)."""
    max_size = OUTPUT_SIZE.int(max_size)
    strength = STRENGTH.float(strength)
    img = imaging.resize_max_side(imaging.load_image(photo, what="photo"), max_size)
    painting = generation.run_fully_conv("vangogh", img, multiple=4)
    return painting if strength == 1.0 else Image.blend(img, painting, strength)


def judge_van_gogh(image) -> tuple[Image.Image, float, float]:
    """What the discriminator sees: its P(real) ("a van Gogh painting") for each patch of about 70 x 70 px, laid
    over your image (left) and over the generator's painting of it (right) at 384 px on the long side, above a
    legend; and the mean P(real) of each, in [0, 1]."""
    img = imaging.resize_max_side(imaging.load_image(image), verdict.MAP_SIDE)
    painting = generation.run_fully_conv("vangogh", img, multiple=4)
    maps = [verdict.patch_map("vangogh", imaging.to_pm1(x)) for x in (img, painting)]
    sheet = verdict.map_pair(img, maps[0], painting, maps[1])
    return sheet, round(float(maps[0].mean()), 4), round(float(maps[1].mean()), 4)
