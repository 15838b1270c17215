"""The conditional GAN's evaluation (``python -m train.evaluate cgan``): class fidelity by a
classifier trained on the real data, and the Frechet distance to the test split."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from train import runs_dir
from train.metrics import discriminator_accuracy, frechet, generate, memorisation


def classifier(x_train, y_train, num_classes: int, cache: Path):
    """Small CNN (2 conv blocks + dense); returns (model, feature model)."""
    import keras
    from keras import layers

    shape = x_train.shape[1:]
    inp = keras.Input(shape)
    h = layers.Rescaling(1 / 255.0)(inp)
    for f in (32, 64):
        h = layers.Conv2D(f, 3, padding="same", activation="relu")(h)
        h = layers.Conv2D(f, 3, padding="same", activation="relu")(h)
        h = layers.MaxPooling2D()(h)
        h = layers.Dropout(0.25)(h)
    h = layers.Flatten()(h)
    feats = layers.Dense(128, activation="relu", name="features")(h)
    out = layers.Dense(num_classes)(layers.Dropout(0.4)(feats))
    model = keras.Model(inp, out)
    model.compile(
        optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"]
    )
    if cache.exists():
        model.load_weights(cache)
    else:
        model.fit(x_train, y_train, batch_size=128, epochs=4, validation_split=0.05, verbose=2)
        cache.parent.mkdir(parents=True, exist_ok=True)
        model.save_weights(cache)
    return model, keras.Model(inp, feats)


def evaluate_cgan(folder: Path) -> dict:
    from ganapp.weights import build_from_dir
    from train.data import load_arrays

    model, cfg = build_from_dir(folder)
    data = (
        json.loads((folder / "training.json").read_text())["data"]
        if (folder / "training.json").exists()
        else "fashion_mnist"
    )
    xt, yt, _ = load_arrays(data, cfg.image_size, cfg.channels, "train")
    xs, ys, _ = load_arrays(data, cfg.image_size, cfg.channels, "test")
    clf, feat = classifier(xt, yt, cfg.num_classes, runs_dir() / "eval" / f"{Path(data).name}_classifier.weights.h5")
    test_acc = float(clf.evaluate(xs, ys, verbose=0)[1])
    per = 1000
    labels = np.repeat(np.arange(cfg.num_classes), per)
    gen = generate(model, cfg, len(labels), labels)
    pred = np.argmax(clf.predict(gen, batch_size=500, verbose=0), -1)
    fidelity = {name: round(float((pred[labels == i] == i).mean()), 3) for i, name in enumerate(cfg.class_names)}
    n = min(len(xs), 10000)
    rng = np.random.default_rng(1)
    f_gen = feat.predict(gen[rng.permutation(len(gen))[:n]], batch_size=500, verbose=0)
    f_test = feat.predict(xs[:n], batch_size=500, verbose=0)
    f_train = feat.predict(xt[rng.permutation(len(xt))[:n]], batch_size=500, verbose=0)
    held = np.random.default_rng(2).permutation(len(xs))[:2000]
    judged = discriminator_accuracy(folder, xs[held], gen[held], (ys[held], labels[held]))
    return {
        **({"discriminator": judged} if judged else {}),
        "summary": {
            "class_fidelity": round(float((pred == labels).mean()), 4),
            "classifier_test_accuracy": round(test_acc, 4),
            "frechet_distance_generated_vs_test": round(frechet(f_gen, f_test), 3),
            "frechet_distance_train_vs_test": round(frechet(f_train, f_test), 3),
        },
        "class_fidelity_per_class": fidelity,
        "memorisation": memorisation(gen[rng.permutation(len(gen))], xt, xs),
        "notes": f"{per} generated images per class; classifier: small CNN trained 4 epochs on the real training set; "
        "Frechet distances in its 128-d penultimate features over 10,000 images each.",
    }


evaluate = evaluate_cgan
