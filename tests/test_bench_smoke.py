"""`python -m bench --smoke` runs every benchmark and prints one table with every row."""
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_bench_smoke_prints_every_row(tmp_path):
    out = subprocess.run([sys.executable, "-m", "bench", "--smoke", "--out", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stderr[-3000:]
    table = (tmp_path / "results_smoke.md").read_text()
    for row in ("batch 1 latency", "batch 64 throughput", "core.nn.conv.conv2d", "dashboard worst page",
                "Gradio end to end"):
        assert row in table, f"missing row {row!r}:\n{table}"
    assert "FAILED" not in table
