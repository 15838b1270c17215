"""The training loop every task runs: run folder and resolved config, checkpoints and resume
(bit-exact after ``kill -9``), losses.csv and TensorBoard, per-epoch samples, validation and
the best epoch, export."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np

from train import runs_dir
from train.export import save_loss_plot
from train.task import GANTask, make_step_fn, make_strategy, rng_states


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


def fit(task: GANTask) -> Path:
    """Train ``task`` to ``epochs`` (or ``max_steps``), resuming its run folder. Returns it."""
    import tensorflow as tf
    from tqdm import tqdm

    from ganapp.config import config_to_dict
    from ganapp.imaging import make_grid

    cfg = task.train_cfg
    run_dir = runs_dir() / task.key / cfg.run
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
