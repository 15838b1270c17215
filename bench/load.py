"""Load test: start the app as a user does (``python app.py``) and drive it with many
concurrent gradio_client clients across all endpoints, more clients than the queue holds.

Reports completed / refused-because-queue-full / failed, p50 and p95 latency per endpoint,
and the server's resident memory after 20 and after 200 requests. Bounded: every client
stops after ``--requests`` in total or ``--seconds``, whichever comes first; loopback only.

    python bench/load.py [--clients 40] [--requests 240] [--seconds 300]
"""
from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "weights" / "style" / "examples" / "chelsea.jpg"
STYLE = ROOT / "weights" / "style" / "examples" / "starry_night.jpg"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def requests_for(rng: random.Random):
    """(endpoint, args) drawn with the mix a public demo sees: mostly the cheap generators."""
    from gradio_client import handle_file

    r = rng.random()
    if r < 0.35:
        return "/generate_cars", (rng.randint(0, 10**5), rng.choice([1, 16, 64]))
    if r < 0.60:
        return "/generate_class", (rng.choice(["Sneaker", "Bag", "Dress", "Coat"]), rng.randint(0, 10**5), 16)
    if r < 0.70:
        return "/car_walk", (rng.randint(0, 999), rng.randint(0, 999))
    if r < 0.78:
        return "/generate_all_classes", (rng.randint(0, 999),)
    if r < 0.92:
        return "/van_gogh", (handle_file(str(EXAMPLE)), 512)
    return "/style_transfer", (handle_file(str(EXAMPLE)), handle_file(str(STYLE)), 1e4, 1e-2, 30, 10, 128)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=40)
    ap.add_argument("--requests", type=int, default=240)
    ap.add_argument("--seconds", type=float, default=300)
    args = ap.parse_args()

    from gradio_client import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "GRADIO_SERVER_NAME": "127.0.0.1"}
    t_start = time.time()
    server = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    import httpx

    while True:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    print(f"served after {time.time() - t_start:.1f} s; {args.clients} clients, {args.requests} requests")

    lock = threading.Lock()
    results = defaultdict(list)  # endpoint -> [(outcome, seconds)]
    done = [0]
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
                n = done[0]
            endpoint, call_args = requests_for(rng)
            t0 = time.time()
            try:
                client.predict(*call_args, api_name=endpoint)
                outcome = "completed"
            except Exception as e:  # noqa: BLE001 - classified below
                text = str(e).lower()
                outcome = "queue_full" if "queue" in text and "full" in text else f"failed: {str(e)[:120]}"
            with lock:
                results[endpoint].append((outcome, time.time() - t0))
                if n in (20, 200):
                    memory[n] = rss_mb(server.pid)

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
        p = (lambda q: ok[min(len(ok) - 1, int(q * len(ok)))] if ok else float("nan"))
        print(f"{endpoint:24} {len(ok):5d} {full:5d} {len(failed):5d} {p(0.5):7.2f} {p(0.95):7.2f}")
        for f in sorted(set(failed))[:3]:
            print("    ", f)
    print(f"total: {dict(totals)}; server alive at the end: {alive}")
    m20, m200 = memory.get(20, float("nan")), memory.get(200, float("nan"))
    print(f"resident memory: {m20:.0f} MB after 20 requests, {m200:.0f} MB after 200 "
          f"({(m200 / m20 - 1) * 100:+.1f}%), {final_rss:.0f} MB at the end")


if __name__ == "__main__":
    main()
