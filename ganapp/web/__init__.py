"""The web layer, the one part of ganapp that knows Gradio: the server's routes, limits and
security checks (:mod:`~ganapp.web.server`), the shared widgets, one module per tab
(:mod:`~ganapp.web.tabs`), the translations (:mod:`~ganapp.web.i18n`) and the page
(:mod:`~ganapp.web.app`). ``main`` is the ``ganapp`` command."""

from __future__ import annotations

import argparse


def main(argv=None) -> None:
    """``ganapp``: serve the app."""
    argparse.ArgumentParser(
        prog="ganapp",
        description="Serve ganapp on GRADIO_SERVER_NAME:GRADIO_SERVER_PORT (default 127.0.0.1:7860), from the "
        "weights in GANAPP_WEIGHTS_DIR (default: a checkout's weights/, else the copy installed with the package) or "
        "the Hub repos pinned by GANAPP_<KEY>_REPO=owner/name@revision. `ganapp-deploy owner/name` deploys it to a "
        "Hugging Face Space; `ganapp-train KEY` trains a model.",
    ).parse_args(argv)
    from ganapp.web.app import build_app
    from ganapp.web.server import serve

    serve(build_app)
