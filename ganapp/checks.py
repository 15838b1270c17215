"""Checks for the numbers and switches a request sends: a value in range, or an
:class:`~ganapp.errors.InputError` whose message is a sentence."""

from __future__ import annotations

import math

from ganapp.errors import InputError

MAX_SEED = 2**31 - 1
MAX_COUNT = 64  # images in one grid
MAX_SCALE = 8  # server-side enlargement of a grid


def check_int(value, name: str, lo: int, hi: int) -> int:
    """An integer in [lo, hi] (integral floats accepted), else InputError with a sentence."""
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a whole number between {lo} and {hi}.") from None
    if isinstance(value, bool) or not math.isfinite(f) or f != int(f) or not lo <= f <= hi:
        raise InputError(f"{name} must be a whole number between {lo} and {hi}.")
    return int(f)


def check_float(value, name: str, lo: float, hi: float) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number between {lo:g} and {hi:g}.") from None
    if isinstance(value, bool) or not math.isfinite(f) or not lo <= f <= hi:
        raise InputError(f"{name} must be a number between {lo:g} and {hi:g}.")
    return f


def check_bool(value, name: str) -> bool:
    """True or False (1 and 0 accepted), else InputError: a string such as "no" is not read as yes."""
    if isinstance(value, bool) or (isinstance(value, int) and value in (0, 1)):
        return bool(value)
    raise InputError(f"{name} must be true or false.")


class Range:
    """The allowed values of one request parameter: the one source that the library's checks, the
    tab's slider and the API all read. ``name`` is how a sentence names it."""

    def __init__(self, lo: float, hi: float, name: str, step: float = 1):
        self.lo, self.hi, self.name, self.step = lo, hi, name, step

    def int(self, value, name: str = "") -> int:
        return check_int(value, name or self.name, int(self.lo), int(self.hi))

    def float(self, value, name: str = "") -> float:
        return check_float(value, name or self.name, self.lo, self.hi)

    def __repr__(self) -> str:
        return f"Range({self.lo:g}, {self.hi:g}, {self.name!r})"


SEED = Range(0, MAX_SEED, "Seed")
COUNT = Range(1, MAX_COUNT, "Count")
OUTPUT_SIZE = Range(64, 1024, "Output size", step=32)
STRENGTH = Range(0.0, 1.0, "Strength", step=0.05)
