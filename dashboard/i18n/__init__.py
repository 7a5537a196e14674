"""The dashboard's one translation table: every interface string, Korean first, English alongside.

The table is assembled from per-section parts so that pages can grow independently:
``common`` (shell and home page), ``ml`` (pages 1–8), ``nn`` (pages 9–16). A key may appear
in one part only (checked at import). Each entry is ``{"ko": ..., "en": ...}``.
"""
from __future__ import annotations

from . import common, extras, ml, nn, playground

LANGS = ("ko", "en")
DEFAULT_LANG = "ko"


def _merge(*parts: dict) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for part in parts:
        dup = table.keys() & part.STRINGS.keys()
        if dup:
            raise KeyError(f"translation keys defined twice: {sorted(dup)}")
        table.update(part.STRINGS)
    return table


STRINGS = _merge(common, ml, nn, extras, playground)


def translate(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """Look up ``key`` in ``lang`` and ``str.format`` it with ``fmt``. Unknown keys raise KeyError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    try:
        text = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no translation for {key!r} in {lang!r}") from None
    return text.format(**fmt) if fmt else text
