"""Trainers: one folder per model (``train/<key>/``: task, data, evaluation, recipes), run as
``python -m train.<key> --recipe default``, over the shared task contract (train.task) and loop
(train.loop)."""

import os
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parent.parent  # where train/ lives: a checkout, or site-packages once installed
# the folder of data/ and runs/: a checkout's root, else (installed) the current folder
WORK = ROOT if (ROOT / "pyproject.toml").is_file() else Path.cwd()
DATA = WORK / "data"  # prepared datasets (git-ignored; python -m train.data prepare <name>)


def runs_dir() -> Path:
    """Where run folders go (git-ignored): ``GANAPP_RUNS_DIR``, else ``runs/``."""
    return Path(os.environ.get("GANAPP_RUNS_DIR", WORK / "runs"))
