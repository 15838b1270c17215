"""DCGAN: Radford, Metz, Chintala, "Unsupervised Representation Learning with Deep
Convolutional Generative Adversarial Networks" (2015). The default widths are the car
seed project's: Dense 4x4x256 -> 3x [Conv2DTranspose(128, 4, s2) + BN + LeakyReLU(0.2)]
-> Conv2D(3, 3, tanh); discriminator Conv 64/128/128/256 with BN, LeakyReLU, Dropout, sigmoid.
"""

from __future__ import annotations

import math

import keras
from keras import layers

from ganapp.models.cars.config import DCGANConfig


def build_generator(cfg: DCGANConfig) -> keras.Model:
    """z float32 (N, latent_dim) ~ N(0, 1) -> images float32 (N, S, S, C) in [-1, 1]."""
    n_up = int(math.log2(cfg.image_size // 4))
    if 4 * 2**n_up != cfg.image_size:
        raise ValueError("DCGAN image_size must be 4 times a power of two (8, 16, 32, 64, ...).")
    z = keras.Input((cfg.latent_dim,), name="z")
    x = layers.Dense(4 * 4 * cfg.gen_base)(z)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Reshape((4, 4, cfg.gen_base))(x)
    for _ in range(n_up):
        x = layers.Conv2DTranspose(cfg.gen_filters, 4, strides=2, padding="same")(x)
        x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(cfg.channels, 3, padding="same", activation="tanh", dtype="float32")(x)
    return keras.Model(z, x, name="generator")


def build_discriminator(cfg: DCGANConfig) -> keras.Model:
    """images (N, S, S, C) in [-1, 1] -> logits (N, 1) (sigmoid is applied in the loss)."""
    img = keras.Input((cfg.image_size, cfg.image_size, cfg.channels), name="image")
    x = img
    for i, f in enumerate(cfg.disc_filters):
        x = layers.Conv2D(f, 3, strides=1 if i == 0 else 2, padding="same")(x)
        if i > 0:
            x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(cfg.dropout)(x)
    x = layers.Dense(1, dtype="float32")(x)
    return keras.Model(img, x, name="discriminator")
