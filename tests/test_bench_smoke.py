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
