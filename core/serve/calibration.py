"""Calibration: does "90 %" mean right 9 times out of 10? Temperature scaling and its measures.

A network trained with cross-entropy is often over-confident. Temperature scaling (Guo et al., 2017,
https://arxiv.org/abs/1706.04599) divides the logits by one number ``T`` fitted on a validation
split by minimising the negative log-likelihood; the predicted class never changes (argmax of
``z / T`` is argmax of ``z``), only how sure the model says it is.

- :func:`fit_temperature` — ``T`` minimising the NLL of ``softmax(z / T)`` (1-D, convex in ``1/T``).
- :func:`expected_calibration_error` — ECE with equal-width confidence bins: the bin-weighted mean
  of ``|accuracy − confidence|``.
- :func:`reliability` — the per-bin table a reliability diagram draws.

NumPy only: the pipeline fits, the card records, the dashboard draws, serving applies ``T``.
"""
from __future__ import annotations

import numpy as np

DEFAULT_BINS = 15


def _check(logits: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    z = np.asarray(logits, dtype=np.float64)
    y = np.asarray(labels)
    if z.ndim != 2 or z.shape[1] < 2:
        raise ValueError(f"logits must be (N, C) with C >= 2, got shape {z.shape}")
    if y.shape != (z.shape[0],) or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"labels must be N={z.shape[0]} integers, got shape {y.shape} dtype {y.dtype}")
    if y.size and (y.min() < 0 or y.max() >= z.shape[1]):
        raise ValueError(f"labels must lie in [0, {z.shape[1] - 1}]")
    return z, y


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """``softmax(z / T)`` row-wise, ``(N, C)`` float64 (shifted so ``exp`` cannot overflow)."""
    if not temperature > 0:
        raise ValueError(f"temperature must be positive, got {temperature}")
    z = np.asarray(logits, dtype=np.float64) / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def nll(logits: np.ndarray, labels: np.ndarray, temperature: float = 1.0) -> float:
    """Mean negative log-likelihood of ``labels`` under ``softmax(z / T)``."""
    z, y = _check(logits, labels)
    s = z / temperature
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(y)), y].mean())


def fit_temperature(logits: np.ndarray, labels: np.ndarray, lo: float = 0.05, hi: float = 20.0,
                    tol: float = 1e-8) -> float:
    """The ``T`` in ``[lo, hi]`` minimising :func:`nll`, by golden-section search on ``log T``.

    The NLL is convex in ``β = 1/T`` (a log-sum-exp of linear functions of ``β``), so it is unimodal
    in ``log T`` and a bracketing search finds the global minimum without gradients.
    """
    _check(logits, labels)
    if not 0 < lo < hi:
        raise ValueError(f"need 0 < lo < hi, got lo={lo}, hi={hi}")
    a, b = np.log(lo), np.log(hi)
    g = (np.sqrt(5) - 1) / 2
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = nll(logits, labels, np.exp(c)), nll(logits, labels, np.exp(d))
    while b - a > tol:
        if fc < fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = nll(logits, labels, np.exp(c))
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = nll(logits, labels, np.exp(d))
    return float(np.exp((a + b) / 2))


def reliability(probs: np.ndarray, labels: np.ndarray, bins: int = DEFAULT_BINS) -> dict[str, list]:
    """Equal-width confidence bins over ``(0, 1]``: for each bin its ``lo``, ``hi``, ``count``,
    mean ``confidence`` and ``accuracy`` (``None`` for an empty bin). ``probs`` ``(N, C)``."""
    p, y = _check(probs, labels)
    if bins < 1:
        raise ValueError(f"bins must be >= 1, got {bins}")
    conf = p.max(axis=1)
    correct = p.argmax(axis=1) == y
    edges = np.linspace(0.0, 1.0, bins + 1)
    # right-closed bins (lo, hi]; a confidence of exactly 0 cannot happen for a softmax
    which = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, bins - 1)
    out = {"lo": edges[:-1].tolist(), "hi": edges[1:].tolist(), "count": [], "confidence": [], "accuracy": []}
    for b in range(bins):
        m = which == b
        out["count"].append(int(m.sum()))
        out["confidence"].append(float(conf[m].mean()) if m.any() else None)
        out["accuracy"].append(float(correct[m].mean()) if m.any() else None)
    return out


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = DEFAULT_BINS) -> float:
    """ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b| over the bins of :func:`reliability`."""
    table = reliability(probs, labels, bins)
    n = sum(table["count"])
    if n == 0:
        raise ValueError("expected_calibration_error needs at least one example")
    return float(sum(c / n * abs(a - f) for c, a, f in zip(table["count"], table["accuracy"],
                                                           table["confidence"], strict=True) if c))


def calibration_report(logits: np.ndarray, labels: np.ndarray, bins: int = DEFAULT_BINS,
                       fitted_on: str = "") -> dict:
    """Everything a card records: the fitted ``T`` and ECE / NLL / reliability before and after."""
    t = fit_temperature(logits, labels)
    before, after = softmax(logits), softmax(logits, t)
    return {"method": "temperature scaling (Guo et al., 2017)", "temperature": t, "fitted_on": fitted_on,
            "n": int(len(labels)), "bins": bins,
            "ece_before": expected_calibration_error(before, labels, bins),
            "ece_after": expected_calibration_error(after, labels, bins),
            "nll_before": nll(logits, labels), "nll_after": nll(logits, labels, t),
            "reliability_before": reliability(before, labels, bins),
            "reliability_after": reliability(after, labels, bins)}
