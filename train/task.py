"""The contract between the training loop and a model's task: options (:class:`TrainConfig`,
flags from dataclasses), the :class:`GANTask` a model folder implements, and the pieces of a
step every task shares (distribution strategy, traced step, EMA, random-state tracking).

Randomness is derived from ``(seed, step)`` with stateless ops, so a resumed run draws
exactly the noise an uninterrupted run would have drawn.
"""

from __future__ import annotations

import argparse
import dataclasses
import tomllib
from pathlib import Path

import numpy as np

from train import ROOT


@dataclasses.dataclass
class TrainConfig:
    """Options every trainer shares. Model trainers subclass this with their own defaults."""

    recipe: str = ""  # a recipe of train/<key>/recipes/ (e.g. default) or a .toml file: its options
    run: str = "default"  # runs/<key>/<run>/; an existing run is resumed
    data: str = ""  # dataset name or folder (see train/data.py)
    epochs: int = 10
    batch_size: int = 64
    lr: float = 2e-4
    beta1: float = 0.5
    seed: int = 0
    checkpoint_every: int = 500  # steps
    log_every: int = 20  # steps
    max_steps: int = 0  # stop after this many steps in total (0 = no limit)
    strategy: str = "default"  # default | mirrored | multi_worker (TF_CONFIG)
    export: str = ""  # folder to export the inference model to at the end (e.g. weights/<key>)
    push_to_hub: str = ""  # Hub repo id to upload the export folder to
    dry_run: bool = False  # build everything, run one step, write nothing but the run's config


def recipe_path(key: str, name: str) -> Path:
    """A recipe: ``name`` as a file of ``train/<key>/recipes/`` (``default`` -> default.toml), or a
    path to a .toml file."""
    path = Path(name)
    if path.suffix != ".toml":
        path = ROOT / "train" / key / "recipes" / f"{name}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in (ROOT / "train" / key / "recipes").glob("*.toml"))
        raise SystemExit(f"No recipe {name!r} for {key}: choose one of {', '.join(known) or 'none'}, or a .toml file.")
    return path


def read_recipe(path: Path, options: set[str]) -> dict:
    """The option values of a recipe file: a flat TOML table of option names (as in ``--help``,
    with underscores) and values. A name that is no option is an error."""
    values = tomllib.loads(path.read_text())
    unknown = sorted(set(values) - options)
    if unknown:
        raise SystemExit(f"{path.name}: unknown options {', '.join(unknown)} (see --help).")
    return values


def parse_config(cls, model_cls, argv=None, description: str = "", key: str = ""):
    """(training config, model config) from the command line: every field of the two dataclasses
    is a flag with the field's default; ``--recipe NAME`` (``train/<key>/recipes/NAME.toml``, or a
    .toml path) replaces those defaults with the recipe's values, and flags given beside it win."""
    parser = argparse.ArgumentParser(
        prog=f"python -m train.{key}" if key else None,
        description=description,
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    seen = set()
    for group_name, dc in (("training", cls), ("model", model_cls)):
        group = parser.add_argument_group(group_name)
        for f in dataclasses.fields(dc):
            if f.name in seen or f.name == "family":
                continue
            seen.add(f.name)
            flag = "--" + f.name.replace("_", "-")
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            if isinstance(default, bool):
                group.add_argument(flag, action=argparse.BooleanOptionalAction, default=default)
            elif isinstance(default, tuple):
                kind = type(default[0]) if default else str
                group.add_argument(flag, type=kind, nargs="+", default=list(default))
            else:
                group.add_argument(flag, type=type(default), default=default)
    recipe = parser.parse_known_args(argv)[0].recipe
    if recipe:
        path = recipe_path(key, recipe)
        parser.set_defaults(**read_recipe(path, seen - {"recipe"}))
    ns = vars(parser.parse_args(argv))
    if recipe:  # recorded as the file, which training.json and the card name
        ns["recipe"] = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    train_cfg = cls(**{f.name: ns[f.name] for f in dataclasses.fields(cls)})
    model_kw = {
        f.name: (tuple(ns[f.name]) if isinstance(ns[f.name], list) else ns[f.name])
        for f in dataclasses.fields(model_cls)
        if f.name in ns
    }
    return train_cfg, model_cls(**model_kw)


def make_strategy(name: str):
    """``default`` (one device), ``mirrored`` (every GPU of this machine; on a CPU-only one every
    logical CPU device, tests configure two) or ``multi_worker`` (every worker the ``TF_CONFIG``
    environment variable lists, each with its devices; see the README)."""
    import tensorflow as tf

    if name == "mirrored":
        devices = tf.config.list_logical_devices("GPU") or tf.config.list_logical_devices("CPU")
        return tf.distribute.MirroredStrategy([d.name for d in devices])
    if name == "multi_worker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    if name == "default":
        return tf.distribute.get_strategy()
    raise ValueError(f"Unknown strategy {name!r}: use 'default', 'mirrored' or 'multi_worker'.")


def worker_index(strategy) -> int:
    """This process's place among the workers of a multi-worker strategy (0, the chief, elsewhere)."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None or resolver.task_type in (None, "chief"):
        return 0
    return int(resolver.task_id) + (1 if "chief" in resolver.cluster_spec().as_dict() else 0)


@dataclasses.dataclass
class Run:
    """What the loop tells a task about its run: the run folder and the steps done so far."""

    folder: Path
    steps: int = 0
    resume_from: Path | None = None  # where its checkpoints are read from, if not the folder itself


class GANTask:
    """What a model's trainer defines (``train/<key>/task.py``) and the loop (:func:`train.loop.fit`)
    calls, in this order:

    1. ``Task(train_cfg, model_cfg)`` stores the two configs and reads nothing;
    2. :meth:`load_data` reads the datasets (it may refine ``model_cfg``, e.g. a folder's class names);
    3. :meth:`build`, inside the strategy's scope: networks, optimisers, EMA copies;
       :meth:`trackables` names what the checkpoint holds;
    4. each step: :meth:`dataset` gives the epoch's batches, :meth:`train_step` runs on each replica
       (traced once per :meth:`phase`), then :meth:`after_step`;
    5. each epoch: :meth:`sample_images` for the sample grid, :meth:`validate` for val.csv and, when
       ``select_by`` improves, :meth:`best_model`'s weights are kept;
    6. with ``--export``: :meth:`export` with the :class:`Run`.

    Class attributes: ``key`` (the model folder), ``grid_cols``, ``select_by``, ``select_after``.
    """

    key: str = ""

    def __init__(self, train_cfg: TrainConfig, model_cfg):
        self.train_cfg, self.model_cfg = train_cfg, model_cfg

    def load_data(self) -> None:
        raise NotImplementedError

    def build(self) -> None:  # called inside strategy.scope()
        raise NotImplementedError

    def trackables(self) -> dict:
        raise NotImplementedError

    def dataset(self, epoch: int):
        """tf.data.Dataset of global batches for one epoch (deterministic per epoch)."""
        raise NotImplementedError

    def steps_per_epoch(self) -> int:
        raise NotImplementedError

    def train_step(self, batch, step, replica_seed):
        """One replica's step; returns a dict of scalar losses already divided by the
        global batch size (so the strategy's SUM is the mean)."""
        raise NotImplementedError

    grid_cols: int | None = None  # columns of the per-epoch sample grid

    current_phase: str = ""

    def phase(self, epoch: int) -> str:
        """Name of the training phase of ``epoch`` (e.g. which layers are frozen). Each phase gets
        its own traced step; ``train_step`` reads ``self.current_phase`` (set while tracing)."""
        return ""

    def after_step(self, step) -> None:
        """Cross-replica work after each step (e.g. the EMA update); ``step`` is a tensor."""
        return None  # a docstring-only body trips AutoGraph's parser

    def sample_images(self) -> np.ndarray:
        """uint8 (N, H, W, C) from fixed inputs, for the per-epoch grid."""
        raise NotImplementedError

    select_by: str = ""  # a validate() metric, higher is better ("-name": lower): fit keeps the best epoch's weights
    select_after: int = 0  # ... among the epochs after this one (a run's last stage)

    def validate(self) -> dict:
        """Metrics on held-out validation data after each epoch ({name: float}), or {} if there is none."""
        return {}

    def best_model(self):
        """The model whose weights fit keeps in ``<run>/best.weights.h5`` for the best ``select_by`` epoch."""
        raise NotImplementedError

    def export(self, out: Path, run: Run) -> None:
        """Write the inference weights and their record to ``out`` (see train.export.export_folder)."""
        raise NotImplementedError


def ema_update(ema_model, model, step, decay: float) -> None:
    """Exponential moving average of ``model``'s weights into ``ema_model`` (built alike),
    with warm-up (decay (1+t)/(10+t) until it reaches ``decay``) so early samples and short
    runs are not dominated by the random initial weights. Non-trainable weights (BN
    statistics), and everything when ``decay`` is 0, are copied."""
    import tensorflow as tf

    t = tf.cast(step, tf.float32)
    d = tf.minimum(decay, (1.0 + t) / (10.0 + t))
    for e, v in zip(ema_model.weights, model.weights):
        if decay and e.trainable:
            e.assign(d * e + (1.0 - d) * v)
        else:
            e.assign(v)


def rng_states(trackables: dict) -> dict:
    """The state variables of the Keras layers' own random generators (Dropout), so that a resumed
    run continues their streams instead of restarting them: ``{"rng": {...}}``, empty without any.
    Keyed by position, not by layer name: Keras numbers unnamed layers per process ("dropout_42")."""
    import keras

    states = {}
    for name, obj in trackables.items():
        if isinstance(obj, keras.Model):
            gens = [g for g in (getattr(layer, "seed_generator", None) for layer in obj._flatten_layers()) if g]
            states.update({f"{name}.{i}": g.state for i, g in enumerate(gens)})
    return {"rng": states} if states else {}


def make_step_fn(task: GANTask, strategy, phase: str = ""):
    """tf.function(batch, step) -> summed losses: one step on every replica + after_step, in
    training ``phase``. Each replica's noise seed is (seed, step * 16 + replica), so a resumed
    run draws what an uninterrupted one would have."""
    import tensorflow as tf

    @tf.function
    def distributed_step(batch, step):
        task.current_phase = phase  # Python, so it holds while this function is traced

        def replica_fn(b):
            ctx = tf.distribute.get_replica_context()
            seed = tf.stack(
                [tf.cast(task.train_cfg.seed, tf.int64), step * 16 + tf.cast(ctx.replica_id_in_sync_group, tf.int64)]
            )
            return task.train_step(b, step, seed)

        losses = strategy.run(replica_fn, args=(batch,))
        losses = {k: strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None) for k, v in losses.items()}
        task.after_step(step)
        return losses

    return distributed_step
