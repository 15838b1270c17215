"""What every timing must be printed beside: the CPU's vector and bfloat16 flags."""

import subprocess


def cpu_flags() -> str:
    """'avx2', 'avx2 avx512_bf16 amx_bf16', ... as ``grep -o -m1 -w ... /proc/cpuinfo | sort -u`` prints them."""
    out = subprocess.run(
        "grep -o -m1 -w 'avx2\\|avx512_bf16\\|amx_bf16' /proc/cpuinfo | sort -u",
        shell=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return " ".join(out) or "none"


def seconds_per_train_step(task, batch, steps: int, warmup: int) -> float:
    """Seconds per step of ``task``'s real training step (train.task.make_step_fn, in the phase
    of epoch 0) on ``batch`` (a tuple of arrays, e.g. random images), after ``warmup`` steps
    (trace + warm up). ``task.train_cfg`` and ``task.model_cfg`` must be set; no data folder is read."""
    import time

    import tensorflow as tf

    from train.task import make_step_fn, make_strategy

    strategy = make_strategy("default")
    task.build()
    step_fn = make_step_fn(task, strategy, task.phase(0))
    batch = tuple(tf.constant(b) for b in batch)
    for i in range(warmup):
        step_fn(batch, tf.constant(i, tf.int64))
    t0 = time.perf_counter()
    for i in range(steps):
        losses = step_fn(batch, tf.constant(i + warmup, tf.int64))
    float(next(iter(losses.values())))  # wait for the last step
    return (time.perf_counter() - t0) / steps
