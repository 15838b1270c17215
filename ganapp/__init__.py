"""ganapp: neural style transfer, CycleGAN, pix2pix, DCGAN and conditional GAN demos.

Public API (all lazy: importing ganapp loads no TensorFlow)::

    from ganapp import style_transfer, fast_style_transfer, generate_cars, car_walk, \
        generate_class, generate_all_classes, van_gogh, sketch_to_building
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

# below: imported after the TensorFlow log level is set
from ganapp.errors import GanappError, InputError, WeightsUnavailable  # noqa: E402
from ganapp.imaging import ImageError, load_image  # noqa: E402
from ganapp.inference import (  # noqa: E402
    car_walk,
    class_names,
    fast_style_transfer,
    generate_all_classes,
    generate_cars,
    generate_class,
    photo_to_sketch,
    sketch_to_building,
    style_transfer,
    van_gogh,
)

__all__ = [
    "GanappError",
    "InputError",
    "WeightsUnavailable",
    "ImageError",
    "load_image",
    "style_transfer",
    "fast_style_transfer",
    "generate_cars",
    "car_walk",
    "generate_class",
    "generate_all_classes",
    "class_names",
    "van_gogh",
    "sketch_to_building",
    "photo_to_sketch",
]
