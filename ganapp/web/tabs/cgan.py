"""Conditional GAN: a class and a seed in, a grid of that class out; every class; a morph."""

from __future__ import annotations

import gradio as gr

import ganapp
from ganapp.checks import COUNT, SEED
from ganapp.web import widgets
from ganapp.web.i18n import t
from ganapp.web.server import user_errors
from ganapp.web.widgets import LIGHT, sample_grid, slider

TITLE = "Conditional GAN"
ORDER = 50
INTRO = (
    "A conditional GAN (Mirza & Osindero, 2014) draws an item of the class you choose; the shipped weights "
    "learned Fashion-MNIST's ten classes. Same seed, same pixels."
)

DISCRIMINATOR = (
    "The **discriminator** is the generator's opponent: it learned to answer *real* (1) for training images and "
    "*generated* (0) for the generator's, while the generator learned to push its answer towards real. In a "
    "conditional GAN it judges an image *and* its class. Judge the generator's own items of the class above: each "
    "bar is the discriminator's P(real). Then upload a picture and choose its class: tell it a sneaker is a trouser "
    "and watch its verdict drop, because a good picture of the wrong class is not what the real data looks like."
)


def build() -> None:
    gr.Markdown(t(INTRO), elem_classes="note")
    widgets.weights_note("cgan")
    widgets.lesson("cgan")
    names = ganapp.class_names()
    with gr.Row():
        with gr.Column(scale=1):
            label = gr.Dropdown(names, value=names[0] if names else None, label=t("Class"))
            seed = slider(ganapp.generate_class, "seed", SEED, "Seed")
            count = slider(ganapp.generate_class, "count", COUNT, "How many")
            go = gr.Button(t("Generate"), variant="primary")
            every = gr.Button(t("All classes"))
            gr.Markdown(t("**Morph** from the class above to another, one latent vector"), elem_classes="note")
            label_b = gr.Dropdown(names, value=names[-1] if names else None, label=t("To class"))
            morph = gr.Button(t("Morph"))
        out = sample_grid("Samples", "cgan-out")
    go.click(user_errors(ganapp.generate_class), [label, seed, count], out, api_name="generate_class", **LIGHT)
    every.click(user_errors(ganapp.generate_all_classes), [seed], out, api_name="generate_all_classes", **LIGHT)
    morph.click(user_errors(ganapp.class_morph), [label, label_b, seed], out, api_name="class_morph", **LIGHT)
    widgets.discriminator_view("cgan", DISCRIMINATOR, ganapp.judge_class, [label, seed, count], ganapp.judge_garment,
                               [label])  # fmt: skip
    widgets.neighbours_view("cgan", ganapp.garment_neighbours, [label, seed])
    widgets.how_it_was_trained("cgan")
