"""The live webcam over WebRTC (ganapp.web.webrtc), driven by a Python WebRTC client: painted frames
come back at the live size, and the offer route keeps its bounds (views, sizes, viewers, data only)."""

from __future__ import annotations

import asyncio

import httpx
import numpy as np
import pytest

from ganapp.web import webrtc

pytestmark = pytest.mark.skipif(not webrtc.available(), reason="aiortc is not installed")


def camera_track():
    """A 320 x 240 camera of random frames, 30 a second."""
    import av
    from aiortc import VideoStreamTrack

    class Camera(VideoStreamTrack):
        async def recv(self):
            pts, time_base = await self.next_timestamp()
            pixels = np.random.default_rng(pts).integers(0, 255, (240, 320, 3), np.uint8)
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts, frame.time_base = pts, time_base
            return frame

    return Camera()


async def session(url: str, seconds: float, view: str = "vangogh", images=()) -> tuple[int, dict, list]:
    """(status, answer, painted frames as arrays) of one viewer watching for ``seconds``."""
    from aiortc import RTCPeerConnection, RTCSessionDescription

    pc = RTCPeerConnection()
    pc.addTrack(camera_track())
    frames = []

    @pc.on("track")
    def on_track(track):
        async def read():
            while True:
                frames.append((await track.recv()).to_ndarray(format="rgb24"))

        asyncio.ensure_future(read())

    await pc.setLocalDescription(await pc.createOffer())
    body = {"view": view, "type": "offer", "sdp": pc.localDescription.sdp, "images": list(images)}
    async with httpx.AsyncClient() as client:
        r = await client.post(url + "webrtc/offer", json=body, timeout=60)
    answer = r.json()
    if r.status_code == 200:
        await pc.setRemoteDescription(RTCSessionDescription(answer["sdp"], answer["type"]))
        await asyncio.sleep(seconds)
    await pc.close()
    return r.status_code, answer, frames


def test_the_camera_comes_back_painted_at_the_live_size(server):
    status, answer, frames = asyncio.run(session(server, 6))
    assert status == 200 and answer["seconds"] == 60 and answer["ice"] == []
    assert len(frames) >= 3
    assert {f.shape for f in frames} == {(192, 256, 3)}  # the 320 x 240 camera, painted at 256 px


def test_offers_are_checked_before_anything_runs(server):
    def post(body, **kw):
        r = httpx.post(server + "webrtc/offer", timeout=30, **({"json": body} if body is not None else kw))
        return r.status_code, r.json().get("error", "")

    assert post({"view": "nothing", "type": "offer", "sdp": "v=0"})[0] == 404
    assert post({"view": "vangogh", "type": "answer", "sdp": "v=0"})[0] == 400
    assert post({"view": "vangogh", "type": "offer", "sdp": "x" * 30_000})[0] == 400
    assert post(None, content=b"not json")[0] == 400
    big = b'{"view": "style", "images": ["' + b"A" * (webrtc.MAX_OFFER_BYTES + 10) + b'"]}'
    assert post(None, content=big)[0] == 413
    # the style view needs its painting as data, never a path or a URL the server would open
    for named in ("/etc/passwd", "file:///etc/passwd", "http://127.0.0.1/x.png", "data:text/plain;base64,eA=="):
        code, sentence = post({"view": "style", "type": "offer", "sdp": "v=0", "images": [named]})
        assert code == 400 and "data:image" in sentence and "passwd" not in sentence
    code, sentence = post({"view": "style", "type": "offer", "sdp": "v=0", "images": []})
    assert code == 400 and "1 image" in sentence


def test_a_viewer_over_the_bound_is_turned_away(server, monkeypatch):
    monkeypatch.setattr(webrtc, "MAX_VIEWERS", 1)

    async def two():
        first = asyncio.ensure_future(session(server, 4))
        await asyncio.sleep(1.5)  # the first is connected
        second = await session(server, 0)
        return await first, second

    (status_1, _, frames), (status_2, busy, _) = asyncio.run(two())
    assert status_1 == 200 and len(frames) >= 1
    assert status_2 == 503 and "busy" in busy["error"]
