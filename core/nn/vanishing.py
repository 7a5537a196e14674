"""Vanishing gradients at initialisation (lecture: "기울기 소실 / vanishing gradient problem").

Backpropagation multiplies δ by Wᵀ and by φ'(z) once per layer. The sigmoid's derivative is at most
¼, so with weights of order one the gradient shrinks by roughly that factor per layer and the first
layers of a deep sigmoid network barely learn. ReLU's derivative is 1 wherever the unit is active,
and He initialisation (std √(2 / n_in)) keeps the signal's scale, so its gradients stay level.
"""
from __future__ import annotations

import numpy as np

from core.nn.mlp import MLP


def gradient_norms(depth: int, width: int, activation: str, seed: int = 0, init: str = "xavier",
                   n: int = 64) -> np.ndarray:
    """Per-layer Frobenius norm of ∂J/∂W at initialisation, first layer first → (depth,).

    The network is ``core.nn.mlp.MLP`` with ``depth`` weight layers of ``width`` units, the given hidden
    activation and init, and a linear output under the lecture's squared error, evaluated on one
    batch of ``n`` standard-normal inputs with standard-normal targets (all drawn from ``seed``).
    """
    if depth < 1 or width < 1 or n < 1:
        raise ValueError(f"expected depth, width, n >= 1, got depth={depth}, width={width}, n={n}")
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, width))
    y = rng.normal(size=(n, width))
    model = MLP([width] * (depth + 1), activation=activation, loss="mse", seed=seed, init=init,
                output_activation="identity")
    _, cache = model.forward(X)
    grads = model.backward(y, cache)
    return np.array([np.linalg.norm(g["dW"]) for g in grads])
