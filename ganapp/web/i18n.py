"""The app's words in English (the default) and Spanish, through Gradio's own ``gr.I18n``.

The tabs write their texts in English and wrap them in :func:`t`; the Spanish for each English
text is :data:`ES` in :mod:`ganapp.web.i18n_es`, keyed by that English text. The browser's
language picks one (Gradio translates labels, texts, buttons and notes in the page). Texts made
while a request runs (status lines, the web layer's own error sentences) are chosen by
:func:`say` from the request's ``Accept-Language``.
"""

from __future__ import annotations

import hashlib

import gradio as gr
from gradio.i18n import I18nData

from ganapp.web.i18n_es import ES

LANGUAGES = ("en", "es")
# key -> text, per language: every text the tabs asked for (filled while the page is built)
TRANSLATIONS: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
MISSING: set[str] = set()  # English texts with no Spanish yet (a test keeps this empty)


def _fill(text: str, values: dict) -> str:
    return text.format(**values) if values else text


def spanish(text: str, **values) -> str:
    """The Spanish of the English ``text`` (a template of ``values``), or the English when it has none."""
    if text not in ES:
        MISSING.add(text)
    return _fill(ES.get(text, text), values)


def _register(english: str, spanish_text: str) -> I18nData:
    key = "t" + hashlib.sha1(english.encode()).hexdigest()[:12]
    TRANSLATIONS["en"][key] = english
    TRANSLATIONS["es"][key] = spanish_text
    return I18nData(key)


def t(text: str, **values) -> I18nData:
    """A text of the page in the browser's language: ``text`` is the English (a ``str.format``
    template when ``values`` are given), registered with its Spanish under a short key."""
    return _register(_fill(text, values), spanish(text, **values))


def numbered(texts) -> I18nData:
    """English texts as one numbered Markdown list in the browser's language (a page text is one key:
    the page does not translate keys joined into a longer string)."""

    def listed(items):
        return "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))

    return _register(listed(texts), listed(spanish(x) for x in texts))


def i18n() -> gr.I18n:
    """The translations of every text registered so far (build the page first)."""
    return gr.I18n(**TRANSLATIONS)


def language(request: gr.Request | None) -> str:
    """``es`` when the request's browser prefers Spanish to English, else ``en``."""
    header = (request.headers.get("accept-language", "") if request is not None else "") or ""
    for part in header.split(","):
        lang = part.split(";")[0].strip().lower()[:2]
        if lang in LANGUAGES:
            return lang
    return "en"


def say(request: gr.Request | None, text: str, **values) -> str:
    """``text`` (English, a template of ``values``) in the request's language, for texts made
    while a request runs."""
    return spanish(text, **values) if language(request) == "es" else _fill(text, values)
