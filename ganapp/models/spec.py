"""What a model folder declares about itself: :class:`ModelSpec`, the ``SPEC`` of
``ganapp/models/<key>/__init__.py``. Everything that names a model (weights lookup, model
cards, Hub variables, public functions) reads it from there."""

from __future__ import annotations

from dataclasses import dataclass

# the licence note of the models trained on the share-alike photos (pix2pix, vangogh)
SHARE_ALIKE = (
    "Trained on photos under GPL-3.0-or-later (Debian gcompris-qt-data's default), CC-BY-SA 2.0/3.0/"
    "4.0, CC-BY, CC0 and public-domain terms (every image and its licence: `credits.json`). In case the "
    "weights are an adaptation of those photos, their share-alike terms are honoured: the weights are "
    "distributed under GPL-3.0-or-later, the licence that CC-BY-SA 4.0 (and through it 2.0/3.0) material "
    "may be adapted under, with attribution through `credits.json`."
)


@dataclass(frozen=True)
class ModelSpec:
    key: str  # the model's one name: its folders, weights/<key>/, GANAPP_<KEY>_REPO, train.<key>
    config: type  # its config dataclass; the class's ``family`` default names the architecture in config.json
    title: str  # how a sentence names it: "The {title} has no trained weights ..."
    api: tuple[str, ...]  # the public functions of its inference.py, importable as ganapp.<name>
    card_title: str
    card_intro: str
    pipeline_tag: str  # Hugging Face task of the model card
    limitations: str = ""
    license: str = "mit"  # of the weights (Hub licence id), chosen to respect the training data
    license_note: str = ""  # why that licence, for the card
    tags: tuple[str, ...] = ("gan",)
    datasets: tuple[str, ...] = ()  # Hub dataset ids of the training data, where it is on the Hub
    eval_dataset: tuple[str, str] = ("", "")  # (id, name) of what metrics.json was measured on
    eval_metrics: tuple[str, ...] = ()  # the model's own numbers in metrics.json's summary (not references)
    # a lesson for a student who has never trained a network: steps (predict, try, see) through the views
    # of its tab; the tab shows them and the card prints them
    lesson: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.config.family

    @property
    def recipe(self) -> str:
        """The recipe file of the shipped weights (train/<key>/recipes/default.toml)."""
        return f"train/{self.key}/recipes/default.toml"

    @property
    def make_command(self) -> str:
        """The command that writes weights/<key>/ from its recipe."""
        return f"python -m train.{self.key} --recipe default --export weights/{self.key}"
