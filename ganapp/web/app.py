"""The page and the server: the tabs (ganapp.web.tabs) in one gr.Blocks, mounted with the plain
PNG routes on one FastAPI app, hardened for a public server, in English or Spanish (gr.I18n), with
the MCP server when ``GRADIO_MCP_SERVER=true`` (and the ``mcp`` extra) asks for it."""

from __future__ import annotations

import os

import gradio as gr
from fastapi import FastAPI

from ganapp.web import i18n, server, webrtc
from ganapp.web.i18n import t
from ganapp.web.tabs import tabs

MAX_FILE_SIZE = "25mb"
THEME = dict(primary_hue="amber", secondary_hue="indigo")
CSS = """
.gradio-container {max-width: 1180px !important; margin: auto}
#title {text-align: center} #title h1 {margin-bottom: 0}
.note {font-size: 0.92em; opacity: 0.85}
/* the grids come at the generators' native size (32 px cars); the page enlarges them, crisp */
.pixelated img {image-rendering: pixelated; width: 100%; height: 100%; object-fit: contain}
/* a small result (a 256 px stylisation, a 256 px building) fills its box like a large one */
.fill img {width: 100%; height: 100%; object-fit: contain}
"""
TITLE = (
    "# ganapp\nSee what neural style transfer, CycleGAN, pix2pix, DCGAN and conditional GANs do. Every tab is "
    "also an API endpoint (see *Use via API* below)."
)


def build_demo() -> gr.Blocks:
    """Every tab of ganapp.web.tabs, in order, with its API endpoints."""
    # Gradio's usage statistics only when the operator turns them on (GRADIO_ANALYTICS_ENABLED)
    analytics = os.environ.get("GRADIO_ANALYTICS_ENABLED", "").strip().lower() == "true"
    with gr.Blocks(title="ganapp: GANs and style transfer", analytics_enabled=analytics) as demo:
        gr.Markdown(t(TITLE), elem_id="title")
        with gr.Tabs():
            for tab in tabs():
                with gr.Tab(t(tab.TITLE), elem_id=f"tab-{tab.__name__.rsplit('.', 1)[-1]}"):
                    tab.build()
    demo.queue(default_concurrency_limit=1)
    return demo


def build_app(demo: gr.Blocks | None = None) -> FastAPI:
    """The PNG routes (ganapp.web.server) with the Gradio UI and API mounted at /, hardened for a
    public server (ganapp.web.server.harden)."""
    demo = demo or build_demo()
    routes = server.png_routes()
    webrtc.add_routes(routes)
    app = gr.mount_gradio_app(
        routes,
        demo,
        path="/",
        max_file_size=MAX_FILE_SIZE,
        theme=gr.themes.Soft(**THEME),
        css=CSS,
        show_error=True,
        allowed_paths=[str(d) for d in server.example_dirs()],
        enable_monitoring=False,
        i18n=i18n.i18n(),
    )
    return server.harden(app, demo)
