"""Load test: start the app as a user does (``python app.py``) and drive it with many
concurrent gradio_client clients across all endpoints, more clients than the queue holds.

Each endpoint is called once before the clients start (the first call pays for loading its
model; those seconds are printed apart). Then every client repeats: draw a request from a
public demo's mix, send it, wait, think for ``--think`` seconds (uniform 0..2x), like a
person clicking. Reports completed / refused-because-queue-full / failed, p50 and p95
latency per endpoint, and the server's resident memory after 20 responses and every 100.
Bounded: stops after ``--requests`` in total or ``--seconds``; loopback only.

    python -m bench.load [--clients 40] [--requests 240] [--seconds 300] [--think 2]
"""

from __future__ import annotations

import argparse
import random
import threading
import time
from collections import defaultdict

from bench.cpu import cpu_flags
from bench.serve import ROOT, rss_mb, start_app

EXAMPLE = ROOT / "weights" / "style" / "examples" / "chelsea.jpg"
STYLE = ROOT / "weights" / "style" / "presets" / "starry_night.jpg"
SKETCH = ROOT / "weights" / "pix2pix" / "examples" / "heldout_0.png"


def quantile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))] if sorted_values else float("nan")


# the mix a public demo sees: mostly the cheap generators (shares of all requests)
MIX = {
    "/generate_cars": 0.35,
    "/generate_class": 0.25,
    "/car_walk": 0.10,
    "/generate_all_classes": 0.08,
    "/van_gogh": 0.10,
    "/sketch_to_building": 0.04,
    "/style_transfer": 0.08,
}


def call_args(endpoint: str, rng: random.Random) -> tuple:
    from gradio_client import handle_file

    return {
        "/generate_cars": lambda: (rng.randint(0, 10**5), rng.choice([1, 16, 64])),
        "/generate_class": lambda: (rng.choice(["Sneaker", "Bag", "Dress", "Coat"]), rng.randint(0, 10**5), 16),
        "/car_walk": lambda: (rng.randint(0, 999), rng.randint(0, 999)),
        "/generate_all_classes": lambda: (rng.randint(0, 999),),
        "/van_gogh": lambda: (handle_file(str(EXAMPLE)), 512),
        "/sketch_to_building": lambda: (handle_file(str(SKETCH)),),
        "/style_transfer": lambda: (handle_file(str(EXAMPLE)), handle_file(str(STYLE)), 1e4, 1e-2, 30, 10, 128),
    }[endpoint]()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=40)
    ap.add_argument("--requests", type=int, default=240)
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--think", type=float, default=2.0, help="mean pause between a client's requests (s)")
    args = ap.parse_args()

    from gradio_client import Client

    t_start = time.time()
    server, url = start_app()
    print(f"served after {time.time() - t_start:.1f} s; {args.clients} clients, {args.requests} requests")
    first = Client(url, verbose=False)
    for endpoint in MIX:
        t0 = time.time()
        first.predict(*call_args(endpoint, random.Random(0)), api_name=endpoint)
        print(f"  first call {endpoint}: {time.time() - t0:.1f} s")
    print(f"resident memory after warm-up: {rss_mb(server.pid):.0f} MB")

    lock = threading.Lock()
    results = defaultdict(list)  # endpoint -> [(outcome, seconds)]
    done, finished = [0], [0]
    memory = {}
    deadline = time.time() + args.seconds

    def client_loop(i: int):
        rng = random.Random(i)
        client = Client(url, verbose=False)
        while time.time() < deadline:
            with lock:
                if done[0] >= args.requests:
                    return
                done[0] += 1
            endpoint = rng.choices(list(MIX), weights=list(MIX.values()))[0]
            t0 = time.time()
            try:
                client.predict(*call_args(endpoint, rng), api_name=endpoint)
                outcome = "completed"
            except Exception as e:  # classified below
                text = str(e).lower()
                outcome = "queue_full" if "queue" in text and "full" in text else f"failed: {str(e)[:120]}"
            with lock:
                results[endpoint].append((outcome, time.time() - t0))
                finished[0] += 1
                if finished[0] == 20 or finished[0] % 100 == 0:
                    memory[finished[0]] = rss_mb(server.pid)
            time.sleep(rng.uniform(0, 2 * args.think))

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alive = server.poll() is None
    final_rss = rss_mb(server.pid) if alive else float("nan")
    server.terminate()
    server.wait(timeout=30)

    totals = defaultdict(int)
    print(f"{'endpoint':24} {'done':>5} {'full':>5} {'fail':>5} {'p50 s':>7} {'p95 s':>7}")
    for endpoint, rows in sorted(results.items()):
        ok = sorted(t for o, t in rows if o == "completed")
        full = sum(o == "queue_full" for o, _ in rows)
        failed = [o for o, _ in rows if o.startswith("failed")]
        totals["completed"] += len(ok)
        totals["queue_full"] += full
        totals["failed"] += len(failed)
        print(
            f"{endpoint:24} {len(ok):5d} {full:5d} {len(failed):5d} {quantile(ok, 0.5):7.2f} {quantile(ok, 0.95):7.2f}"
        )
        for f in sorted(set(failed))[:3]:
            print("    ", f)
    print(f"total: {dict(totals)}; server alive at the end: {alive}; CPU flags: {cpu_flags()}")
    m20, m200 = memory.get(20, float("nan")), memory.get(200, float("nan"))
    print(
        f"resident memory: {m20:.0f} MB after 20 responses, {m200:.0f} MB after 200 "
        f"({(m200 / m20 - 1) * 100:+.1f}%), {final_rss:.0f} MB at the end"
    )
    print("resident memory by responses: " + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in sorted(memory.items())))


if __name__ == "__main__":
    main()
