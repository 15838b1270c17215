"""The Gradio pieces the tabs share: the queue pools, sliders and API endpoints made from the
library's own signatures and ranges, image inputs that open only uploads, the sketch canvas,
result files in Gradio's cache, animations, the "no weights yet" note, the "how this model was
trained" panel and the live webcam."""

from __future__ import annotations

import functools
import inspect
import json
import typing
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import gradio as gr
from gradio import FileData, processing_utils, utils

from ganapp import models, weights
from ganapp.checks import Range
from ganapp.errors import GanappError
from ganapp.web import server
from ganapp.web.i18n import numbered, spanish, t

ROOT = Path(__file__).resolve().parent.parent.parent  # a checkout's root: the recipe files, when present
# Queue pools, so one kind of work never queues behind another, each with its own waiting places
# (server.POOL_WAITING); at most two heavy jobs share the CPU at once (README, "Load and limits").
STYLE = dict(concurrency_limit=1, concurrency_id="style")  # Gatys optimisation: seconds to minutes
IMAGE = dict(concurrency_limit=1, concurrency_id="image")  # one pass of an image-to-image network: ~1 s
LIGHT = dict(concurrency_limit=server.PNG_CONCURRENCY, concurrency_id="light")  # small generators: ms
SEARCH = dict(concurrency_limit=1, concurrency_id="search")  # a latent search: up to a minute


def default(fn: Callable, name: str):
    """The default of parameter ``name`` of the library function ``fn``: the one source of defaults."""
    return inspect.signature(fn).parameters[name].default


def slider(fn: Callable, name: str, bounds: Range, label: str, **kwargs) -> gr.Slider:
    """A slider for parameter ``name`` of ``fn``: its range and step from ``bounds`` (what the library
    checks), its value from ``fn``'s default; ``label`` (English) is translated."""
    kwargs.setdefault("value", default(fn, name))
    return gr.Slider(bounds.lo, bounds.hi, step=bounds.step, label=t(label), **kwargs)


def endpoint(name: str, files: tuple[str, ...] = ()) -> Callable:
    """The library function ``ganapp.<name>`` as an API and MCP endpoint with the same parameters,
    defaults, types and docstring (looked up per request, so the current function answers): the
    parameters named in ``files`` take uploads (FileData; anything else is refused by
    :func:`client_path`), and its PIL image result comes back as a PNG file; a generator function
    streams its images. Errors become sentences (server.user_errors)."""
    import ganapp

    fn = getattr(ganapp, name)
    hints = typing.get_type_hints(fn)
    params = [p.replace(annotation=FileData if p.name in files else hints.get(p.name, p.annotation))
              for p in inspect.signature(fn).parameters.values()]  # fmt: skip
    streams = inspect.isgeneratorfunction(fn)
    returns = Iterator[FileData] if streams else FileData
    signature = inspect.Signature(params, return_annotation=returns)

    def arguments(args, kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        for file in files:
            bound.arguments[file] = client_path(bound.arguments[file])
        return bound.args, bound.kwargs

    if streams:

        def call(*args, **kwargs):
            args, kwargs = arguments(args, kwargs)
            for item in getattr(ganapp, name)(*args, **kwargs):
                yield result_file(item)
    else:

        def call(*args, **kwargs):
            args, kwargs = arguments(args, kwargs)
            return result_file(getattr(ganapp, name)(*args, **kwargs))

    functools.update_wrapper(call, fn, assigned=("__module__", "__name__", "__qualname__", "__doc__"), updated=())
    call.__signature__ = signature
    call.__annotations__ = {p.name: p.annotation for p in params} | {"return": returns}
    return server.user_errors(call)


def ImageInput(**kwargs) -> gr.Image:  # named like the component class it returns
    """A gr.Image whose upload reaches ganapp as the file's path, untouched: decoding and all
    sanitising happen in ganapp.imaging, so a hostile file gets our sentence instead of a
    PIL error from inside Gradio (which would also show a server path). The path must be an
    upload (ganapp.server.client_file). Overriding ``preprocess`` on the instance keeps the
    component a plain gr.Image for the frontend."""
    image = gr.Image(type="filepath", image_mode=None, format="png", **kwargs)
    default = image.preprocess

    def preprocess(payload):
        if payload is None or (payload.url and payload.url.startswith("data:")):
            return default(payload)
        return client_path(payload)

    image.preprocess = preprocess
    return image


def sketch_canvas(**kwargs) -> gr.Sketchpad:
    """The sketch -> building canvas: 512 px, a thin black brush for lines and a palette for colour
    strokes (ganapp.models.pix2pix.colour)."""
    from ganapp.models.pix2pix.colour import PALETTE

    return gr.Sketchpad(
        label=t("Draw"),
        type="pil",
        canvas_size=(512, 512),
        fixed_canvas=True,
        height=360,
        brush=gr.Brush(default_size=4, colors=list(PALETTE), color_mode="defaults"),
        layers=False,
        **kwargs,
    )


def client_path(file: FileData | dict | str | None) -> str | None:
    """A client's file argument (the uploaded file's FileData) -> its path for ganapp; a file
    the client did not upload is refused with a sentence."""
    try:
        return server.client_file(file)
    except GanappError as e:
        raise gr.Error(str(e)) from None


def result_file(image) -> FileData:
    """A PIL image (or the first of a tuple, e.g. a streamed (image, status)) -> a PNG file in
    Gradio's cache, returned to the API client as a file."""
    if isinstance(image, tuple):
        image = image[0]
    return FileData(path=processing_utils.save_pil_to_cache(image, utils.get_upload_folder(), format="png"))


def animation(frames) -> str:
    """PIL frames -> the path of an animated WebP (lossless, 12 frames/s, looping) in Gradio's cache."""
    path = Path(utils.get_upload_folder()) / f"anim-{uuid.uuid4().hex}" / "walk.webp"
    path.parent.mkdir(parents=True)
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=83, loop=0, lossless=True)
    return str(path)


def examples(rows: list[list[str]], inputs: list, output, fn: Callable, label: str) -> gr.Examples:
    """Shipped examples to click: ``fn``'s result for each is computed on its first click and cached
    (lazily: nothing runs at start-up). No column headers, which Gradio does not translate."""
    ex = gr.Examples(rows, inputs, output, fn=fn, cache_examples=True, cache_mode="lazy", label=t(label))
    ex.dataset.headers = []
    return ex


def sample_grid(label: str, elem_id: str) -> gr.Image:
    """The output of a generator tab: a PNG grid of small samples, scaled up without smoothing."""
    return gr.Image(
        label=t(label),
        height=520,
        format="png",
        interactive=False,
        scale=2,
        elem_id=elem_id,
        elem_classes="pixelated",
    )


def weights_note(key: str) -> None:
    if not weights.is_available(key):
        gr.Markdown(t("⚠️ **No weights yet.** {why}", why=weights.unavailable_message(key)), elem_classes="note")


def how_it_was_trained(key: str) -> None:
    """The tab's "How this model was trained" accordion, from the shipped weights folder: the run's
    length, the card's own numbers, the timelapse of its samples and its losses (or why there is
    none), and the recipe file that made it. Nothing for weights loaded from the Hub."""
    folder = weights.local_dir(key)
    if folder is None or weights.hub_source(key) is not None:
        return
    spec = models.spec(key)
    train = _json(folder / "training.json")
    summary = _json(folder / "metrics.json").get("summary", {})
    options = train.get("train", {})
    with gr.Accordion(t("How this model was trained"), open=False):
        if options:
            gr.Markdown(
                t("{steps} steps ({epochs} epochs planned) at batch size {batch} on a {device}; {images} training "
                  "images.", steps=train.get("steps", "?"), epochs=options.get("epochs"),
                  batch=options.get("batch_size"), device=train.get("device", "?"), images=train.get("images", "?")),
                elem_classes="note",
            )  # fmt: skip
            if train.get("dataset_note"):
                gr.Markdown(t(train["dataset_note"]), elem_classes="note")
        numbers = [(name, summary[name]) for name in spec.eval_metrics if name in summary]
        if numbers:
            head = t("| measured on held-out data | |\n|---|---|")
            gr.Markdown(str(head) + "\n" + "\n".join(f"| {n} | {v} |" for n, v in numbers))
        lapse = train.get("timelapse")
        with gr.Row():
            if lapse:
                gr.Image(str(folder / lapse["file"]), label=t("Samples after each epoch"), interactive=False)
                if lapse.get("loss_plot"):
                    gr.Image(str(folder / lapse["loss_plot"]), label=t("Losses"), interactive=False)
            else:
                gr.Image(str(folder / "samples.png"), label=t("Samples of these weights"), interactive=False)
                gr.Markdown(t("No timelapse: these weights were exported before the trainer kept one, and their "
                              "run's per-epoch samples are not kept."), elem_classes="note")  # fmt: skip
        recipe = ROOT / spec.recipe
        if recipe.is_file():
            gr.Code(recipe.read_text(), label=f"{spec.recipe} · {spec.make_command}", language=None)


def _json(path: Path) -> dict:
    return json.loads(path.read_text()) if path.is_file() else {}


def discriminator_note(key: str):
    """One sentence on how well the shipped discriminator tells held-out real images from generated ones
    (metrics.json), and whether it was trained after the generator; None when not measured."""
    folder = weights.local_dir(key)
    judged = _json(folder / "metrics.json").get("discriminator") if folder else None
    if not judged:
        return None
    values = dict(accuracy=judged["accuracy"], real=judged["mean_p_real_of_real"],
                  fake=judged["mean_p_real_of_generated"])  # fmt: skip
    if "trained" in judged:  # a fresh discriminator against the frozen generator (train/frozen_judge.py)
        return t("This discriminator was trained after the generator, against it frozen (the one the generator "
                 "played against was not kept). On held-out images it is right {accuracy:.0%} of the time: mean "
                 "P(real) {real:.2f} for real ones, {fake:.2f} for the generator's.", **values)  # fmt: skip
    return t("On held-out images this discriminator is right {accuracy:.0%} of the time: mean P(real) {real:.2f} "
             "for real ones, {fake:.2f} for the generator's.", **values)  # fmt: skip


def _judge_intro(key: str, lesson: str) -> bool:
    """The start of a "What the discriminator sees" accordion: ``lesson`` (English) for a student, and
    whether the weights ship a discriminator (a sentence says so when they do not)."""
    gr.Markdown(t(lesson), elem_classes="note")
    if not weights.has_discriminator(key):
        gr.Markdown(t("These weights ship no discriminator, so there is nothing to judge with."), elem_classes="note")
        return False
    return True


def discriminator_view(key: str, lesson: str, judge_grid, grid_inputs: list, judge_image, image_inputs: list) -> None:
    """The "What the discriminator sees" accordion of a generator tab: ``lesson`` (English) for a
    student; a button that judges the generator's own grid (``judge_grid`` on ``grid_inputs``, the
    tab's own controls) and an upload judged by ``judge_image`` (the image, then ``image_inputs``);
    both show the verdicts laid over the images and their mean P(real). API: ``judge_<...>`` names
    of the two functions."""
    with gr.Accordion(t("What the discriminator sees"), open=False):
        if not _judge_intro(key, lesson):
            return
        if note := discriminator_note(key):
            gr.Markdown(note, elem_classes="note")
        with gr.Row():
            with gr.Column(scale=1):
                own = gr.Button(t("Judge the generator's images"), variant="primary")
                upload = ImageInput(label=t("…or an image of your own"), height=200, elem_id=f"{key}-judge-in")
                mine = gr.Button(t("Judge my image"))
            with gr.Column(scale=2):
                sheet = gr.Image(label=t("The discriminator's verdicts: P(real)"), format="png", interactive=False,
                                 show_label=False, elem_id=f"{key}-judge-out")  # fmt: skip
                gr.Markdown(t("Each bar: the discriminator's P(real), red near 0 (\"generated\"), green near 1 "
                              "(\"real\")."), elem_classes="note")  # fmt: skip
                mean = gr.Number(label=t("Mean P(real)"), precision=3, interactive=False, elem_id=f"{key}-judge-mean")
    own.click(server.user_errors(judge_grid), grid_inputs, [sheet, mean], api_name=judge_grid.__name__, **LIGHT)
    mine.click(server.user_errors(judge_image), [upload, *image_inputs], [sheet, mean], api_name=judge_image.__name__,
               **LIGHT)  # fmt: skip


def patch_map_view(key: str, lesson: str, judge, words: tuple[str, str, str, str], shown: list, shown_label: str):
    """The "What the discriminator sees" accordion of a PatchGAN tab: ``lesson`` (English) for a student,
    an upload judged by ``judge`` (the image -> the sheet of two patch maps, the mean P(real) of each)
    and the example images ``shown`` to click (``shown_label`` above them). ``words`` (English): the
    upload's label, the button's, and the labels of the two means. API: ``judge.__name__``."""
    upload_label, button, mine_label, theirs_label = words
    with gr.Accordion(t("What the discriminator sees"), open=False):
        if not _judge_intro(key, lesson):
            return
        with gr.Row():
            with gr.Column(scale=1):
                image = ImageInput(label=t(upload_label), height=240, elem_id=f"{key}-judge-in")
                go = gr.Button(t(button), variant="primary")
                mine = gr.Number(label=t(mine_label), precision=3, interactive=False, elem_id=f"{key}-judge-mine")
                theirs = gr.Number(label=t(theirs_label), precision=3, interactive=False,
                                   elem_id=f"{key}-judge-theirs")  # fmt: skip
            maps = gr.Image(format="png", interactive=False, show_label=False, scale=3, elem_id=f"{key}-judge-out")
        if note := discriminator_note(key):
            gr.Markdown(note, elem_classes="note")
        fn = server.user_errors(judge)
        if rows := [[str(p)] for p in shown if p.is_file()]:
            examples(rows, [image], [maps, mine, theirs], fn, shown_label)
    go.click(fn, [image], [maps, mine, theirs], api_name=judge.__name__, **IMAGE)


def lesson(key: str) -> None:
    """The tab's lesson (its model spec's), numbered steps in an accordion, when the model has one."""
    if steps := models.spec(key).lesson:
        with gr.Accordion(t("Lesson: open the box"), open=False):
            gr.Markdown(numbered(steps))


FIND = (
    "A generator turns a latent vector into an image. Can we go backwards? Give it an image: the search starts from "
    "the best of {candidates} random vectors and changes the vector step by step until the generator's image looks "
    "like yours. First try the generator's own image (it comes back almost exactly, above 20 dB), then a photo of "
    "something else: it comes back as the nearest image this model can make, because the model can only draw what "
    "it learned."
)


def latent_search(key: str, find, find_generated, walk_from, seed, seed_b) -> None:
    """The "Find it in the latent space" accordion of a generator tab: an upload (``find``) or the
    generator's own image of the tab's ``seed`` (``find_generated``) is searched for, the frames and
    the PSNR streaming as they improve; then the walk from what was found to ``seed_b``
    (``walk_from``). Searches have their own queue pool (SEARCH) and are bounded (ganapp.inversion)."""
    from ganapp import inversion

    with gr.Accordion(t("Find it in the latent space"), open=False):
        gr.Markdown(t(FIND, candidates=inversion.CANDIDATES), elem_classes="note")
        with gr.Row():
            with gr.Column(scale=1):
                own = gr.Button(t("Find the generator's own image (the seed above)"), variant="primary")
                upload = ImageInput(label=t("…or an image of your own"), height=200, elem_id=f"{key}-find-in")
                mine = gr.Button(t("Find my image"))
                steps = slider(find, "steps", inversion.STEPS, "Search steps")
            with gr.Column(scale=2):
                sheet = gr.Image(format="png", interactive=False, show_label=False, elem_id=f"{key}-find-out")
                gr.Markdown(t("Left to right: the image searched for, at the model's size; what the generator makes "
                              "from the best vector so far; their difference (white: far off); the PSNR as the "
                              "search goes (higher is closer; 20 dB and more reads as the same picture)."),
                            elem_classes="note")  # fmt: skip
                psnr = gr.Number(label=t("PSNR (dB)"), precision=1, interactive=False, elem_id=f"{key}-find-psnr")
                found = gr.State()
                walk = gr.Button(t("Walk from what was found to the end seed"))
                walked = gr.Image(format="png", interactive=False, show_label=False, elem_id=f"{key}-find-walk",
                                  elem_classes="pixelated")  # fmt: skip
    outs = [sheet, psnr, found]
    own.click(server.user_errors(find_generated), [seed, steps], outs, api_name=find_generated.__name__, **SEARCH)
    mine.click(server.user_errors(find), [upload, steps], outs, api_name=find.__name__, **SEARCH)
    scale = max(1, 128 // weights.load_model_config(key).image_size) if weights.is_available(key) else 1

    def walk_shown(latent, end):  # cells shown at about 128 px
        return walk_from(latent, end, scale=scale)

    walk.click(server.user_errors(walk_shown), [found, seed_b], walked, api_visibility="private", **LIGHT)


COPYING = (
    "A GAN that memorised its training images would only hand back copies. Here the first image of the seed above "
    "sits beside its nearest training images: by what they look like (VGG features, top row) and by their pixels "
    "(bottom row), each with its distance. Different pictures at a distance like the card's typical one mean the "
    "generator made something new."
)


def neighbours_view(key: str, fn, inputs: list) -> None:
    """The "Is it copying?" accordion: ``fn`` on the tab's ``inputs`` shows a generated image beside its
    nearest training images, with the card's memorisation figure to compare with."""
    from ganapp import neighbours

    with gr.Accordion(t("Is it copying?"), open=False):
        gr.Markdown(t(COPYING), elem_classes="note")
        try:
            index = neighbours.index_size(key) if neighbours.has_index(key) else None
        except GanappError:  # a Hub repo without one, or offline
            index = None
        if index is None:
            gr.Markdown(t("These weights ship no index of training images to compare with."), elem_classes="note")
            return
        folder = weights.local_dir(key)
        memo = _json(folder / "metrics.json").get("memorisation", {}) if folder else {}
        if memo:
            gr.Markdown(
                t("The card measured this on the generated images: each one's nearest training image is typically "
                  "{gen} away in pixels, and a real image the model never saw is {test} away from its nearest (ratio "
                  "{ratio}; near 1 means no copying). The index shipped here holds {shown:,} of the {of:,} training "
                  "images, so a neighbour shown may not be the very nearest of the whole set.",
                  gen=memo["median_nn_distance_generated_to_train"],
                  test=memo["median_nn_distance_test_to_train"], ratio=memo["ratio"], **index),
                elem_classes="note",
            )  # fmt: skip
        with gr.Row():
            with gr.Column(scale=1):
                go = gr.Button(t("Find the nearest training images"), variant="primary")
                near = gr.Number(label=t("Nearest distance in pixels"), precision=2, interactive=False,
                                 elem_id=f"{key}-copy-distance")  # fmt: skip
            sheet = gr.Image(format="png", interactive=False, show_label=False, scale=3, elem_id=f"{key}-copy-out")
    go.click(server.user_errors(fn), inputs, [sheet, near], api_name=fn.__name__, **LIGHT)


LIVE_SIZE = 256  # px, long side of a live frame: >= 8 frames/s on 2 CPU cores (python -m bench.webcam)
LIVE_SECONDS = 60  # one viewer streams at most this long at a time (then presses the button again)
LIVE = dict(concurrency_limit=1, concurrency_id="webcam")  # one stream at a time, its own waiting places
LIVE_TEXTS = {  # the live view's words, set by its script in the browser's language
    "start": "Start the live view",
    "stop": "Stop",
    "starting": "Connecting to the camera and the server…",
    "running": "Live: each camera frame is painted on the server and sent back as video.",
    "ended": "The live view stopped after {seconds} s; start it again to go on.",
    "failed": "The connection failed (a network may block WebRTC); use the camera below instead.",
    "need_image": "Choose the painting first.",
    "no_camera": "The browser gave no camera (allow it in the address bar), or this page is not on https.",
}
# the live view's client: the camera as a WebRTC track to POST webrtc/offer (ganapp.web.webrtc), the
# painted track back into the <video>; the view's images (e.g. the painting) go along as data: URLs
LIVE_JS = """
const es = (navigator.language || "en").toLowerCase().startsWith("es");
const T = es ? props.texts.es : props.texts.en;
const start = element.querySelector(".live-start"), stopButton = element.querySelector(".live-stop");
const video = element.querySelector("video"), note = element.querySelector(".live-note");
start.textContent = T.start; stopButton.textContent = T.stop;
let pc = null, camera = null, timer = null;
function stop(message) {
  clearTimeout(timer);
  if (pc) pc.close();
  if (camera) camera.getTracks().forEach((track) => track.stop());
  pc = camera = null; video.srcObject = null;
  note.textContent = message || ""; start.disabled = false; stopButton.disabled = true;
}
async function dataUrl(id) {
  const img = document.querySelector("#" + id + " img");
  if (!img || !img.src) throw new Error(T.need_image);
  const blob = await (await fetch(img.src)).blob();
  return await new Promise((ok) => {
    const reader = new FileReader();
    reader.onload = () => ok(reader.result);
    reader.readAsDataURL(blob);
  });
}
start.addEventListener("click", async () => {
  start.disabled = true; stopButton.disabled = false; note.textContent = T.starting;
  try {
    const images = await Promise.all(props.images.map(dataUrl));
    const ice = await (await fetch("webrtc/ice")).json();
    try {
      camera = await navigator.mediaDevices.getUserMedia({video: {width: {ideal: 320}, height: {ideal: 240}}});
    } catch (e) { return stop(T.no_camera); }
    pc = new RTCPeerConnection({iceServers: ice.ice});
    camera.getTracks().forEach((track) => pc.addTrack(track, camera));
    pc.ontrack = (e) => { video.srcObject = e.streams[0] || new MediaStream([e.track]); };
    pc.onconnectionstatechange = () => { if (pc && pc.connectionState === "failed") stop(T.failed); };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((ok) => {
      if (pc.iceGatheringState === "complete") return ok();
      pc.onicegatheringstatechange = () => { if (pc.iceGatheringState === "complete") ok(); };
      setTimeout(ok, 3000);
    });
    const answer = await fetch("webrtc/offer", {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({view: props.view, type: "offer", sdp: pc.localDescription.sdp, images})});
    const reply = await answer.json();
    if (!answer.ok) return stop(reply.error);
    await pc.setRemoteDescription({type: reply.type, sdp: reply.sdp});
    note.textContent = T.running;
    timer = setTimeout(() => stop(T.ended.replace("{seconds}", reply.seconds)), reply.seconds * 1000);
  } catch (e) { stop(String((e && e.message) || e)); }
});
stopButton.addEventListener("click", () => stop(""));
"""
LIVE_HTML = """
<div class="live-webrtc">
  <div style="display:flex; gap:8px; margin-bottom:6px">
    <button class="live-start" style="flex:2">Start</button>
    <button class="live-stop" style="flex:1" disabled>Stop</button>
  </div>
  <video autoplay playsinline muted style="width:100%; max-height:360px; background:#222; border-radius:6px"></video>
  <p class="live-note" style="font-size:0.9em; opacity:0.85; margin:4px 0"></p>
</div>
"""


LIVE_CSS = """
button {padding: 8px; border-radius: var(--button-large-radius); font-weight: var(--button-large-text-weight)}
.live-start {background: var(--button-primary-background-fill); color: var(--button-primary-text-color)}
.live-stop {background: var(--button-cancel-background-fill); color: var(--button-cancel-text-color)}
button:disabled {opacity: 0.5}
"""


def live_webcam(paint, extra_inputs: list, elem_id: str, image_ids: tuple[str, ...] = ()) -> None:
    """A "Live webcam" accordion: the camera as WebRTC video (ganapp.web.webrtc): every frame painted
    by ``paint(frame, *images)`` at the server's pace, for at most LIVE_SECONDS; ``image_ids``: the
    elem ids of the image inputs whose pictures go along (e.g. the painting). Below it, the same
    through Gradio's streaming image (``paint(frame, *extra_inputs)``, about 5 frames a second),
    which works on every network. Frames are sanitised like uploads."""
    from ganapp.web import webrtc

    webrtc.register(elem_id, paint, len(image_ids), LIVE_SECONDS)
    with gr.Accordion(t("Live webcam"), open=False):
        gr.Markdown(
            t("Start the live view: your camera's frames go to the server as video, each is painted at {size} px "
              "and comes back as video, for up to {seconds} s at a time (two viewers at once share the painter).",
              size=LIVE_SIZE, seconds=LIVE_SECONDS),
            elem_classes="note",
        )  # fmt: skip
        texts = {"en": LIVE_TEXTS, "es": {k: spanish(v) for k, v in LIVE_TEXTS.items()}}
        gr.HTML(html_template=LIVE_HTML, css_template=LIVE_CSS, js_on_load=LIVE_JS, elem_id=f"{elem_id}-webrtc",
                view=elem_id, images=list(image_ids), texts=texts)  # fmt: skip
        gr.Markdown(
            t("If the live view does not start (some networks block WebRTC), this camera works everywhere, at about "
              "5 frames a second (one viewer at a time; others wait their turn)."),
            elem_classes="note",
        )  # fmt: skip
        with gr.Row():
            # an ImageInput like every other: a frame that names a file must name an upload
            cam = ImageInput(sources=["webcam"], streaming=True, label=t("Webcam"), elem_id=f"{elem_id}-cam")
            out = gr.Image(label=t("Painted, live"), format="jpeg", interactive=False, elem_id=f"{elem_id}-live",
                           elem_classes="fill")  # fmt: skip
    cam.stream(server.user_errors(paint), [cam, *extra_inputs], out, stream_every=0.2, time_limit=LIVE_SECONDS,
               api_name=f"{elem_id}_live", api_visibility="private", **LIVE)  # fmt: skip
