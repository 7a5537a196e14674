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

Beyond the lecture's network (the playground, page 10a, uses all of these):

* ``batchnorm=True`` puts the lesson's batch normalization (``core.nn.batchnorm``) between every
  hidden linear layer and its activation: z = a_prev @ W.T, ẑ = BN(z) = γ x̂ + β, a = φ(ẑ) — the
  same as ``torch.nn.Sequential(Linear(bias=False), BatchNorm1d, activation)``. A bias before BN
  would be useless (BN subtracts the batch mean, so ∂J/∂b = 0; β takes its place): those b stay 0
  and are not trained. ``forward(X, train=True)`` uses
  the batch's statistics (and updates the running ones); ``forward(X)`` uses the running ones.
* ``l2 = λ`` adds the penalty (λ/2) Σ_l ‖W_l‖² on the weights (not biases, not γ/β) to the
  objective, so every ∂J/∂W gains λ W. ``loss_from_cache`` stays the data loss; :meth:`MLP.penalty`
  is the rest.
* :class:`Optimizer` steps every parameter array with an update rule of ``core.ml.optim``
  (SGD, momentum, Adam — each array keeps its own state, exactly like ``torch.optim``), and
  :meth:`MLP.fit` trains in shuffled mini-batches of ``batch_size``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from core.ml.optim import OPTIMIZER_INFO, SGD, Adam
from core.nn.activations import ACTIVATIONS
from core.nn.activations import get as get_activation

LOSSES = ("mse", "bce", "softmax_ce")
INITS = ("xavier", "he", "normal", "small")
# Update rules of core.ml.optim offered for networks: "momentum" is SGD with torch's momentum 0.9.
OPTIMIZERS = ("sgd", "momentum", "adam")
RACE_NAME = {"sgd": "gd"}  # core.ml.optim.OPTIMIZER_INFO's key for each of these rules


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
    """Fully connected network of any depth, trained by (mini-batch) gradient descent.

    Args:
        sizes: layer widths, input first, e.g. ``(2, 2, 1)`` for the lecture's XOR network.
        activation: hidden activation, a key of ``core.nn.activations.ACTIVATIONS``.
        loss: ``"mse"``, ``"bce"`` or ``"softmax_ce"`` (see the module docstring).
        seed: seeds the initial weights.
        init: weight initialisation, see :func:`init_params`.
        output_activation: only for ``"mse"``: the output layer's activation (default: ``activation``;
            ``"identity"`` for none). The cross-entropies fix it to sigmoid / softmax.
        batchnorm: batch normalization before every hidden activation (γ = 1, β = 0 at the start,
            running mean 0 and variance 1, momentum 0.1, ε = 1e-5 as ``torch.nn.BatchNorm1d``).
        l2: the L2 penalty λ ≥ 0 on the weights (see the module docstring); may be changed later.
    """

    def __init__(self, sizes: Sequence[int], activation: str = "sigmoid", loss: str = "mse",
                 seed: int = 0, init: str = "xavier", output_activation: str | None = None,
                 batchnorm: bool = False, l2: float = 0.0):
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
        if not l2 >= 0:
            raise ValueError(f"expected l2 >= 0, got {l2!r}")
        self.l2 = float(l2)
        self.batchnorm = bool(batchnorm)
        # One BN per hidden layer: learned γ, β and the running statistics used in evaluation.
        self.bn = [{"gamma": np.ones(n), "beta": np.zeros(n),
                    "running": {"mean": np.zeros(n), "var": np.ones(n)}}
                   for n in self.sizes[1:-1]] if self.batchnorm else []

    # ----------------------------------------------------------------------------------- forward
    def forward(self, X, train: bool = False, update_stats: bool = True) -> tuple[np.ndarray, dict]:
        """X (N, n_0) → (out (N, n_L), cache).

        ``out`` is the network's output a⁽ᴸ⁾ (probabilities for the cross-entropies). ``cache`` holds
        ``a`` = [a⁽⁰⁾ = X, …, a⁽ᴸ⁾], ``z`` = [z⁽¹⁾, …, z⁽ᴸ⁾] (what each φ received: after BN when
        ``batchnorm``) and ``bn`` (the BN caches) for :meth:`backward`.

        ``train`` matters only with batch norm: the batch's own statistics (training, which also
        updates the running ones unless ``update_stats=False``) or the running ones (evaluation).
        """
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"expected X of shape (N, {self.sizes[0]}), got {X.shape}")
        a, acts, zs, bn_caches = X, [X], [], []
        last = len(self.params) - 1
        for layer, (W, b) in enumerate(self.params):
            z = a @ W.T + b  # (N, n_out)
            if layer == last:
                a = self._output(z)
            else:
                if self.batchnorm:
                    z, bn_cache = self._bn_forward(layer, z, train, update_stats)
                    bn_caches.append(bn_cache)
                a = self.phi(z)
            zs.append(z)
            acts.append(a)
        return a, {"a": acts, "z": zs, "bn": bn_caches}

    def _bn_forward(self, layer: int, z: np.ndarray, train: bool, update_stats: bool):
        # Imported here: core.nn.batchnorm itself imports init_params from this module.
        from core.nn.batchnorm import batchnorm_forward

        bn = self.bn[layer]
        running = bn["running"] if update_stats or not train else None
        return batchnorm_forward(z, bn["gamma"], bn["beta"], running=running, train=train)

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

    def penalty(self) -> float:
        """The L2 term (λ/2) Σ_l ‖W_l‖² of the objective (0 when ``l2`` = 0)."""
        if self.l2 == 0:
            return 0.0
        return 0.5 * self.l2 * float(sum(np.sum(W * W) for W, _b in self.params))

    def cost(self, X, y) -> float:
        """Loss J on (X, y) (the data loss, evaluation mode)."""
        return self.loss_from_cache(y, self.forward(X)[1])

    # ---------------------------------------------------------------------------------- backward
    def backward(self, y, cache: dict) -> list[dict[str, np.ndarray]]:
        """Gradients of the objective (data loss + L2 penalty) w.r.t. every parameter, first layer
        first: ``[{"dW": (n_l, n_{l-1}), "db": (n_l,)}, …]``; with batch norm the hidden layers'
        dicts hold ``"dgamma"`` and ``"dbeta"`` (n_l,) instead of ``"db"``."""
        acts, zs = cache["a"], cache["z"]
        n = len(zs[-1])
        Y = self._targets(y, n)
        # For "mse" this is ∂J/∂a at the output; for sigmoid + BCE and softmax + CE the output
        # activation's derivative cancels against the loss's and it already is ∂J/∂z = (p − y) / N.
        delta = (acts[-1] - Y) / n  # (N, n_L)
        if self.loss == "mse" and self.output_activation != "identity":
            delta = delta * ACTIVATIONS[self.output_activation].df(zs[-1])
        grads = []
        bn_grads: dict[str, np.ndarray] = {}  # dgamma, dbeta of the layer whose δ was just formed
        for layer in range(len(self.params) - 1, -1, -1):
            W = self.params[layer][0]
            dW = delta.T @ acts[layer]
            if self.l2:
                dW = dW + self.l2 * W  # ∂/∂W of (λ/2)‖W‖²
            grads.append({"dW": dW, **(bn_grads or {"db": delta.sum(axis=0)})})
            if layer > 0:
                delta = (delta @ W) * self.dphi(zs[layer - 1])  # (N, n_{l-1}), δ at φ's input
                if self.batchnorm:
                    delta, dgamma, dbeta = self._bn_backward(delta, cache["bn"][layer - 1])
                    bn_grads = {"dgamma": dgamma, "dbeta": dbeta}
        return grads[::-1]

    @staticmethod
    def _bn_backward(delta: np.ndarray, bn_cache: dict):
        from core.nn.batchnorm import batchnorm_backward

        return batchnorm_backward(delta, bn_cache)  # δ before BN, ∂J/∂γ, ∂J/∂β

    def parameters(self) -> list[np.ndarray]:
        """Every trainable array, in a fixed order: W₁, b₁ (or γ₁, β₁ with batch norm), W₂, …, W_L,
        b_L; updated in place."""
        out = []
        for layer, (W, b) in enumerate(self.params):
            if self.batchnorm and layer < len(self.bn):
                out += [W, self.bn[layer]["gamma"], self.bn[layer]["beta"]]
            else:
                out += [W, b]
        return out

    @staticmethod
    def gradient_list(grads: list[dict[str, np.ndarray]]) -> list[np.ndarray]:
        """:meth:`backward`'s gradients in the order of :meth:`parameters`."""
        return [g[k] for g in grads for k in ("dW", "db", "dgamma", "dbeta") if k in g]

    def step(self, grads: list[dict[str, np.ndarray]], lr: float) -> None:
        """Gradient descent: W ← W − lr ∂J/∂W, b ← b − lr ∂J/∂b (and γ, β) (in place)."""
        if len(grads) != len(self.params):
            raise ValueError(f"expected {len(self.params)} gradient dicts, got {len(grads)}")
        for p, g in zip(self.parameters(), self.gradient_list(grads), strict=True):
            p -= lr * g

    def train_step(self, X, y, optimizer: Optimizer | None = None, lr: float | None = None) -> float:
        """One update on the batch (X, y): forward in training mode, backward, then ``optimizer``
        (or plain gradient descent with ``lr``). Returns the batch's data loss before the update."""
        if (optimizer is None) == (lr is None):
            raise ValueError("pass exactly one of optimizer and lr")
        _, cache = self.forward(X, train=True)
        loss = self.loss_from_cache(y, cache)
        grads = self.backward(y, cache)
        if optimizer is None:
            self.step(grads, lr)
        else:
            optimizer.step(self, grads)
        return loss

    def fit(self, X, y, lr: float = 0.5, epochs: int = 1000,
            callback: Callable[[int, MLP, dict], None] | None = None, batch_size: int | None = None,
            optimizer: str | Optimizer = "sgd", seed: int | np.random.Generator | None = 0) -> list[dict]:
        """Gradient descent for ``epochs`` passes over (X, y).

        ``batch_size=None`` (the lecture's full batch) makes one update per epoch on all of X;
        otherwise each epoch visits X in a fresh random order (drawn from ``seed``, a Generator is
        used as is) in mini-batches of ``batch_size`` (with batch norm a last batch of one sample,
        which has no variance, joins the one before). ``optimizer`` is a name of :data:`OPTIMIZERS`
        (a fresh one with ``lr``) or an :class:`Optimizer` whose state carries over between calls.

        Returns the history, one ``dict(epoch, loss, acc)`` per epoch, measured on the forward passes
        that produced that epoch's gradients (i.e. before each update; sample-weighted over batches).
        ``callback(epoch, model, record)``, if given, runs after each epoch.
        """
        X = np.asarray(X, dtype=np.float64)
        if isinstance(optimizer, str):
            optimizer = Optimizer(self, optimizer, lr)
        rng = np.random.default_rng(seed)
        history = []
        for epoch in range(1, epochs + 1):
            loss_sum = correct = 0.0
            for idx in self.batches(len(X), batch_size, rng):
                xb, yb = X[idx], np.asarray(y)[idx]
                out, cache = self.forward(xb, train=True)
                loss_sum += self.loss_from_cache(yb, cache) * len(xb)
                correct += accuracy(out, yb) * len(xb)
                optimizer.step(self, self.backward(yb, cache))
            record = {"epoch": epoch, "loss": loss_sum / len(X), "acc": correct / len(X)}
            history.append(record)
            if callback is not None:
                callback(epoch, self, record)
        return history

    def batches(self, n: int, batch_size: int | None, rng: np.random.Generator) -> list[np.ndarray]:
        """One epoch's mini-batches of indices into n samples (the full batch: all, in order)."""
        if batch_size is None or batch_size >= n:
            return [np.arange(n)]
        if batch_size < 1:
            raise ValueError(f"expected batch_size >= 1, got {batch_size}")
        if self.batchnorm and batch_size < 2:
            raise ValueError("batch norm needs batch_size >= 2 (one sample has no variance)")
        order = rng.permutation(n)
        out = [order[i:i + batch_size] for i in range(0, n, batch_size)]
        if self.batchnorm and len(out[-1]) == 1:
            out[-2:] = [np.concatenate(out[-2:])]
        return out

    def predict(self, X) -> np.ndarray:
        """Class labels (N,): output ≥ 0.5 for a single output unit, else the argmax."""
        return _labels(self.forward(X)[0])

    def score(self, X, y) -> float:
        """Accuracy in [0, 1]."""
        return accuracy(self.forward(X)[0], y)

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
                f"output_activation={self.output_activation!r}, batchnorm={self.batchnorm}, l2={self.l2})")


class Optimizer:
    """An update rule of ``core.ml.optim`` applied to all parameters of an :class:`MLP` at once.

    The rule sees the network as one point in parameter space (as the optimizer race of page 5
    sees a point in the plane): every step concatenates the arrays of :meth:`MLP.parameters` (W, b,
    γ, β of every layer) into one vector, steps it with :meth:`MLP.backward`'s gradients laid out the
    same way, and writes the result back in place. The rules are elementwise, so this is exactly
    ``torch.optim`` stepping each tensor with its own momentum buffer or Adam moments — in one call
    instead of one per array. ``lr`` may be changed between steps (the state is kept).
    """

    def __init__(self, model: MLP, name: str = "sgd", lr: float = 0.1):
        if name not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer {name!r}; expected one of {OPTIMIZERS}")
        if not lr > 0:
            raise ValueError(f"expected lr > 0, got {lr!r}")
        self.name = name
        rule = Adam if name == "adam" else SGD
        # Page 5's race calls its plain runner "gd" (no data to sample there); here mini-batches make it SGD.
        self.rule = rule(lr=lr, **OPTIMIZER_INFO[RACE_NAME.get(name, name)]["defaults"])
        self.size = sum(p.size for p in model.parameters())

    @property
    def lr(self) -> float:
        return self.rule.lr

    @lr.setter
    def lr(self, value: float) -> None:
        if not value > 0:
            raise ValueError(f"expected lr > 0, got {value!r}")
        self.rule.lr = float(value)

    def step(self, model: MLP, grads: list[dict[str, np.ndarray]]) -> None:
        """Update every parameter of ``model`` in place from :meth:`MLP.backward`'s ``grads``."""
        params, flat_g = model.parameters(), model.gradient_list(grads)
        x = np.concatenate([p.ravel() for p in params])
        g = np.concatenate([gi.ravel() for gi in flat_g])
        if x.size != self.size or g.size != self.size:
            raise ValueError(f"expected {self.size} parameters and gradients, got {x.size} and {g.size}")
        x = self.rule.step(x, g)
        start = 0
        for p in params:
            p[...] = x[start:start + p.size].reshape(p.shape)
            start += p.size


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
        return {"epoch": epoch, "loss": model.loss_from_cache(y, cache), "acc": accuracy(out, y),
                "grid": decision_grid(model, xlim, ylim, n)}

    snaps = [snapshot(0)]

    def record(epoch: int, _model: MLP, _rec: dict) -> None:
        if epoch % every == 0 or epoch == epochs:
            snaps.append(snapshot(epoch))

    model.fit(X, y, lr=lr, epochs=epochs, callback=record)
    return snaps


def train_snapshots_many(sizes: Sequence[int], X, y, lrs: Sequence[float], seeds: Sequence[int], epochs: int,
                         every: int, activation: str = "sigmoid") -> dict[tuple[float, int], dict]:
    """:func:`train_snapshots` for every pair of a learning rate in ``lrs`` and a seed in ``seeds``,
    all trained at once: the lecture's network (``loss="mse"``, full-batch gradient descent) with
    every array given a leading axis of runs, r = (lr, seed), so one NumPy call does one step of all
    of them. Each run is the same computation as ``MLP(sizes, activation, seed=seed).fit(X, y, lr)``
    (same initial weights, same update, to rounding: ``tests/test_mlp.py`` checks 1e-12), and for a
    network this small a step costs about the same for 32 runs as for one.

    Returns ``{(lr, seed): run}`` with ``run`` = ``dict(epoch=[0, every, …, epochs], loss=(S,), acc=(S,),
    params=[[W (S, n_l, n_{l-1}), b (S, n_l)], …], sizes, activation)``: S snapshots at the epochs of
    :func:`train_snapshots`, ``loss``/``acc`` measured with the weights of that snapshot.
    :func:`snapshot_grid` gives a snapshot's decision regions.
    """
    sizes = _check_sizes(sizes)
    if every < 1 or epochs < 0:
        raise ValueError(f"expected every >= 1 and epochs >= 0, got every={every}, epochs={epochs}")
    phi, dphi = get_activation(activation)
    # The bare elementwise functions: every z here is a float array, and one errstate covers the loop.
    phi, dphi = getattr(phi, "__wrapped__", phi), getattr(dphi, "__wrapped__", dphi)
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != sizes[0]:
        raise ValueError(f"expected X of shape (N, {sizes[0]}), got {X.shape}")
    n = len(X)
    y = np.asarray(y)
    Y = MLP(sizes, activation=activation)._targets(y, n)  # (N, K), as MLP.fit sees it
    labels = y if y.ndim == 1 else y.argmax(axis=1)
    keys = [(float(lr), int(seed)) for lr in lrs for seed in seeds]
    inits = {seed: init_params(sizes, "xavier", np.random.default_rng(seed)) for _, seed in keys}
    # W (R, n_out, n_in) and b (R, 1, n_out): run r's layer, broadcast over the N samples.
    params = [[np.stack([inits[seed][layer][0] for _, seed in keys]),
               np.stack([inits[seed][layer][1] for _, seed in keys])[:, None, :]]
              for layer in range(len(sizes) - 1)]
    rate = np.array([lr for lr, _ in keys])[:, None, None]  # (R, 1, 1)

    def forward() -> tuple[list[np.ndarray], list[np.ndarray]]:
        a, acts, zs = X, [X], []
        for W, b in params:
            z = a @ W.transpose(0, 2, 1) + b  # (R, N, n_out)
            a = phi(z)
            zs.append(z)
            acts.append(a)
        return acts, zs

    snaps: dict[str, list] = {"epoch": [], "loss": [], "acc": [], "params": []}

    def snapshot(epoch: int) -> None:
        a = forward()[0][-1]
        snaps["epoch"].append(epoch)
        snaps["loss"].append(0.5 * np.sum((a - Y) ** 2, axis=(1, 2)) / n)
        snaps["acc"].append(np.mean(_labels_many(a) == labels, axis=1))
        snaps["params"].append([[W.copy(), b[:, 0, :].copy()] for W, b in params])

    with np.errstate(under="ignore"):
        snapshot(0)
        for epoch in range(1, epochs + 1):
            acts, zs = forward()
            delta = (acts[-1] - Y) / n * dphi(zs[-1])  # ∂J/∂z at the output, (R, N, n_L)
            for layer in range(len(params) - 1, -1, -1):
                W, b = params[layer]
                dW, db = delta.transpose(0, 2, 1) @ acts[layer], delta.sum(axis=1, keepdims=True)
                if layer > 0:
                    delta = (delta @ W) * dphi(zs[layer - 1])
                W -= rate * dW
                b -= rate * db
            if epoch % every == 0 or epoch == epochs:
                snapshot(epoch)
    out = {}
    for r, key in enumerate(keys):
        out[key] = {"epoch": list(snaps["epoch"]),
                    "loss": np.array([s[r] for s in snaps["loss"]]),
                    "acc": np.array([s[r] for s in snaps["acc"]]),
                    "params": [[np.stack([p[layer][0][r] for p in snaps["params"]]),
                                np.stack([p[layer][1][r] for p in snaps["params"]])]
                               for layer in range(len(params))],
                    "sizes": sizes, "activation": activation}
    return out


def snapshot_grid(run: dict, i: int, X, n: int = 40, margin: float = 0.5
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`decision_grid` of snapshot ``i`` of a run of :func:`train_snapshots_many`, over the data's
    bounding box widened by ``margin`` (as :func:`train_snapshots`'s ``grid``)."""
    model = MLP(run["sizes"], activation=run["activation"])
    model.params = [[W[i].copy(), b[i].copy()] for W, b in run["params"]]
    X = np.asarray(X, dtype=np.float64)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    return decision_grid(model, (lo[0], hi[0]), (lo[1], hi[1]), n)


def _labels_many(out: np.ndarray) -> np.ndarray:
    """:func:`_labels` for outputs (R, N, K) of R runs → (R, N)."""
    return (out[..., 0] >= 0.5).astype(int) if out.shape[-1] == 1 else out.argmax(axis=-1)


def _labels(out: np.ndarray) -> np.ndarray:
    return (out[:, 0] >= 0.5).astype(int) if out.shape[1] == 1 else out.argmax(axis=1)


def accuracy(out: np.ndarray, y) -> float:
    """Share of rows of the network output ``out`` (N, K) whose label (:meth:`MLP.predict`'s rule)
    equals y (labels (N,) or one-hot (N, K))."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        y = y.argmax(axis=1)  # one-hot → labels
    return float(np.mean(_labels(out) == y.reshape(-1).astype(int)))


def _check_sizes(sizes: Sequence[int]) -> tuple[int, ...]:
    sizes = tuple(int(s) for s in sizes)
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"expected sizes like (n_in, ..., n_out) with at least 2 positive widths, got {sizes}")
    return sizes
