"""Model cards and uploads to the Hugging Face Hub.

The card is rendered from the files beside the weights (config.json, training.json,
metrics.json), so re-running evaluation refreshes it. The Hub token comes from
``HF_TOKEN`` or the login cache through huggingface_hub itself; it is never printed.
"""

from __future__ import annotations

import json
from pathlib import Path


def _load(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def card_data(key: str, metrics: dict | None = None):
    """The card's metadata (huggingface_hub.ModelCardData) from the spec of model ``key``:
    licence, task, tags, datasets, and the model's own numbers of metrics.json's ``summary`` as
    eval results (the references beside them, e.g. the untranslated photos, stay in the text)."""
    from huggingface_hub import EvalResult, ModelCardData

    from ganapp import models

    info = models.spec(key)
    dataset_id, dataset_name = info.eval_dataset
    summary = (metrics or {}).get("summary", {})
    results = [
        EvalResult(
            task_type=info.pipeline_tag,
            dataset_type=dataset_id,
            dataset_name=dataset_name,
            metric_type=name,
            metric_value=summary[name],
        )
        for name in info.eval_metrics
        if name in summary
    ]
    return ModelCardData(
        # the files are weights for ganapp's own builders, not a Keras model file: the Hub's
        # "keras" snippet (keras.saving.load_model) could not load them
        library_name="ganapp",
        license=info.license,
        pipeline_tag=info.pipeline_tag,
        tags=list(dict.fromkeys([*info.tags, "gan", "keras", "tensorflow", "ganapp"])),
        datasets=list(info.datasets) or None,
        model_name=f"ganapp-{key}",
        eval_results=results or None,
    )


def save_card(folder: Path, data, body: str) -> Path:
    """Write ``folder/README.md``: the metadata as YAML front matter, then the Markdown body."""
    from huggingface_hub import ModelCard

    path = folder / "README.md"
    ModelCard(f"---\n{data.to_yaml()}\n---\n{body}").save(path)
    return path


def licence_section(key: str) -> list[str]:
    from ganapp import models

    info = models.spec(key)
    return ["## Licence", "", f"`{info.license}`. {info.license_note}".rstrip(), ""]


def _training_section(info, train: dict) -> list[str]:
    """The card's "How it was trained" lines, from training.json (none without one)."""
    if not train:
        return []
    t = train.get("train", {})
    lines = [
        "## How it was trained",
        "",
        f"{train.get('images', '?')} training images, {t.get('epochs')} epochs"
        + (f" planned, {train['steps']} steps run" if train.get("steps") else "")
        + " at batch size "
        f"{t.get('batch_size')}, Adam lr {t.get('lr')} beta1 {t.get('beta1')}, on {train.get('device', '?')}. "
        "Full options:",
        "",
        "```json",
        json.dumps(t, indent=2),
        "```",
        "",
        f"Recipe: `{info.recipe}`; reproduce with `{info.make_command}`"
        + (
            f" (these weights: `{train['command']}`)."
            if train.get("command", info.make_command) != info.make_command
            else "."
        ),
        "",
    ]
    if lapse := train.get("timelapse"):
        lines += [f"How it learned: the sample grid after each of epochs {lapse['epochs'][0]}-{lapse['epochs'][-1]}, "
                  "and the losses:", "", f"![timelapse]({lapse['file']})", ""]  # fmt: skip
        lines += [f"![losses]({lapse['loss_plot']})", ""] if lapse.get("loss_plot") else []
    else:
        lines += ["No timelapse: these weights were exported before the trainer kept one, and their run's "
                  "per-epoch samples are not kept in the repository.", ""]  # fmt: skip
    if sel := train.get("selected"):
        by = sel["by"].lstrip("-")
        lines += [
            f"Exported: the generator of epoch {sel['epoch']} of {t.get('epochs')}, the epoch with the "
            f"{'lowest' if sel['by'].startswith('-') else 'best'} {by} ({sel[by]}) on {sel['val_pairs']} "
            "validation pairs (photos held out from both training and the evaluation below"
            + (f"; {sel['val_note']}" if sel.get("val_note") else "")
            + ").",
            "",
        ]
    return lines


def _pilots_section(pilots: dict) -> list[str]:
    """Short runs that tried other recipes (``pilots.json``: a note and one row per run), as a table."""
    if not pilots:
        return []
    rows, cols = pilots["rows"], list(pilots["rows"][0])
    table = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    table += ["| " + " | ".join(str(r[c]) for c in cols) + " |" for r in rows]
    return ["## Pilots", "", pilots["note"], "", *table, ""]


def usage_section(key: str, repo_id: str = "owner/name", folder: Path | None = None) -> list[str]:
    """The card's "How to use": serve these weights in ganapp from the Hub repo, pinned, and call
    the model's first API function with gradio_client (its required arguments; the rest keep the
    function's defaults; a class label is the first of ``folder/config.json``'s classes)."""
    import inspect

    import ganapp
    from ganapp import models

    info = models.spec(key)
    classes = _load(folder / "config.json").get("class_names", ["?"]) if folder else ["?"]
    args = [
        f"{p.name}={json.dumps(classes[0])}" if p.name == "label" else f'{p.name}=handle_file("{p.name}.png")'
        for p in inspect.signature(getattr(ganapp, info.api[0])).parameters.values()
        if p.default is inspect.Parameter.empty
    ]
    imports = "from gradio_client import Client" + (", handle_file" if "handle_file" in "".join(args) else "")
    return [
        "## How to use",
        "",
        "These are weights for ganapp's own network builders, rebuilt in code from `config.json` (never a "
        "pickled model). In a ganapp checkout, serve them pinned to a commit of this repo (the sha the push "
        "printed, or any commit of its history):",
        "",
        "```bash",
        "pip install .",
        f"GANAPP_{key.upper()}_REPO={repo_id}@<commit sha> ganapp",
        "```",
        "",
        "Then call the model from Python (or from any MCP client, with `GRADIO_MCP_SERVER=true`):",
        "",
        "```python",
        imports,
        "",
        'client = Client("http://127.0.0.1:7860/")',
        "result = client.predict(" + ", ".join([*args, f'api_name="/{info.api[0]}"']) + ")",
        "```",
        "",
    ]


def _discriminator_lines(folder: Path, d: dict | None) -> list[str]:
    if not (folder / "discriminator.weights.h5").exists():
        return []
    views = 'which the app\'s "What the discriminator sees" views score with'
    if d and "trained" in d:  # a fresh discriminator against the frozen generator (train/frozen_judge.py)
        return [
            f"- `discriminator.weights.h5`: {d['trained']}; the run's own discriminator was not kept. Weights only, "
            f"{views}; on held-out images it judges {d['accuracy']:.0%} right: mean P(real) "
            f"{d['mean_p_real_of_real']:.2f} for real ones, {d['mean_p_real_of_generated']:.2f} for the generator's."
        ]
    line = f"- `discriminator.weights.h5`: the discriminator it was trained against (weights only), {views}"
    if d:
        line += (
            f"; on held-out real and generated images it judges {d['accuracy']:.0%} right (real called real "
            f"{d['real_judged_real']:.0%}, generated called generated {d['generated_judged_generated']:.0%}; "
            "50 % would be a coin toss)"
        )
        if "auc_real_vs_generated" in d:  # a PatchGAN judged patch by patch (train/vangogh/evaluate.py)
            line += (
                f"; it ranks a real patch above a generated one {d['auc_real_vs_generated']:.0%} of the time; mean "
                f"P(real) {d['mean_p_real_of_real']:.2f} for the held-out paintings, "
                f"{d['mean_p_real_of_photos']:.2f} for the photos, {d['mean_p_real_of_generated']:.2f} for the "
                "generator's paintings of them"
            )
    return [line + "."]


def _inverse_lines(folder: Path) -> list[str]:
    from ganapp.weights import INVERSE

    if not (folder / INVERSE).exists():
        return []
    return [
        f"- `{INVERSE}`: the CycleGAN's other generator, painting -> photo, trained with it (weights only, the "
        "same architecture): the app's round trip and painting -> photo views run it."
    ]


def _lesson_section(key: str) -> list[str]:
    from ganapp import models

    steps = models.spec(key).lesson
    if not steps:
        return []
    return [
        "## A lesson: open the box",
        "",
        "The model's tab in the ganapp app leads a student through what its networks see, in these steps:",
        "",
        *(f"{i}. {step}" for i, step in enumerate(steps, 1)),
        "",
    ]


def _neighbours_lines(folder: Path) -> list[str]:
    from ganapp.neighbours import INDEX, counts

    path = folder / INDEX
    if not path.exists():
        return []
    n = counts(path)
    return [
        f"- `neighbours.npz`: {n['shown']:,} of the {n['of']:,} training images (a seeded random choice) at the "
        f"model's size, with their VGG features ({path.stat().st_size / 1e6:.1f} MB): what the app's "
        '"Is it copying?" view searches for a generated image\'s nearest training images.'
    ]


def write_model_card(folder: Path, key: str, repo_id: str = "owner/name") -> Path:
    """Write ``folder/README.md`` from the JSON files in ``folder`` and the spec of model ``key``
    (``repo_id``: the Hub repo its "how to use" names)."""
    from ganapp import models

    info = models.spec(key)
    train, metrics = _load(folder / "training.json"), _load(folder / "metrics.json")
    lines = [
        "",
        f"# {info.card_title}",
        "",
        info.card_intro,
        "",
        "![samples](samples.png)",
        "",
        "## Files",
        "",
        "- `config.json`: the architecture config; ganapp rebuilds the model in code from it.",
        "- `generator.weights.h5`: generator weights only (Keras 3 weights file; no pickled code).",
        *_inverse_lines(folder),
        *_discriminator_lines(folder, metrics.get("discriminator")),
        *_neighbours_lines(folder),
        *(
            ["- `credits.json`: source and licence of every training image."]
            if (folder / "credits.json").exists()
            else []
        ),
        "",
        "## Training data",
        "",
        train.get("dataset_note", "(not recorded)"),
        "",
    ]
    lines += usage_section(key, repo_id, folder)
    lines += _lesson_section(key)
    lines += _training_section(info, train)
    lines += _pilots_section(_load(folder / "pilots.json"))
    if metrics:
        lines += [
            "## Evaluation",
            "",
            f"`python -m train.evaluate {key}` on {info.eval_dataset[1]}:",
            "",
            "```json",
            json.dumps(metrics, indent=2),
            "```",
            "",
        ]
        if (sheet := metrics.get("sheet")) and (folder / sheet["file"]).exists():
            lines += [
                "Held-out inputs (never trained on), left to right: " + ", ".join(sheet["columns"]) + ":",
                "",
                f"![comparison]({sheet['file']})",
                "",
            ]
    if info.limitations:
        lines += ["## Limitations", "", info.limitations, ""]
    lines += licence_section(key)
    return save_card(folder, card_data(key, metrics), "\n".join(lines))


def push_folder(
    folder: Path, repo_id: str, api=None, revision: str | None = None, key: str | None = None, run: Path | None = None
) -> str:
    """Create ``repo_id`` if needed and upload ``folder``'s files, with the card's "how to use"
    naming ``repo_id`` (when ``key`` is given) and the run's TensorBoard event files under
    ``runs/`` (when ``run`` is given; the Hub shows them in its TensorBoard tab). Returns the
    pin line ``GANAPP_<KEY>_REPO=repo_id@<commit sha>`` (or the commit URL, without ``key``)."""
    if api is None:
        from huggingface_hub import HfApi

        api = HfApi()
    if key:
        write_model_card(folder, key, repo_id)
    api.create_repo(repo_id, repo_type="model", exist_ok=True)
    info = api.upload_folder(
        repo_id=repo_id,
        folder_path=str(folder),
        repo_type="model",
        commit_message=f"Upload {folder.name} weights from ganapp",
        revision=revision,
        ignore_patterns=["*.part", "*.tmp"],
    )
    commit = getattr(info, "oid", None) or str(info).rstrip("/").rsplit("/", 1)[-1]
    if run is not None and (run / "tb").is_dir():
        info = api.upload_folder(
            repo_id=repo_id,
            folder_path=str(run / "tb"),
            path_in_repo=f"runs/{run.name}",
            repo_type="model",
            commit_message=f"TensorBoard logs of run {run.name}",
            revision=revision,
        )
        commit = getattr(info, "oid", None) or str(info).rstrip("/").rsplit("/", 1)[-1]
    url = str(getattr(info, "commit_url", info))
    print(f"pushed: {url}\ncommit: {commit}")
    return f"GANAPP_{key.upper()}_REPO={repo_id}@{commit}" if key else url
