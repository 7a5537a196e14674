"""Playground speed (page 10a): one animation frame of a 4×8 network on 500 points.

A frame is what the page's ``st.fragment(run_every=…)`` does while playing: one training epoch
(shuffled mini-batches of 10 through ``core.nn.mlp``) plus the redraw (snapshot, PNG neuron maps,
four Vega-Lite charts). Measured three ways, medians in milliseconds, all in the same run:

* ``core``: ``Playground.run(1)`` + ``snapshot()`` only (the math of a frame);
* ``frame``: a whole AppTest rerun of the page while playing — the full page, so an upper bound on
  the fragment-only rerun the browser triggers;
* ``empty``: an AppTest rerun of an empty Streamlit script, the floor any rerun pays here;

and ``ratio`` = frame / empty. Target (issue 15): frame ≤ 150 ms on a 2-core CPU.

    python -m bench.bench_playground [--smoke]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from bench.timing import median_ms

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "dashboard" / "lessons" / "10a_playground.py"
HIDDEN = (8, 8, 8, 8)


def _timed_runs(at, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1e3)
        if at.exception:
            raise RuntimeError(f"the playground page failed: {at.exception}")
    return statistics.median(times)


def run(smoke: bool = False) -> dict:
    from streamlit.testing.v1 import AppTest

    from core.nn.playground import Playground, make_dataset

    repeats = 3 if smoke else 15
    # core only: one epoch + what a frame draws
    pg = Playground(make_dataset("spiral", 500, noise=0.05, train_frac=0.5, seed=0), HIDDEN, "tanh",
                    optimizer="adam", lr=0.03, batch_size=10)
    core_ms = median_ms(lambda: (pg.run(1), pg.snapshot(36, 10)), repeats)

    empty = AppTest.from_string("import streamlit as st\n", default_timeout=120)
    empty.run()
    empty_ms = _timed_runs(empty, repeats)

    at = AppTest.from_file(str(PAGE), default_timeout=300)
    at.run()
    at.selectbox(key="p10a_data").set_value("spiral")
    at.slider(key="p10a_layers").set_value(len(HIDDEN))
    at.run()
    for i, w in enumerate(HIDDEN):
        at.slider(key=f"p10a_w{i}").set_value(w)
    at.run()
    at.button(key="p10a_play").click()
    at.run()  # playing from here on: every rerun trains one epoch and redraws
    at.run()  # warm-up: chart specs cached
    epoch0 = at.session_state["p10a_pg"].epoch
    frame_ms = _timed_runs(at, repeats)
    trained = at.session_state["p10a_pg"].epoch - epoch0
    return {"hidden": "x".join(map(str, HIDDEN)), "points": 500, "batch_size": 10,
            "epochs_per_frame": trained / repeats, "core_ms": core_ms, "frame_ms": frame_ms,
            "empty_rerun_ms": empty_ms, "ratio": frame_ms / empty_ms,
            "load_avg_1min": os.getloadavg()[0], "cpus": os.cpu_count()}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true")
    print(json.dumps(run(p.parse_args().smoke)))


if __name__ == "__main__":
    main()
