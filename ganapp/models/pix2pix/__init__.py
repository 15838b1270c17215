"""The pix2pix model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.pix2pix.config import Pix2PixConfig
from ganapp.models.spec import SHARE_ALIKE, ModelSpec

SPEC = ModelSpec(
    key="pix2pix",
    config=Pix2PixConfig,
    title="sketch → building model",
    api=("sketch_to_building", "buildings_from_sketch", "photo_to_sketch", "judge_building"),
    card_title="Sketch -> building (pix2pix)",
    card_intro="A pix2pix generator (Isola et al., 2017) that turns a line sketch into a "
    "building photo. Its encoder is the VGG16 of the HED edge detector (Xie & Tu, 2015), a network that "
    "already reads lines, under a U-Net decoder with bilinear upsampling and learnt noise (a source of "
    "texture); trained with L1, perceptual and feature-matching losses and two discriminators: a PatchGAN "
    "on (sketch, photo) pairs and one on frozen VGG16 features of the photo.",
    pipeline_tag="image-to-image",
    limitations="Trained on a CPU from 239 crops of 67 building and monument photos (not CMP facades), "
    "8 epochs at half size, then full size, with a second discriminator on frozen VGG16 features beside the "
    "PatchGAN and learnt noise in the decoder (epoch 15 of 20, chosen on validation): walls, domes, arches and "
    "window rows follow the sketch with crisp edges and a fine random grain of stone and earth; no lattice, no "
    "halos. But the palette is one sepia-brown (greenery and trees come back brown, colourfulness 0.67 of the "
    "photos'), long lines on walls can look carved, and large empty areas get an even grain. On the held-out "
    "photos the perceptual and Frechet distances beat the previous weights and the mean photo, and PSNR is "
    "below a flat image of each photo's own mean colour (pixel-exact colours are not in a line sketch). "
    "Strokes in colour on a sketch set the colours of the areas its lines enclose them in, after the generator "
    "(ganapp.models.pix2pix.colour): with 30 small strokes of each test photo's own colours the round trip is "
    "2.0 dB closer to the photo than a flat image of its mean colour (the sketch alone: 2.1 dB further), "
    "perceptual distance 0.49 instead of 0.56. "
    "Train on CMP facades (`python -m train.pix2pix --data facades --direction BtoA`) for crisper facades. "
    "Photo credits: `credits.json`.",
    license="gpl-3.0",
    license_note=SHARE_ALIKE,
    tags=("gan", "pix2pix"),
    eval_dataset=("ganapp/buildings", "building photos and their HED sketches, test split"),
    eval_metrics=("l1", "psnr_db", "ssim", "perceptual", "frechet_distance"),
    lesson=(
        "**Predict.** A line sketch says where the walls, windows and roof are, but not their colours. Draw a house "
        "on the canvas: what colour will its walls come back?",
        "**See.** The same sandy brown, whatever you draw: the generator was trained to give one answer per sketch, "
        "so where the sketch leaves the colour open it paints the average of the photos it learned from.",
        "**Try.** Draw a stroke in colour (red on a wall, blue in the sky) and build again: a colour stroke is not "
        "a line, it tells the model the colour of the area it is drawn in.",
        "**Predict, then try.** The discriminator always sees the sketch together with the picture. Open *What the "
        "discriminator sees* and click a held-out building photo: which will it call more real, the photo or the "
        "generator's building from the same sketch?",
        "**See.** The photo scores higher: its colours and textures are those of real buildings. Where the "
        "generator's building is red on the map, its sepia walls and carved lines give it away.",
    ),
)
