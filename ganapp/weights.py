"""The one place where model weights are found and loaded.

Lookup order for a model key (a folder of ``ganapp/models/``):
  1. a Hugging Face Hub repo at a pinned revision, when the environment variable
     ``GANAPP_<KEY>_REPO=owner/name@revision`` names one (e.g. a Space variable): what is
     configured explicitly wins over what is shipped;
  2. ``<weights folder>/<key>/`` (``config.json`` + ``generator.weights.h5``).

The weights folder (:data:`WEIGHTS_DIR`, also the home of the examples, the style presets and the
live-training sample) is ``GANAPP_WEIGHTS_DIR`` when set; else a checkout's ``weights/``; else
the copy installed with the package (``pip install .`` installs ``weights/`` as the data package
``ganapp_weights``).
The architecture is always built in code from ``config.json``; only weights are read
(never ``keras.models.load_model`` on a file, which could carry code).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from ganapp import models
from ganapp.cache import Cache
from ganapp.errors import WeightsUnavailable


def _weights_dir() -> Path:
    if os.environ.get("GANAPP_WEIGHTS_DIR"):
        return Path(os.environ["GANAPP_WEIGHTS_DIR"])
    checkout = Path(__file__).resolve().parent.parent / "weights"
    if checkout.is_dir():
        return checkout
    installed = importlib.util.find_spec("ganapp_weights")
    return Path(list(installed.submodule_search_locations)[0]) if installed else checkout


WEIGHTS_DIR = _weights_dir()
FILES = ("config.json", "generator.weights.h5")

_cache = Cache()


def _repo_env(key: str) -> str:
    return os.environ.get(f"GANAPP_{key.upper()}_REPO", "").strip()


def hub_source(key: str) -> tuple[str, str] | None:
    """(repo_id, revision) from ``GANAPP_<KEY>_REPO=owner/name@revision``, or None when not
    configured. A bare repo id is refused: weights that change under a running app are not
    reproducible, so the revision (a commit sha, or a tag) must be pinned."""
    value = _repo_env(key)
    return pinned_repo(f"GANAPP_{key.upper()}_REPO", value) if value else None


def pinned_repo(variable: str, value: str) -> tuple[str, str]:
    """``owner/name@revision`` -> (repo_id, revision); WeightsUnavailable naming ``variable``
    when the revision is missing."""
    repo, _, revision = value.partition("@")
    if not revision:
        raise WeightsUnavailable(f"{variable}={repo} names no revision: pin one, as in {variable}={repo}@<commit sha>.")
    return repo, revision


def local_dir(key: str) -> Path | None:
    folder = WEIGHTS_DIR / key
    return folder if all((folder / f).is_file() for f in FILES) else None


def from_hub(key: str) -> bool:
    """Is a Hub repo configured for ``key`` (``GANAPP_<KEY>_REPO``)? Cheap: nothing is downloaded."""
    return bool(_repo_env(key))


def is_available(key: str) -> bool:
    """Cheap check for the UI: are weights shipped or configured? (Does not download.)"""
    return local_dir(key) is not None or bool(_repo_env(key))


def unavailable_message(key: str) -> str:
    info = models.spec(key)
    return (
        f"The {info.title} has no trained weights in this installation. Make them with "
        f"`{info.make_command}` (recipe {info.recipe}), or set GANAPP_{key.upper()}_REPO=owner/name@revision "
        "to download them from the Hugging Face Hub."
    )


def model_dir(key: str, files: tuple[str, ...] = FILES) -> Path:
    """Folder holding ``files`` (default: ``config.json`` and ``generator.weights.h5``) for ``key``:
    a download from the pinned Hub repo when one is configured, else the shipped folder."""
    source = hub_source(key)
    if source is None:
        folder = local_dir(key)
        if folder is None:
            raise WeightsUnavailable(unavailable_message(key))
        return folder
    repo, revision = source
    try:
        from huggingface_hub import hf_hub_download

        paths = [hf_hub_download(repo_id=repo, filename=f, revision=revision) for f in files]
    except Exception as e:  # offline, missing repo or file, auth: all mean the same to the user
        info = models.spec(key)
        raise WeightsUnavailable(
            f"The {info.title} weights could not be downloaded from the Hub repo {repo} "
            f"(revision {revision}): {type(e).__name__}. Check the repo name and your connection, "
            f"or make them locally with `{info.make_command}`."
        ) from None
    return Path(paths[0]).parent


def load_model_config(key: str):
    """The config of ``key``'s weights, from the same place as the weights (shipped folder or
    the pinned Hub repo; only config.json is downloaded). Raises WeightsUnavailable."""
    return _checked_config(model_dir(key, files=("config.json",)))


def _checked_config(folder: Path):
    """``folder/config.json``, its types and bounds checked before anything is built (a repo may be
    hostile); a refusal is WeightsUnavailable with the reason."""
    from ganapp.config import load_config

    try:
        return load_config(folder / "config.json")
    except (ValueError, OSError) as e:
        raise WeightsUnavailable(f"These weights' config.json was refused: {e}") from None


def build_from_dir(folder: Path, network: str = "generator", file: str = ""):
    """(keras.Model, config): the ``network`` ("generator" or "discriminator") rebuilt in code from
    ``folder/config.json``, its weights loaded from ``folder/<file>`` (default ``<network>.weights.h5``)."""
    from ganapp.models import builders
    from ganapp.runtime import tensorflow

    cfg = _checked_config(folder)
    tensorflow()
    model = getattr(builders(cfg.family), f"build_{network}")(cfg)
    weights = folder / (file or f"{network}.weights.h5")
    if weights.suffixes[-2:] != [".weights", ".h5"]:
        raise WeightsUnavailable("Only Keras weights files (.weights.h5) are loaded.")
    model.load_weights(weights)
    return model, cfg


def load_generator(key: str):
    """Cached (generator, config) for a model key. Raises WeightsUnavailable with a sentence."""
    return _cache.get(key, lambda: build_from_dir(model_dir(key)))


DISCRIMINATOR = "discriminator.weights.h5"
# a CycleGAN's generator of the way back (painting -> photo); the same architecture as the generator
INVERSE = "inverse_generator.weights.h5"
_EXTRA = {DISCRIMINATOR: ("discriminator", "no discriminator, so there is nothing to judge with"),
          INVERSE: ("generator", "no generator of the way back (painting -> photo)")}  # fmt: skip


def ships(key: str, file: str) -> bool:
    """Cheap check for the UI: do the shipped weights include ``file`` (DISCRIMINATOR or INVERSE)?
    (A Hub repo is asked only when a view needs it.)"""
    folder = local_dir(key)
    return from_hub(key) or (folder is not None and (folder / file).is_file())


def has_discriminator(key: str) -> bool:
    return ships(key, DISCRIMINATOR)


def load_extra(key: str, file: str):
    """Cached (network, config) of ``file`` (DISCRIMINATOR or INVERSE) for a model key, from the same
    place as its generator: built in code from config.json, weights only. Raises WeightsUnavailable
    when the weights ship none."""
    network, what = _EXTRA[file]

    def build():
        folder = model_dir(key, files=("config.json", file))
        if not (folder / file).is_file():
            spec = models.spec(key)
            made = f"Weights made by `{spec.make_command}` include it."
            raise WeightsUnavailable(f"The {spec.title}'s weights ship {what}. {made}")
        return build_from_dir(folder, network, file)

    return _cache.get(f"{key}/{file}", build)


def load_discriminator(key: str):
    return load_extra(key, DISCRIMINATOR)


def cached(name: str, make):
    """A value made from loaded weights (e.g. a model's neighbours index), kept until
    :func:`clear_cache` like the models themselves."""
    return _cache.get(name, make)


def clear_cache() -> None:
    _cache.clear()
