"""The cartoon-faces model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.faces.config import FacesConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="faces",
    config=FacesConfig,
    title="cartoon-face generator",
    api=("generate_faces", "face_walk", "judge_faces", "judge_face_image"),
    card_title="Cartoon-face DCGAN",
    card_intro="A DCGAN (Radford et al., 2016) that draws 64x64 cartoon faces from a latent vector, the model family "
    "of the classic anime-faces lesson.",
    pipeline_tag="unconditional-image-generation",
    limitations="The weights learn DiceBear's cartoon styles (`python -m train.data prepare faces`), not anime "
    "drawings or photos; train on a folder of faces for another look (`python -m train.faces --data path/to/faces`).",
    license_note="Trained on faces rendered from DiceBear's avatar styles (code MIT; designs CC0 1.0 and CC BY 4.0, "
    "each face's designer in `credits.json`); the weights are MIT like the code, with that attribution.",
    tags=("gan", "dcgan", "cartoon-faces"),
    eval_dataset=("ganapp/dicebear-faces", "DiceBear cartoon faces, held-out renders"),
    eval_metrics=("frechet_distance_generated_vs_heldout",),
)
