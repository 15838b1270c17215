"""The Spaces deploy command against a recording stand-in for huggingface_hub.HfApi: exactly the
files the app needs are uploaded (through upload_folder, which stores binaries as the Hub
requires), the Space is a Gradio one, variables are pinned, and nothing else leaves the machine."""

import socket
import subprocess

import pytest
from huggingface_hub import metadata_load

from tests.conftest import ROOT, RecordingHfApi
from train import space


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("the deploy command tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def tracked(prefix=""):
    return set(subprocess.run(["git", "ls-files", prefix], cwd=ROOT, capture_output=True, text=True).stdout.split())


def test_deploy_uploads_exactly_the_app(no_network):
    api = RecordingHfApi()
    variables = space.space_variables(["GANAPP_VANGOGH_REPO=you/ganapp-vangogh@0123abc"])
    assert (
        space.deploy("you/ganapp", private=True, variables=variables, api=api)
        == "https://hub.example/you/ganapp/commit/1"
    )
    (name, repo, kw), *rest = api.calls
    assert (name, repo) == ("create_repo", "you/ganapp")
    assert kw["repo_type"] == "space" and kw["space_sdk"] == "gradio" and kw["private"] is True
    assert kw["space_variables"] == [{"key": "GANAPP_VANGOGH_REPO", "value": "you/ganapp-vangogh@0123abc"}]
    assert [c[0] for c in rest] == ["add_space_variable", "upload_folder"]
    assert rest[1][2]["repo_type"] == "space" and rest[1][2]["delete_patterns"] == ["*"]

    up = set(api.uploaded)
    assert {"app.py", "requirements.txt", "README.md", "LICENSE", ".gitattributes"} <= up
    assert {p for p in tracked("ganapp") if p.endswith(".py")} <= up  # the code
    assert tracked("weights") <= up  # the shipped weights, cards, examples and presets
    for p in up:
        assert (
            p in {"app.py", "requirements.txt", "README.md", "LICENSE", ".gitattributes"}
            or (p.startswith("ganapp/") and p.endswith(".py"))
            or p.startswith("weights/")
            or (p.startswith("train/") and "/recipes/" in p and p.endswith(".toml"))  # the tabs show them
        ), p
        assert "__pycache__" not in p and not p.endswith(".pyc"), p
    assert not any(
        p.startswith(("tests/", "bench/", "data/", "runs/", ".venv/", "artifacts/", ".git/", ".ci/"))
        or (p.startswith("train/") and "/recipes/" not in p)
        for p in up
    )
    assert "train/pix2pix/recipes/default.toml" in up


def test_the_uploaded_front_matter_comes_from_the_registry(no_network, monkeypatch):
    from huggingface_hub import metadata_load

    seen = {}

    class Reading(RecordingHfApi):  # reads the staged README and requirements while they exist
        def upload_folder(self, *, folder_path, **kw):
            seen["meta"] = metadata_load(f"{folder_path}/README.md")
            seen["requirements"] = open(f"{folder_path}/requirements.txt").read()
            return super().upload_folder(folder_path=folder_path, **kw)

    variables = space.space_variables(["GANAPP_CARS_REPO=you/ganapp-cars@0123abc"])
    space.deploy("you/ganapp", variables=variables, gpu=True, api=Reading())
    meta = seen["meta"]
    assert meta["sdk"] == "gradio" and meta["app_file"] == "app.py"  # the README's own configuration is kept
    assert 0 < len(meta["short_description"]) <= 60
    assert {"gan", "dcgan", "cyclegan", "pix2pix", "style-transfer"} <= set(meta["tags"])
    assert meta["models"] == ["you/ganapp-cars"]
    assert meta["preload_from_hub"] == ["you/ganapp-cars config.json,generator.weights.h5 0123abc"]
    assert meta["suggested_hardware"] == "t4-small"
    assert "tensorflow==" in seen["requirements"] and "tensorflow[and-cuda]==" in seen["requirements"]
    # the checkout's own README and requirements are untouched
    assert "preload_from_hub" not in metadata_load(ROOT / "README.md")
    assert "and-cuda" not in (ROOT / "requirements.txt").read_text()


def test_front_matter_configures_a_gradio_space():
    meta = metadata_load(ROOT / "README.md")
    assert meta["sdk"] == "gradio" and meta["app_file"] == "app.py" and meta["python_version"] == "3.11"
    assert meta["license"] == "mit" and (ROOT / "LICENSE").read_text().startswith("MIT License")
    import gradio

    assert meta["sdk_version"] == gradio.__version__  # the version the tests ran against
    assert "*.h5 filter=lfs" in (ROOT / ".gitattributes").read_text()


@pytest.mark.parametrize(
    "bad,match",
    [
        ("GANAPP_VANGOGH_REPO=you/ganapp-vangogh", "owner/name@revision"),
        ("GANAPP_VANGOGH_REPO=ganapp-vangogh@abc", "owner/name@revision"),
        ("HF_TOKEN=secret", "only GANAPP_"),
    ],
)
def test_space_variables_are_checked(bad, match):
    with pytest.raises(SystemExit, match=match):
        space.space_variables([bad])


def test_space_id_needs_an_owner(no_network):
    with pytest.raises(SystemExit, match="owner/name"):
        space.deploy("ganapp", api=RecordingHfApi())
