"""Style transfer through the running app (``python app.py``, as users start it), per memory
mode: seconds for the default Gatys request (warm start, 15 steps) at 256 and 512 px, the
64-car grid, and resident memory before and after a mixed load of 4 clients (cars, cGAN,
van Gogh 512 px, style 128 px). Each mode is a fresh server; ratios are against mode 0 (glibc's
default malloc), measured in this same run.

    python -m bench.app_style [--modes 0 1 4194304 33554432 trim] [--load 40]
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

from bench.cpu import cpu_flags
from bench.serve import ROOT, rss_mb, start_app

PHOTO = ROOT / "weights/style/examples/chelsea.jpg"
STARRY = ROOT / "weights/style/presets/starry_night.jpg"


def run_mode(mode: str, load: int) -> dict:
    import httpx
    from gradio_client import Client, handle_file

    server, url = start_app(GANAPP_SERVER_MEMORY_MODE=mode, GANAPP_STYLE_NET="vgg16-hed")
    try:
        client = Client(url, verbose=False)

        def style(size: int) -> float:
            t0 = time.perf_counter()
            client.predict(
                content=handle_file(str(PHOTO)),
                style=handle_file(str(STARRY)),
                max_size=size,
                api_name="/style_transfer",
            )
            return time.perf_counter() - t0

        style(128)  # loads the networks, traces the shapes
        httpx.get(url + "cars.png", params={"count": 64}, timeout=300)
        out = {"style_256": statistics.median([style(256) for _ in range(2)]), "style_512": style(512)}
        t = []
        for i in range(5):
            t0 = time.perf_counter()
            httpx.get(url + "cars.png", params={"seed": i, "count": 64}, timeout=300).raise_for_status()
            t.append(time.perf_counter() - t0)
        out["cars_64"] = statistics.median(t)
        out["rss_before"] = rss_mb(server.pid)

        def one(i: int):
            c = Client(url, verbose=False) if i < 4 else client
            kind = i % 4
            if kind == 0:
                httpx.get(url + "cars.png", params={"seed": i, "count": 64}, timeout=300)
            elif kind == 1:
                c.predict(label="Bag", seed=i, count=16, api_name="/generate_class")
            elif kind == 2:
                c.predict(photo=handle_file(str(PHOTO)), max_size=512, api_name="/van_gogh")
            else:
                style(128)

        with ThreadPoolExecutor(4) as pool:
            list(pool.map(one, range(load)))
        out["rss_after"] = rss_mb(server.pid)
        return out
    finally:
        server.terminate()
        server.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--modes", nargs="+", default=["0", "1", "4194304", "33554432", "trim"])
    ap.add_argument("--load", type=int, default=40)
    args = ap.parse_args()
    results = {m: run_mode(m, args.load) for m in args.modes}
    base = results.get("0")
    print(f"CPU flags: {cpu_flags()}; GANAPP_SERVER_MEMORY_MODE per row (0 = off, 1 = 256 kB threshold)")
    print(
        "| mode | style 256 px s | style 512 px s | 64 cars s | RSS before load MB | after MB | growth |"
        + (" style cost vs 0 |" if base else "")
    )
    for m, r in results.items():
        cost = (
            f" {r['style_256'] / base['style_256'] - 1:+.0%} / {r['style_512'] / base['style_512'] - 1:+.0%} |"
            if base
            else ""
        )
        print(
            f"| {m} | {r['style_256']:.1f} | {r['style_512']:.1f} | {r['cars_64']:.2f} | {r['rss_before']:.0f} | "
            f"{r['rss_after']:.0f} | {r['rss_after'] / r['rss_before'] - 1:+.1%} |{cost}"
        )


if __name__ == "__main__":
    main()
