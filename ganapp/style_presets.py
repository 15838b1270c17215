"""The style tab's painting presets: public-domain paintings shipped in ``weights/style/presets``
(built by ``python -m train.data prepare style_presets``), described by its ``presets.json``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ganapp import weights
from ganapp.errors import InputError


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    artist: str
    year: str
    file: str
    source: str
    licence: str


def folder() -> Path:
    return weights.WEIGHTS_DIR / "style" / "presets"


@functools.cache
def _load(path: Path) -> tuple[Preset, ...]:
    if not path.is_file():
        return ()
    return tuple(Preset(**{k: e[k] for k in Preset.__dataclass_fields__}) for e in json.loads(path.read_text()))


def presets() -> list[Preset]:
    """The presets in gallery order (empty when the folder is missing)."""
    return list(_load(folder() / "presets.json"))


def preset_path(preset: Preset) -> Path:
    return folder() / preset.file


def find(key: str) -> Preset:
    for p in presets():
        if p.key == key:
            return p
    raise InputError(f"Unknown style preset {key!r}; choose one of: {', '.join(p.key for p in presets())}.")
