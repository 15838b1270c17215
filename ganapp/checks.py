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
