"""The cars model: its spec (see ganapp/models/spec.py)."""

from ganapp.models.cars.config import DCGANConfig
from ganapp.models.spec import ModelSpec

SPEC = ModelSpec(
    key="cars",
    config=DCGANConfig,
    title="car generator",
    api=("generate_cars", "car_walk", "car_walk_frames", "judge_cars", "judge_car_image"),
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
)
