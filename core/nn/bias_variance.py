"""Under- and overfitting with polynomial regression (lecture: "과소적합과 과대적합 / underfitting and
overfitting", the bias–variance trade-off).

A few noisy samples of a smooth curve, y = sin(2πx) + ε, are fitted by least-squares polynomials of
growing degree. A low degree cannot follow the curve (high bias: train and test error both high); a
degree close to the number of samples threads every noisy point (high variance: train error near
zero, test error exploding). In between, test error is lowest.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np

SeedLike = int | np.random.Generator


def true_function(x) -> np.ndarray:
    """The noise-free curve, sin(2πx) on [0, 1]."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=np.float64))


def make_data(n: int, noise: float = 0.3, seed: SeedLike = 0) -> tuple[np.ndarray, np.ndarray]:
    """n points with x ~ U[0, 1] (sorted) and y = sin(2πx) + N(0, noise²) → (x (n,), y (n,))."""
    if n < 1 or noise < 0:
        raise ValueError(f"expected n >= 1 and noise >= 0, got n={n}, noise={noise}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0, 1, n))
    return x, true_function(x) + rng.normal(0, noise, n)


def fit_poly(x, y, degree: int) -> np.ndarray:
    """Least-squares polynomial coefficients, highest power first (like ``np.polyfit``) → (degree + 1,).

    Solves min ‖V c − y‖² for the Vandermonde matrix V[n, j] = x_n^(degree − j). Columns are
    scaled to unit norm first because powers of x span many orders of magnitude, which would
    otherwise make the least-squares problem needlessly ill-conditioned.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or y.shape != x.shape:
        raise ValueError(f"expected x and y of the same shape (n,), got {x.shape} and {y.shape}")
    if degree < 0 or int(degree) != degree:
        raise ValueError(f"expected a non-negative integer degree, got {degree!r}")
    V = x[:, None] ** np.arange(degree, -1, -1)  # (n, degree + 1)
    scale = np.linalg.norm(V, axis=0)
    scale[scale == 0] = 1.0
    coef, *_ = np.linalg.lstsq(V / scale, y, rcond=None)
    return coef / scale


def mse(y_true, y_pred) -> float:
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))


def _train_test(n_train: int, n_test: int, noise: float, seed: int):
    rng = np.random.default_rng(seed)  # one stream: the training set, then an independent test set
    return make_data(n_train, noise, rng), make_data(n_test, noise, rng)


def errors_by_degree(degrees: Iterable[int] = range(0, 13), n_train: int = 15, n_test: int = 200,
                     noise: float = 0.3, seed: int = 0) -> dict[str, list]:
    """Train and test mean squared error of the least-squares fit for each degree.

    Returns ``dict(degree=[…], train_mse=[…], test_mse=[…])``, aligned lists.
    """
    degrees = [int(d) for d in degrees]
    (x, y), (xt, yt) = _train_test(n_train, n_test, noise, seed)
    out: dict[str, list] = {"degree": degrees, "train_mse": [], "test_mse": []}
    for d in degrees:
        coef = fit_poly(x, y, d)
        out["train_mse"].append(mse(y, np.polyval(coef, x)))
        out["test_mse"].append(mse(yt, np.polyval(coef, xt)))
    return out


def fit_curve(degree: int, n_train: int = 15, n_test: int = 200, noise: float = 0.3, seed: int = 0,
              n_points: int = 200) -> dict[str, np.ndarray | float]:
    """One fit drawn for plotting, on the same data as :func:`errors_by_degree` with the same seed.

    Returns ``xs`` (n_points,) on [0, 1], ``pred`` (the polynomial at xs), ``truth`` (sin(2πxs)),
    ``x_train``, ``y_train``, ``coef`` (highest power first), ``train_mse`` and ``test_mse``.
    """
    (x, y), (xt, yt) = _train_test(n_train, n_test, noise, seed)
    coef = fit_poly(x, y, degree)
    xs = np.linspace(0, 1, n_points)
    return {"xs": xs, "pred": np.polyval(coef, xs), "truth": true_function(xs), "x_train": x,
            "y_train": y, "coef": coef, "train_mse": mse(y, np.polyval(coef, x)),
            "test_mse": mse(yt, np.polyval(coef, xt))}


def resampled_fits(degree: int, n_sets: int = 50, n_train: int = 15, noise: float = 0.3, seed: int = 0,
                   n_points: int = 100) -> dict[str, np.ndarray]:
    """The lecture's dartboard (Fig. 1) for curves: refit the degree-``degree`` polynomial on ``n_sets``
    independently drawn training sets of the same size and noise.

    Returns ``xs`` (n_points,) on [0, 1], ``truth`` f(xs), ``preds`` (n_sets, n_points), one fitted curve
    per training set, and ``mean`` (n_points,), the average fit E f̂(x). Training set s is drawn from
    ``default_rng([seed, s])``, so a set does not change when ``n_sets`` grows.
    """
    if n_sets < 2:
        raise ValueError(f"expected n_sets >= 2 (a variance needs two fits), got {n_sets}")
    xs = np.linspace(0, 1, n_points)
    preds = np.empty((n_sets, n_points))
    for s in range(n_sets):
        x, y = make_data(n_train, noise, np.random.default_rng([seed, s]))
        preds[s] = np.polyval(fit_poly(x, y, degree), xs)
    return {"xs": xs, "truth": true_function(xs), "preds": preds, "mean": preds.mean(axis=0)}


def bias_variance(degrees: Iterable[int] = range(0, 10), n_sets: int = 200, n_train: int = 15,
                  noise: float = 0.3, seed: int = 0, n_points: int = 100) -> dict[str, list]:
    """The decomposition page 9 prints, computed: for each degree, averaged over x on [0, 1],

        bias² = (f(x) − E f̂(x))²,   variance = E (f̂(x) − E f̂(x))²,   noise = σ²,
        expected test error E (y − f̂(x))² = bias² + variance + noise   (y = f(x) + ε, ε ~ N(0, σ²) new)

    with the expectations over ``n_sets`` resampled training sets (see :func:`resampled_fits`).
    Returns aligned lists ``degree, bias2, variance, noise, total``.
    """
    out: dict[str, list] = {"degree": [], "bias2": [], "variance": [], "noise": [], "total": []}
    for d in (int(d) for d in degrees):
        r = resampled_fits(d, n_sets, n_train, noise, seed, n_points)
        bias2 = float(np.mean((r["truth"] - r["mean"]) ** 2))
        variance = float(np.mean(r["preds"].var(axis=0)))   # population variance over the sets
        out["degree"].append(d)
        out["bias2"].append(bias2)
        out["variance"].append(variance)
        out["noise"].append(noise ** 2)
        out["total"].append(bias2 + variance + noise ** 2)
    return out
