"""The vangogh model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.spec import SHARE_ALIKE, ModelSpec
from ganapp.models.vangogh.config import CycleGANConfig

SPEC = ModelSpec(
    key="vangogh",
    config=CycleGANConfig,
    title="van Gogh model",
    api=("van_gogh",),
    card_title="Photo -> van Gogh (CycleGAN)",
    card_intro="The photo -> painting generator of a CycleGAN (Zhu et al., 2017) trained "
    "on unpaired photos and van Gogh paintings.",
    pipeline_tag="image-to-image",
    limitations="Trained on a CPU (25,200 steps of 128 px crops, a narrow generator) from eight van Gogh paintings and "
    "about a hundred photos (see the training data above): it paints in van Gogh's palette (wheat yellows, "
    "teal skies) with a stroke texture and keeps the photo's structure. Where it is worse than the fast style "
    "model with a van Gogh painting (the sheet above): weaker, smaller strokes and none of his swirls; green "
    "backgrounds turn yellow; a light halo along strong edges and a fine horizontal texture in flat skies; "
    "faces soften. Its style statistics are close to *The Church at Auvers* but not to *The Starry Night* "
    "(style distance above). A painting-vs-photo judge calls 59 % of its 128 px crops paintings (the "
    "untranslated photos: 7 %; fast style with *The Starry Night*: 89 %). Train longer and wider on the "
    "authors' vangogh2photo (`python -m train.vangogh --data path --swap --gen-filters 32`) for stronger results. "
    "Photo credits: `credits.json`.",
    license="gpl-3.0",
    license_note=SHARE_ALIKE + " The paintings are in the public domain.",
    tags=("gan", "cyclegan"),
    eval_dataset=("ganapp/vangogh", "held-out photos vs held-out van Gogh paintings at 512 px"),
    eval_metrics=(
        "deception_rate_ours",
        "deception_rate_photos",
        "frechet_distance_ours_vs_heldout_paintings",
        "style_distance_ours_vs_heldout_paintings",
        "style_distance_ratio_ours_vs_photos",
        "edge_correlation_ours",
        "ssim_ours",
    ),
)
