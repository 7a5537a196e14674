"""Stochastic, mini-batch and full-batch gradient descent on the MSE of a linear model.

Lecture section "고급 경사 하강법": 확률적 경사 하강법(SGD) "랜덤하게 추출한 일부 데이터만 사용" — each update
uses the gradient of the loss on a randomly drawn part of the data (a mini-batch) instead of all of it.
With the whole data as one batch it is plain (full-batch) gradient descent, with one example per batch
the classic SGD, and anything in between is mini-batch SGD.

The model is ``ŷ = X @ coef + intercept`` and the loss of a batch B is ``mean_{i∈B} (ŷ_i − y_i)²``. One
update is exactly what ``torch.optim.SGD`` does after ``loss.backward()`` on that batch (with the same
``lr``, ``momentum`` and ``nesterov``), because the step itself is :class:`core.ml.optim.SGD`, which
follows torch's rule. Batches come from a seeded shuffle per epoch, cut into consecutive slices (the
last one may be smaller), like a ``DataLoader(shuffle=True, drop_last=False)``; the order used is
returned, so the same batches can be fed to torch.
"""
from __future__ import annotations

from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike

from core.ml.optim import SGD
from core.ml.regression import _check_design, check_gd_settings

__all__ = ["MSE_SURFACE_DEFAULTS", "batch_order", "mse_grid", "sgd_linear"]

#: The study-hours contour of pages 4 and 5: where the runs start, the window drawn, learning rates and
#: epochs. Page 5's lr stays below 1/65, the largest for which one-example steps at x = 8 stay stable
#: (the curvature of (a·8 + b − y)² is 2·(8² + 1) along (8, 1)).
#: Page 4 runs full-batch gradient descent alone with ``gd_lr`` for ``gd_epochs`` (it arrives at the
#: least-squares a = 2.3, b = 79); page 5 compares batch sizes with ``lr`` for ``epochs``.
MSE_SURFACE_DEFAULTS: dict = {
    "start": (0.0, 70.0),     # (a₀, b₀)
    "a_lim": (-1.0, 7.0),
    "b_lim": (60.0, 100.0),
    "gd_lr": 0.03,            # below 2/61.7, the limit set by the MSE's steepest curvature
    "gd_epochs": 2000,
    "lr": 0.01,
    "epochs": 300,
    "batch_size": 2,          # the mini-batch runner's default (the data has 4 examples)
    "seed": 0,
}


def _check_batch_size(batch_size: int, n: int) -> int:
    if isinstance(batch_size, bool) or not isinstance(batch_size, Integral) or not 1 <= batch_size <= n:
        raise ValueError(f"batch_size must be a whole number from 1 to {n} (the number of examples), "
                         f"got {batch_size!r}.")
    return int(batch_size)


def batch_order(n: int, batch_size: int, epochs: int, seed: int | None = 0, shuffle: bool = True
                ) -> list[np.ndarray]:
    """The index arrays of every mini-batch, in the order they are used.

    Each epoch draws a fresh permutation of ``range(n)`` from ``np.random.default_rng(seed)`` (or keeps
    the data order when ``shuffle`` is False) and cuts it into consecutive slices of ``batch_size``;
    the last slice of an epoch holds the remainder. ``ceil(n / batch_size)`` batches per epoch.
    """
    batch_size = _check_batch_size(batch_size, n)
    rng = np.random.default_rng(seed)
    batches = []
    for _ in range(epochs):
        order = rng.permutation(n) if shuffle else np.arange(n)
        batches += [order[i:i + batch_size] for i in range(0, n, batch_size)]
    return batches


def sgd_linear(X: ArrayLike, y: ArrayLike, batch_size: int, lr: float, epochs: int,
               coef0: ArrayLike | None = None, intercept0: float = 0.0, seed: int | None = 0,
               shuffle: bool = True, momentum: float = 0.0, nesterov: bool = False) -> dict[str, np.ndarray]:
    """Fit ``ŷ = X @ coef + intercept`` to the MSE by (mini-batch) stochastic gradient descent.

    Args:
        X: inputs, shape (N, D), or (N,) for one input. y: targets, shape (N,).
        batch_size: examples per update: ``N`` = full-batch gradient descent, ``1`` = SGD.
        lr: learning rate (> 0). epochs: passes over the data (>= 1).
        coef0, intercept0: start (default zeros). seed: seed of the shuffle (see :func:`batch_order`).
        shuffle: reshuffle every epoch (False: batches in data order).
        momentum, nesterov: as in ``torch.optim.SGD`` (0 and False: plain steps).

    Returns:
        dict with, for S = epochs · ceil(N / batch_size) updates:
        ``params`` (S + 1, D + 1) — row k is ``[coef..., intercept]`` after k updates (row 0 the start);
        ``loss`` (S + 1,) — the MSE on all the data at each row of ``params``;
        ``batch_loss`` (S,) — the MSE on the batch used by update k + 1, before it;
        ``epoch`` (S + 1,) — updates counted in epochs (k / batches per epoch);
        ``batches`` — list of S index arrays, the batches in order.
        A run that diverges continues with inf/nan (check ``np.isfinite``).
    """
    X_arr, y_arr = _check_design(X, y)
    check_gd_settings(lr, epochs)
    n, d = X_arr.shape
    batches = batch_order(n, batch_size, epochs, seed, shuffle)
    theta = np.zeros(d + 1)
    if coef0 is not None:
        theta[:d] = np.asarray(coef0, dtype=np.float64).reshape(d)
    theta[d] = float(intercept0)
    design = np.column_stack([X_arr, np.ones(n)])  # (N, D + 1): the intercept is the last weight
    step = SGD(lr=lr, momentum=momentum, nesterov=nesterov)

    params = np.empty((len(batches) + 1, d + 1))
    batch_loss = np.empty(len(batches))
    params[0] = theta
    with np.errstate(over="ignore", invalid="ignore"):
        for k, idx in enumerate(batches):
            rows = design[idx]                                    # (m, D + 1)
            residual = rows @ theta - y_arr[idx]                  # (m,)
            # r·r / m is the batch MSE; np.mean costs more than the arithmetic for a few examples
            batch_loss[k] = residual @ residual / idx.size
            grad = 2.0 / idx.size * (rows.T @ residual)           # (D + 1,)
            theta = step.step(theta, grad)
            params[k + 1] = theta
        loss = np.mean((params @ design.T - y_arr) ** 2, axis=1)  # (S + 1,)
    per_epoch = len(batches) / epochs
    return {"params": params, "loss": loss, "batch_loss": batch_loss,
            "epoch": np.arange(len(batches) + 1) / per_epoch, "batches": batches}


def mse_grid(x: ArrayLike, y: ArrayLike, a: ArrayLike, b: ArrayLike) -> np.ndarray:
    """MSE of the line ``ŷ = a x + b`` for every (a, b) pair of a grid.

    Args:
        x, y: the data, shape (N,) each. a, b: slopes and intercepts, any matching shapes
            (e.g. from ``np.meshgrid``).

    Returns:
        float64 array of the shape of ``a`` and ``b``: ``mean_i (a x_i + b − y_i)²``.
    """
    X_arr, y_arr = _check_design(x, y)
    if X_arr.shape[1] != 1:
        raise ValueError("mse_grid draws a line ŷ = a x + b: x must have one feature.")
    a_arr, b_arr = np.broadcast_arrays(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    x_col = X_arr[:, 0]
    residual = a_arr[..., None] * x_col + b_arr[..., None] - y_arr  # (..., N)
    return np.mean(residual**2, axis=-1)
