"""The painting-vs-photo judge behind the van Gogh deception rate (Sanakoyeu et al., "A
Style-Aware Content Loss for Real-time HD Style Transfer", ECCV 2018: the share of stylised
images that a classifier trained on the artist's paintings calls paintings).

Features: per-channel mean and standard deviation (log) of the offline VGG16's block1..4_conv1
activations on 128 px crops (the statistics style transfer matches). Classifier: L2-regularised
logistic regression. Positives: crops of the training paintings. Negatives: crops of the training
photos *and* damaged copies of them (blurred, muted, posterised, noisy, JPEG-crushed, and
recoloured to a painting's palette), so that a translation which merely damages or tints a photo
is not taken for a painting. Half the painting crops are recoloured to a photo's palette in turn:
palette alone tells nothing, and the judge must look at the brushwork (a judge fit without this
called the shipped weights' tinted photos paintings and fast style's *Starry Night* photos).
"""

from __future__ import annotations

import io

import numpy as np

from ganapp import vgg

LAYERS = tuple(f"block{i}_conv1" for i in range(1, 5))
CROP = 128


def style_statistics(crops: np.ndarray) -> np.ndarray:
    """uint8 (N, 128, 128, 3) -> (N, 1920): log(1 + mean) and log(1 + std) per channel per layer."""
    import tensorflow as tf

    net, out = vgg.offline_features(LAYERS), []
    for i in range(0, len(crops), 64):
        feats = net(vgg.caffe(tf.cast(crops[i : i + 64], tf.float32)), training=False)
        stats = []
        for f in feats:
            mean, var = tf.nn.moments(f, axes=[1, 2])
            stats += [tf.math.log1p(mean), tf.math.log1p(tf.sqrt(var))]
        out.append(tf.concat(stats, -1).numpy())
    return np.concatenate(out)


def random_crops(images: list[np.ndarray], n: int, rng, scale_min: float = 1.0) -> list[np.ndarray]:
    """``n`` random 128 px crops over ``images`` (round robin), each of the image scaled by a
    log-uniform factor in [scale_min, 1] (never below the crop)."""
    from PIL import Image

    out = []
    for k in range(n):
        img = images[k % len(images)]
        h, w = img.shape[:2]
        lo = min(1.0, max(scale_min, CROP / min(h, w)))
        s = float(np.exp(rng.uniform(np.log(lo), 0.0)))
        if s < 1.0:
            img = np.asarray(
                Image.fromarray(img).resize((max(CROP, round(w * s)), max(CROP, round(h * s))), Image.BICUBIC)
            )
        y, x = rng.integers(0, img.shape[0] - CROP + 1), rng.integers(0, img.shape[1] - CROP + 1)
        out.append(img[y : y + CROP, x : x + CROP])
    return out


def recoloured(crop: np.ndarray, ref: np.ndarray) -> np.ndarray:
    """``crop`` with the per-channel mean and standard deviation of ``ref`` (Reinhard-style)."""
    x, r = crop.astype(np.float32), ref.astype(np.float32)
    mu, sd = x.mean((0, 1)), x.std((0, 1)) + 1e-3
    return np.clip((x - mu) / sd * r.std((0, 1)) + r.mean((0, 1)), 0, 255).astype(np.uint8)


def damaged(crop: np.ndarray, kind: int, rng) -> np.ndarray:
    """A photo crop blurred (0), muted (1), posterised (2), noisy (3) or JPEG-crushed (4)."""
    from PIL import Image, ImageEnhance, ImageFilter, ImageOps

    img = Image.fromarray(crop)
    if kind == 0:
        return np.asarray(img.filter(ImageFilter.GaussianBlur(rng.uniform(1.5, 4.0))))
    if kind == 1:
        return np.asarray(ImageEnhance.Contrast(ImageEnhance.Color(img).enhance(0.3)).enhance(0.7))
    if kind == 2:
        return np.asarray(ImageOps.posterize(img, int(rng.integers(2, 4))))
    if kind == 3:
        return np.clip(crop + rng.normal(0, rng.uniform(10, 30), crop.shape), 0, 255).astype(np.uint8)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(rng.integers(3, 10)))
    return np.asarray(Image.open(buf).convert("RGB"))


class PaintingJudge:
    """Fit on painting and photo images (uint8 arrays), ``per_painting`` crops of each painting among
    the positives; ``rate(crops)`` is the share of crops called paintings (probability above one half)."""

    def __init__(
        self, paintings: list[np.ndarray], photos: list[np.ndarray], seed: int = 0, l2: float = 1.0, per_painting=60
    ):
        from scipy.optimize import minimize

        rng = np.random.default_rng(seed)
        pos = random_crops(paintings, per_painting * len(paintings), rng, scale_min=0.4)
        plain = random_crops(photos, 3 * len(photos), rng, scale_min=0.5)
        hurt = [damaged(c, k % 5, rng) for k, c in enumerate(random_crops(photos, 3 * len(photos), rng, 0.5))]
        tints = random_crops(paintings, 3 * len(photos), rng, scale_min=0.4)
        hurt += [recoloured(c, t) for c, t in zip(random_crops(photos, len(tints), rng, 0.5), tints)]
        looks = random_crops(photos, len(pos) // 2, rng, scale_min=0.5)
        pos[::2] = [recoloured(c, t) for c, t in zip(pos[::2], looks)]
        x = style_statistics(np.stack(pos + plain + hurt))
        y = np.r_[np.ones(len(pos)), np.zeros(len(plain) + len(hurt))]
        self.mu, self.sd = x.mean(0), x.std(0) + 1e-6
        z = np.c_[(x - self.mu) / self.sd, np.ones(len(x))]
        weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))  # both classes count alike

        def loss(w):
            p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
            nll = -(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).mean()
            grad = z.T @ (weight * (p - y)) / len(y)
            return nll + 0.5 * l2 * (w[:-1] @ w[:-1]) / len(y), grad + np.r_[l2 * w[:-1], 0] / len(y)

        self.w = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x
        self.trained_on = {"painting_crops": len(pos), "photo_crops": len(plain), "damaged_photo_crops": len(hurt)}

    def probability(self, crops: np.ndarray) -> np.ndarray:
        z = (style_statistics(crops) - self.mu) / self.sd
        return 1 / (1 + np.exp(-np.clip(z @ self.w[:-1] + self.w[-1], -30, 30)))

    def rate(self, crops) -> float:
        return round(float((self.probability(np.stack(crops)) > 0.5).mean()), 3)
