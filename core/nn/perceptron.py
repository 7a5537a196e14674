"""Rosenblatt's perceptron and the logic gates (lecture: "퍼셉트론 / perceptron" and "XOR 문제").

A single neuron with a step activation, ``ŷ = step(w·x + b)``, trained by the perceptron rule

    w ← w + lr (y − ŷ) x,    b ← b + lr (y − ŷ)

one sample at a time. It learns AND, OR and NAND, but never XOR: a perceptron's decision boundary is
the line w·x + b = 0, and no line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the
other — XOR is not linearly separable (Minsky & Papert, 1969). Stacking neurons into a multilayer
perceptron (``core.nn.mlp``) is what solves it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)  # (4, 2)

LOGIC_GATES: dict[str, tuple[np.ndarray, np.ndarray]] = {
    "AND": (_INPUTS, np.array([0, 0, 0, 1])),
    "OR": (_INPUTS, np.array([0, 1, 1, 1])),
    "NAND": (_INPUTS, np.array([1, 1, 1, 0])),
    "XOR": (_INPUTS, np.array([0, 1, 1, 0])),
}


def step(z: np.ndarray) -> np.ndarray:
    """Heaviside step: 1 where z ≥ 0, else 0 (int)."""
    return (np.asarray(z) >= 0).astype(int)


@dataclass
class Perceptron:
    """A single-neuron binary classifier trained with the perceptron rule.

    Its decision boundary is a straight line, so it converges on linearly separable data (AND, OR,
    NAND) and can never classify XOR's four points correctly, however long it trains.

    Args:
        lr: learning rate of the update ``w += lr (y − ŷ) x``.
        epochs: maximum passes over the data; training stops early after an epoch without errors.
        seed: seeds the small random initial weights and the per-epoch sample order.
        shuffle: visit the samples in a fresh random order each epoch (else in the given order).

    After :meth:`fit`: ``w`` (D,), ``b`` (float), ``errors_`` (misclassified samples per epoch) and
    ``history``: one dict per presented sample — ``epoch``, ``index`` (row of X), ``x``, ``y``,
    ``y_hat``, ``error`` (= y − ŷ, 0 when nothing changed), and ``w``, ``b`` *after* the update —
    so a page can replay training step by step. ``history[0]`` is the initial state (epoch 0,
    index None).
    """

    lr: float = 0.1
    epochs: int = 100
    seed: int = 0
    shuffle: bool = True
    w: np.ndarray | None = field(default=None, init=False, repr=False)
    b: float = field(default=0.0, init=False, repr=False)
    history: list[dict] = field(default_factory=list, init=False, repr=False)
    errors_: list[int] = field(default_factory=list, init=False, repr=False)

    def fit(self, X, y) -> Perceptron:
        """Train on X (N, D) and binary labels y (N,) in {0, 1}."""
        X, y = _check_Xy(X, y)
        if self.lr <= 0 or self.epochs < 1:
            raise ValueError(f"expected lr > 0 and epochs >= 1, got lr={self.lr}, epochs={self.epochs}")
        rng = np.random.default_rng(self.seed)
        self.w = rng.normal(0.0, 0.01, size=X.shape[1])
        self.b = 0.0
        self.errors_ = []
        self.history = [dict(epoch=0, index=None, x=None, y=None, y_hat=None, error=0,
                             w=self.w.copy(), b=self.b)]
        for epoch in range(1, self.epochs + 1):
            order = rng.permutation(len(X)) if self.shuffle else np.arange(len(X))
            # The rule is online: each update changes w before the next sample is seen, so this
            # loop over samples is the algorithm itself, not something to vectorise away.
            n_errors = 0
            for i in order:
                y_hat = int(step(X[i] @ self.w + self.b))
                error = int(y[i]) - y_hat
                if error:
                    self.w = self.w + self.lr * error * X[i]
                    self.b = self.b + self.lr * error
                    n_errors += 1
                self.history.append(dict(epoch=epoch, index=int(i), x=X[i].copy(), y=int(y[i]),
                                         y_hat=y_hat, error=error, w=self.w.copy(), b=float(self.b)))
            self.errors_.append(n_errors)
            if n_errors == 0:
                break
        return self

    def decision_function(self, X) -> np.ndarray:
        """w·x + b for each row of X (N, D) → (N,)."""
        if self.w is None:
            raise RuntimeError("call fit() before predict()")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.w.shape[0]:
            raise ValueError(f"expected X of shape (N, {self.w.shape[0]}), got {X.shape}")
        return X @ self.w + self.b

    def predict(self, X) -> np.ndarray:
        """Step of the decision function: labels in {0, 1}, shape (N,)."""
        return step(self.decision_function(X))

    def score(self, X, y) -> float:
        """Accuracy in [0, 1]."""
        X, y = _check_Xy(X, y)
        return float(np.mean(self.predict(X) == y))


def boundary_line(w, b: float, window: tuple[float, float] = (-0.5, 1.5)) -> dict[str, np.ndarray]:
    """Two end points ``{"x1": (2,), "x2": (2,)}`` of the line w₁x₁ + w₂x₂ + b = 0 across ``window``
    (the same range on both axes), for drawing a 2-D decision boundary.

    A vertical line (w₂ = 0) spans the window in x₂; with w = 0 there is no line (NaN x₁).

    >>> boundary_line([1.0, 1.0], -1.5, (0.0, 2.0))["x2"].tolist()
    [1.5, -0.5]
    >>> boundary_line([2.0, 0.0], -1.0)["x1"].tolist()
    [0.5, 0.5]
    """
    w = np.asarray(w, dtype=np.float64)
    if w.shape != (2,):
        raise ValueError(f"expected 2 weights (a line in the plane), got shape {w.shape}")
    lo_hi = np.asarray(window, dtype=np.float64)
    if abs(w[1]) > 1e-12:
        return {"x1": lo_hi, "x2": -(w[0] * lo_hi + b) / w[1]}
    x1 = -b / w[0] if abs(w[0]) > 1e-12 else np.nan
    return {"x1": np.array([x1, x1]), "x2": lo_hi}


def _check_Xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"expected X of shape (N, D), got {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"expected y of shape ({X.shape[0]},), got {y.shape}")
    if not np.isin(y, (0, 1)).all():
        raise ValueError("expected binary labels y in {0, 1}")
    return X, y.astype(int)
