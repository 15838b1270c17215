"""Train the cartoon-face DCGAN: ``python -m train.faces --help``.

Offline default: DiceBear cartoon faces (``python -m train.data prepare faces``). Any folder of
face images works instead (``--data path/to/faces``, e.g. the anime-faces dataset of the original
lesson): they are centre-cropped to squares and resized to the model's size.
"""

from __future__ import annotations

import dataclasses

from ganapp.models.faces.config import FacesConfig
from train.loop import fit
from train.smallgan import SmallGANTask, SmallGANTrainConfig
from train.task import parse_config


@dataclasses.dataclass
class FacesTrainConfig(SmallGANTrainConfig):
    data: str = "faces"
    epochs: int = 25
    batch_size: int = 64
    checkpoint_every: int = 300


def options(argv=None):
    """(training config, model config) from the command line (or a recipe: ``--recipe default``)."""
    return parse_config(FacesTrainConfig, FacesConfig, argv, description=__doc__, key="faces")


class FacesTask(SmallGANTask):
    key = "faces"

    def dataset_note(self) -> str:
        if self.train_cfg.data != "faces":
            return super().dataset_note()
        from train.faces.data import STYLES

        return (
            f"Cartoon faces rendered offline from DiceBear's avatar styles ({', '.join(STYLES)}; code MIT, designs "
            "CC0 1.0 / CC BY 4.0, each face's seed, style and designer in credits.json), a stand-in for the "
            "anime-faces dataset, which is not available offline."
        )

    def export(self, out, run):
        super().export(out, run)
        from train.faces.data import credits_file

        if self.train_cfg.data == "faces" and (credits := credits_file()).is_file():
            (out / "credits.json").write_text(credits.read_text())


def main(argv=None):
    fit(FacesTask(*options(argv)))


if __name__ == "__main__":
    main()
