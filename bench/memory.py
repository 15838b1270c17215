"""Resident memory of ``python app.py`` per endpoint: which kind of request makes it grow.

Starts the app on the shipped weights, then for each endpoint in turn makes ``--calls`` calls
from one client, one after another, and prints the server's resident memory before, after
the first fifth (warm) and at the end, with the growth per 100 calls after warm-up. A leak
shows as a steady slope; fragmentation that levels off as a slope that shrinks to ~0.

    python -m bench.memory [--calls 200] [--endpoints generate_cars van_gogh ...]
"""

from __future__ import annotations

import argparse
import time

from bench.cpu import cpu_flags
from bench.serve import ROOT, rss_mb, start_app

PHOTO = ROOT / "weights" / "style" / "examples" / "chelsea.jpg"
PAINTING = ROOT / "weights" / "style" / "presets" / "starry_night.jpg"
SKETCH = ROOT / "weights" / "pix2pix" / "examples" / "heldout_0.png"


def calls():
    from gradio_client import handle_file

    return {
        "generate_cars": lambda c, i: c.predict(seed=i, count=16, api_name="/generate_cars"),
        "generate_class": lambda c, i: c.predict(label="Bag", seed=i, count=16, api_name="/generate_class"),
        "van_gogh": lambda c, i: c.predict(handle_file(str(PHOTO)), 512, api_name="/van_gogh"),
        "sketch_to_building": lambda c, i: c.predict(handle_file(str(SKETCH)), api_name="/sketch_to_building"),
        "fast_style_transfer": lambda c, i: c.predict(
            handle_file(str(PHOTO)), handle_file(str(PAINTING)), 256, 1.0, api_name="/fast_style_transfer"
        ),
        "style_transfer": lambda c, i: c.predict(
            handle_file(str(PHOTO)), handle_file(str(PAINTING)), 1e4, 1e-2, 30, 5, 128, True, api_name="/style_transfer"
        ),
    }


def main():
    table = calls()
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--endpoints", nargs="+", default=list(table), choices=list(table))
    args = ap.parse_args()

    from gradio_client import Client

    server, url = start_app()
    client = Client(url, verbose=False)
    print(f"CPU flags: {cpu_flags()}; {args.calls} calls per endpoint, one client")
    print(f"{'endpoint':22} {'start MB':>9} {'warm MB':>8} {'end MB':>7} {'MB/100 after warm':>18} {'s/call':>7}")
    for name in args.endpoints:
        start = rss_mb(server.pid)
        warm_at = max(1, args.calls // 5)
        t0 = time.time()
        for i in range(args.calls):
            table[name](client, i)
            if i + 1 == warm_at:
                warm = rss_mb(server.pid)
        time.sleep(3)  # one trim period (GANAPP_SERVER_MEMORY_MODE=trim hands pages back every 2 s)
        end = rss_mb(server.pid)
        slope = (end - warm) / (args.calls - warm_at) * 100
        print(f"{name:22} {start:9.0f} {warm:8.0f} {end:7.0f} {slope:18.1f} {(time.time() - t0) / args.calls:7.2f}")
    server.kill()


if __name__ == "__main__":
    main()
