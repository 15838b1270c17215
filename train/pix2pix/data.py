"""The sketch -> building pairs (``python -m train.data prepare buildings``): building and
monument photos from Debian packages with their HED sketches, split by source photo; the
hand-drawn redrawing of a sketch; and any folder of side-by-side A|B pairs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from train import DATA
from train.data import list_images
from train.debian import (
    CV_DATA,
    GC_RCC,
    debian_package_files,
    gcompris_copyright,
    gcompris_licence,
    rcc_readme,
)

BUILDING_SOURCES = (  # (bundle, path filter) inside gcompris-qt-data
    ("explore_monuments", ""),
    ("details", "_background"),
    ("categorization", "/monuments/"),
)


def building_photos() -> list[tuple[str, bytes, str]]:
    """(source, bytes, licence) of every building photo found in the Debian packages."""
    from train.debian import read_rcc

    gc = debian_package_files("gcompris-qt-data")
    cv = debian_package_files("opencv-doc") / CV_DATA
    out = [
        (f"Debian opencv-doc: {n}", (cv / n).read_bytes(), "BSD (OpenCV sample data)")
        for n in ("building.jpg", "home.jpg")
    ]
    dep5 = gcompris_copyright()
    for bundle, needle in BUILDING_SOURCES:
        files = read_rcc(gc / GC_RCC / f"{bundle}.rcc")
        readme = rcc_readme(files)
        for k, v in sorted(files.items()):
            if (
                k.endswith((".webp", ".jpg", ".png"))
                and needle in k
                and "Gogh" not in k
                and "Eglise" not in k
                and "Portrait" not in k
            ):
                out.append((f"Debian gcompris-qt-data {bundle}.rcc: {k}", v, gcompris_licence(k, readme, dep5)))
    return out


def _square_crops(img, size: int, zoom_crops: int, rng: np.random.Generator) -> list:
    """Square ``size`` px crops of a PIL image: across the long side (a wide photo gives two or
    three), then ``zoom_crops`` closer views (a random square of 55-75 % of its short side)."""
    from PIL import Image, ImageOps

    w, h = img.size
    n = 1 if max(w, h) < 1.4 * min(w, h) else min(3, round(max(w, h) / min(w, h) + 0.5))
    crops = [
        ImageOps.fit(img, (size, size), Image.LANCZOS, centering=(frac, 0.5) if w >= h else (0.5, frac))
        for frac in ([0.5] if n == 1 else [k / (n - 1) for k in range(n)])
    ]
    for _ in range(zoom_crops):
        side = int(min(w, h) * rng.uniform(0.55, 0.75))
        x, y = rng.integers(0, w - side + 1), rng.integers(0, h - side + 1)
        crops.append(img.crop((x, y, x + side, y + side)).resize((size, size), Image.LANCZOS))
    return crops


def _write_pairs(root: Path, photos, split_of, size: int, zoom_crops: int) -> list[dict]:
    """Sketch|photo pairs (A = the HED sketch, B = the photo) of ``photos`` ((source, bytes,
    licence); ``split_of(rank)`` names each one's folder, training photos also give zoom crops)
    under ``root``; returns their sources."""
    from PIL import Image

    from ganapp.imaging import load_image
    from ganapp.models.pix2pix.sketch import photo_to_sketch

    sources = []
    for rank, (name, data, licence) in enumerate(photos):
        try:
            img = load_image(data, min_side=200)
        except Exception:
            continue  # icons and small UI graphics
        split = split_of(rank)
        for crop in _square_crops(img, size, zoom_crops if split == "train" else 0, np.random.default_rng(rank)):
            pair = Image.new("RGB", (2 * size, size))
            pair.paste(photo_to_sketch(crop), (0, 0))
            pair.paste(crop, (size, 0))
            out = f"{split}/{len(sources):04d}.jpg"
            (root / split).mkdir(parents=True, exist_ok=True)
            pair.save(root / out, quality=95)
            sources.append({"file": out, "source": name, "licence": licence})
    (root / "sources.json").write_text(json.dumps(sources, indent=1) + "\n")
    return sources


def _subject(source: str) -> str:
    """A photo's subject as its file name says it ("christTheRedeemer"): the same photo sits in
    several gcompris bundles, at different sizes."""
    return Path(source.split(": ")[-1]).stem.lower()


def _shows_held_out(source: str, held: set[str]) -> bool:
    """Whether a photo shows the subject of a held-out one (also "greatPyramidofGiza" for "greatPyramid")."""
    s = _subject(source)
    return any(s.startswith(h) or h.startswith(s) for h in held)


def prepare_buildings(
    size: int = 286, test_fraction: float = 0.1, val_fraction: float = 0.1, zoom_crops: int = 2
) -> Path:
    """Sketch|photo pairs (side by side, A = sketch, B = photo) at ``size`` px in train/, val/
    and test/, split by source photo (a training photo never shows a val or test photo's subject,
    also from another bundle); sketches come from ganapp.models.pix2pix.sketch.photo_to_sketch. val/
    chooses the epoch to export, test/ is only for the final evaluation. Each training photo
    also gives ``zoom_crops`` closer views (a random square of 55-75 % of its short side);
    val and test photos give only their full-height crops."""
    root = DATA / "buildings"
    if (root / "sources.json").exists():
        return root
    photos = building_photos()
    order = np.random.default_rng(0).permutation(len(photos))
    n_test = max(2, int(len(photos) * test_fraction))
    n_val = max(2, int(len(photos) * val_fraction)) if val_fraction else 0
    held = {_subject(photos[i][0]) for i in order[: n_test + n_val]}
    kept = [photos[i] for r, i in enumerate(order) if r < n_test + n_val or not _shows_held_out(photos[i][0], held)]
    for sub in ("train", "val", "test"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    _write_pairs(
        root,
        kept,
        lambda rank: "test" if rank < n_test else "val" if rank < n_test + n_val else "train",
        size,
        zoom_crops,
    )
    return root


def other_photos() -> list[tuple[str, bytes, str]]:
    """(source, bytes, licence) of the offline photos that are not the building set's: nature,
    animals, monuments (gcompris-qt-data) and landscapes (lomiri-wallpapers)."""
    from train.debian import LOMIRI, LOMIRI_PHOTOS, PHOTO_BUNDLES, debian_copyright_licences, read_rcc

    gc, dep5, out = debian_package_files("gcompris-qt-data"), gcompris_copyright(), []
    for bundle in PHOTO_BUNDLES:
        files = read_rcc(gc / GC_RCC / f"{bundle}.rcc")
        readme = rcc_readme(files)
        for k, v in sorted(files.items()):
            if k.endswith((".webp", ".jpg", ".png")):
                out.append((f"Debian gcompris-qt-data {bundle}.rcc: {k}", v, gcompris_licence(k, readme, dep5)))
    lomiri = debian_package_files(LOMIRI)
    licences = debian_copyright_licences(lomiri, LOMIRI)
    for name in LOMIRI_PHOTOS:
        path = lomiri / "usr/share/backgrounds" / f"{name}.jpg"
        out.append((f"Debian {LOMIRI}: {name}.jpg", path.read_bytes(), licences.get(f"{name}.jpg", "?")))
    return out


def prepare_sketch_photos(size: int = 286, zoom_crops: int = 1) -> Path:
    """Pretraining pairs (train/ only) from every other offline photo: what a sketch of a tree,
    a sky, water or a meadow becomes, learnt from more than the buildings alone show. Photos of
    the building set's val/ and test/ subjects are left out, so those stay unseen."""
    root = DATA / "sketch_photos"
    if (root / "sources.json").exists():
        return root
    buildings = json.loads((prepare_buildings() / "sources.json").read_text())
    held = {_subject(s["source"]) for s in buildings if not s["file"].startswith("train/")}
    photos = [p for p in other_photos() if not _shows_held_out(p[0], held)]
    _write_pairs(root, photos, lambda rank: "train", size, zoom_crops)
    return root


def hand_drawn(sketch: np.ndarray, rng: np.random.Generator, strength: float = 1.0) -> np.ndarray:
    """A HED sketch (uint8 (H, W, 3), dark lines on white) redrawn the way a person draws on the
    app's canvas: short clutter strokes left out, gaps where the pen lifted, lines that wobble by
    up to three pixels, a pen that is sometimes thicker. ``strength`` in [0, 1] scales all of it
    (0 returns the sketch unchanged); ``rng`` decides everything, so a seed repeats a drawing."""
    from scipy import ndimage

    if strength <= 0:
        return sketch
    h, w = sketch.shape[:2]
    lines = sketch.mean(-1) < 128
    labels, n = ndimage.label(lines, structure=np.ones((3, 3)))
    if n:  # clutter: short strokes (texture, foliage) are mostly not drawn by hand
        sizes = np.bincount(labels.ravel(), minlength=n + 1)
        keep = (sizes >= 60) | (rng.random(n + 1) > 0.7 * strength)
        keep[0] = False
        lines = keep[labels]
    for _ in range(int(rng.integers(0, 1 + round(8 * strength)))):  # the pen lifts
        cy, cx, r = rng.integers(0, h), rng.integers(0, w), rng.uniform(3, 12)
        yy, xx = np.ogrid[:h, :w]
        lines &= (yy - cy) ** 2 + (xx - cx) ** 2 > r * r
    # the hand wobbles: a smooth displacement field of up to 3 px
    field = [ndimage.zoom(rng.normal(0, 1, (h // 32 + 2, w // 32 + 2)), 32, order=3)[:h, :w] for _ in range(2)]
    amp = 3.0 * strength / max(1e-6, max(np.abs(f).max() for f in field))
    yy, xx = np.mgrid[:h, :w].astype(np.float32)
    moved = (
        ndimage.map_coordinates(
            lines.astype(np.float32), [yy + amp * field[0], xx + amp * field[1]], order=1, mode="nearest"
        )
        > 0.4
    )
    if rng.random() < 0.4 * strength:  # a broader pen
        moved = ndimage.binary_dilation(moved, structure=ndimage.generate_binary_structure(2, 1))
    return np.repeat(np.where(moved, 0, 255).astype(np.uint8)[..., None], 3, -1)


def load_pairs(folder: Path, direction: str = "AtoB") -> tuple[np.ndarray, np.ndarray]:
    """Side-by-side A|B images (the pix2pix authors' layout, e.g. CMP facades' train/) ->
    (inputs, targets) uint8 (N, H, W, 3). ``direction='BtoA'`` swaps them."""
    from ganapp.imaging import load_image

    a, b = [], []
    for p in list_images(folder):
        arr = np.asarray(load_image(p))
        half = arr.shape[1] // 2
        a.append(arr[:, :half])
        b.append(arr[:, half : 2 * half])
    if not a:
        raise FileNotFoundError(f"No paired images in {folder}.")
    a, b = np.stack(a), np.stack(b)
    return (a, b) if direction == "AtoB" else (b, a)


PREPARE = {"buildings": prepare_buildings, "sketch_photos": prepare_sketch_photos}
