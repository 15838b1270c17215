"""Offline data from Debian's packages: downloading and unpacking a package, its machine-readable
copyright file, and gcompris-qt-data's Qt resource bundles (the photos and paintings behind
the van Gogh and building datasets)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

from train import DATA

# the offline photos (not drawings, icons or abstracts), for the models that learn from photos
PHOTO_BUNDLES = ("erase", "explore_monuments", "explore_world_animals", "explore_farm_animals")  # gcompris-qt-data


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

    from train.debian import read_rcc

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


def read_rcc(path: str | Path) -> dict[str, bytes]:
    """{path inside the bundle: file bytes} for every file in an .rcc bundle."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"qres":
        raise ValueError(f"{path} is not a Qt resource bundle")
    version, tree, data, names = struct.unpack(">IIII", buf[4:20])
    node = 22 if version >= 2 else 14

    def name(off):
        n = struct.unpack(">H", buf[names + off : names + off + 2])[0]
        return buf[names + off + 6 : names + off + 6 + 2 * n].decode("utf-16-be")

    out: dict[str, bytes] = {}

    def walk(index, prefix):
        base = tree + index * node
        name_off, flags = struct.unpack(">IH", buf[base : base + 6])
        label = name(name_off) if index else ""
        full = f"{prefix}/{label}" if label else prefix
        if flags & 2:
            count, first = struct.unpack(">II", buf[base + 6 : base + 14])
            for child in range(first, first + count):
                walk(child, full)
            return
        off = struct.unpack(">I", buf[base + 10 : base + 14])[0]
        size = struct.unpack(">I", buf[data + off : data + off + 4])[0]
        blob = buf[data + off + 4 : data + off + 4 + size]
        if flags & 1:
            blob = zlib.decompress(blob[4:])
        elif flags & 4:
            import zstandard

            blob = zstandard.ZstdDecompressor().decompress(blob)
        out[full.lstrip("/")] = blob

    walk(0, "")
    return out
