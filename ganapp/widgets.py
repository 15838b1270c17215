"""The Gradio pieces of the tabs: image inputs that open only uploads, the sketch canvas, result
files in Gradio's cache, animations, the "no weights yet" note; and the live-training tab's UI. With
ganapp.server, the one other module that knows Gradio; only app.py imports either."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import gradio as gr
import pandas as pd
from gradio import FileData, processing_utils, utils

from ganapp import models, server, weights
from ganapp.errors import GanappError

ROOT = Path(__file__).resolve().parent.parent


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


def sketch_canvas(**kwargs) -> gr.Sketchpad:
    """The sketch -> building canvas: 512 px, a thin black brush for lines and a palette for colour
    strokes (ganapp.models.pix2pix.colour)."""
    from ganapp.models.pix2pix.colour import PALETTE

    return gr.Sketchpad(
        label="Draw",
        type="pil",
        canvas_size=(512, 512),
        fixed_canvas=True,
        height=360,
        brush=gr.Brush(default_size=4, colors=list(PALETTE), color_mode="defaults"),
        layers=False,
        **kwargs,
    )


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


def sample_grid(label: str, elem_id: str) -> gr.Image:
    """The output of a generator tab: a PNG grid of small samples, scaled up without smoothing."""
    return gr.Image(
        label=label,
        height=520,
        format="png",
        interactive=False,
        scale=2,
        elem_id=elem_id,
        elem_classes="pixelated",
    )


def weights_note(key: str) -> None:
    if not weights.is_available(key):
        gr.Markdown(f"⚠️ **No weights yet.** {weights.unavailable_message(key)}", elem_classes="note")


def how_it_was_trained(key: str) -> None:
    """The tab's "How this model was trained" accordion, from the shipped weights folder: the run's
    length, the card's own numbers, the timelapse of its samples and its losses (or why there is
    none), and the recipe file that made it. Nothing for weights loaded from the Hub."""
    folder = weights.local_dir(key)
    if folder is None or weights.hub_source(key) is not None:
        return
    spec = models.spec(key)
    train = _json(folder / "training.json")
    summary = _json(folder / "metrics.json").get("summary", {})
    options = train.get("train", {})
    with gr.Accordion("How this model was trained", open=False):
        if options:
            gr.Markdown(
                f"{train.get('steps', '?')} steps ({options.get('epochs')} epochs planned) at batch size "
                f"{options.get('batch_size')} on a {train.get('device', '?')}; {train.get('images', '?')} training "
                f"images. {train.get('dataset_note', '')}",
                elem_classes="note",
            )
        numbers = [(name, summary[name]) for name in spec.eval_metrics if name in summary]
        if numbers:
            gr.Markdown(
                "\n".join(["| measured on held-out data | |", "|---|---|", *(f"| {n} | {v} |" for n, v in numbers)])
            )
        lapse = train.get("timelapse")
        with gr.Row():
            if lapse:
                gr.Image(str(folder / lapse["file"]), label="Samples after each epoch", interactive=False)
                if lapse.get("loss_plot"):
                    gr.Image(str(folder / lapse["loss_plot"]), label="Losses", interactive=False)
            else:
                gr.Image(str(folder / "samples.png"), label="Samples of these weights", interactive=False)
                gr.Markdown("No timelapse: these weights were exported before the trainer kept one, and their run's "
                            "per-epoch samples are not kept.", elem_classes="note")  # fmt: skip
        recipe = ROOT / spec.recipe
        if recipe.is_file():
            gr.Code(recipe.read_text(), label=f"{spec.recipe} · {spec.make_command}", language=None)


def _json(path: Path) -> dict:
    return json.loads(path.read_text()) if path.is_file() else {}


LIVE_SIZE = 256  # px, long side of a live frame: >= 4 frames/s on 2 CPU cores (python -m bench.webcam)
LIVE_SECONDS = 60  # one viewer streams at most this long at a time (then presses the button again)
LIVE = dict(concurrency_limit=1, concurrency_id="webcam")  # one stream at a time, its own waiting places


def live_webcam(paint, extra_inputs: list, elem_id: str) -> None:
    """A "Live webcam" accordion: the camera streams frames (about 5 a second) through
    ``paint(frame, *extra_inputs)`` for at most LIVE_SECONDS; frames are sanitised like uploads."""
    with gr.Accordion("Live webcam", open=False):
        gr.Markdown(
            f"Start the camera: each frame is painted at {LIVE_SIZE} px as it arrives, for up to "
            f"{LIVE_SECONDS} s at a time (one viewer at a time; others wait their turn).",
            elem_classes="note",
        )
        with gr.Row():
            # an ImageInput like every other: a frame that names a file must name an upload
            cam = ImageInput(sources=["webcam"], streaming=True, label="Webcam", elem_id=f"{elem_id}-cam")
            out = gr.Image(label="Painted, live", format="jpeg", interactive=False, elem_id=f"{elem_id}-live",
                           elem_classes="fill")  # fmt: skip
    cam.stream(server.user_errors(paint), [cam, *extra_inputs], out, stream_every=0.2, time_limit=LIVE_SECONDS,
               api_name=f"{elem_id}_live", api_visibility="private", **LIVE)  # fmt: skip


LESSON = dict(concurrency_limit=1, concurrency_id="training")  # one training run at a time, the others queue
LESSON_TEXT = """Press **Train**: a small DCGAN (Radford et al., 2016) starts from random weights and learns \
{n:,} Fashion-MNIST images in front of you. The grid shows the *same* 64 latent vectors after each second, \
so each cell is one point of the generator's input space turning from noise into a garment (with the \
defaults, clothes and shoes you can name appear within a minute on two CPU cores).

**What to look for.** *A balanced game:* the discriminator's loss stays near 1.4 (2 ln 2) and it believes \
about half of what it sees; the samples keep improving. *The discriminator winning:* give it 5 steps per \
generator step and a high learning rate: its belief in real images goes to 1 and in generated ones to 0, \
the generator's loss climbs, and the grid stops improving. *Mode collapse:* many cells turn into the same \
item (a high learning rate with a small batch shows it). *Label smoothing* (real images labelled 0.9, not 1) \
keeps the discriminator from becoming over-confident.

One run at a time on this server (at most {limit} s each): if someone else is training, yours waits in the \
queue. Nothing is saved."""


def watch_a_gan_learn() -> None:
    """The live-training tab (ganapp.live): sliders, Train and Stop, the grid, the curves; and the
    ``/train_live`` API endpoint, which streams the same snapshots as dictionaries."""
    from ganapp import live

    defaults = live.LiveOptions()
    gr.Markdown(LESSON_TEXT.format(n=live.sample_size(), limit=live.MAX_SECONDS), elem_classes="note")
    with gr.Row():
        with gr.Column(scale=1):
            lr = gr.Slider(0.0001, 0.005, value=defaults.lr, step=0.0001, label="Learning rate (both networks)")
            smooth = gr.Slider(0, 0.5, value=defaults.label_smoothing, step=0.05, label="Label smoothing")
            d_steps = gr.Slider(1, 5, value=defaults.d_steps, step=1, label="Discriminator steps per generator step")
            batch = gr.Slider(8, 256, value=defaults.batch_size, step=8, label="Batch size")
            seconds = gr.Slider(10, live.MAX_SECONDS, value=defaults.seconds, step=5, label="Train for (s)")
            seed = gr.Number(value=0, precision=0, label="Seed (initial weights, noise, grid)")
            with gr.Row():
                go = gr.Button("Train", variant="primary", elem_id="live-train")
                stop = gr.Button("Stop", elem_id="live-stop")
        with gr.Column(scale=2):
            grid = gr.HTML(_grid_html(None), elem_id="live-grid")
            status = gr.Markdown("", elem_classes="note", elem_id="live-status")
    with gr.Row():
        plot = dict(x="seconds", y="value", color="curve", height=220)
        losses = gr.LinePlot(None, title="Losses", **plot)
        beliefs = gr.LinePlot(None, title="What the discriminator believes: P(real)", y_lim=[0, 1], **plot)

    def frames(snap):
        h = snap.history
        return (
            _grid_html(snap),
            _curves(h, [("d_loss", "discriminator"), ("g_loss", "generator")]),
            _curves(h, [("d_real", "real images"), ("d_fake", "generated images")]),
            f"{'Done' if snap.done else 'Training'}: step {snap.step:,}, {snap.seconds:.0f} s. The discriminator "
            f"believes real images are real {snap.last('d_real', 0.5):.2f}, "
            f"generated ones {snap.last('d_fake', 0.5):.2f}.",
        )

    @server.user_errors
    def train_ui(lr, smooth, d_steps, batch, seconds, seed):
        for snap in live.train_live(live.LiveOptions(lr, smooth, d_steps, batch, seconds, seed)):
            yield frames(snap)

    @server.user_errors
    def train_live(
        lr: float = defaults.lr,
        label_smoothing: float = defaults.label_smoothing,
        d_steps: int = defaults.d_steps,
        batch_size: int = defaults.batch_size,
        seconds: float = defaults.seconds,
        seed: int = 0,
    ) -> Iterator[dict]:
        """Train a fresh DCGAN on Fashion-MNIST for ``seconds``; streams about one dictionary a
        second: step, seconds, the loss and belief curves so far, the 8 x 8 grid (PNG, base64), done."""
        options = live.LiveOptions(lr, label_smoothing, d_steps, batch_size, seconds, seed)
        for snap in live.train_live(options):
            yield {"step": snap.step, "seconds": round(snap.seconds, 2), **snap.history,
                   "grid_png_base64": snap.grid_png_base64(), "done": snap.done}  # fmt: skip

    ev = go.click(train_ui, [lr, smooth, d_steps, batch, seconds, seed], [grid, losses, beliefs, status],
                  api_visibility="private", **LESSON)  # fmt: skip
    stop.click(None, None, None, cancels=[ev])
    gr.api(train_live, api_name="train_live", **LESSON)


def _curves(history: dict, names) -> pd.DataFrame | None:
    """Long-form curves for a gr.LinePlot: (seconds, value, curve) rows; None before the first
    point (a plot created with an empty table never draws its colours: Gradio 6.31)."""
    rows = [(t, history[k][i], label) for k, label in names for i, t in enumerate(history["seconds"])]
    return pd.DataFrame(rows, columns=["seconds", "value", "curve"]) if rows else None


def _grid_html(snap) -> str:
    """The grid as an inline image (a data URL: nothing in any cache), enlarged crisply."""
    if snap is None:
        return "<div class='live-grid-empty'>Press <b>Train</b>: the grid of samples appears here.</div>"
    return (f"<img alt='samples at step {snap.step}' src='data:image/png;base64,{snap.grid_png_base64()}' "
            "style='width:100%;max-width:520px;image-rendering:pixelated;display:block;margin:auto'>")  # fmt: skip
