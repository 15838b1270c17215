"""Style transfer: the optimiser moves style statistics toward the style image while
keeping the content's layout; progress is streamed; fast mode runs a TF-Hub-style model."""

import numpy as np
import pytest
from PIL import Image

import ganapp
from ganapp import gatys as st
from ganapp import vgg
from ganapp.imaging import to_float01

SIZE = 64


def stripes(w=SIZE, h=SIZE):
    """Style: diagonal red/blue stripes."""
    y, x = np.mgrid[0:h, 0:w]
    on = ((x + y) // 4) % 2 == 0
    arr = np.where(on[..., None], [220, 30, 30], [30, 30, 220])
    return Image.fromarray(arr.astype(np.uint8))


def content_img(w=SIZE, h=SIZE):
    """Content: a bright square on the left of a dark background."""
    arr = np.full((h, w, 3), 40, np.uint8)
    arr[16:48, 8:32] = 230
    return Image.fromarray(arr)


@pytest.fixture(scope="module")
def net():
    return st.feature_net()


def style_distance(net, img, style):
    import tensorflow as tf

    features, _, _ = st._functions(net)
    g1, _ = features(tf.constant(to_float01(img)[None]))
    g2, _ = features(tf.constant(to_float01(style)[None]))
    return sum(float(np.mean((a.numpy() - b.numpy()) ** 2)) for a, b in zip(g1, g2))


def test_style_statistics_move_toward_style_but_layout_stays(net):
    c, s = content_img(), stripes()
    *_, last = ganapp.style_transfer(c, s, steps=15, max_size=SIZE, warm_start=False)  # the optimiser alone
    out, status = last
    assert out.size == (SIZE, SIZE) and "done" in status
    assert style_distance(net, out, s) < 0.5 * style_distance(net, c, s)
    # layout: the output still correlates with the content, more than with the style
    o = np.asarray(out.convert("L"), float).ravel()
    corr_c = np.corrcoef(o, np.asarray(c.convert("L"), float).ravel())[0, 1]
    corr_s = np.corrcoef(o, np.asarray(s.convert("L"), float).ravel())[0, 1]
    assert corr_c > 0.5 and corr_c > abs(corr_s) + 0.2


def test_progress_is_streamed_and_closing_stops(net):
    it = st.run(content_img(), stripes(), steps=40, max_size=SIZE, report_every=0.0, net=net)
    first = next(it)
    assert not first.done and first.iteration >= 1 and first.image.shape == (SIZE, SIZE, 3)
    it.close()  # what a Stop button does; the worker thread must end
    import threading

    assert not any(t.name == "style-transfer" and t.is_alive() for t in threading.enumerate())


def test_coarse_to_fine_schedule():
    assert st.scales(512) == [128, 256, 512]
    assert st.scales(256) == [128, 256]
    assert st.scales(100) == [100]


@pytest.mark.parametrize(
    "kw,match",
    [
        (dict(steps=0), "Steps"),
        (dict(max_size=5000), "Output size"),
        (dict(style_weight=-1), "Style weight"),
        (dict(content_weight=0, style_weight=0), "cannot both be zero"),
        (dict(tv_weight=float("inf")), "Total-variation"),
    ],
)
def test_bad_numbers_are_refused(kw, match):
    with pytest.raises(ganapp.InputError, match=match):
        next(ganapp.style_transfer(content_img(), stripes(), **kw))


def test_work_per_request_is_capped_before_anything_runs():
    """1024 px x 300 steps would hold the style slot for an hour: refused with the step count
    that fits, before the images are even read (a missing image is not what it complains about)."""
    from ganapp.stylise import check_style_work

    with pytest.raises(ganapp.InputError, match=r"at 1024 px, use at most \d+ steps"):
        next(ganapp.style_transfer(None, None, steps=300, max_size=1024))
    check_style_work(512, 160, 0, warm_start=True)  # the cap itself: 160 passes at half size ...
    check_style_work(512, 0, 40, warm_start=True)  # ... or 40 at full size
    with pytest.raises(ganapp.InputError, match="at 512 px, use at most 32 steps"):
        check_style_work(512, 33, 33, warm_start=True)
    with pytest.raises(ganapp.InputError, match="at 512 px, use at most 30 steps"):
        check_style_work(512, 31, 31, warm_start=False)  # from the photo the 128 px scale counts too


def test_a_coarse_stage_keeps_the_stylisation_detail():
    """From a stylisation, a scale starts from the coarser result plus the stylisation's finer
    detail: a coarse stage that changed nothing gives the stylisation back, not a blurred copy."""
    import tensorflow as tf

    base = np.random.default_rng(0).uniform(0.2, 0.8, (1, 64, 64, 3)).astype(np.float32)
    coarse = tf.image.resize(base, (32, 32), antialias=True).numpy()
    np.testing.assert_allclose(st._start(coarse, base, base.shape), base, atol=1e-5)
    blurred = tf.image.resize(coarse, (64, 64), method="bilinear").numpy()  # what upsampling alone gives
    assert np.abs(blurred - base).mean() > 0.05


def _quadratic(calls, offset):
    """loss_and_grad of an ill-conditioned quadratic + ``offset``, counting its calls."""
    import tensorflow as tf

    target = np.full((1, 8, 8, 3), 0.3, np.float32)
    scale = np.geomspace(1, 1e4, target.size, dtype=np.float32).reshape(target.shape)

    def loss_and_grad(x, *_):
        calls.append(1)
        d = x - target
        return tf.reduce_sum(scale * d * d) + offset, 2 * scale * d

    return loss_and_grad, target


def test_a_scale_stops_when_its_loss_flattens():
    import threading

    calls = []
    fn, target = _quadratic(calls, 1e9)  # every iteration moves the loss by far less than FLAT_TOL
    start = np.full(target.shape, 0.9, np.float32)
    x, loss, iterations = st._optimise_scale(fn, (target, None, None), start, (None, None), 50,
                                             threading.Event(), lambda *a: None, 1.0)  # fmt: skip
    assert iterations == st.FLAT_WINDOW + 1 and len(calls) < 50


def test_a_scale_budget_counts_network_passes():
    import threading

    calls = []
    fn, target = _quadratic(calls, 0.0)
    start = np.full(target.shape, 0.9, np.float32)
    x, loss, iterations = st._optimise_scale(fn, (target, None, None), start, (None, None), 5,
                                             threading.Event(), lambda *a: None, 1.0)  # fmt: skip
    assert len(calls) <= 5 and 0.0 <= x.min() and x.max() <= 1.0


def test_offline_vgg16_weights_are_the_hed_file(net):
    assert net.name == "vgg16-hed" and vgg.hed_weights_path() is not None
    w = net.model.get_layer("block1_conv1").get_weights()[0]
    assert w.shape == (3, 3, 3, 64) and np.abs(w).sum() > 1  # copied, not initialised-and-forgotten


def test_bfloat16_features_match_float32():
    """The fast precision changes rounding, not what the network sees."""
    import tensorflow as tf

    x = tf.constant(to_float01(content_img())[None])
    g32, _ = st._functions(st.feature_net("float32"))[0](x)
    g16, _ = st._functions(st.feature_net("bfloat16"))[0](x)
    for a, b in zip(g32, g16):
        rel = float(tf.norm(a - b) / tf.norm(a))
        assert rel < 0.05, rel


def test_smoothed_tv_is_exact_at_delta_zero_and_below_it_otherwise(net):
    import tensorflow as tf

    _, _, total_loss = st._functions(net)
    x = tf.constant(to_float01(stripes())[None])
    grams, content = st._functions(net)[0](x)
    tv_only = tf.constant([0.0, 0.0, 1.0])
    exact = float(total_loss(x, grams, content, tv_only, 0.0))
    assert exact == pytest.approx(float(tf.image.total_variation(x)[0]), rel=1e-5)
    assert 0.9 * exact < float(total_loss(x, grams, content, tv_only, 0.01)) < exact


def test_fast_mode_with_a_local_savedmodel(tmp_path, monkeypatch):
    """No tfhub.dev here: a SavedModel with Magenta's signature stands in for it.
    (content_image, style_image) float32 [0, 1] -> [stylised image]."""
    import tensorflow as tf

    class Blend(tf.Module):
        @tf.function(
            input_signature=[
                tf.TensorSpec([None, None, None, 3], tf.float32),
                tf.TensorSpec([None, None, None, 3], tf.float32),
            ]
        )
        def __call__(self, content_image, style_image):
            mean = tf.reduce_mean(style_image, axis=[1, 2], keepdims=True)
            return [0.5 * content_image + 0.5 * mean]

    path = tmp_path / "magenta_like"
    tf.saved_model.save(Blend(), str(path))
    monkeypatch.setenv("GANAPP_FAST_STYLE_MODEL", str(path))  # chosen over the shipped port
    out = ganapp.fast_style_transfer(content_img(), stripes(), max_size=SIZE)
    arr = np.asarray(out, float)
    expected = 0.5 * np.asarray(content_img(), float) + 0.5 * np.asarray(stripes(), float).mean((0, 1))
    assert out.size == (SIZE, SIZE) and np.abs(arr - expected).max() < 4


def test_fast_mode_unavailable_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv("GANAPP_FAST_STYLE_MODEL", str(tmp_path / "missing"))
    with pytest.raises(ganapp.WeightsUnavailable, match="GANAPP_FAST_STYLE_MODEL"):
        ganapp.fast_style_transfer(content_img(), stripes())
