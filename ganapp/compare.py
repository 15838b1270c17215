"""Three ways to paint one photo like van Gogh, side by side with their times: the CycleGAN
(learned from a collection of paintings), the fast style model (one pass, conditioned on one
painting) and Gatys' optimisation (the picture's own pixels, fitted to that painting)."""

from __future__ import annotations

import time

from PIL import Image

from ganapp import imaging, style_presets
from ganapp.checks import check_int
from ganapp.errors import WeightsUnavailable

PAINTING = "starry_night"  # the gallery painting the two style methods get
GATYS_STEPS = 20  # network passes per scale, from the photo: a short run, seconds at 256 px on 2 cores
WHY = (
    "The CycleGAN learned van Gogh's look from a collection of his paintings and applies it in one pass; "
    "fast style also works in one pass, but from a single painting's style statistics, which a network "
    "trained on many paintings turns into its weights; Gatys fits this photo's pixels to that painting's "
    "statistics by optimisation, slower and closest to the painting's own strokes."
)


def compare_methods(photo, max_size: int = 256) -> list[tuple[Image.Image, str]]:
    """[(image, caption with its time)] for the van Gogh CycleGAN, the fast style model and a short
    Gatys run (from the photo), all at ``max_size`` px on the long side with *The Starry Night*
    as the painting of the two style methods; a method whose weights are missing says so in its
    caption instead of an image of its own (the photo is shown)."""
    import ganapp

    max_size = check_int(max_size, "Output size", 64, 512)
    img = imaging.resize_max_side(imaging.load_image(photo, what="photo"), max_size)
    preset = next((p for p in style_presets.presets() if p.key == PAINTING), None)
    painting = imaging.load_image(style_presets.preset_path(preset)) if preset else None
    methods = [  # (caption, needs the painting, run)
        ("CycleGAN (van Gogh tab): one pass of a network trained on his paintings", False,
         lambda: ganapp.van_gogh(img, max_size)),
        ("Fast style with The Starry Night: one pass, conditioned on one painting", True,
         lambda: ganapp.fast_style_transfer(img, painting, max_size)),
        (f"Gatys with The Starry Night: {GATYS_STEPS} L-BFGS steps per scale on this photo's pixels", True,
         lambda: _last(ganapp.style_transfer(img, painting, steps=GATYS_STEPS, max_size=max_size, warm_start=False))),
    ]  # fmt: skip
    out = []
    for caption, needs_painting, run in methods:
        if needs_painting and painting is None:
            out.append((img, caption + " (no gallery painting installed)"))
            continue
        t0 = time.perf_counter()
        try:
            result = run()
        except WeightsUnavailable:
            out.append((img, caption + " (no weights in this installation)"))
            continue
        out.append((result, f"{caption} · {time.perf_counter() - t0:.1f} s"))
    return out


def _last(progress):
    """The final image of a Gatys run (it yields (image, status) as it optimises)."""
    image = None
    for image, _ in progress:
        pass
    return image
