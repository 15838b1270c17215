"""The cgan model's configuration: what builds its architecture (saved beside its weights as
``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


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
