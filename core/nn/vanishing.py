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


def dead_relu(lrs=(0.001, 0.01, 0.1, 0.3, 1.0), width: int = 32, depth: int = 2, steps: int = 30,
              n: int = 128, seed: int = 0) -> dict[str, list]:
    """Dead ReLU neurons after training with each learning rate (lecture: "dead neuron: 학습률이 크면 …").

    A ReLU ``MLP`` (``depth`` hidden layers of ``width`` units, He initialisation, linear output, squared
    error) is trained by full-batch gradient descent for ``steps`` steps on a fixed regression task
    (y = sum of sin of the inputs, 2 inputs, ``n`` points), once per learning rate, from the same
    initial weights. A hidden unit is *dead* when its pre-activation z ≤ 0 for every one of the ``n``
    inputs: its output and its gradient are then zero for all of them, so no later step can revive it.
    A large step can push a unit's bias far negative in one update, which is how it dies.

    Returns aligned lists ``lr``, ``dead`` (count), ``total`` (hidden units), ``fraction``, ``loss``
    (final training loss; ``inf`` where training diverged, its dead count then taken before the
    overflow).
    """
    rng = np.random.default_rng(seed)
    X = rng.uniform(-2, 2, size=(n, 2))
    y = np.sin(X).sum(axis=1, keepdims=True)
    total = width * depth
    out: dict[str, list] = {"lr": [], "dead": [], "total": [], "fraction": [], "loss": []}
    for lr in lrs:
        model = MLP([2] + [width] * depth + [1], activation="relu", loss="mse", seed=seed, init="he",
                    output_activation="identity")
        dead, loss = 0, float("inf")
        with np.errstate(all="ignore"):
            for _ in range(steps):
                _, cache = model.forward(X)
                if not all(np.isfinite(z).all() for z in cache["z"]):
                    break
                dead = sum(int(np.sum(np.all(z <= 0, axis=0))) for z in cache["z"][:-1])
                model.step(model.backward(y, cache), float(lr))
            else:
                _, cache = model.forward(X)
                if all(np.isfinite(z).all() for z in cache["z"]):
                    dead = sum(int(np.sum(np.all(z <= 0, axis=0))) for z in cache["z"][:-1])
                    loss = model.loss_from_cache(y, cache)
        out["lr"].append(float(lr))
        out["dead"].append(dead)
        out["total"].append(total)
        out["fraction"].append(dead / total)
        out["loss"].append(loss)
    return out
