"""Procedural car fronts as a surveillance camera sees them (the look of CompCars'
surveillance subset): a car filling the frame, seen from slightly above, with roof,
windscreen reflecting the sky, shaded paint with highlights, headlamps, grille, bumper,
number plate, wheels, road and lighting variety, pose/scale jitter and sensor noise.

Rendered at 128 px and downsampled; ``render_car(seed)`` is deterministic per seed.
No real car photos are reachable offline: this is a stand-in dataset, and the model card
of anything trained on it says so.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

S = 128  # render size

PAINTS = [  # (rgb, weight): roughly the colour mix of traffic
    ((235, 236, 238), 22),
    ((25, 26, 30), 18),
    ((165, 168, 172), 14),
    ((95, 98, 104), 10),
    ((160, 20, 25), 8),
    ((25, 55, 130), 7),
    ((15, 30, 70), 5),
    ((200, 160, 30), 3),
    ((30, 90, 50), 3),
    ((120, 80, 50), 3),
    ((210, 200, 170), 3),
    ((90, 20, 30), 2),
    ((240, 120, 20), 2),
]
BODIES = {  # relative to body width: roof, windscreen, hood, fascia heights, roof width
    "sedan": (0.05, 0.20, 0.17, 0.27, 0.60),
    "hatch": (0.06, 0.24, 0.13, 0.29, 0.64),
    "suv": (0.06, 0.22, 0.14, 0.37, 0.70),
    "van": (0.07, 0.31, 0.05, 0.36, 0.82),
    "taxi": (0.05, 0.20, 0.17, 0.27, 0.60),
}


def _shade(img: np.ndarray, mask: np.ndarray, top: float, bottom: float, y0: int, y1: int) -> None:
    """Multiply masked pixels by a vertical light gradient from ``top`` to ``bottom``."""
    ys = np.arange(S, dtype=np.float32)
    g = np.interp(ys, [y0, max(y1, y0 + 1)], [top, bottom])[:, None, None]
    img[:] = np.where(mask[..., None], np.clip(img * g, 0, 255), img)


def _mask(shape_fn) -> np.ndarray:
    m = Image.new("L", (S, S), 0)
    shape_fn(ImageDraw.Draw(m))
    return np.asarray(m) > 127


@dataclasses.dataclass
class _Front:
    """Where a car front's parts go, in canvas pixels (S x S)."""

    W: float  # body width
    cx: float  # centre line
    hw: float  # half width
    rw: float  # roof half width
    ww: float  # windscreen-base half width
    y_roof: float
    y_ws: float
    y_hood: float
    y_fas: float
    y_bot: float
    hood_h: float  # hood and fascia heights, as fractions of W
    fas_h: float


def _background(rng):
    """(the road seen from above, with lane marks and a kerb or verge at the top; its colour)."""
    img = np.zeros((S, S, 3), np.float32)
    road = rng.uniform(70, 130) * np.array([1.0, 1.0, rng.uniform(1.0, 1.08)])
    ys = np.arange(S)[:, None, None]
    img[:] = road * (0.9 + 0.2 * ys / S)
    img += rng.normal(0, 6, (S, S, 1))
    bg = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(bg)
    for _ in range(rng.integers(0, 3)):
        x = rng.integers(0, S)
        d.polygon(
            [(x - 3, S), (x + 3, S), (x + 1 + rng.integers(-10, 10), 0), (x - 1 + rng.integers(-10, 10), 0)],
            fill=(200, 200, 190) if rng.random() < 0.7 else (210, 180, 60),
        )
    if rng.random() < 0.5:
        d.rectangle([0, 0, S, rng.integers(4, 18)], fill=tuple(int(v) for v in rng.uniform(40, 160, 3)))
    img = np.asarray(bg, np.float32).copy()

    return img, road


def _geometry(rng, body_name: str) -> _Front:
    """Where the parts of a ``body_name`` car front go, placed and sized at random."""
    roof_h, ws_h, hood_h, fas_h, roof_w = BODIES[body_name]
    W = S * rng.uniform(0.78, 0.98)
    cx = S / 2 + rng.normal(0, 3)
    total = roof_h + ws_h + hood_h + fas_h
    top = S * 0.5 - W * total / 2 + rng.normal(0, 3)
    y_roof, y_ws = top, top + W * roof_h
    y_hood = y_ws + W * ws_h
    y_fas = y_hood + W * hood_h
    y_bot = y_fas + W * fas_h
    rw, ww = W * roof_w / 2, W * (roof_w + 0.14) / 2  # roof and windscreen-base half widths
    hw = W / 2
    return _Front(W, cx, hw, rw, ww, y_roof, y_ws, y_hood, y_fas, y_bot, hood_h, fas_h)


def _body(img, g: _Front, body_name: str, paint) -> None:
    """Shadow, wheels, the painted silhouette with its shading and hood highlight (in place)."""
    W, cx, hw, rw, ww, y_roof, y_hood, y_fas, y_bot = g.W, g.cx, g.hw, g.rw, g.ww, g.y_roof, g.y_hood, g.y_fas, g.y_bot
    hood_h = g.hood_h
    # shadow under the car
    sh = _mask(lambda dd: dd.ellipse([cx - hw * 1.05, y_bot - W * 0.06, cx + hw * 1.05, y_bot + W * 0.08], fill=255))
    img[sh] *= 0.45

    # wheels (the bottom of the tyres shows under the bumper corners)
    for sx in (-1, 1):
        wx = cx + sx * hw * 0.78
        wm = _mask(
            lambda dd: dd.rounded_rectangle(
                [wx - W * 0.09, y_bot - W * 0.10, wx + W * 0.09, y_bot + W * 0.03], radius=3, fill=255
            )
        )
        img[wm] = (22, 22, 24)

    # body silhouette: roof -> windscreen pillars -> hood -> fascia
    body = _mask(
        lambda dd: (
            dd.polygon(
                [
                    (cx - rw, y_roof),
                    (cx + rw, y_roof),
                    (cx + ww, y_hood),
                    (cx + hw, y_fas),
                    (cx + hw, y_bot - 4),
                    (cx - hw, y_bot - 4),
                    (cx - hw, y_fas),
                    (cx - ww, y_hood),
                ],
                fill=255,
            ),
            dd.rounded_rectangle([cx - hw, y_fas - 2, cx + hw, y_bot], radius=int(W * 0.06), fill=255),
        )
    )
    img[body] = paint
    _shade(img, body, 1.18, 0.72, int(y_roof), int(y_bot))
    # hood highlight band
    hl = _mask(
        lambda dd: dd.polygon(
            [
                (cx - ww * 0.9, y_hood + 2),
                (cx + ww * 0.9, y_hood + 2),
                (cx + hw * 0.8, y_hood + W * hood_h * 0.5),
                (cx - hw * 0.8, y_hood + W * hood_h * 0.5),
            ],
            fill=255,
        )
    )
    img[hl & body] = np.clip(img[hl & body] * 1.18 + 18, 0, 255)
    if body_name == "taxi":
        sign = _mask(lambda dd: dd.rectangle([cx - W * 0.08, y_roof - W * 0.04, cx + W * 0.08, y_roof + 2], fill=255))
        img[sign] = (240, 240, 230)


def _windscreen(img, g: _Front, rng, paint):
    """The windscreen's sky reflection and glare, and the mirrors."""
    W, cx, rw, ww, y_ws, y_hood = g.W, g.cx, g.rw, g.ww, g.y_ws, g.y_hood
    # windscreen: sky reflection (light at top, darker cabin showing through below), with a glare streak
    inset = W * 0.025
    ws = _mask(
        lambda dd: dd.polygon(
            [
                (cx - rw + inset, y_ws),
                (cx + rw - inset, y_ws),
                (cx + ww - inset, y_hood - 1),
                (cx - ww + inset, y_hood - 1),
            ],
            fill=255,
        )
    )
    sky = np.array(rng.choice([(180, 200, 225), (200, 205, 210), (150, 165, 185), (120, 130, 140)]), np.float32)
    cabin = np.array((35, 38, 45), np.float32)
    t = np.clip((np.arange(S) - y_ws) / max(1.0, y_hood - y_ws), 0, 1)[:, None, None]
    mix = rng.uniform(0.25, 0.75)
    glass = sky * (1 - t) * mix + cabin * (1 - (1 - t) * mix)
    img = np.where(ws[..., None], np.broadcast_to(glass, img.shape), img)
    if rng.random() < 0.7:
        gx = cx + rng.uniform(-rw, rw)
        streak = _mask(
            lambda dd: dd.polygon(
                [(gx, y_ws), (gx + W * 0.08, y_ws), (gx - W * 0.05, y_hood), (gx - W * 0.13, y_hood)], fill=255
            )
        )
        img[streak & ws] = np.clip(img[streak & ws] * 1.3 + 30, 0, 255)
    # mirrors
    for sx in (-1, 1):
        mx = cx + sx * (ww + W * 0.03)
        mm = _mask(
            lambda dd: dd.ellipse([mx - W * 0.045, y_hood - W * 0.07, mx + W * 0.045, y_hood - W * 0.01], fill=255)
        )
        img[mm] = paint * 0.8
    return img


def _headlamps(img, g: _Front, rng, night: bool):
    """One of four lamp styles (glowing at night); returns (img, lamp top, lamp height)."""
    W, cx, hw, y_fas = g.W, g.cx, g.hw, g.y_fas
    # headlamps
    lamp_style = rng.integers(0, 4)
    lamp_col = np.array(
        (255, 250, 235) if night else rng.choice([(225, 228, 232), (200, 205, 215), (240, 235, 220)]), np.float32
    )
    lw, lh = W * rng.uniform(0.17, 0.25), W * rng.uniform(0.05, 0.09)
    ly = y_fas + W * rng.uniform(0.02, 0.06)
    for sx in (-1, 1):
        x_out = cx + sx * (hw - W * 0.04)
        x_in = x_out - sx * lw
        x0, x1 = min(x_in, x_out), max(x_in, x_out)
        if lamp_style == 0:
            shape = lambda dd: dd.rounded_rectangle([x0, ly, x1, ly + lh], radius=3, fill=255)  # noqa: E731 (one drawing call each)
        elif lamp_style == 1:
            shape = lambda dd: dd.ellipse([x0, ly - 1, x1, ly + lh + 1], fill=255)  # noqa: E731
        elif lamp_style == 2:  # swept slit, higher at the outside
            shape = lambda dd: dd.polygon(  # noqa: E731
                [(x_in, ly + lh * 0.4), (x_out, ly - lh * 0.2), (x_out, ly + lh * 0.7), (x_in, ly + lh)], fill=255
            )
        else:  # twin round lamps
            r = lh * 0.65
            shape = lambda dd: (  # noqa: E731
                dd.ellipse([x0, ly, x0 + 2 * r, ly + 2 * r], fill=255),
                dd.ellipse([x1 - 2 * r, ly, x1, ly + 2 * r], fill=255),
            )
        lm = _mask(shape)
        img[lm] = lamp_col * (1.0 if night else rng.uniform(0.8, 1.0))
        if night:
            glow = Image.fromarray((lm * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(5))
            img += (np.asarray(glow, np.float32)[..., None] / 255.0) * 120
    return img, ly, lh


def _grille(img, g: _Front, rng, ly: float, lh: float):
    """The grille between the lamps: bars or mesh, optional chrome surround, badge."""
    W, cx = g.W, g.cx
    # grille between the lamps, with bars or mesh, optional chrome surround and badge
    gw = W * rng.uniform(0.22, 0.42)
    gy0, gy1 = ly - W * 0.005, ly + lh + W * rng.uniform(0.02, 0.08)
    gm = _mask(
        lambda dd: dd.rounded_rectangle([cx - gw / 2, gy0, cx + gw / 2, gy1], radius=int(rng.integers(1, 5)), fill=255)
    )
    img[gm] = rng.uniform(15, 40)
    grille = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    gd = ImageDraw.Draw(grille)
    bar = tuple(int(v) for v in ((150, 150, 155) if rng.random() < 0.5 else (60, 60, 65)))
    if rng.random() < 0.6:
        for yy in np.arange(gy0 + 2, gy1 - 1, max(2.0, (gy1 - gy0) / rng.integers(3, 6))):
            gd.line([(cx - gw / 2 + 2, yy), (cx + gw / 2 - 2, yy)], fill=bar, width=1)
    else:
        for xx in np.arange(cx - gw / 2 + 2, cx + gw / 2 - 1, 4):
            gd.line([(xx, gy0 + 1), (xx, gy1 - 1)], fill=bar, width=1)
    if rng.random() < 0.5:
        gd.rounded_rectangle([cx - gw / 2, gy0, cx + gw / 2, gy1], radius=3, outline=(200, 200, 205), width=2)
    gd.ellipse([cx - 3, (gy0 + gy1) / 2 - 2, cx + 3, (gy0 + gy1) / 2 + 2], fill=(210, 210, 215))
    img = np.asarray(grille, np.float32).copy()
    return img


def _bumper(img, g: _Front, rng):
    """The bumper's lower intake and the number plate."""
    W, cx, hw, y_fas, y_bot = g.W, g.cx, g.hw, g.y_fas, g.y_bot
    fas_h = g.fas_h
    # bumper: lower intake, fog lamps, number plate
    by = y_fas + W * fas_h * rng.uniform(0.55, 0.68)
    im = _mask(
        lambda dd: dd.rounded_rectangle(
            [cx - hw * 0.7, by + W * 0.05, cx + hw * 0.7, y_bot - W * 0.03], radius=3, fill=255
        )
    )
    img[im] = img[im] * 0.35
    plate_col = rng.choice([(235, 235, 230), (30, 60, 160), (230, 200, 40)])
    pw, ph = W * 0.26, W * 0.075
    px0, py0 = cx - pw / 2, by - ph * 0.3
    plate = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    pd = ImageDraw.Draw(plate)
    pd.rectangle([px0, py0, px0 + pw, py0 + ph], fill=tuple(int(v) for v in plate_col))
    ink = (245, 245, 245) if plate_col[0] < 100 else (20, 20, 25)
    for k in range(6):
        pd.rectangle([px0 + 2 + k * (pw - 4) / 6, py0 + 2, px0 + (k + 0.7) * (pw - 4) / 6, py0 + ph - 2], fill=ink)
    img = np.asarray(plate, np.float32).copy()
    return img


def _finish(img, rng, light: float, road, size: int) -> np.ndarray:
    """Lighting, a small rotation and scale jitter, blur, downsampling to ``size`` and sensor noise."""
    # lighting, blur, downsample, jitter (scale + small rotation) and sensor noise
    img = img * light + rng.normal(0, 4, 3)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    out = out.rotate(rng.normal(0, 2.0), resample=Image.BILINEAR, fillcolor=tuple(int(v) for v in road * light))
    scale = rng.uniform(0.95, 1.08)
    c = S * scale
    off = (S - c) / 2
    out = out.transform(
        (S, S),
        Image.EXTENT,
        (off, off, off + c, off + c),
        Image.BILINEAR,
        fillcolor=tuple(int(v) for v in road * light),
    )
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))
    out = out.resize((size, size), Image.LANCZOS)
    arr = np.asarray(out, np.float32) + rng.normal(0, rng.uniform(1, 5), (size, size, 3))
    return np.clip(arr + 0.5, 0, 255).astype(np.uint8)


def render_car(seed: int, size: int = 32) -> np.ndarray:
    """One car front: uint8 (size, size, 3)."""
    rng = np.random.default_rng(seed)
    body_name = rng.choice(list(BODIES), p=[0.34, 0.2, 0.26, 0.12, 0.08])
    roof_h, ws_h, hood_h, fas_h, roof_w = BODIES[body_name]
    if body_name == "taxi":
        paint = np.array((225, 185, 20), np.float32)
    else:
        colours, weights = zip(*PAINTS)
        paint = np.array(colours[rng.choice(len(colours), p=np.array(weights) / sum(weights))], np.float32)
    paint = np.clip(paint * rng.uniform(0.85, 1.1) + rng.normal(0, 6, 3), 0, 255)
    light = rng.uniform(0.55, 1.15)  # overall exposure; low = dusk
    night = light < 0.68

    img, road = _background(rng)
    g = _geometry(rng, body_name)
    _body(img, g, body_name, paint)
    img = _windscreen(img, g, rng, paint)
    img, ly, lh = _headlamps(img, g, rng, night)
    img = _grille(img, g, rng, ly, lh)
    img = _bumper(img, g, rng)
    return _finish(img, rng, light, road, size)


def render_many(n: int, seed: int = 0, size: int = 32) -> np.ndarray:
    """uint8 (n, size, size, 3): images for seeds seed .. seed + n - 1."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    seeds = range(seed, seed + n)
    if n < 256:
        return np.stack([render_car(s, size) for s in seeds])
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as ex:
        return np.stack(list(ex.map(render_car, seeds, [size] * n, chunksize=256)))
