"""A few pixels of each shipped model's output for a fixed seed or input, pinned: a silent
change of weights, preprocessing, value range or grid layout fails here. Retraining a model
means updating its numbers here in the same commit (the card's samples show what changed)."""

import numpy as np
import pytest
from PIL import Image

import ganapp
from tests.conftest import ROOT, shipped

TOL = 4  # grey levels: float differences between CPUs, not a change of model


@pytest.mark.skipif(not shipped("cars"), reason="no shipped car weights")
def test_cars_seed_7():
    a = np.asarray(ganapp.generate_cars(7, 1))
    assert a.shape == (36, 36, 3)  # one 32 px car, 2 px margin
    got = a[8:32:6, 18]  # down the middle of the car: roof, windscreen, bonnet, grille
    assert np.abs(got.astype(int) - [[107, 110, 114], [38, 42, 51], [94, 86, 42], [68, 58, 5]]).max() <= TOL, got


@pytest.mark.skipif(not shipped("faces"), reason="no shipped faces weights")
def test_faces_seed_7():
    a = np.asarray(ganapp.generate_faces(7, 1))
    assert a.shape == (68, 68, 3)  # one 64 px face, 2 px margin
    got = a[8:64:12, 34]  # down the middle: hair, forehead, nose, chin, shirt
    expected = [[51, 20, 19], [6, 143, 69], [4, 60, 1], [255, 252, 255], [255, 255, 255]]
    assert np.abs(got.astype(int) - expected).max() <= TOL, got


@pytest.mark.skipif(not shipped("cgan"), reason="no shipped cGAN weights")
def test_cgan_sneaker_seed_7():
    a = np.asarray(ganapp.generate_class("Sneaker", 7, 1))
    assert a.shape == (32, 32, 3)  # one 28 px item, 2 px margin
    got = a[18, 4:30:3, 0]  # across the sneaker, toe to heel
    assert np.abs(got.astype(int) - [125, 119, 128, 129, 137, 124, 184, 155, 157]).max() <= TOL, got


@pytest.mark.skipif(not shipped("pix2pix"), reason="no shipped pix2pix weights")
def test_pix2pix_heldout_sketch():
    a = np.asarray(ganapp.sketch_to_building(Image.open(ROOT / "weights/pix2pix/examples/heldout_0.png")))
    assert a.shape == (256, 256, 3)
    got = a[32:256:64, 32:256:64].reshape(-1, 3)[:4]
    expected = [[78, 81, 93], [197, 209, 218], [192, 209, 222], [150, 139, 111]]
    assert np.abs(got.astype(int) - expected).max() <= TOL, got


@pytest.mark.skipif(not shipped("vangogh"), reason="no shipped van Gogh weights")
def test_vangogh_heldout_photo():
    a = np.asarray(ganapp.van_gogh(Image.open(ROOT / "weights/vangogh/examples/heldout_0.jpg"), 256))
    assert a.shape == (183, 256, 3)
    got = a[32:256:64, 32:256:64].reshape(-1, 3)[:4]
    expected = [[191, 157, 95], [197, 180, 77], [200, 165, 93], [198, 142, 82]]
    assert np.abs(got.astype(int) - expected).max() <= TOL, got


@pytest.mark.skipif(not shipped("fast_style"), reason="no shipped fast-style weights")
def test_fast_style_chelsea_starry_night():
    photo = Image.open(ROOT / "weights/style/examples/chelsea.jpg")
    a = np.asarray(ganapp.fast_style_transfer(photo, Image.open(ROOT / "weights/style/presets/starry_night.jpg"), 128))
    assert a.shape == (85, 128, 3)
    got = a[16:128:32, 16:128:32].reshape(-1, 3)[:4]
    expected = [[61, 92, 91], [54, 64, 102], [32, 76, 100], [38, 70, 126]]
    assert np.abs(got.astype(int) - expected).max() <= TOL, got


def test_car_renders_are_pinned():
    """The procedural training data of the car DCGAN: the same seed draws the same car front."""
    from train.cars.carsynth import render_car

    for seed, expected in (
        (0, [[104, 67, 89], [104, 78, 92], [163, 128, 63], [151, 148, 139], [23, 32, 28], [92, 100, 103]]),
        (5, [[50, 60, 57], [42, 55, 59], [46, 57, 58], [47, 49, 71], [25, 46, 61], [79, 91, 94]]),
    ):
        got = render_car(seed)[4:32:7, 4:32:7].reshape(-1, 3)[:6]
        assert np.abs(got.astype(int) - expected).max() <= TOL, (seed, got)
