"""The style tab's Gatys request: checked parameters and bounded work around
:func:`ganapp.gatys.run`, started from the fast model's stylisation."""

from __future__ import annotations

from collections.abc import Iterator

from PIL import Image

from ganapp import gatys, imaging
from ganapp.checks import OUTPUT_SIZE, Range, check_bool
from ganapp.errors import InputError
from ganapp.models.fast_style import inference as fast

STYLE_MAX_INPUT = fast.STYLE_MAX_INPUT
# One style-transfer request may do at most the work of this many L-BFGS iterations at 512 px
# (about two minutes on 2 AVX2 cores), so no call holds the style slot for long.
STYLE_CAP_ITERATIONS_AT_512 = 40
# what a request may ask for: the tab's sliders and the API read these
CONTENT_WEIGHT = Range(0.0, 1e5, "Content weight", step=100)
STYLE_WEIGHT = Range(0.0, 1.0, "Style weight", step=1e-3)
TV_WEIGHT = Range(0.0, 300.0, "Total-variation weight", step=1)
STEPS = Range(1, 300, "Steps")
FINAL_STEPS = Range(0, 300, "Steps at full size")


def check_style_work(max_size: int, steps: int, final_steps: int, warm_start: bool) -> None:
    """InputError with the largest allowed step counts when a request is over the cap."""
    cap = STYLE_CAP_ITERATIONS_AT_512 * 512 * 512
    if gatys.work(max_size, steps, final_steps, warm_start) > cap:
        most = cap // gatys.work(max_size, 1, 1, warm_start)
        raise InputError(
            f"That is more work than one request may do (at most the work of "
            f"{STYLE_CAP_ITERATIONS_AT_512} iterations at 512 px): at {max_size} px, use at most "
            f"{most} steps at each scale, or fewer steps at full size, or a smaller output size."
        )


def style_transfer(
    content,
    style,
    content_weight: float = 1e4,
    style_weight: float = 1e-2,
    tv_weight: float = 30.0,
    steps: int = 12,
    max_size: int = 256,
    warm_start: bool = True,
    final_steps: int = 0,
) -> Iterator[tuple[Image.Image, str]]:
    """Gatys style transfer. Yields (image, status) while optimising; the last is the result.

    ``content``/``style``: anything :func:`ganapp.imaging.load_image` takes. Coarse to fine:
    ``steps`` is the L-BFGS iteration budget of each scale below full size (about 128 px, then
    doubling), ``final_steps`` the full-size one's, where an iteration costs 4 at half size: the
    strokes are laid where they are cheap and the fast result's finer detail is carried up
    (python -m bench.style_transfer); ``max_size`` the long side of the output in px.
    ``warm_start``: start from the fast model's stylisation (:func:`fast_style_transfer`, the
    first image yielded, in about a second) instead of the photo, so the optimisation polishes a
    painting rather than starting one; from the photo (also when the shipped fast model,
    weights/fast_style, is not installed) the full size gets at least ``steps`` too.
    """
    content_weight = CONTENT_WEIGHT.float(content_weight)
    style_weight = STYLE_WEIGHT.float(style_weight)
    tv_weight = TV_WEIGHT.float(tv_weight)
    steps = STEPS.int(steps)
    final_steps = FINAL_STEPS.int(final_steps)
    max_size = OUTPUT_SIZE.int(max_size)
    warm_start = check_bool(warm_start, "Start from the fast result (warm_start)")
    if content_weight == 0 and style_weight == 0:
        raise InputError("Content weight and style weight cannot both be zero.")
    warm = warm_start and fast.fast_style_handle() is None  # None: the shipped port, about a second
    if not warm:  # from the photo no stylisation carries the fine detail: full size needs steps of its own
        final_steps = max(final_steps, steps)
    check_style_work(max_size, steps, final_steps, warm)
    c = imaging.load_image(content, max_side=STYLE_MAX_INPUT, what="content image")
    s = imaging.load_image(style, max_side=STYLE_MAX_INPUT, what="style image")
    init, start = None, "from the photo"
    if warm:
        init, start = fast.fast_style_transfer(c, s, max_size), "from the fast stylisation"
    elif warm_start:
        start = "from the photo (the fast model's weights are not installed)"
    net = gatys.feature_net()
    for p in gatys.run(
        c,
        s,
        content_weight=content_weight,
        style_weight=style_weight,
        tv_weight=tv_weight,
        steps=steps,
        final_steps=final_steps,
        max_size=max_size,
        net=net,
        init=init,
    ):
        status = (
            f"{net.title} · {start} · scale {p.stage}/{p.stages} · iteration {p.iteration}/{p.total_iterations}"
            + (f" · loss {p.loss:.4g}" if p.iteration else "")
            + (" · done" if p.done else "")
        )
        yield imaging.from_float01(p.image), status
