"""The Gradio pieces every tab shares: image inputs that open only uploads, result files in
Gradio's cache, animations, the "no weights yet" note. With ganapp.server, the one other module
that knows Gradio; only app.py imports either."""

from __future__ import annotations

import uuid
from pathlib import Path

import gradio as gr
from gradio import FileData, processing_utils, utils

from ganapp import server, weights
from ganapp.errors import GanappError


def ImageInput(**kwargs) -> gr.Image:  # named like the component class it returns
    """A gr.Image whose upload reaches ganapp as the file's path, untouched: decoding and all
    sanitising happen in ganapp.imaging, so a hostile file gets our sentence instead of a
    PIL error from inside Gradio (which would also show a server path). The path must be an
    upload (ganapp.server.client_file). Overriding ``preprocess`` on the instance keeps the
    component a plain gr.Image for the frontend."""
    image = gr.Image(type="filepath", image_mode=None, format="png", **kwargs)
    default = image.preprocess

    def preprocess(payload):
        if payload is None or (payload.url and payload.url.startswith("data:")):
            return default(payload)
        return client_path(payload)

    image.preprocess = preprocess
    return image


def client_path(file: FileData | dict | str | None) -> str | None:
    """A client's file argument (the uploaded file's FileData) -> its path for ganapp; a file
    the client did not upload is refused with a sentence."""
    try:
        return server.client_file(file)
    except GanappError as e:
        raise gr.Error(str(e)) from None


def result_file(image) -> FileData:
    """A PIL image -> a PNG file in Gradio's cache, returned to the API client as a file."""
    return FileData(path=processing_utils.save_pil_to_cache(image, utils.get_upload_folder(), format="png"))


def animation(frames) -> str:
    """PIL frames -> the path of an animated WebP (lossless, 12 frames/s, looping) in Gradio's cache."""
    path = Path(utils.get_upload_folder()) / f"anim-{uuid.uuid4().hex}" / "walk.webp"
    path.parent.mkdir(parents=True)
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=83, loop=0, lossless=True)
    return str(path)


def weights_note(key: str) -> None:
    if not weights.is_available(key):
        gr.Markdown(f"⚠️ **No weights yet.** {weights.unavailable_message(key)}", elem_classes="note")
