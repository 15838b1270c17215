"""pix2pix: Isola, Zhu, Zhou, Efros, "Image-to-Image Translation with Conditional
Adversarial Networks" (2017). U-Net generator with skip connections and decoder dropout;
70x70 PatchGAN discriminator on (sketch, photo) pairs. Widths start at ``gen_filters``
and double per level up to ``gen_max_filters`` (the paper: 64 -> 512).
"""
from __future__ import annotations

import math

import keras
from keras import layers

from ganapp.config import Pix2PixConfig
from ganapp.layers import down, patch_discriminator, up, upsample_conv


def build_generator(cfg: Pix2PixConfig) -> keras.Model:
    """sketch (N, S, S, C) in [-1, 1] -> photo (N, S, S, C) in [-1, 1]; S a power of two."""
    levels = int(math.log2(cfg.image_size))
    if 2**levels != cfg.image_size:
        raise ValueError("pix2pix image_size must be a power of two.")
    if cfg.upsample not in ("transpose", "resize"):
        raise ValueError(f"pix2pix upsample must be 'transpose' or 'resize', not {cfg.upsample!r}.")
    resize = cfg.upsample == "resize"
    widths = [min(cfg.gen_filters * 2**i, cfg.gen_max_filters) for i in range(levels)]
    inp = keras.Input((cfg.image_size, cfg.image_size, cfg.channels), name="sketch")
    x, skips = inp, []
    for i, f in enumerate(widths):  # S -> 1
        x = down(x, f, norm=0 < i < levels - 1)
        skips.append(x)
    for i, f in enumerate(reversed(widths[:-1])):  # 1 -> S/2, with skips
        x = up(x, f, dropout=cfg.dropout if i < 3 else 0.0, resize=resize)
        x = layers.Concatenate()([x, skips[-(i + 2)]])
    x = upsample_conv(x, cfg.channels, resize)
    out = layers.Activation("tanh", dtype="float32")(x)
    return keras.Model(inp, out, name="generator")


def build_discriminator(cfg: Pix2PixConfig) -> keras.Model:
    """[sketch, photo] (N, S, S, C) each -> patch logits (N, S/8, S/8, 1)."""
    shape = (cfg.image_size, cfg.image_size, cfg.channels)
    return patch_discriminator([keras.Input(shape, name="sketch"), keras.Input(shape, name="photo")],
                               cfg.disc_filters)
