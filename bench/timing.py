"""Timing helpers every benchmark uses: medians of repeated calls after warm-up, and interleaved
pairs for ratios (the two sides alternate, so a burst of load from other processes hits both)."""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], repeats: int, warmup: int = 2) -> float:
    """Median milliseconds of ``repeats`` calls of ``fn`` after ``warmup`` untimed calls."""
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def paired_ms(ours: Callable[[], object], floor: Callable[[], object], repeats: int,
              warmup: int = 2) -> tuple[float, float, float]:
    """(median ms of ``ours``, median ms of ``floor``, median of the per-pair ratios ours / floor).

    The calls alternate ours, floor, ours, floor …, and the ratio is taken within each pair before
    the median: on a shared machine, load that comes and goes slows both sides of a pair alike,
    so the ratio stays meaningful when the absolute times do not."""
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    for _ in range(warmup):
        ours()
        floor()
    a, b = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        ours()
        t1 = time.perf_counter()
        floor()
        t2 = time.perf_counter()
        a.append((t1 - t0) * 1e3)
        b.append((t2 - t1) * 1e3)
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b, strict=True))
