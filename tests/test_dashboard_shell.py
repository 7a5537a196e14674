"""The dashboard shell: navigation renders in both languages; the translation table is complete."""
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import LANGS, STRINGS, translate
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app.py")


@pytest.mark.parametrize("lang", LANGS)
def test_home_renders(lang):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == translate("app.title", lang)


def test_every_string_has_both_languages():
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGS), key
        assert all(isinstance(v, str) and v.strip() for v in entry.values()), key


def test_unknown_key_and_lang_are_clear_errors():
    with pytest.raises(KeyError, match="no translation"):
        translate("nope.nothing")
    with pytest.raises(ValueError, match="lang must be one of"):
        translate("app.title", "fr")
