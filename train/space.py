"""Deploy the app to a Hugging Face Space.

    python -m train.space you/ganapp [--private] [--var GANAPP_VANGOGH_REPO=you/ganapp-vangogh@<sha> ...]

Creates the Space (Gradio SDK) if needed and uploads a snapshot of what the app needs, through
``huggingface_hub``'s ``upload_folder``, which stores every binary (weights, images) the way the
Hub requires: the code (``app.py``, ``ganapp/``), ``requirements.txt``, ``README.md`` (its front
matter configures the Space), ``LICENSE``, ``.gitattributes``, the shipped ``weights/`` and the
recipes that made them (``train/<key>/recipes/``).
Tests, trainers, benches, data, runs and virtual environments stay here; so does the git
history. ``--var`` sets Space variables (only ``GANAPP_<KEY>_REPO``, pinned to a revision), so a
model is served from its Hub repo instead of the shipped weights. The token comes from
``HF_TOKEN`` or ``hf auth login``, through huggingface_hub; it is never printed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# what the running app reads, relative to the repository root
ALLOW = [
    "app.py",
    "requirements.txt",
    "README.md",
    "LICENSE",
    ".gitattributes",
    "ganapp/**.py",
    "weights/**",
    "train/*/recipes/*.toml",
]  # the recipes: each tab shows how its model was trained
IGNORE = ["**/__pycache__/**", "**.pyc", "**.part", "**.tmp", "**/.DS_Store"]


def space_variables(pairs: list[str]) -> list[dict[str, str]]:
    """``["GANAPP_CARS_REPO=owner/name@rev", ...]`` -> Space variables, each checked: a known
    model key and a pinned revision (the app refuses a bare repo id)."""
    from ganapp import models, weights
    from ganapp.errors import WeightsUnavailable

    known = {f"GANAPP_{key.upper()}_REPO" for key in models.specs()}
    out = []
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in known:
            raise SystemExit(f"--var {pair}: only {', '.join(sorted(known))} can be set.")
        try:
            repo, _ = weights.pinned_repo(name, value)  # the app's own check
        except WeightsUnavailable:
            repo = ""
        if "/" not in repo:
            raise SystemExit(f"--var {pair}: give owner/name@revision (a commit sha or tag), as the app requires.")
        out.append({"key": name, "value": value})
    return out


def deploy(
    space_id: str, *, private: bool = False, variables: list[dict[str, str]] | None = None, api=None, root: Path = ROOT
) -> str:
    """Create or update the Space ``space_id`` from ``root``; returns the commit URL."""
    if "/" not in space_id:
        raise SystemExit(f"{space_id!r}: give the Space as owner/name.")
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    api.create_repo(
        space_id,
        repo_type="space",
        space_sdk="gradio",
        private=private,
        exist_ok=True,
        space_variables=variables or None,
    )
    for var in variables or []:  # create_repo sets them only for a new Space
        api.add_space_variable(space_id, var["key"], var["value"])
    # delete_patterns: files of an earlier deploy that this snapshot no longer has are removed
    info = api.upload_folder(
        repo_id=space_id,
        repo_type="space",
        folder_path=str(root),
        allow_patterns=ALLOW,
        ignore_patterns=IGNORE,
        delete_patterns=["*"],
        commit_message="Deploy ganapp",
    )
    return str(getattr(info, "commit_url", info))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("space", help="owner/name of the Space")
    ap.add_argument("--private", action="store_true", help="create the Space private")
    ap.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="GANAPP_<KEY>_REPO=owner/name@revision",
        help="a Space variable serving that model from its Hub repo (repeatable)",
    )
    args = ap.parse_args(argv)
    print(deploy(args.space, private=args.private, variables=space_variables(args.var)))


if __name__ == "__main__":
    main()
