"""The attacks a public Space meets, reproduced against the live app (served by uvicorn on
loopback as ``python app.py`` serves it): reading server files through the queue and the
deep-link cache, naming server paths instead of uploading, flooding the slow pool, and
leaving work uncollected; plus the small defects found beside them."""

import json
import os
import threading
import time
from pathlib import Path

import httpx
import numpy as np
import pytest
from PIL import Image

from tests.conftest import photo, png_bytes

FILEDATA = {"_type": "gradio.FileData"}


@pytest.fixture
def secret(tmp_path):
    """A picture and a text file outside Gradio's cache, with content new to this run."""
    rng = np.random.default_rng()
    image = tmp_path / "secret.png"
    Image.fromarray(rng.integers(0, 255, (40, 56, 3), dtype=np.uint8)).save(image)
    text = tmp_path / "secret.txt"
    text.write_text(f"HF_TOKEN=hf_{rng.integers(2**62)}\n")
    return {"image": image, "text": text}


def fn_ids(server) -> dict[str, int]:
    return {d["api_name"]: d["id"] for d in httpx.get(server + "config").json()["dependencies"]}


def join_and_wait(server, fn_index, data, session, timeout=60) -> dict:
    """queue/join as the page does, then read the result stream to the end."""
    r = httpx.post(
        server + "gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session, "event_data": None},
    )
    assert r.status_code == 200, r.text
    with httpx.stream(
        "GET", server + "gradio_api/queue/data", params={"session_hash": session}, timeout=timeout
    ) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the stream ended without a result")


def call(server, api_name, data, timeout=60) -> tuple[str, object]:
    """The two-step REST API (POST /call/<api>, GET the result): ('complete'|'error', data)."""
    event_id = httpx.post(server + f"gradio_api/call/{api_name}", json={"data": data}).json()["event_id"]
    text = httpx.get(server + f"gradio_api/call/{api_name}/{event_id}", timeout=timeout).text
    event = data_line = None
    for line in text.splitlines():
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data_line = line[5:].strip()
    return event, json.loads(data_line) if data_line else None


def upload(server, path) -> str:
    with open(path, "rb") as f:
        r = httpx.post(server + "gradio_api/upload", files={"files": (os.path.basename(path), f)})
    return r.json()[0]


def upload_dir():
    from gradio import utils

    return Path(utils.get_upload_folder())


def cache_files():
    return [p for p in upload_dir().glob("**/*") if p.is_file() and not p.is_symlink()]


def test_queue_join_cannot_copy_a_server_file_into_the_downloadable_cache(server, secret):
    ids = fn_ids(server)
    for name in ("text", "image"):
        payload = {"path": str(secret[name]), "meta": FILEDATA}
        session = f"attack-{name}"
        message = join_and_wait(server, ids["fast_style_transfer"], [payload, payload, 128, 1.0], session)
        assert not message["success"]
        # the deep link lists the session's files; none of them may be the secret's copy
        httpx.get(server + "gradio_api/deep_link", params={"session_hash": session})
        content = secret[name].read_bytes()
        copies = [p for p in cache_files() if p.read_bytes() == content]
        assert copies == [], "the secret was copied into Gradio's cache"
        r = httpx.get(server + "gradio_api/file=" + str(secret[name]))
        assert r.status_code != 200 or r.content != content


REFUSED = ("opens no file by name", "not uploaded by a user")


def raw_path_forms(path: str):
    return [{"path": path}, {"path": path, "meta": FILEDATA}, path]


@pytest.mark.parametrize("variant", ["absolute", "dotdot", "symlink", "missing"])
def test_raw_server_paths_are_refused_on_every_route(server, secret, variant, tmp_path, request):
    cache = upload_dir()
    cache.mkdir(parents=True, exist_ok=True)
    target = str(secret["image"])
    if variant == "dotdot":
        target = str(cache / ".." / os.path.relpath(secret["image"], cache.parent))
    elif variant == "symlink":  # a link inside the cache that points out of it
        link = cache / f"link-{os.getpid()}" / "innocent.png"
        link.parent.mkdir(exist_ok=True)
        link.unlink(missing_ok=True)
        link.symlink_to(secret["image"])
        request.addfinalizer(lambda: (link.unlink(missing_ok=True), link.parent.rmdir()))
        target = str(link)
    elif variant == "missing":
        target = str(secret["image"].parent / "does_not_exist.png")
    photo(64, 48).save(tmp_path / "good.png")
    good = {"path": upload(server, tmp_path / "good.png"), "meta": FILEDATA}
    answers = []
    for form in raw_path_forms(target):
        answers.append(call(server, "van_gogh", [form, 128, 1.0]))
        answers.append(call(server, "painting_to_photo", [form, 128]))
        answers.append(call(server, "style_transfer", [form, good, 1e4, 1e-2, 30, 5, 64, True, 0]))
        answers.append(call(server, "buildings_from_sketch", [form, 0, 8]))
    ids = fn_ids(server)
    ui_events = {  # UI events and their arguments after the named file
        "fast_style_transfer": [good, 128, 1.0],
        "fast_style_mix": [good, good, 0.5, 64],
        "sketch_to_building": [0, None],
        "photo_to_sketch": [],
        "compare_methods": [],
        "vangogh_live": [],  # the live webcam's stream
        "judge_car_image": [],  # what the discriminator sees, on an upload
        "judge_garment": ["zero"],
        "find_car": [20],  # the latent searches, on an upload
        "find_face": [20],
        "judge_van_gogh": [],  # the PatchGAN's maps, on an upload
        "judge_building": [],  # pix2pix's maps, on an upload
        "round_trip": [],  # the way back
        "painting_to_photo_ui": [],
    }
    for api, rest in ui_events.items():
        form = {"path": target, "meta": FILEDATA}
        message = join_and_wait(server, ids[api], [form, *rest], f"raw-{api}-{variant}")
        answers.append(("complete" if message["success"] else "error", message["output"].get("error")))
    message = join_and_wait(server, ids["sketch_to_building"], [good, 0, {"path": target, "meta": FILEDATA}],
                            f"raw-reference-{variant}")  # the reference photo named by path  # fmt: skip
    answers.append(("complete" if message["success"] else "error", message["output"].get("error")))
    for event, data in answers:
        assert event == "error", f"a {variant} server path was opened: {data}"
        text = data if isinstance(data, str) else json.dumps(data)
        assert any(r in text for r in REFUSED), text
        assert "could not be read" not in text and "not an image file" not in text


def test_a_non_string_file_argument_gets_a_sentence(server):
    from ganapp.web.server import CRASH

    event, data = call(server, "van_gogh", [{"path": 5, "meta": FILEDATA}, 128, 1.0])
    assert event == "error" and CRASH not in json.dumps(data)


@pytest.fixture
def slow_style(monkeypatch):
    """ganapp.style_transfer replaced by a generator that yields an image every 50 ms until
    released; counts its iterations."""
    import ganapp

    release, state = threading.Event(), {"iterations": 0, "started": 0}

    def slow(*args, **kwargs):
        state["started"] += 1
        img = photo(32, 32)
        while not release.is_set():
            state["iterations"] += 1
            yield img, "working"
            time.sleep(0.05)
        yield img, "done"

    monkeypatch.setattr(ganapp, "style_transfer", slow)
    yield state
    release.set()


def test_a_flood_of_style_jobs_does_not_shut_out_other_users(server, client, slow_style, monkeypatch, tmp_path):
    from gradio_client import handle_file

    from ganapp.web import server as server_module

    # nothing is cancelled while the flood is sent, however slow the machine (that would free places)
    monkeypatch.setattr(server_module, "COLLECT_S", 600.0, raising=False)
    path = tmp_path / "p.png"
    photo(64, 48).save(path)
    good = {"path": upload(server, path), "meta": FILEDATA}
    codes, details = [], []
    for i in range(30):  # each from its own session, as a script can
        r = httpx.post(
            server + "gradio_api/call/style_transfer",
            json={"data": [good, good, 1e4, 1e-2, 30, 5, 64, True, 0], "session_hash": f"flood{i}"},
        )
        codes.append(r.status_code)
        details.append(r.json().get("detail", ""))
    assert codes.count(200) <= 5
    assert all(d.startswith("The server is busy with style work") for c, d in zip(codes, details) if c == 503)
    # other users are still served, by every other pool, while the flood holds the style pool
    # (the timeouts only keep a blocked server from hanging the suite)
    cars = client.submit(seed=3, count=4, api_name="/generate_cars").result(timeout=300)
    assert Image.open(cars).size == (38, 38)
    painted = client.submit(handle_file(str(path)), 64, api_name="/van_gogh").result(timeout=300)
    assert Image.open(painted).size == (64, 48)
    running = slow_style["iterations"]
    time.sleep(0.3)
    assert slow_style["iterations"] > running, "the flood was over before the other users were served"
    # nobody collects the flood: it is cancelled, and the style pool is free again
    monkeypatch.setattr(server_module, "COLLECT_S", 1.0, raising=False)
    deadline = time.time() + 20
    while time.time() < deadline:
        before = slow_style["iterations"]
        time.sleep(0.5)
        if slow_style["iterations"] == before:
            break
    assert slow_style["iterations"] == before, "uncollected style jobs kept running"
    assert slow_style["started"] <= 5


def test_one_session_holds_one_waiting_style_job(server, slow_style, monkeypatch, tmp_path):
    from ganapp.web import server as server_module

    monkeypatch.setattr(server_module, "COLLECT_S", 600.0, raising=False)  # no place freed by a cancel meanwhile
    path = tmp_path / "p.png"
    photo(64, 48).save(path)
    good = {"path": upload(server, path), "meta": FILEDATA}
    ids = fn_ids(server)
    codes = []
    for _ in range(4):
        r = httpx.post(
            server + "gradio_api/queue/join",
            json={
                "data": [good, good, 1e4, 1e-2, 30, 5, 64, True, 0],
                "fn_index": ids["style_transfer"],
                "session_hash": "one-tab",
                "event_data": None,
            },
        )
        codes.append((r.status_code, r.json().get("detail", "")))
    assert codes[0][0] == 200
    assert any(c == 503 and d.startswith("You already have a style request waiting") for c, d in codes[1:])


def test_warm_start_must_be_a_boolean(client, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    import ganapp

    with pytest.raises(ganapp.InputError, match="true or false"):
        next(ganapp.style_transfer(photo(), photo(), warm_start="no"))
    path = tmp_path / "p.png"
    photo(64, 48).save(path)
    with pytest.raises(AppError, match="true or false"):
        client.predict(
            handle_file(str(path)), handle_file(str(path)), 1e4, 1e-2, 30, 5, 64, "no", api_name="/style_transfer"
        )


def test_png_route_queries_get_sentences(server):
    r = httpx.get(server + "cgan.png", params={"label": "²"})  # "²".isdigit() is True, int("²") fails
    assert r.status_code == 400 and "choose one of" in r.json()["error"]
    r = httpx.get(server + "cgan.png", params={"label": "x" * 60_000})
    assert r.status_code == 400 and len(r.json()["error"]) < 300
    r = httpx.get(server + "cars.png", params={"seed": "abc"})
    assert r.status_code == 400 and r.json()["error"].startswith("Seed must be a whole number")
    r = httpx.get(server + "cgan.png")
    assert r.status_code == 400 and "choose a label" in r.json()["error"]


def test_headers_monitoring_and_analytics(server):
    import app

    page = httpx.get(server)
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'self' https://huggingface.co" in page.headers["content-security-policy"]
    assert "x-frame-options" not in page.headers  # it would stop Hugging Face from showing the Space
    assert httpx.get(server + "cars.png").headers["x-content-type-options"] == "nosniff"
    assert httpx.get(server + "monitoring/summary").status_code == 403
    assert app.build_demo().analytics_enabled is False


def test_photo_to_sketch_returns_a_png(client, tmp_path):
    from gradio_client import handle_file

    path = tmp_path / "p.png"
    photo(96, 64).save(path)
    out = client.predict(photo=handle_file(str(path)), api_name="/photo_to_sketch")
    assert out.endswith(".png") and Image.open(out).format == "PNG"


def test_old_uploads_and_results_are_deleted_but_examples_kept(tmp_path):
    from ganapp.web.server import clean_cache

    old, new, example = tmp_path / "a" / "old.png", tmp_path / "b" / "new.png", tmp_path / "c" / "example.jpg"
    for p in (old, new, example):
        p.parent.mkdir()
        p.write_bytes(png_bytes(photo(16, 16)))
    past = time.time() - 100
    for p in (old, example, old.parent):
        os.utime(p, (past, past))
    assert clean_cache(tmp_path, {str(example)}, max_age_s=50) == 1
    assert not old.exists() and new.exists() and example.exists()
    os.utime(old.parent, (past, past))
    clean_cache(tmp_path, {str(example)}, max_age_s=50)
    assert not old.parent.exists()  # an old empty folder goes too
