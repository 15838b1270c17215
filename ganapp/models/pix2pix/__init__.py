"""The pix2pix model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.pix2pix.config import Pix2PixConfig
from ganapp.models.spec import SHARE_ALIKE, ModelSpec

SPEC = ModelSpec(
    key="pix2pix",
    config=Pix2PixConfig,
    title="sketch → building model",
    api=("sketch_to_building", "photo_to_sketch"),
    card_title="Sketch -> building (pix2pix)",
    card_intro="A pix2pix generator (Isola et al., 2017) that turns a line sketch into a "
    "building photo. Its encoder is the VGG16 of the HED edge detector (Xie & Tu, 2015), a network that "
    "already reads lines, under a U-Net decoder; trained with L1, perceptual and feature-matching losses.",
    pipeline_tag="image-to-image",
    limitations="Trained on a CPU from 252 crops of 70 building and monument photos (not CMP facades), 8 epochs "
    "at half "
    "size, then 8 at full size, the last 2 with a lower perceptual-loss weight (epoch 16 of 20, chosen on "
    "validation): walls, arches, domes and window rows follow the sketch with crisp edges, stone texture and "
    "lit highlights; ground and trees often turn olive green, sky pale blue, but stone stays greyer than in "
    "the photos, fine ornament comes out as smears, some edges get bright streaks, and large empty areas are "
    "flat. On the held-out photos, PSNR equals the mean training photo's (pixel-exact colours are not in a "
    "line sketch) and edge energy is about half the photos'; colourfulness is within 25 % of the photos', "
    "and the perceptual and Frechet distances beat both the mean photo and the previous U-Net. Strokes in "
    "colour on a sketch set the colours of the areas its lines enclose them in, after the generator "
    "(ganapp.models.pix2pix.colour): with 30 small strokes of each test photo's own colours the round trip is "
    "2.8 dB closer to the photo than a flat image of its mean colour (the sketch alone: 1.6 dB further), "
    "crispness 0.70, perceptual distance 0.52 instead of 0.60. "
    "Train on CMP facades (`python -m train.pix2pix --data facades --direction BtoA`) for crisper facades. "
    "Photo credits: `credits.json`.",
    license="gpl-3.0",
    license_note=SHARE_ALIKE,
    tags=("gan", "pix2pix"),
    eval_dataset=("ganapp/buildings", "building photos and their HED sketches, test split"),
    eval_metrics=("l1", "psnr_db", "ssim", "perceptual", "frechet_distance"),
)
