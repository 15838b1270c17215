"""Recipes are files: each shipped model's default recipe gives the options its weights were
trained with (training.json) and the architecture they were built with (config.json)."""

import importlib
import json

import pytest

from ganapp.config import load_config
from tests.conftest import ROOT

TRAINED = ["cars", "cgan", "pix2pix", "vangogh"]
# not what the weights learned: where a run went, and options that no longer exist
NOT_OPTIONS = {"run", "export", "recipe", "push_to_hub", "dry_run", "ssim_weight", "ssim_from_epoch"}


@pytest.mark.parametrize("key", TRAINED)
def test_default_recipe_reproduces_the_shipped_weights(key):
    train_cfg, model_cfg = importlib.import_module(f"train.{key}.task").options(["--recipe", "default"])
    shipped = json.loads((ROOT / "weights" / key / "training.json").read_text())["train"]
    ours = vars(train_cfg)
    assert {k: v for k, v in shipped.items() if k not in NOT_OPTIONS} == {
        k: ours[k] for k in shipped if k not in NOT_OPTIONS
    }
    assert model_cfg == load_config(ROOT / "weights" / key / "config.json")
    assert train_cfg.recipe == f"train/{key}/recipes/default.toml"


def test_flags_beside_a_recipe_win_and_unknown_recipe_options_are_refused(tmp_path):
    from train.cars.task import options

    train_cfg, model_cfg = options(["--recipe", "default", "--epochs", "3", "--gen-filters", "32"])
    assert (train_cfg.epochs, model_cfg.gen_filters, model_cfg.disc_filters) == (3, 32, (32, 64, 64, 128))
    bad = tmp_path / "bad.toml"
    bad.write_text("epochs = 2\nlearning_rate = 0.1\n")
    with pytest.raises(SystemExit, match="unknown options learning_rate"):
        options(["--recipe", str(bad)])
    with pytest.raises(SystemExit, match="choose one of default"):
        options(["--recipe", "fastest"])
