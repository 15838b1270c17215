"""Serving: the plain PNG routes, the security rules of a public server, the warm-up after
start-up, and the process set-up that ``python app.py`` runs (memory mode, host and port,
uvicorn). The UI itself lives in app.py; this is the one ganapp module that knows the web
framework (FastAPI, and Gradio's queue and file cache).

Security rules, enforced here once (see SECURITY.md):

- :func:`client_file`: a file argument is opened only when it resolves inside Gradio's upload
  cache (or a shipped examples folder the UI offers); anything else gets one sentence.
- :func:`user_errors`: a client sees the library's sentence or a generic one, never a stack
  trace, a path or an object's repr.
- :func:`harden`: Gradio's own path checks on, each queue pool its own bound, work nobody
  collects cancelled, security headers on every answer.

``GET /cars.png?seed=N&count=K&scale=S`` and ``GET /cgan.png?label=NAME&seed=N&count=K&scale=S``
return the grid as a PNG at its native pixel size (``scale`` 1-8 enlarges it, nearest-neighbour).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import io
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response

import ganapp
from ganapp import models, weights
from ganapp.errors import GanappError, InputError
from ganapp.runtime import cap_malloc_arenas, server_memory_mode, trim_memory_periodically

log = logging.getLogger("ganapp")

# The PNG routes run outside Gradio's queue: they get a pool of their own, as large as the
# small generators' in the app, and a request that finds it full for PNG_WAIT_S seconds is
# turned away with a sentence instead of waiting without end.
PNG_CONCURRENCY = 4
PNG_SLOTS = threading.BoundedSemaphore(PNG_CONCURRENCY)
PNG_WAIT_S = 10.0
BUSY = "The server is busy; please try again in a few seconds."


def png_response(image) -> Response:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)  # tiny grids: speed over a few bytes
    return Response(buf.getvalue(), media_type="image/png")


def _png_route(fn: Callable, *args) -> Response:
    if not PNG_SLOTS.acquire(timeout=PNG_WAIT_S):
        return JSONResponse({"error": BUSY}, status_code=503)
    try:
        return png_response(fn(*args))
    except GanappError as e:
        return JSONResponse({"error": str(e)}, status_code=503 if isinstance(e, ganapp.WeightsUnavailable) else 400)
    finally:
        PNG_SLOTS.release()


def png_routes() -> FastAPI:
    """A FastAPI app with the PNG routes; the UI is mounted on it at ``/``."""
    app = FastAPI(title="ganapp", docs_url=None, redoc_url=None)

    # looked up per request (not bound at start-up), so the current ganapp function answers
    # query values arrive as text and are checked by the library, so "abc" gets its sentence
    # (not FastAPI's 422 JSON)
    @app.get("/cars.png")
    def cars_png(seed: str = "0", count: str = "1", scale: str = "1"):
        return _png_route(lambda *a: ganapp.generate_cars(*a), seed, count, scale)

    @app.get("/cgan.png")
    def cgan_png(label: str | None = None, seed: str = "0", count: str = "1", scale: str = "1"):
        return _png_route(lambda *a: ganapp.generate_class(*a), label, seed, count, scale)

    return app


# ---------------------------------------------------------------- files a client names
NOT_UPLOADED = "Send the image itself with the request (upload it); this server opens no file by name."


def example_dirs() -> list[Path]:
    """The shipped folders whose files the UI offers as examples and presets (in the weights folder,
    :data:`ganapp.weights.WEIGHTS_DIR`)."""
    root = weights.WEIGHTS_DIR
    return sorted(p for p in root.glob("*/examples") if p.is_dir()) + [root / "style" / "presets"]


def upload_dir() -> Path:
    """Gradio's upload cache, where every file a client sends is written."""
    from gradio import utils

    return Path(utils.get_upload_folder())


def client_file(value) -> str | None:
    """A file argument from a client (Gradio's FileData, its dict form, or a path string) -> the
    path of the uploaded file, or None when there is none.

    The path is resolved (symlinks, ``..``) and must lie inside Gradio's upload cache or a
    shipped examples folder; anything else raises :class:`InputError` with one sentence that
    says nothing about the server's files (whether they exist or what they are)."""
    if value is None:
        return None
    path = value.get("path") if isinstance(value, dict) else getattr(value, "path", value)
    if path is None:
        return None
    if not isinstance(path, str) or not path or "\x00" in path or path.startswith(("http:", "https:", "data:")):
        raise InputError(NOT_UPLOADED)
    try:
        resolved = Path(path).resolve()
        roots = [upload_dir().resolve(), *(d.resolve() for d in example_dirs())]
        inside = any(resolved.is_relative_to(root) and resolved != root for root in roots)
        if inside and resolved.is_file():
            return str(resolved)
    except (OSError, RuntimeError, ValueError):
        pass
    raise InputError(NOT_UPLOADED)


# ---------------------------------------------------------------- errors a client sees
CRASH = "Something went wrong while processing this request; please try again with other settings."


def _friendly(e: Exception):
    import gradio as gr

    if isinstance(e, GanappError):
        return gr.Error(str(e))
    log.exception("unexpected error")
    return gr.Error(CRASH)  # a bug: tests treat this sentence as a failure


def user_errors(fn):
    """Library errors become gr.Error with their sentence; anything else a generic sentence
    (no stack trace or path ever reaches the browser). Works for generators too. The
    signature is kept, so API parameter names stay the function's."""
    import gradio as gr

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def streaming(*args, **kwargs):
            try:
                yield from fn(*args, **kwargs)
            except gr.Error:
                raise
            except Exception as e:
                raise _friendly(e) from None

        return streaming

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as e:
            raise _friendly(e) from None

    return wrapper


# ---------------------------------------------------------------- the public server
# Waiting places per queue pool (running jobs not counted), so a flood of one kind of work
# never turns the others away; and per session, so one browser tab holds one style job.
POOL_WAITING = {"style": 4, "image": 12, "light": 32, "webcam": 2, "training": 4, "search": 4}
OTHER_WAITING = 32  # each other event (gallery picks, examples, the dice) is a pool of its own
SESSION_WAITING = {"style": 1}
# A job whose client opens no result stream within this many seconds is cancelled.
COLLECT_S = 15.0
POOL_BUSY = (
    "The server is busy with {pool} work right now ({n} requests waiting); please try again in a "
    "minute. Other tabs are not affected."
)
SESSION_BUSY = "You already have a {pool} request waiting; wait for it to finish, or stop it, before sending another."
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    # framing only by the app itself and by Hugging Face (a Space shows the app in an iframe)
    "Content-Security-Policy": "frame-ancestors 'self' https://huggingface.co https://*.hf.space",
}


class Streams:
    """Which sessions and events have a client reading their results: a stream open now, or
    one opened since a given time. Keys: a session hash (``/queue/data``, the page and
    gradio_client) or an event id (``/call/<api>/<event id>``, the two-step REST API)."""

    def __init__(self):
        self.open: dict[str, int] = {}
        self.last: dict[str, float] = {}

    def opened(self, key: str) -> None:
        self.open[key] = self.open.get(key, 0) + 1
        self.last[key] = time.monotonic()

    def closed(self, key: str) -> None:
        self.open[key] -= 1
        if not self.open[key]:
            del self.open[key]
        self.last[key] = time.monotonic()

    def collected(self, keys, since: float) -> bool:
        return any(key in self.open or self.last.get(key, 0.0) >= since for key in keys)

    def forget_older_than(self, seconds: float) -> None:
        now = time.monotonic()
        for key, t in list(self.last.items()):
            if now - t > seconds and key not in self.open:
                del self.last[key]


class StreamWatch:
    """ASGI middleware: adds :data:`HEADERS` to every answer and keeps :class:`Streams` up to date."""

    def __init__(self, app, streams: Streams):
        self.app, self.streams = app, streams

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path, key = scope.get("path", ""), None
        if path.endswith("/queue/data"):
            from urllib.parse import parse_qs

            key = (parse_qs(scope.get("query_string", b"").decode("latin-1")).get("session_hash") or [None])[0]
        elif "/call/" in path and scope.get("method") == "GET":
            key = path.rstrip("/").rsplit("/", 1)[-1]

        async def with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k.lower().encode(), v.encode()) for k, v in HEADERS.items() if k.lower().encode() not in names
                ]
            await send(message)

        if key is None:
            return await self.app(scope, receive, with_headers)
        self.streams.opened(key)
        try:
            await self.app(scope, receive, with_headers)
        finally:
            self.streams.closed(key)


def _bound_pools(queue, streams: Streams) -> None:
    """Wrap Gradio's ``Queue.push`` (its one admission point) with :data:`POOL_WAITING` and
    :data:`SESSION_WAITING`, and cancel jobs nobody collects within :data:`COLLECT_S`.
    Gradio's own ``max_size`` counts all pools together, which let one client fill it."""
    push = queue.push
    submitted: dict[str, tuple[float, str]] = {}  # event id -> (time, session hash)

    async def bounded_push(body, request, username):
        fn = queue.blocks.fns.get(body.fn_index) if body.fn_index is not None else None
        pool = getattr(fn, "concurrency_id", None)
        limit = POOL_WAITING.get(pool, OTHER_WAITING)
        waiting = queue.event_queue_per_concurrency_id.get(pool)
        events = [e for e in (waiting.queue if waiting else []) if e.alive]
        if len(events) >= limit:
            return False, POOL_BUSY.format(pool=pool if pool in POOL_WAITING else "this", n=len(events)), "queue_full"
        mine = sum(e.session_hash == body.session_hash for e in events)
        if body.session_hash and mine >= SESSION_WAITING.get(pool, limit):
            return False, SESSION_BUSY.format(pool=pool), "queue_full"
        ok, event_id, state = await push(body, request, username)
        if ok:
            submitted[event_id] = (time.monotonic(), body.session_hash or event_id)
            if not getattr(queue, "_ganapp_reaper", None):
                queue._ganapp_reaper = asyncio.get_running_loop().create_task(reap())
        return ok, event_id, state

    async def reap():
        while True:
            await asyncio.sleep(min(1.0, COLLECT_S / 2))
            now = time.monotonic()
            for event_id, (t0, session) in list(submitted.items()):
                if now - t0 < COLLECT_S:
                    continue
                del submitted[event_id]
                if not streams.collected((session, event_id), since=t0) and event_id in queue.event_ids_to_events:
                    log.info("cancelling a job whose results nobody collected")
                    await queue.clean_events(event_id=event_id)
            streams.forget_older_than(3600)

    queue.push = bounded_push
    queue.max_size = None  # the pools' own bounds apply instead


def harden(app: FastAPI, demo) -> FastAPI:
    """Apply the public-server rules to ``app``, on which the Blocks ``demo`` is mounted."""
    # Gradio checks that every file a UI event names was uploaded (``_check_allowed``) only
    # for a Blocks that has launched; mounted on our FastAPI app it never has, and then a
    # client could name any server file and have it copied into the downloadable cache.
    demo.has_launched = True
    streams = Streams()
    _bound_pools(demo._queue, streams)
    app.add_middleware(StreamWatch, streams=streams)
    keep = set().union(*(getattr(block, "keep_in_cache", set()) for block in demo.blocks.values()))
    threading.Thread(target=_clean_cache_periodically, args=(upload_dir(), keep), daemon=True).start()
    return app


def cache_max_age_s() -> float:
    """GANAPP_CACHE_MAX_AGE_S (default an hour): how long uploads and results stay in the cache."""
    return max(1.0, float(os.environ.get("GANAPP_CACHE_MAX_AGE_S", "3600")))


def clean_cache(folder: Path, keep: set[str], max_age_s: float) -> int:
    """Delete the files under ``folder`` last written more than ``max_age_s`` ago, except
    ``keep`` (the example copies the page shows), and the folders left empty; returns how
    many files. Gradio's own ``delete_cache`` misses files that were written straight into
    the cache (every image result), so the cache grew without end."""
    deleted, now = 0, time.time()
    for path in sorted(folder.glob("**/*"), reverse=True):  # files before their folders
        try:
            if path.is_file() and str(path) not in keep and now - path.stat().st_mtime > max_age_s:
                path.unlink()
                deleted += 1
            elif path.is_dir() and now - path.stat().st_mtime > max_age_s and not any(path.iterdir()):
                path.rmdir()  # old and empty: not one an upload is being written into
        except OSError:
            pass  # gone already, or another process's: next round
    return deleted


def _clean_cache_periodically(folder: Path, keep: set[str]) -> None:
    while True:
        age = cache_max_age_s()
        time.sleep(max(0.5, age / 4))
        clean_cache(folder, keep, age)


def warm_up() -> None:
    """Load TensorFlow, the style network and the shipped generators, and trace the fast style
    networks once, so first clicks do not pay for it. Failures are logged: the tab that needs
    the model reports them when used."""
    import numpy as np

    from ganapp import gatys, runtime

    log.info("models run on %s", runtime.device())
    try:
        gatys.feature_net()
    except Exception:
        log.warning("could not preload the style-transfer network")
    for key in models.specs():
        if weights.is_available(key):
            try:
                weights.load_generator(key)
            except Exception:
                log.warning("could not preload %s", key)
    try:  # a tiny picture: the first real click then takes a second, not ten
        ganapp.fast_style_transfer(np.full((64, 64, 3), 128, np.uint8), np.full((64, 64, 3), 64, np.uint8), 64)
    except Exception:
        log.warning("could not preload the fast style model")


def serve(make_app: Callable[[], FastAPI]) -> None:
    """Run the server as ``python app.py`` does: memory mode before TensorFlow allocates anything
    (``GANAPP_SERVER_MEMORY_MODE``: unset or ``trim`` hands malloc's free pages back every 2 s,
    ``1`` the 256 kB mmap threshold, a number another threshold in bytes, ``0`` nothing; see the
    README for what each costs; except with ``0``, at most 2 malloc arenas, or
    ``MALLOC_ARENA_MAX``), then the app from ``make_app()`` on
    ``GRADIO_SERVER_NAME``:``GRADIO_SERVER_PORT``, warmed in the background."""
    import uvicorn

    logging.basicConfig(level=logging.INFO)
    mode = os.environ.get("GANAPP_SERVER_MEMORY_MODE", "trim").strip()
    if mode == "trim":
        trim_memory_periodically()
    elif mode != "0":  # 0: more throughput, growing memory
        server_memory_mode(*([] if mode == "1" else [int(mode)]))
    if mode != "0":
        cap_malloc_arenas(int(os.environ.get("MALLOC_ARENA_MAX", "2")))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    app = make_app()
    threading.Thread(target=warm_up, daemon=True).start()
    print(f"ganapp running on http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
