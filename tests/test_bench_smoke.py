"""`python -m bench --smoke` runs every benchmark and prints one table with every row, floors and ratios
included. No timing is asserted."""
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
@pytest.mark.timeout(1800)  # two Gradio servers and AppTest pages: slow on a busy 2-core machine
def test_bench_smoke_prints_every_row(tmp_path):
    out = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--out", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=1750)
    assert out.returncode == 0, out.stderr[-3000:]
    table = (tmp_path / "results_smoke.md").read_text()
    for row in ("batch 1 latency", "batch 64 throughput", "core.nn.conv.conv2d forward", "core.nn.conv.conv2d backward",
                "dashboard floor", "dashboard worst page", "Gradio floor", "Gradio /predict_digit under load"):
        assert row in table, f"missing row {row!r}:\n{table}"
    assert "× floor" in table and "of floor" in table  # figures are also printed as ratios to their floors
    assert "FAILED" not in table


PAGE_WITH_A_FRAGMENT = '''
from pathlib import Path
import streamlit as st

log = Path(__file__).with_suffix(".log")
with log.open("a") as f:
    f.write("page\\n")


@st.fragment
def part():
    with log.open("a") as f:
        f.write("fragment\\n")
    st.slider("inside", 0, 10, 1, key="inside")


part()
st.slider("outside", 0, 10, 1, key="outside")
'''


def test_bench_reruns_a_widget_in_a_fragment_as_a_browser_does(tmp_path):
    """A widget inside an st.fragment reruns that fragment alone (the browser sends its fragment id;
    AppTest alone would rerun the whole script), every other widget the whole page."""
    from bench.bench_dashboard import bench_page

    page = tmp_path / "page.py"
    page.write_text(PAGE_WITH_A_FRAGMENT)
    r = bench_page(page, timeout=60)
    assert not r["error"]
    assert r["in_fragment_by_widget"] == {"slider inside": True, "slider outside": False}
    runs = page.with_suffix(".log").read_text().split()
    # first render, the fragment alone, the full rerun that restores the page, the outside widget's
    # rerun, a new session: the page body ran 4 times, the fragment once more than that
    assert runs.count("page") == 4 and runs.count("fragment") == 5, runs
