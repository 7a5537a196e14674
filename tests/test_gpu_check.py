"""core.pipeline.gpu_check (issue 16 §3): the no-GPU answer and the whole flow on the CPU."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.pipeline import gpu_check

from .conftest import ROOT, write_idx_mnist


def test_without_cuda_it_says_why_and_exits_zero(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(gpu_check, "cuda_reason", lambda: "no CUDA device: test")
    out = tmp_path / "gc"
    assert gpu_check.main(["--out", str(out)]) == 0
    assert "skipped, no CUDA device: test" in capsys.readouterr().out
    assert not out.exists()                       # nothing written without a GPU


def test_shell_wrapper_without_cuda_exits_zero(tmp_path):
    """The wrapper on this machine (no GPU): the reason, status 0 (skipped when a GPU is present)."""
    if gpu_check.cuda_reason() is None:
        pytest.skip("a CUDA device is present")
    write_idx_mnist(tmp_path / "data", 64, 32)
    r = subprocess.run(["bash", str(ROOT / "scripts" / "gpu_check.sh"), "--data-dir", str(tmp_path / "data"),
                        "--out", str(tmp_path / "gc")], capture_output=True, text=True, timeout=300,
                       env={"PYTHON": sys.executable, "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stdout and "CUDA" in r.stdout


@pytest.mark.slow
def test_cpu_flow_from_a_pack_trains_exports_serves_and_reports(tmp_path):
    """--device cpu --limit: pack → unpack → train mnist → export (full card) → ORT providers read
    back → timings → report.json, in one folder."""
    data = write_idx_mnist(tmp_path / "data", 256, 64)
    from PIL import Image

    for i, side in enumerate(("Cat", "Dog") * 2):          # the pack wants photos too (4 tiny ones)
        (data / "PetImages" / side).mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (40, 30), (40 * i, 90, 200)).save(data / "PetImages" / side / f"{i}.jpg")
    pack = tmp_path / "pack"
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "pack_data.py"), "pack", "--data-dir", str(data),
                        "--out", str(pack)], capture_output=True, text=True, timeout=300,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    out = tmp_path / "gc"
    rc = gpu_check.main(["--device", "cpu", "--limit", "128", "--epochs", "1", "--tasks", "mnist",
                         "--pack", str(pack), "--out", str(out), "--repeats", "2"])
    assert rc == 0
    report = json.loads((out / "report.json").read_text())
    assert report["ok"] and report["device"] == "cpu" and report["amp"] is False
    m = report["models"]["mnist"]
    assert m["serve"]["cpu"]["runs_on"] == "CPUExecutionProvider"
    assert set(m["serve"]["cpu"]["ms"]) == {"batch1", "batch64"}
    assert "cuda" not in m["serve"]
    assert (out / "models" / "mnist.onnx").is_file()
    from core.serve.card import load_card

    card = load_card(out / "models" / "mnist.json")          # the export contract holds
    assert card["training"]["limit"] == 128
    assert (out / "data" / "MNIST" / "raw" / "train-images-idx3-ubyte").is_file()
