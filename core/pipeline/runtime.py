"""The training runtime: device choice, hardware name, seeds, RNG state and atomic checkpoint saves.

Lecture section: "CNN 실습" — what makes a run reproducible and safe to interrupt. Used by the
trainer (:mod:`core.pipeline.train`); nothing here knows about tasks or models.
"""
from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import numpy as np
import torch

from core._common import atomic_write, cpu_name


def select_device(name: str = "auto") -> torch.device:
    """``auto`` → CUDA if available else CPU; asking for ``cuda`` without one is an error."""
    if name not in ("auto", "cpu", "cuda"):
        raise ValueError(f"device must be 'auto', 'cpu' or 'cuda', got {name!r}")
    if name == "cuda" and not torch.cuda.is_available():
        raise ValueError("--device cuda requested but torch.cuda.is_available() is False")
    if name == "cpu" or not torch.cuda.is_available():
        return torch.device("cpu")
    local_rank = int(os.environ.get("LOCAL_RANK", 0))
    return torch.device("cuda", local_rank)


def hardware_name(device: torch.device) -> str:
    """GPU name, or ``"<n>-core CPU (<model name>)"`` from /proc/cpuinfo."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"{os.cpu_count()}-core CPU ({cpu_name()})"


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # also seeds every CUDA device


def rng_state() -> dict:
    """All global RNG states as tensors/lists/numbers (loadable with ``weights_only=True``)."""
    kind, keys, pos, has_gauss, cached = np.random.get_state()
    py_version, py_state, py_gauss = random.getstate()
    return {"torch": torch.get_rng_state(),
            "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else [],
            "numpy": {"kind": kind, "keys": torch.from_numpy(keys.astype(np.int64)), "pos": int(pos),
                      "has_gauss": int(has_gauss), "cached": float(cached)},
            "python": {"version": py_version, "state": list(py_state), "gauss": py_gauss}}


def set_rng_state(s: dict) -> None:
    torch.set_rng_state(s["torch"])
    if s["cuda"] and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(s["cuda"])
    n = s["numpy"]
    np.random.set_state((n["kind"], n["keys"].numpy().astype(np.uint32), n["pos"], n["has_gauss"], n["cached"]))
    p = s["python"]
    random.setstate((p["version"], tuple(p["state"]), p["gauss"]))



def atomic_save(obj, path: Path) -> None:
    """``torch.save`` through :func:`core._common.atomic_write`: a kill never leaves a half-written checkpoint."""
    atomic_write(path, lambda tmp: torch.save(obj, tmp))


def state_digest(state_dict: dict) -> str:
    """SHA-256 over every tensor of a state dict in key order (identical weights ⇔ identical digest)."""
    h = hashlib.sha256()
    for k, v in state_dict.items():
        h.update(k.encode())
        h.update(v.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


