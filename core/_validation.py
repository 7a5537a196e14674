"""Input validation shared by the lessons (private; like scikit-learn's ``utils.validation``).

Every check raises ``ValueError`` with a message a learner can act on: what was expected, what was
given. The public names stay importable where the lessons use them (``core.ml.metrics.check_binary_labels``,
``core.ml.regression.check_gd_settings``).
"""
from __future__ import annotations

from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike


def as_1d(values: ArrayLike, name: str) -> np.ndarray:
    """A non-empty, finite 1-D float64 array, shape (N,).

    >>> as_1d([1, 2], "x").tolist()
    [1.0, 2.0]
    """
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D list of numbers, got an array of shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: give at least one number.")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} contains NaN or infinite values.")
    return arr


def check_xy(x: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    x_arr, y_arr = as_1d(x, "x"), as_1d(y, "y")
    if x_arr.size != y_arr.size:
        raise ValueError(f"x has {x_arr.size} values but y has {y_arr.size}; they must pair up one to one.")
    return x_arr, y_arr


def check_design(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Validate inputs ``X`` (N, D) — a 1-D ``X`` is one feature, (N,) -> (N, 1) — and targets (N,)."""
    X_arr = np.asarray(X, dtype=np.float64)
    if X_arr.ndim == 1:
        X_arr = X_arr[:, None]  # (N,) -> (N, 1)
    if X_arr.ndim != 2:
        raise ValueError(f"X must be a table of shape (examples, features), got shape {X_arr.shape}.")
    if X_arr.shape[0] == 0 or X_arr.shape[1] == 0:
        raise ValueError(f"X is empty (shape {X_arr.shape}): give at least one example with one feature.")
    if not np.isfinite(X_arr).all():
        raise ValueError("X contains NaN or infinite values.")
    y_arr = as_1d(y, "y")
    if y_arr.size != X_arr.shape[0]:
        raise ValueError(f"X has {X_arr.shape[0]} rows (examples) but y has {y_arr.size} values; "
                         "give one target per row.")
    return X_arr, y_arr


def check_binary_labels(y: ArrayLike, name: str = "y_true") -> np.ndarray:
    """Validate labels and return them as an int64 array of 0s and 1s, shape (N,).

    Raises:
        ValueError: if ``y`` is empty, not 1-D, or holds anything other than 0 and 1.
    """
    arr = np.asarray(y)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a 1-D list of labels, got an array of shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError(f"{name} is empty: give at least one label (0 or 1).")
    if arr.dtype == bool:
        return arr.astype(np.int64)
    if not np.issubdtype(arr.dtype, np.number):
        raise ValueError(f"{name} must hold the numbers 0 (negative) and 1 (positive), got dtype {arr.dtype}.")
    bad = ~np.isin(arr, (0, 1))
    if bad.any():
        found = np.unique(arr[bad])[:5]
        raise ValueError(f"{name} must hold only 0 (negative) and 1 (positive); found {found.tolist()}.")
    return arr.astype(np.int64)


def check_scores(scores: ArrayLike, n: int, name: str = "scores") -> np.ndarray:
    arr = np.asarray(scores, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one score per example), got shape {arr.shape}.")
    if arr.shape[0] != n:
        raise ValueError(f"{name} has {arr.shape[0]} values but there are {n} labels; give one score per label.")
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} contains NaN or infinite values.")
    return arr


def check_gd_settings(lr: float, epochs: int) -> None:
    """The gradient-descent settings every ``fit_*`` in the lecture shares: lr > 0, whole epochs >= 1."""
    if not lr > 0:
        raise ValueError(f"lr (the learning rate) must be > 0, got {lr!r}.")
    if isinstance(epochs, bool) or not isinstance(epochs, Integral) or epochs < 1:
        raise ValueError(f"epochs must be a whole number >= 1, got {epochs!r}.")
