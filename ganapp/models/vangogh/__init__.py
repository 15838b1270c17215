"""The vangogh model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.spec import SHARE_ALIKE, ModelSpec
from ganapp.models.vangogh.config import CycleGANConfig

SPEC = ModelSpec(
    key="vangogh",
    config=CycleGANConfig,
    title="van Gogh model",
    api=("van_gogh", "painting_to_photo", "round_trip", "judge_van_gogh"),
    card_title="Photo -> van Gogh (CycleGAN)",
    card_intro="The photo -> painting generator of a CycleGAN (Zhu et al., 2017) trained "
    "on unpaired photos and van Gogh paintings.",
    pipeline_tag="image-to-image",
    limitations="Trained on a CPU (16,000 steps of 128 px crops, a narrow generator) from eight van Gogh paintings "
    "and about a hundred photos (see the training data above), with DiffAugment and a second painting "
    "discriminator on frozen VGG16 features: it paints in the training paintings' palette (wheat yellows and "
    "ochres, teal-green skies, olive and violet shadows) with soft dabs and keeps the photo's structure. Where it is "
    "worse than the fast style model with a van Gogh painting (the sheet above): small, soft strokes and none of "
    "his swirls; green backgrounds turn yellow; blue skies turn teal-green; some animals take an olive-green cast; "
    "faces soften. A painting-vs-photo judge calls 57 % of its 128 px crops paintings (the weights before: 62 %; the "
    "untranslated photos: 7 %; fast style with *The Starry Night*: 89 %); its style statistics are closer to the two "
    "held-out paintings than those of the weights before (style distance 1.00 against 1.17; the training paintings "
    "themselves: 1.04), at a little less of the photo's structure (SSIM 0.61 against 0.65). Its discriminator, "
    "shipped for the app's maps, ended training evenly matched with the generator: it ranks a held-out painting's "
    "patch above a generated one's only 64 % of the time. Train longer and wider on the authors' vangogh2photo "
    "(`python -m train.vangogh --data path --swap --gen-filters 32`) for stronger results. Photo credits: "
    "`credits.json`.",
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
    lesson=(
        "**Predict.** The discriminator learned to say *a van Gogh painting* for patches of his paintings and "
        "*generated* for the generator's. Which will look greener on its map: *The Starry Night*, a photo, or the "
        "generator's painting of that photo?",
        "**Try.** Open *What the discriminator sees* and click the two examples, then judge a photo of your own.",
        "**See.** The real painting scores highest. The generator's painting scores close to the photo: the two "
        "networks trained against each other until neither could win easily, so the discriminator is unsure, "
        "and where its map is red it still spots the fake.",
        "**Predict, then try.** In *The way back*, a photo becomes a painting and a second generator turns it back "
        "into a photo. Will the way back be exact? Click a held-out photo.",
        "**See.** The way back is close but blurred: the white in the last picture is what the painting threw "
        "away. The cycle term is what made the painter keep the rest; without it, the painting would not need "
        "to look like your photo at all.",
        "**Try.** Turn *The Starry Night* into a photo. The model only saw eight paintings and about a hundred "
        "photos, so it gives photo colours and softer swirls, not the real village: a model can only undo what it "
        "learned.",
    ),
)
