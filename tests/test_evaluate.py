"""The evaluation helpers measure what they claim."""

import numpy as np

from train.metrics import frechet, lattice, memorisation, ssim_grey


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


def test_lattice_finds_a_regular_texture_of_its_period():
    rng = np.random.default_rng(0)
    f = np.hypot(*np.meshgrid(np.fft.fftfreq(256), np.fft.fftfreq(256))) + 1 / 256
    noise = np.fft.ifft2(np.fft.fft2(rng.normal(size=(16, 256, 256))) / f).real  # a photo's 1/f spectrum
    clean = np.repeat((128 + 40 * noise / noise.std())[..., None], 3, -1)
    streaked = clean.copy()
    streaked[:, ::4] += 12  # a faint line every 4 px, like the streaks a generator learnt
    clean, streaked = (np.clip(x, 0, 255).astype(np.uint8) for x in (clean, streaked))
    assert all(0.5 < lattice(clean, p) < 2.5 for p in (4, 8))  # no peak in a smooth spectrum (noisy bins)
    assert lattice(streaked, 4) > 10 and lattice(streaked, 8) < 2


def test_vangogh_scores_put_a_reference_row_beside_ours():
    from train.vangogh.evaluate import _scores

    rng = np.random.default_rng(0)
    yellow = np.clip(rng.normal([200, 170, 60], 30, (8, 128, 128, 3)), 0, 255).astype(np.uint8)
    grey = np.clip(rng.normal(128, 50, (8, 128, 128, 3)), 0, 255).astype(np.uint8)
    sets = {"photos": list(grey), "ours": list(grey[::-1]), "training_paintings": list(yellow[4:])}
    summary, styles = _scores(sets, {}, [list(yellow[:4])], ["A yellow painting"])
    assert summary["style_distance_ratio_ours_vs_photos"] == 1.0  # the same crops as the photos
    assert summary["style_distance_ratio_training_paintings_vs_photos"] < 0.5  # the held-out painting's kin
    assert set(styles) == {"photos", "ours", "training_paintings"}
