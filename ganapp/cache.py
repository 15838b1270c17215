"""One helper for the app's process-wide caches (loaded models, traced functions)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable


class Cache:
    """A thread-safe dict that makes each value once: ``get(key, make)`` returns the cached
    value, or calls ``make()`` under the lock (two requests never load one model twice)."""

    def __init__(self):
        self._values: dict = {}
        self._lock = threading.RLock()

    def get(self, key: Hashable, make: Callable):
        with self._lock:
            if key not in self._values:
                self._values[key] = make()
            return self._values[key]

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
