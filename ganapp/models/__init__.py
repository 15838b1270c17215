"""Architecture builders. Each family module exposes ``build_generator(cfg)`` (and the GANs
``build_discriminator(cfg)``) and reads nothing but its config argument."""

from __future__ import annotations

import importlib


def builders(family: str):
    """Return the module for a model family (those of ``ganapp.registry.MODELS``)."""
    from ganapp.registry import families

    if family not in families():
        raise ValueError(f"Unknown model family {family!r}.")
    return importlib.import_module(f"ganapp.models.{family}")
