"""The app end to end: built in-process, served by uvicorn on loopback, driven through
gradio_client like a script would, plus the plain PNG routes."""

import io
import time

import httpx
import numpy as np
import pytest
from PIL import Image

from tests.conftest import photo


@pytest.fixture
def image_file(tmp_path):
    path = tmp_path / "photo.png"
    photo(64, 48).save(path)
    return path


def api_error(client, *args, api_name):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as err:
        client.predict(*args, api_name=api_name)
    return str(err.value)


def test_page_and_api_names(client, server):
    assert "ganapp" in httpx.get(server).text
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {
        "/style_transfer",
        "/fast_style_transfer",
        "/van_gogh",
        "/sketch_to_building",
        "/generate_cars",
        "/car_walk",
        "/generate_class",
        "/generate_all_classes",
    } <= set(endpoints)
    params = endpoints["/style_transfer"]["parameters"]
    assert [p["parameter_name"] for p in params] == [
        "content",
        "style",
        "content_weight",
        "style_weight",
        "tv_weight",
        "steps",
        "max_size",
        "warm_start",
        "final_steps",
    ]
    params = endpoints["/fast_style_transfer"]
    assert [p["parameter_name"] for p in params["parameters"]] == ["content", "style", "max_size", "strength"]


def test_generators_answer_and_are_deterministic(client):
    a = client.predict(seed=5, count=4, api_name="/generate_cars")
    b = client.predict(seed=5, count=4, api_name="/generate_cars")
    assert np.array_equal(np.asarray(Image.open(a)), np.asarray(Image.open(b)))
    # grids at the generators' native size, 2 px gaps: 8 walk steps of 16 px; 2 items of 8 px; 3 classes x 4
    assert Image.open(client.predict(seed_a=1, seed_b=2, api_name="/car_walk")).size == (8 * 18 + 2, 20)
    assert Image.open(client.predict(label="two", seed=3, count=2, api_name="/generate_class")).size == (22, 12)
    assert Image.open(client.predict(seed=0, api_name="/generate_all_classes")).size == (4 * 10 + 2, 3 * 10 + 2)


def test_style_transfer_endpoint_returns_final_image(client, image_file):
    from gradio_client import handle_file

    out = client.predict(
        handle_file(str(image_file)), handle_file(str(image_file)), 1e4, 1e-2, 30, 5, 64, api_name="/style_transfer"
    )
    assert Image.open(out).size == (64, 48)


def test_models_without_weights_say_so(client):
    msg = api_error(client, 0, 4, 1, api_name="/generate_faces")  # the test server ships no faces model
    assert "no trained weights" in msg


def test_fast_mode_unavailable_offline(client, image_file, monkeypatch):
    from gradio_client import handle_file

    monkeypatch.setenv("GANAPP_FAST_STYLE_MODEL", "/nonexistent/magenta")
    msg = api_error(client, handle_file(str(image_file)), handle_file(str(image_file)), api_name="/fast_style_transfer")
    assert "Fast mode needs" in msg


@pytest.mark.parametrize("name", ["bomb.png", "truncated.png", "not_an_image.png", "tiny.png", "sliver.png"])
def test_hostile_files_get_a_sentence_and_server_survives(client, hostile_files, name, image_file):
    from gradio_client import handle_file

    msg = api_error(
        client,
        handle_file(str(hostile_files[name])),
        handle_file(str(image_file)),
        1e4,
        1e-2,
        30,
        5,
        64,
        api_name="/style_transfer",
    )
    assert "content image" in msg and "Traceback" not in msg and "/tmp" not in msg
    assert Image.open(client.predict(seed=1, count=1, api_name="/generate_cars")).size == (20, 20)


def test_out_of_range_numbers_get_a_sentence(client):
    # sliders check their bounds first (Gradio's own sentence), the library checks the rest
    assert "greater than maximum value 64" in api_error(client, 1, 1000, api_name="/generate_cars")
    assert "less than minimum value 0" in api_error(client, -5, 1, api_name="/generate_cars")
    assert "Seed must be a whole number" in api_error(client, 2.5, 1, api_name="/generate_cars")


def test_png_routes(server):
    r = httpx.get(server + "cars.png", params={"seed": 3})
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    again = httpx.get(server + "cars.png", params={"seed": 3})
    assert r.content == again.content
    r = httpx.get(server + "cgan.png", params={"label": "one", "seed": 1})
    assert r.status_code == 200 and r.content[:4] == b"\x89PNG"
    r = httpx.get(server + "cgan.png", params={"label": "unicorn"})
    assert r.status_code == 400 and "choose one of" in r.json()["error"]
    big = httpx.get(server + "cars.png", params={"seed": 3, "count": 4, "scale": 3})
    assert Image.open(io.BytesIO(big.content)).size == (3 * (2 * 18 + 2), 3 * (2 * 18 + 2))  # 2x2 16 px cars, x3
    r = httpx.get(server + "cars.png", params={"scale": 50})
    assert r.status_code == 400 and "Scale must be" in r.json()["error"]


def test_van_gogh_endpoint_keeps_aspect_and_size(client, tmp_path):
    from gradio_client import handle_file

    path = tmp_path / "wide.png"
    photo(300, 130).save(path)
    out = Image.open(client.predict(handle_file(str(path)), 200, api_name="/van_gogh"))
    assert out.size == (200, 87)


def test_png_routes_share_a_bounded_pool_under_a_flood(server, monkeypatch):
    """/cars.png runs outside Gradio's queue: at most LIGHT's concurrency at once, and a request
    that cannot get a slot in time is turned away with a sentence, never left hanging."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import ganapp
    from ganapp.web import server as server_module

    real, lock, active, peak = ganapp.generate_cars, threading.Lock(), [0], [0]

    def slow(*args):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        try:
            time.sleep(0.3)
            return real(*args)
        finally:
            with lock:
                active[0] -= 1

    monkeypatch.setattr(ganapp, "generate_cars", slow)
    monkeypatch.setattr(server_module, "PNG_WAIT_S", 0.5)
    with ThreadPoolExecutor(24) as pool:
        replies = list(pool.map(lambda i: httpx.get(server + "cars.png", params={"seed": i}, timeout=60), range(24)))
    codes = [r.status_code for r in replies]
    assert peak[0] <= server_module.PNG_CONCURRENCY
    assert codes.count(200) >= 4 and set(codes) <= {200, 503} and 503 in codes
    assert all(r.json()["error"].startswith("The server is busy") for r in replies if r.status_code == 503)
    assert httpx.get(server + "cars.png", params={"seed": 1}).status_code == 200  # still serving
