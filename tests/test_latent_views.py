"""Open the box, the latent side: an image is found in a generator's latent space (its own images come
back almost exactly, a photo does not), the walk starts from what was found, and a generated image
is shown beside its nearest training images, nearest first."""

import numpy as np
import pytest

import ganapp
from ganapp import inversion, neighbours
from ganapp.errors import InputError, WeightsUnavailable
from tests.conftest import photo, shipped


def last(frames):
    for frame in frames:
        pass
    return frame


@pytest.mark.skipif(not shipped("cars"), reason="needs the shipped car DCGAN")
def test_the_generators_own_car_comes_back_and_a_photo_does_not(tmp_path):
    frames = list(ganapp.find_generated_car(seed=7))
    sheet, db, latent = frames[-1]
    assert db >= 20 and len(latent) == 100  # the goal: >= 20 dB PSNR at native size
    assert [f[1] for f in frames][0] < db  # it streamed its way up
    assert len(frames) == 200 // inversion.SHOW_EVERY + 1 and sheet.size == (4 * inversion.PANEL + 30, 140)
    photo(96, 96, seed=3).save(tmp_path / "photo.png")
    assert last(ganapp.find_car(tmp_path / "photo.png", steps=60))[1] < db - 10
    # the walk from what was found ends at the end seed's own first car
    walk = np.asarray(ganapp.car_walk_from(latent, seed_b=5, count=4))
    end = np.asarray(ganapp.generate_cars(seed=5, count=1))
    assert walk.shape == (36, 4 * 34 + 2, 3)  # cells of 32 px, 2 px apart and around
    assert np.abs(walk[2:34, -34:-2].astype(int) - end[2:34, 2:34].astype(int)).max() <= 2


@pytest.mark.skipif(not shipped("cars"), reason="needs the shipped car DCGAN")
def test_a_search_is_bounded_in_steps_and_time(monkeypatch):
    with pytest.raises(InputError, match="Steps must be a whole number between 20 and 500"):
        next(ganapp.find_generated_car(0, steps=100_000))
    monkeypatch.setattr(inversion, "SECONDS", 0.0)  # time is up after the first step
    frames = list(ganapp.find_generated_car(0, steps=500))
    assert len(frames) == 1
    with pytest.raises(InputError, match="Find an image first"):
        ganapp.car_walk_from(None)
    with pytest.raises(InputError, match="list of 100 finite numbers"):
        ganapp.car_walk_from([0.0] * 99 + [float("nan")])


@pytest.mark.skipif(not shipped("cgan"), reason="needs the shipped cGAN")
def test_neighbours_come_nearest_first_and_a_training_image_finds_itself():
    index = neighbours.load_index("cgan")
    own = index["images"][17]
    found = neighbours.nearest("cgan", own)
    for row in found.values():
        assert row["index"][0] == 17 and row["distance"][0] < 0.05 and np.all(np.diff(row["distance"]) >= 0)
    sheet, nearest = ganapp.garment_neighbours("Sneaker", seed=3)
    assert 0.5 < nearest < 20 and sheet.size == (6 * (neighbours.CELL + 6) + 18, 2 * (neighbours.CELL + 24) + 6)


def test_an_index_that_does_not_match_the_model_is_refused(tiny_weights):
    folder = tiny_weights / "cars"
    np.savez(folder / neighbours.INDEX, images=np.zeros((3, 8, 8, 3), np.uint8), features=np.zeros((3, 256)), of=3)
    with pytest.raises(WeightsUnavailable, match="does not hold up to"):
        ganapp.car_neighbours(0)
    assert neighbours.has_index("cars")
    (folder / neighbours.INDEX).unlink()
    with pytest.raises(WeightsUnavailable, match="python -m train.neighbours cars"):
        ganapp.car_neighbours(0)
