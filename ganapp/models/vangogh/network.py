"""CycleGAN: Zhu, Park, Isola, Efros, "Unpaired Image-to-Image Translation using
Cycle-Consistent Adversarial Networks" (2017).

ResNet generator c7s1-k, d2k, d4k, R4k x n, u2k, uk, c7s1-3 with reflection padding and
instance normalisation (upsampling by resize-convolution); 70x70 PatchGAN discriminator with instance normalisation.
Both are fully convolutional: the generator runs at any size divisible by 4.
"""

from __future__ import annotations

import keras
from keras import layers

from ganapp.layers import ReflectionPad2D, Upsample2x, gan_init, instance_norm, patch_discriminator
from ganapp.models.vangogh.config import CycleGANConfig


def _conv(x, filters, size, stride=1, pad_reflect=0):
    if pad_reflect:
        x = ReflectionPad2D(pad_reflect)(x)
    return layers.Conv2D(
        filters,
        size,
        strides=stride,
        padding="valid" if pad_reflect else "same",
        use_bias=False,
        kernel_initializer=gan_init(),
    )(x)


def _res_block(x, filters):
    h = layers.ReLU()(instance_norm()(_conv(x, filters, 3, pad_reflect=1)))
    h = instance_norm()(_conv(h, filters, 3, pad_reflect=1))
    return layers.Add()([x, h])


def build_generator(cfg: CycleGANConfig) -> keras.Model:
    """images (N, H, W, C) in [-1, 1], H and W divisible by 4 -> same shape in [-1, 1]."""
    k = cfg.gen_filters
    inp = keras.Input((None, None, cfg.channels), name="image")
    x = layers.ReLU()(instance_norm()(_conv(inp, k, 7, pad_reflect=3)))
    x = layers.ReLU()(instance_norm()(_conv(x, 2 * k, 3, stride=2)))
    x = layers.ReLU()(instance_norm()(_conv(x, 4 * k, 3, stride=2)))
    for _ in range(cfg.res_blocks):
        x = _res_block(x, 4 * k)
    for f in (2 * k, k):
        # resize-convolution instead of the paper's transposed convolution: same shape,
        # no checkerboard artefacts (Odena et al., 2016), which short CPU runs never train away
        x = Upsample2x()(x)
        x = layers.ReLU()(instance_norm()(_conv(x, f, 3, pad_reflect=1)))
    x = ReflectionPad2D(3)(x)
    x = layers.Conv2D(cfg.channels, 7, padding="valid", kernel_initializer=gan_init())(x)
    out = layers.Activation("tanh", dtype="float32")(x)
    return keras.Model(inp, out, name="generator")


LEAST_SQUARES = True  # the discriminator is trained towards 1 (a painting) and 0 (generated): not logits


def build_discriminator(cfg: CycleGANConfig) -> keras.Model:
    """images (N, H, W, C) in [-1, 1] -> patch scores (N, H/8, W/8, 1) (least-squares loss)."""
    inp = keras.Input((None, None, cfg.channels), name="image")
    return patch_discriminator([inp], cfg.disc_filters, norm_layer=instance_norm)
