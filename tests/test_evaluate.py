"""The evaluation helpers measure what they claim."""

import numpy as np

from train.metrics import frechet, memorisation, ssim_grey


def test_frechet_distance():
    rng = np.random.default_rng(0)
    a = rng.normal(size=(2000, 8))
    assert frechet(a, a) < 1e-6
    shifted = frechet(a, a + 1.0)
    assert abs(shifted - 8.0) < 0.5  # |mu1 - mu2|^2 = 8 for a unit shift in 8 dims
    assert frechet(a, rng.normal(size=(2000, 8))) < 0.1


def test_memorisation_flags_copies():
    rng = np.random.default_rng(0)
    train = rng.integers(0, 255, (300, 8, 8, 1), np.uint8)
    test = rng.integers(0, 255, (50, 8, 8, 1), np.uint8)
    copies = memorisation(train[:50], train, test, n=50)
    fresh = memorisation(rng.integers(0, 255, (50, 8, 8, 1), np.uint8), train, test, n=50)
    assert copies["ratio"] < 0.05 and copies["generated_closer_than_any_test_image"] == 50
    assert 0.8 < fresh["ratio"] < 1.2


def test_ssim():
    rng = np.random.default_rng(0)
    img = rng.integers(0, 255, (64, 64, 3)).astype(np.uint8)
    assert abs(ssim_grey(img, img) - 1) < 1e-9
    assert ssim_grey(img, 255 - img) < 0
