"""ganapp as an installed package: the wheel builds, installs outside any checkout, finds its
weights (the copy installed with it, or GANAPP_WEIGHTS_DIR), and its ``ganapp`` command serves the
app with every tab's examples and the live lesson's sample."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import httpx
import pytest

from tests.conftest import ROOT, SHIPPED, free_port, serves


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The wheel of this checkout, installed (without its dependencies, which this environment
    has) into a folder of its own; (site folder, wheel)."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"  # a copy: the build writes build/ beside the sources
    for part in ("ganapp", "train", "weights"):
        shutil.copytree(ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in (
        "pyproject.toml",
        "setup.py",
        "README.md",
        "LICENSE",
        *(p.name for p in ROOT.glob("requirements*.txt")),
    ):
        shutil.copy(ROOT / part, source / part)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                            "-w", str(tmp / "dist")], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert build.returncode == 0, build.stdout[-2000:] + build.stderr[-2000:]
    wheel = next((tmp / "dist").glob("ganapp-*.whl"))
    site = tmp / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site), str(wheel)],
                             capture_output=True, text=True, timeout=600)  # fmt: skip
    assert install.returncode == 0, install.stderr[-2000:]
    return site, wheel


def run_installed(site, code: str, cwd) -> str:
    """What ``code`` prints, run with the installed package, outside any checkout, with no weights setting."""
    env = {k: v for k, v in os.environ.items() if k != "GANAPP_WEIGHTS_DIR"} | {"PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip()


def test_the_wheel_holds_the_app_the_trainers_and_the_weights(installed):
    _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"ganapp/web/app.py", "ganapp/models/cars/network.py", "train/cars/task.py"} <= names
    assert "train/cars/recipes/default.toml" in names  # the tabs show the recipes
    assert (
        "ganapp_weights/cars/generator.weights.h5" in names and "ganapp_weights/live/fashion_mnist_sample.npz" in names
    )
    assert not any(n.startswith(("tests/", "bench/")) or ("_template/" in n and n.endswith(".py")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry).decode()
    assert "ganapp = ganapp.web:main" in scripts and "ganapp-train = train.cli:main" in scripts
    assert "ganapp-deploy = train.space:main" in scripts


def test_outside_a_checkout_the_weights_installed_with_the_package_are_found(installed, tmp_path):
    site, _ = installed
    found = run_installed(site, "from ganapp import weights; print(weights.WEIGHTS_DIR)", tmp_path)
    assert found == str(site / "ganapp_weights")
    keys = run_installed(site, "from ganapp import weights; print(weights.is_available('cars'))", tmp_path)
    assert keys == "True"


def test_the_command_serves_the_app_from_the_weights_folder_setting(installed, tmp_path):
    """Installed, outside a checkout, with GANAPP_WEIGHTS_DIR naming a copy of the weights: the
    models, every tab's examples and presets and the live lesson's sample all come from there."""
    import numpy as np

    site, _ = installed
    copy = tmp_path / "my-weights"  # the models linked; one style example and a 120-image lesson sample of its own
    for folder in SHIPPED.iterdir():
        if folder.name not in ("style", "live"):
            (copy / folder.name).parent.mkdir(exist_ok=True)
            (copy / folder.name).symlink_to(folder)
    (copy / "style" / "examples").mkdir(parents=True)
    (copy / "style" / "presets").symlink_to(SHIPPED / "style" / "presets")
    (copy / "style" / "examples" / "chelsea.jpg").write_bytes((SHIPPED / "style/examples/chelsea.jpg").read_bytes())
    (copy / "live").mkdir()
    with np.load(SHIPPED / "live" / "fashion_mnist_sample.npz") as f:
        np.savez(copy / "live" / "fashion_mnist_sample.npz", images=f["images"][:120], labels=f["labels"][:120])
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(site), "GANAPP_WEIGHTS_DIR": str(copy), "GRADIO_SERVER_PORT": str(port)}
    proc = subprocess.Popen([str(site / "bin" / "ganapp")], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        if not serves(url, 60):
            pytest.fail("the ganapp command served nothing within 60 s")
        cars = httpx.get(url + "cars.png?count=4", timeout=60)
        assert cars.status_code == 200 and cars.headers["content-type"] == "image/png"
        config = httpx.get(url + "config", timeout=30).json()
        text = json.dumps(config)
        datasets = [c for c in config["components"] if c.get("type") == "dataset"]
        style = [d for d in datasets if "chelsea.jpg" in json.dumps(d["props"].get("samples"))]
        assert style and len(style[0]["props"]["samples"]) == 1, "the style tab's examples are not the setting's"
        assert "learns 120 Fashion-MNIST images" in text  # the live lesson's sample is the setting's
    finally:
        proc.terminate()
        proc.wait(timeout=30)
