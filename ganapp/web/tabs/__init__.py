"""The tabs, one module each, found by discovery: a module here whose name does not start with
``_`` and that defines ``TITLE`` (English, translated), ``ORDER`` (its place, left to right) and
``build()`` (the tab's contents and its API endpoints) is a tab. Adding a model's tab is adding
its module; nothing else lists the tabs."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def tabs() -> list[ModuleType]:
    """The tab modules, in ``ORDER``."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            if all(hasattr(module, name) for name in ("TITLE", "ORDER", "build")):
                found.append(module)
    return sorted(found, key=lambda m: (m.ORDER, m.__name__))
