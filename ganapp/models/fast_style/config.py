"""The fast_style model's configuration: what builds its architecture (saved beside its weights as
``config.json``)."""

from __future__ import annotations

from dataclasses import dataclass


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
