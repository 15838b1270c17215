"""Datasets for the trainers, and offline builders (``python -m train.data prepare NAME``).

Small-image datasets (cars, cgan) live in memory as uint8 arrays:
``load_arrays(name) -> (x uint8 (N, H, W, C), y int64 (N,) or None, class_names or None)``.

``name`` may be:
  * ``fashion_mnist`` / ``cifar10``: through the Keras dataset cache (``~/.keras/datasets``);
    ``prepare fashion_mnist`` fills that cache offline from Debian's dataset-fashion-mnist;
  * ``cars_synth``: procedural car fronts (train/carsynth.py), rendered by ``prepare cars_synth``;
  * a folder of images (unconditional), e.g. CompCars surveillance crops;
  * a folder of class subfolders (labels = sorted folder names).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from train.common import ROOT

DATA = ROOT / "data"
IMAGE_EXT = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}
KERAS_DATASETS = Path.home() / ".keras" / "datasets"
FASHION_FILES = [
    "train-images-idx3-ubyte.gz",
    "train-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
]
CIFAR10_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
FASHION_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


def debian_package_files(package: str, cache: Path | None = None) -> Path:
    """Download a Debian package (no install) and unpack it; returns the unpack root."""
    cache = cache or DATA / "debs"
    root = cache / package
    if root.exists():
        return root
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", package], cwd=tmp, check=True)
        deb = next(Path(tmp).glob(f"{package}_*.deb"))
        part = cache / (package + ".part")
        shutil.rmtree(part, ignore_errors=True)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(part)], check=True)
        part.rename(root)
    return root


def prepare_fashion_mnist() -> Path:
    """Copy Fashion-MNIST from Debian's dataset-fashion-mnist into the Keras cache."""
    dest = KERAS_DATASETS / "fashion-mnist"
    if all((dest / f).exists() for f in FASHION_FILES):
        return dest
    src = debian_package_files("dataset-fashion-mnist") / "usr/share/datasets/fashion-mnist"
    dest.mkdir(parents=True, exist_ok=True)
    for f in FASHION_FILES:
        shutil.copy(src / f, dest / f)
    return dest


def _read_idx(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_fashion_mnist(split: str = "train"):
    """Fashion-MNIST from the Keras cache layout. x uint8 (N, 28, 28, 1), y int64."""
    root = KERAS_DATASETS / "fashion-mnist"
    if not (root / FASHION_FILES[0]).exists():
        raise FileNotFoundError(
            "Fashion-MNIST is not in the Keras cache: run `python -m train.data prepare fashion_mnist`."
        )
    pre = "train" if split == "train" else "t10k"
    x = _read_idx(root / f"{pre}-images-idx3-ubyte.gz")[..., None]
    y = _read_idx(root / f"{pre}-labels-idx1-ubyte.gz").astype(np.int64)
    return x, y, FASHION_CLASSES


def load_cifar10(split: str = "train"):
    """CIFAR-10 through keras.datasets (downloads online; uses the Keras cache offline)."""
    import keras

    (xt, yt), (xs, ys) = keras.datasets.cifar10.load_data()
    x, y = (xt, yt) if split == "train" else (xs, ys)
    return x, y.reshape(-1).astype(np.int64), CIFAR10_CLASSES


def list_images(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_EXT)


def load_folder(folder: Path, size: int, channels: int = 3):
    """A folder of images, or of class subfolders. Images are centre-cropped to square
    and resized to ``size``. Unreadable files are skipped with a warning."""
    from PIL import Image, ImageOps

    from ganapp.imaging import ImageError, load_image

    subdirs = sorted(p for p in folder.iterdir() if p.is_dir())
    classes = (
        tuple(p.name for p in subdirs)
        if subdirs and not any(p.suffix.lower() in IMAGE_EXT for p in folder.iterdir())
        else None
    )
    files, labels = [], []
    for i, d in enumerate(subdirs if classes else [folder]):
        for f in list_images(d):
            files.append(f)
            labels.append(i)
    if not files:
        raise FileNotFoundError(f"No images found in {folder}.")
    out = []
    for f in files:
        try:
            img = load_image(f, min_side=8)
        except ImageError as e:
            print(f"skipping {f}: {e}")
            continue
        img = ImageOps.fit(img, (size, size), Image.LANCZOS)
        if channels == 1:
            img = img.convert("L")
        out.append(np.asarray(img).reshape(size, size, channels))
    return np.stack(out), (np.array(labels, np.int64) if classes else None), classes


def prepare_cars_synth(n: int = 30000, size: int = 32) -> Path:
    from train.carsynth import render_many

    path = DATA / f"cars_synth_{size}.npz"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    x = render_many(n, seed=0, size=size)
    np.savez_compressed(path, x=x)
    return path


def load_arrays(name: str, size: int = 32, channels: int = 3, split: str = "train"):
    """Dispatch a dataset name or folder to its loader (see the module docstring)."""
    if name == "fashion_mnist":
        return load_fashion_mnist(split)
    if name == "cifar10":
        return load_cifar10(split)
    if name == "cars_synth":
        path = DATA / f"cars_synth_{size}.npz"
        if not path.exists():
            raise FileNotFoundError(
                "Synthetic cars are not rendered yet: run `python -m train.data prepare cars_synth`."
            )
        x = np.load(path)["x"]
        # the last 2000 renders are held out for evaluation
        return (x[:-2000] if split == "train" else x[-2000:]), None, None
    folder = Path(name)
    if folder.is_dir():
        return load_folder(folder, size, channels)
    raise FileNotFoundError(f"Unknown dataset {name!r}: give fashion_mnist, cifar10, cars_synth or a folder of images.")


# --------------------------------------------------------------------- paintings
GC_RCC = "usr/share/gcompris-qt/rcc"
CV_DATA = "usr/share/doc/opencv-doc/examples/data"  # inside Debian's opencv-doc
GC_DETAILS = "gcompris/src/activities/details/resource/image/"
GC_PAINTINGS = "gcompris/src/activities/paintings/resource/"


def gcompris_paintings() -> list[dict]:
    """The 22 public-domain paintings of gcompris-qt-data's puzzle activity, put back together
    from their tiles: ``[{"board": N, "title": str, "image": PIL RGB, "source": str}]``.

    Each ``board/boardN_0.qml`` gives the canvas size and, per tile, its centre as fractions
    of the canvas; the tiles are alpha-composited there and the result cropped to their box."""
    import io
    import re

    from PIL import Image

    from train.rcc import read_rcc

    files = read_rcc(debian_package_files("gcompris-qt-data") / GC_RCC / "paintings.rcc")
    out = []
    boards = sorted((int(m.group(1)), k) for k in files if (m := re.search(r"board/board(\d+)_0\.qml$", k)))
    for n, key in boards:
        qml = files[key].decode("utf-8")
        width = int(re.search(r'"width"\s*:\s*"?(\d+)', qml).group(1))
        height = int(re.search(r'"height"\s*:\s*"?(\d+)', qml).group(1))
        tiles = re.findall(
            r'"pixmapfile"\s*:\s*"(image/[^"]+\.webp)",\s*"x"\s*:\s*"([\d.]+)",\s*"y"\s*:\s*"([\d.]+)"', qml
        )
        canvas = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        for name, x, y in tiles:
            tile = Image.open(io.BytesIO(files[GC_PAINTINGS + name]), formats=["WEBP"]).convert("RGBA")
            canvas.alpha_composite(
                tile, (round(float(x) * width - tile.width / 2), round(float(y) * height - tile.height / 2))
            )
        title = re.search(r'qsTr\("([^"]*)"\)', qml).group(1)
        image = canvas.crop(canvas.getchannel("A").getbbox()).convert("RGB")
        out.append(
            {
                "board": n,
                "title": title,
                "image": image,
                "source": f"Debian gcompris-qt-data paintings.rcc: board {n} ({len(tiles)} tiles; WebMuseum)",
            }
        )
    return out


def debian_copyright_licences(root: Path, package: str) -> dict[str, str]:
    """{file name: licence} from a Debian package's machine-readable copyright file."""
    text = (root / "usr/share/doc" / package / "copyright").read_text(errors="replace")
    out = {}
    for block in text.split("\n\n"):
        fields = dict(line.split(":", 1) for line in block.splitlines() if ":" in line and not line.startswith(" "))
        for name in fields.get("Files", "").split():
            out[Path(name).name] = f"{fields.get('License', '?').strip()}, (c) {fields.get('Copyright', '?').strip()}"
    return out


GCOMPRIS_DEFAULT_LICENCE = "GPL-3+ (gcompris-qt-data's licence for files its copyright file does not list)"


def gcompris_copyright() -> dict[str, str]:
    """{file stem: licence} from gcompris-qt-data's Debian copyright file."""
    return {
        Path(k).stem: v
        for k, v in debian_copyright_licences(debian_package_files("gcompris-qt-data"), "gcompris-qt-data").items()
    }


def rcc_readme(files: dict[str, bytes]) -> str:
    """The README in a gcompris resource bundle (its images' sources and licences), or ''."""
    return next((v.decode("utf-8", "replace") for k, v in files.items() if k.endswith("README")), "")


def gcompris_licence(name: str, readme: str, dep5: dict[str, str]) -> str:
    """The licence of gcompris image ``name``: its entry in the README of its folder, else in
    the package's copyright file, else the package's default."""
    stem = Path(name).stem
    for block in readme.split("\n\n"):
        if stem in block:
            return " ".join(line for line in block.splitlines() if line.startswith(("License", "Comment")))
    return dep5.get(stem, GCOMPRIS_DEFAULT_LICENCE)


# --------------------------------------------------------------------- style presets
STYLE_PRESETS = (  # (key, title, artist, year, where): the style tab's gallery, public-domain paintings
    ("starry_night", "The Starry Night", "Vincent van Gogh", "1889", "opencv-doc:starry_night.jpg"),
    ("village_street", "Village Street in Auvers", "Vincent van Gogh", "1890", "paintings:22"),
    ("night_cafe", "The Night Cafe", "Vincent van Gogh", "1888", "details:Van_Gogh_The_Night_Cafe_background"),
    ("great_wave", "The Great Wave off Kanagawa", "Katsushika Hokusai", "1823-1829", "paintings:7"),
    ("composition_viii", "Composition VIII", "Wassily Kandinsky", "1923", "paintings:19"),
    ("harvesters", "The Harvesters", "Pieter Bruegel the Elder", "1565", "paintings:17"),
    ("moulin_galette", "Bal du moulin de la Galette", "Pierre-Auguste Renoir", "1876", "paintings:1"),
    ("ejiri", "Ejiri in Suruga Province", "Katsushika Hokusai", "1830-1833", "paintings:6"),
    (
        "langlois_bridge",
        "Langlois Bridge at Arles",
        "Vincent van Gogh",
        "1888",
        "details:VincentVanGoghBridge_background",
    ),
)


def prepare_style_presets(out: Path = ROOT / "weights" / "style" / "presets", long_side: int = 512) -> Path:
    """The style tab's gallery: public-domain paintings from Debian packages, reduced to
    ``long_side`` px, with presets.json (title, artist, year, source, licence), in gallery order."""
    import json

    from ganapp.imaging import load_image, resize_max_side
    from train.rcc import read_rcc

    gc = debian_package_files("gcompris-qt-data")
    boards = {p["board"]: p for p in gcompris_paintings()}
    details = read_rcc(gc / GC_RCC / "details.rcc")
    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for key, title, artist, year, where in STYLE_PRESETS:
        kind, ref = where.split(":")
        if kind == "paintings":
            img, source = boards[int(ref)]["image"], boards[int(ref)]["source"]
        elif kind == "details":
            img, source = (
                load_image(details[f"{GC_DETAILS}{ref}.webp"]),
                f"Debian gcompris-qt-data details.rcc: {ref}.webp",
            )
        else:
            path = debian_package_files("opencv-doc") / CV_DATA / ref
            img, source = load_image(path.read_bytes()), f"Debian opencv-doc examples: {ref}"
        resize_max_side(img, long_side).save(out / f"{key}.jpg", quality=90)
        entries.append(
            {
                "key": key,
                "file": f"{key}.jpg",
                "title": title,
                "artist": artist,
                "year": year,
                "source": source,
                "licence": "public domain (the painting); reproduction via the Debian package named",
            }
        )
    (out / "presets.json").write_text(json.dumps(entries, indent=1) + "\n")
    return out


# --------------------------------------------------------------------- van Gogh
VANGOGH_PAINTINGS = {  # gcompris 'details' backgrounds that are van Gogh paintings (public domain)
    "Van_Gogh_The_Night_Cafe_background": "The Night Cafe (1888)",
    "VincentVanGoghBridge_background": "Langlois Bridge at Arles (1888)",
    "VincentVanGogh0012_background": "van Gogh painting (gcompris VincentVanGogh0012)",
    "VincentVanGogh0013_background": "van Gogh painting (gcompris VincentVanGogh0013)",
    "VincentVanGogh0019_background": "van Gogh painting (gcompris VincentVanGogh0019)",
    "Gogh4_background": "van Gogh painting (gcompris Gogh4)",
    "PortraitOfPereTanguy_background": "Portrait of Pere Tanguy (1887)",
    "Eglise_dAuvers-sur-Oise_background": "The Church at Auvers (1890)",
}
# never trained on: testB/, the paintings that the evaluation measures style distance to
VANGOGH_HELDOUT = ("The Starry Night (1889)", "The Church at Auvers (1890)")
PHOTO_BUNDLES = ("erase", "explore_monuments", "explore_world_animals", "explore_farm_animals")
LOMIRI = "lomiri-wallpapers-16.04"
LOMIRI_PHOTOS = (
    "Bridge_by_Sander_Klootwijk",
    "Dragonfly_by_Bolly",
    "Picture_0B_by_freespace",
    "Picture_1A_by_freespace",
    "Wine_by_Jakkub_Mede",
    "aitzgorri_by_Aitzol_Berasategi",
    "friends_by_Aitzol_Berasategi",
    "life_by_Aitzol_Berasategi",
    "picosdeeuropa_by_Aitzol_Berasategi",
    "seeding_by_Clements_Engelhardt",
    "sunset_by_Aitzol_Berasategi",
)  # the photographs, not the abstracts
LOMIRI_TEST = ("Bridge_by_Sander_Klootwijk", "life_by_Aitzol_Berasategi")


def prepare_vangogh(test_fraction: float = 0.12) -> Path:
    """Unpaired photo/painting folders in the authors' layout (trainA = photos, trainB =
    paintings, testA = held-out photos, testB = held-out paintings), built from Debian
    packages, with sources.json (source and licence of every file)."""
    import json

    from ganapp.imaging import load_image, resize_max_side
    from train.rcc import read_rcc

    root = DATA / "vangogh"
    if (root / "sources.json").exists():
        return root
    gc = debian_package_files("gcompris-qt-data")
    cv = debian_package_files("opencv-doc")
    for sub in ("trainA", "trainB", "testA", "testB"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    sources = []
    details = read_rcc(gc / GC_RCC / "details.rcc")
    paintings = [
        (load_image(details[f"{GC_DETAILS}{k}.webp"]), title, f"Debian gcompris-qt-data details.rcc: {k}.webp")
        for k, title in VANGOGH_PAINTINGS.items()
    ]
    starry = cv / CV_DATA / "starry_night.jpg"
    paintings.append(
        (load_image(starry.read_bytes()), "The Starry Night (1889)", "Debian opencv-doc examples: starry_night.jpg")
    )
    paintings += [
        (p["image"], "Village Street in Auvers (1890)", p["source"])
        for p in gcompris_paintings()
        if "Van Gogh" in p["title"]
    ]
    for i, (img, title, source) in enumerate(paintings):
        out = f"{'testB' if title in VANGOGH_HELDOUT else 'trainB'}/painting_{i:02d}.png"
        img.save(root / out)
        sources.append({"file": out, "source": source, "title": title, "licence": "public domain (van Gogh, d. 1890)"})
    photos, dep5 = [], gcompris_copyright()
    for bundle in PHOTO_BUNDLES:
        files = read_rcc(gc / GC_RCC / f"{bundle}.rcc")
        readme = rcc_readme(files)
        for k, v in sorted(files.items()):
            if k.endswith((".webp", ".jpg", ".png")) and not k.endswith(".svg"):
                photos.append((bundle, k, v, readme))
    rng = np.random.default_rng(0)
    order = rng.permutation(len(photos))
    n_test = max(4, int(len(photos) * test_fraction))
    kept = 0
    for rank, idx in enumerate(order):
        bundle, name, data, readme = photos[idx]
        try:
            img = load_image(data, min_side=200)
        except Exception:
            continue  # icons and small UI graphics
        split = "testA" if rank < n_test else "trainA"
        out = f"{split}/photo_{kept:03d}.jpg"
        resize_max_side(img, 512).save(root / out, quality=92)
        sources.append(
            {
                "file": out,
                "source": f"Debian gcompris-qt-data {bundle}.rcc: {name}",
                "licence": gcompris_licence(name, readme, dep5),
            }
        )
        kept += 1
    lomiri = debian_package_files(LOMIRI)
    licences = debian_copyright_licences(lomiri, LOMIRI)
    for name in LOMIRI_PHOTOS:  # landscapes and everyday scenes, 512 px like the rest
        out = f"{'testA' if name in LOMIRI_TEST else 'trainA'}/wallpaper_{name}.jpg"
        resize_max_side(load_image(lomiri / "usr/share/backgrounds" / f"{name}.jpg"), 512).save(root / out, quality=92)
        sources.append(
            {"file": out, "source": f"Debian {LOMIRI}: {name}.jpg", "licence": licences.get(f"{name}.jpg", "?")}
        )
    (root / "sources.json").write_text(json.dumps(sources, indent=1) + "\n")
    return root


# --------------------------------------------------------------------- buildings (pix2pix)
BUILDING_SOURCES = (  # (bundle, path filter) inside gcompris-qt-data
    ("explore_monuments", ""),
    ("details", "_background"),
    ("categorization", "/monuments/"),
)


def building_photos() -> list[tuple[str, bytes, str]]:
    """(source, bytes, licence) of every building photo found in the Debian packages."""
    from train.rcc import read_rcc

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


def prepare_buildings(
    size: int = 286, test_fraction: float = 0.1, val_fraction: float = 0.1, zoom_crops: int = 2
) -> Path:
    """Sketch|photo pairs (side by side, A = sketch, B = photo) at ``size`` px in train/, val/
    and test/, split by source photo; sketches come from ganapp.models.pix2pix.sketch.photo_to_sketch. val/
    chooses the epoch to export, test/ is only for the final evaluation. Each training photo
    also gives ``zoom_crops`` closer views (a random square of 55-75 % of its short side);
    val and test photos give only their full-height crops."""
    import json

    from PIL import Image, ImageOps

    from ganapp.imaging import load_image
    from ganapp.models.pix2pix.sketch import photo_to_sketch

    root = DATA / "buildings"
    if (root / "sources.json").exists():
        return root
    for sub in ("train", "val", "test"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    photos = building_photos()
    order = np.random.default_rng(0).permutation(len(photos))
    n_test = max(2, int(len(photos) * test_fraction))
    n_val = max(2, int(len(photos) * val_fraction)) if val_fraction else 0
    sources = []
    for rank, idx in enumerate(order):
        name, data, licence = photos[idx]
        try:
            img = load_image(data, min_side=200)
        except Exception:
            continue
        w, h = img.size
        split = "test" if rank < n_test else "val" if rank < n_test + n_val else "train"
        # square crops across the long side: a wide photo gives two or three training pairs
        n = 1 if max(w, h) < 1.4 * min(w, h) else min(3, round(max(w, h) / min(w, h) + 0.5))
        crops = [
            ImageOps.fit(img, (size, size), Image.LANCZOS, centering=(frac, 0.5) if w >= h else (0.5, frac))
            for frac in ([0.5] if n == 1 else [k / (n - 1) for k in range(n)])
        ]
        rng = np.random.default_rng(rank)
        for _ in range(zoom_crops if split == "train" else 0):
            side = int(min(w, h) * rng.uniform(0.55, 0.75))
            x, y = rng.integers(0, w - side + 1), rng.integers(0, h - side + 1)
            crops.append(img.crop((x, y, x + side, y + side)).resize((size, size), Image.LANCZOS))
        for crop in crops:
            pair = Image.new("RGB", (2 * size, size))
            pair.paste(photo_to_sketch(crop), (0, 0))
            pair.paste(crop, (size, 0))
            out = f"{split}/{len(sources):04d}.jpg"
            pair.save(root / out, quality=95)
            sources.append({"file": out, "source": name, "licence": licence})
    (root / "sources.json").write_text(json.dumps(sources, indent=1) + "\n")
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


PREPARERS = {
    "fashion_mnist": prepare_fashion_mnist,
    "cars_synth": prepare_cars_synth,
    "vangogh": prepare_vangogh,
    "buildings": prepare_buildings,
    "style_presets": prepare_style_presets,
}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Build offline datasets.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="build a dataset")
    p.add_argument("name", choices=sorted(PREPARERS))
    args = parser.parse_args(argv)
    print(PREPARERS[args.name]())


if __name__ == "__main__":
    main()
