"""Train the conditional GAN: ``python -m train.cgan --help``.

Shipped weights: Fashion-MNIST, all 10 classes (``python -m train.data prepare fashion_mnist``
fills the Keras cache offline). The same trainer takes ``--data cifar10 --image-size 32
--channels 3`` or a folder of class subfolders (``--data path/to/folder``).
"""

from __future__ import annotations

import dataclasses

from ganapp.models.cgan.config import CGANConfig
from train.loop import fit
from train.smallgan import SmallGANTask, SmallGANTrainConfig
from train.task import parse_config


@dataclasses.dataclass
class CGANTrainConfig(SmallGANTrainConfig):
    data: str = "fashion_mnist"
    epochs: int = 15
    batch_size: int = 128
    checkpoint_every: int = 400


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(CGANTrainConfig, CGANConfig, argv, description=__doc__, key="cgan")


class CGANTask(SmallGANTask):
    key = "cgan"

    def dataset_note(self) -> str:
        if self.train_cfg.data != "fashion_mnist":
            return super().dataset_note()
        return (
            "Fashion-MNIST (Xiao, Rasul, Vollgraf 2017), 60,000 28x28 greyscale training images in 10 classes, "
            "MIT licence."
        )


def main(argv=None):
    fit(CGANTask(*options(argv)))


if __name__ == "__main__":
    main()
