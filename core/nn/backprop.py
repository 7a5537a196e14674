"""One step of backpropagation by hand, every number named (lecture: "역전파 / backpropagation",
the worked 2-2-2 example).

The lecture's network has no biases and uses the sigmoid φ on both layers:

    a⁽¹⁾ = x                          input, (2,)
    z⁽²⁾ = W⁽¹⁾ a⁽¹⁾,  a⁽²⁾ = φ(z⁽²⁾)   hidden, (2,)
    z⁽³⁾ = W⁽²⁾ a⁽²⁾,  a⁽³⁾ = φ(z⁽³⁾)   output, (2,)
    J = J₁ + J₂,  J_k = ½ (a⁽³⁾_k − y_k)²

Weight convention: ``W1`` is (2, 2) with ``W1[j, i]`` the weight from input i to hidden unit j, so
``z2 = W1 @ a1``; likewise ``W2[k, j]`` goes from hidden j to output k. The chain rule gives

    δ⁽³⁾ = (a⁽³⁾ − y) ⊙ φ'(z⁽³⁾),   φ'(z) = φ(z)(1 − φ(z)) = a (1 − a)
    δ⁽²⁾ = (W⁽²⁾ᵀ δ⁽³⁾) ⊙ φ'(z⁽²⁾)
    ∂J/∂W⁽²⁾ = δ⁽³⁾ a⁽²⁾ᵀ,   ∂J/∂W⁽¹⁾ = δ⁽²⁾ a⁽¹⁾ᵀ
    W ← W − lr ∂J/∂W
"""
from __future__ import annotations

import numpy as np

from core.nn.activations import sigmoid

# The lecture writes the 2-2-2 network only in symbols. These numbers are those of a widely used worked
# example (Matt Mazur, "A Step by Step Backpropagation Example", 2015) with its biases (0.35, 0.60)
# dropped, because the lecture's network has none; its learning rate 0.5 is kept. The lecture's own
# updates, w ← w − δ·a, have no learning rate at all: η = 1 implicitly (LECTURE_LR).
WORKED_EXAMPLE = "https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/"
LECTURE_LR = 1.0
DEFAULTS: dict = {
    "x": np.array([0.05, 0.10]),
    "y": np.array([0.01, 0.99]),
    "W1": np.array([[0.15, 0.20],
                    [0.25, 0.30]]),
    "W2": np.array([[0.40, 0.45],
                    [0.50, 0.55]]),
    "lr": 0.5,
}


def _check(x, y, W1, W2) -> tuple[np.ndarray, ...]:
    x, y, W1, W2 = (np.asarray(v, dtype=np.float64) for v in (x, y, W1, W2))
    for name, v, shape in (("x", x, (2,)), ("y", y, (2,)), ("W1", W1, (2, 2)), ("W2", W2, (2, 2))):
        if v.shape != shape:
            raise ValueError(f"expected {name} of shape {shape}, got {v.shape}")
    return x, y, W1, W2


def trace(x, y, W1, W2, lr: float = 0.5) -> dict[str, np.ndarray | float]:
    """Forward pass, cost, backward pass and one gradient-descent update of the 2-2-2 network.

    Returns a dict keyed as in the lecture: ``a1, z2, a2, z3, a3`` (2,), ``J1, J2, J`` (float),
    ``delta3, delta2`` (2,), ``dJ_dW2, dJ_dW1`` (2, 2), ``W2_new, W1_new`` (2, 2).
    """
    x, y, W1, W2 = _check(x, y, W1, W2)
    # forward
    a1 = x
    z2 = W1 @ a1
    a2 = sigmoid(z2)
    z3 = W2 @ a2
    a3 = sigmoid(z3)
    J1, J2 = 0.5 * (a3 - y) ** 2
    # backward: the sigmoid's derivative is written with the activations, as on the slides
    delta3 = (a3 - y) * a3 * (1 - a3)
    delta2 = (W2.T @ delta3) * a2 * (1 - a2)
    dJ_dW2 = np.outer(delta3, a2)  # [k, j] = δ⁽³⁾_k a⁽²⁾_j
    dJ_dW1 = np.outer(delta2, a1)  # [j, i] = δ⁽²⁾_j a⁽¹⁾_i
    return {
        "a1": a1, "z2": z2, "a2": a2, "z3": z3, "a3": a3,
        "J1": float(J1), "J2": float(J2), "J": float(J1 + J2),
        "delta3": delta3, "delta2": delta2, "dJ_dW2": dJ_dW2, "dJ_dW1": dJ_dW1,
        "W2_new": W2 - lr * dJ_dW2, "W1_new": W1 - lr * dJ_dW1,
    }


def autograd_check(x, y, W1, W2) -> dict[str, np.ndarray | float]:
    """The same cost differentiated by PyTorch autograd (float64): ``J``, ``dJ_dW1``, ``dJ_dW2``."""
    import torch  # only the check needs torch; the walk-through itself is pure NumPy

    x, y, W1, W2 = _check(x, y, W1, W2)
    tW1 = torch.tensor(W1, requires_grad=True)
    tW2 = torch.tensor(W2, requires_grad=True)
    a3 = torch.sigmoid(tW2 @ torch.sigmoid(tW1 @ torch.tensor(x)))
    J = 0.5 * ((a3 - torch.tensor(y)) ** 2).sum()
    g1, g2 = torch.autograd.grad(J, (tW1, tW2))
    return {"J": J.item(), "dJ_dW1": g1.numpy(), "dJ_dW2": g2.numpy()}


def partials_xy(x: float, y: float) -> dict[str, float]:
    """The lecture's warm-up, f(x, y) = x·y: ``f``, ``df_dx`` = y (x varies, y held constant) and ``df_dy`` = x.

    The lecture prints these as ∂y/∂x = y and ∂x/∂y = x; the derivatives are of f, not of y or x
    (∂y/∂x is 0 for independent variables)."""
    x, y = float(x), float(y)
    return {"f": x * y, "df_dx": y, "df_dy": x}


def partials_xy_numeric(x: float, y: float, h: float = 1e-6) -> dict[str, float]:
    """Central differences of f = x·y, to check :func:`partials_xy` without calculus."""
    f = lambda a, b: a * b  # noqa: E731
    return {"df_dx": (f(x + h, y) - f(x - h, y)) / (2 * h), "df_dy": (f(x, y + h) - f(x, y - h)) / (2 * h)}


def scalar_chain(x, y, W1, W2, k: int = 0, j: int = 0) -> dict[str, float]:
    """The lecture's three boxed factors for one output weight w⁽²⁾_{k+1, j+1} (default w⁽²⁾₁₁):

        ∂J/∂w = ∂J_k/∂a⁽³⁾_k × ∂a⁽³⁾_k/∂z⁽³⁾_k × ∂z⁽³⁾_k/∂w = (a⁽³⁾_k − y_k) × a⁽³⁾_k(1 − a⁽³⁾_k) × a⁽²⁾_j

    Returns ``dJ_da`` , ``da_dz``, ``dz_dw``, their ``product`` and ``delta`` (= the first two, δ⁽³⁾_k);
    ``product`` equals ``trace(...)["dJ_dW2"][k, j]``, the vector form δ⁽³⁾ a⁽²⁾ᵀ.
    """
    tr = trace(x, y, W1, W2)
    a3, yk, a2 = float(tr["a3"][k]), float(np.asarray(y, dtype=np.float64)[k]), float(tr["a2"][j])
    dJ_da, da_dz, dz_dw = a3 - yk, a3 * (1 - a3), a2
    return {"dJ_da": dJ_da, "da_dz": da_dz, "dz_dw": dz_dw, "delta": dJ_da * da_dz,
            "product": dJ_da * da_dz * dz_dw}


def lecture_update(x, y, W1, W2) -> dict[str, np.ndarray]:
    """The lecture's updates as printed, w ← w − δ·a: gradient descent with η = 1 (``LECTURE_LR``)."""
    tr = trace(x, y, W1, W2, lr=LECTURE_LR)
    return {"W1_new": tr["W1_new"], "W2_new": tr["W2_new"]}
