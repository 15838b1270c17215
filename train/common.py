"""The shared training loop: run folders, resolved config, checkpoints + resume,
TensorBoard, sample grids, loss plot, progress bar, distribution strategy, export.

A model's trainer (``train/<key>.py``) supplies a :class:`GANTask`; this module runs it.
Randomness is derived from ``(seed, step)`` with stateless ops, so a resumed run draws
exactly the noise an uninterrupted run would have drawn.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RUNS = Path(os.environ.get("GANAPP_RUNS_DIR", ROOT / "runs"))


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


def export_folder(
    task: GANTask,
    out: Path,
    generator,
    samples,
    note: str,
    images: int,
    credits: Path | None = None,
    selected: dict | None = None,
) -> None:
    """Write what inference needs and nothing else: config.json, generator weights,
    samples.png, training.json (data note, options, the command, the epoch ``selected`` by
    validation if any), credits, model card."""
    import tensorflow as tf

    from ganapp.config import save_config
    from train.hub import write_model_card

    out.mkdir(parents=True, exist_ok=True)
    save_config(task.model_cfg, out / "config.json")
    generator.save_weights(out / "generator.weights.h5")
    samples.save(out / "samples.png")
    options = dataclasses.asdict(task.train_cfg)
    options.pop("push_to_hub", None)
    info = {
        "data": task.train_cfg.data,
        "dataset_note": note,
        "train": options,
        "images": int(images),
        "command": " ".join(["python -m", f"train.{task.key}", *sys.argv[1:]]),
        "device": "GPU" if tf.config.list_logical_devices("GPU") else "CPU",
    }
    if getattr(task, "steps_done", None) is not None:
        info["steps"] = int(task.steps_done)
    if selected:
        info["selected"] = selected
    (out / "training.json").write_text(json.dumps(info, indent=2) + "\n")
    if credits is not None and credits.exists():
        (out / "credits.json").write_text(credits.read_text())
    write_model_card(out, task.key)


def save_loss_plot(csv_path: Path, png_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with open(csv_path) as f:
        rows = list(csv.DictReader(f))
    if not rows:
        return
    keys = [k for k in rows[0] if k not in ("step", "epoch", "time")]
    steps = [int(r["step"]) for r in rows]
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100)
    for k in keys:
        ax.plot(steps, [float(r[k]) for r in rows], label=k, linewidth=1)
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)


def validate_epoch(task: GANTask, run_dir: Path, epoch: int, step: int, writer) -> None:
    """Log ``task.validate()`` to val.csv and TensorBoard; when ``task.select_by`` improves on
    best.json (epochs after ``task.select_after`` only), save the best model's weights to
    best.weights.h5 (a resumed run keeps both)."""
    import tensorflow as tf

    metrics = task.validate()
    if not metrics:
        return
    path = run_dir / "val.csv"
    new = not path.exists()
    with open(path, "a", newline="") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["step", "epoch", *metrics])
        w.writerow([step, epoch, *[f"{v:.5f}" for v in metrics.values()]])
    with writer.as_default(step=step):
        for k, v in metrics.items():
            tf.summary.scalar(f"val/{k}", v)
    best_json = run_dir / "best.json"
    best = json.loads(best_json.read_text()) if best_json.exists() else None
    if best is not None and best["epoch"] <= task.select_after:  # chosen before the last stage began
        best = None
    key, sign = task.select_by.lstrip("-"), -1 if task.select_by.startswith("-") else 1
    if task.select_by and epoch > task.select_after and (best is None or sign * metrics[key] > sign * best[key]):
        task.best_model().save_weights(run_dir / "best.weights.h5")
        best_json.write_text(json.dumps({"epoch": epoch, "step": step, **metrics}, indent=2) + "\n")


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


def fit(task: GANTask) -> Path:
    """Train ``task`` to ``epochs`` (or ``max_steps``), resuming its run folder. Returns it."""
    import tensorflow as tf
    from tqdm import tqdm

    from ganapp.config import config_to_dict
    from ganapp.imaging import make_grid

    cfg = task.train_cfg
    run_dir = RUNS / task.key / cfg.run
    strategy = make_strategy(cfg.strategy)
    if not cfg.dry_run:
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "samples").mkdir(exist_ok=True)
    resolved = {
        "train": dataclasses.asdict(cfg),
        "model": config_to_dict(task.model_cfg),
        "replicas": strategy.num_replicas_in_sync,
        "tensorflow": tf.__version__,
    }
    print(json.dumps(resolved, indent=2))
    if not cfg.dry_run:
        (run_dir / "config.json").write_text(json.dumps(resolved, indent=2) + "\n")

    task.run_dir = run_dir
    import keras

    keras.utils.set_random_seed(cfg.seed)  # the initial weights, too, follow from the seed
    with strategy.scope():
        task.strategy = strategy
        task.build()
        step_var = tf.Variable(0, dtype=tf.int64, trainable=False, name="step")
    trackables = task.trackables()
    ckpt = tf.train.Checkpoint(step=step_var, **trackables, **rng_states(trackables))
    manager = None
    if not cfg.dry_run:
        manager = tf.train.CheckpointManager(ckpt, run_dir / "checkpoints", max_to_keep=2)
        if manager.latest_checkpoint:
            ckpt.restore(manager.latest_checkpoint).assert_existing_objects_matched()
            print(f"resumed from step {int(step_var.numpy())} ({manager.latest_checkpoint})", flush=True)

    step_fns = {}  # phase -> its traced step

    def step_fn(epoch):
        phase = task.phase(epoch)
        if phase not in step_fns:
            step_fns[phase] = make_step_fn(task, strategy, phase)
        return step_fns[phase]

    spe = task.steps_per_epoch()
    total = cfg.epochs * spe
    if cfg.max_steps:
        total = min(total, cfg.max_steps)
    if cfg.dry_run:
        batch = next(iter(strategy.experimental_distribute_dataset(task.dataset(0))))
        losses = step_fn(0)(batch, tf.constant(0, tf.int64))
        print("dry run ok:", {k: round(float(v), 4) for k, v in losses.items()})
        return run_dir

    writer = tf.summary.create_file_writer(str(run_dir / "tb"))
    csv_path = run_dir / "losses.csv"
    csv_header = None  # the columns of losses.csv, read once: a resumed run appends to it
    if csv_path.exists():
        with open(csv_path, newline="") as f:
            csv_header = next(csv.reader(f), None)
    step = int(step_var.numpy())
    bar = tqdm(
        total=total,
        initial=step,
        desc=f"train {task.key}",
        unit="step",
        dynamic_ncols=True,
        mininterval=2.0,
        file=sys.stdout,
    )
    t0, acc, n_acc = time.time(), {}, 0
    try:
        while step < total:
            epoch, offset = divmod(step, spe)
            ds = task.dataset(epoch).skip(offset)
            distributed_step = step_fn(epoch)
            for batch in strategy.experimental_distribute_dataset(ds):
                losses = distributed_step(batch, tf.constant(step, tf.int64))
                step += 1
                step_var.assign(step)
                bar.update(1)
                for k, v in losses.items():
                    acc[k] = acc.get(k, 0.0) + float(v)
                n_acc += 1
                if step % cfg.log_every == 0 or step == total:
                    means = {k: v / n_acc for k, v in acc.items()}
                    bar.set_postfix({k: f"{v:.3f}" for k, v in means.items()})
                    header = ["step", "epoch", "time", *means]
                    if header != csv_header:
                        if csv_header is not None:  # resumed by a trainer that logs other losses:
                            # keep the old rows apart instead of mixing columns
                            csv_path.rename(csv_path.with_name(f"losses_until_step_{step}.csv"))
                        with open(csv_path, "w", newline="") as f:
                            csv.writer(f).writerow(header)
                        csv_header = header
                    with open(csv_path, "a", newline="") as f:
                        w = csv.writer(f)
                        w.writerow([step, epoch, round(time.time() - t0, 1), *[f"{v:.5f}" for v in means.values()]])
                    with writer.as_default(step=step):
                        for k, v in means.items():
                            tf.summary.scalar(f"loss/{k}", v)
                    acc, n_acc = {}, 0
                if step % cfg.checkpoint_every == 0:
                    manager.save(checkpoint_number=step)
                if step % spe == 0 or step == total:
                    grid = make_grid(task.sample_images(), cols=task.grid_cols, scale=2)
                    grid.save(run_dir / "samples" / f"epoch_{(step - 1) // spe + 1:03d}.png")
                    grid.save(run_dir / "samples" / "latest.png")
                    with writer.as_default(step=step):
                        tf.summary.image("samples", np.asarray(grid)[None], max_outputs=1)
                    if csv_path.exists():
                        save_loss_plot(csv_path, run_dir / "loss.png")
                    validate_epoch(task, run_dir, (step - 1) // spe + 1, step, writer)
                if step >= total:
                    break
    except KeyboardInterrupt:
        print("\ninterrupted; run the same command to resume", flush=True)
        raise
    finally:  # on success or Ctrl-C (a kill -9 resumes from the last periodic checkpoint)
        bar.close()
        manager.save(checkpoint_number=step)
        writer.flush()
        print(f"checkpoint saved at step {step}", flush=True)
    if cfg.export:
        out = Path(cfg.export)
        task.steps_done = step
        task.export(out)
        print(f"exported to {out}")
        if cfg.push_to_hub:
            from train.hub import push_folder

            url = push_folder(out, cfg.push_to_hub)
            print(f"pushed to {url}")
    return run_dir
