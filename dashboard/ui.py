"""Shared bits of every page: language, page header, "show the code", Altair defaults.

Pages import from here and from ``core``; they never compute anything themselves.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, LANGS, translate

ROOT = Path(__file__).resolve().parent.parent
# Not "pages/": Streamlit still maps a URL like /linear_regression onto a legacy pages/ folder on a
# fresh load, running the page without app.py (no navigation, no language switch).
PAGES_DIR = Path(__file__).resolve().parent / "lessons"


def lang() -> str:
    """The language chosen in the sidebar (``ko`` by default)."""
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **fmt) -> str:
    """Translate ``key`` into the current language."""
    return translate(key, lang(), **fmt)


def page_files() -> list[Path]:
    """Lecture pages in lecture order: ``lessons/NN_name.py``."""
    return sorted(PAGES_DIR.glob("[0-9][0-9]_*.py"))


def page_number(path: str | Path) -> str:
    return Path(path).stem[:2]


def header(num: str) -> None:
    """Title and introduction of page ``num`` (keys ``pNN.title`` and ``pNN.intro``)."""
    st.title(t(f"p{num}.title"))
    st.markdown(t(f"p{num}.intro"))


def show_code(*objects: Callable | type, label: str | None = None) -> None:
    """An expander with the source of the ``core`` functions or classes a page calls."""
    with st.expander(label or t("ui.show_code")):
        for obj in objects:
            mod = inspect.getmodule(obj)
            where = f"{mod.__name__}.{obj.__qualname__}" if mod else obj.__qualname__
            st.caption(where)
            st.code(inspect.getsource(obj), language="python")


def number(value: float, digits: int = 4) -> str:
    """Format a number for display: fixed digits, no scientific notation for ordinary sizes."""
    if value != value:  # NaN
        return "NaN"
    if abs(value) >= 1e6 or (value != 0 and abs(value) < 10 ** (-digits)):
        return f"{value:.{digits}e}"
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"
