"""DCGAN: Radford, Metz, Chintala, "Unsupervised Representation Learning with Deep Convolutional
Generative Adversarial Networks" (2016), at 64 x 64: transposed convolutions with batch
normalisation and ReLU in the generator, strided convolutions with LeakyReLU in the discriminator,
weights drawn from N(0, 0.02)."""

from __future__ import annotations

import math

import keras
from keras import layers

from ganapp.models.faces.config import FacesConfig


def _steps(cfg: FacesConfig) -> int:
    n = int(math.log2(cfg.image_size // 4))
    if 4 * 2**n != cfg.image_size:
        raise ValueError("The faces DCGAN's image_size must be 4 times a power of two (32, 64, 128, ...).")
    return n


def build_generator(cfg: FacesConfig) -> keras.Model:
    """z float32 (N, latent_dim) ~ N(0, 1) -> images float32 (N, S, S, C) in [-1, 1]."""
    init = keras.initializers.RandomNormal(stddev=0.02)
    n = _steps(cfg)
    z = keras.Input((cfg.latent_dim,), name="z")
    x = layers.Dense(4 * 4 * cfg.gen_filters * 2 ** (n - 1), use_bias=False, kernel_initializer=init)(z)
    x = layers.ReLU()(layers.BatchNormalization()(layers.Reshape((4, 4, cfg.gen_filters * 2 ** (n - 1)))(x)))
    for i in range(n - 1):
        x = layers.Conv2DTranspose(cfg.gen_filters * 2 ** (n - 2 - i), 4, strides=2, padding="same", use_bias=False,
                                   kernel_initializer=init)(x)  # fmt: skip
        x = layers.ReLU()(layers.BatchNormalization()(x))
    x = layers.Conv2DTranspose(cfg.channels, 4, strides=2, padding="same", kernel_initializer=init)(x)
    x = layers.Activation("tanh", dtype="float32")(x)
    return keras.Model(z, x, name="generator")


def build_discriminator(cfg: FacesConfig) -> keras.Model:
    """images (N, S, S, C) in [-1, 1] -> logits (N, 1) (the sigmoid is in the loss)."""
    init = keras.initializers.RandomNormal(stddev=0.02)
    img = keras.Input((cfg.image_size, cfg.image_size, cfg.channels), name="image")
    x = img
    for i in range(_steps(cfg)):
        x = layers.Conv2D(cfg.disc_filters * 2**i, 4, strides=2, padding="same", use_bias=i == 0,
                          kernel_initializer=init)(x)  # fmt: skip
        if i > 0:
            x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Dense(1, dtype="float32", kernel_initializer=init)(layers.Flatten()(x))
    return keras.Model(img, x, name="discriminator")
