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

# A lecture-style example (the widely used 2-2-2 walk-through numbers, biases dropped).
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
