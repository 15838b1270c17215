"""The vangogh model's configuration: what builds its architecture (saved beside its weights as
``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CycleGANConfig:
    """CycleGAN (Zhu et al., 2017) ResNet generator, photo in [-1, 1] -> painting in [-1, 1]."""

    family: str = "cyclegan"
    image_size: int = 128  # training crop; the generator is fully convolutional
    channels: int = 3
    # 16 trains at 1.8 steps/s on 2 CPU cores (python -m bench.train_step_cost vangogh); the paper: 64
    gen_filters: int = 16
    res_blocks: int = 6
    disc_filters: int = 32
