"""Style-transfer speed: the TensorFlow tutorial's loop vs ours, same process, same images,
same feature network, same loss.

Reference: Adam(lr 0.02, beta1 0.99, eps 0.1) on the image, clipped to [0, 1], ``--ref-steps``
(1000) steps at 512 px, starting from the content image. Ours: coarse-to-fine L-BFGS-B.
Prints the seconds each needs to reach the reference's final total loss at 512 px, their
ratio, and the seconds for a 256 px and a 512 px result with the app's defaults.

    python bench/style_transfer.py [--ref-steps 1000] [--size 512] [--ref-loss L --ref-timing 30]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref-steps", type=int, default=1000)
    ap.add_argument("--ref-loss", type=float, default=None,
                    help="final loss of an earlier full reference run: then only --ref-timing steps are timed and "
                         "the reference time is extrapolated (say so when you quote it)")
    ap.add_argument("--ref-timing", type=int, default=30)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--content", default=str(ROOT / "weights/style/examples/chelsea.jpg"))
    ap.add_argument("--style", default=str(ROOT / "weights/style/examples/starry_night.jpg"))
    args = ap.parse_args()

    import keras
    import tensorflow as tf

    from ganapp import gatys
    from ganapp.inference import style_transfer
    from ganapp.imaging import load_image

    content, style = load_image(args.content), load_image(args.style)
    net = gatys.feature_net()
    _, loss_and_grad, _ = gatys._functions(net)
    w = tf.constant([1e4, 1e-2, 30.0], tf.float32)
    c, style_t, content_t = gatys.target_features(net, content, style, args.size)
    print(f"feature network: {net.title}; content {content.size}, style {style.size}; {args.size} px")

    # --- reference: the tutorial's loop
    image = tf.Variable(c)
    opt = keras.optimizers.Adam(learning_rate=0.02, beta_1=0.99, epsilon=1e-1)

    @tf.function
    def train_step():
        loss, grad = loss_and_grad(tf.convert_to_tensor(image), style_t, content_t, w)
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
        ref_loss = float(loss_and_grad(tf.convert_to_tensor(image), style_t, content_t, w)[0])
        print(f"reference: {args.ref_steps} Adam steps, {ref_time:.1f} s, final loss {ref_loss:.5g}")
    else:
        ref_loss = args.ref_loss
        print(f"reference: {timed} Adam steps timed, {ref_time / args.ref_steps:.2f} s/step -> "
              f"{ref_time:.0f} s for {args.ref_steps} (extrapolated); final loss {ref_loss:.5g} (given)")

    # --- ours: time until the full-size stage reaches the reference's loss
    t0 = time.perf_counter()
    reached = None
    last = None
    for p in gatys.run(content, style, steps=40, final_steps=400, max_size=args.size, report_every=0.0, net=net):
        last = p
        if p.stage == p.stages and p.loss <= ref_loss:
            reached = time.perf_counter() - t0
            break
    if reached is None:
        print(f"ours: did not reach {ref_loss:.5g} (best {last.loss:.5g} after {time.perf_counter() - t0:.1f} s)")
    else:
        print(f"ours: reached {ref_loss:.5g} in {reached:.1f} s at iteration {last.iteration}")
        print(f"speed-up vs the tutorial loop: {ref_time / reached:.1f}x")

    # --- the app's defaults
    for size in (256, 512):
        t0 = time.perf_counter()
        for _ in style_transfer(content, style, max_size=size):
            pass
        print(f"app defaults at {size} px: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
