"""The cartoon-face DCGAN's configuration (saved beside its weights as ``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FacesConfig:
    """Radford et al.'s DCGAN at ``image_size`` (64): the generator doubles the side and halves the
    channels at each step, from ``gen_filters`` x 8 at 4 x 4 down to ``gen_filters``; the
    discriminator mirrors it from ``disc_filters``."""

    family: str = "faces"
    image_size: int = 64  # 4 times a power of two
    channels: int = 3
    latent_dim: int = 100
    gen_filters: int = 64
    disc_filters: int = 64
