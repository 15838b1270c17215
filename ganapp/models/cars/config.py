"""The cars model's configuration: what builds its architecture (saved beside its weights as
``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


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
