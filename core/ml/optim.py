"""Gradient descent, Newton's method and the optimizers after SGD, on small 2-D surfaces.

Lecture sections "경사 하강법" (``x_{k+1} = x_k − λ f'(x_k)`` on ``f(x) = x²``: a small λ crawls, λ > 1
diverges; Newton's ``x_{k+1} = x_k − f'(x_k) / f''(x_k)`` solves a quadratic in one step) and
"옵티마이저" (momentum — the marble rolling in a bowl —, Nesterov, Adagrad, RMSprop, Adam).

The update rules are those of ``torch.optim`` (``SGD`` with ``momentum``/``nesterov``, ``Adagrad``,
``RMSprop``, ``Adam``, no weight decay), with the same defaults, so a path from :func:`run` equals
the one ``torch.optim`` takes from the same start with the same hyperparameters.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["DEFAULT_LR", "FUNCTIONS_1D", "Function1D", "OPTIMIZERS", "OPTIMIZER_INFO", "RACE_DEFAULTS", "SURFACES",
           "Adagrad", "Adam", "RMSprop", "SGD", "Surface", "gradient_descent", "newton", "race", "race_hyper", "run"]


# --------------------------------------------------------------------------- optimizers
# Each optimizer holds its own state (momentum buffer, running averages, step count) and turns the
# current point and gradient, both shape (dim,), into the next point.

@dataclass
class SGD:
    """``torch.optim.SGD`` without weight decay and dampening.

    ``b ← μ b + g`` (b₀ = 0), then ``x ← x − lr·b`` — or, with Nesterov, ``x ← x − lr·(g + μ b)``.
    """

    lr: float
    momentum: float = 0.0
    nesterov: bool = False
    _buf: np.ndarray | None = field(default=None, init=False, repr=False)

    def step(self, x: np.ndarray, g: np.ndarray) -> np.ndarray:
        if self.momentum == 0:
            return x - self.lr * g
        # torch starts the buffer at the first gradient, which equals μ·0 + g.
        self._buf = g.copy() if self._buf is None else self.momentum * self._buf + g
        direction = g + self.momentum * self._buf if self.nesterov else self._buf
        return x - self.lr * direction


@dataclass
class Adagrad:
    """``torch.optim.Adagrad``: ``s ← s + g²``, ``x ← x − lr_t · g / (√s + eps)``,
    with ``lr_t = lr / (1 + (t − 1)·lr_decay)`` and ``s₀ = initial_accumulator_value``."""

    lr: float
    lr_decay: float = 0.0
    initial_accumulator_value: float = 0.0
    eps: float = 1e-10
    _sum: np.ndarray | None = field(default=None, init=False, repr=False)
    _t: int = field(default=0, init=False, repr=False)

    def step(self, x: np.ndarray, g: np.ndarray) -> np.ndarray:
        if self._sum is None:
            self._sum = np.full_like(x, self.initial_accumulator_value)
        self._t += 1
        clr = self.lr / (1 + (self._t - 1) * self.lr_decay)
        self._sum = self._sum + g * g
        return x - clr * g / (np.sqrt(self._sum) + self.eps)


@dataclass
class RMSprop:
    """``torch.optim.RMSprop``: ``v ← α v + (1 − α) g²``, ``x ← x − lr · g / (√v + eps)``.

    ``centered`` subtracts the squared running mean of g from v; ``momentum`` > 0 accumulates
    ``b ← μ b + g / (√v + eps)`` and steps by ``lr·b``.
    """

    lr: float
    alpha: float = 0.99
    eps: float = 1e-8
    momentum: float = 0.0
    centered: bool = False
    _sq: np.ndarray | None = field(default=None, init=False, repr=False)
    _mean: np.ndarray | None = field(default=None, init=False, repr=False)
    _buf: np.ndarray | None = field(default=None, init=False, repr=False)

    def step(self, x: np.ndarray, g: np.ndarray) -> np.ndarray:
        if self._sq is None:
            self._sq, self._mean, self._buf = np.zeros_like(x), np.zeros_like(x), np.zeros_like(x)
        self._sq = self.alpha * self._sq + (1 - self.alpha) * g * g
        if self.centered:
            self._mean = self._mean + (1 - self.alpha) * (g - self._mean)
            avg = np.sqrt(self._sq - self._mean * self._mean) + self.eps
        else:
            avg = np.sqrt(self._sq) + self.eps
        if self.momentum > 0:
            self._buf = self.momentum * self._buf + g / avg
            return x - self.lr * self._buf
        return x - self.lr * g / avg


@dataclass
class Adam:
    """``torch.optim.Adam``: ``m ← β₁ m + (1 − β₁) g``, ``v ← β₂ v + (1 − β₂) g²``, then
    ``x ← x − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps)`` (eps added after bias correction)."""

    lr: float
    betas: tuple[float, float] = (0.9, 0.999)
    eps: float = 1e-8
    _m: np.ndarray | None = field(default=None, init=False, repr=False)
    _v: np.ndarray | None = field(default=None, init=False, repr=False)
    _t: int = field(default=0, init=False, repr=False)

    def step(self, x: np.ndarray, g: np.ndarray) -> np.ndarray:
        beta1, beta2 = self.betas
        if self._m is None:
            self._m, self._v = np.zeros_like(x), np.zeros_like(x)
        self._t += 1
        self._m = self._m + (1 - beta1) * (g - self._m)
        self._v = beta2 * self._v + (1 - beta2) * g * g
        step_size = self.lr / (1 - beta1**self._t)
        denom = np.sqrt(self._v) / np.sqrt(1 - beta2**self._t) + self.eps
        return x - step_size * self._m / denom


# name -> constructor taking (lr, **hyper). "momentum" and "nesterov" are SGD with torch's flags set.
# "gd" is torch.optim.SGD too, but on a surface with no data to sample every step uses the exact
# gradient: it is full-batch gradient descent, not the lecture's 확률적 경사 하강법 (see core.ml.sgd).
_CONSTRUCTORS: dict[str, Callable[..., SGD | Adagrad | RMSprop | Adam]] = {
    "gd": SGD,
    "momentum": SGD,
    "nesterov": partial(SGD, nesterov=True),
    "adagrad": Adagrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}

OPTIMIZERS: tuple[str, ...] = tuple(_CONSTRUCTORS)

# What each optimizer does (the lecture's table) and the hyperparameters run() accepts, with defaults.
OPTIMIZER_INFO: dict[str, dict] = {
    "gd": {
        "ko": "매 단계 전체 데이터의 기울기(여기서는 정확한 기울기) 반대 방향으로 학습률만큼 이동합니다. "
              "torch.optim.SGD에 전체 데이터를 한 번에 넣은 것과 같습니다.",
        "en": "Step against the gradient of all the data (here the exact gradient), scaled by the learning "
              "rate: torch.optim.SGD fed the whole data at once.",
        "defaults": {},
    },
    "momentum": {
        "ko": "이전 이동 방향(관성)을 누적해 골짜기에서 덜 흔들리고 더 빨리 내려가며, 얕은 구덩이는 넘어갑니다.",
        "en": "Accumulate past steps as velocity (inertia): less zig-zag, faster along valleys.",
        "defaults": {"momentum": 0.9},
    },
    "nesterov": {
        "ko": "관성으로 먼저 이동할 위치의 기울기를 미리 보고 방향을 고칩니다 (바닥 근처에서 브레이크).",
        "en": "Momentum that looks ahead: corrects the step with the gradient where inertia is taking it.",
        "defaults": {"momentum": 0.9},
    },
    "adagrad": {
        "ko": "지금까지의 기울기 제곱을 모두 더해, 많이 변한 변수는 학습률을 줄이고 적게 변한 변수는 크게 움직입니다.",
        "en": "Per-coordinate step size that shrinks with the sum of all past squared gradients.",
        "defaults": {"lr_decay": 0.0, "initial_accumulator_value": 0.0, "eps": 1e-10},
    },
    "rmsprop": {
        "ko": "아다그라드의 학습률이 너무 작아지는 문제를 최근 기울기 제곱의 지수 이동 평균으로 해결합니다.",
        "en": "Adagrad with an exponential moving average of squared gradients, so steps do not die out.",
        "defaults": {"alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False},
    },
    "adam": {
        "ko": "모멘텀과 알엠에스프롭을 합친 방법으로, 방향과 보폭을 모두 조절합니다 (편향 보정 포함).",
        "en": "Momentum plus RMSprop with bias correction: adapts both direction and step size.",
        "defaults": {"betas": (0.9, 0.999), "eps": 1e-8},
    },
}

# Learning rates for the race: each keeps every surface below finite (SGD-type steps scale with the
# gradient, so Rosenbrock's steep walls cap them; adaptive methods step about lr per coordinate).
DEFAULT_LR: dict[str, float] = {
    "gd": 1e-3,
    "momentum": 1e-3,
    "nesterov": 1e-3,
    "adagrad": 0.5,
    "rmsprop": 0.03,
    "adam": 0.1,
}


def _check_name(name: str) -> None:
    if name not in _CONSTRUCTORS:
        raise ValueError(f"Unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}.")


def _check_steps(steps: int) -> int:
    if isinstance(steps, bool) or not isinstance(steps, Integral) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}.")
    return int(steps)


def run(name: str, grad_fn: Callable[[np.ndarray], ArrayLike], x0: ArrayLike, steps: int, lr: float,
        **hyper) -> np.ndarray:
    """Follow one optimizer from ``x0`` for ``steps`` updates.

    Args:
        name: one of :data:`OPTIMIZERS`.
        grad_fn: gradient of the function to minimise, ``(dim,) -> (dim,)``.
        x0: start, shape (dim,).
        steps: number of updates (>= 0).
        lr: learning rate (> 0).
        **hyper: the optimizer's other hyperparameters (see ``OPTIMIZER_INFO[name]["defaults"]``);
            unset ones take torch's defaults (momentum 0.9 for "momentum" and "nesterov").

    Returns:
        float64 array, shape (steps + 1, dim): row 0 is ``x0``, row k the point after k updates.
        A run that diverges continues with inf/nan rows (check ``np.isfinite``).
    """
    _check_name(name)
    steps = _check_steps(steps)
    if not lr > 0:
        raise ValueError(f"lr (the learning rate) must be > 0, got {lr!r}.")
    defaults = OPTIMIZER_INFO[name]["defaults"]
    unknown = sorted(set(hyper) - set(defaults))
    if unknown:
        allowed = ", ".join(defaults) or "none"
        raise ValueError(f"{name} has no hyperparameter {', '.join(unknown)}; it accepts: {allowed}.")
    x = np.array(x0, dtype=np.float64)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x0 must be a point, a 1-D list of coordinates, got shape {x.shape}.")
    optimizer = _CONSTRUCTORS[name](lr=lr, **(defaults | hyper))

    path = np.empty((steps + 1, x.size))
    path[0] = x
    # Divergence (a lesson, not an error) overflows to inf/nan; the path records it without warnings.
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(1, steps + 1):
            g = np.asarray(grad_fn(x), dtype=np.float64)
            if g.shape != x.shape:
                raise ValueError(f"grad_fn returned shape {g.shape}, but the point has shape {x.shape}.")
            x = optimizer.step(x, g)
            path[k] = x
    return path


# --------------------------------------------------------------------------- 1-D lessons
def gradient_descent(df: Callable[[float], float], x0: float, lr: float, steps: int) -> np.ndarray:
    """Iterates of ``x_{k+1} = x_k − λ f'(x_k)`` on a function of one variable.

    Args:
        df: derivative f'. x0: start. lr: learning rate λ (> 0). steps: number of updates.

    Returns:
        float64 array, shape (steps + 1,), starting with ``x0``. On ``f(x) = x²`` each step
        multiplies x by ``1 − 2λ``: λ > 1 makes ``|x|`` grow (divergence), shown as growing values.

    >>> gradient_descent(lambda x: 2 * x, x0=1.0, lr=0.25, steps=3).tolist()   # f(x) = x²: halves each step
    [1.0, 0.5, 0.25, 0.125]
    """
    steps = _check_steps(steps)
    if not lr > 0:
        raise ValueError(f"lr (the learning rate λ) must be > 0, got {lr!r}.")
    xs = np.empty(steps + 1)
    xs[0] = x0
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps):
            xs[k + 1] = xs[k] - lr * df(xs[k])
    return xs


def newton(df: Callable[[float], float], d2f: Callable[[float], float], x0: float, steps: int) -> np.ndarray:
    """Iterates of Newton's method ``x_{k+1} = x_k − f'(x_k) / f''(x_k)`` for a minimum of f.

    Each step jumps to the vertex of the parabola that matches f, f' and f'' at x_k, so a quadratic
    is solved in one step; where ``f'' < 0`` that vertex is a maximum, and Newton heads there.

    Args:
        df, d2f: first and second derivative of f. x0: start. steps: number of updates.

    Returns:
        float64 array, shape (steps + 1,), starting with ``x0``.

    Raises:
        ValueError: if ``f''(x_k) = 0`` at some iterate (the tangent parabola has no vertex).
    """
    steps = _check_steps(steps)
    xs = np.empty(steps + 1)
    xs[0] = x0
    for k in range(steps):
        curvature = d2f(xs[k])
        if curvature == 0:
            raise ValueError(f"f''(x) = 0 at x = {xs[k]:g}: Newton's step f'/f'' is undefined there.")
        xs[k + 1] = xs[k] - df(xs[k]) / curvature
    return xs


# --------------------------------------------------------------------------- 2-D surfaces
@dataclass(frozen=True)
class Surface:
    """A 2-D test function for the optimizer race.

    Attributes:
        name: key in :data:`SURFACES`.
        f: ``f(x, y)``, elementwise on arrays of any (matching) shape, e.g. a contour grid; it uses
            only arithmetic, so it also accepts torch tensors.
        grad: ``grad(p) -> ndarray (2,)``, the gradient at the point ``p = (x, y)``.
        start: default starting point. xlim, ylim: plotting window.
        minimum: the global minimum the default start leads to, or None if f has none.
        label: ``{"ko": ..., "en": ...}`` display names.
        lr: learning rates for this surface that replace :data:`DEFAULT_LR` (see :meth:`default_lr`).
    """

    name: str
    f: Callable
    grad: Callable[[ArrayLike], np.ndarray]
    start: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    minimum: tuple[float, float] | None
    label: dict[str, str]
    lr: dict[str, float] = field(default_factory=dict)

    def default_lr(self, name: str) -> float:
        """The race's learning rate for optimizer ``name`` on this surface (before the page's scale)."""
        _check_name(name)
        return self.lr.get(name, DEFAULT_LR[name])


def _bowl(x, y):
    return 0.1 * x**2 + 2.0 * y**2


def _bowl_grad(p):
    x, y = p
    return np.array([0.2 * x, 4.0 * y])


def _rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _rosenbrock_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


# Beale's three terms are (c_i − x + x yⁱ)², i = 1, 2, 3.
_BEALE_C = (1.5, 2.25, 2.625)


def _beale(x, y):
    return sum((c - x + x * y**i) ** 2 for i, c in enumerate(_BEALE_C, start=1))


def _beale_grad(p):
    x, y = p
    gx = gy = 0.0
    for i, c in enumerate(_BEALE_C, start=1):
        r = c - x + x * y**i
        gx += 2 * r * (y**i - 1)
        gy += 2 * r * i * x * y ** (i - 1)
    return np.array([gx, gy])


def _saddle(x, y):
    # x² − y² has a saddle at the origin; the y⁴ term gives two minima at y = ±√2 so paths stay finite.
    return x**2 - y**2 + 0.25 * y**4


def _saddle_grad(p):
    x, y = p
    return np.array([2 * x, -2 * y + y**3])


def _marble(x, y):
    # A tilted double well in x: a shallow local minimum at x ≈ 1.86 and the global one at x ≈ −2.11.
    return (x**2 - 4) ** 2 / 8 + 0.5 * x + y**2


def _marble_grad(p):
    x, y = p
    return np.array([x * (x**2 - 4) / 2 + 0.5, 2 * y])


def _marble_minima() -> tuple[float, float]:
    """The two minima of the double well in x: the roots of f_x = (x³ − 4x + 1)/2 other than the hump."""
    roots = np.sort(np.roots([1.0, 0.0, -4.0, 1.0]).real)
    return float(roots[0]), float(roots[2])  # global (left), local (right)


def _make_surfaces() -> dict[str, Surface]:
    global_x, _ = _marble_minima()
    surfaces = [
        Surface("bowl", _bowl, _bowl_grad, start=(-4.5, 1.5), xlim=(-5.0, 5.0), ylim=(-2.0, 2.0),
                minimum=(0.0, 0.0),
                label={"ko": "길쭉한 그릇 (조건수가 나쁜 2차 함수)", "en": "Ill-conditioned bowl"}),
        Surface("rosenbrock", _rosenbrock, _rosenbrock_grad, start=(-1.5, 2.0), xlim=(-2.0, 2.0),
                ylim=(-1.0, 3.0), minimum=(1.0, 1.0),
                label={"ko": "로젠브록 함수 (바나나 골짜기)", "en": "Rosenbrock (banana valley)"}),
        Surface("beale", _beale, _beale_grad, start=(1.0, 1.4), xlim=(-4.5, 4.5), ylim=(-4.5, 4.5),
                minimum=(3.0, 0.5), label={"ko": "빌 함수", "en": "Beale function"}),
        Surface("saddle", _saddle, _saddle_grad, start=(-2.0, 0.01), xlim=(-2.5, 2.5), ylim=(-2.5, 2.5),
                minimum=(0.0, float(np.sqrt(2.0))),
                label={"ko": "안장점", "en": "Saddle point"}),
        # The lecture's marble (모멘텀: "사발 가장자리에서 구슬을 굴렸을 때, local minima(구덩이)에 빠지면 구슬이
        # 조금 올라갔다가 계속 내려감"): started high on the rim with lr 0.03 and μ = 0.9, plain GD settles in
        # the dip at x ≈ 1.86, while Momentum and NAG carry enough speed over the hump to the global
        # minimum (tested at the race's defaults, RACE_DEFAULTS).
        Surface("local_minimum", _marble, _marble_grad, start=(3.4, 1.0), xlim=(-3.5, 3.5), ylim=(-2.0, 2.0),
                minimum=(global_x, 0.0),
                label={"ko": "지역 최솟값 (그릇 속 구슬)", "en": "Local minimum (marble in a bowl)"},
                lr={"gd": 0.03, "momentum": 0.03, "nesterov": 0.03}),
    ]
    return {s.name: s for s in surfaces}


SURFACES: dict[str, Surface] = _make_surfaces()

#: The optimizer race's settings when page 5 opens (the page reads them from here, and tests use them).
RACE_DEFAULTS: dict = {"surface": "bowl", "total": 300, "lr_scale": 1.0, "momentum": 0.9, "alpha": 0.99,
                       "beta1": 0.9, "beta2": 0.999}


def race_hyper(name: str, momentum: float = 0.9, alpha: float = 0.99, beta1: float = 0.9,
               beta2: float = 0.999) -> dict:
    """The hyperparameters the race passes to :func:`run` for optimizer ``name``."""
    _check_name(name)
    return {"gd": {}, "momentum": {"momentum": momentum}, "nesterov": {"momentum": momentum}, "adagrad": {},
            "rmsprop": {"alpha": alpha}, "adam": {"betas": (beta1, beta2)}}[name]


def race(surface: str, names: tuple[str, ...] = OPTIMIZERS, start: tuple[float, float] | None = None,
         steps: int = 300, lr_scale: float = 1.0, momentum: float = 0.9, alpha: float = 0.99,
         beta1: float = 0.9, beta2: float = 0.999) -> dict[str, np.ndarray]:
    """Every chosen optimizer's path on ``SURFACES[surface]`` from the same start (default: the
    surface's), each with its :meth:`Surface.default_lr` times ``lr_scale``.

    Returns:
        ``{name: path}``, each path of shape (steps + 1, 2) as from :func:`run`.
    """
    s = SURFACES[surface]
    start = s.start if start is None else start
    return {n: run(n, s.grad, start, steps, s.default_lr(n) * lr_scale, **race_hyper(n, momentum, alpha, beta1, beta2))
            for n in names}


# --------------------------------------------------------------------------- 1-D lesson functions
# The functions of the "경사 하강법" page: x² (the lecture's), a flat-bottomed x⁴ and a wavy one with
# local minima, each with f′ and f″ for gradient descent and Newton's method.

@dataclass(frozen=True)
class Function1D:
    """A lesson function: f (vectorised, for the curve), f′ and f″, and its formula."""

    f: Callable[[np.ndarray], np.ndarray]
    df: Callable
    d2f: Callable
    latex: str


FUNCTIONS_1D: dict[str, Function1D] = {
    "square": Function1D(lambda x: x**2, lambda x: 2 * x, lambda x: 2.0, r"f(x) = x^2"),
    "quartic": Function1D(lambda x: x**4, lambda x: 4 * x**3, lambda x: 12 * x**2, r"f(x) = x^4"),
    "wavy": Function1D(lambda x: x**2 + 2 * np.sin(3 * x), lambda x: 2 * x + 6 * np.cos(3 * x),
                       lambda x: 2 - 18 * np.sin(3 * x), r"f(x) = x^2 + 2\sin 3x"),
}
