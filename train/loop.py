"""The training loop every task runs: run folder and resolved config, checkpoints and resume
(bit-exact after ``kill -9``), losses.csv and TensorBoard, per-epoch samples, validation and
the best epoch, export."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from train import runs_dir
from train.export import save_loss_plot
from train.task import GANTask, Run, make_step_fn, make_strategy, rng_states, worker_index


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


def start_run(task: GANTask, strategy) -> Run:
    """The run folder (``runs/<key>/<run>/``, with samples/) and its resolved config.json, written
    before the first step (printed, and not written, on a dry run)."""
    import tensorflow as tf

    from ganapp.config import config_to_dict

    cfg = task.train_cfg
    run = Run(runs_dir() / task.key / cfg.run)
    if worker_index(strategy) > 0:  # the chief writes the run; other workers write a scratch copy
        run = Run(Path(tempfile.mkdtemp(prefix=f"ganapp-worker{worker_index(strategy)}-")), resume_from=run.folder)
    resolved = {
        "train": dataclasses.asdict(cfg),
        "model": config_to_dict(task.model_cfg),
        "replicas": strategy.num_replicas_in_sync,
        "tensorflow": tf.__version__,
    }
    print(json.dumps(resolved, indent=2))
    if not cfg.dry_run:
        (run.folder / "samples").mkdir(parents=True, exist_ok=True)
        (run.folder / "config.json").write_text(json.dumps(resolved, indent=2) + "\n")
    return run


def checkpoints(task: GANTask, run: Run, step_var):
    """The run's checkpoint manager (None on a dry run), restored from its latest checkpoint: the
    networks, optimisers, step counter and the layers' random-generator states."""
    import tensorflow as tf

    trackables = task.trackables()
    ckpt = tf.train.Checkpoint(step=step_var, **trackables, **rng_states(trackables))
    if task.train_cfg.dry_run:
        return None
    manager = tf.train.CheckpointManager(ckpt, run.folder / "checkpoints", max_to_keep=2)
    latest = tf.train.latest_checkpoint(str((run.resume_from or run.folder) / "checkpoints"))
    if latest:
        ckpt.restore(latest).assert_existing_objects_matched()
        print(f"resumed from step {int(step_var.numpy())} ({latest})", flush=True)
    return manager


class LossLog:
    """Mean losses over each ``log_every`` steps, to losses.csv (appended to on resume; a resumed
    run that logs other losses moves the old rows to losses_until_step_N.csv) and TensorBoard."""

    def __init__(self, folder: Path, writer):
        self.path, self.writer, self.sums, self.n, self.t0 = folder / "losses.csv", writer, {}, 0, time.time()
        self.header = None
        if self.path.exists():
            with open(self.path, newline="") as f:
                self.header = next(csv.reader(f), None)

    def add(self, losses: dict) -> None:
        for k, v in losses.items():
            self.sums[k] = self.sums.get(k, 0.0) + float(v)
        self.n += 1

    def write(self, step: int, epoch: int) -> dict:
        """Write the means since the last write; returns them."""
        import tensorflow as tf

        means = {k: v / self.n for k, v in self.sums.items()}
        header = ["step", "epoch", "time", *means]
        if header != self.header:
            if self.header is not None:
                self.path.rename(self.path.with_name(f"losses_until_step_{step}.csv"))
            with open(self.path, "w", newline="") as f:
                csv.writer(f).writerow(header)
            self.header = header
        with open(self.path, "a", newline="") as f:
            row = [step, epoch, round(time.time() - self.t0, 1), *[f"{v:.5f}" for v in means.values()]]
            csv.writer(f).writerow(row)
        with self.writer.as_default(step=step):
            for k, v in means.items():
                tf.summary.scalar(f"loss/{k}", v)
        self.sums, self.n = {}, 0
        return means


def end_of_epoch(task: GANTask, run: Run, epoch: int, step: int, writer) -> None:
    """The epoch's sample grid (samples/epoch_NNN.png, latest.png, TensorBoard), the loss plot
    and the validation of :func:`validate_epoch`."""
    import tensorflow as tf

    from ganapp.imaging import make_grid

    grid = make_grid(task.sample_images(), cols=task.grid_cols, scale=2)
    grid.save(run.folder / "samples" / f"epoch_{epoch:03d}.png")
    grid.save(run.folder / "samples" / "latest.png")
    with writer.as_default(step=step):
        tf.summary.image("samples", np.asarray(grid)[None], max_outputs=1)
    if (run.folder / "losses.csv").exists():
        save_loss_plot(run.folder / "losses.csv", run.folder / "loss.png")
    validate_epoch(task, run.folder, epoch, step, writer)


def train_steps(task: GANTask, run: Run, strategy, manager, step_var, total: int) -> None:
    """Steps from ``step_var`` to ``total``: checkpoints every ``checkpoint_every`` steps and at the
    end (also on Ctrl-C; a kill -9 resumes from the last periodic one), logs, epoch ends."""
    import tensorflow as tf
    from tqdm import tqdm

    cfg, spe = task.train_cfg, task.steps_per_epoch()
    step_fns: dict = {}  # phase -> its traced step
    writer = tf.summary.create_file_writer(str(run.folder / "tb"))
    log = LossLog(run.folder, writer)
    step = int(step_var.numpy())
    bar = tqdm(total=total, initial=step, desc=f"train {task.key}", unit="step", dynamic_ncols=True,
               mininterval=2.0, file=sys.stdout)  # fmt: skip
    try:
        while step < total:
            epoch, offset = divmod(step, spe)
            phase = task.phase(epoch)
            step_fn = step_fns.get(phase) or step_fns.setdefault(phase, make_step_fn(task, strategy, phase))
            for batch in strategy.experimental_distribute_dataset(task.dataset(epoch).skip(offset)):
                log.add(step_fn(batch, tf.constant(step, tf.int64)))
                step += 1
                step_var.assign(step)
                bar.update(1)
                if step % cfg.log_every == 0 or step == total:
                    bar.set_postfix({k: f"{v:.3f}" for k, v in log.write(step, epoch).items()})
                if step % cfg.checkpoint_every == 0:
                    manager.save(checkpoint_number=step)
                if step % spe == 0 or step == total:
                    end_of_epoch(task, run, (step - 1) // spe + 1, step, writer)
                if step >= total:
                    break
    except KeyboardInterrupt:
        print("\ninterrupted; run the same command to resume", flush=True)
        raise
    finally:
        bar.close()
        manager.save(checkpoint_number=step)
        writer.flush()
        print(f"checkpoint saved at step {step}", flush=True)
    run.steps = step


def _overlap(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a.is_relative_to(b) or b.is_relative_to(a)


def fit(task: GANTask) -> Path:
    """Train ``task`` to ``epochs`` (or ``max_steps``), resuming its run folder; export with
    ``--export`` (and push with ``--push-to-hub``). Returns the run folder."""
    import keras
    import tensorflow as tf

    cfg = task.train_cfg
    task.load_data()
    strategy = make_strategy(cfg.strategy)
    run = start_run(task, strategy)
    if cfg.export and _overlap(Path(cfg.export), run.folder):
        raise SystemExit(f"--export {cfg.export} overlaps the run folder {run.folder}: export to a folder of its own.")
    keras.utils.set_random_seed(cfg.seed)  # the initial weights, too, follow from the seed
    with strategy.scope():
        task.build()
        step_var = tf.Variable(0, dtype=tf.int64, trainable=False, name="step")
    manager = checkpoints(task, run, step_var)
    total = cfg.epochs * task.steps_per_epoch()
    if cfg.max_steps:
        total = min(total, cfg.max_steps)
    if cfg.dry_run:
        batch = next(iter(strategy.experimental_distribute_dataset(task.dataset(0))))
        losses = make_step_fn(task, strategy, task.phase(0))(batch, tf.constant(0, tf.int64))
        print("dry run ok:", {k: round(float(v), 4) for k, v in losses.items()})
        return run.folder
    train_steps(task, run, strategy, manager, step_var, total)
    if cfg.export and worker_index(strategy) == 0:
        out = Path(cfg.export)
        task.export(out, run)
        print(f"exported to {out}")
        if cfg.push_to_hub:
            from train.hub import push_folder

            pin = push_folder(out, cfg.push_to_hub, key=task.key, run=run.folder)
            print(f"serve these weights with: {pin}")
    return run.folder
