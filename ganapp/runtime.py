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
