"""ganapp: neural style transfer, CycleGAN, pix2pix, DCGAN and conditional GAN demos.

Public API (all lazy: importing ganapp loads no TensorFlow)::

    from ganapp import style_transfer, fast_style_transfer, van_gogh, sketch_to_building, \
        photo_to_sketch, generate_cars, car_walk, generate_class, generate_all_classes, class_names

``style_transfer`` is Gatys' optimisation (``ganapp.stylise``); every other function belongs to
a model folder, ``ganapp/models/<key>/inference.py``, which lists it in its spec's ``api``.
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from ganapp.errors import GanappError, InputError, WeightsUnavailable
from ganapp.imaging import ImageError, load_image
from ganapp.stylise import style_transfer


def _model_functions() -> dict[str, str]:
    from ganapp.models import specs

    return {name: key for key, spec in specs().items() for name in spec.api}


def __getattr__(name: str):
    """A model's public function, imported from its folder on first use."""
    key = _model_functions().get(name)
    if key is None:
        raise AttributeError(f"module 'ganapp' has no attribute {name!r}")
    from ganapp.models import inference

    value = getattr(inference(key), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_model_functions()))


__all__ = ["GanappError", "InputError", "WeightsUnavailable", "ImageError", "load_image", "style_transfer"]
__all__ += sorted(_model_functions())
