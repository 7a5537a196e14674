"""Batch normalization, forward and backward by hand (lecture: "배치 정규화 / batch normalization").

The lecture's four steps, per feature (per channel for images) over the mini-batch:

    1. μ  = mean(x)                        mini-batch mean
    2. σ² = mean((x − μ)²)                 mini-batch variance (biased)
    3. x̂  = (x − μ) / √(σ² + ε)            normalise
    4. y  = γ x̂ + β                        scale and shift (learned)

In training the batch statistics are used and the running estimates are updated like PyTorch's,
``running ← (1 − momentum) running + momentum · batch`` with the *unbiased* variance; in evaluation
the running estimates replace the batch statistics. For x of shape (N, C, H, W) the statistics are
taken over N, H and W for each channel, exactly as ``torch.nn.BatchNorm2d``.

:func:`bn_experiment` trains the same deep sigmoid MLP with and without BN to show BN's effect.
"""
from __future__ import annotations

import numpy as np

from core.nn.activations import get as get_activation
from core.nn.mlp import init_params


def _axes(x: np.ndarray, gamma: np.ndarray) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Reduction axes and the broadcast shape of the per-feature parameters, after checking shapes."""
    if x.ndim == 2:
        axes, bshape = (0,), (1, x.shape[1])  # (N, D): per feature
    elif x.ndim == 4:
        axes, bshape = (0, 2, 3), (1, x.shape[1], 1, 1)  # (N, C, H, W): per channel
    else:
        raise ValueError(f"expected x of shape (N, D) or (N, C, H, W), got {x.shape}")
    if gamma.shape != (x.shape[1],):
        raise ValueError(f"expected gamma and beta of shape ({x.shape[1]},), got {gamma.shape}")
    return axes, bshape


def batchnorm_forward(x, gamma, beta, eps: float = 1e-5, running: dict | None = None,
                      momentum: float = 0.1, train: bool = True) -> tuple[np.ndarray, dict]:
    """Batch norm of x (N, D) or (N, C, H, W) with per-feature gamma, beta (D,) / (C,).

    Args:
        running: ``{"mean": (D,), "var": (D,)}`` arrays, updated in place when ``train`` (like a torch
            module's buffers) and used instead of the batch statistics when not. ``None`` in training
            means batch statistics only (torch's ``track_running_stats=False``).
        momentum: weight of the current batch in the running update.
        train: training mode (batch statistics) or evaluation mode (running statistics).

    Returns ``y`` (same shape as x) and the cache for :func:`batchnorm_backward`.
    """
    x = np.asarray(x, dtype=np.float64)
    gamma, beta = np.asarray(gamma, dtype=np.float64), np.asarray(beta, dtype=np.float64)
    axes, bshape = _axes(x, gamma)
    if beta.shape != gamma.shape:
        raise ValueError(f"expected beta of shape {gamma.shape}, got {beta.shape}")
    m = x.size // x.shape[1]  # values per feature in this batch
    if train:
        if m < 2:
            raise ValueError(f"expected more than 1 value per feature in training, got x of shape {x.shape}")
        mean = x.mean(axis=axes)  # step 1, (D,)
        var = x.var(axis=axes)  # step 2, biased, (D,)
        if running is not None:
            _check_running(running, gamma.shape)
            running["mean"][...] = (1 - momentum) * running["mean"] + momentum * mean
            running["var"][...] = (1 - momentum) * running["var"] + momentum * var * m / (m - 1)
    else:
        if running is None:
            raise ValueError('evaluation mode needs running statistics: running={"mean": ..., "var": ...}')
        _check_running(running, gamma.shape)
        mean, var = running["mean"], running["var"]
    inv_std = 1.0 / np.sqrt(var + eps)  # (D,)
    x_hat = (x - mean.reshape(bshape)) * inv_std.reshape(bshape)  # step 3
    y = gamma.reshape(bshape) * x_hat + beta.reshape(bshape)  # step 4
    cache = {"x_hat": x_hat, "inv_std": inv_std, "gamma": gamma, "axes": axes, "bshape": bshape,
             "train": train}
    return y, cache


def batchnorm_backward(dy, cache: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dgamma, dbeta) from the upstream gradient dy (shape of x).

    In training μ and σ² depend on every x in the batch, which gives the compact form
    dx = (1/M)·(1/σ)·(M·dx̂ − Σ dx̂ − x̂ Σ dx̂ x̂) with dx̂ = γ dy and M values per feature;
    in evaluation the statistics are constants and dx = γ dy / σ.
    """
    x_hat, axes, bshape = cache["x_hat"], cache["axes"], cache["bshape"]
    dy = np.asarray(dy, dtype=np.float64)
    if dy.shape != x_hat.shape:
        raise ValueError(f"expected dy of shape {x_hat.shape}, got {dy.shape}")
    dgamma = np.sum(dy * x_hat, axis=axes)
    dbeta = np.sum(dy, axis=axes)
    inv_std = cache["inv_std"].reshape(bshape)
    dx_hat = dy * cache["gamma"].reshape(bshape)
    if not cache["train"]:
        return dx_hat * inv_std, dgamma, dbeta
    m = x_hat.size // x_hat.shape[1]
    dx = inv_std / m * (m * dx_hat - dx_hat.sum(axis=axes, keepdims=True)
                        - x_hat * np.sum(dx_hat * x_hat, axis=axes, keepdims=True))
    return dx, dgamma, dbeta


def steps(x, gamma, beta, eps: float = 1e-5) -> dict[str, np.ndarray]:
    """The four steps' results in training mode, for the histogram page: ``mean``, ``var`` (per
    feature), ``x_hat`` and ``y`` (shape of x)."""
    y, cache = batchnorm_forward(x, gamma, beta, eps=eps)
    x = np.asarray(x, dtype=np.float64)
    axes = cache["axes"]
    return {"mean": x.mean(axis=axes), "var": x.var(axis=axes), "x_hat": cache["x_hat"], "y": y}


def _check_running(running: dict, shape: tuple[int, ...]) -> None:
    for key in ("mean", "var"):
        v = running.get(key) if isinstance(running, dict) else None
        if not isinstance(v, np.ndarray) or v.shape != shape:
            raise ValueError(f'expected running["{key}"] as a float array of shape {shape}')


# ----------------------------------------------------------------------------------- experiment
def _ring_data(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Points of a 2-D Gaussian, labelled by whether they lie outside the median radius."""
    X = rng.normal(size=(n, 2))
    r2 = (X ** 2).sum(axis=1)
    return X, (r2 > np.median(r2)).astype(int)


def _train(X, y, use_bn: bool, depth: int, width: int, activation: str, lr: float, epochs: int,
           batch_size: int, seed: int) -> tuple[list[float], list[float]]:
    """Mini-batch SGD on softmax cross-entropy; returns per-epoch mean training loss and accuracy."""
    phi, dphi = get_activation(activation)
    rng = np.random.default_rng(seed)  # same seed → same initial weights and batches for both runs
    params = init_params([X.shape[1]] + [width] * depth + [2], "xavier", rng)
    bn = [{"gamma": np.ones(width), "beta": np.zeros(width),
           "running": {"mean": np.zeros(width), "var": np.ones(width)}} for _ in range(depth)]
    losses, accs = [], []
    for _ in range(epochs):
        order = rng.permutation(len(X))
        batch_losses, correct = [], 0
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            a, yb, caches = X[idx], y[idx], []
            for (W, b), layer in zip(params[:-1], bn, strict=True):
                z = a @ W.T + b
                bn_cache = None
                if use_bn:
                    z, bn_cache = batchnorm_forward(z, layer["gamma"], layer["beta"], running=layer["running"])
                caches.append((a, z, bn_cache))
                a = phi(z)
            W, b = params[-1]
            logits = a @ W.T + b  # (B, 2)
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
            batch_losses.append(-np.mean(np.log(p[np.arange(len(yb)), yb] + 1e-300)))
            correct += int(np.sum(p.argmax(axis=1) == yb))
            # backward
            delta = p.copy()
            delta[np.arange(len(yb)), yb] -= 1
            delta /= len(yb)
            grads = [(delta.T @ a, delta.sum(axis=0))]
            delta = delta @ W
            for (W, _b), layer, (a_prev, z, bn_cache) in zip(params[-2::-1], bn[::-1], caches[::-1],
                                                             strict=True):
                delta = delta * dphi(z)
                if use_bn:
                    delta, dgamma, dbeta = batchnorm_backward(delta, bn_cache)
                    layer["gamma"] -= lr * dgamma
                    layer["beta"] -= lr * dbeta
                grads.append((delta.T @ a_prev, delta.sum(axis=0)))
                delta = delta @ W
            for (W, b), (dW, db) in zip(params, grads[::-1], strict=True):
                W -= lr * dW
                b -= lr * db
        losses.append(float(np.mean(batch_losses)))
        accs.append(correct / len(X))
    return losses, accs


def bn_experiment(depth: int = 8, width: int = 16, epochs: int = 20, seed: int = 0, n: int = 384,
                  activation: str = "sigmoid", lr: float = 0.5, batch_size: int = 64) -> dict:
    """Train one deep MLP twice, with and without BN after every hidden linear layer.

    Task: 2-D Gaussian points, class = outside the median radius (a ring; not linearly separable).
    Both runs share the data, the initial weights and the mini-batch order; only BN differs.

    Returns ``dict(with_bn=[loss per epoch], without_bn=[…], with_bn_acc=[…], without_bn_acc=[…],
    epochs=[1, …], config={…})``; losses are the mean mini-batch softmax cross-entropy of each epoch.
    """
    if min(depth, width, epochs, n, batch_size) < 1 or lr <= 0:
        raise ValueError("expected positive depth, width, epochs, n, batch_size and lr")
    X, y = _ring_data(n, np.random.default_rng(seed))
    args = dict(depth=depth, width=width, activation=activation, lr=lr, epochs=epochs,
                batch_size=batch_size, seed=seed + 1)
    with_bn, with_bn_acc = _train(X, y, use_bn=True, **args)
    without_bn, without_bn_acc = _train(X, y, use_bn=False, **args)
    return {"with_bn": with_bn, "without_bn": without_bn, "with_bn_acc": with_bn_acc,
            "without_bn_acc": without_bn_acc, "epochs": list(range(1, epochs + 1)),
            "config": dict(args, n=n, seed=seed)}


# The lecture's "추천 구조" for a CNN block: Convolution → (Batch Normalization) → Activation → (Dropout)
# → Pooling. BN sits between the convolution and its nonlinearity, as in Ioffe & Szegedy (2015, §3.2:
# "we add the BN transform immediately before the nonlinearity").
RECOMMENDED_ORDER = ("Conv", "BN", "Activation", "Dropout", "Pooling")


def whiten(x) -> np.ndarray:
    """Full (ZCA) whitening of a batch x (N, D): zero mean, covariance = identity. Needs the D×D
    covariance and its inverse square root (an eigendecomposition, O(D³)) for every batch."""
    x = np.asarray(x, dtype=np.float64)
    xc = x - x.mean(axis=0)
    cov = xc.T @ xc / len(x)
    vals, vecs = np.linalg.eigh(cov)
    return xc @ vecs @ np.diag(1 / np.sqrt(vals + 1e-12)) @ vecs.T


def whitening_vs_bn(x) -> dict[str, np.ndarray | dict]:
    """Why BN normalises each feature on its own instead of whitening (lecture: "whitening … 계산량이
    많고"): both give mean 0 and variance 1 per feature, but only whitening also removes correlations,
    at the price of a D×D covariance and its inverse square root per batch.

    Returns the covariance of the input, of BN's x̂ (γ = 1, β = 0) and of the whitened batch.
    """
    x = np.asarray(x, dtype=np.float64)
    d = x.shape[1]
    cov = lambda v: np.cov(v, rowvar=False, bias=True)  # noqa: E731
    x_hat = steps(x, np.ones(d), np.zeros(d))["x_hat"]
    return {"input": cov(x), "bn": cov(x_hat), "whitened": cov(whiten(x))}


def normalisation_cost(n: int, d: int) -> dict[str, int]:
    """Rough multiply counts per mini-batch of n × d: BN ≈ 4nd (mean, variance, normalise, scale);
    whitening ≈ 2nd² (covariance, then applying the d×d matrix) + d³ (its eigendecomposition)."""
    return {"bn": 4 * n * d, "whitening": 2 * n * d * d + d ** 3}


def correlated_batch(n: int = 256, rho: float = 0.8, seed: int = 0) -> np.ndarray:
    """Two features with correlation ``rho``, means (3, −1), standard deviations (2, 0.5) → (n, 2)."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, 2))
    z[:, 1] = rho * z[:, 0] + np.sqrt(1 - rho ** 2) * z[:, 1]
    return z * np.array([2.0, 0.5]) + np.array([3.0, -1.0])
