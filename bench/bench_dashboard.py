"""Dashboard speed: each page's first render and a slider rerun, through Streamlit's AppTest.

Targets (issue 8/9): first render ≤ 2 s, slider rerun ≤ 300 ms on a 2-core CPU. The heavy imports
(torch, core) are warmed up once before timing, as they are in a running server after its first visitor.

    python -m bench.bench_dashboard [--smoke]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _nudge_first_slider(at) -> str | None:
    """Move the first plain (non-range) numeric slider one step; return its key or label, None if none.

    Select-sliders are left alone: AppTest shows their formatted labels, not their option values.
    """
    for s in at.slider:
        v = s.value
        if isinstance(v, (tuple, list)):
            continue
        step = s.step or 1
        new = v + step if v + step <= s.max else v - step
        s.set_value(type(v)(new) if isinstance(v, int) else new)
        return s.key or s.label
    return None


def bench_page(path: Path, timeout: float = 120) -> dict:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=timeout)
    t0 = time.perf_counter()
    at.run()
    first = time.perf_counter() - t0
    widget = _nudge_first_slider(at)
    t0 = time.perf_counter()
    at.run()
    rerun = time.perf_counter() - t0
    return {"page": path.stem, "first_render_s": first, "rerun_s": rerun,
            "widget": widget or "(no slider: plain rerun)", "error": bool(at.exception)}


def run(smoke: bool = False) -> list[dict]:
    import torch  # noqa: F401

    import core  # noqa: F401 - warm the imports a running server has already paid for
    from dashboard.ui import page_files

    # the home page links to the lessons through st.navigation, so it is measured through app.py
    pages = [ROOT / "dashboard" / "app.py", *page_files()]
    if smoke:
        pages = pages[:3]
    return [bench_page(p) for p in pages]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true")
    for row in run(p.parse_args().smoke):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
