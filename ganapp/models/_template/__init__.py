"""A template model folder: an unconditional DCGAN that learns from a folder of images.

To add a model: copy this folder to ``ganapp/models/<key>/`` and ``train/_template/`` to
``train/<key>/``; in every file of both replace ``_template``, then ``template``, with your key
and ``Template`` with its name; then fill in what the comments ask. Discovery finds the folders (no list to
edit); ``tests/test_models_complete.py`` says what is still missing (weights from the recipe,
a model card, a pinned-output test, its tab in app.py).
"""

from ganapp.models._template.config import TemplateConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="_template",  # the folder's name: weights/<key>/, train.<key>, GANAPP_<KEY>_REPO
    config=TemplateConfig,
    title="template generator",  # "The template generator has no trained weights ..."
    api=("template_grid",),  # the functions of inference.py that ganapp exports
    card_title="Template DCGAN",
    card_intro="A DCGAN (Radford et al., 2015) that draws small images from a latent vector.",
    pipeline_tag="unconditional-image-generation",  # the Hugging Face task of its model card
    limitations="Say what the weights cannot do, and what data would do better.",
    tags=("gan", "dcgan"),
)
