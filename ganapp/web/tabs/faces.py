"""Cartoon faces: a DCGAN's grid by seed, a latent walk, and what its discriminator sees."""

from __future__ import annotations

import random

import gradio as gr

import ganapp
from ganapp.checks import COUNT, SEED
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import LIGHT, sample_grid, slider

TITLE = "Cartoon faces"
ORDER = 45
INTRO = (
    "Cartoon faces from a DCGAN (Radford et al., 2016), the model of the classic anime-faces lesson, at 64 x 64 px. "
    "It learned from faces rendered offline from DiceBear's avatar styles. Move the seed: every seed is one point "
    "of the latent space, and the walk shows that nearby points give faces that change smoothly."
)
DISCRIMINATOR = (
    "The **discriminator** learned to answer *real* (1) for the rendered faces and *generated* (0) for the "
    "generator's, while the **generator** learned to push that answer towards real. Judge the generator's own faces "
    "(the seed and count above): each bar is the discriminator's P(real). Then upload a photo of a face: shrunk to "
    "64 px, it is judged by a network that has only ever seen cartoons."
)


def build() -> None:
    gr.Markdown(t(INTRO), elem_classes="note")
    widgets.weights_note("faces")
    widgets.lesson("faces")
    with gr.Row():
        with gr.Column(scale=1):
            seed = slider(ganapp.generate_faces, "seed", SEED, "Latent seed")
            count = slider(ganapp.generate_faces, "count", COUNT, "How many")
            with gr.Row():
                dice = gr.Button(t("🎲 Random seed"))
                go = gr.Button(t("Generate"), variant="primary")
            gr.Markdown(t("**Latent walk** between two seeds"), elem_classes="note")
            seed_b = slider(ganapp.face_walk, "seed_b", SEED, "End seed")
            walk = gr.Button(t("Walk"))
        out = sample_grid("Faces", "faces-out")
    gen = user_errors(ganapp.generate_faces)
    go.click(gen, [seed, count], out, api_name="generate_faces", **LIGHT)
    seed.release(gen, [seed, count], out, api_visibility="private", **LIGHT)
    dice.click(lambda: random.randint(0, 100_000), None, seed, api_visibility="private").then(
        gen, [seed, count], out, api_visibility="private", **LIGHT
    )
    walk.click(user_errors(ganapp.face_walk), [seed, seed_b], out, api_name="face_walk", **LIGHT)
    widgets.discriminator_view("faces", DISCRIMINATOR, ganapp.judge_faces, [seed, count], ganapp.judge_face_image, [])
    widgets.latent_search("faces", ganapp.find_face, ganapp.find_generated_face, ganapp.face_walk_from, seed, seed_b)
    widgets.neighbours_view("faces", ganapp.face_neighbours, [seed])
    widgets.how_it_was_trained("faces")
