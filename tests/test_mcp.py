"""The MCP server (GRADIO_MCP_SERVER=true), driven by a real MCP client (the ``mcp`` package's
streamable-HTTP client) against the running app: it lists the tools, takes images inline, and
never fetches a URL that names this machine, a private network or a link-local address."""

from __future__ import annotations

import asyncio
import base64
import http.server
import io
import threading

import pytest
from PIL import Image

from tests.conftest import photo, serving, tiny_weights_root

pytest.importorskip("mcp", reason="the mcp extra (requirements-mcp.txt) is not installed")


@pytest.fixture(scope="module")
def mcp_url(tmp_path_factory):
    with serving(tiny_weights_root(tmp_path_factory.mktemp("weights")), GRADIO_MCP_SERVER="true") as url:
        yield url + "gradio_api/mcp/"


@pytest.fixture
def bait():
    """A local HTTP server with a PNG at every path; counts the requests it was sent."""
    hits = []
    body = io.BytesIO()
    photo(64, 48).save(body, "PNG")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(body.getvalue())

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{srv.server_address[1]}", hits
    srv.shutdown()


def session(url: str, work):
    """Run ``await work(session)`` in an initialised MCP client session to ``url``."""
    from mcp import ClientSession
    from mcp.client.streamable_http import streamablehttp_client

    async def run():
        async with streamablehttp_client(url, timeout=120) as (read, write, _):
            async with ClientSession(read, write) as s:
                await s.initialize()
                return await work(s)

    return asyncio.run(run())


def inline_png(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_the_tools_are_the_api_endpoints(mcp_url):
    async def work(s):
        return {t.name: t.inputSchema for t in (await s.list_tools()).tools}

    tools = session(mcp_url, work)
    for name in ("style_transfer", "fast_style_transfer", "van_gogh", "sketch_to_building", "generate_cars",
                 "generate_class", "train_live"):  # fmt: skip
        assert name in tools, sorted(tools)
    # the library's own defaults, as the tab's sliders show them
    props = tools["van_gogh"]["properties"]
    assert props["max_size"]["default"] == 512 and props["strength"]["default"] == 1.0


def test_an_inline_image_is_painted(mcp_url):
    async def work(s):
        return await s.call_tool("van_gogh", {"photo": inline_png(photo(64, 48)), "max_size": 64})

    result = session(mcp_url, work)
    assert not result.isError, result.content
    image = next(c for c in result.content if c.type == "image")
    assert Image.open(io.BytesIO(base64.b64decode(image.data))).size == (64, 48)


@pytest.mark.parametrize(
    "url",
    [
        "http://{bait}/photo.png",  # this machine, by address
        "http://localhost:{port}/photo.png",  # this machine, by name
        "http://[::1]:{port}/photo.png",  # this machine, IPv6
        "http://10.0.0.1/photo.png",  # a private network
        "http://169.254.169.254/latest/meta-data/",  # link-local: a cloud's metadata service
        "file:///etc/passwd",  # not even a URL to fetch
        "/etc/passwd",  # a server path
    ],
)
def test_urls_and_paths_that_name_this_machine_or_a_private_network_are_refused(mcp_url, bait, url):
    address, hits = bait
    url = url.format(bait=address, port=address.rsplit(":", 1)[1])

    async def work(s):
        return await s.call_tool("van_gogh", {"photo": url, "max_size": 64})

    result = session(mcp_url, work)
    assert result.isError, result.content
    assert not any(c.type == "image" for c in result.content)
    assert hits == [], f"the server fetched {url}"


@pytest.mark.parametrize(
    "tool,named",
    [
        ("buildings_from_sketch", "sketch"),  # the 8-building grid's sketch
        ("sketch_to_building", "reference"),  # the reference photo that lends a building its colours
    ],
)
@pytest.mark.parametrize("url", ["http://{bait}/photo.png", "/etc/passwd"])
def test_the_sketch_tools_new_files_are_data_too(mcp_url, bait, tool, named, url):
    address, hits = bait
    args = {"sketch": inline_png(photo(64, 48)), "seed": 0, named: url.format(bait=address)}

    async def work(s):
        return await s.call_tool(tool, args)

    result = session(mcp_url, work)
    assert result.isError, result.content
    assert not any(c.type == "image" for c in result.content)
    assert hits == [], f"the server fetched {url}"
