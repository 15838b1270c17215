"""Model cards and uploads to the Hugging Face Hub.

The card is rendered from the files beside the weights (config.json, training.json,
metrics.json), so re-running evaluation refreshes it. The Hub token comes from
``HF_TOKEN`` or the login cache through huggingface_hub itself; it is never printed.
"""
from __future__ import annotations

import json
from pathlib import Path

def _load(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def write_model_card(folder: Path) -> Path:
    """Write ``folder/README.md`` with Hub metadata from the JSON files in ``folder``."""
    from ganapp import registry

    key = folder.name
    info = registry.MODELS.get(key)
    cfg, train, metrics = _load(folder / "config.json"), _load(folder / "training.json"), _load(folder / "metrics.json")
    title, intro = (info.card_title, info.card_intro) if info else (key, "")
    datasets = {"cgan": ["fashion_mnist"]}.get(key, [])
    front = ["---", "library_name: keras", f"pipeline_tag: {info.pipeline_tag if info else 'image-to-image'}",
             "tags:", "  - gan", f"  - {cfg.get('family', key)}", "  - ganapp"]
    if datasets and train.get("data") == "fashion_mnist":
        front += ["datasets:"] + [f"  - {d}" for d in datasets]
    if metrics:
        front += ["model-index:", f"  - name: ganapp-{key}", "    results:", "      - task:",
                  "          type: image-generation", "        metrics:"]
        for name, value in metrics.get("summary", {}).items():
            front += [f"          - type: {name}", f"            value: {value}"]
    front.append("---")
    lines = front + ["", f"# {title}", "", intro, "", "![samples](samples.png)", "",
                     "## Files", "",
                     "- `config.json`: the architecture config; ganapp rebuilds the model in code from it.",
                     "- `generator.weights.h5`: generator weights only (Keras 3 weights file; no pickled code).",
                     *(["- `credits.json`: source and licence of every training image."]
                       if (folder / "credits.json").exists() else []),
                     "", "## Training data", "", train.get("dataset_note", "(not recorded)"), ""]
    if train:
        t = train.get("train", {})
        lines += ["## How it was trained", "",
                  f"{train.get('images', '?')} training images, {t.get('epochs')} epochs"
                  + (f" planned, {train['steps']} steps run" if train.get("steps") else "") + " at batch size "
                  f"{t.get('batch_size')}, Adam lr {t.get('lr')} beta1 {t.get('beta1')}, on {train.get('device', '?')}. "
                  "Full options:", "", "```json", json.dumps(t, indent=2), "```", "",
                  f"Reproduce: `{train.get('command', f'python -m train.{key}')}`.", ""]
        if sel := train.get("selected"):
            lines += [f"Exported: the generator of epoch {sel['epoch']} of {t.get('epochs')}, the epoch with the best "
                      f"{sel['by'].upper()} ({sel[sel['by']]}) on {sel['val_pairs']} validation pairs (photos held out from both "
                      "training and the evaluation below).", ""]
    if metrics:
        lines += ["## Evaluation", "", f"`python -m train.evaluate {key}`", "", "```json",
                  json.dumps(metrics, indent=2), "```", ""]
        if (folder / "comparison.png").exists():
            lines += ["Held-out photos (never trained on), left to right: the photo, this model, the fast style "
                      "model (`weights/fast_style`) with *The Starry Night*:", "", "![comparison](comparison.png)", ""]
    if info and info.limitations:
        lines += ["## Limitations", "", info.limitations, ""]
    path = folder / "README.md"
    path.write_text("\n".join(lines))
    return path


def push_folder(folder: Path, repo_id: str, api=None, revision: str | None = None) -> str:
    """Create ``repo_id`` if needed and upload only ``folder``'s files. Returns the commit URL."""
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    api.create_repo(repo_id, repo_type="model", exist_ok=True)
    info = api.upload_folder(repo_id=repo_id, folder_path=str(folder), repo_type="model",
                             commit_message=f"Upload {folder.name} weights from ganapp",
                             revision=revision, ignore_patterns=["*.part", "*.tmp"])
    return str(getattr(info, "commit_url", info))
