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
    credits: Path | None = None,
    selected: dict | None = None,
) -> None:
    """Write what inference needs and nothing else: config.json, generator weights,
    samples.png, training.json (data note, options, the command, the epoch ``selected`` by
    validation if any), credits, model card."""
    import tensorflow as tf

    from ganapp.config import save_config
    from train.hub import write_model_card

    out.mkdir(parents=True, exist_ok=True)
    save_config(task.model_cfg, out / "config.json")
    generator.save_weights(out / "generator.weights.h5")
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
    if selected:
        info["selected"] = selected
    (out / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    if credits is not None and credits.exists():
        (out / "credits.json").write_text(credits.read_text())
    write_model_card(out, task.key)


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
