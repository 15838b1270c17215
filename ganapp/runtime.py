"""TensorFlow set-up, done once on first use (never at import of ganapp)."""

from __future__ import annotations

import functools


@functools.cache
def tensorflow():
    """Import TensorFlow; on a GPU (e.g. Spaces GPU hardware) enable memory growth so the
    app does not reserve the whole card up front."""
    import tensorflow as tf

    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # already initialised by the caller: keep its settings
            pass
    return tf


def cpu_flags() -> list[str]:
    """The CPU's vector extensions that set TensorFlow's speed here (avx2, avx512_bf16, amx_bf16)."""
    from pathlib import Path

    try:
        flags = set(Path("/proc/cpuinfo").read_text().split())
    except OSError:
        return []
    return [f for f in ("avx2", "avx512_bf16", "amx_bf16") if f in flags]


def device() -> str:
    """Where TensorFlow runs the models: the GPU's name, or the CPU with its flags (for logs and benches)."""
    tf = tensorflow()
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        name = tf.config.experimental.get_device_details(gpus[0]).get("device_name", gpus[0].name)
        return f"GPU: {name}" + (f" (and {len(gpus) - 1} more)" if len(gpus) > 1 else "")
    import os

    return f"CPU: {os.cpu_count()} cores, {' '.join(cpu_flags()) or 'no avx2'}"


@functools.cache
def native_bfloat16() -> bool:
    """Whether this machine runs bfloat16 natively on the CPU (avx512_bf16 or amx_bf16, where
    oneDNN's bf16 kernels are about twice as fast as float32) and has no GPU to run on instead."""
    if tensorflow().config.list_physical_devices("GPU"):
        return False
    flags = cpu_flags()
    return "avx512_bf16" in flags or "amx_bf16" in flags


def _glibc():
    """glibc through ctypes, or None where the C library is something else."""
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None
    except OSError:
        return None


def trim_memory_periodically(every_s: float = 2.0) -> bool:
    """For long-running servers: a daemon thread that calls glibc's ``malloc_trim(0)`` every
    ``every_s`` seconds, handing the free pages in malloc's arenas back to the OS (TensorFlow's
    big short-lived tensors leave many). Unlike :func:`server_memory_mode` nothing changes per
    allocation, so a computation pays only for the pages it touches again after a trim: the
    server's default (measurements: README, "Load and limits"). False where the C library is
    not glibc (nothing started)."""
    import threading
    import time

    libc = _glibc()
    if libc is None:
        return False

    def loop():
        while True:
            time.sleep(every_s)
            libc.malloc_trim(0)

    threading.Thread(target=loop, name="malloc-trim", daemon=True).start()
    return True


def server_memory_mode(threshold: int = 256 * 1024) -> bool:
    """For long-running servers: make glibc malloc serve buffers of ``threshold`` bytes and
    more with their own mappings, returned to the OS when freed. By default glibc raises
    that threshold as large buffers come and go, after which TensorFlow's big short-lived
    tensors live in malloc's arenas, and resident memory grows with every new mix of
    concurrent requests. The price is fresh pages for every large tensor, which style transfer
    pays on every step: the server's default is :func:`trim_memory_periodically` instead
    (measurements: README, "Load and limits"). False where the C library is not glibc."""
    libc = _glibc()
    if libc is None:
        return False
    m_trim_threshold, m_mmap_threshold = -1, -3  # glibc's mallopt parameter numbers
    return bool(libc.mallopt(m_mmap_threshold, threshold) and libc.mallopt(m_trim_threshold, threshold))


def cap_malloc_arenas(arenas: int = 2) -> bool:
    """For servers with many worker threads: at most ``arenas`` glibc malloc arenas. glibc gives
    threads that allocate at the same time arenas of their own (up to 8 per core), and a freed
    tensor's pages stay in the arena of the thread that freed them, so resident memory keeps
    rising as requests meet new threads (README, "Load and limits"). Call it before threads
    allocate (``MALLOC_ARENA_MAX`` in the environment does the same). False where the C
    library is not glibc."""
    libc = _glibc()
    m_arena_max = -8  # glibc's mallopt parameter number
    return libc is not None and bool(libc.mallopt(m_arena_max, arenas))
