"""The app in two languages: every text the page registers has its Spanish, and the texts made
while a request runs follow the browser's preferred language."""

from types import SimpleNamespace

import pytest

from ganapp.web import i18n


def test_every_text_of_the_page_has_its_spanish():
    import app

    i18n.MISSING.clear()
    app.build_demo()
    english, spanish = i18n.TRANSLATIONS["en"], i18n.TRANSLATIONS["es"]
    assert len(english) > 80 and set(english) == set(spanish)
    assert i18n.MISSING == set()
    # a translation is a translation: only names and numbers may read the same in both
    same = [english[k] for k in english if english[k] == spanish[k]]
    assert set(same) <= {"Van Gogh", "PSNR (dB)"}, same


@pytest.mark.parametrize(
    "header,lang",
    [("es-ES,es;q=0.9,en;q=0.8", "es"), ("en-US,en;q=0.9,es;q=0.8", "en"), ("fr-FR,es;q=0.5", "es"), ("", "en")],
)
def test_the_request_language_is_the_first_known_one_the_browser_prefers(header, lang):
    request = SimpleNamespace(headers={"accept-language": header})
    assert i18n.language(request) == lang


def test_texts_made_during_a_request_follow_its_language():
    es = SimpleNamespace(headers={"accept-language": "es"})
    line = "{state}: step {step:,}, {seconds:.0f} s. The discriminator believes real images are real {real:.2f}, " \
           "generated ones {fake:.2f}."  # fmt: skip
    values = dict(state="Done", step=1200, seconds=12.4, real=0.61, fake=0.42)
    assert i18n.say(None, line, **values).startswith("Done: step 1,200, 12 s.")
    assert i18n.say(es, line, **values).startswith("Done: paso 1,200, 12 s. El discriminador cree")
