"""The neural-network playground (page 10a): 2-D data sets and a network that learns them step by step.

Everything the page draws comes from here: :func:`make_dataset` (XOR, circle, two spirals, Gaussian
blobs and the lecture's XOR truth table, with noise and a train/test split, all seeded) and
:class:`Playground`, which wraps :class:`core.nn.mlp.MLP` (any depth and width, every activation,
batch norm, L2) and a :class:`core.nn.mlp.Optimizer` (SGD, momentum, Adam), trains it one epoch at a
time and reports what the page shows: train/test loss per epoch, the decision region, the output
map of every neuron, the weights, the dead units per layer and each layer's gradient norm.

Points live in the square [-1, 1]² (the truth table in [0, 1]²); labels are 0/1 and the network has
one sigmoid output trained with binary cross-entropy.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.nn.activations import ACTIVATIONS
from core.nn.mlp import MLP, OPTIMIZERS, Optimizer, accuracy
from core.nn.perceptron import LOGIC_GATES

DATASETS = ("xor", "circle", "spiral", "gauss", "xor_table")
MAX_LAYERS, MAX_WIDTH = 4, 8


@dataclass(frozen=True)
class Dataset:
    """Train and test points (N, 2) with labels (N,) in {0, 1}, and the square to draw them in."""

    name: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    view: tuple[float, float]  # the plotting window, the same for both axes


def _xor(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # Uniform in the square, kept a little away from the axes; label 1 where x₁·x₂ > 0.
    X = rng.uniform(-1, 1, size=(n, 2))
    X += np.sign(X) * 0.05
    X = np.clip(X, -1, 1)
    return X, (X[:, 0] * X[:, 1] > 0).astype(int)


def _circle(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # Half inside radius 0.5 (label 1), half on a ring 0.7 … 1.0 (label 0).
    k = n // 2
    r = np.concatenate([rng.uniform(0, 0.5, k), rng.uniform(0.7, 1.0, n - k)])
    angle = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)]), (np.arange(n) < k).astype(int)


def _spiral(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # Two interleaved arms r = t, angle = 1.75 · 2π t (+ π for the second arm), t in (0, 1].
    k = n // 2
    t = np.concatenate([np.linspace(0.05, 1, k), np.linspace(0.05, 1, n - k)])
    label = (np.arange(n) < k).astype(int)
    angle = 1.75 * 2 * np.pi * t + np.pi * (1 - label)
    return np.column_stack([t * np.cos(angle), t * np.sin(angle)]), label


def _gauss(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # Two Gaussian blobs (std 0.2) around (0.45, 0.45) (label 1) and (-0.45, -0.45) (label 0).
    k = n // 2
    label = (np.arange(n) < k).astype(int)
    centre = np.where(label[:, None] == 1, 0.45, -0.45)
    return centre + rng.normal(0, 0.2, size=(n, 2)), label


_GENERATORS = {"xor": _xor, "circle": _circle, "spiral": _spiral, "gauss": _gauss}


def make_dataset(name: str = "circle", n: int = 500, noise: float = 0.0, train_frac: float = 0.5,
                 seed: int = 0) -> Dataset:
    """A seeded 2-D classification data set.

    Args:
        name: one of :data:`DATASETS`. ``"xor_table"`` is the lecture's truth table
            (``core.nn.perceptron.LOGIC_GATES["XOR"]``): exactly four points, used for training and
            testing alike (nothing to hold out), so ``n``, ``noise`` and ``train_frac`` do not apply.
        n: number of points (≥ 4).
        noise: standard deviation of the Gaussian jitter added to every point after labelling
            (0 … 0.5; the square is 2 wide), which makes the classes overlap.
        train_frac: share of the points used for training (0.1 … 0.9), drawn at random.
        seed: seeds the points, the noise and the split.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; expected one of {DATASETS}")
    if name == "xor_table":
        X, y = LOGIC_GATES["XOR"]
        X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=int)
        return Dataset(name, X, y, X.copy(), y.copy(), (-0.5, 1.5))
    if n < 4:
        raise ValueError(f"expected n >= 4, got {n}")
    if not 0 <= noise <= 0.5:
        raise ValueError(f"expected noise in [0, 0.5], got {noise}")
    if not 0.1 <= train_frac <= 0.9:
        raise ValueError(f"expected train_frac in [0.1, 0.9], got {train_frac}")
    rng = np.random.default_rng(seed)
    X, y = _GENERATORS[name](n, rng)
    X = X + noise * rng.normal(size=X.shape)  # drawn even at 0: the noise slider keeps the split
    order = rng.permutation(n)
    n_train = int(round(train_frac * n))
    tr, te = order[:n_train], order[n_train:]
    return Dataset(name, X[tr], y[tr], X[te], y[te], (-1.3, 1.3))


def grid(view: tuple[float, float], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Centres of an n × n grid of cells covering ``view``² and the cell width: ((n², 2), width).
    Row-major with x₁ fastest, so ``values.reshape(n, n)[i, j]`` is the cell at row i (x₂), column j."""
    lo, hi = view
    width = (hi - lo) / n
    centres = lo + width * (np.arange(n) + 0.5)
    xx, yy = np.meshgrid(centres, centres)
    return np.column_stack([xx.ravel(), yy.ravel()]), width


class Playground:
    """A network being trained on a :class:`Dataset`, one epoch at a time.

    Args:
        data: the data set.
        hidden: widths of the hidden layers, 0 to 4 layers of 1 to 8 units (``()`` = logistic
            regression).
        activation: hidden activation, a key of ``core.nn.activations.ACTIVATIONS``.
        batchnorm: batch norm before every hidden activation.
        optimizer: ``"sgd"``, ``"momentum"`` or ``"adam"``.
        lr, batch_size, l2: learning rate, mini-batch size, L2 penalty λ; may be changed while
            training with :meth:`set_hyper`.
        seed: seeds the initial weights and the mini-batch order.
    """

    def __init__(self, data: Dataset, hidden: Sequence[int] = (4, 4), activation: str = "tanh",
                 batchnorm: bool = False, optimizer: str = "sgd", lr: float = 0.1,
                 batch_size: int = 10, l2: float = 0.0, seed: int = 0):
        hidden = tuple(int(h) for h in hidden)
        if len(hidden) > MAX_LAYERS or any(not 1 <= h <= MAX_WIDTH for h in hidden):
            raise ValueError(f"expected 0 to {MAX_LAYERS} hidden layers of 1 to {MAX_WIDTH} units, got {hidden}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; expected one of {sorted(ACTIVATIONS)}")
        self.data = data
        self.hidden = hidden
        init = "he" if activation in ("relu", "leaky_relu") else "xavier"
        self.model = MLP((2, *hidden, 1), activation=activation, loss="bce", seed=seed, init=init,
                         batchnorm=batchnorm, l2=l2)
        self.optimizer = Optimizer(self.model, optimizer, lr)
        self.batch_size = 1
        self.set_hyper(lr=lr, batch_size=batch_size, l2=l2, optimizer=optimizer)
        self.rng = np.random.default_rng(seed + 1)
        self.epoch = 0
        self.history: dict[str, list[float]] = {"epoch": [], "train_loss": [], "test_loss": []}
        self._record()

    def set_hyper(self, lr: float, batch_size: int, l2: float, optimizer: str) -> None:
        """Change the training settings between epochs. A new optimizer starts with fresh state;
        the same one keeps its state (momentum, Adam's moments) and only takes the new ``lr``."""
        if batch_size < 1 or (self.model.batchnorm and batch_size < 2):
            raise ValueError(f"expected batch_size >= {2 if self.model.batchnorm else 1}, got {batch_size}")
        if not l2 >= 0:
            raise ValueError(f"expected l2 >= 0, got {l2!r}")
        if optimizer != self.optimizer.name:
            self.optimizer = Optimizer(self.model, optimizer, lr)
        self.optimizer.lr = lr
        self.batch_size = int(batch_size)
        self.model.l2 = float(l2)

    # ------------------------------------------------------------------------------ training
    def run(self, epochs: int = 1) -> None:
        """Train for ``epochs`` passes over the training set (shuffled mini-batches)."""
        d = self.data
        for _ in range(epochs):
            self.model.fit(d.X_train, d.y_train, epochs=1, batch_size=self.batch_size,
                           optimizer=self.optimizer, seed=self.rng)
            self.epoch += 1
            self._record()

    def _record(self) -> None:
        d = self.data
        self.history["epoch"].append(self.epoch)
        self.history["train_loss"].append(self.model.cost(d.X_train, d.y_train))
        self.history["test_loss"].append(self.model.cost(d.X_test, d.y_test))

    def curves(self, max_points: int = 300) -> dict[str, np.ndarray]:
        """The loss history (epoch, train_loss, test_loss), thinned to at most ``max_points``
        evenly spaced epochs (the first and the latest always kept) so a long run stays cheap to draw."""
        n = len(self.history["epoch"])
        idx = np.unique(np.linspace(0, n - 1, min(n, max_points)).round().astype(int))
        return {k: np.asarray(v)[idx] for k, v in self.history.items()}

    # ------------------------------------------------------------------------------ what to draw
    def snapshot(self, res: int = 40, neuron_res: int = 12) -> dict:
        """Everything the page draws for the current weights.

        Returns a dict with
            ``epoch``, ``train_loss``, ``test_loss``, ``train_acc``, ``test_acc``;
            ``region``: P(y = 1) on the ``res`` × ``res`` grid of :func:`grid` (``res²``,),
            ``cell``: its cell width;
            ``neurons``: one (``neuron_res²``, n_l) array per layer — the inputs x₁, x₂, every hidden
            unit's activation φ(z) and the output P(y = 1) over the coarser grid — and
            ``neurons_scaled``: the same, each neuron's map scaled to [-1, 1] over its own range
            (a constant map gives 0), ``neuron_cell``;
            ``weights``: [W₁, …, W_L] (copies), ``biases``;
            ``dead_units``: per hidden layer, a boolean (n_l,) — φ'(z) = 0 on every training point
            (a dead ReLU never learns again) — and ``dead``: their counts; ``width``: the hidden widths;
            ``grad_norm``: per weight layer, ‖∂J/∂W‖ of the full training set's objective at the
            current weights (batch statistics for BN, running statistics untouched).
        """
        d, m = self.data, self.model
        out_tr, cache_tr = m.forward(d.X_train)
        out_te, _ = m.forward(d.X_test)
        pts, cell = grid(d.view, res)
        region = m.forward(pts)[0][:, 0]
        npts, ncell = grid(d.view, neuron_res)
        acts = m.forward(npts)[1]["a"]  # [x, a1, …, out]
        lo = [a.min(axis=0) for a in acts]
        span = [a.max(axis=0) - low for a, low in zip(acts, lo, strict=True)]
        scaled = [np.where(s > 1e-12, 2 * (a - low) / np.where(s > 1e-12, s, 1) - 1, 0.0)
                  for a, low, s in zip(acts, lo, span, strict=True)]
        dead_units = [np.all(m.dphi(z) == 0, axis=0) for z in cache_tr["z"][:-1]]  # (n_l,) each
        _, cache_g = m.forward(d.X_train, train=True, update_stats=False)
        grads = m.backward(d.y_train, cache_g)
        return {
            "epoch": self.epoch,
            "train_loss": self.history["train_loss"][-1], "test_loss": self.history["test_loss"][-1],
            "train_acc": accuracy(out_tr, d.y_train), "test_acc": accuracy(out_te, d.y_test),
            "region": region, "cell": cell,
            "neurons": acts, "neurons_scaled": scaled, "neuron_cell": ncell,
            "weights": [W.copy() for W, _b in m.params], "biases": [b.copy() for _W, b in m.params],
            "dead": [int(d.sum()) for d in dead_units], "dead_units": dead_units, "width": list(self.hidden),
            "grad_norm": [float(np.linalg.norm(g["dW"])) for g in grads],
        }


__all__ = ["DATASETS", "MAX_LAYERS", "MAX_WIDTH", "OPTIMIZERS", "Dataset", "Playground", "grid", "make_dataset"]
