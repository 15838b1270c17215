"""The packages of the wheel (everything else is in pyproject.toml): ganapp and train as found, and
the shipped weights folder, ``weights/``, as the data package ``ganapp_weights``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["ganapp*", "train*"], exclude=["*._template*"]), "ganapp_weights"],
    package_dir={"ganapp_weights": "weights"},
)
