"""The van Gogh model's public functions: photo in, painting out; the way back, painting to photo; the
round trip through both; and what its discriminator sees."""

from __future__ import annotations

import numpy as np
from PIL import Image

from ganapp import generation, imaging, verdict, weights
from ganapp.checks import OUTPUT_SIZE, STRENGTH

# how training weighs the generator's loss terms (train/vangogh's recipe: cycle_weight 10, identity_weight 0.1
# of it); the adversarial term counts once
CYCLE_WEIGHT, IDENTITY_WEIGHT = 10.0, 1.0
JUDGE_SIDE = 512  # px: the long side at which the discriminator judges (the card's numbers are measured there)


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
    """What the discriminator sees: its P(real) ("a van Gogh painting") for each patch of about 70 x 70 px of
    your image and of the generator's painting of it, both judged at 512 px on the long side (the tab's
    painting size), laid over each (left: yours, right: the painting) at 384 px, above a legend; and the
    mean P(real) of each, in [0, 1]."""
    img = imaging.resize_max_side(imaging.load_image(image), JUDGE_SIDE)
    painting = generation.run_fully_conv("vangogh", img, multiple=4)
    maps = [verdict.patch_map("vangogh", imaging.to_pm1(x)) for x in (img, painting)]
    shown = [imaging.resize_max_side(x, verdict.MAP_SIDE) for x in (img, painting)]
    sheet = verdict.map_pair(shown[0], maps[0], shown[1], maps[1])
    return sheet, round(float(maps[0].mean()), 4), round(float(maps[1].mean()), 4)


def painting_to_photo(painting, max_size: int = 512) -> Image.Image:
    """Painting -> "photo" with the CycleGAN's other generator, the one trained to undo the painter.
    The output has the painting's aspect ratio and ``max_size`` px on its long side."""
    max_size = OUTPUT_SIZE.int(max_size)
    img = imaging.resize_max_side(imaging.load_image(painting, what="painting"), max_size)
    return generation.run_fully_conv("vangogh", img, multiple=4, inverse=True)


def round_trip(photo) -> tuple[Image.Image, float, float, float, float]:
    """Photo -> painting -> photo again, at 384 px on the long side: a sheet of your photo, its painting,
    the way back and what the way back lost (black = kept, white = far off); then this photo's value
    of each of the generators' loss terms, weighed as in training: adversarial (the discriminator's
    least-squares distance from calling the painting's patches "a painting": 0 = fooled everywhere),
    cycle (10 x the mean |way back - photo|, pixels in [-1, 1]), identity (1 x the mean change the way
    back makes to the photo itself); and the PSNR in dB of the way back against the photo."""
    img = imaging.resize_max_side(imaging.load_image(photo, what="photo"), verdict.MAP_SIDE)
    painting = generation.run_fully_conv("vangogh", img, multiple=4)
    back = generation.run_fully_conv("vangogh", painting, multiple=4, inverse=True)
    same = generation.run_fully_conv("vangogh", img, multiple=4, inverse=True)
    x, y, z, s = (imaging.to_pm1(i) for i in (img, painting, back, same))
    scores = verdict.patch_scores(*weights.load_discriminator("vangogh"), y)
    lost = Image.fromarray(imaging.difference(z, x)[..., 0]).convert("RGB")
    pad = 6
    sheet = Image.new("RGB", (4 * img.width + 5 * pad, img.height + 2 * pad), (250, 250, 250))
    for i, panel in enumerate((img, painting, back, lost)):
        sheet.paste(panel, (pad + i * (img.width + pad), pad))
    mse = float(np.mean((z - x) ** 2))
    return (
        sheet,
        round(float(np.mean((scores - 1.0) ** 2)), 4),
        round(CYCLE_WEIGHT * float(np.mean(np.abs(z - x))), 4),
        round(IDENTITY_WEIGHT * float(np.mean(np.abs(s - x))), 4),
        round(float(10 * np.log10(4.0 / max(mse, 1e-10))), 2),
    )
