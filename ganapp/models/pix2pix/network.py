"""pix2pix: Isola, Zhu, Zhou, Efros, "Image-to-Image Translation with Conditional
Adversarial Networks" (2017). U-Net generator with skip connections and decoder dropout;
70x70 PatchGAN discriminator on (sketch, photo) pairs.

Two encoders (``cfg.encoder``): "unet", the paper's, widths from ``gen_filters`` doubling per
level up to ``gen_max_filters`` (the paper: 64 -> 512); and "vgg16_hed", the first ``vgg_blocks``
blocks of VGG16's conv stack (Simonyan & Zisserman, 2015), whose weights the trainer copies from
the HED edge detector (Xie & Tu, 2015): a network that already reads lines, which is what a
sketch is (pretrained features are how small paired datasets are won). Layer names match
keras.applications.VGG16, so weights copy by name.
"""

from __future__ import annotations

import math

import keras
from keras import layers

from ganapp.layers import (
    NoiseInjection,
    SpreadCode,
    VGGInput,
    batch_norm,
    down,
    gan_init,
    patch_discriminator,
    up,
    upsample_conv,
)
from ganapp.models.pix2pix.config import Pix2PixConfig

VGG16_BLOCKS = ((64, 2), (128, 2), (256, 3), (512, 3))  # (width, convs) of the blocks the encoder keeps


def build_generator(cfg: Pix2PixConfig, any_size: bool = False) -> keras.Model:
    """sketch (N, S, S, C) in [-1, 1] -> photo (N, S, S, C) in [-1, 1]; S a power of two. With
    ``cfg.code_colours`` the inputs are [sketch, code (N, 3 x code_colours) in [-1, 1]], the code
    concatenated to every decoder level. ``any_size`` (vgg16_hed): inputs of any multiple of 64 px,
    e.g. half-size training steps."""
    levels = int(math.log2(cfg.image_size))
    if 2**levels != cfg.image_size:
        raise ValueError("pix2pix image_size must be a power of two.")
    modes = {"transpose": "", "resize": "nearest", "bilinear": "bilinear"}
    if cfg.upsample not in modes:
        raise ValueError(f"pix2pix upsample must be one of {sorted(modes)}, not {cfg.upsample!r}.")
    encoders = {"unet": _unet_encoder, "vgg16_hed": _vgg16_encoder}
    if cfg.encoder not in encoders:
        raise ValueError(f"pix2pix encoder must be one of {sorted(encoders)}, not {cfg.encoder!r}.")
    if cfg.noise and cfg.encoder != "vgg16_hed":
        raise ValueError("pix2pix decoder noise needs the vgg16_hed encoder (it follows its mixing convolutions).")
    side = None if any_size else cfg.image_size
    inp = keras.Input((side, side, cfg.channels), name="sketch")
    x, skips, widths = encoders[cfg.encoder](inp, cfg, levels)
    resize = modes[cfg.upsample]
    vgg = cfg.encoder == "vgg16_hed"
    code = keras.Input((3 * cfg.code_colours,), name="code") if cfg.code_colours else None
    for i, (f, skip) in enumerate(zip(widths, skips)):  # coarsest first, up to S/2 (or S, VGG)
        if code is not None:
            x = layers.Concatenate()([x, SpreadCode()([x, code])])
        x = up(x, f, dropout=cfg.dropout if i < 3 else 0.0, resize=resize, per_image=cfg.per_image_norm)
        x = layers.Concatenate()([x, skip])
        if vgg:  # mix the pretrained features in before they reach the next level or the pixels
            # (concatenated straight into the RGB layer, VGG's edge features came out as colour fringes)
            x = batch_norm(cfg.per_image_norm)(
                layers.Conv2D(f, 3, padding="same", use_bias=False, kernel_initializer=gan_init())(x)
            )
            if cfg.noise:
                x = NoiseInjection(seed=i)(x)
            x = layers.ReLU()(x)
    if not vgg:
        x = upsample_conv(x, cfg.channels, resize)
    else:  # the last skip is already at full size
        x = layers.Conv2D(cfg.channels, 3, padding="same", kernel_initializer="glorot_uniform")(x)
    out = layers.Activation("tanh", dtype="float32")(x)
    return keras.Model(inp if code is None else [inp, code], out, name="generator")


def _unet_encoder(inp, cfg: Pix2PixConfig, levels: int):
    """S -> 1 by stride-2 convolutions; returns (bottleneck, skips coarsest first, decoder widths)."""
    widths = [min(cfg.gen_filters * 2**i, cfg.gen_max_filters) for i in range(levels)]
    x, skips = inp, []
    for i, f in enumerate(widths):
        x = down(x, f, norm=0 < i < levels - 1, per_image=cfg.per_image_norm)
        skips.append(x)
    return x, skips[-2::-1], widths[-2::-1]


def _vgg16_encoder(inp, cfg: Pix2PixConfig, levels: int):
    """VGG16 blocks 1..``vgg_blocks`` (a skip at the end of each, batch-normalised: VGG's ReLU
    outputs run to the hundreds; with ``sketch_skip`` the full-size one is the sketch itself),
    the last block's pool, then stride-2 convolutions of ``gen_max_filters`` down to S/64.
    Returns (bottleneck, skips coarsest first, decoder widths)."""
    if levels < 6:
        raise ValueError("pix2pix with the vgg16_hed encoder needs image_size >= 64.")
    if not 1 <= cfg.vgg_blocks <= len(VGG16_BLOCKS):
        raise ValueError(f"pix2pix vgg_blocks must be 1 to {len(VGG16_BLOCKS)}, not {cfg.vgg_blocks}.")
    if len(cfg.decoder_filters) != 6:
        raise ValueError("pix2pix with the vgg16_hed encoder needs 6 decoder_filters (S/32 ... S).")
    x, skips = VGGInput(name="vgg_input")(inp), []
    for b, (width, convs) in enumerate(VGG16_BLOCKS[: cfg.vgg_blocks], 1):
        for m in range(1, convs + 1):
            x = layers.Conv2D(width, 3, padding="same", activation="relu", name=f"block{b}_conv{m}")(x)
        if b == 1 and cfg.sketch_skip:  # the full-size skip is the sketch's own lines
            skips.append(inp)
        else:
            skips.append(batch_norm(cfg.per_image_norm, name=f"block{b}_skip_norm")(x))
        x = layers.MaxPooling2D(2, name=f"block{b}_pool")(x)
    x = batch_norm(cfg.per_image_norm, name="pool_norm")(x)
    for _ in range(6 - cfg.vgg_blocks):  # S / 2^vgg_blocks -> S/64
        skips.append(x)
        x = down(x, cfg.gen_max_filters, norm=len(skips) < 6, per_image=cfg.per_image_norm)
    return x, skips[::-1], list(cfg.decoder_filters)


def vgg16_layer_names(blocks) -> list[str]:
    """The VGG16 conv layer names of ``blocks`` (1-based), as in keras.applications.VGG16."""
    return [f"block{b}_conv{m}" for b in blocks for m in range(1, VGG16_BLOCKS[b - 1][1] + 1)]


def build_discriminator(cfg: Pix2PixConfig, any_size: bool = False) -> keras.Model:
    """[sketch, photo] (N, S, S, C) each -> patch logits (N, S/8, S/8, 1)."""
    side = None if any_size else cfg.image_size
    shape = (side, side, cfg.channels)
    return patch_discriminator([keras.Input(shape, name="sketch"), keras.Input(shape, name="photo")], cfg.disc_filters)
