"""The van Gogh CycleGAN's offline data (``python -m train.data prepare vangogh``): van Gogh
paintings and photos from Debian packages, split into train/test by source."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from train import DATA
from train.debian import (
    CV_DATA,
    GC_DETAILS,
    GC_RCC,
    LOMIRI,
    LOMIRI_PHOTOS,
    PHOTO_BUNDLES,
    debian_copyright_licences,
    debian_package_files,
    gcompris_copyright,
    gcompris_licence,
    gcompris_paintings,
    rcc_readme,
)

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


LOMIRI_TEST = ("Bridge_by_Sander_Klootwijk", "life_by_Aitzol_Berasategi")


def prepare_vangogh(test_fraction: float = 0.12) -> Path:
    """Unpaired photo/painting folders in the authors' layout (trainA = photos, trainB =
    paintings, testA = held-out photos, testB = held-out paintings), built from Debian
    packages, with sources.json (source and licence of every file)."""

    from ganapp.imaging import load_image, resize_max_side
    from train.debian import read_rcc

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


PREPARE = {"vangogh": prepare_vangogh}
