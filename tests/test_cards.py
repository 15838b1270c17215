"""Every shipped model card loads back through huggingface_hub.ModelCard with the metadata its
model's spec gives: licence, task, library, datasets, and eval results that name the
dataset and match metrics.json."""

import json

import pytest
from huggingface_hub import ModelCard

from ganapp import models
from tests.conftest import ROOT

SHIPPED = [k for k in models.specs() if (ROOT / "weights" / k / "README.md").exists()]


def test_every_model_with_weights_ships_a_card():
    assert set(SHIPPED) == {k for k in models.specs() if (ROOT / "weights" / k / "generator.weights.h5").exists()}


@pytest.mark.parametrize("key", SHIPPED)
def test_card_round_trips_with_correct_metadata(key):
    info = models.spec(key)
    folder = ROOT / "weights" / key
    card = ModelCard.load(folder / "README.md", ignore_metadata_errors=False)
    data = card.data
    # ganapp's own files, not a Keras model file (the Hub's "keras" snippet could not load them)
    assert data.library_name == "ganapp" and {"keras", "tensorflow"} <= set(data.tags)
    assert data.license == info.license and data.pipeline_tag == info.pipeline_tag
    assert "ganapp" in data.tags and set(info.tags) <= set(data.tags)
    assert list(data.datasets or []) == list(info.datasets)
    assert f"## Licence\n\n`{info.license}`." in card.text
    metrics = json.loads((folder / "metrics.json").read_text())["summary"] if info.eval_metrics else {}
    results = data.eval_results or []
    assert [r.metric_type for r in results] == list(info.eval_metrics)
    for r in results:
        assert (r.dataset_type, r.dataset_name) == info.eval_dataset and r.task_type == info.pipeline_tag
        assert r.metric_value == metrics[r.metric_type]


@pytest.mark.parametrize("key", SHIPPED)
def test_the_cards_how_to_use_runs(key, live_app, tmp_path, monkeypatch):
    """The card's serve line names the model's pinned-repo variable, and its gradio_client call runs
    as written against the app (only the host and the local image files are the test's)."""
    import re

    from PIL import Image

    from tests.conftest import photo

    text = ModelCard.load(ROOT / "weights" / key / "README.md").text
    assert f"GANAPP_{key.upper()}_REPO=owner/name@<commit sha> ganapp" in text
    code = re.search(r"## How to use.*?```python\n(.*?)```", text, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    for name in re.findall(r'handle_file\("([^"]+)"\)', code):
        photo(96, 64).save(tmp_path / name)
    scope = {}
    exec(code.replace("http://127.0.0.1:7860/", live_app), scope)  # our own card
    assert Image.open(scope["result"]).size[0] > 0


def test_tasks_and_licences_fit_the_models():
    assert models.spec("cgan").pipeline_tag == "text-to-image"  # conditioned on a class name
    assert {models.spec(k).pipeline_tag for k in ("pix2pix", "vangogh", "fast_style")} == {"image-to-image"}
    assert models.spec("cars").pipeline_tag == "unconditional-image-generation"
    for key in ("pix2pix", "vangogh"):  # trained on CC-BY-SA and GPL photos: share-alike
        assert models.spec(key).license == "gpl-3.0"
        licences = {c["licence"] for c in json.loads((ROOT / "weights" / key / "credits.json").read_text())}
        assert any("CC-BY-SA" in text for text in licences)
