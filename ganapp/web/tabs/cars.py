"""Car generator: a DCGAN's grid by seed, a latent walk and its animation."""

from __future__ import annotations

import random

import gradio as gr

import ganapp
from ganapp.checks import COUNT, SEED
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import LIGHT, sample_grid, slider

TITLE = "Car generator"
ORDER = 40
INTRO = (
    "Car fronts from a DCGAN (Radford et al., 2015). The same seed always gives the same cars. The shipped "
    "weights learned from **procedurally rendered** car fronts (no car photos could be used); train on "
    "CompCars crops for real ones: `python -m train.cars --data path/to/crops`."
)

DISCRIMINATOR = (
    "A GAN is a game between two networks. The **discriminator** learned to answer *real* (1) for the training "
    "images and *generated* (0) for the generator's, while the **generator** learned to push that answer towards "
    "real. Judge the generator's own cars (the seed and count above): each bar is the discriminator's P(real). In a "
    "balanced game most sit near 0.5, because neither side wins. Then upload any picture: it is shrunk to 32 px "
    "and judged by a network that has only ever seen these rendered car fronts."
)


@user_errors
def car_walk_animation(seed_a: int = 0, seed_b: int = 1) -> str:
    """The walk from seed_a's car to seed_b's and back, as an animated WebP (48 frames, 128 px cars)."""
    return widgets.animation(ganapp.car_walk_frames(seed_a, seed_b, 48, 4))


def build() -> None:
    gr.Markdown(t(INTRO), elem_classes="note")
    widgets.weights_note("cars")
    widgets.lesson("cars")
    with gr.Row():
        with gr.Column(scale=1):
            seed = slider(ganapp.generate_cars, "seed", SEED, "Latent seed")
            count = slider(ganapp.generate_cars, "count", COUNT, "How many")
            with gr.Row():
                dice = gr.Button(t("🎲 Random seed"))
                go = gr.Button(t("Generate"), variant="primary")
            gr.Markdown(t("**Latent walk** between two seeds"), elem_classes="note")
            seed_b = slider(ganapp.car_walk, "seed_b", SEED, "End seed")
            with gr.Row():
                walk = gr.Button(t("Walk"))
                animate = gr.Button(t("Animate the walk"))
        out = sample_grid("Cars", "cars-out")
    gen = user_errors(ganapp.generate_cars)
    go.click(gen, [seed, count], out, api_name="generate_cars", **LIGHT)
    seed.release(gen, [seed, count], out, api_visibility="private", **LIGHT)
    dice.click(lambda: random.randint(0, 100_000), None, seed, api_visibility="private").then(
        gen, [seed, count], out, api_visibility="private", **LIGHT
    )
    walk.click(user_errors(ganapp.car_walk), [seed, seed_b], out, api_name="car_walk", **LIGHT)
    animate.click(car_walk_animation, [seed, seed_b], out, api_name="car_walk_animation", **LIGHT)
    widgets.discriminator_view("cars", DISCRIMINATOR, ganapp.judge_cars, [seed, count], ganapp.judge_car_image, [])
    widgets.latent_search("cars", ganapp.find_car, ganapp.find_generated_car, ganapp.car_walk_from, seed, seed_b)
    widgets.neighbours_view("cars", ganapp.car_neighbours, [seed])
    widgets.how_it_was_trained("cars")
