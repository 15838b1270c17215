"""Conditional GAN: Mirza & Osindero, "Conditional Generative Adversarial Nets" (2014).

The generator gets noise + a label embedding; the discriminator sees image + label twice:
as an extra input plane and through a projection term on its features (Miyato & Koyama,
"cGANs with Projection Discriminator", 2018), which sharpens class fidelity.
"""

from __future__ import annotations

import keras
from keras import layers, ops

from ganapp.models.cgan.config import CGANConfig


def _start_size(cfg: CGANConfig) -> int:
    up = 2 ** len(cfg.gen_filters)
    if cfg.image_size % up:
        raise ValueError(f"cGAN image_size must be divisible by {up}.")
    return cfg.image_size // up


def build_generator(cfg: CGANConfig, soft_labels: bool = False) -> keras.Model:
    """[z (N, latent_dim) float32, label (N,) int32] -> images (N, S, S, C) in [-1, 1].

    ``soft_labels``: the label is (N, num_classes) float32 class weights instead, multiplied by the
    same embedding matrix (a one-hot row is its class; a blend of two rows blends their
    conditioning); the weights of one model load into the other unchanged."""
    s = _start_size(cfg)
    z = keras.Input((cfg.latent_dim,), name="z")
    if soft_labels:
        label = keras.Input((cfg.num_classes,), name="label")
        e = layers.Dense(cfg.embed_dim, use_bias=False)(label)
    else:
        label = keras.Input((), dtype="int32", name="label")
        e = layers.Embedding(cfg.num_classes, cfg.embed_dim)(label)
    e = layers.Dense(s * s)(e)
    e = layers.Reshape((s, s, 1))(e)
    x = layers.Dense(s * s * cfg.gen_filters[0] * 2)(layers.Concatenate()([z, layers.Flatten()(e)]))
    x = layers.BatchNormalization()(x)
    x = layers.LeakyReLU(0.2)(x)
    x = layers.Reshape((s, s, cfg.gen_filters[0] * 2))(x)
    x = layers.Concatenate()([x, e])
    for f in cfg.gen_filters:
        x = layers.Conv2DTranspose(f, 4, strides=2, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(cfg.channels, 3, padding="same", activation="tanh", dtype="float32")(x)
    return keras.Model([z, label], x, name="generator")


@keras.saving.register_keras_serializable(package="ganapp")
class Projection(layers.Layer):
    """Projection-discriminator term: <embed(label), features>, one scalar per sample."""

    def __init__(self, num_classes: int, **kwargs):
        super().__init__(**kwargs)
        self.num_classes = num_classes

    def build(self, shapes):
        feat_shape, _ = shapes
        self.embed = self.add_weight(
            shape=(self.num_classes, feat_shape[-1]), initializer="glorot_uniform", name="embed"
        )

    def call(self, inputs):
        feats, label = inputs
        e = ops.take(self.embed, ops.cast(label, "int32"), axis=0)
        return ops.sum(e * feats, axis=-1, keepdims=True)

    def compute_output_shape(self, shapes):
        return (shapes[0][0], 1)

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes}


def build_discriminator(cfg: CGANConfig) -> keras.Model:
    """[images (N, S, S, C) in [-1, 1], label (N,) int32] -> logits (N, 1)."""
    size = cfg.image_size
    img = keras.Input((size, size, cfg.channels), name="image")
    label = keras.Input((), dtype="int32", name="label")
    plane = layers.Embedding(cfg.num_classes, cfg.embed_dim)(label)
    plane = layers.Reshape((size, size, 1))(layers.Dense(size * size)(plane))
    x = layers.Concatenate()([img, plane])
    for f in cfg.disc_filters:
        x = layers.Conv2D(f, 4, strides=2, padding="same")(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(cfg.dropout)(x)
    h = layers.Dense(256)(x)
    h = layers.LeakyReLU(0.2)(h)
    logit = layers.Add(dtype="float32")([layers.Dense(1)(h), Projection(cfg.num_classes)([h, label])])
    return keras.Model([img, label], logit, name="discriminator")
