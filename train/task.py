"""The contract between the training loop and a model's task: options (:class:`TrainConfig`,
flags from dataclasses), the :class:`GANTask` a model folder implements, and the pieces of a
step every task shares (distribution strategy, traced step, EMA, random-state tracking).

Randomness is derived from ``(seed, step)`` with stateless ops, so a resumed run draws
exactly the noise an uninterrupted run would have drawn.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import numpy as np


@dataclasses.dataclass
class TrainConfig:
    """Options every trainer shares. Model trainers subclass this with their own defaults."""

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
    strategy: str = "default"  # default | mirrored
    export: str = ""  # folder to export the inference model to at the end (e.g. weights/<key>)
    push_to_hub: str = ""  # Hub repo id to upload the export folder to
    dry_run: bool = False  # build everything, run one step, write nothing but the run's config


def parse_config(cls, model_cls, argv=None, description: str = ""):
    """argparse CLI whose flags and defaults come from two dataclasses (training + model)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.ArgumentDefaultsHelpFormatter)
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
    ns = vars(parser.parse_args(argv))
    train_cfg = cls(**{f.name: ns[f.name] for f in dataclasses.fields(cls)})
    model_kw = {
        f.name: (tuple(ns[f.name]) if isinstance(ns[f.name], list) else ns[f.name])
        for f in dataclasses.fields(model_cls)
        if f.name in ns
    }
    return train_cfg, model_cls(**model_kw)


def make_strategy(name: str):
    import tensorflow as tf

    if name == "mirrored":
        # every GPU; on a CPU-only machine every logical CPU device (tests configure two)
        devices = tf.config.list_logical_devices("GPU") or tf.config.list_logical_devices("CPU")
        return tf.distribute.MirroredStrategy([d.name for d in devices])
    if name == "default":
        return tf.distribute.get_strategy()
    raise ValueError(f"Unknown strategy {name!r}: use 'default' or 'mirrored'.")


class GANTask:
    """What a model trainer provides. Attributes set in :meth:`build` are checkpointed
    through :meth:`trackables`."""

    key: str = ""
    train_cfg: TrainConfig
    model_cfg: object

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

    def export(self, out: Path) -> None:
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
