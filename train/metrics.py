"""Metric primitives that evaluation and validation share: Frechet distance, nearest-neighbour
memorisation, SSIM and PSNR, an LPIPS-like perceptual distance, colourfulness, edge energy and
Gram-matrix style distance, on uint8 image arrays (N, H, W, 3) unless said otherwise."""

from __future__ import annotations

import numpy as np

from ganapp import vgg

vgg_features = vgg.pooled_features  # one definition, shared with the app's nearest neighbours


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


def translate(model, images: np.ndarray, batch: int = 8, codes: np.ndarray | None = None) -> np.ndarray:
    """An image-to-image generator's uint8 outputs for uint8 inputs, in inference mode; ``codes``
    (N, D) float32: a second input, one row per image (the sketch model's colour codes)."""
    from ganapp.imaging import pm1_to_uint8

    def run(i):
        x = images[i : i + batch].astype(np.float32) / 127.5 - 1.0
        return pm1_to_uint8(model(x if codes is None else [x, codes[i : i + batch]], training=False))

    return np.concatenate([run(i) for i in range(0, len(images), batch)])


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


def mean_gradient(images: np.ndarray) -> np.ndarray:
    """Mean absolute grey-level gradient per uint8 image: crispness (a ratio of outputs' to photos'
    near 1 = as sharp as the photos; blur lowers it)."""
    return np.array([np.mean(np.abs(np.gradient(x.astype(np.float64).mean(-1)))) for x in images])


def chroma(images: np.ndarray) -> np.ndarray:
    """Per pixel max(R, G, B) - min(R, G, B) of uint8 images, in [0, 1] (0 = grey)."""
    x = images.astype(np.float64) / 255
    return x.max(-1) - x.min(-1)


def saturated_blobs(pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per output, the fraction of its pixels more chromatic than anything usual in its photo (the
    photo's 99.5th percentile of :func:`chroma` + 0.15): colour a sketch cannot have asked for."""
    return np.array([(chroma(o) > np.percentile(chroma(t), 99.5) + 0.15).mean() for o, t in zip(pred, target)])


def lattice(images: np.ndarray, period: int) -> float:
    """How much a regular texture of ``period`` px stands out in uint8 images (N, S, S, 3): the
    mean power spectrum of their grey detail (minus a 9 px box blur) at that period, over its
    geometric mean at periods just beside it (on a photo's falling spectrum, about the level the
    peak would have), the largest of across, down and diagonally. About 1 for photos; a lattice a
    generator learnt (e.g. at a discriminator's stride) makes it several times larger."""
    from scipy import ndimage

    grey = images.astype(np.float64).mean(-1)
    power = (np.abs(np.fft.fft2(grey - ndimage.uniform_filter(grey, (1, 9, 9)))) ** 2).mean(0)
    k = images.shape[1] // period
    ratios = []
    for dy, dx in ((1, 0), (0, 1), (1, 1)):
        beside = [np.log(power[(k + d) * dy, (k + d) * dx]) for d in (-3, -2, 2, 3)]
        ratios.append(power[k * dy, k * dx] / np.exp(np.mean(beside)))
    return float(max(ratios))


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


def discriminator_accuracy(folder, real: np.ndarray, fake: np.ndarray, labels=None) -> dict | None:
    """How well the discriminator shipped in ``folder`` tells held-out ``real`` images from its
    generator's ``fake`` ones (uint8 (N, H, W, C); ``labels`` (real labels, fake labels) for a
    conditional one): the share of each it judges right (P(real) above 0.5 for real, below for
    generated), their mean, and the mean P(real) of each. None when the folder has no discriminator."""
    from pathlib import Path

    from ganapp.verdict import p_real
    from ganapp.weights import DISCRIMINATOR, build_from_dir

    if not (Path(folder) / DISCRIMINATOR).is_file():
        return None
    model, cfg = build_from_dir(Path(folder), "discriminator")

    def probs(images, lab):
        out = []
        for i in range(0, len(images), 500):
            x = images[i : i + 500].astype(np.float32) / 127.5 - 1.0
            logits = model([x, lab[i : i + 500].astype(np.int32)] if lab is not None else x, training=False)
            out.append(p_real(cfg, logits).ravel())
        return np.concatenate(out)

    p_true = probs(real, labels[0] if labels else None)
    p_fake = probs(fake, labels[1] if labels else None)
    return {**verdict_summary(p_true, p_fake), "images": [len(real), len(fake)]}


def verdict_summary(p_true: np.ndarray, p_fake: np.ndarray) -> dict:
    """What metrics.json records of a discriminator's P(real) for real (``p_true``) and generated
    (``p_fake``) images or patches: the share of each it judges right (above 0.5 for real, below
    for generated), their mean, and the mean P(real) of each."""
    right_real, right_fake = float((p_true > 0.5).mean()), float((p_fake < 0.5).mean())
    return {
        "accuracy": round((right_real + right_fake) / 2, 4),
        "real_judged_real": round(right_real, 4),
        "generated_judged_generated": round(right_fake, 4),
        "mean_p_real_of_real": round(float(p_true.mean()), 4),
        "mean_p_real_of_generated": round(float(p_fake.mean()), 4),
    }
