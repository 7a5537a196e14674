"""Dashboard speed: each page's first render and its widget reruns, through Streamlit's AppTest,
as ratios to the floor — an empty page run through the same AppTest path in the same process.

Pages are whatever ``dashboard.ui.page_files()`` finds (inserted pages such as ``10a_*`` included),
plus the home page through ``app.py``. Per page:

- **first**: the first render in this process (cold ``st.cache_*`` caches: the process's first visitor);
- **new session**: the same page in a fresh AppTest afterwards (warm process-wide caches: every later
  visitor, since ``st.cache_data``/``st.cache_resource`` are shared by all sessions);
- **reruns**: the first widget of each kind on the page (slider, select-slider, selectbox, number
  input, toggle, checkbox, radio) is moved one step and the page rerun; the worst one is reported.
  AppTest always reruns the whole script (it sends no fragment id), so for a widget inside an
  ``st.fragment`` this is an upper bound: in a browser only the fragment reruns.

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


def bench_page(path: Path, timeout: float = 180, profile: bool = False, kinds: int | None = None) -> dict:
    """Time one page: first render, a new session's render, and one rerun per widget kind (the first
    ``kinds`` kinds found, all by default)."""
    from streamlit.testing.v1 import AppTest

    profiles: dict[str, str] = {}

    def run(at, what: str) -> float:
        if not profile:
            return _timed_run(at)
        with _profiling_script_thread() as got:
            s = _timed_run(at)
        if got:
            profiles[what] = _top(got[-1])
        return s

    at = AppTest.from_file(str(path), default_timeout=timeout)
    first = run(at, "first render")
    error = bool(at.exception)
    reruns = {}
    for kind in WIDGET_KINDS:
        if kinds is not None and len(reruns) >= kinds:
            break
        widgets = getattr(at, kind)
        if not widgets:
            continue
        w = widgets[0]
        name = f"{kind} {w.key or w.label}"
        before = w.value
        try:
            if not _nudge(w, kind):
                continue
            w._widget_state  # noqa: B018 - AppTest serialises the new value here; fails for some format_funcs
        except Exception:  # noqa: BLE001 - a widget AppTest cannot drive is skipped, not fatal
            w.set_value(before)
            continue
        reruns[name] = run(at, f"rerun {name}")
        error = error or bool(at.exception)
    if not reruns:  # no widget: a plain rerun, as when the user presses R
        reruns["(no widget: plain rerun)"] = run(at, "plain rerun")
    fresh = AppTest.from_file(str(path), default_timeout=timeout)
    new_session = _timed_run(fresh)
    worst = max(reruns, key=reruns.get)
    return {"page": path.stem, "first_render_s": first, "new_session_s": new_session,
            "rerun_s": reruns[worst], "widget": worst, "reruns_s": reruns,
            "error": error or bool(fresh.exception), "profiles": profiles}


def floor(repeats: int = 5) -> dict:
    """An empty page through the same AppTest path: median first run (fresh AppTest each time) and rerun."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
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
    # Warm the imports a running server has already paid for after its first visitor (pages import
    # these at the top). Lazy imports inside a page's first computation (e.g. torch's meta-device
    # kernels on page 15) are not warmed: the "first" column pays them, "new session" does not.
    import altair  # noqa: F401
    import pandas  # noqa: F401
    import torch  # noqa: F401

    import core  # noqa: F401

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
