"""Serving: the plain PNG routes, the warm-up after start-up, and the process set-up that
``python app.py`` runs (memory mode, host and port, uvicorn). The UI itself lives in app.py;
this module knows FastAPI, never Gradio.

``GET /cars.png?seed=N&count=K&scale=S`` and ``GET /cgan.png?label=NAME&seed=N&count=K&scale=S``
return the grid as a PNG at its native pixel size (``scale`` 1-8 enlarges it, nearest-neighbour).
"""
from __future__ import annotations

import io
import logging
import os
import threading
from typing import Callable

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse, Response

import ganapp
from ganapp import registry, weights
from ganapp.errors import GanappError
from ganapp.runtime import server_memory_mode, trim_memory_periodically

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
    @app.get("/cars.png")
    def cars_png(seed: int = Query(0), count: int = Query(1), scale: int = Query(1)):
        return _png_route(lambda *a: ganapp.generate_cars(*a), seed, count, scale)

    @app.get("/cgan.png")
    def cgan_png(label: str = Query(...), seed: int = Query(0), count: int = Query(1), scale: int = Query(1)):
        return _png_route(lambda *a: ganapp.generate_class(*a), label, seed, count, scale)

    return app


def warm_up() -> None:
    """Load TensorFlow, the style network and the shipped generators, and trace the fast style
    networks once, so first clicks do not pay for it. Failures are logged: the tab that needs
    the model reports them when used."""
    import numpy as np

    from ganapp import gatys

    try:
        gatys.feature_net()
    except Exception:
        log.warning("could not preload the style-transfer network")
    for key in registry.MODELS:
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
    README for what each costs), then the app from ``make_app()`` on
    ``GRADIO_SERVER_NAME``:``GRADIO_SERVER_PORT``, warmed in the background."""
    import uvicorn

    logging.basicConfig(level=logging.INFO)
    mode = os.environ.get("GANAPP_SERVER_MEMORY_MODE", "trim").strip()
    if mode == "trim":
        trim_memory_periodically()
    elif mode != "0":  # 0: more throughput, growing memory
        server_memory_mode(*([] if mode == "1" else [int(mode)]))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    app = make_app()
    threading.Thread(target=warm_up, daemon=True).start()
    print(f"ganapp running on http://{host}:{port}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
