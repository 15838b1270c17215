"""Deploy the app to a Hugging Face Space.

    python -m train.space you/ganapp [--private] [--gpu] [--var GANAPP_VANGOGH_REPO=you/ganapp-vangogh@<sha> ...]
    (or: ganapp-deploy you/ganapp ...)

Creates the Space (Gradio SDK) if needed and uploads a snapshot of what the app needs, through
``huggingface_hub``'s ``upload_folder``, which stores every binary (weights, images) the way the
Hub requires: the code (``app.py``, ``ganapp/``), ``requirements.txt``, ``README.md`` (its front
matter configures the Space), ``LICENSE``, ``.gitattributes``, the shipped ``weights/`` and the
recipes that made them (``train/<key>/recipes/``).
Tests, trainers, benches, data, runs and virtual environments stay here; so does the git
history. ``--var`` sets Space variables (only ``GANAPP_<KEY>_REPO``, pinned to a revision), so a
model is served from its Hub repo instead of the shipped weights. The uploaded README's front
matter is written from the model registry (:func:`front_matter`: ``short_description``, ``tags``,
and for the pinned repos ``models`` and ``preload_from_hub``, so the Space downloads them at build
time); ``--gpu`` adds requirements-gpu.txt to the Space's requirements and suggests GPU hardware.
The token comes from ``HF_TOKEN`` or ``hf auth login``, through huggingface_hub; it is never printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
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
SHORT_DESCRIPTION = "See how GANs and neural style transfer work"  # the Hub allows 60 characters
GPU_HARDWARE = "t4-small"


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


def front_matter(variables: list[dict[str, str]], gpu: bool = False) -> dict:
    """The Space's configuration beyond the README's own (sdk, app file, versions): a short
    description, the tags of every model, and the pinned Hub repos of ``variables`` as ``models``
    and ``preload_from_hub`` (their weights files at the pinned revision, fetched when the Space builds)."""
    from ganapp import models, weights

    tags = ["gan", "style-transfer", "education", "keras", "tensorflow", "mcp-server"]
    tags += [t for spec in models.specs().values() for t in spec.tags]
    pinned = [weights.pinned_repo(v["key"], v["value"]) for v in variables]
    meta = {"short_description": SHORT_DESCRIPTION, "tags": list(dict.fromkeys(tags))}
    if pinned:
        meta["models"] = [repo for repo, _ in pinned]
        meta["preload_from_hub"] = [f"{repo} {','.join(weights.FILES)} {revision}" for repo, revision in pinned]
    if gpu:
        meta["suggested_hardware"] = GPU_HARDWARE
    return meta


def stage(root: Path, folder: Path, meta: dict, gpu: bool = False) -> Path:
    """The files the Space gets (:data:`ALLOW`), linked (or copied) into ``folder``, with the README's
    front matter updated by ``meta`` and, with ``gpu``, requirements-gpu.txt added to requirements.txt."""
    from huggingface_hub import metadata_load, metadata_save
    from huggingface_hub.utils import filter_repo_objects

    skip = {".venv", ".git", "data", "runs", "artifacts"}  # large, and never uploaded
    files = [p.relative_to(root).as_posix() for p in root.glob("**/*") if p.is_file() and not skip & set(p.parts)]
    for rel in filter_repo_objects(files, allow_patterns=ALLOW, ignore_patterns=IGNORE):
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(root / rel, target)
        except OSError:  # another file system
            shutil.copy2(root / rel, target)
    readme = folder / "README.md"
    text = readme.read_text()
    readme.unlink()  # a link to the checkout's README: write a file of its own
    readme.write_text(text)
    metadata_save(readme, {**metadata_load(readme), **meta})
    if gpu:
        requirements = folder / "requirements.txt"
        extra = (root / "requirements-gpu.txt").read_text()
        base = requirements.read_text()
        requirements.unlink()
        requirements.write_text(base.rstrip("\n") + "\n" + extra)
    return folder


def deploy(
    space_id: str,
    *,
    private: bool = False,
    variables: list[dict[str, str]] | None = None,
    gpu: bool = False,
    api=None,
    root: Path = ROOT,
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
    with tempfile.TemporaryDirectory(prefix="ganapp-space-") as tmp:
        folder = stage(root, Path(tmp), front_matter(variables or [], gpu), gpu)
        # delete_patterns: files of an earlier deploy that this snapshot no longer has are removed
        info = api.upload_folder(
            repo_id=space_id,
            repo_type="space",
            folder_path=str(folder),
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
    ap.add_argument("--gpu", action="store_true", help="TensorFlow with CUDA (requirements-gpu.txt), GPU hardware")
    ap.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="GANAPP_<KEY>_REPO=owner/name@revision",
        help="a Space variable serving that model from its Hub repo (repeatable)",
    )
    args = ap.parse_args(argv)
    print(deploy(args.space, private=args.private, variables=space_variables(args.var), gpu=args.gpu))


if __name__ == "__main__":
    main()
