"""Dashboard speed: each page's first render and its widget reruns, through Streamlit's AppTest,
as ratios to the floor — an empty page run through the same AppTest path in the same process.

Pages are whatever ``dashboard.ui.page_files()`` finds (inserted pages such as ``10a_*`` included),
plus the home page through ``app.py``. Per page:

- **first**: the first render in this process (cold ``st.cache_*`` caches: the process's first visitor);
- **new session**: the same page in a fresh AppTest afterwards (warm process-wide caches: every later
  visitor, since ``st.cache_data``/``st.cache_resource`` are shared by all sessions);
- **reruns**: every widget on the page (slider, select-slider, selectbox, number input, toggle,
  checkbox, radio) is moved one step, one at a time, and the page rerun as a browser would rerun it:
  a widget inside an ``st.fragment`` reruns only its fragment (the bench reads each widget's fragment
  id from the page's messages and sends it, as the browser does; AppTest alone cannot), any other
  widget reruns the whole script. The worst widget is reported; ``page_rerun_s`` is the same widget's
  whole-script rerun, the cost when a fragment is not used.

Targets (issue 17): every widget rerun ≤ 150 ms and every first render ≤ 1,000 ms on a 2-core machine
whose empty page reruns in about 20 ms. The heavy imports (torch, core) are warmed up once before
timing, as they are in a running server after its first visitor. Not a pass/fail test.

    python -m bench.bench_dashboard [--smoke] [--pages 05 14] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RERUN_TARGET_MS, FIRST_TARGET_MS = 150, 1000
EMPTY_PAGE = "import streamlit as st\n"
WIDGET_KINDS = ("slider", "select_slider", "selectbox", "number_input", "toggle", "checkbox", "radio")


def _nudge(widget, kind: str) -> bool:
    """Move one widget one step as a user would; False when this widget cannot be nudged."""
    v = widget.value
    if kind == "slider":
        if isinstance(v, (tuple, list)):
            return False
        step = widget.step or 1
        new = v + step if v + step <= widget.max else v - step
        widget.set_value(type(v)(new) if isinstance(v, int) else new)
    elif kind == "select_slider":
        # AppTest lists the formatted labels; the neighbour's value is recovered for str-formatted
        # numbers (the common case), other select-sliders are skipped.
        if isinstance(v, (tuple, list)) or len(widget.options) < 2:
            return False
        i = widget.options.index(str(v)) if str(v) in widget.options else None
        if i is None:
            return False
        label = widget.options[i + 1] if i + 1 < len(widget.options) else widget.options[i - 1]
        try:
            widget.set_value(type(v)(label))
        except (TypeError, ValueError):
            return False
    elif kind in ("selectbox", "radio"):
        if len(widget.options) < 2:
            return False
        i = widget.index or 0
        j = i + 1 if i + 1 < len(widget.options) else i - 1
        if kind == "selectbox":
            widget.select_index(j)
        else:
            widget.set_value(widget.options[j])
    elif kind == "number_input":
        widget.increment()
    elif kind in ("toggle", "checkbox"):
        widget.set_value(not v)
    else:
        return False
    return True


def _nudged_states(at, widget, kind: str):
    """Every widget's state as the browser would send it after ``widget`` moved one step, or None
    when this widget cannot be moved. A selectbox whose ``format_func`` AppTest cannot invert
    (AppTest sets labels, then maps them back through the page's function) gets the neighbouring
    label written into its state directly: that label is what a browser sends."""
    before = widget.value
    try:
        if not _nudge(widget, kind):
            return None
        return at._tree.get_widget_states()
    except Exception:  # noqa: BLE001 - AppTest cannot serialise this value; see the fallback below
        widget._value = before
    if kind != "selectbox" or len(widget.options) < 2:
        return None
    try:
        i = widget.index or 0
    except ValueError:
        return None
    states = at._tree.get_widget_states()
    for state in states.widgets:
        if state.id == widget.id:
            state.string_value = widget.options[i + 1 if i + 1 < len(widget.options) else i - 1]
            return states
    return None


def _timed_run(at) -> float:
    t0 = time.perf_counter()
    at.run()
    return time.perf_counter() - t0


@contextmanager
def _profiling_script_thread():
    """Profile what the page's script does: AppTest runs it in a thread of its own, which a profiler
    enabled in the main thread never sees. Yields a list that receives one Profile per script run."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    original = ScriptRunner._run_script
    profiles: list[cProfile.Profile] = []

    def run_script(self, rerun_data):
        prof = cProfile.Profile()
        profiles.append(prof)
        prof.enable()
        try:
            return original(self, rerun_data)
        finally:
            prof.disable()

    ScriptRunner._run_script = run_script
    try:
        yield profiles
    finally:
        ScriptRunner._run_script = original


def _top(profile: cProfile.Profile, n: int = 25) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(n)
    return out.getvalue()


@contextmanager
def _fragment_runs():
    """Let AppTest do what a browser does: rerun only a fragment, and say which widget lives where.

    Yields ``(fragment_of, scope)``: ``fragment_of`` maps widget ids to their fragment id, filled from
    the forward messages of every run; setting ``scope[0]`` to a fragment id makes the next run a
    fragment-scoped rerun of that fragment alone (``RerunData.fragment_id_queue``, what the frontend
    sends for a widget inside a fragment)."""
    import dataclasses

    from streamlit.testing.v1.local_script_runner import LocalScriptRunner

    fragment_of: dict[str, str] = {}
    scope: list[str | None] = [None]
    original_run, original_request = LocalScriptRunner.run, LocalScriptRunner.request_rerun

    def request_rerun(self, rerun_data):
        accepted = original_request(self, rerun_data)
        if scope[0] is not None:
            # A fresh runner holds a pending full-app "initial" rerun that would absorb a fragment
            # request (a full rerun wins when two coalesce), so the pending request itself becomes
            # the widget's fragment rerun: what a browser's rerun request for a widget in a fragment
            # carries (its fragment id; not a user-scoped st.rerun).
            requests = self._requests
            with requests._lock:
                requests._rerun_data = dataclasses.replace(
                    requests._rerun_data, fragment_id=None, fragment_id_queue=[scope[0]],
                    is_fragment_scoped_rerun=False)
        return accepted

    def run(self, *args, **kwargs):
        tree = original_run(self, *args, **kwargs)
        for msg in self.forward_msgs():
            if msg.HasField("delta") and msg.delta.fragment_id:
                element = msg.delta.new_element
                kind = element.WhichOneof("type")
                widget_id = getattr(getattr(element, kind), "id", "") if kind else ""
                if isinstance(widget_id, str) and widget_id:
                    fragment_of[widget_id] = msg.delta.fragment_id
        return tree

    LocalScriptRunner.run, LocalScriptRunner.request_rerun = run, request_rerun
    try:
        with _one_script_cache():
            yield fragment_of, scope
    finally:
        LocalScriptRunner.run, LocalScriptRunner.request_rerun = original_run, original_request


@contextmanager
def _one_script_cache():
    """One compiled-script cache for every run, as a server has (``Runtime`` keeps one). AppTest makes
    a new one per run and so recompiles the page each time, Streamlit's "magic" AST rewrite included:
    20-50 ms of a big page's rerun that no browser ever waits for."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    modules = (app_test, local_script_runner)  # both make their own per run
    originals = [m.ScriptCache for m in modules]
    for m in modules:
        m.ScriptCache = lambda: shared
    try:
        yield
    finally:
        for m, original in zip(modules, originals, strict=True):
            m.ScriptCache = original


def _widget_handles(at) -> list[tuple[str, str | None, int]]:
    """(kind, key, index) of every nudgeable widget on the page, in page order per kind."""
    return [(kind, w.key, i) for kind in WIDGET_KINDS for i, w in enumerate(getattr(at, kind))]


def _find(at, kind: str, key: str | None, index: int):
    widgets = getattr(at, kind)
    if key is not None:
        return next((w for w in widgets if w.key == key), None)
    return widgets[index] if index < len(widgets) else None


def bench_page(path: Path, timeout: float = 180, profile: bool = False, kinds: int | None = None) -> dict:
    """Time one page: first render, a new session's render, and a rerun per widget (only the first
    widget of the first ``kinds`` kinds found, when given: the smoke run)."""
    from streamlit.testing.v1 import AppTest

    profiles: dict[str, str] = {}

    def run(at, what: str, states=None) -> float:
        """One timed run: ``at.run()``, or with these widget states (``at._run``)."""
        go = at.run if states is None else (lambda: at._run(states))
        if not profile:
            t0 = time.perf_counter()
            go()
            return time.perf_counter() - t0
        with _profiling_script_thread() as got:
            t0 = time.perf_counter()
            go()
            s = time.perf_counter() - t0
        if got:
            profiles[what] = _top(got[-1])
        return s

    with _fragment_runs() as (fragment_of, scope):
        at = AppTest.from_file(str(path), default_timeout=timeout)
        first = run(at, "first render")
        error = bool(at.exception)
        handles = _widget_handles(at)
        if kinds is not None:
            seen: list[str] = []
            handles = [h for h in handles if h[0] not in seen and not seen.append(h[0])][:kinds]
        reruns, page_reruns, in_fragment, skipped = {}, {}, {}, []
        for kind, key, index in handles:
            w = _find(at, kind, key, index)
            if w is None:
                continue
            name = f"{kind} {w.key or w.label}"
            states = _nudged_states(at, w, kind)
            if states is None:
                skipped.append(name)
                continue
            fragment = fragment_of.get(w.id)
            if fragment is not None:
                # the browser's rerun: this fragment alone; then the whole page once (untimed), with
                # every widget's state, so that the next widget finds the full element tree again
                # (AppTest's runner forgets the widgets a fragment run did not draw, a browser does not)
                scope[0] = fragment
                try:
                    reruns[name] = run(at, f"fragment rerun {name}", states)
                finally:
                    scope[0] = None
                error = error or bool(at.exception)
                t0 = time.perf_counter()
                at._run(states)
                page_reruns[name] = time.perf_counter() - t0
            else:
                reruns[name] = page_reruns[name] = run(at, f"rerun {name}", states)
            in_fragment[name] = fragment is not None
            error = error or bool(at.exception)
        if not reruns:  # no widget: a plain rerun, as when the user presses R
            name = "(no widget: plain rerun)"
            reruns[name] = page_reruns[name] = run(at, "plain rerun")
            in_fragment[name] = False
        fresh = AppTest.from_file(str(path), default_timeout=timeout)
        new_session = _timed_run(fresh)
    worst = max(reruns, key=reruns.get)
    return {"page": path.stem, "first_render_s": first, "new_session_s": new_session,
            "rerun_s": reruns[worst], "widget": worst, "in_fragment": in_fragment[worst],
            "page_rerun_s": page_reruns[worst], "reruns_s": reruns, "page_reruns_s": page_reruns,
            "in_fragment_by_widget": in_fragment,
            "widgets": len(reruns), "skipped": skipped, "error": error or bool(fresh.exception), "profiles": profiles}


def floor(repeats: int = 5) -> dict:
    """An empty page through the same AppTest path: median first run (fresh AppTest each time) and rerun."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp, _one_script_cache():
        page = Path(tmp) / "empty.py"
        page.write_text(EMPTY_PAGE)
        firsts, reruns = [], []
        for _ in range(repeats):
            at = AppTest.from_file(str(page), default_timeout=60)
            firsts.append(_timed_run(at))
            reruns.append(_timed_run(at))
    return {"first_render_s": statistics.median(firsts), "rerun_s": statistics.median(reruns)}


def pages(smoke: bool = False, only: list[str] | None = None) -> list[Path]:
    from dashboard.ui import page_files, page_number

    # the home page links to the lessons through st.navigation, so it is measured through app.py
    found = [ROOT / "dashboard" / "app.py", *page_files()]
    if only:
        found = [p for p in found if p.stem == "app" and "app" in only
                 or p.stem != "app" and page_number(p) in only]
    return found[:2] if smoke else found


def run(smoke: bool = False, only: list[str] | None = None, profile: bool = False,
        progress: Callable[[str], None] | None = None) -> dict:
    """``{"floor": floor(), "pages": [bench_page(p) …]}``; each page row also carries its ratios."""
    # Warm what a running server has already paid for after its first visitor: the imports pages
    # make at the top, and what app.py warms up once per process (Altair settings, torch's lazy
    # meta-device imports for page 15's summaries). Every page's own caches stay cold: "first" pays
    # them, "new session" does not.
    import altair  # noqa: F401
    import pandas  # noqa: F401
    import torch  # noqa: F401

    import core  # noqa: F401
    from dashboard.ui import configure_altair

    configure_altair()  # process-wide Altair settings app.py makes before the first page runs
    from core.cnn.summary import warm_up

    warm_up()  # what app.py starts in a background thread when the server's first visitor arrives

    fl = floor(2 if smoke else 5)
    rows = []
    for p in pages(smoke, only):
        if progress:
            progress(p.stem)
        r = bench_page(p, profile=profile, kinds=1 if smoke else None)
        r["first_ratio"] = r["first_render_s"] / fl["first_render_s"]
        r["new_session_ratio"] = r["new_session_s"] / fl["first_render_s"]
        r["rerun_ratio"] = r["rerun_s"] / fl["rerun_s"]
        rows.append(r)
    fl_after = floor(2 if smoke else 5)  # the floor again: how much the machine's load moved meanwhile
    return {"floor": fl, "floor_after": fl_after, "pages": rows}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true")
    p.add_argument("--pages", nargs="*", default=None, help="page ids (05, 10a, app); default all")
    p.add_argument("--profile", action="store_true", help="print cProfile's top functions per run")
    args = p.parse_args(argv)
    r = run(args.smoke, args.pages, args.profile)
    fl = r["floor"]
    print(f"floor (empty page): first {fl['first_render_s'] * 1e3:.0f} ms · rerun {fl['rerun_s'] * 1e3:.0f} ms; "
          f"after the pages: first {r['floor_after']['first_render_s'] * 1e3:.0f} ms · "
          f"rerun {r['floor_after']['rerun_s'] * 1e3:.0f} ms")
    for row in r["pages"]:
        for what, text in row.pop("profiles").items():
            print(f"----- {row['page']}: {what}\n{text}")
        print(json.dumps(row))


if __name__ == "__main__":
    main()
