"""Multilayer perceptron with hand-written backpropagation (lecture: "다층 퍼셉트론 / MLP", "XOR 문제
해결", "역전파 / backpropagation").

Weights follow the lecture's (and ``torch.nn.Linear``'s) convention: layer l has ``W`` of shape
(n_out, n_in) with ``W[j, i]`` the weight from unit i to unit j, and ``b`` of shape (n_out,). For a
batch stored row-wise, X (N, n_in), the forward pass of one layer is

    z = a_prev @ W.T + b        # (N, n_out)
    a = φ(z)

and backpropagation runs the chain rule in reverse, with δ = ∂J/∂z:

    ∂J/∂W = δ.T @ a_prev,   ∂J/∂b = Σ_n δ,   δ_prev = (δ @ W) ⊙ φ'(z_prev).

Losses (all averaged over the batch, so the learning rate does not depend on N):

* ``"mse"``: the lecture's J = ½ Σ_k (a_k − y_k)², summed over the outputs k, mean over samples.
  The output layer uses the hidden activation (the lecture's network applies φ everywhere) unless
  ``output_activation`` says otherwise (e.g. ``"identity"`` for regression).
* ``"bce"``: binary cross-entropy −Σ_k [y log p + (1 − y) log(1 − p)] with p = sigmoid(z), summed
  over outputs, mean over samples; computed from the logits z so it never takes log(0).
* ``"softmax_ce"``: −Σ_k y_k log softmax(z)_k, mean over samples; y are class indices (N,) or one-hot
  (N, K). For both cross-entropies δ at the output is simply (p − y) / N.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from core.nn.activations import ACTIVATIONS
from core.nn.activations import get as get_activation

LOSSES = ("mse", "bce", "softmax_ce")
INITS = ("xavier", "he", "normal", "small")


def init_params(sizes: Sequence[int], init: str = "xavier", rng: np.random.Generator | None = None
                ) -> list[list[np.ndarray]]:
    """Random weights and zero biases for layer widths ``sizes`` = (n_0, n_1, …, n_L).

    ``init``: ``"xavier"`` (Glorot normal, std √(2 / (n_in + n_out)), suited to sigmoid/tanh),
    ``"he"`` (std √(2 / n_in), suited to ReLU), ``"normal"`` (std 1) or ``"small"`` (std 0.01).
    Returns ``[[W1, b1], …, [WL, bL]]`` with ``Wl`` (n_l, n_{l-1}) and ``bl`` (n_l,).
    """
    sizes = _check_sizes(sizes)
    if init not in INITS:
        raise ValueError(f"unknown init {init!r}; expected one of {INITS}")
    rng = np.random.default_rng(rng)
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=False):
        std = {"xavier": np.sqrt(2.0 / (n_in + n_out)), "he": np.sqrt(2.0 / n_in),
               "normal": 1.0, "small": 0.01}[init]
        params.append([rng.normal(0.0, std, size=(n_out, n_in)), np.zeros(n_out)])
    return params


class MLP:
    """Fully connected network of any depth, trained by full-batch gradient descent.

    Args:
        sizes: layer widths, input first, e.g. ``(2, 2, 1)`` for the lecture's XOR network.
        activation: hidden activation, a key of ``core.nn.activations.ACTIVATIONS``.
        loss: ``"mse"``, ``"bce"`` or ``"softmax_ce"`` (see the module docstring).
        seed: seeds the initial weights.
        init: weight initialisation, see :func:`init_params`.
        output_activation: only for ``"mse"``: the output layer's activation (default: ``activation``;
            ``"identity"`` for none). The cross-entropies fix it to sigmoid / softmax.
    """

    def __init__(self, sizes: Sequence[int], activation: str = "sigmoid", loss: str = "mse",
                 seed: int = 0, init: str = "xavier", output_activation: str | None = None):
        self.sizes = _check_sizes(sizes)
        self.phi, self.dphi = get_activation(activation)
        self.activation = activation
        if loss not in LOSSES:
            raise ValueError(f"unknown loss {loss!r}; expected one of {LOSSES}")
        self.loss = loss
        if loss == "mse":
            out = activation if output_activation is None else output_activation
            if out != "identity" and out not in ACTIVATIONS:
                raise ValueError(f"unknown output_activation {out!r}; expected 'identity' or one of "
                                 f"{sorted(ACTIVATIONS)}")
        elif output_activation is not None:
            raise ValueError(f"loss {loss!r} fixes the output activation; leave output_activation=None")
        else:
            out = "sigmoid" if loss == "bce" else "softmax"
        self.output_activation = out
        self.params = init_params(self.sizes, init, np.random.default_rng(seed))

    # ----------------------------------------------------------------------------------- forward
    def forward(self, X) -> tuple[np.ndarray, dict]:
        """X (N, n_0) → (out (N, n_L), cache).

        ``out`` is the network's output a⁽ᴸ⁾ (probabilities for the cross-entropies). ``cache`` holds
        ``a`` = [a⁽⁰⁾ = X, …, a⁽ᴸ⁾] and ``z`` = [z⁽¹⁾, …, z⁽ᴸ⁾] for :meth:`backward`.
        """
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"expected X of shape (N, {self.sizes[0]}), got {X.shape}")
        a, acts, zs = X, [X], []
        for layer, (W, b) in enumerate(self.params):
            z = a @ W.T + b  # (N, n_out)
            a = self._output(z) if layer == len(self.params) - 1 else self.phi(z)
            zs.append(z)
            acts.append(a)
        return a, {"a": acts, "z": zs}

    def _output(self, z: np.ndarray) -> np.ndarray:
        if self.output_activation == "identity":
            return z
        if self.output_activation == "softmax":
            e = np.exp(z - z.max(axis=1, keepdims=True))  # shift: no overflow, same softmax
            return e / e.sum(axis=1, keepdims=True)
        return ACTIVATIONS[self.output_activation].f(z)

    # -------------------------------------------------------------------------------------- loss
    def loss_from_cache(self, y, cache: dict) -> float:
        """The loss J of the batch whose forward pass produced ``cache``."""
        z, a = cache["z"][-1], cache["a"][-1]
        Y = self._targets(y, len(z))
        if self.loss == "mse":
            return float(0.5 * np.sum((a - Y) ** 2) / len(z))
        if self.loss == "bce":
            # −[y log σ(z) + (1 − y) log(1 − σ(z))] = max(z, 0) − z y + log(1 + e^−|z|)
            return float(np.sum(np.maximum(z, 0) - z * Y + np.log1p(np.exp(-np.abs(z)))) / len(z))
        shifted = z - z.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))  # log-softmax (N, K)
        return float(-np.sum(Y * log_p) / len(z))

    def cost(self, X, y) -> float:
        """Loss J on (X, y)."""
        return self.loss_from_cache(y, self.forward(X)[1])

    # ---------------------------------------------------------------------------------- backward
    def backward(self, y, cache: dict) -> list[dict[str, np.ndarray]]:
        """Gradients of the loss w.r.t. every parameter: ``[{"dW": (n_l, n_{l-1}), "db": (n_l,)}, …]``,
        first layer first."""
        acts, zs = cache["a"], cache["z"]
        n = len(zs[-1])
        Y = self._targets(y, n)
        # For "mse" this is ∂J/∂a at the output; for sigmoid + BCE and softmax + CE the output
        # activation's derivative cancels against the loss's and it already is ∂J/∂z = (p − y) / N.
        delta = (acts[-1] - Y) / n  # (N, n_L)
        if self.loss == "mse" and self.output_activation != "identity":
            delta = delta * ACTIVATIONS[self.output_activation].df(zs[-1])
        grads = []
        for layer in range(len(self.params) - 1, -1, -1):
            W = self.params[layer][0]
            grads.append({"dW": delta.T @ acts[layer], "db": delta.sum(axis=0)})
            if layer > 0:
                delta = (delta @ W) * self.dphi(zs[layer - 1])  # (N, n_{l-1})
        return grads[::-1]

    def step(self, grads: list[dict[str, np.ndarray]], lr: float) -> None:
        """Gradient descent: W ← W − lr ∂J/∂W, b ← b − lr ∂J/∂b (in place)."""
        if len(grads) != len(self.params):
            raise ValueError(f"expected {len(self.params)} gradient dicts, got {len(grads)}")
        for (W, b), g in zip(self.params, grads, strict=True):
            W -= lr * g["dW"]
            b -= lr * g["db"]

    def fit(self, X, y, lr: float = 0.5, epochs: int = 1000,
            callback: Callable[[int, MLP, dict], None] | None = None) -> list[dict]:
        """Full-batch gradient descent for ``epochs`` steps.

        Returns the history, one ``dict(epoch, loss, acc)`` per epoch, measured on the forward pass
        that produced that epoch's gradient (i.e. before its update). ``callback(epoch, model,
        record)``, if given, runs after each update.
        """
        history = []
        for epoch in range(1, epochs + 1):
            out, cache = self.forward(X)
            record = {"epoch": epoch, "loss": self.loss_from_cache(y, cache),
                      "acc": _accuracy(out, y)}
            self.step(self.backward(y, cache), lr)
            history.append(record)
            if callback is not None:
                callback(epoch, self, record)
        return history

    def predict(self, X) -> np.ndarray:
        """Class labels (N,): output ≥ 0.5 for a single output unit, else the argmax."""
        return _labels(self.forward(X)[0])

    def score(self, X, y) -> float:
        """Accuracy in [0, 1]."""
        return _accuracy(self.forward(X)[0], y)

    # ----------------------------------------------------------------------------------- helpers
    def _targets(self, y, n: int) -> np.ndarray:
        """y as an (N, K) float array: labels (N,) become a column (K = 1) or one-hot (softmax)."""
        y = np.asarray(y)
        k = self.sizes[-1]
        if self.loss == "softmax_ce" and y.ndim == 1:
            if y.shape != (n,) or not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= k:
                raise ValueError(f"expected y as class indices in [0, {k}) of shape ({n},) "
                                 f"or one-hot of shape ({n}, {k}), got {y.shape}")
            return np.eye(k)[y]
        if y.ndim == 1 and k == 1:
            y = y[:, None]  # (N,) → (N, 1)
        if y.shape != (n, k):
            raise ValueError(f"expected y of shape ({n}, {k})" + (f" or ({n},)" if k == 1 else "")
                             + f", got {y.shape}")
        return y.astype(np.float64)

    def __repr__(self) -> str:
        return (f"MLP(sizes={self.sizes}, activation={self.activation!r}, loss={self.loss!r}, "
                f"output_activation={self.output_activation!r})")


def decision_grid(model: MLP, xlim: tuple[float, float], ylim: tuple[float, float], n: int = 60
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The model's output over an n × n grid of the plane, for decision-region plots.

    Returns ``xx, yy`` (n, n) from ``np.meshgrid`` and ``probs``: (n, n) for a single output unit
    (its value, e.g. P(class 1)), else (n, n, K).
    """
    if model.sizes[0] != 2:
        raise ValueError(f"expected a model with 2 inputs, got sizes {model.sizes}")
    xx, yy = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    out, _ = model.forward(np.column_stack([xx.ravel(), yy.ravel()]))  # (n*n, K)
    probs = out.reshape(n, n, -1)
    return xx, yy, probs[..., 0] if probs.shape[-1] == 1 else probs


def train_snapshots(sizes: Sequence[int], X, y, lr: float, epochs: int, every: int, seed: int = 0,
                    activation: str = "sigmoid", loss: str = "mse", n: int = 40,
                    margin: float = 0.5) -> list[dict]:
    """Train a fresh ``MLP(sizes, activation, loss, seed)`` and snapshot it for an animation.

    Returns ``[dict(epoch, loss, acc, grid), …]`` at epoch 0 (initial weights), every ``every``
    epochs and at the last epoch; ``grid`` is :func:`decision_grid`'s ``(xx, yy, probs)`` over the data's
    bounding box widened by ``margin``. ``loss``/``acc`` are measured with the weights drawn.
    """
    if every < 1 or epochs < 0:
        raise ValueError(f"expected every >= 1 and epochs >= 0, got every={every}, epochs={epochs}")
    X = np.asarray(X, dtype=np.float64)
    model = MLP(sizes, activation=activation, loss=loss, seed=seed)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    xlim, ylim = (lo[0], hi[0]), (lo[1], hi[1])

    def snapshot(epoch: int) -> dict:
        out, cache = model.forward(X)
        return {"epoch": epoch, "loss": model.loss_from_cache(y, cache), "acc": _accuracy(out, y),
                "grid": decision_grid(model, xlim, ylim, n)}

    snaps = [snapshot(0)]

    def record(epoch: int, _model: MLP, _rec: dict) -> None:
        if epoch % every == 0 or epoch == epochs:
            snaps.append(snapshot(epoch))

    model.fit(X, y, lr=lr, epochs=epochs, callback=record)
    return snaps


def _labels(out: np.ndarray) -> np.ndarray:
    return (out[:, 0] >= 0.5).astype(int) if out.shape[1] == 1 else out.argmax(axis=1)


def _accuracy(out: np.ndarray, y) -> float:
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        y = y.argmax(axis=1)  # one-hot → labels
    return float(np.mean(_labels(out) == y.reshape(-1).astype(int)))


def _check_sizes(sizes: Sequence[int]) -> tuple[int, ...]:
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"expected sizes like (n_in, ..., n_out) with at least 2 positive widths, got {sizes}")
    return sizes
