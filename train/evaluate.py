"""Evaluate a model's weights: ``python -m train.evaluate <key> [--weights DIR] [--previous DIR]``.

Each model folder's ``train/<key>/evaluate.py`` defines ``evaluate(folder, **options)`` ->
``{"summary": ..., "goals": ..., "notes": ...}``; the result goes to ``<weights>/metrics.json``
and the model card. The metric primitives are :mod:`train.metrics`.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import pkgutil
from pathlib import Path

import train
from ganapp import weights


def evaluators() -> dict:
    """Model key -> its ``evaluate`` function, for every model folder that has an evaluate.py."""
    found = {}
    for info in pkgutil.iter_modules(train.__path__):
        if info.ispkg and not info.name.startswith("_"):
            if importlib.util.find_spec(f"train.{info.name}.evaluate") is not None:
                found[info.name] = importlib.import_module(f"train.{info.name}.evaluate").evaluate
    return found


def main(argv=None):
    from train.hub import write_model_card

    table = evaluators()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("key", choices=sorted(table))
    ap.add_argument("--weights", default=None, help="weights folder (default weights/<key>)")
    ap.add_argument("--previous", default=None, help="the weights folder these replace, measured beside them")
    args = ap.parse_args(argv)
    folder = Path(args.weights) if args.weights else weights.WEIGHTS_DIR / args.key
    extra = {"previous": Path(args.previous)} if args.previous else {}
    metrics = table[args.key](folder, **extra)
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    write_model_card(folder, args.key)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
