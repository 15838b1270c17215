"""The README's scripting examples run as written against `python app.py` (only the host,
and the three local image names, are swapped for the test's)."""

import io
import re
import shutil
from pathlib import Path

import httpx
import pytest
from PIL import Image

from tests.conftest import shipped

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def test_front_matter_is_spaces_ready():
    front = README.split("---")[1]
    for key in ("sdk: gradio", "sdk_version: 6.31.0", "app_file: app.py", 'python_version: "3.11"'):
        assert key in front
    import gradio

    assert gradio.__version__ == "6.31.0"


def test_python_example(live_app, tmp_path, monkeypatch):
    if not shipped("cars", "cgan", "vangogh", "pix2pix"):
        pytest.skip("the README examples use the shipped weights")
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    shutil.copy(ROOT / "weights/style/examples/chelsea.jpg", tmp_path / "photo.jpg")
    shutil.copy(ROOT / "weights/style/presets/starry_night.jpg", tmp_path / "starry.jpg")
    shutil.copy(ROOT / "weights/style/presets/great_wave.jpg", tmp_path / "wave.jpg")
    monkeypatch.chdir(tmp_path)
    scope = {}
    exec(code.replace("http://127.0.0.1:7860/", live_app), scope)  # our own README
    for name in ("painted", "gogh", "sketch", "building", "cars", "walk", "shoes", "every", "morph", "anim", "mixed"):
        assert Path(scope[name]).is_file(), name
    assert [Path(m["image"]).is_file() for m in scope["methods"]] == [True] * 3 and " s" in scope["times"]
    assert Path(scope["verdicts"]).is_file() and 0 < scope["mean_p"] < 1 and 0 <= scope["p_real"] <= 1
    assert Path(scope["judged"]).is_file() and 0 < scope["mean_cars"] < 1
    assert scope["own_db"] >= 20 and scope["photo_db"] < scope["own_db"] and Path(scope["nearest_car"]).is_file()
    assert Path(scope["copies"]).is_file() and 0 < scope["nearest"] < scope["nearest_garment"] + 20
    assert Path(scope["trip"]).is_file() and scope["trip_db"] > 12 and scope["cycle"] > 0
    assert Path(scope["building_maps"]).is_file() and 0 <= scope["p_built"] <= 1
    assert Path(scope["as_photo"]).is_file() and Path(scope["maps"]).is_file() and 0 <= scope["p_starry"] <= 1
    assert scope["snapshot"]["done"] and scope["snapshot"]["step"] > 0  # the lesson streamed to its end


def test_curl_examples(live_app):
    if not shipped("cars", "cgan"):
        pytest.skip("the README examples use the shipped cars and cgan weights")
    urls = re.findall(r'curl -o \S+\s+"(http://127\.0\.0\.1:7860/[^"]+)"', README)
    assert len(urls) == 3
    sizes = []
    for url in urls:
        r = httpx.get(url.replace("http://127.0.0.1:7860/", live_app), timeout=60)
        assert r.status_code == 200 and r.content[:4] == b"\x89PNG"
        sizes.append(Image.open(io.BytesIO(r.content)).size)
    assert sizes[1] == (4 * sizes[0][0], 4 * sizes[0][1])  # the scale=4 example


def test_training_commands_match_the_specs():
    """The README's training block and each model's "make it" command (missing-weights messages, cards) agree."""
    from ganapp.models import specs

    text = re.sub(r" *\\\n *", " ", (ROOT / "README.md").read_text())
    for info in specs().values():
        assert info.make_command in text, info.key
