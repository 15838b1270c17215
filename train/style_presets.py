"""The style tab's gallery: public-domain paintings from Debian's packages, written to
``weights/style/presets`` with their ``presets.json`` (``python -m train.data prepare style_presets``)."""

from __future__ import annotations

import json
from pathlib import Path

from train.debian import CV_DATA, GC_DETAILS, GC_RCC, debian_package_files, gcompris_paintings

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


def prepare_style_presets(out: Path | None = None, long_side: int = 512) -> Path:
    """The style tab's gallery: public-domain paintings from Debian packages, reduced to
    ``long_side`` px, with presets.json (title, artist, year, source, licence), in gallery order;
    ``out`` defaults to the weights folder's ``style/presets``."""
    from ganapp import style_presets

    out = out or style_presets.folder()

    from ganapp.imaging import load_image, resize_max_side
    from train.debian import read_rcc

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


PREPARE = {"style_presets": prepare_style_presets}
