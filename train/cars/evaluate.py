"""The car DCGAN's evaluation (``python -m train.evaluate cars``)."""

from __future__ import annotations

from pathlib import Path


def evaluate_cars(folder: Path) -> dict:
    from train.smallgan import evaluate_unconditional

    return evaluate_unconditional(folder, "cars_synth", "synthetic renders")


evaluate = evaluate_cars
