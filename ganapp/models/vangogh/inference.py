"""The van Gogh model's public function: photo in, painting out."""

from __future__ import annotations

from PIL import Image

from ganapp import generation, imaging
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
