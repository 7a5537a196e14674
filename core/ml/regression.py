"""Linear regression: the least-squares line, mean squared error, and gradient descent.

Lecture section "선형 회귀": the closed form for ``y = a x + b`` worked through on the study-hours
table (a = 2.3, b = 79), the mean squared error as the measure of fit (MSE = 8.3), and multiple
regression (study hours and private tutoring) solved exactly and by gradient descent on the MSE.
"""
from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# Input checks shared with the other lessons live in one private module (like scikit-learn's
# utils.validation); check_gd_settings stays importable from here, where the lessons first meet it.
from core._validation import as_1d as _as_1d
from core._validation import check_design as _check_design
from core._validation import check_gd_settings  # noqa: F401 (re-exported, see above)
from core._validation import check_xy as _check_xy
from core.ml.gd_loop import descend, per_epoch

__all__ = ["fit_gd", "fit_multiple", "least_squares", "least_squares_steps", "mse", "rmse"]


def least_squares_steps(x: ArrayLike, y: ArrayLike) -> dict[str, np.ndarray | float]:
    """Evaluate the lecture's least-squares formula step by step.

    ``a = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²`` and ``b = ȳ − a x̄``.

    Args:
        x: inputs, shape (N,), with at least two different values.
        y: targets, shape (N,).

    Returns:
        dict with ``x_mean``, ``y_mean`` (floats); ``dx = x − x̄``, ``dy = y − ȳ``, ``dx_dy = dx·dy``,
        ``dx_sq = dx²`` (arrays, shape (N,)); ``sum_dx_dy``, ``sum_dx_sq``, ``a``, ``b`` (floats).
    """
    x_arr, y_arr = _check_xy(x, y)
    x_mean, y_mean = float(x_arr.mean()), float(y_arr.mean())
    dx, dy = x_arr - x_mean, y_arr - y_mean
    sum_dx_sq = float(np.sum(dx**2))
    if sum_dx_sq == 0.0:
        raise ValueError("All x values are equal, so no line's slope is determined; "
                         "give at least two different x values.")
    sum_dx_dy = float(np.sum(dx * dy))
    a = sum_dx_dy / sum_dx_sq
    return {"x_mean": x_mean, "y_mean": y_mean, "dx": dx, "dy": dy, "dx_dy": dx * dy, "dx_sq": dx**2,
            "sum_dx_dy": sum_dx_dy, "sum_dx_sq": sum_dx_sq, "a": a, "b": y_mean - a * x_mean}


def least_squares(x: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """Slope ``a`` and intercept ``b`` of the least-squares line ``y = a x + b``.

    Args:
        x: inputs, shape (N,); y: targets, shape (N,).

    >>> from core.ml.lecture_data import study_hours
    >>> x, y = study_hours()          # the lecture's 2/4/6/8 hours → 81/93/91/97
    >>> least_squares(x, y)
    (2.3, 79.0)
    """
    steps = least_squares_steps(x, y)
    return steps["a"], steps["b"]


def mse(y_pred: ArrayLike, y: ArrayLike) -> float:
    """Mean squared error ``(1/N) Σ (ŷ − y)²`` between predictions and targets, both shape (N,).

    >>> round(mse([83.6, 88.2, 92.8, 97.4], [81, 93, 91, 97]), 6)   # the line 2.3x + 79 on the study hours
    8.3
    """
    p, t = _as_1d(y_pred, "y_pred"), _as_1d(y, "y")
    if p.size != t.size:
        raise ValueError(f"y_pred has {p.size} values but y has {t.size}; give one prediction per target.")
    return float(np.mean((p - t) ** 2))


def rmse(y_pred: ArrayLike, y: ArrayLike) -> float:
    """Root mean squared error ``√MSE`` (평균 제곱근 오차), in the units of y: for the lecture's
    least-squares line, MSE = 8.3 points² and RMSE = √8.3 ≈ 2.881 points."""
    return float(np.sqrt(mse(y_pred, y)))


def fit_multiple(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, float]:
    """Exact least-squares fit of ``y ≈ X @ coef + intercept`` (several inputs).

    Solves the normal equations on centred data, the direct generalisation of the one-input
    formula: ``(Xcᵀ Xc) coef = Xcᵀ yc`` with ``Xc = X − x̄``, ``yc = y − ȳ``, then
    ``intercept = ȳ − x̄ · coef``.

    Args:
        X: inputs, shape (N, D) (or (N,) for one input); y: targets, shape (N,).

    Returns:
        coef: float64 array, shape (D,); intercept: float.

    Raises:
        ValueError: if the fit is not unique (fewer examples than D + 1, or an input column that is
            constant or a combination of the others).

    >>> from core.ml.lecture_data import study_hours_tutoring
    >>> coef, intercept = fit_multiple(*study_hours_tutoring())
    >>> [round(float(c), 4) for c in coef], round(intercept, 4)
    ([1.5, 2.2857], 77.8571)
    """
    X_arr, y_arr = _check_design(X, y)
    x_mean, y_mean = X_arr.mean(axis=0), y_arr.mean()  # (D,), scalar
    Xc, yc = X_arr - x_mean, y_arr - y_mean
    gram = Xc.T @ Xc  # (D, D)
    if np.linalg.matrix_rank(gram) < X_arr.shape[1]:
        raise ValueError(f"The best fit is not unique: with {X_arr.shape[0]} examples and {X_arr.shape[1]} "
                         "inputs, some input is constant or a combination of the others. "
                         "Add examples or drop a redundant input.")
    coef = np.linalg.solve(gram, Xc.T @ yc)
    return coef, float(y_mean - x_mean @ coef)


def fit_gd(X: ArrayLike, y: ArrayLike, lr: float = 0.01, epochs: int = 20_000,
           coef0: ArrayLike | None = None, intercept0: float = 0.0
           ) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
    """Fit ``y ≈ X @ coef + intercept`` by full-batch gradient descent on the MSE.

    Each epoch: ``ŷ = X w + b``, ``∂MSE/∂w = (2/N) Xᵀ(ŷ − y)``, ``∂MSE/∂b = (2/N) Σ(ŷ − y)``,
    then ``w ← w − lr ∂MSE/∂w`` and ``b ← b − lr ∂MSE/∂b`` — plain GD in the original units.
    The defaults converge to :func:`fit_multiple`'s answer on the lecture's tables.

    The loop (shared by ``fit_gd`` and ``fit_logistic``) is ``core.ml.gd_loop.descend``: it applies
    ``step`` below ``epochs`` times and keeps every epoch's weights; the loss of every epoch is then
    computed from those weights in one vectorised pass, outside the loop.

    Args:
        X: inputs, shape (N, D) (or (N,) for one input); y: targets, shape (N,).
        lr: learning rate λ (> 0). Too large for the data's scale makes the loss blow up.
        epochs: number of updates (>= 1).
        coef0, intercept0: starting point (default: all zeros).

    Returns:
        coef: shape (D,); intercept: float; history: dict with ``loss`` (epochs + 1,), ``coef``
        (epochs + 1, D) and ``intercept`` (epochs + 1,) — row 0 is the start, row k after k updates.
    """
    X_arr, y_arr = _check_design(X, y)
    n, d = X_arr.shape

    def step(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        residual = X_arr @ w + b - y_arr  # ŷ − y, shape (N,)
        return w - lr * (2.0 / n) * (X_arr.T @ residual), b - lr * (2.0 / n) * residual.sum()

    # A too-large lr overflows to inf/nan by design of the lesson; the history then shows it.
    with np.errstate(over="ignore", invalid="ignore"):
        coefs, intercepts = descend(step, d, lr, epochs, coef0, intercept0)
        losses = per_epoch(lambda z: np.mean((z - y_arr) ** 2, axis=1), X_arr, coefs, intercepts)
    return coefs[-1].copy(), float(intercepts[-1]), {"loss": losses, "coef": coefs, "intercept": intercepts}
