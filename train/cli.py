"""``ganapp-train <key> [options]``: the trainer of model ``key``, exactly as ``python -m train.<key>``
runs it (``ganapp-train cars --recipe default --export weights/cars``); without a key, the keys."""

from __future__ import annotations

import importlib.util
import pkgutil
import runpy
import sys

import train


def trainers() -> list[str]:
    """The model keys with a trainer: the packages of train/ that run as ``python -m train.<key>``."""
    return sorted(
        i.name
        for i in pkgutil.iter_modules(train.__path__)
        if i.ispkg and not i.name.startswith("_") and importlib.util.find_spec(f"train.{i.name}.__main__")
    )


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    keys = trainers()
    if not argv or argv[0] not in keys:
        raise SystemExit(f"usage: ganapp-train KEY [options] (KEY: {', '.join(keys)}; KEY --help lists the options)")
    sys.argv = [f"ganapp-train {argv[0]}", *argv[1:]]
    runpy.run_module(f"train.{argv[0]}", run_name="__main__", alter_sys=True)
