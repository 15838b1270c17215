"""The cartoon-faces model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.faces.config import FacesConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="faces",
    config=FacesConfig,
    title="cartoon-face generator",
    api=(
        "generate_faces",
        "face_walk",
        "judge_faces",
        "judge_face_image",
        "find_face",
        "find_generated_face",
        "face_walk_from",
        "face_neighbours",
    ),
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
    lesson=(
        "**Predict.** The discriminator has seen only cartoon faces. What will it say about a photo of a real face?",
        "**Try.** Open *What the discriminator sees*: judge the generator's faces, then upload a photo.",
        "**See.** A photo is as foreign to it as a generated face: *real* here means *like the cartoons I learned*.",
        "**Try.** In *Find it in the latent space*, search for the generator's own face, then for a photo of you. "
        "Then walk from what was found to another seed.",
        "**See.** Its own face comes back almost exactly; your photo comes back as the nearest cartoon, and the "
        "walk shows the faces around it. In *Is it copying?*, the face's nearest training faces are different "
        "faces.",
    ),
)
