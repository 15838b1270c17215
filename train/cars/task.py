"""Train the car-front DCGAN: ``python -m train.cars --help``.

Offline default: procedural car fronts (``python -m train.data prepare cars_synth``).
For real cars, crop CompCars' surveillance images (sv_data) to the car and train with
``--data path/to/crops``; any folder of images works.
"""

from __future__ import annotations

import dataclasses

from ganapp.models.cars.config import DCGANConfig
from train.loop import fit
from train.smallgan import SmallGANTask, SmallGANTrainConfig
from train.task import parse_config


@dataclasses.dataclass
class CarsTrainConfig(SmallGANTrainConfig):
    data: str = "cars_synth"
    epochs: int = 30
    batch_size: int = 64
    label_smoothing: float = 0.1
    flip: bool = True
    checkpoint_every: int = 400


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(CarsTrainConfig, DCGANConfig, argv, description=__doc__, key="cars")


class CarsTask(SmallGANTask):
    key = "cars"

    def dataset_note(self) -> str:
        if self.train_cfg.data != "cars_synth":
            return super().dataset_note()
        return (
            "Synthetic car fronts rendered procedurally by train/cars/carsynth.py (no real photos): a stand-in for "
            "CompCars' surveillance subset, which is not available offline."
        )


def main(argv=None):
    fit(CarsTask(*options(argv)))


if __name__ == "__main__":
    main()
