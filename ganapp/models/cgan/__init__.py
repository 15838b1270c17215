"""The cgan model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.cgan.config import CGANConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="cgan",
    config=CGANConfig,
    title="conditional GAN",
    api=("generate_class", "generate_all_classes", "class_names", "class_morph", "judge_class", "judge_garment"),
    card_title="Conditional GAN",
    card_intro="A class-conditional GAN (Mirza & Osindero, 2014) with a projection discriminator (Miyato & "
    "Koyama, 2018) "
    "that draws an image of a chosen class.",
    pipeline_tag="text-to-image",
    limitations="28x28 greyscale Fashion-MNIST items only; similar classes (shirt, T-shirt, pullover, coat) can "
    "blur into "
    "one another.",
    license_note="Trained on Fashion-MNIST (MIT, (c) Zalando SE); the weights are MIT like the code. The Hub "
    "task is text-to-image because the input is a class name (plus a seed).",
    tags=("gan", "cgan", "conditional-image-generation"),
    datasets=("zalando-datasets/fashion_mnist",),
    eval_dataset=("zalando-datasets/fashion_mnist", "Fashion-MNIST (test split)"),
    eval_metrics=("class_fidelity", "frechet_distance_generated_vs_test"),
)
