"""Shared Keras 3 building blocks (registered Layer subclasses; no Lambda layers)."""

from __future__ import annotations

import keras
from keras import layers, ops


@keras.saving.register_keras_serializable(package="ganapp")
class ReflectionPad2D(layers.Layer):
    """Reflection padding of the two spatial axes of an NHWC tensor (CycleGAN avoids
    zero-padding artefacts at borders this way)."""

    def __init__(self, pad: int = 1, **kwargs):
        super().__init__(**kwargs)
        self.pad = int(pad)

    def call(self, x):
        p = self.pad
        return ops.pad(x, [[0, 0], [p, p], [p, p], [0, 0]], mode="reflect")

    def compute_output_shape(self, shape):
        b, h, w, c = shape
        grow = lambda n: None if n is None else n + 2 * self.pad  # noqa: E731 (a one-line shape rule)
        return (b, grow(h), grow(w), c)

    def get_config(self):
        return {**super().get_config(), "pad": self.pad}


@keras.saving.register_keras_serializable(package="ganapp")
class Upsample2x(layers.Layer):
    """2x upsampling of NHWC that also works with unknown H and W inside a shape-polymorphic
    tf.function (keras' UpSampling2D needs static sizes there): nearest-neighbour, or
    ``bilinear`` (half-pixel centres, edges repeated: tf.image.resize's), which is
    nearest-neighbour followed by a [1, 2, 1] / 4 blur on each axis."""

    def __init__(self, bilinear: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.bilinear = bool(bilinear)

    def call(self, x):
        x = ops.repeat(ops.repeat(x, 2, axis=1), 2, axis=2)
        if self.bilinear:
            x = ops.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]], mode="symmetric")
            x = (x[:, :-2] + 2 * x[:, 1:-1] + x[:, 2:]) / 4
            x = (x[:, :, :-2] + 2 * x[:, :, 1:-1] + x[:, :, 2:]) / 4
        return x

    def compute_output_shape(self, shape):
        b, h, w, c = shape
        return (b, None if h is None else 2 * h, None if w is None else 2 * w, c)

    def get_config(self):
        return {**super().get_config(), "bilinear": self.bilinear}


@keras.saving.register_keras_serializable(package="ganapp")
class NoiseInjection(layers.Layer):
    """x + a learnt per-channel scale x one map of Gaussian noise (StyleGAN, Karras et al. 2019):
    a source of texture for a generator whose input is blank there (a sketch's empty wall), so
    that it need not draw texture from the upsampling grid's phase (a lattice). The scales start
    at 0. Fresh noise in training; at inference the map of ``seed``, so that one input always
    gives one picture."""

    def __init__(self, seed: int = 0, **kwargs):
        super().__init__(**kwargs)
        self.seed = int(seed)
        self.seed_generator = keras.random.SeedGenerator(self.seed)  # this name: train.task.rng_states

    def build(self, shape):
        self.scale = self.add_weight(shape=(shape[-1],), initializer="zeros", name="scale")

    def call(self, x, training=None):
        s = ops.shape(x)
        noise = keras.random.normal((s[0], s[1], s[2], 1), seed=self.seed_generator if training else self.seed)
        return x + ops.cast(noise, x.dtype) * ops.cast(self.scale, x.dtype)

    def get_config(self):
        return {**super().get_config(), "seed": self.seed}


@keras.saving.register_keras_serializable(package="ganapp")
class SpreadCode(layers.Layer):
    """[x (N, H, W, C), code (N, D)] -> (N, H, W, D): the code at every pixel of x's grid, to be
    concatenated to x (BicycleGAN's latent code given to every level of the generator)."""

    def call(self, inputs):
        x, code = inputs
        s = ops.shape(x)
        return ops.broadcast_to(ops.cast(code, x.dtype)[:, None, None, :], (s[0], s[1], s[2], ops.shape(code)[-1]))


def gan_init() -> keras.initializers.Initializer:
    """N(0, 0.02) kernels (DCGAN, pix2pix, CycleGAN). A new instance for every layer: in Keras 3
    an unseeded initializer draws its seed once, when it is made, so one instance shared by
    several layers gives every layer of the same shape identical starting kernels."""
    return keras.initializers.RandomNormal(0.0, 0.02)


def instance_norm(name: str | None = None) -> layers.Layer:
    """Instance normalisation = group norm with one group per channel."""
    return layers.GroupNormalization(groups=-1, epsilon=1e-5, name=name)


@keras.saving.register_keras_serializable(package="ganapp")
class BatchNormalization(layers.BatchNormalization):
    """Batch normalisation that normalises each image by its own statistics, in training and at
    inference alike: what training with batch size 1 does. pix2pix (Isola et al., 2017) applies
    batch normalisation with the test batch's statistics for this reason; at batch 1 that is
    instance normalisation. Keras' running statistics would instead mix every recent training
    image (and an EMA generator's weights with its last step's statistics): saturated blobs.
    The class has Keras' name because Keras names saved layers by class, so weights written with
    keras.layers.BatchNormalization load into it; their running statistics are kept, unused."""

    def call(self, x, training=None, mask=None):
        mean, var = ops.moments(x, axes=[1, 2], keepdims=True)
        return (x - mean) * ops.rsqrt(var + self.epsilon) * self.gamma + self.beta


def batch_norm(per_image: bool = False, name: str | None = None) -> layers.Layer:
    """Keras' batch normalisation, or (``per_image``) :class:`BatchNormalization`."""
    return (BatchNormalization if per_image else layers.BatchNormalization)(name=name)


def down(x, filters: int, norm: bool = True, size: int = 4, name: str | None = None, per_image: bool = False):
    """Conv stride 2 -> [norm] -> LeakyReLU(0.2): halves H and W."""
    x = layers.Conv2D(
        filters, size, strides=2, padding="same", use_bias=not norm, kernel_initializer=gan_init(), name=name
    )(x)
    if norm:
        x = batch_norm(per_image)(x)
    return layers.LeakyReLU(0.2)(x)


def upsample_conv(x, filters: int, resize: str = "", size: int = 4, use_bias: bool = True):
    """Doubles H and W: a stride-2 transposed conv, or (``resize`` "nearest" or "bilinear") 2x
    upsampling then a 3x3 conv, which leaves no checkerboard pattern."""
    if resize:
        return layers.Conv2D(filters, 3, padding="same", use_bias=use_bias, kernel_initializer=gan_init())(
            Upsample2x(bilinear=resize == "bilinear")(x)
        )
    return layers.Conv2DTranspose(
        filters, size, strides=2, padding="same", use_bias=use_bias, kernel_initializer=gan_init()
    )(x)


def up(x, filters: int, dropout: float = 0.0, size: int = 4, resize: str = "", per_image: bool = False):
    """upsample_conv -> BatchNorm -> [dropout] -> ReLU: doubles H and W.
    (Dropout stays active only in training; the paper's test-time noise is not used.)"""
    x = upsample_conv(x, filters, resize, size, use_bias=False)
    x = batch_norm(per_image)(x)
    if dropout:
        x = layers.Dropout(dropout)(x)
    return layers.ReLU()(x)


def patch_discriminator(inputs, filters: int, norm_layer=layers.BatchNormalization, name="discriminator"):
    """70x70 PatchGAN (Isola et al.): C64-C128-C256-C512(stride 1) -> 1-channel logits map.

    ``inputs`` is a list of Keras inputs that are concatenated on channels."""
    x = layers.Concatenate()(inputs) if len(inputs) > 1 else inputs[0]
    x = layers.Conv2D(filters, 4, strides=2, padding="same", kernel_initializer=gan_init())(x)
    x = layers.LeakyReLU(0.2)(x)
    for mult, stride in ((2, 2), (4, 2), (8, 1)):
        x = layers.Conv2D(
            filters * mult, 4, strides=stride, padding="same", use_bias=False, kernel_initializer=gan_init()
        )(x)
        x = norm_layer()(x)
        x = layers.LeakyReLU(0.2)(x)
    x = layers.Conv2D(1, 4, strides=1, padding="same", kernel_initializer=gan_init())(x)
    return keras.Model(inputs if len(inputs) > 1 else inputs[0], x, name=name)


@keras.saving.register_keras_serializable(package="ganapp")
class VGGInput(layers.Layer):
    """RGB in [-1, 1] -> what the Caffe-trained VGG16 of HED expects: BGR in [0, 255] minus the
    channel means HED subtracts (``ganapp.vgg.HED_MEAN_BGR``)."""

    def call(self, x):
        from ganapp.vgg import HED_MEAN_BGR

        bgr = ops.flip((x + 1.0) * 127.5, axis=-1)
        return bgr - ops.convert_to_tensor(HED_MEAN_BGR, dtype=bgr.dtype)
