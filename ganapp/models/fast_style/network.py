"""Fast arbitrary style transfer: Ghiasi, Lee, Kudlur, Dumoulin, Shlens, "Exploring the
structure of a real-time, arbitrary neural artistic stylization network" (2017), in the small
form Magenta ships for mobile devices (MobileNetV2 style predictor, 8-16-32 channel transformer).

Rebuilt layer for layer from Magenta's graphs so that their trained weights load unchanged
(``python -m train.fast_style convert``): the same padding (reflection in the transformer,
TensorFlow's "same" in MobileNetV2), the same nearest-neighbour upsampling, and conditional
instance normalisation whose scale and shift are 1x1 projections of the style vector.
The transformer is fully convolutional: any size divisible by 4 runs.
"""

from __future__ import annotations

import keras
from keras import layers, ops

from ganapp.layers import ReflectionPad2D, Upsample2x
from ganapp.models.fast_style.config import FastStyleConfig


@keras.saving.register_keras_serializable(package="ganapp")
class ConditionalInstanceNorm(layers.Layer):
    """Instance normalisation whose per-channel scale and shift come from another input:
    ``[x (N, H, W, C), gamma (N, C), beta (N, C)] -> (x - mean) / sqrt(var + eps) * gamma + beta``
    (Dumoulin et al., 2017), statistics over H and W of each image."""

    def __init__(self, epsilon: float = 1e-5, **kwargs):
        super().__init__(**kwargs)
        self.epsilon = float(epsilon)

    def call(self, inputs):
        x, gamma, beta = inputs
        mean = ops.mean(x, axis=(1, 2), keepdims=True)
        var = ops.mean(ops.square(x - mean), axis=(1, 2), keepdims=True)
        scale = gamma[:, None, None, :] * ops.rsqrt(var + self.epsilon)
        return x * scale + (beta[:, None, None, :] - mean * scale)

    def compute_output_shape(self, shapes):
        return shapes[0]

    def get_config(self):
        return {**super().get_config(), "epsilon": self.epsilon}


def build_style_predictor(cfg: FastStyleConfig) -> keras.Model:
    """style image (N, style_size, style_size, 3) float32 in [0, 1] -> style vector (N, style_dim).
    MobileNetV2 (batch norm folded into the convolutions' biases), global mean, 1x1 projection."""
    inp = keras.Input((cfg.style_size, cfg.style_size, 3), name="style_image")
    x = layers.Conv2D(cfg.predictor_stem, 3, strides=2, padding="same", name="Conv")(inp)
    x = layers.ReLU(6.0)(x)
    channels, block = cfg.predictor_stem, 0
    for expansion, out, repeats, stride in cfg.predictor_blocks:
        for r in range(repeats):
            name = "expanded_conv" + (f"_{block}" if block else "")
            h = x
            if expansion != 1:
                h = layers.ReLU(6.0)(layers.Conv2D(channels * expansion, 1, name=f"{name}_expand")(h))
            h = layers.DepthwiseConv2D(3, strides=stride if r == 0 else 1, padding="same", name=f"{name}_depthwise")(h)
            h = layers.ReLU(6.0)(h)
            h = layers.Conv2D(out, 1, name=f"{name}_project")(h)
            x = layers.Add()([x, h]) if (r > 0 or stride == 1) and channels == out else h
            channels, block = out, block + 1
    x = layers.ReLU(6.0)(layers.Conv2D(cfg.predictor_head, 1, name="Conv_1")(x))
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Dense(cfg.style_dim, name="bottleneck", dtype="float32")(x)
    return keras.Model(inp, out, name="style_predictor")


def build_transformer(cfg: FastStyleConfig) -> keras.Model:
    """[content (N, H, W, 3) float32 in [0, 1], H and W divisible by 4; style vector (N, style_dim)]
    -> stylised image (N, H, W, 3) float32 in [0, 1]."""
    content = keras.Input((None, None, 3), name="content_image")
    style = keras.Input((cfg.style_dim,), name="style_vector")

    def conv(x, filters, size, name, stride=1):
        x = ReflectionPad2D(size // 2)(x)
        return layers.Conv2D(filters, size, strides=stride, padding="valid", name=name)(x)

    def cin(x, filters, name):
        gamma = layers.Dense(filters, name=f"{name}_gamma")(style)
        beta = layers.Dense(filters, name=f"{name}_beta")(style)
        return ConditionalInstanceNorm(cfg.norm_epsilon, name=f"{name}_norm")([x, gamma, beta])

    x = content
    for i, f in enumerate(cfg.contract_filters):  # batch norm folded into the biases
        x = layers.ReLU()(conv(x, f, 9 if i == 0 else 3, f"contract_conv{i + 1}", stride=1 if i == 0 else 2))
    width = cfg.contract_filters[-1]
    for i in range(1, cfg.res_blocks + 1):
        name = f"residual{i}"
        h = layers.ReLU()(cin(conv(x, width, 3, f"{name}_conv1"), width, f"{name}_conv1"))
        h = cin(conv(h, width, 3, f"{name}_conv2"), width, f"{name}_conv2")
        x = layers.Add()([x, h])
    for i, f in enumerate(cfg.expand_filters):
        name = f"expand_conv{i + 1}"
        x = layers.ReLU()(cin(conv(Upsample2x()(x), f, 3, name), f, name))
    name = f"expand_conv{len(cfg.expand_filters) + 1}"
    x = cin(conv(x, 3, 9, name), 3, name)
    out = layers.Activation("sigmoid", dtype="float32")(x)
    return keras.Model([content, style], out, name="transformer")


def build_generator(cfg: FastStyleConfig) -> keras.Model:
    """[content (N, H, W, 3), style image (N, style_size, style_size, 3)], both float32 in [0, 1]
    -> stylised content (N, H, W, 3) in [0, 1]. Its layers ``style_predictor`` and
    ``transformer`` are the two networks, for callers that mix style vectors."""
    predictor, transformer = build_style_predictor(cfg), build_transformer(cfg)
    content = keras.Input((None, None, 3), name="content_image")
    style = keras.Input((cfg.style_size, cfg.style_size, 3), name="style_image")
    return keras.Model([content, style], transformer([content, predictor(style)]), name="fast_style")
