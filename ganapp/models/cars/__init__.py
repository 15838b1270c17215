"""The cars model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.cars.config import DCGANConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="cars",
    config=DCGANConfig,
    title="car generator",
    api=(
        "generate_cars",
        "car_walk",
        "car_walk_frames",
        "judge_cars",
        "judge_car_image",
        "find_car",
        "find_generated_car",
        "car_walk_from",
        "car_neighbours",
    ),
    card_title="Car-front DCGAN",
    card_intro="A DCGAN (Radford et al., 2015) that draws 32x32 colour car fronts as a surveillance camera sees them, "
    "from a latent vector.",
    pipeline_tag="unconditional-image-generation",
    limitations="The shipped weights learned from procedurally rendered car fronts, not photos: samples look "
    "like clean "
    "renders, not CompCars photos. Train on CompCars' surveillance crops for real cars "
    "(`python -m train.cars --data path/to/crops --export weights/cars`).",
    license_note="Trained only on car fronts that ganapp renders itself (`python -m train.data prepare "
    "cars_synth`); the weights are MIT like the code.",
    tags=("gan", "dcgan"),
    eval_dataset=("ganapp/cars-synth", "procedural car fronts, held-out renders"),
    eval_metrics=("frechet_distance_generated_vs_heldout",),
    lesson=(
        "**Predict.** The discriminator was trained to say *real* for rendered car fronts and *generated* for the "
        "generator's. Which will it score higher: the generator's cars, or a photo of a cat?",
        "**Try.** Open *What the discriminator sees*: judge the generator's grid, then upload any photo.",
        "**See.** The generated cars sit below the rendered ones, and a cat scores lowest of all: the "
        "discriminator learned what these car fronts look like, not what is real in the world.",
        "**Predict, then try.** In *Find it in the latent space*, search for the generator's own car, then for "
        "your photo. Which one comes back exactly? The generator's own car, above 20 dB: it is one of the images "
        "the generator can make. Your photo comes back as the nearest car, because a car is all the model can "
        "draw.",
        "**See.** In *Is it copying?*, the generated car's nearest training cars are similar but different, at "
        "about the distance a real car the model never saw has from its nearest: the generator made a new car.",
    ),
)
