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
PATCHES = (
    "The CycleGAN's **discriminator** is a PatchGAN: instead of one verdict per image it gives one for each patch of "
    "about 70 x 70 px, *a van Gogh painting* (green, 1) or *generated* (red, 0). Left: your image; right: the "
    "generator's painting of it. A real van Gogh painting comes out greener than a photo, but not by much: the "
    "generator was trained to turn the right-hand map green, and by the end of training the two networks were so "
    "evenly matched that the discriminator is unsure about everything. Where a map stays red, it still spots a fake."
)

ROUND_TRIP = (
    "A CycleGAN trains two generators together: one turns photos into paintings, the other turns paintings back "
    "into photos. Each is asked to undo the other, so the painter cannot throw away what is in the photo. Left to "
    "right: your photo, its painting, the way back, and what the way back lost (black = kept, white = far off)."
)
TERMS = (
    "The generators' training loss on this photo, term by term (lower is better for the generator):\n"
    "- **Adversarial**: how far the discriminator is from calling the painting *a van Gogh painting* "
    "(0 = fooled in every patch). It makes the generator paint like van Gogh.\n"
    "- **Cycle** (weighed x10): how far the way back is from your photo. It makes the painting keep what the photo "
    "shows.\n"
    "- **Identity** (x1): how much the way back changes a photo that is already a photo. It stops colours drifting "
    "where nothing needs to change."
)
BACKWARDS = (
    "The way back on its own: the second generator turns a painting into what it thinks is a photo. Try *The Starry "
    "Night*: it learned from eight paintings and a hundred photos, so expect softer swirls and photo colours, not a "
    "real photo of the scene."
)


def build() -> None:
    fn = ganapp.van_gogh
    gr.Markdown(t("Turn a photo into a van Gogh painting with a CycleGAN generator (Zhu et al., 2017)."),
                elem_classes="note")  # fmt: skip
    widgets.weights_note("vangogh")
    widgets.lesson("vangogh")
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
    words = ("A photo or a painting", "Judge it and its painting", "Mean P(real) of your image",
             "Mean P(real) of the generator's painting")  # fmt: skip
    starry = weights.WEIGHTS_DIR / "style" / "presets" / "starry_night.jpg"
    widgets.patch_map_view("vangogh", PATCHES, ganapp.judge_van_gogh, words, [starry, *examples[:1]],
                           "A van Gogh painting and a photo (click to judge)")  # fmt: skip
    the_way_back(examples[:2], starry)
    widgets.how_it_was_trained("vangogh")


def the_way_back(photos: list, starry) -> None:
    """The "The way back" accordion: the round trip of an upload (``photos`` to click), its loss terms, and a
    painting as a photo (*The Starry Night*, ``starry``, to click)."""
    with gr.Accordion(t("The way back: photo -> painting -> photo"), open=False):
        if not weights.ships("vangogh", weights.INVERSE):
            gr.Markdown(t("These weights ship no generator of the way back (painting -> photo)."),
                        elem_classes="note")  # fmt: skip
            return
        gr.Markdown(t(ROUND_TRIP), elem_classes="note")
        with gr.Row():
            with gr.Column(scale=1):
                image = ImageInput(label=t("Photo"), height=240, elem_id="vangogh-trip-in")
                go = gr.Button(t("There and back"), variant="primary")
            sheet = gr.Image(format="png", interactive=False, show_label=False, scale=3, elem_id="vangogh-trip-out")
        with gr.Row():
            numbers = [gr.Number(label=t(label), precision=3, interactive=False, elem_id=f"vangogh-trip-{name}")
                       for name, label in (("adversarial", "Adversarial"), ("cycle", "Cycle (x10)"),
                                           ("identity", "Identity (x1)"), ("psnr", "PSNR (dB)"))]  # fmt: skip
        gr.Markdown(t(TERMS), elem_classes="note")
        trip = user_errors(ganapp.round_trip)
        widgets.examples([[str(p)] for p in photos], [image], [sheet, *numbers], trip,
                         "Held-out photos (click for the round trip)")  # fmt: skip
        gr.Markdown(t(BACKWARDS), elem_classes="note")
        with gr.Row():
            painting = ImageInput(label=t("A painting"), height=300, elem_id="vangogh-back-in")
            photo = gr.Image(label=t("As a photo"), height=300, format="png", interactive=False,
                             elem_id="vangogh-back-out")  # fmt: skip
        back = gr.Button(t("Turn it into a photo"))
        if starry.is_file():
            widgets.examples([[str(starry)]], [painting], photo, user_errors(ganapp.painting_to_photo),
                             "A van Gogh painting (click to turn it into a photo)")  # fmt: skip
    go.click(trip, [image], [sheet, *numbers], api_name="round_trip", **IMAGE)
    back.click(user_errors(ganapp.painting_to_photo), [painting], photo, api_name="painting_to_photo_ui",
               api_visibility="private", **IMAGE)  # fmt: skip
    gr.api(widgets.endpoint("painting_to_photo", files=("painting",)), api_name="painting_to_photo", **IMAGE)
