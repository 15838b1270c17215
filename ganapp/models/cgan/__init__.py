"""The cgan model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.cgan.config import CGANConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="cgan",
    config=CGANConfig,
    title="conditional GAN",
    api=(
        "generate_class",
        "generate_all_classes",
        "class_names",
        "class_morph",
        "judge_class",
        "judge_garment",
        "garment_neighbours",
    ),
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
    lesson=(
        "**Predict.** This discriminator is told the class too. Will it accept a real sneaker that is labelled "
        "*Trouser*?",
        "**Try.** Open *What the discriminator sees*, upload a garment picture, and judge it with the right class "
        "and then with a wrong one.",
        "**See.** With the wrong class the verdict drops: a conditional discriminator checks that the picture "
        "fits its label, which is what makes the generator draw the class it is asked for.",
        "**Try, then see.** In *Is it copying?*, a generated garment's nearest training images are similar "
        "garments of the same class, but none is the same picture.",
    ),
)
