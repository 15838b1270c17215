"""The sketch -> building model's evaluation (``python -m train.evaluate pix2pix``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from ganapp.models.pix2pix.colour import paint
from train.metrics import (
    frechet,
    lattice,
    mean_gradient,
    pair_scores,
    photo_scores,
    resized,
    saturated_blobs,
    translate,
    vgg_features,
)

HINT_PATCHES = (3, 10, 30)  # how many colour hints the round trip is also scored with
HINT_SIDE = 9  # px, each hint a square of its photo's mean colour there
LATTICE_PERIODS = (4, 8)  # px: the strides of the feature discriminator's block3 and block4 layers
NOTES = (
    "(test split: photos never trained on or validated with); hand_drawn_*: the same sketches redrawn by hand "
    "(train.pix2pix.data.hand_drawn); baseline = the mean training photo; reference_own_mean_colour_psnr_db: "
    "PSNR of a flat image of each test photo's own mean colour, psnr_gain_db: PSNR above it; "
    f"colour_hints_<n>_*: the outputs with n colour strokes ({HINT_SIDE} px squares of the photo's own colours "
    "at random places, the protocol of interactive colourisation; ganapp.models.pix2pix.colour); crispness: "
    "mean grey gradient over the photos'; lattice_<p>px: how much a regular texture of p px stands out "
    "(train.metrics.lattice; about 1 for photos: reference_photos_lattice_<p>px); blobs_max_percent: the "
    "largest share of any output's pixels more "
    "chromatic than its photo's 99.5th percentile of chroma (max - min of RGB) + 0.15. perceptual: LPIPS-like "
    "distance in the offline VGG16 (unit-normalised features of 5 layers, uniform weights; lower is better); "
    "colourfulness and edge energy: outputs' mean over the photos' mean (1 = like the photos); Frechet distance "
    "in mean-pooled block3_conv3 features (few samples: compare the numbers with each other, not with papers). "
    "With a colour code (ganapp.models.pix2pix.code) the outputs are test sketch i with seed i's code; "
    "reference_*: with each test photo's own code (the round trip with the photo as the reference)."
)


def photo_hints(photo: np.ndarray, n: int, rng: np.random.Generator) -> Image.Image:
    """n squares of a uint8 photo's own colours at random places, as the RGBA colour strokes of
    ganapp.models.pix2pix.colour (what a user's strokes would be if they knew the photo's colours)."""
    h, w, _ = photo.shape
    strokes = np.zeros((h, w, 4), np.uint8)
    for y, x in rng.integers(0, (h - HINT_SIDE, w - HINT_SIDE), (n, 2)):
        patch = np.s_[y : y + HINT_SIDE, x : x + HINT_SIDE]
        strokes[patch] = (*photo[patch].reshape(-1, 3).mean(0).round(), 255)
    return Image.fromarray(strokes, "RGBA")


def with_hints(outs: np.ndarray, photos: np.ndarray, sketches: np.ndarray, n: int) -> np.ndarray:
    """uint8 outputs painted with n :func:`photo_hints` of their photos, their sketches' lines
    bounding each hint (ganapp.models.pix2pix.colour.paint)."""
    rng = np.random.default_rng(n)
    return np.stack(
        [
            np.asarray(paint(Image.fromarray(o), photo_hints(p, n, rng), Image.fromarray(s)))
            for o, p, s in zip(outs, photos, sketches)
        ]
    )


def evaluate_pix2pix(folder: Path, previous: Path | None = None) -> dict:
    """Held-out test pairs at the model's size: :func:`photo_scores` (L1, PSNR, SSIM, perceptual
    distance, colourfulness and edge-energy ratios) and the Frechet distance to the real photos
    (offline VGG16, pooled block3_conv3), next to a trivial baseline (the mean training photo)
    and, given ``previous`` (a weights folder), the weights these replace; the same for each test
    sketch redrawn by hand (train.pix2pix.data.hand_drawn, the canvas' look). Writes comparison.png
    (sketch | previous | these | these with colour hints | photo) beside the weights."""
    from ganapp.imaging import make_grid
    from ganapp.weights import build_from_dir
    from train.pix2pix.data import hand_drawn, load_pairs

    model, cfg = build_from_dir(folder)
    s = cfg.image_size
    trained = json.loads((folder / "training.json").read_text())  # the data these weights learned from
    data, direction = Path(trained["data"]), trained["train"].get("direction", "AtoB")
    ta, tb = (resized(v, s) for v in load_pairs(data / "test", direction))
    drawn = np.stack([hand_drawn(x, np.random.default_rng(i)) for i, x in enumerate(ta)])
    _, train_b = load_pairs(data / "train", direction)
    mean_photo = resized(train_b, s).astype(np.float64).mean(0).round().astype(np.uint8)
    f_real = vgg_features(tb, s)

    # what the PSNR goal compares with: a flat image of each photo's own mean colour (which no sketch carries)
    own_colour = np.broadcast_to(tb.reshape(len(tb), -1, 3).mean(1).round().astype(np.uint8)[:, None, None], tb.shape)
    own_psnr, photo_gradient = pair_scores(own_colour, tb)["psnr_db"], mean_gradient(tb).mean()

    def scores(outs):
        found = photo_scores(outs, tb)
        return {
            **found,
            "psnr_gain_db": round(found["psnr_db"] - own_psnr, 2),
            "crispness": round(float(mean_gradient(outs).mean() / photo_gradient), 3),
            "blobs_max_percent": round(float(saturated_blobs(outs, tb).max() * 100), 3),
            "frechet_distance": round(frechet(vgg_features(outs, s), f_real), 2),
            **{f"lattice_{p}px": round(lattice(outs, p), 2) for p in LATTICE_PERIODS},
        }

    seeded = own = None
    if cfg.code_colours:  # a user's buildings: test sketch i with seed i's code; and each photo's own code
        from ganapp.models.pix2pix.code import colour_code, load_bank, seeded_codes

        seeded = seeded_codes(load_bank(folder), len(ta))
        own = np.stack([colour_code(p, cfg.code_colours) for p in tb])
    outs = translate(model, ta, codes=seeded)
    summary = {
        **scores(outs),
        **{f"hand_drawn_{k}": v for k, v in scores(translate(model, drawn, codes=seeded)).items()},
        **{f"baseline_{k}": v for k, v in scores(np.repeat(mean_photo[None], len(tb), 0)).items()},
    }
    if own is not None:  # the round trip with the photo itself as the reference
        summary.update({f"reference_{k}": v for k, v in scores(translate(model, ta, codes=own)).items()})
        summary.update({f"reference_hand_drawn_{k}": v for k, v in scores(translate(model, drawn, codes=own)).items()})
    summary["reference_own_mean_colour_psnr_db"] = own_psnr
    summary.update({f"reference_photos_lattice_{p}px": round(lattice(tb, p), 2) for p in LATTICE_PERIODS})
    for n in HINT_PATCHES:  # colour strokes of the photo's own colours, the interactive-colourisation protocol
        painted = with_hints(outs, tb, ta, n)
        summary.update({f"colour_hints_{n}_{k}": v for k, v in scores(painted).items()})
    columns = ["sketch", "these weights", f"with {HINT_PATCHES[-1]} colour hints", "photo"]
    sheet = [ta, outs, painted, tb]
    if previous is not None:
        old = build_from_dir(previous)[0]
        old_outs = translate(old, ta)
        summary.update({f"previous_{k}": v for k, v in scores(old_outs).items()})
        summary.update({f"previous_hand_drawn_{k}": v for k, v in scores(translate(old, drawn)).items()})
        columns.insert(1, "previous weights")
        sheet.insert(1, old_outs)
    rows = min(6, len(ta))
    make_grid(np.stack([col[i] for i in range(rows) for col in sheet]), cols=len(sheet), pad=4).save(
        folder / "comparison.png"
    )
    b = {k[len("baseline_") :]: v for k, v in summary.items() if k.startswith("baseline_")}
    goals = {
        "perceptual_below_baseline": summary["perceptual"] < b["perceptual"],
        "frechet_distance_below_baseline": summary["frechet_distance"] < b["frechet_distance"],
        "psnr_2.5_db_above_own_mean_colour": summary["psnr_gain_db"] >= 2.5,
        "crispness_at_least_0.6": summary["crispness"] >= 0.6,
        "colourfulness_within_25_percent": abs(summary["colourfulness_ratio"] - 1) <= 0.25,
        "no_saturated_blobs": summary["blobs_max_percent"] <= 0.05,
    }
    if previous is not None:
        goals["perceptual_below_previous"] = summary["perceptual"] < summary["previous_perceptual"]
        goals["frechet_distance_below_previous"] = summary["frechet_distance"] < summary["previous_frechet_distance"]
    if own is not None:
        goals["colourfulness_0.8_to_1.2"] = 0.8 <= summary["colourfulness_ratio"] <= 1.2
        if previous is not None:
            gain = summary["reference_psnr_db"] - summary["previous_psnr_db"]
            goals["reference_round_trip_2_db_above_previous"] = gain >= 2
    return {
        "summary": summary,
        "goals": goals,
        "sheet": {"file": "comparison.png", "columns": columns},
        "notes": f"{len(tb)} held-out sketch/photo pairs at {s} px " + NOTES,
    }


evaluate = evaluate_pix2pix
