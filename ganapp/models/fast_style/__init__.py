"""The fast_style model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.fast_style.config import FastStyleConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="fast_style",
    config=FastStyleConfig,
    title="fast style-transfer model",
    api=("fast_style_transfer", "fast_style_mix"),
    card_title="Fast arbitrary style transfer (Magenta, Keras 3 port)",
    card_intro="Magenta's arbitrary image stylisation networks (Ghiasi et al., 2017), rebuilt in Keras.",
    pipeline_tag="image-to-image",
    license="apache-2.0",
    license_note="Magenta's trained networks are Apache-2.0, (c) Google / the Magenta "
    "authors; ganapp converted their weights and trained nothing.",
    tags=("style-transfer", "magenta"),
)
