"""The live webcam as a user sees it: the app started as ``python app.py``, Chromium with its fake
camera, each tab's live view started, and for ``--seconds`` the painted frames the page shows
counted (requestVideoFrameCallback on its <video>). Prints, per tab and transport, painted frames
a second, the p50 and p95 gap between them, and the time a painted frame takes to appear (from
the moment the browser's encoder took the camera frame to the moment its painted frame is shown:
the page's outgoing frames are stamped through Chromium's encoded-frame streams and matched to
the incoming ones by RTP timestamp; the server keeps the timestamp). With ``--viewers 2`` two
pages watch at once. ``--gradio`` also measures the Gradio streaming fallback (new frames shown).

    python -m bench.webcam_browser [--seconds 10] [--viewers 1 2] [--gradio]
"""

from __future__ import annotations

import argparse
import statistics

from bench.cpu import cpu_flags
from bench.serve import start_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream",
         "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"]  # fmt: skip
# before the page's own scripts: every outgoing video frame's RTP timestamp with the time it left the
# encoder, through Chromium's encoded streams (the connection is made with encodedInsertableStreams)
STAMP_SENT = """
window.__sent = new Map();
const Original = window.RTCPeerConnection;
window.RTCPeerConnection = function (config) {
  const pc = new Original({...(config || {}), encodedInsertableStreams: true});
  const addTrack = pc.addTrack.bind(pc);
  pc.addTrack = (track, ...streams) => {
    const sender = addTrack(track, ...streams);
    const {readable, writable} = sender.createEncodedStreams();
    readable.pipeThrough(new TransformStream({transform(frame, out) {
      window.__sent.set(frame.timestamp, performance.now()); out.enqueue(frame);
    }})).pipeTo(writable);
    return sender;
  };
  pc.addEventListener("track", (e) => {
    const {readable, writable} = e.receiver.createEncodedStreams();
    readable.pipeTo(writable);
  });
  return pc;
};
"""
# counts what the <video> of a live view shows for ``ms``: (gaps between frames, latencies)
COUNT_SHOWN = """
async ([id, ms]) => {
  const video = document.querySelector("#" + id + " video");
  const shown = [];
  await new Promise((done) => {
    const end = performance.now() + ms;
    const seen = (now, meta) => {
      shown.push([now, meta.rtpTimestamp]);
      if (now < end) video.requestVideoFrameCallback(seen); else done();
    };
    video.requestVideoFrameCallback(seen);
  });
  const gaps = shown.slice(1).map((s, i) => s[0] - shown[i][0]);
  // the server's RTP timestamps are the browser's plus one constant: the most common difference
  const sent = [...window.__sent.entries()], counts = new Map();
  for (const [, rtp] of shown) for (const [ts] of sent) {
    const d = (rtp - ts) >>> 0; counts.set(d, (counts.get(d) || 0) + 1);
  }
  let offset = null, best = 0;
  for (const [d, n] of counts) if (n > best) { best = n; offset = d; }
  const latencies = [];
  for (const [now, rtp] of shown) {
    const t = window.__sent.get((rtp - offset) >>> 0);
    if (t !== undefined) latencies.push(now - t);
  }
  return [gaps, latencies];
}
"""
VIEWS = (("Van Gogh", "vangogh"), ("Style transfer", "style"))


def percentile(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def watch(browser, url, tab, view, seconds, results, key):
    page = browser.new_page()
    page.add_init_script(STAMP_SENT)
    page.goto(url)
    page.get_by_role("tab", name=tab).click()
    if view == "style":  # a painting to paint with: the gallery's first
        page.locator("#style-presets button.thumbnail-item:visible").first.click()
        page.wait_for_selector("#style-style img", timeout=30_000)
    page.locator(f"#tab-{view} button:visible", has_text="Live webcam").click()
    page.locator(f"#{view}-webrtc .live-start").click()
    page.wait_for_function(
        f"document.querySelector('#{view}-webrtc video').readyState >= 2", timeout=120_000
    )  # painted frames arrive (the first connection waits for the server's warm-up)
    page.wait_for_timeout(3000)  # past the start
    gaps, latencies = page.evaluate(COUNT_SHOWN, [f"{view}-webrtc", seconds * 1000])
    results[key] = (gaps, latencies)
    page.locator(f"#{view}-webrtc .live-stop").click()
    page.close()


def gradio_fallback(browser, url, tab, view, seconds) -> float:
    """New painted frames a second shown by the Gradio streaming camera (the fallback)."""
    page = browser.new_page()
    page.goto(url)
    page.get_by_role("tab", name=tab).click()
    if view == "style":
        page.locator("#style-presets button.thumbnail-item:visible").first.click()
        page.wait_for_selector("#style-style img", timeout=30_000)
    page.locator(f"#tab-{view} button:visible", has_text="Live webcam").click()
    page.locator(f"#{view}-cam").get_by_text("Click to Access Webcam").click()
    page.locator(f"#{view}-cam button[aria-label='capture photo']").click(timeout=20_000)
    page.wait_for_selector(f"#{view}-live img", timeout=60_000)
    page.wait_for_timeout(3000)
    count = page.evaluate(
        """async ([id, ms]) => {
          const img = () => document.querySelector('#' + id + ' img');
          let last = img().src, n = 0; const end = performance.now() + ms;
          while (performance.now() < end) {
            await new Promise((r) => setTimeout(r, 10));
            const now = img() && img().src; if (now && now !== last) { n++; last = now; }
          }
          return n;
        }""",
        [f"{view}-live", seconds * 1000],
    )
    page.close()
    return count / seconds


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--viewers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--gradio", action="store_true", help="also the Gradio streaming fallback")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"CPU flags: {cpu_flags()}; painted at 256 px; {args.seconds} s per measurement", flush=True)
    server, url = start_app()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for tab, view in VIEWS:
                for n in args.viewers:
                    results = {}
                    if n == 1:
                        watch(browser, url, tab, view, args.seconds, results, 0)
                    else:  # each viewer in its own browser process, all at once
                        watch_together(url, tab, view, args.seconds, n, results)
                    for i, (gaps, lat) in sorted(results.items()):
                        fps = 1000 * len(gaps) / max(1.0, sum(gaps)) if gaps else 0.0
                        print(f"{tab}, WebRTC, {n} viewer(s), viewer {i + 1}: {fps:.1f} painted frames/s; gap p50 "
                              f"{statistics.median(gaps) if gaps else float('nan'):.0f} ms, p95 "
                              f"{percentile(gaps, 0.95):.0f} ms; frame to screen p50 "
                              f"{statistics.median(lat) if lat else float('nan'):.0f} ms, p95 "
                              f"{percentile(lat, 0.95):.0f} ms ({len(lat)} matched)", flush=True)  # fmt: skip
                if args.gradio:
                    fps = gradio_fallback(browser, url, tab, view, args.seconds)
                    print(f"{tab}, Gradio streaming: {fps:.1f} new painted frames/s", flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait()


def watch_together(url, tab, view, seconds, n, results):
    """``n`` viewers at once, each in its own process and browser (playwright's sync API is one per thread)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_viewer, args=(url, tab, view, seconds, queue, i)) for i in range(n)]
    for proc in procs:
        proc.start()
    for _ in procs:
        i, value = queue.get(timeout=300)
        results[i] = value
    for proc in procs:
        proc.join()


def _viewer(url, tab, view, seconds, queue, i):
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        watch(browser, url, tab, view, seconds, results, i)
        browser.close()
    queue.put((i, results[i]))


if __name__ == "__main__":
    main()
