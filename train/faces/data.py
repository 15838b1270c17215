"""The cartoon-face DCGAN's offline data: DiceBear avatar faces (npm ``@dicebear/core`` and
``@dicebear/collection``, installed from the npm registry into the git-ignored data folder), drawn
as SVG by Node.js (render.mjs) and rasterised by ``resvg-py``; built once by ``python -m train.data
prepare faces``. Every face is recorded with its seed, style and credit; the last 1,000 (a tenth of
fewer) are held out."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np

from train import DATA

DICEBEAR = "9.4.3"
# head-and-shoulders styles (DiceBear's names) and their designs' licences (dicebear.com/licenses)
STYLES = ("lorelei", "adventurer", "micah", "bigEars", "toonHead")
LICENCES = {"lorelei": "CC0 1.0", "adventurer": "CC BY 4.0", "micah": "CC BY 4.0", "bigEars": "CC BY 4.0",
            "toonHead": "CC BY 4.0"}  # fmt: skip
HELD_OUT = 1000


def folder(root: Path | None = None) -> Path:
    return (root or DATA) / "faces"


def credits_file(root: Path | None = None) -> Path:
    """Per style: its designer, licence and how many faces (with their seeds) the data holds."""
    return folder(root) / "credits.json"


def install_dicebear(node_dir: Path) -> Path:
    """``@dicebear/core`` and ``@dicebear/collection`` at :data:`DICEBEAR` in ``node_dir`` (npm, once),
    with the renderer beside them (Node resolves packages from the script's own folder)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise FileNotFoundError("Rendering the faces needs Node.js and npm (e.g. Debian's nodejs and npm).")
    if not (node_dir / "node_modules" / "@dicebear" / "collection").is_dir():
        node_dir.mkdir(parents=True, exist_ok=True)
        packages = [f"@dicebear/core@{DICEBEAR}", f"@dicebear/collection@{DICEBEAR}"]
        subprocess.run(["npm", "install", "--prefix", str(node_dir), "--no-audit", "--no-fund", "--silent", *packages],
                       check=True, timeout=600)  # fmt: skip
    shutil.copy(Path(__file__).with_name("render.mjs"), node_dir / "render.mjs")
    return node_dir


def render(node_dir: Path, style: str, first: int, count: int, size: int) -> list[dict]:
    """``count`` faces of ``style`` from seed index ``first``: [{seed, svg}] (Node.js)."""
    out = subprocess.run(["node", str(node_dir / "render.mjs"), style, str(first), str(count), str(size)],
                         check=True, capture_output=True, text=True, timeout=600)  # fmt: skip
    return json.loads(out.stdout)


def rasterise(svg: str) -> np.ndarray:
    """An SVG at its own size -> uint8 (H, W, 3) (resvg; cairosvg draws these SVGs wrongly)."""
    import resvg_py
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(svg_string=svg)))).convert("RGB"))


def designer(svg: str) -> str:
    found = re.search(r"<dc:creator>(.*?)</dc:creator>", svg)
    return found.group(1) if found else "DiceBear"


def prepare_faces(n: int = 10000, size: int = 64, root: Path | None = None) -> Path:
    """``n`` faces (the same number of each style, interleaved) at ``size`` px into
    ``data/faces/faces_<size>.npz`` (``x`` uint8 (n, size, size, 3), ``style`` index, ``seed``), with
    each face's record in faces.json and the credits per style in credits.json."""
    out = folder(root)
    path = out / f"faces_{size}.npz"
    if path.exists():
        return path
    node_dir = install_dicebear(out / "node")
    per = -(-n // len(STYLES))
    faces, credits = [], []
    for s, style in enumerate(STYLES):
        rendered = render(node_dir, style, 0, per, size)
        faces.append([(rasterise(f["svg"]), s, f["seed"]) for f in rendered])
        credits.append({"style": style, "designer": designer(rendered[0]["svg"]), "licence": LICENCES[style],
                        "faces": per, "seeds": f"{style}-0 ... {style}-{per - 1}",
                        "source": f"npm @dicebear/collection {DICEBEAR} (DiceBear, code MIT)"})  # fmt: skip
    interleaved = [f for group in zip(*faces) for f in group][:n]  # every style in train and held-out
    np.savez_compressed(path, x=np.stack([f[0] for f in interleaved]), style=np.array([f[1] for f in interleaved]))
    records = [{"index": i, "seed": f[2], "style": STYLES[f[1]]} for i, f in enumerate(interleaved)]
    (out / "faces.json").write_text(json.dumps(records) + "\n")
    credits_file(root).write_text(json.dumps(credits, indent=1) + "\n")
    return path


def load_faces(size: int = 64, channels: int = 3, split: str = "train", root: Path | None = None):
    """(x uint8 (N, size, size, 3), None, None): the rendered faces, train or held-out split."""
    path = folder(root) / f"faces_{size}.npz"
    if not path.exists():
        raise FileNotFoundError(
            f"The faces are not rendered at {size} px yet: run `python -m train.data prepare faces`."
        )
    x = np.load(path)["x"]
    held = min(HELD_OUT, len(x) // 10)
    return (x[:-held] if split == "train" else x[-held:]), None, None


PREPARE = {"faces": prepare_faces}
DATASETS = {"faces": load_faces}
