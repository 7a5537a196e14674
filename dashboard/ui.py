"""Shared bits of every page: language, page header, "show the code", Altair defaults.

Pages import from here and from ``core``; they never compute anything themselves.
"""
from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, LANGS, translate

ROOT = Path(__file__).resolve().parent.parent
# Not "pages/": Streamlit still maps a URL like /linear_regression onto a legacy pages/ folder on a
# fresh load, running the page without app.py (no navigation, no language switch).
PAGES_DIR = Path(__file__).resolve().parent / "lessons"


def demo_url() -> str:
    """The Gradio demo's address: ``$DEMO_URL``, else the local demo on ``$DEMO_PORT`` (7860)."""
    return os.environ.get("DEMO_URL", f"http://localhost:{os.environ.get('DEMO_PORT', '7860')}")


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


def _exercise_text(ex) -> dict:
    """Format values of an exercise: its numbers plus the words some templates need
    (``task_text``, ``kind_text``, ``why`` for the page-1 task question)."""
    values = dict(ex.given) | dict(ex.steps)
    if "task" in values:
        values["task_text"] = t(f"ex.task.{values['task']}")
    if "kind" in values:
        values["kind_text"] = t(f"ex.choice.{values['kind']}")
        values["why"] = t(f"ex.why.{values['kind']}")
    return values


def self_check(page_id: str) -> None:
    """"Check yourself" at the end of a lecture page: the page's exercises from
    ``core.nn.exercises`` with fresh numbers, typed answers graded at once, the worked solution
    (numbers from ``core``), and a "new numbers" button. Widget keys: ``check<page>_*``."""
    import secrets

    from core.nn.exercises import check, for_page

    seed_key = f"check{page_id}_seed"
    if seed_key not in st.session_state:  # fresh numbers for every learner
        st.session_state[seed_key] = secrets.randbelow(1_000_000)
    seed = int(st.session_state[seed_key])
    exercises = for_page(page_id, seed)
    if not exercises:
        return
    st.divider()
    st.subheader(t("ui.check.title"))
    st.caption(t("ui.check.intro"))
    for i, ex in enumerate(exercises):
        values = _exercise_text(ex)
        prefix = f"check{page_id}_{i}_{seed}"
        with st.container(border=True):
            st.markdown(f":blue-badge[{i + 1}] " + t(f"{ex.key}.q", **values))
            with st.form(key=f"{prefix}_form", border=False):
                typed: dict[str, object] = {}
                cols = st.columns(max(len(ex.answers), 2))
                for col, name in zip(cols, ex.answers, strict=False):
                    label = t(f"{ex.key}.f.{name}")
                    if ex.choices:
                        labels = {c: t(f"ex.choice.{c}") for c in ex.choices}
                        pick = col.radio(label, ex.choices, index=None, format_func=labels.get,
                                         key=f"{prefix}_{name}", horizontal=True)
                        typed[name] = None if pick is None else ex.choices.index(pick)
                    else:
                        typed[name] = col.text_input(label, key=f"{prefix}_{name}",
                                                     placeholder=t("ui.check.integer") if ex.decimals == 0
                                                     else t("ui.check.decimals", d=ex.decimals))
                submitted = st.form_submit_button(t("ui.check.submit"))
            if submitted:
                st.session_state[f"{prefix}_graded"] = typed
            graded = st.session_state.get(f"{prefix}_graded")
            if graded is None:
                continue
            grade = check(ex, graded)
            if grade.all_right:
                st.success(t("ui.check.right"), icon=":material/check_circle:")
            elif len(grade.missing) == len(ex.answers):
                st.warning(t("ui.check.missing"))
                continue
            else:
                lines = []
                for name, ok in grade.right.items():
                    label = t(f"{ex.key}.f.{name}")
                    if ex.choices:
                        got = "—" if graded.get(name) is None else t(f"ex.choice.{ex.choices[graded[name]]}")
                        want = t(f"ex.choice.{ex.choices[int(ex.answers[name])]}")
                    else:
                        got = str(graded.get(name) or "—")
                        want = number(float(ex.answers[name]), max(ex.decimals, 0))
                    lines.append(t("ui.check.field_right" if ok else "ui.check.field_wrong",
                                   label=label, got=got, want=want))
                st.error(t("ui.check.wrong") + "  \n" + "  \n".join(lines), icon=":material/cancel:")
            st.markdown(f":material/lightbulb: {t('ui.check.solution')}  \n" + t(f"{ex.key}.sol", **values))

    def new_numbers() -> None:
        st.session_state[seed_key] = secrets.randbelow(1_000_000)

    st.button(t("ui.check.new"), key=f"check{page_id}_new", on_click=new_numbers,
              icon=":material/casino:")


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


def configure_altair() -> None:
    """Process-wide Altair settings, made once before any page runs (app.py; idempotent):

    - :func:`chart_theme`, registered and enabled;
    - no schema validation in the running app: Altair checks every object against the Vega-Lite
      JSON schema as it is built (its "debug mode"), and the whole spec again when Streamlit
      converts the chart (~12 ms a chart here, ~100 ms of a rerun with eight charts). The specs are
      fixed code, and the tests draw every page with validation on (``DL_VALIDATE_CHARTS=1``, set
      by tests/conftest.py, keeps it);
    - one index of Altair's schema classes per process: every string encoding (``y="p:Q"``,
      ``tooltip=["x"]``) makes Altair rebuild an index of its ~6,000 schema classes, hashing each
      class's schema as JSON (~9 ms each time here; vega/altair#3547 proposes building it once).
      On the card viewer of page 16 that was 11 rebuilds, a third of the rerun
      (``python -m bench.bench_dashboard --pages 16 --profile``). The index depends only on the
      classes, so it is built once per set of classes and shared.
    """
    import altair as alt
    from altair.utils import schemapi

    if os.environ.get("DL_VALIDATE_CHARTS") != "1":
        alt.utils.schemapi.disable_debug_mode()
        for top in (alt.TopLevelMixin, alt.Chart):  # the classes whose to_dict validates by default
            validated_to_dict = top.__dict__["to_dict"]
            if not getattr(validated_to_dict, "_dl_unvalidated", False):
                top.to_dict = _unvalidated(validated_to_dict)
    if CHART_THEME not in alt.theme.names():
        alt.theme.register(CHART_THEME, enable=False)(lambda: alt.theme.ThemeConfig(chart_theme()))
    alt.theme.enable(CHART_THEME)

    from_dict = schemapi._FromDict
    if getattr(from_dict, "_dl_indexes", None) is None:
        build = from_dict.__init__
        indexes: dict[tuple, dict] = {}

        def __init__(self, wrapper_classes, /) -> None:  # noqa: N807 - replaces _FromDict.__init__
            classes = tuple(wrapper_classes)
            index = indexes.get(classes)
            if index is None:
                build(self, classes)
                indexes[classes] = self.class_dict
            else:
                self.class_dict = index

        from_dict.__init__ = __init__
        from_dict._dl_indexes = indexes


def _unvalidated(to_dict: Callable) -> Callable:
    """``to_dict`` with ``validate=False`` as its default (an explicit ``validate=True`` still checks)."""
    def unvalidated_to_dict(self, validate: bool = False, **kwargs) -> dict:
        return to_dict(self, validate, **kwargs)

    unvalidated_to_dict._dl_unvalidated = True
    return unvalidated_to_dict


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
