"""Architecture builders. Each family module exposes ``build_generator(cfg)`` and
``build_discriminator(cfg)`` and reads nothing but its config argument."""
from __future__ import annotations

import importlib


def builders(family: str):
    """Return the module for a model family ('dcgan', 'cgan', 'pix2pix', 'cyclegan', 'fast_style')."""
    if family not in ("dcgan", "cgan", "pix2pix", "cyclegan", "fast_style"):
        raise ValueError(f"Unknown model family {family!r}.")
    return importlib.import_module(f"ganapp.models.{family}")
