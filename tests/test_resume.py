"""Checkpoint/resume of core.pipeline.train: exact continuation, Ctrl-C, and SIGKILL mid-epoch (issues 6, 10).

All runs use the tiny synthetic MNIST of tests/test_train.py, so the data set is not needed.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from core.pipeline import train as T
from tests.conftest import write_idx_mnist

ROOT = Path(__file__).resolve().parent.parent
# mnist_net has BatchNorm, dropout (global RNG) and random affine augmentation (its own
# generator): every kind of state a resume has to restore.
BASE = ["mnist", "--epochs", "2", "--batch-size", "32", "--limit", "96", "--lr", "5e-3", "--device", "cpu"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return write_idx_mnist(tmp_path_factory.mktemp("data"), n_train=96, n_test=32)


def _final(out: Path) -> dict:
    return torch.load(out / "final.pt", weights_only=True)


@pytest.fixture(scope="module")
def uninterrupted(data_dir, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("full")
    assert T.main([*BASE, "--data-dir", str(data_dir), "--out", str(out)]) == 0
    return _final(out)


@pytest.mark.parametrize("stop_after", [2, 3], ids=["mid-epoch", "epoch-boundary"])
def test_resume_gives_the_same_weights_as_an_uninterrupted_run(uninterrupted, data_dir, tmp_path, stop_after):
    # 96 images / batch 32 = 3 steps per epoch: stopping after 2 steps is mid-epoch, after 3 at its end
    argv = [*BASE, "--data-dir", str(data_dir), "--out", str(tmp_path)]
    assert T.main([*argv, "--max-steps", str(stop_after)]) == 130
    ck = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    assert (ck["epoch"], ck["step"]) == divmod(stop_after, 3)
    assert not (tmp_path / "final.pt").exists()
    assert T.main([*argv, "--resume"]) == 0
    resumed = _final(tmp_path)
    assert T.state_digest(resumed["state_dict"]) == T.state_digest(uninterrupted["state_dict"])
    assert resumed["history"]["train_loss"] == uninterrupted["history"]["train_loss"]
    assert resumed["history"]["test_acc"] == uninterrupted["history"]["test_acc"]
    assert resumed["training"]["sessions"] == 2
    # the card names the command that reproduces the run, without the session-only flags
    assert resumed["training"]["command"] == " ".join(["python", "-m", "core.pipeline.train", *argv])


def test_resume_uses_the_checkpoint_settings(data_dir, tmp_path):
    argv = [*BASE, "--data-dir", str(data_dir), "--out", str(tmp_path)]
    assert T.main([*argv, "--max-steps", "1"]) == 130
    # a different --epochs on resume must not silently change the schedule of the saved run
    assert T.main([*argv[:2], "5", *argv[3:], "--resume"]) == 0
    assert _final(tmp_path)["training"]["epochs"] == 2


def _spawn(data_dir: Path, out: Path, epochs: int) -> subprocess.Popen:
    argv = ["mnist", "--epochs", str(epochs), "--batch-size", "32", "--limit", "96", "--device", "cpu",
            "--data-dir", str(data_dir), "--out", str(out)]
    return subprocess.Popen([sys.executable, "-m", "core.pipeline.train", *argv], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 240) -> None:
    t0 = time.time()
    while not path.exists():
        if proc.poll() is not None:
            pytest.fail(f"training exited (rc {proc.returncode}) before {path.name}: {proc.stderr.read()[-2000:]}")
        if time.time() - t0 > timeout:
            proc.kill()
            pytest.fail(f"no {path.name} after {timeout} s")
        time.sleep(0.02)


@pytest.mark.slow
def test_sigkill_mid_epoch_then_resume_loses_at_most_the_epoch_in_progress(data_dir, tmp_path):
    epochs = 40  # far more than can finish between the first checkpoint and the kill
    proc = _spawn(data_dir, tmp_path, epochs)
    _wait_for(tmp_path / "checkpoint.pt", proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    ck = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    done = ck["epoch"]
    assert 1 <= done < epochs and ck["step"] == 0 and len(ck["history"]["epoch"]) == done
    argv = ["mnist", "--epochs", str(epochs), "--batch-size", "32", "--limit", "96", "--device", "cpu",
            "--data-dir", str(data_dir), "--out", str(tmp_path), "--resume", "--max-steps", "3"]
    # resume one more epoch (3 steps) to check it continues where it stopped, not from scratch
    assert T.main(argv) == 130
    ck2 = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    assert ck2["epoch"] == done + 1 and ck2["history"]["epoch"] == list(range(1, done + 2))


@pytest.mark.slow
def test_ctrl_c_saves_a_mid_epoch_checkpoint_and_exits(data_dir, tmp_path):
    proc = _spawn(data_dir, tmp_path, 40)
    _wait_for(tmp_path / "checkpoint.pt", proc)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err[-2000:]
    assert "continue with --resume" in err
    ck = torch.load(tmp_path / "checkpoint.pt", weights_only=True)
    assert 1 <= ck["epoch"] < 40 and 0 <= ck["step"] < 3
