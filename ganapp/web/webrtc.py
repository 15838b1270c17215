"""The live webcam over WebRTC: the browser sends its camera as a video track and gets the painted
frames back as another, with no per-frame upload, file or HTTP request (Gradio's streaming image
does one of each per frame, which held the page to about 3 painted frames a second).

``POST /webrtc/offer`` with JSON ``{"view": <a live view's name>, "sdp": ..., "type": "offer",
"images": [data: URLs]}`` (the images a view paints with, e.g. the style painting) answers
``{"sdp": ..., "type": "answer", "seconds": LIVE_SECONDS, "ice": [...]}``, or a sentence with 400
(bad offer), 404 (no such view), 501 (no WebRTC on this server) or 503 (busy).

Bounds: at most :data:`MAX_VIEWERS` connections at a time, each closed after ``LIVE_SECONDS``;
frames are painted one at a time in a first-come queue, each viewer with at most one frame in it
(a viewer's newest frame replaces any it has not painted yet), so a second viewer halves the first
one's frame rate instead of starving it.

A public server (a Hugging Face Space) needs a TURN server to relay the video for viewers behind
NAT: ``GANAPP_TURN_URLS`` (comma-separated ``turn:``/``turns:`` URLs), ``GANAPP_TURN_USERNAME`` and
``GANAPP_TURN_CREDENTIAL``; ``GANAPP_STUN_URLS`` adds STUN servers. Without them only direct
connections work (the same machine or network); the page then falls back to Gradio's streaming.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ganapp import imaging
from ganapp.errors import GanappError, InputError

log = logging.getLogger("ganapp")

MAX_VIEWERS = 2  # live connections at a time; a third viewer is asked to try again
MAX_OFFER_BYTES = 12 * 1024 * 1024  # the SDP and the view's images as data: URLs
MAX_SDP_CHARS = 20_000
CAMERA_SIDE = 1280  # px: larger camera frames are reduced before painting
BUSY = "The live view is busy with {n} viewers; please try again in a minute, or use the camera below."
NO_WEBRTC = "This server has no WebRTC (the aiortc package); use the camera below."

# view name -> (paint(frame uint8 (H, W, 3), *images) -> PIL image, how many images it needs, seconds)
_views: dict[str, tuple[Callable, int, float]] = {}
_painter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-paint")  # one frame at a time, in order
_viewers: set = set()
_lock = threading.Lock()


def register(name: str, paint: Callable, images: int, seconds: float) -> None:
    """Make a live view available at ``/webrtc/offer`` under ``name``."""
    _views[name] = (paint, images, seconds)


def _load_aiortc() -> bool:
    """Import aiortc now, before TensorFlow: its SRTP library (pylibsrtp) crashes the process when it
    loads after TensorFlow. Once TensorFlow is loaded without it, WebRTC stays off in this process."""
    if "pylibsrtp" in sys.modules:
        return True
    if "tensorflow" in sys.modules:
        log.warning("WebRTC is off: TensorFlow was loaded before aiortc, which would then crash the process")
        return False
    try:
        import aiortc  # noqa: F401  (loaded for later)
    except ImportError:
        return False
    return True


_AVAILABLE = _load_aiortc()  # the web layer is imported before any model loads TensorFlow


def available() -> bool:
    """Can this server answer WebRTC offers (aiortc installed and loaded before TensorFlow)?"""
    return _AVAILABLE


def ice_servers() -> list[dict]:
    """The ICE servers for both ends, from the operator's environment (see the module docstring)."""
    out = []
    stun = [u.strip() for u in os.environ.get("GANAPP_STUN_URLS", "").split(",") if u.strip()]
    if stun:
        out.append({"urls": stun})
    turn = [u.strip() for u in os.environ.get("GANAPP_TURN_URLS", "").split(",") if u.strip()]
    if turn:
        out.append(
            {
                "urls": turn,
                "username": os.environ.get("GANAPP_TURN_USERNAME", ""),
                "credential": os.environ.get("GANAPP_TURN_CREDENTIAL", ""),
            }
        )
    return out


def _image(data_url) -> object:
    """A view's image from a ``data:`` URL, sanitised like every upload (InputError otherwise)."""
    if not isinstance(data_url, str) or not data_url.startswith("data:image/") or ";base64," not in data_url:
        raise InputError("Send each image as a data:image/...;base64 URL; this server fetches nothing by name.")
    try:
        raw = base64.b64decode(data_url.split(";base64,", 1)[1], validate=True)
    except ValueError:
        raise InputError("An image's base64 data could not be read.") from None
    return imaging.load_image(raw, what="style image")


def _painted_track(source, paint: Callable, images: list):
    """A video track that answers each request for a frame with the newest camera frame, painted."""
    import av
    from aiortc import MediaStreamTrack
    from aiortc.mediastreams import MediaStreamError

    class Painted(MediaStreamTrack):
        kind = "video"

        def __init__(self):
            super().__init__()
            self.newest, self.fresh = None, asyncio.Event()
            self.reader = asyncio.ensure_future(self.read())

        async def read(self):  # keeps only the newest frame: frames that arrive while one is painted are dropped
            try:
                while True:
                    self.newest = await source.recv()
                    self.fresh.set()
            except MediaStreamError:
                self.stop()

        async def recv(self):
            await self.fresh.wait()
            self.fresh.clear()
            frame = self.newest
            rgb = frame.to_ndarray(format="rgb24")
            try:
                out = await asyncio.get_running_loop().run_in_executor(_painter, paint, rgb, *images)
            except GanappError as e:
                log.info("live frame refused: %s", e)
                raise MediaStreamError from None
            painted = av.VideoFrame.from_ndarray(np.asarray(out.convert("RGB")), format="rgb24")
            painted.pts, painted.time_base = frame.pts, frame.time_base
            return painted

        def stop(self):
            super().stop()
            self.reader.cancel()

    return Painted()


async def _answer(body: dict) -> JSONResponse:
    from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription

    view = body.get("view")
    if view not in _views:
        return JSONResponse({"error": "There is no live view of that name."}, status_code=404)
    paint, n_images, seconds = _views[view]
    sdp = body.get("sdp")
    if body.get("type") != "offer" or not isinstance(sdp, str) or not sdp or len(sdp) > MAX_SDP_CHARS:
        return JSONResponse({"error": "Send a WebRTC offer (type 'offer' and its SDP)."}, status_code=400)
    images = body.get("images") or []
    if not isinstance(images, list) or len(images) != n_images:
        return JSONResponse({"error": f"This live view needs {n_images} image(s)."}, status_code=400)
    try:
        images = [_image(x) for x in images]
    except InputError as e:
        return JSONResponse({"error": str(e)}, status_code=400)
    with _lock:  # a place is taken before anything is set up, and given back by close()
        if len(_viewers) >= MAX_VIEWERS:
            return JSONResponse({"error": BUSY.format(n=len(_viewers))}, status_code=503)
        pc = RTCPeerConnection(RTCConfiguration([RTCIceServer(**s) for s in ice_servers()]))
        _viewers.add(pc)

    async def close():
        with _lock:
            _viewers.discard(pc)
        await pc.close()

    @pc.on("track")
    def on_track(track):
        if track.kind == "video":
            pc.addTrack(_painted_track(track, lambda frame, *imgs: paint(_camera(frame), *imgs), images))

    @pc.on("connectionstatechange")
    async def on_state():
        if pc.connectionState in ("failed", "closed"):
            await close()

    try:
        await pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await pc.setLocalDescription(await pc.createAnswer())
    except Exception:
        await close()
        return JSONResponse({"error": "The WebRTC offer could not be answered."}, status_code=400)
    asyncio.get_running_loop().call_later(seconds, lambda: asyncio.ensure_future(close()))
    answer = pc.localDescription
    return JSONResponse({"sdp": answer.sdp, "type": answer.type, "seconds": seconds, "ice": ice_servers()})


def _camera(frame: np.ndarray):
    """A camera frame, reduced to at most CAMERA_SIDE px before a view paints it."""
    from PIL import Image

    img = Image.fromarray(frame)
    return imaging.resize_max_side(img, CAMERA_SIDE) if max(img.size) > CAMERA_SIDE else img


def add_routes(app: FastAPI) -> None:
    """``POST /webrtc/offer`` (see the module docstring) and ``GET /webrtc/ice``: the ICE servers
    the page's connection uses."""

    @app.get("/webrtc/ice")
    def ice():
        return {"ice": ice_servers(), "available": available()}

    @app.post("/webrtc/offer")
    async def offer(request: Request):
        if not available():
            return JSONResponse({"error": NO_WEBRTC}, status_code=501)
        raw = b""
        async for chunk in request.stream():  # read no more than the bound, whatever the headers say
            raw += chunk
            if len(raw) > MAX_OFFER_BYTES:
                return JSONResponse({"error": "That offer is too large (its images at most 12 MB)."}, status_code=413)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return JSONResponse({"error": "Send the offer as a JSON object."}, status_code=400)
        return await _answer(body)
