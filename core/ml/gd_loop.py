"""The full-batch gradient-descent loop that ``regression.fit_gd`` and ``logistic.fit_logistic`` share
(the lessons' own modules keep the part that differs: the gradient step and the loss).

Both fit ``X @ coef + intercept``, start from zeros (or a given point) and return every epoch's
weights, so a page can draw the whole run; only ``step`` — one update from the loss's gradient —
differs. The loss of every epoch is computed afterwards from the stored weights
(:func:`per_epoch`): in the loop it would cost as much as the update itself, and it never feeds back
into the weights.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from core._validation import check_gd_settings

# Step = (coef (D,), intercept) -> the next (coef, intercept)
Step = Callable[[np.ndarray, float], tuple[np.ndarray, float]]

# per_epoch evaluates the loss on this many predictions (rows × examples) at a time at most, so a long
# run on a large data set does not hold a (epochs + 1, N) table in memory at once.
_BLOCK_CELLS = 1 << 20


def descend(step: Step, n_features: int, lr: float, epochs: int,
            coef0: ArrayLike | None = None, intercept0: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Run ``epochs`` gradient-descent updates ``coef, intercept = step(coef, intercept)``.

    Args:
        step: one update (it closes over the data and ``lr``); n_features: D.
        lr, epochs: checked here (lr > 0, whole epochs >= 1) for every fit that uses this loop.
        coef0, intercept0: starting point (default: all zeros).

    Returns:
        coefs (epochs + 1, D) and intercepts (epochs + 1,): row 0 is the start, row k after k updates.
        Each update depends only on the current weights, so the first k + 1 rows of a longer run are
        exactly a k-epoch run's, and a run continued from row k (``coef0``, ``intercept0``) repeats
        the longer run's rows from there.
    """
    check_gd_settings(lr, epochs)
    w = np.zeros(n_features) if coef0 is None else np.array(coef0, dtype=np.float64).reshape(n_features)
    b = float(intercept0)
    coefs = np.empty((epochs + 1, n_features))
    intercepts = np.empty(epochs + 1)
    coefs[0], intercepts[0] = w, b
    for k in range(1, epochs + 1):
        w, b = step(w, b)
        coefs[k], intercepts[k] = w, b
    return coefs, intercepts


def per_epoch(loss: Callable[[np.ndarray], np.ndarray], X: np.ndarray, coefs: np.ndarray,
              intercepts: np.ndarray) -> np.ndarray:
    """``loss`` of every stored epoch, shape (epochs + 1,), in one vectorised pass per block of rows.

    ``loss`` maps the linear outputs ``z`` of a block of epochs, shape (rows, N) — row k is
    ``X @ coefs[k] + intercepts[k]`` — to one loss per row, shape (rows,).
    """
    rows = max(1, _BLOCK_CELLS // X.shape[0])
    return np.concatenate([loss(coefs[i:i + rows] @ X.T + intercepts[i:i + rows, None])
                           for i in range(0, coefs.shape[0], rows)])


def continue_fit(fit: Callable, X: ArrayLike, y: ArrayLike, lr: float, epochs: int,
                 head: dict[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """The history of ``fit(X, y, lr=lr, epochs=epochs)`` (``fit_gd`` or ``fit_logistic``), reusing
    ``head``, the history of a shorter run of the same fit, when given: the run continues from
    head's last weights, and the rows are exactly one long run's (see :func:`descend`). Lets a page
    that offers several epoch counts pay only for the epochs it has not computed yet.
    """
    if head is None:
        return fit(X, y, lr=lr, epochs=epochs)[2]
    done = head["loss"].shape[0] - 1
    if not 0 < done < epochs:
        raise ValueError(f"head must be a shorter run (1 to {epochs - 1} epochs), it has {done}")
    _, _, tail = fit(X, y, lr=lr, epochs=epochs - done, coef0=head["coef"][-1], intercept0=head["intercept"][-1])
    return {k: np.concatenate([head[k], tail[k][1:]]) for k in head}  # tail's row 0 is head's last
