"""Style-transfer speed: the TensorFlow tutorial's loop vs ours, same process, same images,
same feature network, same loss.

Reference: Adam(lr 0.02, beta1 0.99, eps 0.1) on the image, clipped to [0, 1], ``--ref-steps``
(1000) steps at 512 px, starting from the content image, float32 network, exact loss. Ours:
ganapp.gatys.run (coarse-to-fine L-BFGS-B on the smoothed loss, in the app's precision).
Our snapshots are scored afterwards with the reference's exact float32 loss; the first one
at or below the reference's final loss gives our time. Prints both times, their
ratio, and the seconds for a 256 px and a 512 px result with the app's defaults. Ours runs
twice: from the photo, and warm-started from the fast model's stylisation (its second of work
counted in our time).

    python -m bench.style_transfer [--ref-steps 1000] [--size 512] [--ref-loss L --ref-timing 30]
                                   [--coarse-steps 80] [--final-steps 300] [--starts photo fast] [--tv-delta D ...]
                                   [--save DIR]
"""

from __future__ import annotations

import argparse
import functools
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref-steps", type=int, default=1000)
    ap.add_argument(
        "--ref-loss",
        type=float,
        default=None,
        help="final loss of an earlier full reference run: then only --ref-timing steps are timed and "
        "the reference time is extrapolated (say so when you quote it)",
    )
    ap.add_argument("--ref-timing", type=int, default=30)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--coarse-steps", type=int, default=80, help="our L-BFGS iterations at each coarser scale")
    ap.add_argument("--final-steps", type=int, default=300, help="our L-BFGS iterations at full size (at most)")
    ap.add_argument("--content", default=str(ROOT / "weights/style/examples/chelsea.jpg"))
    ap.add_argument("--style", default=str(ROOT / "weights/style/presets/starry_night.jpg"))
    ap.add_argument("--starts", nargs="+", default=["photo", "fast"], choices=["photo", "fast"])
    ap.add_argument(
        "--tv-delta",
        type=float,
        nargs="+",
        default=None,
        help="Charbonnier smoothing of our TV term (one run of ours per value)",
    )
    ap.add_argument("--save", default="", help="folder for the app-default results, to look at")
    args = ap.parse_args()
    from bench.cpu import cpu_flags

    flags = cpu_flags()
    print(f"CPU flags: {flags}")

    import tensorflow as tf

    from ganapp import gatys
    from ganapp.imaging import load_image

    content, style = load_image(args.content), load_image(args.style)
    net = gatys.feature_net("float32")
    _, loss_and_grad, exact_loss = gatys._functions(net)
    w, exact = tf.constant([1e4, 1e-2, 30.0], tf.float32), tf.constant(0.0)
    c, style_t, content_t = gatys.target_features(net, content, style, args.size)
    print(
        f"feature network: {net.title}; ours runs in {gatys.default_precision()}; content {content.size}, "
        f"style {style.size}; {args.size} px"
    )

    ref_loss, ref_time = reference(args, c, loss_and_grad, exact_loss, style_t, content_t, w, exact)

    for start in args.starts:
        for delta in args.tv_delta or [gatys.TV_DELTA]:
            ours(args, content, style, start, delta, exact_loss, style_t, content_t, w, exact, ref_loss, ref_time)

    app_defaults(args, content, style)


def reference(args, c, loss_and_grad, exact_loss, style_t, content_t, w, exact) -> tuple[float, float]:
    """(final loss, seconds) of the TensorFlow tutorial's loop: Adam on the pixels, ``--ref-steps``."""
    import keras
    import tensorflow as tf

    image = tf.Variable(c)
    opt = keras.optimizers.Adam(learning_rate=0.02, beta_1=0.99, epsilon=1e-1)

    @tf.function
    def train_step():
        loss, grad = loss_and_grad(tf.convert_to_tensor(image), style_t, content_t, w, exact)
        opt.apply_gradients([(grad, image)])
        image.assign(tf.clip_by_value(image, 0.0, 1.0))
        return loss

    train_step()  # trace outside the timing
    image.assign(c)
    opt = keras.optimizers.Adam(learning_rate=0.02, beta_1=0.99, epsilon=1e-1)
    train_step = tf.function(train_step.python_function)
    t0 = time.perf_counter()
    timed = args.ref_steps if args.ref_loss is None else args.ref_timing
    for i in range(timed):
        train_step()
        if (i + 1) % 100 == 0:
            print(f"  reference step {i + 1}: {time.perf_counter() - t0:.0f} s", flush=True)
    ref_time = (time.perf_counter() - t0) * args.ref_steps / timed
    if args.ref_loss is None:
        ref_loss = float(exact_loss(tf.convert_to_tensor(image), style_t, content_t, w, exact))
        print(f"reference: {args.ref_steps} Adam steps, {ref_time:.1f} s, final loss {ref_loss:.5g}")
    else:
        ref_loss = args.ref_loss
        print(
            f"reference: {timed} Adam steps timed, {ref_time / args.ref_steps:.2f} s/step -> "
            f"{ref_time:.0f} s for {args.ref_steps} (extrapolated); final loss {ref_loss:.5g} (given)"
        )
    return ref_loss, ref_time


def app_defaults(args, content, style) -> None:
    """The app's default request at 256 and 512 px, timed (saved to ``--save`` to look at)."""
    from ganapp.stylise import style_transfer

    for size in (256, 512):
        t0 = time.perf_counter()
        for image, _ in style_transfer(content, style, max_size=size):
            pass
        print(f"app defaults at {size} px: {time.perf_counter() - t0:.1f} s")
        if args.save:
            Path(args.save).mkdir(parents=True, exist_ok=True)
            image.save(Path(args.save) / f"app_defaults_{size}.png")


def ours(args, content, style, start, delta, exact_loss, style_t, content_t, w, exact, ref_loss, ref_time):
    """Snapshots of our full-size stage, scored afterwards with the reference's exact loss."""
    import tensorflow as tf

    from ganapp import gatys
    from ganapp.models.fast_style.inference import fast_style_transfer

    snapshots = []
    t0 = time.perf_counter()
    init = fast_style_transfer(content, style, args.size) if start == "fast" else None
    for p in gatys.run(
        content,
        style,
        steps=args.coarse_steps,
        final_steps=args.final_steps,
        max_size=args.size,
        report_every=0.0,
        init=init,
        tv_delta=delta,
    ):
        if p.stage == p.stages:
            snapshots.append((time.perf_counter() - t0, p.iteration, p.image))
    total = time.perf_counter() - t0

    # L-BFGS lowers the smoothed loss at every iteration and the exact loss follows it, so a
    # binary search finds the first snapshot at or below the reference's loss (assuming the
    # exact loss is monotone too) without scoring them all; each snapshot is scored at most once
    @functools.cache
    def score(i):
        return float(exact_loss(tf.constant(snapshots[i][2][None]), style_t, content_t, w, exact))

    reached, best = None, score(len(snapshots) - 1)
    if best <= ref_loss:
        lo, hi = 0, len(snapshots) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            lo, hi = (lo, mid) if score(mid) <= ref_loss else (mid + 1, hi)
        reached = (snapshots[lo][0], snapshots[lo][1], score(lo))
    label = f"ours from the {'fast stylisation' if start == 'fast' else 'photo'}, TV delta {delta:g}"
    if reached is None:
        print(f"{label}: did not reach {ref_loss:.5g} (last {best:.5g}; {total:.1f} s in all)")
    else:
        print(
            f"{label}: exact loss {reached[2]:.5g} <= {ref_loss:.5g} after {reached[0]:.1f} s (iteration "
            f"{reached[1]}; coarse scales {args.coarse_steps} iterations each)"
        )
        print(f"{label}: speed-up vs the tutorial loop: {ref_time / reached[0]:.1f}x", flush=True)


if __name__ == "__main__":
    main()
