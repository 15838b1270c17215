"""Model cards and uploads to the Hugging Face Hub.

The card is rendered from the files beside the weights (config.json, training.json,
metrics.json), so re-running evaluation refreshes it. The Hub token comes from
``HF_TOKEN`` or the login cache through huggingface_hub itself; it is never printed.
"""
from __future__ import annotations

import json
from pathlib import Path

CARD_INTRO = {
    "cars": ("Car-front DCGAN", "A DCGAN (Radford et al., 2015) that draws 32x32 colour car fronts as a "
             "surveillance camera sees them, from a latent vector."),
    "cgan": ("Conditional GAN", "A class-conditional GAN (Mirza & Osindero, 2014) with a projection "
             "discriminator (Miyato & Koyama, 2018) that draws an image of a chosen class."),
    "pix2pix": ("Sketch -> building (pix2pix)", "A pix2pix U-Net (Isola et al., 2017) that turns a line "
                "sketch into a building photo."),
    "vangogh": ("Photo -> van Gogh (CycleGAN)", "The photo -> painting generator of a CycleGAN (Zhu et al., "
                "2017) trained on unpaired photos and van Gogh paintings."),
}
LIMITATIONS = {
    "cars": "The shipped weights learned from procedurally rendered car fronts, not photos: samples look like "
            "clean renders, not CompCars photos. Train on CompCars' surveillance crops for real cars "
            "(`python -m train.cars --data path/to/crops --export weights/cars`).",
    "cgan": "28x28 greyscale Fashion-MNIST items only; similar classes (shirt, T-shirt, pullover, coat) can blur "
            "into one another.",
    "pix2pix": "Trained on a CPU from 252 crops of 70 building and monument photos (not CMP facades), "
               "with small widths: outputs follow the sketch's lines (walls, roofs, windows, sky) with plausible "
               "but pale colours, and surfaces stay soft and fine ornament is smeared. On the held-out photos, "
               "L1, PSNR and SSIM are within noise of the mean training photo (a sketch says nothing about colour, "
               "and these metrics favour flat, average images); the Frechet distance is where it clearly beats "
               "it. Train on CMP facades "
               "(`python -m train.pix2pix --data facades --direction BtoA`) for crisper facades. Photo credits: "
               "`credits.json`.",
    "vangogh": "Trained briefly on a CPU from nine paintings and about a hundred photos, with small widths: it "
               "transfers van Gogh's palette and a stroke-like texture, not his compositions; faces and fine detail "
               "soften. Train longer on the authors' vangogh2photo (`python -m train.vangogh --data path --swap`) "
               "for stronger results. Photo credits: `credits.json`.",
}


def _load(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def write_model_card(folder: Path) -> Path:
    """Write ``folder/README.md`` with Hub metadata from the JSON files in ``folder``."""
    key = folder.name
    cfg, train, metrics = _load(folder / "config.json"), _load(folder / "training.json"), _load(folder / "metrics.json")
    title, intro = CARD_INTRO.get(key, (key, ""))
    datasets = {"cgan": ["fashion_mnist"]}.get(key, [])
    front = ["---", "library_name: keras", "pipeline_tag: unconditional-image-generation" if key in ("cars", "cgan")
             else "pipeline_tag: image-to-image", "tags:", "  - gan", f"  - {cfg.get('family', key)}", "  - ganapp"]
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
                  f"{train.get('images', '?')} training images, {t.get('epochs')} epochs at batch size "
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
    if key in LIMITATIONS:
        lines += ["## Limitations", "", LIMITATIONS[key], ""]
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
