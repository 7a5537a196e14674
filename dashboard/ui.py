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
    """Lecture pages in lecture order: ``lessons/NN_name.py``, plus ``lessons/NNa_name.py`` for a page
    inserted after page NN (e.g. ``10a_playground.py`` after ``10_xor.py``). File names are stable
    ids; the number shown to learners is the position in this list (:func:`page_label`)."""
    return sorted(PAGES_DIR.glob("[0-9][0-9]*_*.py"), key=lambda f: page_number(f))


def page_number(path: str | Path) -> str:
    """The page's id, the file name before the first ``_``: ``"05"``, ``"10a"``. Translation keys
    are ``p<id>.title`` etc."""
    return Path(path).stem.split("_", 1)[0]


def page_slug(path: str | Path) -> str:
    """The page's URL path: the file name after the first ``_`` (``10_xor.py`` -> ``xor``)."""
    return Path(path).stem.split("_", 1)[1]


def page_section(path: str | Path) -> str:
    """``"ml"`` for the lecture's machine-learning part (pages 1-8), else ``"nn"``."""
    return "ml" if int(page_number(path)[:2]) <= 8 else "nn"


def page_label(path: str | Path) -> str:
    """``"<position>. <title>"``: pages are numbered by their place in lecture order, so an inserted
    page renumbers the ones after it without renaming files or translation keys."""
    files = page_files()
    pos = [f.name for f in files].index(Path(path).name) + 1
    return f"{pos}. {t(f'p{page_number(path)}.title')}"


def erratum(lecture_said: str, correct: str, why: str = "") -> None:
    """The one callout for a slip in the lecture: what the lecture printed, the right value, and why.

    Every erratum on every page goes through here so that learners see them the same way
    ("강의 노트 바로잡기 · Lecture erratum"), and tests can find them (``st.warning`` with that title).
    Arguments are already translated strings (``t(...)``)."""
    body = (f"**{t('ui.erratum')}**  \n"
            f"{t('ui.erratum.lecture')}: {lecture_said}  \n"
            f"{t('ui.erratum.correct')}: {correct}")
    if why:
        body += f"  \n{why}"
    st.warning(body, icon=":material/edit_note:")


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


# ---------------------------------------------------------------- charts on any screen (phone to desktop)
CHART_THEME = "dl_part1"
MAP_KEY_PREFIX = "dlmap-"  # st.container keys of square maps (class st-key-dlmap-<key> in the page)


def chart_theme() -> dict:
    """Altair defaults for every chart: legends below the plot, laid out in rows.

    A legend on the right takes a fixed ~110 px; on a 390 px phone that is half the chart's width. Below
    the plot it costs a line or two of height instead, on every screen, so desktop and phone read alike."""
    return {"config": {"legend": {"orient": "bottom", "direction": "horizontal", "columns": 3,
                                  "symbolLimit": 0, "labelLimit": 160, "titleLimit": 300,
                                  "gradientLength": 180}}}


def enable_chart_theme() -> None:
    """Register and enable :func:`chart_theme` (idempotent; app.py calls it before any page runs)."""
    import altair as alt

    if CHART_THEME not in alt.theme.names():
        alt.theme.register(CHART_THEME, enable=False)(lambda: alt.theme.ThemeConfig(chart_theme()))
    alt.theme.enable(CHART_THEME)


def map_chart(chart, *, key: str, size: int = 400, window: tuple[float, float] | None = None) -> None:
    """Draw ``chart`` as a map: a square ``size`` × ``size`` plot (x and y in the same units).

    A stretched chart has a fixed height and the column's width, so a map turns into a strip on a
    phone and into a wide band on a desktop. This one keeps its square and, on a screen narrower than
    ``size``, shrinks as a whole (app.py's CSS); it sits in a container keyed ``dlmap-<key>``. ``window`` sets both
    axes' domain on every layer, e.g. to show a line that lies just outside the data's box. ``key``
    must be unique on the page."""
    import altair as alt

    if window is not None:
        for layer in getattr(chart, "layer", None) or [chart]:
            for ch in ("x", "y"):
                enc = getattr(layer.encoding, ch, alt.Undefined) if layer.encoding is not alt.Undefined \
                    else alt.Undefined
                if enc is not alt.Undefined:
                    enc.scale = alt.Scale(domain=list(window), nice=False)
    with st.container(key=f"{MAP_KEY_PREFIX}{key}"):
        # autosize "pad": width and height are the plot's (Streamlit's default "fit" would make them the
        # whole chart's, axes and legend included, and the plot would stop being square)
        st.altair_chart(chart.properties(width=size, height=size, autosize=alt.AutoSizeParams(type="pad")),
                        width="content")
