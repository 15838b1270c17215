"""What each "open the box" view costs on this machine, as a student's click does it (the library
functions the tabs and the API call, models already loaded): what the discriminator sees (a grid of
16, an upload), the latent search (its own image and a photo, to the step budget, with the PSNR
reached) and the nearest training images; the PatchGAN maps (van Gogh, pix2pix) and the van Gogh
way back (its round trip, a painting as a photo). Every model that has weights here is measured; p50 of
``--repeats`` calls after one warm-up call, with the CPU flags.

    python -m bench.open_the_box [--repeats 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.cpu import cpu_flags
from bench.serve import ROOT

PHOTO = ROOT / "weights" / "style" / "examples" / "chelsea.jpg"
STARRY = ROOT / "weights" / "style" / "presets" / "starry_night.jpg"


def last(frames):
    for frame in frames:
        pass
    return frame


def views() -> dict[str, callable]:
    import ganapp
    from ganapp import neighbours, weights

    out = {}
    for key, one in (("cars", "car"), ("faces", "face")):
        if not weights.is_available(key):
            continue
        out[f"{key}: judge 16"] = lambda key=key: getattr(ganapp, f"judge_{key}")(0, 16)
        out[f"{key}: judge an upload"] = lambda one=one: getattr(ganapp, f"judge_{one}_image")(PHOTO)
        out[f"{key}: find its own image (200 steps)"] = lambda one=one: last(
            getattr(ganapp, f"find_generated_{one}")(7)
        )
        out[f"{key}: find a photo (200 steps)"] = lambda one=one: last(getattr(ganapp, f"find_{one}")(PHOTO))
        if neighbours.has_index(key):
            out[f"{key}: nearest training images"] = lambda one=one: getattr(ganapp, f"{one}_neighbours")(3)
    if weights.is_available("cgan"):
        out["cgan: judge 16"] = lambda: ganapp.judge_class("Sneaker", 0, 16)
        if neighbours.has_index("cgan"):
            out["cgan: nearest training images"] = lambda: ganapp.garment_neighbours("Sneaker", 3)
    if weights.has_discriminator("vangogh"):
        out["vangogh: patch maps of a painting and its painting"] = lambda: ganapp.judge_van_gogh(STARRY)
    if weights.ships("vangogh", weights.INVERSE):
        out["vangogh: round trip (384 px)"] = lambda: ganapp.round_trip(PHOTO)
        out["vangogh: painting -> photo (512 px)"] = lambda: ganapp.painting_to_photo(STARRY)
    if weights.has_discriminator("pix2pix"):
        out["pix2pix: patch maps of a photo and its building"] = lambda: ganapp.judge_building(PHOTO)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"CPU flags: {cpu_flags()}")
    for name, call in views().items():
        result = call()  # loads the model and traces its functions
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            result = call()
            times.append(time.perf_counter() - start)
        extra = f"  PSNR {result[1]:.1f} dB" if "find" in name else ""
        print(f"{name:45s} p50 {statistics.median(times):6.2f} s{extra}", flush=True)


if __name__ == "__main__":
    main()
