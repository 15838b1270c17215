"""The template model's configuration: what builds its architecture (saved beside its weights as
``config.json``, every value bounded when read back)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TemplateConfig:
    """A small DCGAN: images ``image_size`` x ``image_size`` x ``channels`` in [-1, 1]."""

    family: str = "_template"  # the architecture's name in config.json: make it your key
    image_size: int = 32  # 4 times a power of two
    channels: int = 3
    latent_dim: int = 64
    filters: int = 64  # channels of every generator block and the discriminator's widest layer
