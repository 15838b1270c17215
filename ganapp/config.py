"""config.json: saving a model's config dataclass (``ganapp/models/<key>/config.py``) beside its
weights, and reading one back with every value's type and bounds checked. The saved config is
what rebuilds the architecture at load time (see ``ganapp.weights``).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path


def config_to_dict(cfg) -> dict:
    return dataclasses.asdict(cfg)


# Bounds on what a config.json may ask for, checked before any network is built, so a hostile
# weights repo cannot request a layer of a million filters: whole numbers 0..1024 (widths, sizes,
# block counts), lists of at most 16 entries, text of at most 80 characters; except these.
MAX_INT, MAX_LEN, MAX_TEXT = 1024, 16, 80
MAX_INT_FOR = {"predictor_head": 2048}
MAX_LEN_FOR = {"class_names": 1000}


def _checked(name: str, value, default):
    """``value`` with the JSON type and bounds of the field's ``default``, else ValueError."""

    def fail(what):
        raise ValueError(f"config.json: {name} must be {what}, not {value!r:.80}.")

    if isinstance(default, bool):
        return value if isinstance(value, bool) else fail("true or false")
    if isinstance(default, int):
        limit = MAX_INT_FOR.get(name, MAX_INT)
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit
        return value if ok else fail(f"a whole number from 0 to {limit}")
    if isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1e3
        return float(value) if ok else fail("a number from 0 to 1000")
    if isinstance(default, str):
        return (
            value
            if isinstance(value, str) and len(value) <= MAX_TEXT
            else fail(f"text of at most {MAX_TEXT} characters")
        )
    if isinstance(default, tuple):
        limit = MAX_LEN_FOR.get(name, MAX_LEN)
        if not isinstance(value, (list, tuple)) or len(value) > limit:
            fail(f"a list of at most {limit} entries")
        sample = default[0] if default else ""
        return tuple(_checked(f"{name}[{i}]", v, sample) for i, v in enumerate(value))
    fail("of a known type")


def config_from_dict(d: dict):
    """Rebuild a config from its JSON form. Unknown keys, wrong types and values out of bounds
    are errors with a sentence, not silently dropped or built."""
    if not isinstance(d, dict):
        raise ValueError("config.json must hold a JSON object.")
    from ganapp.models import config_classes

    family, classes = d.get("family"), config_classes()
    if family not in classes:
        raise ValueError(f"config.json names an unknown model family {family!r:.40}.")
    cls = classes[family]
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(d) - names
    if unknown:
        raise ValueError(f"config.json has keys this version does not know: {sorted(unknown)[:10]}.")
    kwargs = {
        f.name: _checked(f.name, d[f.name], f.default)
        for f in dataclasses.fields(cls)
        if f.name in d and f.name != "family"
    }
    return cls(**kwargs)


def save_config(cfg, path: str | Path) -> None:
    Path(path).write_text(json.dumps(config_to_dict(cfg), indent=2) + "\n")


def load_config(path: str | Path):
    return config_from_dict(json.loads(Path(path).read_text()))
