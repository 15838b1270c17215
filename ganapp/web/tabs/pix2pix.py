"""Sketch -> building: pix2pix on a drawing (with colour strokes) or an uploaded sketch."""

from __future__ import annotations

import random

import gradio as gr

import ganapp
from ganapp import weights
from ganapp.checks import SEED
from ganapp.errors import WeightsUnavailable
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import IMAGE, ImageInput, slider

TITLE = "Sketch → building"
ORDER = 30
INTRO = (
    "Draw a building (a roof line, rows of windows, a door) or upload a sketch; pix2pix (Isola et al., 2017) "
    "turns it into a building. A sketch has no colour, so the model guesses it; **strokes in colour** (blue in "
    "the sky, red on a wall) are not lines: they colour the area they are drawn in. **Photo → sketch** turns a "
    "photo into the kind of line drawing the model learned from."
)

PATCHES = (
    "pix2pix's **discriminator** is a PatchGAN that always sees a sketch together with a picture: for each patch "
    "of about 70 x 70 px it says whether the picture is *a real photo of that sketch* (green, 1) or *generated* "
    "(red, 0). Give it a building photo: it is turned into a sketch, the generator draws its own building from that "
    "sketch, and both are judged. Left: your photo; right: the generator's building. Where the right-hand map "
    "stays red, the discriminator can still tell the generator's work from a photo."
)


CODES = (
    "A line sketch has no colours, so many buildings fit it. These weights also take a **colour code**: a few "
    "colours, from the shadows to the sky. A **seed** draws one from the photos the model learned from; a "
    "**reference photo** lends its own. The same sketch with another code is another building: that is what a "
    "conditional GAN's extra input is for."
)


def drawn(drawing):
    """The canvas' drawing (its composite layer); an empty canvas gets a sentence."""
    layer = (drawing or {}).get("composite")
    if layer is None or layer.getbbox() is None:  # RGBA: nothing drawn = fully transparent
        raise ganapp.InputError("The canvas is empty: draw a building first.")
    return layer


def from_canvas(drawing, seed, reference):
    """The canvas' drawing -> a building, with the colour code of ``seed`` or of ``reference``."""
    return ganapp.sketch_to_building(drawn(drawing), seed, reference)


def many_from_canvas(drawing, seed):
    """The canvas' drawing -> 8 buildings, with the colour codes of 8 seeds from ``seed`` on."""
    return ganapp.buildings_from_sketch(drawn(drawing), seed)


def takes_codes() -> bool:
    """Do the weights take a colour code (their config says so; nothing heavy is loaded)?"""
    try:
        return bool(weights.load_model_config("pix2pix").code_colours)
    except WeightsUnavailable:
        return False


def build() -> None:
    gr.Markdown(t(INTRO), elem_classes="note")
    widgets.weights_note("pix2pix")
    widgets.lesson("pix2pix")
    with gr.Row():
        canvas = widgets.sketch_canvas(elem_id="pix2pix-canvas")
        upload = ImageInput(label=t("…or upload a sketch (or a photo, then Photo → sketch)"), height=360,
                            elem_id="pix2pix-upload")  # fmt: skip
        out = gr.Image(label=t("Building"), height=360, format="png", interactive=False, elem_id="pix2pix-out",
                       elem_classes="fill")  # fmt: skip
    with gr.Row():
        draw_btn = gr.Button(t("Build from drawing"), variant="primary")
        sketch_btn = gr.Button(t("Photo → sketch"))
        upload_btn = gr.Button(t("Build from upload"), variant="primary")
    codes = takes_codes()  # without a code the seed is ignored and no reference is sent
    folder = weights.WEIGHTS_DIR / "pix2pix" / "examples"
    with gr.Group(visible=codes):
        gr.Markdown(t(CODES), elem_classes="note")
        with gr.Row():
            with gr.Column(scale=1):
                seed = slider(ganapp.sketch_to_building, "seed", SEED, "Colour code seed")
                with gr.Row():
                    dice = gr.Button(t("🎲 Random seed"))
                    many_btn = gr.Button(t("8 buildings from the drawing"), elem_id="pix2pix-many")
            reference = ImageInput(label=t("Reference photo (optional): the building takes its colours"),
                                   height=200, elem_id="pix2pix-reference", scale=1)  # fmt: skip
        references = sorted(folder.glob("reference_*.jpg"))
        if references and codes:
            gr.Examples([[str(p)] for p in references], [reference], label=t("Held-out buildings as references"))
        many = gr.Image(label=t("8 buildings, one sketch (each over its colour code)"), format="png",
                        interactive=False, visible=codes, elem_id="pix2pix-many-out")  # fmt: skip
    build_fn = user_errors(ganapp.sketch_to_building)
    examples = sorted(folder.glob("*.png"))
    if examples and weights.is_available("pix2pix"):
        widgets.examples(
            [[str(p)] for p in examples], [upload], out, build_fn, "Held-out sketches, one with colour strokes"
        )
    draw_btn.click(user_errors(from_canvas), [canvas, seed, reference], out, api_visibility="private", **IMAGE)
    upload_btn.click(build_fn, [upload, seed, reference], out, api_name="sketch_to_building", **IMAGE)
    dice.click(lambda: random.randint(0, 100_000), None, seed, api_visibility="private")
    many_btn.click(user_errors(many_from_canvas), [canvas, seed], many, api_visibility="private", **IMAGE)
    gr.api(widgets.endpoint("buildings_from_sketch", files=("sketch",)), api_name="buildings_from_sketch", **IMAGE)
    sketch_btn.click(user_errors(ganapp.photo_to_sketch), [upload], upload, api_name="photo_to_sketch", **IMAGE)
    words = ("A building photo", "Judge it and the generator's building", "Mean P(real) of your photo",
             "Mean P(real) of the generator's building")  # fmt: skip
    widgets.patch_map_view("pix2pix", PATCHES, ganapp.judge_building, words, sorted(folder.glob("photo_*.jpg")),
                           "Held-out building photos (click to judge)")  # fmt: skip
    widgets.how_it_was_trained("pix2pix")
