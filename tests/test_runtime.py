"""Server memory modes: freed large buffers go back to the OS instead of staying in malloc."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = r"""
import sys
import time
import numpy as np
from ganapp.runtime import server_memory_mode, trim_memory_periodically
if sys.argv[1] == "on":
    assert server_memory_mode()
if sys.argv[1] == "trim":
    assert trim_memory_periodically(every_s=0.05)
def rss_mb():
    return int([l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]) / 1024
warm = np.ones(16 << 20, np.uint8); del warm  # glibc raises its mmap threshold past 16 MB here
before = rss_mb()
big, small = [], []
for _ in range(12):  # 96 MB of large buffers, each followed by a small one that stays alive
    big.append(np.ones(8 << 20, np.uint8))
    small.append(np.ones(64 << 10, np.uint8))
big.clear()
time.sleep(0.3)  # a few trims
print(rss_mb() - before)
"""


def retained_mb(mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout)


@pytest.mark.skipif(not Path("/proc/self/status").exists() or sys.platform != "linux", reason="glibc/Linux only")
def test_server_memory_mode_returns_freed_buffers():
    assert retained_mb("off") > 60  # glibc's default keeps most of the freed 96 MB resident
    assert retained_mb("on") < 10
    assert retained_mb("trim") < 10  # the default: malloc unchanged, free pages handed back every few seconds
