"""Watch a GAN learn (ganapp.live and its tab): bounded options, a run that learns, one run at a
time, nothing on disk, and the streaming API."""

from __future__ import annotations

import base64
import io
import threading

import numpy as np
import pytest
from PIL import Image

from ganapp import live
from ganapp.errors import InputError, WeightsUnavailable


@pytest.mark.parametrize(
    "kw, says",
    [
        ({"lr": 0.5}, "Learning rate"),
        ({"lr": "abc"}, "Learning rate"),
        ({"label_smoothing": -0.1}, "Label smoothing"),
        ({"d_steps": 9}, "Discriminator steps"),
        ({"d_steps": 1.5}, "Discriminator steps"),
        ({"batch_size": 4096}, "Batch size"),
        ({"seconds": 600}, "Training time"),
        ({"seconds": float("nan")}, "Training time"),
        ({"seed": -1}, "Seed"),
    ],
)
def test_options_out_of_range_get_a_sentence(kw, says):
    with pytest.raises(InputError, match=says):
        next(live.train_live(live.LiveOptions(**kw)))


def _grid_stats(grid: np.ndarray) -> np.ndarray:
    """Per cell: the share of background (near-black) pixels and the mean brightness."""
    return np.array([[(x < 30).mean(), x.mean() / 255] for x in live.cells(grid)])


def test_a_short_run_moves_from_noise_towards_garments():
    data = (live.sample_images()[:512, ..., 0] + 1) * 127.5
    real = np.array([[(x < 30).mean(), x.mean() / 255] for x in data]).mean(0)
    snaps = list(live.train_live(live.LiveOptions(seconds=12, seed=3), every_s=0.5))
    first, last = snaps[0], snaps[-1]
    assert last.done and not any(s.done for s in snaps[:-1])
    assert first.step == 0 and last.step > first.step
    assert len(last.history["d_loss"]) == len(last.history["seconds"]) >= 2
    assert all(np.isfinite(last.history[k]).all() for k in live.CURVES)
    # the untrained generator draws grey noise (no background); after training the cells have
    # Fashion-MNIST's black background and bright garment, like the data's statistics
    gap = lambda s: np.abs(_grid_stats(s.grid).mean(0) - real).sum()  # noqa: E731
    assert gap(last) < 0.5 * gap(first)
    png = Image.open(io.BytesIO(base64.b64decode(last.grid_png_base64())))
    assert png.size == (2 * last.grid.shape[1], 2 * last.grid.shape[0])


def test_one_run_at_a_time_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = live.train_live(live.LiveOptions(seconds=5))
    next(first)  # holds the lock now
    errors = []

    def second():
        try:
            next(live.train_live(live.LiveOptions(seconds=1)))
        except InputError as e:
            errors.append(str(e))

    t = threading.Thread(target=second)
    t.start()
    t.join()
    assert errors and "Another training run" in errors[0]
    first.close()  # Stop: the generator is closed, the lock released
    assert next(live.train_live(live.LiveOptions(seconds=1))).step == 0
    assert list(tmp_path.iterdir()) == []


def test_missing_sample_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(live, "sample_path", lambda: tmp_path / "none.npz")
    live._sample_images.cache_clear()
    try:
        with pytest.raises(WeightsUnavailable, match="python -m train.data prepare live"):
            next(live.train_live(live.LiveOptions(seconds=1)))
        assert live.sample_size() == 0
    finally:
        live._sample_images.cache_clear()


def test_train_live_endpoint_streams_snapshots(client):
    from gradio_client.exceptions import AppError

    job = client.submit(0.0005, 0.1, 1, 32, 3, 0, api_name="/train_live")
    outs = list(job)
    assert len(outs) >= 2 and outs[-1]["done"] and not outs[0]["done"]
    assert outs[-1]["step"] > 0 and len(outs[-1]["d_loss"]) == len(outs[-1]["seconds"])
    grid = Image.open(io.BytesIO(base64.b64decode(outs[-1]["grid_png_base64"])))
    assert grid.size[0] == grid.size[1] > 400
    with pytest.raises(AppError, match="Batch size must be a whole number between 8 and 256"):
        client.predict(0.0005, 0.1, 1, 100000, 3, 0, api_name="/train_live")
