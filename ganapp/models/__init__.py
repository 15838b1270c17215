"""The models, one folder each (``ganapp/models/<key>/``), found by discovery: a folder whose
name does not start with ``_`` and whose ``__init__.py`` defines ``SPEC``
(:class:`ganapp.models.spec.ModelSpec`) is a model. Each folder holds ``config.py`` (its config
dataclass), ``network.py`` (``build_generator(cfg)``, and for GANs ``build_discriminator(cfg)``,
reading nothing but the config) and ``inference.py`` (its public functions, ``SPEC.api``).
Copy ``_template/`` to add one."""

from __future__ import annotations

import functools
import importlib
import pkgutil

from ganapp.models.spec import ModelSpec


@functools.cache
def specs() -> dict[str, ModelSpec]:
    """Every model's spec by key, in name order. Imports only the spec packages (no TensorFlow)."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg and not info.name.startswith("_"):
            spec = getattr(importlib.import_module(f"{__name__}.{info.name}"), "SPEC", None)
            if isinstance(spec, ModelSpec):
                if spec.key != info.name:
                    raise ValueError(f"ganapp/models/{info.name}/ declares the key {spec.key!r}.")
                found[spec.key] = spec
    return found


def spec(key: str) -> ModelSpec:
    if key not in specs():
        raise KeyError(f"Unknown model key {key!r}; known: {', '.join(specs())}.")
    return specs()[key]


def config_classes() -> dict[str, type]:
    """Config dataclass by architecture family (the ``family`` field of config.json)."""
    return {s.family: s.config for s in specs().values()}


def builders(family: str):
    """The network module (``build_generator``, ``build_discriminator``) of a model family."""
    for s in specs().values():
        if s.family == family:
            return importlib.import_module(f"{__name__}.{s.key}.network")
    raise ValueError(f"Unknown model family {family!r}.")


def inference(key: str):
    """The inference module of model ``key``."""
    return importlib.import_module(f"{__name__}.{spec(key).key}.inference")
