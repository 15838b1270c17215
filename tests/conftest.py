"""Shared fixtures: tiny configs, tiny weights folders, hostile image files."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import socket
import struct
import sys
import threading
import time
import zlib
from pathlib import Path

import ganapp.web.webrtc  # noqa: F401  (first: it loads aiortc, which must come before TensorFlow)

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("GANAPP_STYLE_NET", "vgg16-hed")  # tests never try the VGG19 download
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "weights"
sys.path.insert(0, str(ROOT))

import numpy as np
import pytest
from PIL import Image

from ganapp.models.cars.config import DCGANConfig
from ganapp.models.cgan.config import CGANConfig
from ganapp.models.pix2pix.config import Pix2PixConfig
from ganapp.models.vangogh.config import CycleGANConfig


class RecordingHfApi:
    """Stand-in for huggingface_hub.HfApi (the Hub is unreachable from the test machines): records
    every call with its arguments; ``upload_folder`` selects the files it would send exactly as
    huggingface_hub's does (its filter and default ignore patterns) into ``uploaded``; any other
    Hub method fails the test."""

    def __init__(self):
        self.calls, self.uploaded = [], []

    def create_repo(self, repo_id, **kw):
        self.calls.append(("create_repo", repo_id, kw))

    def add_space_variable(self, repo_id, key, value, **kw):
        self.calls.append(("add_space_variable", repo_id, {"key": key, "value": value, **kw}))

    def upload_folder(self, *, repo_id, folder_path, allow_patterns=None, ignore_patterns=None, **kw):
        from huggingface_hub.utils import DEFAULT_IGNORE_PATTERNS, filter_repo_objects

        root = Path(folder_path)
        files = sorted(p.relative_to(root).as_posix() for p in root.glob("**/*") if p.is_file())
        self.uploaded = list(
            filter_repo_objects(
                files,
                allow_patterns=allow_patterns,
                ignore_patterns=[*(ignore_patterns or []), *DEFAULT_IGNORE_PATTERNS],
            )
        )
        self.calls.append(
            (
                "upload_folder",
                repo_id,
                {
                    "folder_path": folder_path,
                    "allow_patterns": allow_patterns,
                    "ignore_patterns": ignore_patterns,
                    **kw,
                },
            )
        )
        return f"https://hub.example/{repo_id}/commit/1"

    def __getattr__(self, name):
        raise AssertionError(f"unexpected Hub call: {name}")


TINY_DCGAN = DCGANConfig(image_size=16, latent_dim=8, gen_base=16, gen_filters=8, disc_filters=(8, 8, 8, 8))
TINY_CYCLEGAN = CycleGANConfig(image_size=16, gen_filters=4, res_blocks=1, disc_filters=4)
TINY_PIX2PIX = Pix2PixConfig(image_size=32, gen_filters=4, gen_max_filters=8, disc_filters=4)
TINY_CGAN = CGANConfig(
    image_size=8,
    channels=1,
    latent_dim=8,
    class_names=("zero", "one", "two"),
    embed_dim=4,
    gen_filters=(8, 4),
    disc_filters=(4, 8),
)


def write_weights(folder: Path, cfg, discriminator: bool = False, inverse: bool = False) -> Path:
    """A weights folder as the trainers export it, with randomly initialised weights (and the
    discriminator's, as the trainers export it, when asked; and a CycleGAN's way back, ``inverse``)."""
    from ganapp.config import save_config
    from ganapp.models import builders

    folder.mkdir(parents=True, exist_ok=True)
    save_config(cfg, folder / "config.json")
    builders(cfg.family).build_generator(cfg).save_weights(folder / "generator.weights.h5")
    if discriminator:
        builders(cfg.family).build_discriminator(cfg).save_weights(folder / "discriminator.weights.h5")
    if inverse:
        builders(cfg.family).build_generator(cfg).save_weights(folder / "inverse_generator.weights.h5")
    if getattr(cfg, "code_colours", 0):  # the training photos' colour codes (ganapp.models.pix2pix.code)
        rng = np.random.default_rng(0)
        np.savez(folder / "codes.npz", codes=rng.uniform(-1, 1, (6, 3 * cfg.code_colours)).astype(np.float32))
    return folder


@pytest.fixture
def tiny_weights(tmp_path, monkeypatch):
    """weights/ with tiny cars + cgan models and no pix2pix/vangogh; cache cleared around."""
    from ganapp import weights

    root = tmp_path / "weights"
    write_weights(root / "cars", TINY_DCGAN)
    write_weights(root / "cgan", TINY_CGAN)
    monkeypatch.setattr(weights, "WEIGHTS_DIR", root)
    weights.clear_cache()
    yield root
    weights.clear_cache()


def png_bytes(img: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", **kw)
    return buf.getvalue()


def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A valid PNG header claiming width x height, with almost no data (a decompression bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def photo(w: int = 96, h: int = 64, seed: int = 0) -> Image.Image:
    """A smooth colourful test picture (gradients + a disc), RGB."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w]
    arr = np.stack([x / w * 255, y / h * 255, (x + y) / (w + h) * 255], -1)
    arr[(x - w / 2) ** 2 + (y - h / 2) ** 2 < (min(w, h) / 4) ** 2] = rng.integers(0, 255, 3)
    return Image.fromarray(arr.astype(np.uint8))


@pytest.fixture
def hostile_files(tmp_path) -> dict[str, Path]:
    """Files that must be refused with a sentence."""
    files = {}

    def put(name, data):
        p = tmp_path / name
        p.write_bytes(data)
        files[name] = p

    good = png_bytes(photo())
    put("bomb.png", bomb_png())
    put("truncated.png", good[: len(good) // 2])
    put("not_an_image.png", b"%PDF-1.4 this is not an image\n" * 20)
    put("empty.png", b"")
    put("tiny.png", png_bytes(Image.new("RGB", (1, 1), "red")))
    put("sliver.png", png_bytes(Image.new("RGB", (2000, 20), "red")))
    return files


@pytest.fixture
def odd_files(tmp_path) -> dict[str, Path]:
    """Unusual but valid files that must be accepted and converted to RGB."""
    files = {}

    def put(name, img, fmt="PNG", **kw):
        p = tmp_path / name
        img.save(p, format=fmt, **kw)
        files[name] = p

    base = photo()
    put("palette.png", base.convert("P", palette=Image.ADAPTIVE))
    rgba = base.convert("RGBA")
    a = np.asarray(rgba).copy()
    a[..., 3] = 0  # fully transparent: must come out white
    put("alpha.png", Image.fromarray(a))
    put("grey.png", base.convert("L"))
    put("cmyk.jpg", base.convert("CMYK"), "JPEG")
    arr16 = np.asarray(base.convert("L"), np.uint16) * 257
    put("grey16.png", Image.fromarray(arr16))
    frames = [photo(seed=i) for i in range(3)]
    p = tmp_path / "animated.gif"
    frames[0].save(p, save_all=True, append_images=frames[1:], duration=100)
    files["animated.gif"] = p
    return files


@pytest.fixture
def unpaired(tmp_path):
    """A tiny unpaired photo/painting folder in the van Gogh layout (trainA, trainB, testA)."""
    rng = np.random.default_rng(0)
    for sub, n in (("trainA", 3), ("trainB", 2), ("testA", 2)):
        (tmp_path / sub).mkdir()
        for i in range(n):
            Image.fromarray(rng.integers(0, 255, (48, 64, 3), np.uint8)).save(tmp_path / sub / f"{i}.png")
    return tmp_path


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serves(url: str, seconds: float = 60.0) -> bool:
    """Whether ``url`` answers 200 within ``seconds`` (a server starting up)."""
    import httpx

    t0 = time.time()
    while time.time() - t0 < seconds:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.1)
    return False


def tiny_weights_root(root: Path) -> Path:
    """A weights folder with tiny random cars, cgan, vangogh and pix2pix models (with their discriminators,
    the vangogh way back and the pix2pix colour codes) and
    the shipped live-training sample (linked); no fast style model, no examples, no presets."""
    write_weights(root / "cars", TINY_DCGAN, discriminator=True)
    write_weights(root / "cgan", TINY_CGAN, discriminator=True)
    write_weights(root / "vangogh", TINY_CYCLEGAN, discriminator=True, inverse=True)
    write_weights(root / "pix2pix", dataclasses.replace(TINY_PIX2PIX, code_colours=2), discriminator=True)
    (root / "live").symlink_to(SHIPPED / "live")
    return root


@contextlib.contextmanager
def serving(weights_root: Path, **env):
    """The app (app.build_app) served in this process on a free port, on the models of
    ``weights_root``, with environment ``env`` set while it is built; yields its URL."""
    import uvicorn

    import app as app_module
    from ganapp import weights

    old, saved = weights.WEIGHTS_DIR, {k: os.environ.get(k) for k in env}
    weights.WEIGHTS_DIR = weights_root
    weights.clear_cache()
    os.environ.update(env)
    try:
        port = free_port()
        config = uvicorn.Config(app_module.build_app(), host="127.0.0.1", port=port, log_level="warning")
        srv = uvicorn.Server(config)
        thread = threading.Thread(target=srv.run, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{port}/"
        serves(url, 20)
        yield url
        # at once: a graceful exit waits for every client's keep-alive stream to close (10 s here)
        srv.should_exit = srv.force_exit = True
        thread.join(timeout=10)
    finally:
        for k, v in saved.items():
            os.environ.pop(k) if v is None else os.environ.__setitem__(k, v)
        weights.WEIGHTS_DIR = old
        weights.clear_cache()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(tiny_weights_root(tmp_path_factory.mktemp("weights"))) as url:
        yield url


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server, verbose=False)


@pytest.fixture(scope="session")
def live_app():
    """`python app.py` started as a user starts it, on the shipped weights."""
    import subprocess

    port = free_port()
    env = {
        **os.environ,
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GANAPP_STYLE_NET": "vgg16-hed",
    }
    proc = subprocess.Popen(
        [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    url = f"http://127.0.0.1:{port}/"
    if not serves(url, 60):
        proc.kill()
        pytest.fail("the app did not serve its page within 60 s:\n" + proc.stdout.read()[-3000:])
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def shipped(*keys: str) -> bool:
    """Are these models' weights in the repository (not a test's stand-in folder)?"""
    return all((SHIPPED / k / "generator.weights.h5").is_file() for k in keys)
