"""The cartoon-face DCGAN's evaluation (``python -m train.evaluate faces``)."""

from __future__ import annotations

from pathlib import Path


def evaluate_faces(folder: Path) -> dict:
    from train.smallgan import evaluate_unconditional

    return evaluate_unconditional(folder, "faces", "DiceBear renders")


evaluate = evaluate_faces
