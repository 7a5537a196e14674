"""Helpers every group of ``core`` shares: the CPU's name, atomic file writes, confusion counts.

Private (leading underscore), standard library and NumPy only, so every group of ``core`` — lessons,
pipeline and serving — may import it without crossing the layering rules of ``docs/architecture.md``.
"""
from __future__ import annotations

import os
import platform
from collections.abc import Callable
from pathlib import Path

import numpy as np


def cpu_name() -> str:
    """The CPU model, e.g. ``"AMD EPYC 7B13"``.

    /proc/cpuinfo names it on Linux, where ``platform.processor()`` is often empty."""
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def confusion_counts(y_true, y_pred, k: int) -> np.ndarray:
    """``(k, k)`` int64 counts of integer labels in ``0..k-1``, rows = true class, columns = predicted.

    Each (truth, prediction) pair maps to one cell ``k·truth + prediction``, so one ``bincount`` counts them all.

    >>> confusion_counts([0, 1, 1, 2], [0, 2, 1, 2], 3).tolist()
    [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    """
    t, p = np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)
    if t.shape != p.shape:
        raise ValueError(f"y_true has shape {t.shape} but y_pred has {p.shape}; they must match one to one")
    if t.size and (min(t.min(), p.min()) < 0 or max(t.max(), p.max()) >= k):
        raise ValueError(f"labels must be integers in 0..{k - 1}")
    return np.bincount(k * t.ravel() + p.ravel(), minlength=k * k).reshape(k, k)


def atomic_write(path: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Call ``write(tmp)`` on a sibling temporary path, then ``os.replace`` it onto ``path``.

    A kill or an exception mid-write never leaves a half-written file at ``path`` (a reader sees
    the old file or the new one); the temporary file is removed on failure. The temporary name
    keeps ``path``'s suffix, so writers that pick a format by suffix (``np.savez``) still work.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.stem}.tmp{path.suffix}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """:func:`atomic_write` of a UTF-8 text file."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
