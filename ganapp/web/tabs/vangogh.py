"""Van Gogh: a CycleGAN generator paints a photo; also live from the webcam, and compared with the
two style-transfer methods."""

from __future__ import annotations

import gradio as gr

import ganapp
from ganapp import compare, weights
from ganapp.checks import OUTPUT_SIZE, STRENGTH
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import IMAGE, STYLE, ImageInput, slider

TITLE = "Van Gogh"
ORDER = 20


def build() -> None:
    fn = ganapp.van_gogh
    gr.Markdown(t("Turn a photo into a van Gogh painting with a CycleGAN generator (Zhu et al., 2017)."),
                elem_classes="note")  # fmt: skip
    widgets.weights_note("vangogh")
    with gr.Row():
        photo = ImageInput(label=t("Photo"), height=360, elem_id="vangogh-in")
        out = gr.Image(label=t("Painting"), height=360, format="png", interactive=False, elem_id="vangogh-out",
                       elem_classes="fill")  # fmt: skip
    with gr.Row():
        max_size = slider(fn, "max_size", OUTPUT_SIZE, "Output size (long side, px)")
        strength = slider(fn, "strength", STRENGTH, "Strength")
    btn = gr.Button(t("Paint"), variant="primary")
    examples = sorted((weights.WEIGHTS_DIR / "vangogh" / "examples").glob("*.jpg"))
    if examples and weights.is_available("vangogh"):
        widgets.examples(
            [[str(p)] for p in examples], [photo], out, user_errors(fn), "Held-out photos (click to paint)"
        )
    btn.click(user_errors(fn), [photo, max_size, strength], out, api_name="van_gogh_ui", api_visibility="private",
              **IMAGE)  # fmt: skip
    gr.api(widgets.endpoint("van_gogh", files=("photo",)), api_name="van_gogh", **IMAGE)
    widgets.live_webcam(lambda frame: fn(frame, widgets.LIVE_SIZE), [], "vangogh")
    with gr.Accordion(t("Compare methods on this photo: CycleGAN, fast style, Gatys"), open=False):
        gr.Markdown(t(compare.WHY), elem_classes="note")
        compare_btn = gr.Button(t("Compare (about half a minute)"))
        sheet = gr.Gallery(label=t("Three methods, 256 px"), columns=3, height=300, object_fit="contain",
                           elem_id="vangogh-compare")  # fmt: skip
        times = gr.Markdown("", elem_id="vangogh-compare-times")

    @user_errors
    def compare_methods(photo: str):
        """CycleGAN, fast style and Gatys on one photo: the three images, and what each is and took."""
        results = compare.compare_methods(photo)
        return results, "\n".join(f"{i}. {caption}" for i, (_, caption) in enumerate(results, 1))

    compare_btn.click(compare_methods, [photo], [sheet, times], api_name="compare_methods", **STYLE)
    widgets.how_it_was_trained("vangogh")
