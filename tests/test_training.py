"""The training framework on tiny configs: dry run, a real step, export + model card,
push to the Hub (recording stand-in), resume after kill -9, MirroredStrategy on 2 CPUs."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import RecordingHfApi

ROOT = Path(__file__).resolve().parent.parent
TINY_FLAGS = [
    "--image-size",
    "8",
    "--channels",
    "1",
    "--latent-dim",
    "8",
    "--gen-filters",
    "8",
    "4",
    "--disc-filters",
    "4",
    "8",
    "--embed-dim",
    "4",
    "--batch-size",
    "8",
    "--log-every",
    "2",
]


@pytest.fixture
def class_folder(tmp_path):
    """Three classes of 8x8 grey images: dark, mid, bright blobs (labels = folder names)."""
    rng = np.random.default_rng(0)
    root = tmp_path / "classes"
    for i, name in enumerate(["dark", "mid", "bright"]):
        (root / name).mkdir(parents=True)
        for k in range(16):
            arr = np.clip(rng.normal(40 + 90 * i, 20, (8, 8)), 0, 255).astype(np.uint8)
            Image.fromarray(arr).save(root / name / f"{k}.png")
    (root / "dark" / "broken.png").write_bytes(b"not a png")  # skipped with a warning
    return root


# a Python prelude: this process as two logical CPU devices (two replicas of MirroredStrategy), then the cGAN trainer
TWO_CPUS = (
    "import tensorflow as tf\n"
    "cpu = tf.config.list_physical_devices('CPU')[0]\n"
    "tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)\n"
    "from train.cgan.task import main\n"
)


def run_cli(args, runs, **kw):
    env = {**os.environ, "GANAPP_RUNS_DIR": str(runs), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "train.cgan", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kw,
    )


def test_help_lists_defaults_from_the_dataclass():
    out = subprocess.run([sys.executable, "-m", "train.cars", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0
    assert "--label-smoothing" in out.stdout and "--latent-dim" in out.stdout and "--strategy" in out.stdout
    assert "cars_synth" in out.stdout


def test_train_export_card_and_push(tmp_path, class_folder, monkeypatch):
    from train.cgan.task import main
    from train.hub import push_folder

    monkeypatch.setenv("GANAPP_RUNS_DIR", str(tmp_path / "runs"))
    out = tmp_path / "export" / "cgan"
    main(["--data", str(class_folder), "--epochs", "2", *TINY_FLAGS, "--export", str(out)])
    run = tmp_path / "runs" / "cgan" / "default"
    cfg = json.loads((run / "config.json").read_text())
    assert cfg["model"]["class_names"] == ["bright", "dark", "mid"]  # labels from folder names
    assert (run / "samples" / "epoch_002.png").exists() and (run / "loss.png").exists()
    assert list((run / "tb").iterdir()) and (run / "checkpoints" / "checkpoint").exists()
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "config.json",
        "discriminator.weights.h5",
        "generator.weights.h5",
        "loss.png",
        "neighbours.npz",
        "samples.png",
        "timelapse.webp",
        "training.json",
    ]
    with np.load(out / "neighbours.npz") as index:  # "Is it copying?": training images and their features
        assert index["images"].shape[1:] == (8, 8, 1) and index["features"].shape == (len(index["images"]), 256)
    assert Image.open(out / "timelapse.webp").size == Image.open(run / "samples" / "epoch_002.png").size
    assert json.loads((out / "training.json").read_text())["timelapse"]["epochs"] == [1, 2]
    from huggingface_hub import ModelCard

    card = ModelCard.load(out / "README.md")
    assert card.data.library_name == "ganapp" and card.data.license == "mit" and "How it was trained" in card.text
    assert {"gan", "keras", "tensorflow"} <= set(card.data.tags)
    assert "GANAPP_CGAN_REPO=owner/name@<commit sha> ganapp" in card.text and 'api_name="/generate_class"' in card.text
    assert "![timelapse](timelapse.webp)" in card.text and "![losses](loss.png)" in card.text
    assert "- `neighbours.npz`:" in card.text

    # the exported folder is what the app loads
    from ganapp import weights

    model, mcfg = weights.build_from_dir(out)
    assert mcfg.class_names == ("bright", "dark", "mid")

    api = RecordingHfApi()
    monkeypatch.setenv("HF_TOKEN", "hf_secret_token_value_123")
    pin = push_folder(out, "me/ganapp-cgan", api=api, key="cgan", run=run)
    assert pin == "GANAPP_CGAN_REPO=me/ganapp-cgan@1"  # what a Space variable takes
    assert [c[0] for c in api.calls] == ["create_repo", "upload_folder", "upload_folder"]
    assert api.calls[1][2]["folder_path"] == str(out)  # the export folder, whose card now names the repo
    assert "GANAPP_CGAN_REPO=me/ganapp-cgan@<commit sha>" in (out / "README.md").read_text()
    # then the run's TensorBoard event files (and nothing else of the run) under runs/<run>
    assert api.calls[2][2]["folder_path"] == str(run / "tb") and api.calls[2][2]["path_in_repo"] == "runs/default"
    assert api.uploaded and all(".tfevents." in p for p in api.uploaded)
    assert api.calls[0][2]["exist_ok"] is True
    # the token is left to huggingface_hub (HF_TOKEN or the login cache): ganapp never handles it
    assert all("token" not in call[2] for call in api.calls)


def test_export_into_the_run_folder_is_refused_before_training(tmp_path, class_folder, monkeypatch):
    """The export copies the run's loss plot and timelapse: into the run folder itself it would fail
    after the whole run, so it is refused before the first step."""
    from train.cgan.task import main

    monkeypatch.setenv("GANAPP_RUNS_DIR", str(tmp_path / "runs"))
    run = tmp_path / "runs" / "cgan" / "default"
    for out in (run, run / "export", tmp_path / "runs"):
        with pytest.raises(SystemExit, match="overlaps the run folder"):
            main(["--data", str(class_folder), "--epochs", "1", *TINY_FLAGS, "--export", str(out)])
    assert not (run / "checkpoints").exists() and not (run / "samples" / "epoch_001.png").exists()


def test_dry_run_writes_nothing(tmp_path, class_folder):
    res = run_cli(["--data", str(class_folder), "--dry-run", *TINY_FLAGS], tmp_path / "runs")
    assert res.returncode == 0, res.stderr[-2000:]
    assert "dry run ok" in res.stdout and not (tmp_path / "runs").exists()


def test_resume_after_kill_9(tmp_path, class_folder):
    runs = tmp_path / "runs"
    args = ["--data", str(class_folder), "--epochs", "400", "--checkpoint-every", "5", *TINY_FLAGS]
    env = {**os.environ, "GANAPP_RUNS_DIR": str(runs), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "train.cgan", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ckpt_dir = runs / "cgan" / "default" / "checkpoints"
    deadline = time.time() + 240
    while time.time() < deadline and not list(ckpt_dir.glob("ckpt-1[05].index")):
        time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert list(ckpt_dir.glob("ckpt-*.index")), "no checkpoint was written before the kill"
    saved = max(int(p.name.split("-")[1].split(".")[0]) for p in ckpt_dir.glob("ckpt-*.index"))
    res = run_cli([*args, "--max-steps", str(saved + 6), "--export", str(tmp_path / "resumed")], runs)
    assert res.returncode == 0, res.stderr[-2000:]
    assert f"resumed from step {saved}" in res.stdout
    # the same number of steps without the kill, from scratch in another run folder: same weights
    res = run_cli([*args, "--max-steps", str(saved + 6), "--export", str(tmp_path / "straight")], tmp_path / "runs2")
    assert res.returncode == 0, res.stderr[-2000:]
    from ganapp.weights import build_from_dir

    resumed, _ = build_from_dir(tmp_path / "resumed")
    straight, _ = build_from_dir(tmp_path / "straight")
    for a, b in zip(resumed.weights, straight.weights):
        assert np.allclose(np.asarray(a), np.asarray(b), atol=1e-5), a.path


def test_mirrored_strategy_on_two_logical_cpus(tmp_path, class_folder):
    code = (
        TWO_CPUS
        + f"main(['--data', {str(class_folder)!r}, '--epochs', '1', '--strategy', 'mirrored', *{TINY_FLAGS!r}])\n"
    )
    env = {**os.environ, "GANAPP_RUNS_DIR": str(tmp_path / "runs"), "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    cfg = json.loads((tmp_path / "runs" / "cgan" / "default" / "config.json").read_text())
    assert cfg["replicas"] == 2
    rows = (tmp_path / "runs" / "cgan" / "default" / "losses.csv").read_text().splitlines()
    assert len(rows) > 1 and all(np.isfinite(float(v)) for v in rows[-1].split(",")[3:])


def test_selection_keeps_the_best_epoch_of_the_last_stage(tmp_path):
    """With select_after = 2, epoch 3 is kept although epochs 1 and 2 scored better."""
    import tensorflow as tf

    from train.loop import validate_epoch
    from train.task import GANTask

    class Task(GANTask):
        select_by, select_after, score = "-perceptual", 2, 0.0

        def validate(self):
            return {"perceptual": self.score}

        def best_model(self):
            return self

        def save_weights(self, path):  # the "weights" are the epoch's score
            Path(path).write_text(str(self.score))

    task, writer = Task(None, None), tf.summary.create_file_writer(str(tmp_path / "tb"))
    for epoch, score in ((1, 0.5), (2, 0.4), (3, 0.7), (4, 0.8)):
        task.score = score
        validate_epoch(task, tmp_path, epoch, epoch * 10, writer)
    assert json.loads((tmp_path / "best.json").read_text())["epoch"] == 3
    assert (tmp_path / "best.weights.h5").read_text() == "0.7"
    assert len((tmp_path / "val.csv").read_text().splitlines()) == 5  # every epoch is still logged


def test_multi_worker_matches_one_process_with_as_many_replicas(tmp_path, class_folder):
    """Two workers on the loopback (MultiWorkerMirroredStrategy over TF_CONFIG, one CPU replica each)
    train what one process with two replicas (MirroredStrategy on two logical CPUs) trains, with the
    same global batch: the replicas see the same halves of each batch and draw the same noise."""
    import socket

    from ganapp.weights import build_from_dir

    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    args = ["--data", str(class_folder), "--epochs", "1", "--max-steps", "4", *TINY_FLAGS]
    workers = []
    for i in range(2):
        tf_config = {"cluster": {"worker": [f"127.0.0.1:{p}" for p in ports]}, "task": {"type": "worker", "index": i}}
        env = {**os.environ, "GANAPP_RUNS_DIR": str(tmp_path / "runs"), "PYTHONPATH": str(ROOT),
               "TF_CONFIG": json.dumps(tf_config)}  # fmt: skip
        cmd = [sys.executable, "-m", "train.cgan", *args, "--strategy", "multi_worker",
               "--export", str(tmp_path / f"worker{i}")]  # fmt: skip
        workers.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True))  # fmt: skip
    outputs = [w.communicate(timeout=300)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs[0][-2000:] + outputs[1][-2000:]
    assert not (tmp_path / "worker1").exists()  # only the chief exports
    code = TWO_CPUS + f"main([*{args!r}, '--strategy', 'mirrored', '--export', {str(tmp_path / 'one')!r}])\n"
    env = {**os.environ, "GANAPP_RUNS_DIR": str(tmp_path / "runs_one"), "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-3000:]
    two, _ = build_from_dir(tmp_path / "worker0")
    one, _ = build_from_dir(tmp_path / "one")
    for a, b in zip(two.weights, one.weights):
        assert np.allclose(np.asarray(a), np.asarray(b), atol=1e-4), a.path
    assert json.loads((tmp_path / "worker0" / "training.json").read_text())["steps"] == 4


def test_timelapse_has_a_frame_per_epoch_and_a_bounded_width(tmp_path):
    from train.export import write_timelapse

    (tmp_path / "run" / "samples").mkdir(parents=True)
    rng = np.random.default_rng(0)
    for epoch in (1, 2, 3):
        Image.fromarray(rng.integers(0, 255, (300, 900, 3), dtype=np.uint8)).save(
            tmp_path / "run" / "samples" / f"epoch_{epoch:03d}.png"
        )
    (tmp_path / "out").mkdir()
    info = write_timelapse(tmp_path / "run", tmp_path / "out", width=450)
    lapse = Image.open(tmp_path / "out" / "timelapse.webp")
    assert info == {"file": "timelapse.webp", "epochs": [1, 2, 3]} and lapse.n_frames == 3
    assert lapse.size == (450, 150)
    assert write_timelapse(tmp_path / "out", tmp_path / "out") is None  # a run without samples: none
