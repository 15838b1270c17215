"""The one place that knows the models. Each key names the model everywhere: ``weights/<key>/``,
``train/<key>.py`` (or the command in ``make``), ``GANAPP_<KEY>_REPO``, its card and its tab.
Adding a model is one entry here, plus its trainer and its tab."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelInfo:
    key: str
    family: str  # the architecture module ganapp.models.<family>
    title: str  # how a sentence names it: "The {title} has no trained weights ..."
    make: str  # the command that writes weights/<key>/
    card_title: str
    card_intro: str
    pipeline_tag: str  # Hugging Face task of the model card
    limitations: str = ""
    license: str = "mit"  # of the weights (Hub licence id), chosen to respect the training data
    license_note: str = ""  # why that licence, for the card
    tags: tuple[str, ...] = ("gan",)
    datasets: tuple[str, ...] = ()  # Hub dataset ids of the training data, where it is on the Hub
    eval_dataset: tuple[str, str] = ("", "")  # (id, name) of what metrics.json was measured on
    eval_metrics: tuple[str, ...] = ()  # the model's own numbers in metrics.json's summary (not references)


SHARE_ALIKE = (
    "Trained on photos under GPL-3.0-or-later (Debian gcompris-qt-data's default), CC-BY-SA 2.0/3.0/"
    "4.0, CC-BY, CC0 and public-domain terms (every image and its licence: `credits.json`). In case the "
    "weights are an adaptation of those photos, their share-alike terms are honoured: the weights are "
    "distributed under GPL-3.0-or-later, the licence that CC-BY-SA 4.0 (and through it 2.0/3.0) material "
    "may be adapted under, with attribution through `credits.json`."
)


MODELS: dict[str, ModelInfo] = {
    m.key: m
    for m in (
        ModelInfo(
            "cars",
            "dcgan",
            "car generator",
            "python -m train.cars --gen-filters 64 --disc-filters 32 64 64 128 --export weights/cars",
            "Car-front DCGAN",
            "A DCGAN (Radford et al., 2015) that draws 32x32 colour car fronts as a surveillance camera sees them, "
            "from a latent vector.",
            "unconditional-image-generation",
            "The shipped weights learned from procedurally rendered car fronts, not photos: samples look like clean "
            "renders, not CompCars photos. Train on CompCars' surveillance crops for real cars "
            "(`python -m train.cars --data path/to/crops --export weights/cars`).",
            license_note="Trained only on car fronts that ganapp renders itself (`python -m train.data prepare "
            "cars_synth`); the weights are MIT like the code.",
            tags=("gan", "dcgan"),
            eval_dataset=("ganapp/cars-synth", "procedural car fronts, held-out renders"),
            eval_metrics=("frechet_distance_generated_vs_heldout",),
        ),
        ModelInfo(
            "cgan",
            "cgan",
            "conditional GAN",
            "python -m train.cgan --export weights/cgan",
            "Conditional GAN",
            "A class-conditional GAN (Mirza & Osindero, 2014) with a projection discriminator (Miyato & Koyama, 2018) "
            "that draws an image of a chosen class.",
            "text-to-image",
            "28x28 greyscale Fashion-MNIST items only; similar classes (shirt, T-shirt, pullover, coat) can blur into "
            "one another.",
            license_note="Trained on Fashion-MNIST (MIT, (c) Zalando SE); the weights are MIT like the code. The Hub "
            "task is text-to-image because the input is a class name (plus a seed).",
            tags=("gan", "cgan", "conditional-image-generation"),
            datasets=("zalando-datasets/fashion_mnist",),
            eval_dataset=("zalando-datasets/fashion_mnist", "Fashion-MNIST (test split)"),
            eval_metrics=("class_fidelity", "frechet_distance_generated_vs_test"),
        ),
        ModelInfo(
            "pix2pix",
            "pix2pix",
            "sketch → building model",
            "python -m train.pix2pix --encoder vgg16_hed --sketch-skip --epochs 20 --low-res-epochs 8 "
            "--finetune-from-epoch 4 --upsample resize --ema-decay 0.999 --l1-weight 1 --perceptual-weight 10 "
            "--late-perceptual-weight 2 --late-from-epoch 14 --fm-weight 10 --hand-drawn 0.3 --zoom 0.15 "
            "--select-by=-perceptual --export weights/pix2pix",
            "Sketch -> building (pix2pix)",
            "A pix2pix generator (Isola et al., 2017) that turns a line sketch into a "
            "building photo. Its encoder is the VGG16 of the HED edge detector (Xie & Tu, 2015), a network that "
            "already reads lines, under a U-Net decoder; trained with L1, perceptual and feature-matching losses.",
            "image-to-image",
            "Trained on a CPU from 252 crops of 70 building and monument photos (not CMP facades), 8 epochs at half "
            "size, then 8 at full size, the last 2 with a lower perceptual-loss weight (epoch 16 of 20, chosen on "
            "validation): walls, arches, domes and window rows follow the sketch with crisp edges, stone texture and "
            "lit highlights; ground and trees often turn olive green, sky pale blue, but stone stays greyer than in "
            "the photos, fine ornament comes out as smears, some edges get bright streaks, and large empty areas are "
            "flat. On the held-out photos, PSNR equals the mean training photo's (pixel-exact colours are not in a "
            "line sketch) and edge energy is about half the photos'; colourfulness is within 25 % of the photos', "
            "and the perceptual and Frechet distances beat both the mean photo and the previous U-Net. Train on CMP "
            "facades (`python -m train.pix2pix --data facades --direction BtoA`) for crisper facades. Photo credits: "
            "`credits.json`.",
            license="gpl-3.0",
            license_note=SHARE_ALIKE,
            tags=("gan", "pix2pix"),
            eval_dataset=("ganapp/buildings", "building photos and their HED sketches, test split"),
            eval_metrics=("l1", "psnr_db", "ssim", "perceptual", "frechet_distance"),
        ),
        ModelInfo(
            "vangogh",
            "cyclegan",
            "van Gogh model",
            "python -m train.vangogh --export weights/vangogh",
            "Photo -> van Gogh (CycleGAN)",
            "The photo -> painting generator of a CycleGAN (Zhu et al., 2017) trained "
            "on unpaired photos and van Gogh paintings.",
            "image-to-image",
            "Trained on a CPU (25,200 steps of 128 px crops, a narrow generator) from eight van Gogh paintings and "
            "about a hundred photos (see the training data above): it paints in van Gogh's palette (wheat yellows, "
            "teal skies) with a stroke texture and keeps the photo's structure. Where it is worse than the fast style "
            "model with a van Gogh painting (the sheet above): weaker, smaller strokes and none of his swirls; green "
            "backgrounds turn yellow; a light halo along strong edges and a fine horizontal texture in flat skies; "
            "faces soften. Its style statistics are close to *The Church at Auvers* but not to *The Starry Night* "
            "(style distance above). Train longer and wider on the authors' vangogh2photo "
            "(`python -m train.vangogh --data path --swap --gen-filters 32`) for stronger results. "
            "Photo credits: `credits.json`.",
            license="gpl-3.0",
            license_note=SHARE_ALIKE + " The paintings are in the public domain.",
            tags=("gan", "cyclegan"),
            eval_dataset=("ganapp/vangogh", "held-out photos vs held-out van Gogh paintings at 512 px"),
            eval_metrics=(
                "frechet_distance_ours_vs_heldout_paintings",
                "style_distance_ours_vs_heldout_paintings",
                "style_distance_ratio_ours_vs_photos",
                "edge_correlation_ours",
                "ssim_ours",
            ),
        ),
        ModelInfo(
            "fast_style",
            "fast_style",
            "fast style-transfer model",
            "python -m train.fast_style convert",
            "Fast arbitrary style transfer (Magenta, Keras 3 port)",
            "Magenta's arbitrary image stylisation networks (Ghiasi et al., 2017), rebuilt in Keras.",
            "image-to-image",
            license="apache-2.0",
            license_note="Magenta's trained networks are Apache-2.0, (c) Google / the Magenta "
            "authors; ganapp converted their weights and trained nothing.",
            tags=("style-transfer", "magenta"),
        ),
    )
}


def get(key: str) -> ModelInfo:
    if key not in MODELS:
        raise KeyError(f"Unknown model key {key!r}; known: {', '.join(MODELS)}.")
    return MODELS[key]


def families() -> set[str]:
    return {m.family for m in MODELS.values()}
