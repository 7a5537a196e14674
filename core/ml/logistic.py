"""Logistic regression: the sigmoid, the cross-entropy loss and fitting by gradient descent.

Lecture section "로지스틱 회귀": pass/fail by study hours cannot be a straight line, so the line's
output goes through the sigmoid ``σ(z) = 1 / (1 + e^(−z))`` and is read as a probability; the loss
is the cross-entropy ``−[y log p + (1 − y) log(1 − p)]`` and the weights are found by gradient descent.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from core._validation import check_binary_labels
from core.ml.gd_loop import descend, per_epoch

__all__ = ["bce", "class_gap", "fit_logistic", "predict_proba", "sigmoid"]

# Probabilities are kept this far from 0 and 1 inside the log so the loss stays finite
# (log(1e-12) ≈ −27.6) when the model is confidently wrong.
_PROB_EPS = 1e-12


def sigmoid(z: ArrayLike) -> np.ndarray:
    """Logistic function ``1 / (1 + e^(−z))``, elementwise, any shape.

    Stable for large ``|z|`` (e.g. ±1000) without overflow warnings: ``e^(−|z|)`` never overflows,
    and ``σ(z) = e^z / (1 + e^z)`` is used on the negative side.

    >>> sigmoid([-1000.0, 0.0, 1000.0]).tolist()
    [0.0, 0.5, 1.0]
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]
    # 1 / (1 + e) for z >= 0 and e / (1 + e) below: one division instead of computing both sides
    # (fit_logistic calls this once per epoch)
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def bce(y: ArrayLike, p: ArrayLike) -> float:
    """Mean binary cross-entropy ``−mean[y log p + (1 − y) log(1 − p)]``.

    Args:
        y: 0/1 labels, shape (N,).
        p: predicted probabilities of label 1, shape (N,), in [0, 1]; clipped to
            ``[1e-12, 1 − 1e-12]`` so exact 0s and 1s give a large finite loss instead of inf.

    >>> round(bce([1, 0], [0.9, 0.1]), 4)   # −ln 0.9: both examples 90 % right
    0.1054
    """
    y_arr = check_binary_labels(y, "y")
    p_arr = np.asarray(p, dtype=np.float64)
    if p_arr.shape != y_arr.shape:
        raise ValueError(f"p has shape {p_arr.shape} but y has shape {y_arr.shape}; "
                         "give one probability per label.")
    if not (np.all(p_arr >= 0) and np.all(p_arr <= 1)):  # also rejects NaN
        raise ValueError("p must hold probabilities between 0 and 1.")
    return float(_mean_bce(y_arr, p_arr))


def _mean_bce(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Cross-entropy of validated arrays, the mean over the last axis: labels (N,), probabilities
    (N,) or (rows, N) (one row per epoch: fit_logistic's history)."""
    p = np.clip(p, _PROB_EPS, 1.0 - _PROB_EPS)
    return -np.mean(y * np.log(p) + (1 - y) * np.log1p(-p), axis=-1)


def _as_design(X: ArrayLike) -> np.ndarray:
    X_arr = np.asarray(X, dtype=np.float64)
    if X_arr.ndim == 1:
        X_arr = X_arr[:, None]  # (N,) -> (N, 1): one input
    if X_arr.ndim != 2 or 0 in X_arr.shape:
        raise ValueError(f"X must be a non-empty table of shape (examples, features), got shape {X_arr.shape}.")
    if not np.isfinite(X_arr).all():
        raise ValueError("X contains NaN or infinite values.")
    return X_arr


def predict_proba(X: ArrayLike, coef: ArrayLike, intercept: float) -> np.ndarray:
    """Probability of label 1, ``σ(X @ coef + intercept)``.

    Args:
        X: inputs, shape (N, D) or (N,) for one input; coef: shape (D,); intercept: float.

    Returns:
        float64 array, shape (N,).
    """
    X_arr = _as_design(X)
    w = np.asarray(coef, dtype=np.float64).reshape(-1)
    if w.size != X_arr.shape[1]:
        raise ValueError(f"coef has {w.size} weights but X has {X_arr.shape[1]} features; they must match.")
    return sigmoid(X_arr @ w + intercept)


def fit_logistic(X: ArrayLike, y: ArrayLike, lr: float = 0.1, epochs: int = 20_000,
                 coef0: ArrayLike | None = None, intercept0: float = 0.0
                 ) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
    """Fit ``p = σ(X @ coef + intercept)`` by full-batch gradient descent on the mean cross-entropy.

    The gradient of the mean cross-entropy through the sigmoid simplifies to
    ``∂L/∂w = (1/N) Xᵀ(p − y)`` and ``∂L/∂b = mean(p − y)``.

    Note: when the classes are perfectly separable (like the lecture's pass/fail table) no finite
    optimum exists; the weights keep growing slowly and the curve gets steeper, while the 0.5 point
    ``−intercept / coef`` settles between the two classes.

    The loop (shared by ``fit_gd`` and ``fit_logistic``) is ``core.ml.gd_loop.descend``: it applies
    ``step`` below ``epochs`` times and keeps every epoch's weights; the loss of every epoch is then
    computed from those weights in one vectorised pass, outside the loop.

    Args:
        X: inputs, shape (N, D) or (N,) for one input; y: 0/1 labels, shape (N,).
        lr: learning rate (> 0). epochs: number of updates (>= 1).
        coef0, intercept0: starting point (default: all zeros).

    Returns:
        coef: shape (D,); intercept: float; history: dict with ``loss`` (epochs + 1,), ``coef``
        (epochs + 1, D) and ``intercept`` (epochs + 1,) — row 0 is the start, row k after k updates.
    """
    X_arr = _as_design(X)
    y_arr = check_binary_labels(y, "y")
    if y_arr.size != X_arr.shape[0]:
        raise ValueError(f"X has {X_arr.shape[0]} rows (examples) but y has {y_arr.size} labels; "
                         "give one label per row.")
    n, d = X_arr.shape
    y_float = y_arr.astype(np.float64)  # the same 0.0/1.0, so p − y is one float subtraction per epoch

    def step(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        error = sigmoid(X_arr @ w + b) - y_float  # p − y, shape (N,)
        # error.sum() / n is error.mean(), bit for bit, without np.mean's overhead on every epoch
        return w - lr * (X_arr.T @ error) / n, b - lr * (error.sum() / n)

    coefs, intercepts = descend(step, d, lr, epochs, coef0, intercept0)
    losses = per_epoch(lambda z: _mean_bce(y_arr, sigmoid(z)), X_arr, coefs, intercepts)
    return coefs[-1].copy(), float(intercepts[-1]), {"loss": losses, "coef": coefs, "intercept": intercepts}


def class_gap(x: ArrayLike, y: ArrayLike) -> tuple[float, float] | None:
    """Where one input separates 0s from 1s: ``(largest x labelled 0, smallest x labelled 1)`` when every
    0 lies below every 1, else None. The lecture's table gives (6, 8): a fitted curve's 0.5 point lies
    between them."""
    x_arr = np.asarray(x, dtype=np.float64).reshape(-1)
    y_arr = check_binary_labels(y, "y")
    if x_arr.size != y_arr.size:
        raise ValueError(f"x has {x_arr.size} values but y has {y_arr.size} labels; give one label per value.")
    if y_arr.min() == y_arr.max():
        return None
    lo, hi = float(x_arr[y_arr == 0].max()), float(x_arr[y_arr == 1].min())
    return (lo, hi) if lo < hi else None
