"""The van Gogh CycleGAN's evaluation (``python -m train.evaluate vangogh``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from train import runs_dir
from train.metrics import (
    _grey_edges,
    frechet,
    mean_grams,
    ssim_grey,
    style_distance,
    verdict_summary,
    vgg_features,
)


def _generators(folder: Path):
    """(photo -> painting generator of ``folder``, its painting -> photo generator: shipped beside it,
    else from the training run's last checkpoint, else None)."""
    import tensorflow as tf

    from ganapp.models.vangogh import network as cyclegan
    from ganapp.weights import INVERSE, build_from_dir

    g_ab, cfg = build_from_dir(folder)
    if (folder / INVERSE).is_file():
        return g_ab, build_from_dir(folder, "generator", INVERSE)[0]
    info = json.loads((folder / "training.json").read_text()) if (folder / "training.json").exists() else {}
    run = info.get("train", {}).get("run", "default")
    latest = tf.train.latest_checkpoint(str(runs_dir() / "vangogh" / run / "checkpoints"))
    if not latest:
        return g_ab, None
    g_ba = cyclegan.build_generator(cfg)
    tf.train.Checkpoint(g_ba=g_ba).restore(latest).expect_partial()
    return g_ab, g_ba


def _discriminator(folder: Path, g_ab, images: dict) -> dict | None:
    """How the shipped PatchGAN judges held-out images as the tab does (at 512 px, in tiles of its
    training crops: ganapp.verdict.patch_scores): the share of patches it judges right (P(real) above
    0.5 on the held-out paintings' patches, below on those of the generator's paintings of the held-out
    photos), how often a held-out painting's patch ranks above a generated one's (ROC AUC: 0.5 is
    chance), and the mean P(real) of paintings, photos and generated images, with *The Starry Night*'s;
    None when the folder ships no discriminator."""
    from PIL import Image

    from ganapp.imaging import resize_max_side
    from ganapp.models.vangogh.inference import JUDGE_SIDE
    from ganapp.verdict import p_real, patch_scores
    from ganapp.weights import DISCRIMINATOR, build_from_dir

    if not (folder / DISCRIMINATOR).is_file():
        return None
    d, cfg = build_from_dir(folder, "discriminator")

    def sized(arr: np.ndarray) -> np.ndarray:
        return np.asarray(resize_max_side(Image.fromarray(arr), JUDGE_SIDE))

    def patches(arr: np.ndarray) -> np.ndarray:
        return p_real(cfg, patch_scores(d, cfg, arr.astype(np.float32) / 127.5 - 1.0)).ravel()

    def generated(arr):
        return ((_run(g_ab, arr) + 1) * 127.5).round().astype(np.uint8)

    real = [patches(sized(a)) for a in images["held_out"]]
    photos = [patches(sized(a)) for a in images["photos"]]
    fake = [patches(generated(sized(a))) for a in images["photos"]]
    r, f = np.concatenate(real), np.concatenate(fake)
    auc = float((r[:, None] > f[None]).mean() + 0.5 * (r[:, None] == f[None]).mean())
    starry = [float(p.mean()) for p, t in zip(real, images["titles"]) if "Starry" in t]
    return {
        **verdict_summary(r, f),
        "auc_real_vs_generated": round(auc, 4),
        # means of the images' means (each image counts once, whatever its size)
        "mean_p_real_of_real": round(float(np.mean([p.mean() for p in real])), 4),
        "mean_p_real_of_photos": round(float(np.mean([p.mean() for p in photos])), 4),
        "mean_p_real_of_generated": round(float(np.mean([p.mean() for p in fake])), 4),
        **({"mean_p_real_of_the_starry_night": round(starry[0], 4)} if starry else {}),
        "images": [len(real), len(fake)],
        "patches": [len(r), len(f)],
    }


def _scores(sets: dict, structure: dict, per_painting: list, titles: list[str]) -> tuple[dict, dict]:
    """(summary, style distance per painting) of the crop sets against the held-out paintings' crops."""
    art = [c for cs in per_painting for c in cs]
    f_art, g_art = vgg_features(np.stack(art), 128), [mean_grams(np.stack(cs)) for cs in per_painting]
    summary, styles = {}, {}
    for k, v in sets.items():
        if not v:
            continue
        x = np.stack(v)
        summary[f"frechet_distance_{k}_vs_heldout_paintings"] = round(frechet(vgg_features(x, 128), f_art), 2)
        grams = mean_grams(x)
        styles[k] = {t: round(style_distance(grams, g), 4) for t, g in zip(titles, g_art)}
        summary[f"style_distance_{k}_vs_heldout_paintings"] = round(float(np.mean(list(styles[k].values()))), 4)
    for k, (edge, ssim) in structure.items():
        if edge:
            summary[f"edge_correlation_{k}"] = round(float(np.mean(edge)), 3)
            summary[f"ssim_{k}"] = round(float(np.mean(ssim)), 3)
    for k in ("ours", "training_paintings"):
        if f"style_distance_{k}_vs_heldout_paintings" in summary:
            summary[f"style_distance_ratio_{k}_vs_photos"] = round(
                summary[f"style_distance_{k}_vs_heldout_paintings"]
                / summary["style_distance_photos_vs_heldout_paintings"],
                3,
            )
    return summary, styles


def _run(model, arr: np.ndarray) -> np.ndarray:
    """uint8 (H, W, 3) through an image-to-image generator at its size -> float (H, W, 3) in [-1, 1]."""
    from PIL import Image

    from ganapp.imaging import pad_to_multiple, to_pm1

    x, (h, w) = pad_to_multiple(to_pm1(Image.fromarray(arr)), 4)
    return np.asarray(model(x[None], training=False))[0, :h, :w]


def _deception(judge, sets: dict, held_out: list, rng) -> dict:
    """The judge's share of crops called paintings, per crop set, and for the held-out paintings."""
    from train.vangogh.judge import random_crops

    out = {f"deception_rate_{k}": judge.rate(v) for k, v in sets.items() if v}
    out["judge_heldout_paintings_called_paintings"] = judge.rate(random_crops(held_out, 64 * len(held_out), rng, 0.4))
    return out


def _crops(rng, img: np.ndarray, n: int, s: int = 128, positions=None):
    """(``n`` random ``s`` px crops of ``img``, their positions); at ``positions`` when given."""
    pos = positions or [
        (rng.integers(0, img.shape[0] - s + 1), rng.integers(0, img.shape[1] - s + 1)) for _ in range(n)
    ]
    return [img[y : y + s, x : x + s] for y, x in pos], pos


def _load(data: Path) -> dict:
    """The evaluation's images (uint8 arrays): held-out photos at 512 px, held-out paintings at 640 px
    with their titles and paths, and the training paintings and photos (the judge's and the reference's)."""
    from ganapp.imaging import load_image, resize_max_side
    from train.data import list_images

    def read(folder: str, side: int) -> list[np.ndarray]:
        return [np.asarray(resize_max_side(load_image(p), side)) for p in list_images(data / folder)]

    held_out_paths = list_images(data / "testB")
    if not held_out_paths:
        raise FileNotFoundError(
            f"{data}/testB holds no paintings: rebuild with `python -m train.data prepare vangogh`."
        )
    return {
        "photos": read("testA", 512),
        "held_out": read("testB", 640),
        "held_out_paths": held_out_paths,
        "titles": _titles(data, held_out_paths),
        "paintings": read("trainB", 640),
        "train_photos": read("trainA", 512),
    }


def _translate(rng, images: dict, models: dict, starry: Path | None, sheet_rows: int):
    """Every held-out photo through each model of ``models`` (kind -> generator; "fast_style_starry_night"
    when ``starry``): (crop sets per kind and of the photos, (edge correlation, SSIM) per kind, the cycle
    L1 of each photo through ``models["back"]`` when there is one, the comparison sheet's tiles)."""
    from PIL import Image

    import ganapp
    from ganapp.imaging import pm1_to_uint8, to_pm1

    g_back = models.pop("back", None)
    kinds = [*models, *(["fast_style_starry_night"] if starry is not None else [])]
    sets = {"photos": [], **{k: [] for k in kinds}}
    structure = {k: ([], []) for k in kinds}
    cycles, sheet = [], []
    for i, p in enumerate(images["photos"]):
        outs = {k: pm1_to_uint8(_run(g, p)[None])[0] for k, g in models.items()}
        if starry is not None:
            outs["fast_style_starry_night"] = np.asarray(ganapp.fast_style_transfer(p, starry, max(p.shape[:2])))
        c, pos = _crops(rng, p, 16)
        sets["photos"] += c
        for k, out in outs.items():
            sets[k] += _crops(rng, out, 16, positions=pos)[0]
            structure[k][0].append(float(np.corrcoef(_grey_edges(p).ravel(), _grey_edges(out).ravel())[0, 1]))
            structure[k][1].append(ssim_grey(p, out))
        if i < sheet_rows:
            sheet += [
                np.asarray(Image.fromarray(a).resize((256, 256 * a.shape[0] // a.shape[1]), Image.LANCZOS))
                for a in (p, *outs.values())
            ]
        if g_back is not None:
            back = _run(g_back, outs["ours"])
            cycles.append(float(np.abs(back - to_pm1(Image.fromarray(p))).mean() / 2))
    return sets, structure, cycles, sheet


def _save_sheet(tiles: list[np.ndarray], rows: int, path: Path) -> None:
    from ganapp.imaging import make_grid

    if tiles:
        h = min(t.shape[0] for t in tiles)
        make_grid(np.stack([t[:h] for t in tiles]), cols=len(tiles) // rows, pad=4).save(path)


def evaluate_vangogh(
    folder: Path, data: str = "data/vangogh", sheet_rows: int = 4, previous: Path | None = None
) -> dict:
    """Held-out photos (testA) translated at 512 px, measured against the held-out paintings
    (testB, never trained on): Frechet distance (offline VGG16 block3_conv3, 128 px crops) and
    Gram-matrix style distance, next to the same for the untranslated photos and for the fast
    style model with *The Starry Night*; structure kept (edge correlation, SSIM, input vs
    output); cycle L1 through the run's painting -> photo generator; the deception rate: the
    share of those crops that a painting-vs-photo judge (train.vangogh.judge, fit on the training
    paintings and photos) calls paintings. ``previous``: the weights these replace, measured
    beside them. Writes comparison.png (photo | previous | these | fast style) beside the weights."""
    from ganapp import weights
    from ganapp.weights import build_from_dir
    from train.vangogh.judge import PaintingJudge

    images = _load(Path(data))
    g_ab, g_ba = _generators(folder)
    models = {"previous": build_from_dir(previous)[0]} if previous is not None else {}
    models["ours"] = g_ab
    if g_ba is not None:
        models["back"] = g_ba
    starry = next((p for p, t in zip(images["held_out_paths"], images["titles"]) if "Starry" in t), None)
    starry = starry if weights.is_available("fast_style") else None
    rng = np.random.default_rng(0)
    sets, structure, cycles, sheet = _translate(rng, images, models, starry, sheet_rows)
    _save_sheet(sheet, min(sheet_rows, len(images["photos"])), folder / "comparison.png")
    held_out, paintings, n = images["held_out"], images["paintings"], len(sets["photos"])
    per_painting = [_crops(rng, a, max(1, n // len(held_out)))[0] for a in held_out]
    # the reference: how close the training paintings themselves come to the held-out ones
    reference = [c for a in paintings for c in _crops(rng, a, max(1, n // len(paintings)))[0]]
    summary, styles = _scores({**sets, "training_paintings": reference}, structure, per_painting, images["titles"])
    if cycles:
        summary["cycle_l1"] = round(float(np.mean(cycles)), 4)
    judge = PaintingJudge(paintings, images["train_photos"])
    summary.update(_deception(judge, sets, held_out, rng))
    columns = [
        "held-out photo",
        *(["the previous weights"] if previous is not None else []),
        "this model",
        *(["the fast style model with The Starry Night"] if starry is not None else []),
    ]
    judged = _discriminator(folder, g_ab, images)
    return {
        "summary": summary,
        **({"discriminator": judged} if judged else {}),
        "goals": _goals(summary),
        "style_distance_per_painting": styles,
        "sheet": {"file": "comparison.png", "columns": columns},
        "notes": _notes(len(images["photos"]), len(held_out), n, sum(map(len, per_painting)), judge.trained_on),
    }


def _goals(summary: dict) -> dict:
    return {
        "deception_rate_at_least_0.6": summary["deception_rate_ours"] >= 0.6,
        "photos_deception_rate_at_most_0.2": summary["deception_rate_photos"] <= 0.2,
        "edge_correlation_at_least_0.5": summary["edge_correlation_ours"] >= 0.5,
        "style_distance_ratio_at_most_0.5": summary["style_distance_ratio_ours_vs_photos"] <= 0.5,
    }


def _notes(photos: int, held_out: int, crops: int, art: int, judged: int) -> str:
    return (
        f"{photos} held-out photos (testA) translated at 512 px, against {held_out} held-out "
        f"paintings (testB, never trained on); {crops} 128 px crops per side ({art} painting "
        "crops). Frechet distance: mean-pooled block3_conv3 features of the offline VGG16; style distance to a "
        "painting: sum over block1..4_conv1 of ||mean Gram - the painting's mean Gram||^2 / ||the painting's "
        "mean Gram||^2, averaged over the held-out paintings (each one: style_distance_per_painting); "
        "edge correlation and SSIM on grey images, input vs output; cycle L1 in [0, 1] pixel units (photo -> "
        "painting -> photo, the way back shipped beside the generator, else from the training run's checkpoint). "
        "fast_style_starry_night: the "
        "fast style model with The Starry Night (one of the two held-out paintings) as its style image. "
        "training_paintings: crops of the training paintings themselves, the reference for what learning "
        "their style can reach (their style distance ratio is the floor a faithful copy would meet). "
        f"Deception rate: the share of the 128 px crops called paintings by the judge, a logistic regression on "
        f"VGG16 style statistics fit on {judged} crops (the training paintings; the training photos, "
        "plain and damaged: blurred, muted, posterised, noisy, JPEG-crushed); "
        "judge_heldout_paintings_called_paintings: its rate on crops of the two held-out paintings."
    )


def _titles(root: Path, paths: list[Path]) -> list[str]:
    """Each painting's title from the data folder's sources.json (its file name if unknown)."""
    sources = root / "sources.json"
    known = {e["file"]: e.get("title", "") for e in json.loads(sources.read_text())} if sources.exists() else {}
    return [known.get(p.relative_to(root).as_posix()) or p.stem for p in paths]


evaluate = evaluate_vangogh
