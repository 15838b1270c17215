"""What an export writes (``weights/<key>/``): only what inference needs, plus the record of
how it was made, and the loss plot of a run."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from pathlib import Path

from train.task import GANTask, Run


def export_folder(
    task: GANTask,
    run: Run,
    out: Path,
    generator,
    samples,
    note: str,
    images: int,
    credits: Path | list[Path] | None = None,
    selected: dict | None = None,
    discriminator=None,
    inverse_generator=None,
) -> None:
    """Write what inference and the app's views need and nothing else: config.json, generator
    weights, the discriminator's weights when given (``discriminator.weights.h5``, what the
    "what the discriminator sees" views score with), a CycleGAN's generator of the way back when
    given (``inverse_generator.weights.h5``, the round trip's), samples.png, training.json (data note,
    options, the command, the epoch ``selected`` by validation if any), credits, model card; and
    how it learned: timelapse.webp, loss.png."""
    import tensorflow as tf

    from ganapp.config import save_config
    from ganapp.weights import DISCRIMINATOR, INVERSE
    from train.hub import write_model_card

    out.mkdir(parents=True, exist_ok=True)
    save_config(task.model_cfg, out / "config.json")
    generator.save_weights(out / "generator.weights.h5")
    for model, file in ((discriminator, DISCRIMINATOR), (inverse_generator, INVERSE)):
        if model is not None:
            model.save_weights(out / file)
    samples.save(out / "samples.png")
    options = dataclasses.asdict(task.train_cfg)
    options.pop("push_to_hub", None)
    info = {
        "data": task.train_cfg.data,
        "dataset_note": note,
        "train": options,
        "images": int(images),
        "command": " ".join(["python -m", f"train.{task.key}", *sys.argv[1:]]),
        "device": "GPU" if tf.config.list_logical_devices("GPU") else "CPU",
    }
    info["steps"] = int(run.steps)
    if timelapse := write_timelapse(run.folder, out):
        info["timelapse"] = timelapse
    if selected:
        info["selected"] = selected
    (out / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    if merged := merged_credits([credits] if isinstance(credits, Path) else credits or []):
        (out / "credits.json").write_text(json.dumps(merged, indent=1) + "\n")
    write_model_card(out, task.key)


def merged_credits(files: list[Path]) -> list[dict]:
    """The entries of the data folders' sources.json files that exist; with more than one folder,
    each entry's file is named with its folder ("sketch_photos/train/0001.jpg")."""
    found = [f for f in files if f.exists()]
    lists = [(f.parent.name, json.loads(f.read_text())) for f in found]
    return [{**e, "file": f"{name}/{e['file']}"} if len(lists) > 1 else e for name, entries in lists for e in entries]


def write_timelapse(run_folder: Path, out: Path, width: int = 512) -> dict | None:
    """The run's per-epoch sample grids as one animated WebP (``out/timelapse.webp``: at most
    ``width`` px wide, half a second per epoch, the last held for two) and its loss plot
    (``out/loss.png``); None when the run kept no samples."""
    import shutil

    from PIL import Image

    paths = sorted(run_folder.glob("samples/epoch_*.png"))
    if not paths:
        return None
    frames = []
    for p in paths:
        frame = Image.open(p).convert("RGB")
        if frame.width > width:
            frame = frame.resize((width, round(frame.height * width / frame.width)), Image.LANCZOS)
        frames.append(frame)
    durations = [500] * (len(frames) - 1) + [2000]
    frames[0].save(out / "timelapse.webp", save_all=True, append_images=frames[1:], duration=durations, loop=0,
                   quality=80, method=4)  # fmt: skip
    info = {"file": "timelapse.webp", "epochs": [int(p.stem.split("_")[1]) for p in paths]}
    if (run_folder / "loss.png").exists():
        shutil.copy(run_folder / "loss.png", out / "loss.png")
        info["loss_plot"] = "loss.png"
    return info


def save_loss_plot(csv_path: Path, png_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return
    keys = [k for k in rows[0] if k not in ("step", "epoch", "time")]
    steps = [int(r["step"]) for r in rows]
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    for k in keys:
        ax.plot(steps, [float(r[k]) for r in rows], label=k, linewidth=1)
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)
