"""``torchrun --nproc_per_node=2 -m core.pipeline.train``: DistributedDataParallel over gloo on the CPU (issue 6).

Both ranks must end with bit-identical weights (each writes a SHA-256 of its state dict) and
rank 0 writes the usual outputs. Uses the tiny synthetic MNIST of tests/test_train.py.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from tests.conftest import write_idx_mnist

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_two_gloo_ranks_end_with_identical_weights(tmp_path):
    data = write_idx_mnist(tmp_path / "data", n_train=128, n_test=32)
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
           "-m", "core.pipeline.train", "mnist", "--epochs", "2", "--batch-size", "32", "--lr", "5e-3",
           "--device", "cpu", "--data-dir", str(data), "--out", str(out)]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    res = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    d0, d1 = (out / "weights_rank0.sha256").read_text(), (out / "weights_rank1.sha256").read_text()
    assert len(d0) == 64 and d0 == d1
    final = torch.load(out / "final.pt", weights_only=True)
    from core.pipeline.train import state_digest

    assert state_digest(final["state_dict"]) == d0
    tr = final["training"]
    assert tr["device"] == "cpu x2 (DDP)" and tr["command"].startswith("torchrun --nproc_per_node=2 -m core.pipeline.train")
    # 128 images, global batch 32 → each rank takes 16 per step over its 64 images: 4 steps an epoch
    ck = torch.load(out / "checkpoint.pt", weights_only=True)
    assert ck["scheduler"]["last_epoch"] == 2 * 4 and len(ck["aug_rng"]) == 2
    assert not torch.equal(ck["aug_rng"][0], ck["aug_rng"][1])   # ranks augment differently
