"""The grid routes through the running app: ``GET /cars.png?count=64`` at the grid's native
size (what the page and scripts get by default) against ``scale=4`` (about the pixel size the
server used to send, 1096 px), warm, same server. Goal: the native 64-car grid <= 100 ms.

    python -m bench.png_routes [--repeats 30]
"""

from __future__ import annotations

import argparse
import statistics
import time

from bench.cpu import cpu_flags
from bench.serve import start_app


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    import httpx

    server, url = start_app()
    try:

        def timed(**params) -> tuple[float, int]:
            times, size = [], 0
            for i in range(args.repeats):
                t0 = time.perf_counter()
                r = httpx.get(url + "cars.png", params={"seed": i, **params}, timeout=120)
                times.append(time.perf_counter() - t0)
                r.raise_for_status()
                size = len(r.content)
            return statistics.median(times), size

        for _ in range(3):  # loads TensorFlow and the generator, traces the batch shapes
            httpx.get(url + "cars.png", params={"count": 64, "scale": 4}, timeout=300)
            httpx.get(url + "cars.png", params={"count": 64}, timeout=300)
        native, native_bytes = timed(count=64)
        scaled, scaled_bytes = timed(count=64, scale=4)
        one, _ = timed(count=1)
    finally:
        server.terminate()
    print(f"CPU flags: {cpu_flags()}; median of {args.repeats} warm requests each")
    print(f"GET /cars.png count=64 native (274x274 px): {native * 1000:.0f} ms, {native_bytes / 1024:.0f} kB")
    print(f"GET /cars.png count=64 scale=4 (1096 px):   {scaled * 1000:.0f} ms, {scaled_bytes / 1024:.0f} kB")
    print(f"GET /cars.png count=1 native:               {one * 1000:.0f} ms")
    print(
        f"native / scale=4 time: {native / scaled:.2f}; goal native <= 100 ms: {'met' if native <= 0.1 else 'missed'}"
    )


if __name__ == "__main__":
    main()
