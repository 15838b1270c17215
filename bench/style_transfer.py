"""Gatys speed at the style tab's defaults, in one run: the unit (one full-size VGG step: the
feature network forward and backward, compiled), the defaults before the coarse-to-fine warm
start (L-BFGS from the fast result at full size only, 15 iterations), today's defaults
(ganapp.stylise.style_transfer), and the TensorFlow tutorial's loop (Adam, lr 0.02, beta1 0.99,
eps 0.1, 1000 steps from the photo; ``--ref-timing`` of them timed, the rest extrapolated).

For each example pair (the tab's photos with *The Starry Night* and *The Great Wave*) and size:
seconds, seconds in VGG steps, and the quality numbers of bench.style_defaults (how far the
result moved into the painting's style: the photo's Gram-matrix style loss over the result's),
plus the result's total loss. Saves photo | painting | before | today sheets to ``--save``.

    python -m bench.style_transfer [--sizes 256 512] [--ref-timing 10] [--save artifacts/style_speed]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = (("chelsea", "starry_night"), ("astronaut", "great_wave"))
BEFORE_STEPS = 15  # the defaults before: L-BFGS iterations at full size only, from the fast result


def step_time(loss_and_grad, targets, weights, repeats: int = 5) -> float:
    """p50 seconds of one compiled loss-and-gradient evaluation at the targets' size."""
    import tensorflow as tf

    c, style_t, content_t = targets
    x = tf.constant(c)
    loss_and_grad(x, style_t, content_t, *weights)  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        _, g = loss_and_grad(x, style_t, content_t, *weights)
        g.numpy()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def before(content, style, size: int):
    """The defaults before, as they ran: L-BFGS-B (maxcor 20) on the [0, 1] box at full size from
    the fast stylisation, ``BEFORE_STEPS`` iterations, no early stop. Returns a PIL image."""
    import numpy as np
    import tensorflow as tf
    from scipy.optimize import Bounds, minimize

    from ganapp import gatys, imaging
    from ganapp.models.fast_style.inference import fast_style_transfer

    net = gatys.feature_net()
    _, loss_and_grad, _ = gatys._functions(net)
    weights = (tf.constant([1e4, 1e-2, 30.0], tf.float32), tf.constant(gatys.TV_DELTA, tf.float32))
    x0 = gatys._resize(fast_style_transfer(content, style, size), size)
    c, style_t, content_t = gatys.target_features(net, content, style, size)
    shape = c.shape

    def fun(x):
        loss, grad = loss_and_grad(tf.constant(x.reshape(shape), tf.float32), style_t, content_t, *weights)
        return float(loss), grad.numpy().astype(np.float64).ravel()

    res = minimize(fun, np.clip(x0, 0, 1).astype(np.float64).ravel(), jac=True, method="L-BFGS-B",
                   bounds=Bounds(0.0, 1.0), options={"maxiter": BEFORE_STEPS, "maxcor": 20})  # fmt: skip
    return imaging.from_float01(res.x.reshape(shape)[0].astype(np.float32))


def today(content, style, size: int):
    from ganapp.stylise import style_transfer

    for image, _ in style_transfer(content, style, max_size=size):
        pass
    return image


def tutorial_seconds(targets, loss_and_grad, weights, timed: int, steps: int = 1000) -> float:
    """Seconds for the TensorFlow tutorial's ``steps`` Adam steps, ``timed`` of them timed."""
    import keras
    import tensorflow as tf

    c, style_t, content_t = targets
    image = tf.Variable(c)
    opt = keras.optimizers.Adam(learning_rate=0.02, beta_1=0.99, epsilon=1e-1)

    @tf.function
    def train_step():
        _, grad = loss_and_grad(tf.convert_to_tensor(image), style_t, content_t, *weights)
        opt.apply_gradients([(grad, image)])
        image.assign(tf.clip_by_value(image, 0.0, 1.0))

    train_step()  # trace outside the timing
    t0 = time.perf_counter()
    for _ in range(timed):
        train_step()
    image.numpy()
    return (time.perf_counter() - t0) * steps / timed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[256, 512])
    ap.add_argument("--ref-timing", type=int, default=10, help="tutorial steps timed (of 1000)")
    ap.add_argument("--save", default="", help="folder for the before | today sheets, to look at")
    args = ap.parse_args(argv)
    import numpy as np
    import tensorflow as tf

    import ganapp
    from bench.cpu import cpu_flags
    from bench.style_defaults import style_loss
    from ganapp import gatys, style_presets
    from ganapp.imaging import load_image, make_grid

    net = gatys.feature_net()
    _, loss_and_grad, total_loss = gatys._functions(net)
    weights = (tf.constant([1e4, 1e-2, 30.0], tf.float32), tf.constant(gatys.TV_DELTA, tf.float32))
    print(f"CPU flags: {cpu_flags()}; {net.title}; {gatys.default_precision()}", flush=True)
    paintings = {s: style_presets.preset_path(style_presets.find(s)) for _, s in PAIRS}
    pairs = [(load_image(ROOT / f"weights/style/examples/{p}.jpg"), load_image(paintings[s])) for p, s in PAIRS]
    ganapp.fast_style_transfer(pairs[0][0], pairs[0][1], 64)  # load + trace outside the timings
    for size in args.sizes:
        targets = gatys.target_features(net, *pairs[0], size)
        unit = step_time(loss_and_grad, targets, weights)
        tutorial = tutorial_seconds(targets, loss_and_grad, weights, args.ref_timing)
        print(f"\n{size} px: one VGG step {unit:.2f} s; the tutorial's 1000 Adam steps {tutorial:.0f} s "
              f"({args.ref_timing} timed)", flush=True)  # fmt: skip
        tiles, rows = [], {"before": [], "today": []}
        for (photo, painting), (c, s) in zip(PAIRS, pairs):
            targets = gatys.target_features(net, c, s, size)
            results = {}
            for name, fn in (("before", before), ("today", today)):
                before(c, s, 64) if name == "before" else today(c, s, 64)  # trace at this size class
                t0 = time.perf_counter()
                results[name] = fn(c, s, size)
                seconds = time.perf_counter() - t0
                x = tf.constant(gatys._resize(results[name], size))
                loss = float(total_loss(x, targets[1], targets[2], *weights))
                moved = style_loss(net, c, s, size) / style_loss(net, results[name], s, size)
                rows[name].append(seconds)
                print(f"  {photo} x {painting}, {name}: {seconds:.1f} s = {seconds / unit:.1f} VGG steps; "
                      f"style loss photo/result {moved:.1f}x; loss {loss:.4g}", flush=True)  # fmt: skip
            shown = (c, s, results["before"], results["today"])
            tiles += [np.asarray(im.convert("RGB").resize((256, 256))) for im in shown]
        b, t = statistics.mean(rows["before"]), statistics.mean(rows["today"])
        print(f"{size} px, mean of {len(PAIRS)}: today {t:.1f} s = {t / unit:.1f} VGG steps; before {b:.1f} s "
              f"({b / t:.1f}x today); the tutorial {tutorial / t:.0f}x today", flush=True)  # fmt: skip
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            make_grid(np.stack(tiles), cols=4, pad=4).save(Path(args.save) / f"before_today_{size}.png")


if __name__ == "__main__":
    main()
