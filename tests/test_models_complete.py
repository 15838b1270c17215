"""A model is its folders: every model has every part, and a model added from the templates is
found by discovery alone (tried with a throwaway copy, trained for one epoch, then removed)."""

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ganapp import models
from tests.conftest import ROOT


def missing_parts(root: Path, key: str) -> list[str]:
    """What model ``key`` of the checkout at ``root`` still lacks (its spec is imported from
    ``ganapp.models``, so ``root`` must be the checkout on ``sys.path``)."""
    from ganapp import models, weights

    missing = []
    model, trainer, shipped = root / "ganapp" / "models" / key, root / "train" / key, root / "weights" / key
    for part in ("__init__.py", "config.py", "network.py", "inference.py"):
        if not (model / part).is_file():
            missing.append(f"ganapp/models/{key}/{part}")
    for part in ("__main__.py", "recipes/default.toml"):  # python -m train.<key> --recipe default
        if not (trainer / part).is_file():
            missing.append(f"train/{key}/{part}")
    spec = models.specs().get(key)
    if spec is None:
        return [*missing, f"a SPEC in ganapp/models/{key}/__init__.py"]
    inference = models.inference(key)
    missing += [f"{name} in ganapp/models/{key}/inference.py" for name in spec.api if not hasattr(inference, name)]
    if [s.family for s in models.specs().values()].count(spec.family) != 1:
        missing.append(f"a config family of its own (not {spec.family!r})")
    if (shipped / "generator.weights.h5").is_file():
        if not (shipped / "config.json").is_file():
            missing.append(f"weights/{key}/config.json")
        if not (shipped / "README.md").is_file():
            missing.append(f"a model card, weights/{key}/README.md")
        if f"def test_{key}_" not in (root / "tests" / "test_pinned_outputs.py").read_text():
            missing.append(f"a pinned-output case, test_{key}_... in tests/test_pinned_outputs.py")
    elif spec.make_command not in weights.unavailable_message(key):
        missing.append("a 'no weights' sentence that says how to make them")
    tabs = [p.read_text() for p in (root / "ganapp" / "web" / "tabs").glob("*.py")]
    if not any(f"ganapp.{name}" in tab for name in spec.api for tab in tabs):
        missing.append("its tab, a module of ganapp/web/tabs/ (calling one of its functions)")
    return missing


def test_every_model_has_every_part():
    from ganapp.models import specs

    folders = (ROOT / "ganapp" / "models").iterdir()
    assert sorted(specs()) == sorted(p.name for p in folders if (p / "__init__.py").is_file() and p.name[0] != "_")
    assert {key: missing_parts(ROOT, key) for key in specs()} == {key: [] for key in specs()}


def test_a_model_added_from_the_templates_is_found_and_trained(tmp_path):
    root = tmp_path / "checkout"
    for part in ("ganapp", "train", "tests", "weights/style"):
        shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "app.py", root / "app.py")
    for template, folder in ((root / "ganapp/models/_template", root / "ganapp/models/toy"),
                             (root / "train/_template", root / "train/toy")):  # fmt: skip
        shutil.copytree(template, folder)
        for f in folder.rglob("*.*"):
            text = f.read_text().replace("_template", "toy").replace("template", "toy")
            f.write_text(text.replace("Template", "Toy"))
    images = tmp_path / "images"
    images.mkdir()
    rng = np.random.default_rng(0)
    for i in range(24):
        Image.fromarray(rng.integers(0, 255, (20, 20, 3), dtype=np.uint8)).save(images / f"{i}.png")
    env = {**os.environ, "PYTHONPATH": str(root), "GANAPP_RUNS_DIR": str(tmp_path / "runs"),
           "GANAPP_WEIGHTS_DIR": str(root / "weights")}  # fmt: skip
    flags = ["--data", str(images), "--epochs", "1", "--batch-size", "8", "--image-size", "16", "--filters", "8"]
    train = subprocess.run([sys.executable, "-m", "train.toy", "--recipe", "default", *flags,
                            "--export", str(root / "weights" / "toy")], cwd=root, env=env,
                           capture_output=True, text=True, timeout=300)  # fmt: skip
    assert train.returncode == 0, train.stdout[-2000:] + train.stderr[-2000:]
    check = (
        "import sys; from pathlib import Path\n"
        "import ganapp\n"
        "from tests.test_models_complete import missing_parts\n"
        "assert ganapp.toy_grid(3, 4).size == (38, 38)\n"
        "print(missing_parts(Path.cwd(), 'toy'))\n"
    )
    out = subprocess.run([sys.executable, "-c", check], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    # the two parts no copy can bring: a pinned output of its trained weights, and its tab
    assert out.stdout.strip().splitlines()[-1] == str(
        [
            "a pinned-output case, test_toy_... in tests/test_pinned_outputs.py",
            "its tab, a module of ganapp/web/tabs/ (calling one of its functions)",
        ]
    )
    assert (root / "weights/toy/README.md").is_file() and (root / "weights/toy/samples.png").is_file()


@pytest.mark.parametrize("key", sorted(models.specs()))
def test_each_key_is_named_in_few_files_outside_its_folders(key):
    """Adding a model touches its folders, its tab and its tests, not lists elsewhere."""
    code = [p for p in ROOT.glob("**/*.py") if not {".venv", "tests", "bench"} & set(p.parts)]
    outside = [p for p in code if p.parent.name != key and f'"{key}"' in p.read_text()]
    assert len(outside) <= 4, [str(p.relative_to(ROOT)) for p in outside]


def test_the_templates_are_not_models():
    from ganapp.models import specs

    assert "_template" not in specs() and importlib.import_module("ganapp.models._template").SPEC.key == "_template"
