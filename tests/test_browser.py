"""A real browser: headless Chromium (Debian's, driven by Playwright) against `python app.py`
started as a user starts it. Opens every tab, runs each model on its example inputs, waits
for the output image (or the model's clear 'no weights' message) and saves screenshots to
artifacts/screenshots/."""

import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-fake-device-for-media-stream",  # a fake camera (a test pattern), allowed without a prompt
    "--use-fake-ui-for-media-stream",
]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")


@pytest.fixture(scope="module")
def page(live_app):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1000}, permissions=["camera"])
        pg.goto(live_app)
        pg.wait_for_selector("text=ganapp", timeout=30_000)
        yield pg
        browser.close()


def open_tab(page, name):
    page.get_by_role("tab", name=name).click()
    page.wait_for_timeout(300)


def wait_for_output(page, elem_id, timeout=120_000):
    page.wait_for_selector(f"#{elem_id} img", timeout=timeout)


def output_image(page, elem_id) -> np.ndarray:
    """The image an output component shows, fetched as the browser fetched it."""
    src = page.locator(f"#{elem_id} img").get_attribute("src")
    return np.asarray(Image.open(io.BytesIO(page.request.get(src).body())).convert("RGB")).astype(float)


def set_slider(page, label, value):
    box = page.locator(f"input[aria-label='number input for {label}']:visible").first  # the box beside the slider
    box.fill(str(value))
    box.press("Enter")


def test_style_tab(page):
    open_tab(page, "Style transfer")
    page.screenshot(path=SHOTS / "1_style_empty.png", full_page=True)
    page.get_by_text("Examples (click to load)").scroll_into_view_if_needed()
    page.locator("tr.tr-body:visible").first.click()
    page.wait_for_selector("#style-content img", timeout=30_000)
    page.locator("#style-presets button.thumbnail-item:visible").nth(3).click()  # a painting from the gallery
    page.wait_for_timeout(1000)
    page.get_by_role("button", name="Fast stylise").click()
    wait_for_output(page, "style-out", timeout=60_000)
    page.screenshot(path=SHOTS / "1_style_fast.png", full_page=True)
    set_slider(page, "Output size (long side, px)", 128)
    set_slider(page, "Steps below full size (network passes per scale)", 10)
    page.get_by_role("button", name="Stylise (Gatys)").click()
    page.wait_for_selector("text=done", timeout=120_000)
    page.screenshot(path=SHOTS / "1_style_result.png", full_page=True)


def test_vangogh_tab(page):
    open_tab(page, "Van Gogh")
    if page.get_by_text("No weights yet").count():
        page.screenshot(path=SHOTS / "2_vangogh_no_weights.png", full_page=True)
        pytest.skip("no van Gogh weights in this checkout")
    page.get_by_role("button", name="Lesson: open the box").click()  # every step shows as text
    page.get_by_text("Turn The Starry Night into a photo").wait_for(timeout=10_000)
    assert "translation_metadata" not in page.inner_text("body")
    page.locator("button.gallery-item:visible").first.click()  # one-input examples are a gallery
    page.wait_for_selector("#vangogh-in img", timeout=30_000)
    set_slider(page, "Output size (long side, px)", 256)
    page.get_by_role("button", name="Paint", exact=True).click()
    wait_for_output(page, "vangogh-out")
    page.screenshot(path=SHOTS / "2_vangogh_result.png", full_page=True)


def test_pix2pix_tab(page):
    open_tab(page, "Sketch → building")
    page.get_by_role("button", name="Build from drawing").click()
    page.wait_for_selector("text=The canvas is empty", timeout=20_000)
    if page.get_by_text("No weights yet").count():
        page.screenshot(path=SHOTS / "3_pix2pix_no_weights.png", full_page=True)
        pytest.skip("no pix2pix weights in this checkout")
    canvas = page.locator("#pix2pix-canvas canvas").first
    box = canvas.bounding_box()
    page.locator("#pix2pix-canvas button[aria-label='Brush']").first.click()
    # the 512 px drawing area is shown zoomed out in the middle of the canvas element: draw there
    x0, y0 = box["x"] + 0.25 * box["width"], box["y"] + 0.2 * box["height"]
    w, h = 0.5 * box["width"], 0.6 * box["height"]

    def line(a, b):
        page.mouse.move(x0 + a[0] * w, y0 + a[1] * h)
        page.mouse.down()
        page.mouse.move(x0 + b[0] * w, y0 + b[1] * h, steps=8)
        page.mouse.up()

    for a, b in [
        ((0.2, 0.35), (0.5, 0.12)),
        ((0.5, 0.12), (0.8, 0.35)),
        ((0.2, 0.35), (0.8, 0.35)),
        ((0.25, 0.35), (0.25, 0.9)),
        ((0.75, 0.35), (0.75, 0.9)),
        ((0.25, 0.9), (0.75, 0.9)),
        ((0.45, 0.9), (0.45, 0.65)),
        ((0.45, 0.65), (0.55, 0.65)),
        ((0.55, 0.65), (0.55, 0.9)),
    ]:
        line(a, b)
    for wx in (0.32, 0.6):  # two windows
        line((wx, 0.45), (wx + 0.1, 0.45)), line((wx + 0.1, 0.45), (wx + 0.1, 0.55))
        line((wx + 0.1, 0.55), (wx, 0.55)), line((wx, 0.55), (wx, 0.45))
    page.get_by_role("button", name="Build from drawing").click()
    wait_for_output(page, "pix2pix-out")
    page.screenshot(path=SHOTS / "3_pix2pix_result.png", full_page=True)
    plain = output_image(page, "pix2pix-out")
    page.locator("#pix2pix-canvas button[aria-label='Color']").first.click()
    page.locator("#pix2pix-canvas button.color[style*='160, 67, 42']").first.click()  # the palette's brick red
    page.locator("#pix2pix-canvas button[aria-label='Brush']").first.click()
    for a, b in [((0.3, 0.4), (0.7, 0.4)), ((0.3, 0.78), (0.42, 0.78)), ((0.58, 0.78), (0.7, 0.78))]:
        line(a, b)  # colour strokes on the walls
    page.get_by_role("button", name="Build from drawing").click()
    page.wait_for_function(
        "src => document.querySelector('#pix2pix-out img')?.src !== src",
        arg=page.locator("#pix2pix-out img").get_attribute("src"),
        timeout=120_000,
    )
    page.screenshot(path=SHOTS / "3_pix2pix_colour_strokes.png", full_page=True)

    def wall_red(x):  # red minus blue in the middle of the output: the walls, between windows and door
        h, w = x.shape[:2]
        walls = x[int(0.45 * h) : int(0.85 * h), int(0.35 * w) : int(0.65 * w)]
        return (walls[..., 0] - walls[..., 2]).mean()

    red = [wall_red(x) for x in (plain, output_image(page, "pix2pix-out"))]
    assert red[1] > red[0] + 25, red  # the walls took the strokes' colour


def test_cars_tab(page):
    open_tab(page, "Car generator")
    page.get_by_role("button", name="Generate").first.click()
    wait_for_output(page, "cars-out")
    page.screenshot(path=SHOTS / "4_cars.png", full_page=True)
    page.locator("button:visible", has_text="How this model was trained").click()  # the run, numbers, recipe
    page.wait_for_selector("text=train/cars/recipes/default.toml", timeout=10_000)
    page.screenshot(path=SHOTS / "4_cars_how_trained.png", full_page=True)
    find_own_image_and_walk(page, "cars", "4_cars_find.png")


def find_own_image_and_walk(page, key, shot):
    """The latent search on the generator's own image streams up past 20 dB; the walk starts there."""
    page.locator("button:visible", has_text="Find it in the latent space").click()
    page.locator("button:visible", has_text="Find the generator's own image").click()
    page.wait_for_function(
        f"() => parseFloat(document.querySelector('#{key}-find-psnr input')?.value || '0') >= 20", timeout=120_000
    )
    page.locator("button:visible", has_text="Walk from what was found").click()
    wait_for_output(page, f"{key}-find-walk")
    page.screenshot(path=SHOTS / shot, full_page=True)


def test_faces_tab(page):
    if not (ROOT / "weights" / "faces" / "generator.weights.h5").is_file():
        pytest.skip("no shipped faces weights")
    open_tab(page, "Cartoon faces")
    page.get_by_role("button", name="Generate").first.click()
    wait_for_output(page, "faces-out")
    page.screenshot(path=SHOTS / "4_faces.png", full_page=True)
    page.get_by_role("button", name="Walk", exact=True).first.click()
    page.wait_for_timeout(1500)
    wait_for_output(page, "faces-out")
    page.screenshot(path=SHOTS / "4_faces_walk.png", full_page=True)
    page.locator("button:visible", has_text="How this model was trained").click()  # the timelapse and losses
    page.wait_for_selector("text=train/faces/recipes/default.toml", timeout=10_000)
    page.screenshot(path=SHOTS / "4_faces_how_trained.png", full_page=True)
    find_own_image_and_walk(page, "faces", "4_faces_find.png")


def test_cgan_tab(page):
    open_tab(page, "Conditional GAN")
    page.get_by_role("button", name="All classes").click()
    wait_for_output(page, "cgan-out")
    page.screenshot(path=SHOTS / "5_cgan.png", full_page=True)
    if (ROOT / "weights" / "cgan" / "discriminator.weights.h5").is_file():  # what the discriminator sees
        page.locator("button:visible", has_text="What the discriminator sees").click()
        page.get_by_role("button", name="Judge the generator's images").click()
        wait_for_output(page, "cgan-judge-out")
        mean = float(page.locator("#cgan-judge-mean input").input_value())
        assert 0 < mean < 1
        page.screenshot(path=SHOTS / "5_cgan_discriminator.png", full_page=True)
    page.locator("button:visible", has_text="Is it copying?").click()  # the nearest training garments
    page.locator("button:visible", has_text="Find the nearest training images").click()
    wait_for_output(page, "cgan-copy-out")
    assert 0 < float(page.locator("#cgan-copy-distance input").input_value()) < 20
    page.screenshot(path=SHOTS / "5_cgan_copying.png", full_page=True)


def output_src(page, elem_id) -> str:
    return page.locator(f"#{elem_id} img").first.get_attribute("src") or ""


def test_play_with_latents_styles_and_methods(page):
    """The morph, the walk animation, two mixed paintings and the methods compared, in the page."""
    open_tab(page, "Conditional GAN")
    before = output_src(page, "cgan-out")
    page.get_by_role("button", name="Morph").click()
    page.wait_for_function(f"document.querySelector('#cgan-out img')?.src !== {before!r}", timeout=60_000)
    page.screenshot(path=SHOTS / "5_cgan_morph.png", full_page=True)
    open_tab(page, "Car generator")
    page.get_by_role("button", name="Animate the walk").click()
    page.wait_for_function("(document.querySelector('#cars-out img')?.src || '').includes('.webp')", timeout=60_000)
    page.screenshot(path=SHOTS / "4_cars_walk_animation.png", full_page=True)
    open_tab(page, "Style transfer")
    page.locator("button:visible", has_text="Mix two paintings").click()
    page.locator("#style-presets button.thumbnail-item:visible").nth(4).click()  # style 1: a gallery painting
    page.wait_for_timeout(500)
    page.locator("#style-second input[type=file]").set_input_files(str(ROOT / "weights/style/presets/great_wave.jpg"))
    page.wait_for_selector("#style-second img", timeout=30_000)
    before = output_src(page, "style-out")
    page.get_by_role("button", name="Fast stylise with both").click()
    page.wait_for_function(f"document.querySelector('#style-out img')?.src !== {before!r}", timeout=60_000)
    page.screenshot(path=SHOTS / "1_style_mix.png", full_page=True)
    open_tab(page, "Van Gogh")
    if page.get_by_text("No weights yet").count():
        pytest.skip("no van Gogh weights in this checkout")
    page.locator("button:visible", has_text="Compare methods on this photo").click()
    page.get_by_role("button", name="Compare (about half a minute)").click()
    page.wait_for_selector("#vangogh-compare img", timeout=180_000)
    page.wait_for_timeout(500)
    page.locator("#vangogh-compare").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "2_vangogh_compare.png", full_page=True)
    assert page.locator("#vangogh-compare img").count() == 3
    assert page.locator("#vangogh-compare-times").inner_text().count(" s") >= 3


def test_live_webcam_paints_changing_frames(page):
    """Chromium's fake camera in the van Gogh tab's live webcam: over WebRTC painted video plays at the live
    size; through the streaming fallback painted frames arrive and change."""
    open_tab(page, "Van Gogh")
    if page.get_by_text("No weights yet").count():
        pytest.skip("no van Gogh weights in this checkout")
    page.locator("button:visible", has_text="Live webcam").click()
    page.locator("#vangogh-webrtc .live-start").click()
    page.wait_for_function("document.querySelector('#vangogh-webrtc video').readyState >= 2", timeout=60_000)
    shown, width = page.evaluate(
        """async () => {
          const video = document.querySelector('#vangogh-webrtc video'), end = performance.now() + 20000;
          let n = 0;
          await new Promise((done) => {  // three new painted frames shown (or 20 s gone)
            const seen = (now) => { n++; if (n < 4 && now < end) video.requestVideoFrameCallback(seen); else done(); };
            video.requestVideoFrameCallback(seen);
          });
          return [n, video.videoWidth];
        }"""
    )
    page.locator("#vangogh-webrtc").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "2_vangogh_live_webrtc.png", full_page=True)
    assert shown >= 4 and width == 256, (shown, width)  # painted frames kept coming, at the live size
    page.locator("#vangogh-webrtc .live-stop").click()
    assert page.locator("#vangogh-webrtc video").evaluate("v => v.srcObject") is None
    page.locator("#vangogh-cam").get_by_text("Click to Access Webcam").click()
    page.locator("#vangogh-cam button[aria-label='capture photo']").click(timeout=20_000)  # start streaming
    page.wait_for_selector("#vangogh-live img", timeout=120_000)  # a busy machine: the first frame waits its turn
    seen = set()
    for _ in range(8):
        seen.add(output_src(page, "vangogh-live"))
        page.wait_for_timeout(750)
    page.locator("#vangogh-live").scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "2_vangogh_live_webcam.png", full_page=True)
    assert len(seen) >= 3, seen  # new painted frames kept arriving


def test_watch_a_gan_learn(page):
    """The live-training tab: Train streams new grids and both curves; Stop ends the run."""
    open_tab(page, "Watch a GAN learn")
    page.screenshot(path=SHOTS / "6_live_empty.png", full_page=True)
    set_slider(page, "Train for (s)", 10)
    page.locator("#live-train").click()
    page.wait_for_selector("#live-grid img", timeout=60_000)
    seen, status = set(), page.locator("#live-status")
    for _ in range(240):  # the first steps compile (tens of seconds on a busy machine), then a grid every second
        seen.add(page.locator("#live-grid img").first.get_attribute("src"))
        if "Done" in status.inner_text():
            break
        page.wait_for_timeout(500)
    seen.add(page.locator("#live-grid img").first.get_attribute("src"))
    assert len(seen) >= 3  # the grid kept changing as it learned
    page.wait_for_selector("#live-status:has-text('Done')", timeout=60_000)
    assert page.locator("#live-status").inner_text().count("step") == 1
    page.screenshot(path=SHOTS / "6_live_trained.png", full_page=True)
    page.locator("#live-train").click()  # a second run, stopped at once
    page.wait_for_selector("#live-status:has-text('Training')", timeout=60_000)
    page.locator("#live-stop").click()
    page.wait_for_timeout(1500)
    stopped = page.locator("#live-status").inner_text()
    page.wait_for_timeout(2000)
    assert page.locator("#live-status").inner_text() == stopped  # nothing arrives after Stop


SPANISH = {  # tab -> texts a Spanish browser must show on it (labels, buttons, notes)
    "Transferencia de estilo": ["Estilizar rápido", "Peso del contenido", "Mezclar dos cuadros", "Contenido"],
    "Van Gogh": ["Pintar", "Tamaño de salida (lado largo, px)", "Cámara en directo", "Cómo se entrenó este modelo"],
    "Boceto → edificio": ["Construir desde el dibujo", "Foto → boceto", "Dibuja un edificio"],
    "Coches": ["Semilla latente", "🎲 Semilla al azar", "Animar el paseo"],
    "GAN condicional": ["Todas las clases", "Hacia la clase", "Transformar"],
    "Una GAN aprende": ["Entrenar", "Suavizado de etiquetas", "Qué observar"],
}


def test_a_spanish_browser_sees_the_app_in_spanish(page, live_app):
    context = page.context.browser.new_context(viewport={"width": 1280, "height": 1000}, locale="es-ES")
    try:
        pg = context.new_page()
        pg.goto(live_app)
        pg.wait_for_selector("text=Mira qué hacen", timeout=30_000)
        assert pg.get_by_text("See what neural style transfer").count() == 0  # no English left on the page
        for i, (tab, texts) in enumerate(SPANISH.items()):
            pg.get_by_role("tab", name=tab).click()
            pg.wait_for_timeout(500)
            for text in texts:
                shown = pg.get_by_text(text).filter(visible=True).count()
                assert shown or pg.get_by_role("button", name=text).filter(visible=True).count(), text
            assert "__i18n__" not in pg.inner_text("body"), tab  # no untranslated key shows
            pg.screenshot(path=SHOTS / f"es_{i}.png", full_page=True)
    finally:
        context.close()
