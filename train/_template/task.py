"""Train the template DCGAN: ``python -m train._template --recipe default --data path/to/images``.

The shared small-GAN task (train/smallgan.py: non-saturating loss, Adam, EMA of the generator)
on a folder of images; write your own GANTask (train/task.py lists what it defines) when the
model needs another step.
"""

from __future__ import annotations

import dataclasses

from ganapp.models._template.config import TemplateConfig
from train.loop import fit
from train.smallgan import SmallGANTask, SmallGANTrainConfig
from train.task import parse_config


@dataclasses.dataclass
class TemplateTrainConfig(SmallGANTrainConfig):
    data: str = ""  # a folder of images (or a dataset a model folder's data.py names)
    epochs: int = 20
    batch_size: int = 64


class TemplateTask(SmallGANTask):
    key = "_template"


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(TemplateTrainConfig, TemplateConfig, argv, description=__doc__, key="_template")


def main(argv=None):
    fit(TemplateTask(*options(argv)))


if __name__ == "__main__":
    main()
