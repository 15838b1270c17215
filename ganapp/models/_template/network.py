"""The template model's networks; they read nothing but their config."""

from __future__ import annotations

import math

import keras
from keras import layers

from ganapp.models._template.config import TemplateConfig


def build_generator(cfg: TemplateConfig) -> keras.Model:
    """z float32 (N, latent_dim) ~ N(0, 1) -> images float32 (N, S, S, C) in [-1, 1]."""
    z = keras.Input((cfg.latent_dim,), name="z")
    x = layers.Reshape((4, 4, cfg.filters))(layers.Dense(4 * 4 * cfg.filters)(z))
    for _ in range(int(math.log2(cfg.image_size // 4))):
        x = layers.Conv2DTranspose(cfg.filters, 4, strides=2, padding="same")(x)
        x = layers.LeakyReLU(0.2)(layers.BatchNormalization()(x))
    x = layers.Conv2D(cfg.channels, 3, padding="same", activation="tanh", dtype="float32")(x)
    return keras.Model(z, x, name="generator")


def build_discriminator(cfg: TemplateConfig) -> keras.Model:
    """images (N, S, S, C) in [-1, 1] -> logits (N, 1)."""
    img = keras.Input((cfg.image_size, cfg.image_size, cfg.channels), name="image")
    x = img
    for f in (cfg.filters // 4, cfg.filters // 2, cfg.filters):
        x = layers.LeakyReLU(0.2)(layers.Conv2D(f, 4, strides=2, padding="same")(x))
    x = layers.Dense(1, dtype="float32")(layers.Flatten()(x))
    return keras.Model(img, x, name="discriminator")
