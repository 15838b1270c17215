"""Watch a GAN learn: a small DCGAN trained live from noise (ganapp.live), its grid and curves
every second; the ``/train_live`` API endpoint streams the same snapshots as dictionaries."""

from __future__ import annotations

from collections.abc import Iterator

import gradio as gr
import pandas as pd

from ganapp import live
from ganapp.web.i18n import say, t
from ganapp.web.server import user_errors
from ganapp.web.widgets import slider

TITLE = "Watch a GAN learn"
ORDER = 90
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

D = live.LiveOptions()  # the defaults of a run: the one source of the sliders' and the API's


def status_line(snap: live.Snapshot, request: gr.Request | None) -> str:
    return say(
        request,
        "{state}: step {step:,}, {seconds:.0f} s. The discriminator believes real images are real {real:.2f}, "
        "generated ones {fake:.2f}.",
        state=say(request, "Done") if snap.done else say(request, "Training"),
        step=snap.step,
        seconds=snap.seconds,
        real=snap.last("d_real", 0.5),
        fake=snap.last("d_fake", 0.5),
    )


@user_errors
def train_live(
    lr: float = D.lr,
    label_smoothing: float = D.label_smoothing,
    d_steps: int = D.d_steps,
    batch_size: int = D.batch_size,
    seconds: float = D.seconds,
    seed: int = D.seed,
) -> Iterator[dict]:
    """Train a fresh DCGAN on Fashion-MNIST for ``seconds``; streams about one dictionary a
    second: step, seconds, the loss and belief curves so far, the 8 x 8 grid (PNG, base64), done."""
    options = live.LiveOptions(lr, label_smoothing, d_steps, batch_size, seconds, seed)
    for snap in live.train_live(options):
        yield {"step": snap.step, "seconds": round(snap.seconds, 2), **snap.history,
               "grid_png_base64": snap.grid_png_base64(), "done": snap.done}  # fmt: skip


def build() -> None:
    gr.Markdown(t(LESSON_TEXT, n=live.sample_size(), limit=live.MAX_SECONDS), elem_classes="note")
    with gr.Row():
        with gr.Column(scale=1):
            opts = live.LiveOptions
            lr = slider(opts, "lr", live.LR, "Learning rate (both networks)")
            smooth = slider(opts, "label_smoothing", live.LABEL_SMOOTHING, "Label smoothing")
            d_steps = slider(opts, "d_steps", live.D_STEPS, "Discriminator steps per generator step")
            batch = slider(opts, "batch_size", live.BATCH_SIZE, "Batch size")
            seconds = slider(opts, "seconds", live.SECONDS, "Train for (s)")
            seed = gr.Number(value=D.seed, precision=0, label=t("Seed (initial weights, noise, grid)"))
            with gr.Row():
                go = gr.Button(t("Train"), variant="primary", elem_id="live-train")
                stop = gr.Button(t("Stop"), elem_id="live-stop")
        with gr.Column(scale=2):
            grid = gr.HTML(_grid_html(None), elem_id="live-grid")
            status = gr.Markdown("", elem_classes="note", elem_id="live-status")
    with gr.Row():
        plot = dict(x="seconds", y="value", color="curve", height=220)
        losses = gr.LinePlot(None, title=t("Losses"), **plot)
        beliefs = gr.LinePlot(None, title=t("What the discriminator believes: P(real)"), y_lim=[0, 1], **plot)

    @user_errors
    def train_ui(lr, smooth, d_steps, batch, seconds, seed, request: gr.Request):
        for snap in live.train_live(live.LiveOptions(lr, smooth, d_steps, batch, seconds, seed)):
            h = snap.history
            yield (
                _grid_html(snap),
                _curves(h, [("d_loss", say(request, "discriminator")), ("g_loss", say(request, "generator"))]),
                _curves(h, [("d_real", say(request, "real images")), ("d_fake", say(request, "generated images"))]),
                status_line(snap, request),
            )

    ev = go.click(train_ui, [lr, smooth, d_steps, batch, seconds, seed], [grid, losses, beliefs, status],
                  api_visibility="private", **LESSON)  # fmt: skip
    stop.click(None, None, None, cancels=[ev])
    gr.api(train_live, api_name="train_live", **LESSON)


def _curves(history: dict, names) -> pd.DataFrame | None:
    """Long-form curves for a gr.LinePlot: (seconds, value, curve) rows; None before the first
    point (a plot created with an empty table never draws its colours: Gradio 6.31)."""
    rows = [(s, history[k][i], label) for k, label in names for i, s in enumerate(history["seconds"])]
    return pd.DataFrame(rows, columns=["seconds", "value", "curve"]) if rows else None


def _grid_html(snap) -> str:
    """The grid as an inline image (a data URL: nothing in any cache), enlarged crisply."""
    if snap is None:
        return f"<div class='live-grid-empty'>{t('Press <b>Train</b>: the grid of samples appears here.')}</div>"
    return (f"<img alt='samples at step {snap.step}' src='data:image/png;base64,{snap.grid_png_base64()}' "
            "style='width:100%;max-width:520px;image-rendering:pixelated;display:block;margin:auto'>")  # fmt: skip
