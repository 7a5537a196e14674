""""Check yourself" exercises for every lecture page: the lecture's own worked examples with fresh
random numbers, solved by the same ``core`` functions the pages use (never a stored answer).

Each generator takes a seed and returns an :class:`Exercise`: the numbers of the question
(``given``), the expected answers (``answers``, one typed field each), how many decimals a typed
answer must match, and the numbers of the worked solution (``steps``). The words live in the
dashboard's translation table under ``ex.<id>.q`` (question), ``ex.<id>.sol`` (worked solution) and
``ex.<id>.f.<field>`` (field labels), formatted with ``given`` and ``steps``; so this module holds
numbers only, in no language.

``EXERCISES[page_id]`` lists the generators of one page (1–3 each); :func:`check` grades a typed
answer. ``tests/test_exercises.py`` runs every generator on 50 seeds against independent numpy /
scikit-learn / torch computations.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from core.ml.logistic import bce, sigmoid
from core.ml.metrics import binary_metrics
from core.ml.optim import SGD, Adam, gradient_descent
from core.ml.regression import fit_multiple, least_squares_steps, mse
from core.nn import activations
from core.nn.backprop import trace
from core.nn.batchnorm import steps as bn_steps
from core.nn.conv import conv2d, conv_output_size, conv_params, max_pool2d
from core.nn.perceptron import Perceptron


@dataclass(frozen=True)
class Exercise:
    """One exercise with its numbers. ``answers`` maps a field name to its value; for a
    multiple-choice field the value is the index into ``choices`` (translation keys
    ``ex.choice.<name>``)."""

    id: str                         # "p02.pr": translation keys "ex.p02.pr.q" …
    seed: int
    given: dict
    answers: dict[str, float]
    steps: dict
    decimals: int = 2               # a typed answer must match after rounding to this many decimals
    choices: tuple[str, ...] = ()   # non-empty: the single answer field is a choice

    def __post_init__(self):
        for name in ("given", "answers", "steps"):  # plain Python numbers: tidy in text, JSON-safe
            object.__setattr__(self, name, {k: _plain(v) for k, v in getattr(self, name).items()})

    @property
    def key(self) -> str:
        return f"ex.{self.id}"

    def tolerance(self) -> float:
        return 0.5 * 10.0 ** (-self.decimals) + 1e-9


def _plain(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, np.generic):
        return v.item()
    if isinstance(v, list | tuple):
        return [_plain(u) for u in v]
    return v


def _r(x: float, d: int = 4) -> float:
    """A number rounded for display in a question (the solution uses the rounded value too)."""
    return float(round(float(x), d))


# --------------------------------------------------------------------------- page 1
# The lecture's examples of supervised learning: classification (dog vs cat, MNIST) and regression
# (study hours → score), plus everyday ones of the same two kinds.
TASKS: tuple[tuple[str, str], ...] = (
    ("dogcat", "classification"), ("mnist", "classification"), ("spam", "classification"),
    ("covid", "classification"), ("score", "regression"), ("price", "regression"),
    ("temperature", "regression"), ("height", "regression"),
)
KINDS = ("classification", "regression")


def task_kind(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    task, kind = TASKS[rng.integers(len(TASKS))]
    return Exercise("p01.kind", seed, {"task": task}, {"choice": KINDS.index(kind)},
                    {"task": task, "kind": kind}, decimals=0, choices=KINDS)


# --------------------------------------------------------------------------- page 2
def _confusion(rng: np.random.Generator) -> dict[str, int]:
    return {k: int(v) for k, v in zip(("tn", "fp", "fn", "tp"), rng.integers(1, 40, size=4), strict=True)}


def precision_recall(seed: int) -> Exercise:
    cm = _confusion(np.random.default_rng(seed))
    m = binary_metrics(**cm)
    return Exercise("p02.pr", seed, cm, {"precision": m["precision"], "recall": m["recall"]},
                    cm | {"precision": m["precision"], "recall": m["recall"],
                          "tp_fp": cm["tp"] + cm["fp"], "tp_fn": cm["tp"] + cm["fn"]}, decimals=3)


def accuracy_f1(seed: int) -> Exercise:
    cm = _confusion(np.random.default_rng(seed + 7919))
    m = binary_metrics(**cm)
    return Exercise("p02.f1", seed, cm, {"accuracy": m["accuracy"], "f1": m["f1"]},
                    cm | m | {"total": sum(cm.values())}, decimals=3)


# --------------------------------------------------------------------------- page 3
def _four_points(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Four new (hours, score) pairs shaped like the lecture's table (2, 4, 6, 8 → 81, 93, 91, 97)."""
    start, gap = int(rng.integers(1, 5)), int(rng.integers(1, 4))
    x = start + gap * np.arange(4.0)
    y = np.sort(rng.integers(60, 100, size=4)).astype(float)
    y[rng.integers(4)] -= rng.integers(0, 8)  # not a perfect line
    return x, y


def least_squares_ab(seed: int) -> Exercise:
    x, y = _four_points(np.random.default_rng(seed))
    s = least_squares_steps(x, y)
    return Exercise("p03.ab", seed, {"x": x.astype(int).tolist(), "y": y.astype(int).tolist()},
                    {"a": s["a"], "b": s["b"]},
                    {"x_mean": s["x_mean"], "y_mean": s["y_mean"], "sum_dx_dy": s["sum_dx_dy"],
                     "sum_dx_sq": s["sum_dx_sq"], "a": s["a"], "b": s["b"]}, decimals=2)


def line_mse(seed: int) -> Exercise:
    rng = np.random.default_rng(seed + 104729)
    x, y = _four_points(rng)
    a, b = int(rng.integers(1, 6)), int(rng.integers(50, 80))
    p = a * x + b
    return Exercise("p03.mse", seed, {"x": x.astype(int).tolist(), "y": y.astype(int).tolist(), "a": a, "b": b},
                    {"mse": mse(p, y)},
                    {"p": p.astype(int).tolist(), "err": (p - y).astype(int).tolist(), "mse": mse(p, y)},
                    decimals=2)


# --------------------------------------------------------------------------- page 4
def gd_steps(seed: int) -> Exercise:
    """Two steps of ``x ← x − λ f'(x)`` on ``f(x) = (x − c)²``."""
    rng = np.random.default_rng(seed)
    c, x0 = int(rng.integers(-3, 4)), int(rng.integers(-6, 7))
    if x0 == c:
        x0 += 4
    lr = float(rng.choice([0.1, 0.2, 0.25, 0.3, 0.4]))
    xs = gradient_descent(lambda v: 2 * (v - c), x0, lr, 2)
    return Exercise("p04.gd", seed, {"c": c, "x0": x0, "lr": lr}, {"x1": xs[1], "x2": xs[2]},
                    {"g0": 2 * (x0 - c), "x1": xs[1], "g1": 2 * (xs[1] - c), "x2": xs[2]}, decimals=3)


# --------------------------------------------------------------------------- page 5
def momentum_steps(seed: int) -> Exercise:
    """Two SGD-with-momentum steps with given gradients (torch's convention, as on page 5)."""
    rng = np.random.default_rng(seed)
    x0 = _r(rng.integers(-20, 21) / 10, 1)
    g1, g2 = (_r(v, 1) for v in rng.integers(-30, 31, size=2) / 10)
    lr, mu = float(rng.choice([0.1, 0.2, 0.5])), float(rng.choice([0.5, 0.8, 0.9]))
    opt = SGD(lr=lr, momentum=mu)
    x1 = float(opt.step(np.array([x0]), np.array([g1]))[0])
    b1 = float(opt._buf[0])
    x2 = float(opt.step(np.array([x1]), np.array([g2]))[0])
    b2 = float(opt._buf[0])
    return Exercise("p05.momentum", seed, {"x0": x0, "g1": g1, "g2": g2, "lr": lr, "mu": mu},
                    {"x2": x2}, {"b1": b1, "x1": x1, "b2": b2, "x2": x2}, decimals=3)


def adam_first_step(seed: int) -> Exercise:
    """Adam's first step moves by about ``lr`` whatever the gradient's size (bias correction)."""
    rng = np.random.default_rng(seed + 31)
    x0 = _r(rng.integers(-20, 21) / 10, 1)
    g = _r(rng.choice([-1, 1]) * rng.integers(1, 500) / 10, 1)
    lr = float(rng.choice([0.01, 0.05, 0.1]))
    opt = Adam(lr=lr)
    x1 = float(opt.step(np.array([x0]), np.array([g]))[0])
    return Exercise("p05.adam", seed, {"x0": x0, "g": g, "lr": lr}, {"x1": x1},
                    {"m": float(opt._m[0]), "v": float(opt._v[0]), "m_hat": float(opt._m[0]) / 0.1,
                     "v_hat": float(opt._v[0]) / 0.001, "x1": x1}, decimals=3)


# --------------------------------------------------------------------------- page 6
def multiple_predict(seed: int) -> Exercise:
    """Fit y = a₁x₁ + a₂x₂ + b to four new students, then predict a fifth."""
    rng = np.random.default_rng(seed)
    x1 = np.array([2.0, 4.0, 6.0, 8.0])
    x2 = rng.integers(0, 5, size=4).astype(float)
    while np.linalg.matrix_rank(np.column_stack([x1 - x1.mean(), x2 - x2.mean()])) < 2:
        x2 = rng.integers(0, 5, size=4).astype(float)
    y = rng.integers(70, 100, size=4).astype(float)
    coef, b = fit_multiple(np.column_stack([x1, x2]), y)
    a1, a2, b = _r(coef[0], 2), _r(coef[1], 2), _r(b, 2)
    n1, n2 = int(rng.integers(1, 11)), int(rng.integers(0, 5))
    pred = a1 * n1 + a2 * n2 + b
    return Exercise("p06.predict", seed,
                    {"x1": x1.astype(int).tolist(), "x2": x2.astype(int).tolist(), "y": y.astype(int).tolist(),
                     "a1": a1, "a2": a2, "b": b, "n1": n1, "n2": n2},
                    {"y": pred}, {"a1": a1, "a2": a2, "b": b, "n1": n1, "n2": n2, "y": pred}, decimals=2)


# --------------------------------------------------------------------------- page 7
def logistic_bce(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    a = _r(rng.integers(2, 16) / 10, 1)
    b = _r(rng.integers(-80, 21) / 10, 1)
    x = int(rng.integers(2, 13))
    t = int(rng.integers(0, 2))
    z = a * x + b
    p = float(sigmoid(z))
    loss = bce([t], [p])
    return Exercise("p07.bce", seed, {"a": a, "b": b, "x": x, "t": t}, {"p": p, "loss": loss},
                    {"z": z, "p": p, "t": t, "loss": loss, "p_t": p if t == 1 else 1 - p}, decimals=3)


# --------------------------------------------------------------------------- page 8
def autograd_square(seed: int) -> Exercise:
    """∂y/∂w and ∂y/∂b of y = (w x + b)², read from the graph PyTorch records (page 8's example)."""
    from core.ml.frameworks import autograd_graph  # torch, as the page itself uses it

    rng = np.random.default_rng(seed)
    w, x, b = (int(v) for v in rng.integers(-4, 5, size=3))
    g = autograd_graph("square", w=w, x=x, b=b)
    return Exercise("p08.grad", seed, {"w": w, "x": x, "b": b},
                    {"dw": g.grads["w"], "db": g.grads["b"]},
                    {"z": w * x + b, "y": g.value, "dw": g.grads["w"], "db": g.grads["b"]}, decimals=2)


# --------------------------------------------------------------------------- page 9
def perceptron_update(seed: int) -> Exercise:
    """One perceptron update ``w ← w + η (y − ŷ) x``, ``b ← b + η (y − ŷ)``."""
    rng = np.random.default_rng(seed)
    p = Perceptron(lr=float(rng.choice([0.1, 0.2, 0.5, 1.0])))
    p.w = rng.integers(-10, 11, size=2) / 10
    p.b = float(rng.integers(-10, 11) / 10)
    x = rng.integers(0, 2, size=2).astype(float)
    y_hat = int(p.predict(x[None])[0])
    y = 1 - y_hat if rng.random() < 0.7 else y_hat  # mostly a mistake, sometimes nothing to fix
    err = y - y_hat
    w_new, b_new = p.w + p.lr * err * x, p.b + p.lr * err
    return Exercise("p09.update", seed,
                    {"w1": p.w[0], "w2": p.w[1], "b": p.b, "x1": int(x[0]), "x2": int(x[1]), "y": y, "lr": p.lr},
                    {"w1": w_new[0], "w2": w_new[1], "b": b_new},
                    {"z": float(p.decision_function(x[None])[0]), "y_hat": y_hat, "err": err,
                     "w1": w_new[0], "w2": w_new[1], "b": b_new}, decimals=2)


# --------------------------------------------------------------------------- page 10
def xor_hidden(seed: int) -> Exercise:
    """The lecture's hidden unit ``n₁ = σ(x₁ w₁₁ + x₂ w₂₁ + b₁)`` and output ``y = σ(n₁ w₃₁ + n₂ w₃₂ + b₃)``."""
    rng = np.random.default_rng(seed)
    x1, x2 = (int(v) for v in rng.integers(0, 2, size=2))
    w = (rng.integers(-60, 61, size=6) / 10).tolist()
    b = (rng.integers(-40, 41, size=3) / 10).tolist()
    sig = activations.get("sigmoid").f
    n1 = float(sig(x1 * w[0] + x2 * w[1] + b[0]))
    n2 = float(sig(x1 * w[2] + x2 * w[3] + b[1]))
    y = float(sig(n1 * w[4] + n2 * w[5] + b[2]))
    return Exercise("p10.forward", seed,
                    {"x1": x1, "x2": x2, "w11": w[0], "w21": w[1], "w12": w[2], "w22": w[3],
                     "w31": w[4], "w32": w[5], "b1": b[0], "b2": b[1], "b3": b[2]},
                    {"n1": n1, "y": y},
                    {"z1": x1 * w[0] + x2 * w[1] + b[0], "n1": n1, "z2": x1 * w[2] + x2 * w[3] + b[1],
                     "n2": n2, "z3": n1 * w[4] + n2 * w[5] + b[2], "y": y}, decimals=3)


# --------------------------------------------------------------------------- page 11
def backprop_factor(seed: int) -> Exercise:
    """∂J/∂w⁽²⁾₁,₁ = (a⁽³⁾₁ − y₁) · a⁽³⁾₁(1 − a⁽³⁾₁) · a⁽²⁾₁ on the lecture's 2-2-2 network."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 100, size=2) / 100
    y = rng.integers(1, 100, size=2) / 100
    W1 = rng.integers(-80, 81, size=(2, 2)) / 100
    W2 = rng.integers(-80, 81, size=(2, 2)) / 100
    tr = trace(x, y, W1, W2)
    a3, a2 = tr["a3"], tr["a2"]
    return Exercise("p11.factor", seed,
                    {"x": x.tolist(), "y": y.tolist(), "W1": W1.tolist(), "W2": W2.tolist()},
                    {"grad": float(tr["dJ_dW2"][0, 0])},
                    {"a2": a2.tolist(), "a3": a3.tolist(), "err": float(a3[0] - y[0]),
                     "dsig": float(a3[0] * (1 - a3[0])), "delta": float(tr["delta3"][0]),
                     "grad": float(tr["dJ_dW2"][0, 0])}, decimals=4)


# --------------------------------------------------------------------------- page 12
def activation_slopes(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    z = _r(rng.integers(-30, 31) / 10, 1)
    d_sig = float(activations.get("sigmoid").df(z))
    d_tanh = float(activations.get("tanh").df(z))
    d_relu = float(activations.get("relu").df(z))
    return Exercise("p12.slopes", seed, {"z": z}, {"sigmoid": d_sig, "tanh": d_tanh, "relu": d_relu},
                    {"s": float(activations.get("sigmoid").f(z)), "th": float(activations.get("tanh").f(z)),
                     "sigmoid": d_sig, "tanh": d_tanh, "relu": d_relu}, decimals=3)


def vanishing_bound(seed: int) -> Exercise:
    """At best each sigmoid layer multiplies the gradient by σ'(0) = 0.25: after n layers, 0.25ⁿ."""
    rng = np.random.default_rng(seed + 5)
    n = int(rng.integers(2, 9))
    peak = float(activations.get("sigmoid").df(0.0))
    return Exercise("p12.vanish", seed, {"n": n}, {"factor": peak ** n},
                    {"peak": peak, "n": n, "factor": peak ** n}, decimals=6)


# --------------------------------------------------------------------------- page 13
def batchnorm_one(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 11, size=4).astype(float)
    while np.ptp(x) == 0:
        x = rng.integers(-5, 11, size=4).astype(float)
    gamma, beta = _r(rng.integers(5, 31) / 10, 1), _r(rng.integers(-20, 21) / 10, 1)
    st = bn_steps(x[:, None], np.array([gamma]), np.array([beta]))  # one feature, a batch of 4
    mean, var, x_hat = float(st["mean"][0]), float(st["var"][0]), float(st["x_hat"][0, 0])
    y = st["y"]
    return Exercise("p13.bn", seed, {"x": x.astype(int).tolist(), "gamma": gamma, "beta": beta},
                    {"mean": mean, "var": var, "y1": float(y[0, 0])},
                    {"mean": mean, "var": var, "x_hat": x_hat, "y1": float(y[0, 0]), "x1": int(x[0])},
                    decimals=3)


# --------------------------------------------------------------------------- page 14
def conv_size_params(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    k = int(rng.choice([1, 3, 5, 7, 11]))
    s = int(rng.choice([1, 1, 2, 4]))
    p = int(rng.integers(0, k // 2 + 1))
    n = int(rng.integers(max(k, 8), 230))
    c_in, f = int(rng.choice([1, 3, 16, 32, 64])), int(rng.choice([6, 16, 32, 64, 96, 128]))
    size = conv_output_size(n, k, stride=s, padding=p)
    return Exercise("p14.size", seed, {"n": n, "k": k, "s": s, "p": p, "c_in": c_in, "f": f},
                    {"size": size, "params": conv_params(c_in, k, f)},
                    {"num": n - k + 2 * p, "size": size, "per_filter": k * k * c_in + 1,
                     "params": conv_params(c_in, k, f)}, decimals=0)


def conv_window(seed: int) -> Exercise:
    rng = np.random.default_rng(seed + 11)
    x = rng.integers(0, 6, size=(4, 4)).astype(float)
    kern = rng.integers(-1, 2, size=(3, 3)).astype(float)
    out = conv2d(x[None, None], kern[None, None])[0, 0]  # (2, 2)
    i, j = (int(v) for v in rng.integers(0, 2, size=2))
    prod = x[i:i + 3, j:j + 3] * kern
    return Exercise("p14.window", seed,
                    {"x": x.astype(int).tolist(), "k": kern.astype(int).tolist(), "i": i, "j": j},
                    {"value": float(out[i, j])},
                    {"products": prod.astype(int).tolist(), "value": float(out[i, j])}, decimals=0)


# --------------------------------------------------------------------------- page 15
# Conv layers of the lecture's famous networks: (network, layer, input size n, C_in, k, stride,
# padding, filters). Written out here because core.nn must not import torch (core.cnn builds them).
FAMOUS_LAYERS: tuple[tuple[str, str, int, int, int, int, int, int], ...] = (
    ("LeNet-5", "C1", 32, 1, 5, 1, 0, 6),
    ("LeNet-5", "C3", 14, 6, 5, 1, 0, 16),
    ("LeNet-5", "C5", 5, 16, 5, 1, 0, 120),
    ("AlexNet", "conv1", 227, 3, 11, 4, 0, 96),
    ("AlexNet", "conv2", 27, 96, 5, 1, 2, 256),
    ("AlexNet", "conv3", 13, 256, 3, 1, 1, 384),
    ("ZFNet", "conv1", 224, 3, 7, 2, 1, 96),
    ("VGG-16", "conv1_1", 224, 3, 3, 1, 1, 64),
    ("VGG-16", "conv2_1", 112, 64, 3, 1, 1, 128),
    ("VGG-16", "conv3_2", 56, 256, 3, 1, 1, 256),
    ("VGG-16", "conv4_1", 28, 256, 3, 1, 1, 512),
    ("VGG-16", "conv5_3", 14, 512, 3, 1, 1, 512),
)


def famous_layer(seed: int) -> Exercise:
    rng = np.random.default_rng(seed)
    net, layer, n, c_in, k, s, p, f = FAMOUS_LAYERS[rng.integers(len(FAMOUS_LAYERS))]
    size = conv_output_size(n, k, stride=s, padding=p)
    params = conv_params(c_in, k, f)
    return Exercise("p15.layer", seed,
                    {"net": net, "layer": layer, "n": n, "c_in": c_in, "k": k, "s": s, "p": p, "f": f},
                    {"size": size, "params": params},
                    {"num": n - k + 2 * p, "size": size, "per_filter": k * k * c_in + 1, "params": params},
                    decimals=0)


def vgg_block(seed: int) -> Exercise:
    """A VGG-style stage with fresh widths: 3×3 conv (pad 1) ×2, then 2×2 max pooling."""
    rng = np.random.default_rng(seed + 3)
    n = int(rng.choice([224, 112, 56, 28, 14]))
    c_in = int(rng.choice([3, 64, 128, 256]))
    f = int(rng.choice([64, 128, 256, 512]))
    p1, p2 = conv_params(c_in, 3, f), conv_params(f, 3, f)
    size = conv_output_size(n, 3, stride=1, padding=1)
    pooled = max_pool2d(np.zeros((1, 1, size, size)), 2).shape[-1]
    return Exercise("p15.vgg", seed, {"n": n, "c_in": c_in, "f": f},
                    {"params": p1 + p2, "pooled": pooled},
                    {"p1": p1, "p2": p2, "params": p1 + p2, "size": size, "pooled": pooled}, decimals=0)


# --------------------------------------------------------------------------- registry
EXERCISES: dict[str, tuple[Callable[[int], Exercise], ...]] = {
    "01": (task_kind,),
    "02": (precision_recall, accuracy_f1),
    "03": (least_squares_ab, line_mse),
    "04": (gd_steps,),
    "05": (momentum_steps, adam_first_step),
    "06": (multiple_predict,),
    "07": (logistic_bce,),
    "08": (autograd_square,),
    "09": (perceptron_update,),
    "10": (xor_hidden,),
    "11": (backprop_factor,),
    "12": (activation_slopes, vanishing_bound),
    "13": (batchnorm_one,),
    "14": (conv_size_params, conv_window),
    "15": (famous_layer, vgg_block),
}


def for_page(page_id: str, seed: int) -> list[Exercise]:
    """The exercises of one page for one seed (empty for a page without any)."""
    return [gen(seed) for gen in EXERCISES.get(page_id, ())]


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A typed answer → float: ``0.75``, ``.75``, ``3/4``, ``75%``, ``1,234``, ``1e-3``, ``0.25^3``;
    None if not a number."""
    s = str(text).strip().replace(" ", "").replace("−", "-").replace(",", "").replace("**", "^")
    if not s:
        return None
    if s.count("^") == 1:
        base, _, power = s.partition("^")
        b, e = parse_number(base), parse_number(power)
        try:
            return None if b is None or e is None else float(b ** e)
        except (OverflowError, ZeroDivisionError, TypeError):
            return None
    percent = s.endswith("%")
    s = s.rstrip("%")
    try:
        if "/" in s:
            value = float(Fraction(s))
        elif _NUMBER.match(s):
            value = float(s)
        else:
            return None
    except (ValueError, ZeroDivisionError):
        return None
    return value / 100 if percent else value


@dataclass
class Grade:
    """Per field: whether the typed answer was right; ``missing`` lists fields left empty or unreadable."""

    right: dict[str, bool] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def all_right(self) -> bool:
        return bool(self.right) and not self.missing and all(self.right.values())


def check(ex: Exercise, typed: Mapping[str, object]) -> Grade:
    """Grade typed answers (strings, numbers, or a choice index) against ``ex.answers``: right when
    the typed number is within half a unit of the last asked decimal of the exact value."""
    g = Grade()
    for name, value in ex.answers.items():
        got = typed.get(name)
        num = got if isinstance(got, int | float) else parse_number("" if got is None else str(got))
        if num is None:
            g.missing.append(name)
            g.right[name] = False
        else:
            g.right[name] = abs(float(num) - float(value)) <= ex.tolerance()
    return g
