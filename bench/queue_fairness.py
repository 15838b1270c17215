"""Queue fairness: one client floods the slow pool, everyone else must still be served.

Starts ``python app.py`` on the shipped weights, warms each endpoint once, then one client
submits ``--flood`` Gatys jobs at the largest allowed work (512 px, 40 L-BFGS steps) as fast as
it can, each from its own session (what a script can do), and collects them. Two seconds later
``--users`` other users (each its own gradio_client) make one light call each, spread over
``--spread`` seconds: half ``/generate_cars``, half ``/fast_style_transfer`` at 256 px. Prints
per endpoint: answered, refused, p50/p95 latency; and what the flooding client was told.

    python -m bench.queue_fairness [--flood 30] [--users 20] [--spread 10]
"""

from __future__ import annotations

import argparse
import threading
import time
from collections import Counter

from bench.cpu import cpu_flags
from bench.serve import ROOT, start_app

PHOTO = ROOT / "weights" / "style" / "examples" / "chelsea.jpg"
PAINTING = ROOT / "weights" / "style" / "presets" / "starry_night.jpg"


def quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def timed(outcomes: list, call) -> None:
    """Run ``call()``; append ("ok" or what the client was told, seconds) to ``outcomes``."""
    t0 = time.time()
    try:
        call()
        outcomes.append(("ok", time.time() - t0))
    except Exception as e:  # what the client was told is the measurement
        outcomes.append((f"{type(e).__name__}: {str(e)[:110]}", time.time() - t0))


def in_threads(n: int, target, daemon: bool = False) -> list[threading.Thread]:
    threads = [threading.Thread(target=target, args=(i,), daemon=daemon) for i in range(n)]
    for t in threads:
        t.start()
    return threads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flood", type=int, default=30)
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--spread", type=float, default=10.0)
    args = ap.parse_args()

    from gradio_client import Client, handle_file

    server, url = start_app()
    photo, painting = handle_file(str(PHOTO)), handle_file(str(PAINTING))
    light = {
        "/generate_cars": lambda c: c.predict(seed=7, count=16, api_name="/generate_cars"),
        "/fast_style_transfer": lambda c: c.predict(photo, painting, 256, 1.0, api_name="/fast_style_transfer"),
    }
    for name, call in light.items():  # the first call of each loads its model
        warm: list = []
        timed(warm, lambda: call(Client(url, verbose=False)))
        print(f"first call {name}: {warm[0][1]:.1f} s")
    flood: list = []  # each flooding request from a session of its own, at the largest allowed work
    style = (photo, painting, 1e4, 1e-2, 30, 40, 512, True)
    in_threads(args.flood, lambda i: timed(flood, lambda: Client(url, verbose=False).predict(
        *style, api_name="/style_transfer")), daemon=True)  # fmt: skip
    t_flood = time.time()
    time.sleep(2.0)
    results: dict[str, list] = {name: [] for name in light}

    def user(i: int):
        name = list(light)[i % len(light)]
        time.sleep(args.spread * i / max(1, args.users))
        client = Client(url, verbose=False)
        timed(results[name], lambda: light[name](client))

    for t in in_threads(args.users, user):
        t.join()
    users_done = time.time() - t_flood
    time.sleep(1.0)  # the flood's refusals are all in by now; its admitted jobs are still running
    server.kill()

    print(
        f"CPU flags: {cpu_flags()}; {args.flood} maximal style jobs flooding, {args.users} light users "
        f"over {args.spread:.0f} s (all answered {users_done:.0f} s after the flood began)"
    )
    print(f"{'endpoint':24} {'ok':>4} {'refused':>8} {'p50 s':>7} {'p95 s':>7}")
    for name, rows in results.items():
        ok = [t for o, t in rows if o == "ok"]
        print(f"{name:24} {len(ok):4d} {len(rows) - len(ok):8d} {quantile(ok, 0.5):7.2f} {quantile(ok, 0.95):7.2f}")
        for o in sorted({o for o, _ in rows if o != "ok"}):
            print("    ", o)
    print("flooding client (answers until the server was stopped, after the users):")
    for outcome, n in Counter(o for o, _ in flood).most_common():
        print(f"  {n:3d} x {outcome}")


if __name__ == "__main__":
    main()
