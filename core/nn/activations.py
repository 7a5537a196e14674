"""Activation functions and their derivatives (lecture: "활성화 함수 / activation functions",
from the perceptron's step to sigmoid, tanh, the ReLU family and the smooth modern ones).

``ACTIVATIONS`` maps a name to an :class:`Activation` ``(f, df)`` pair that unpacks like a tuple::

    f, df = ACTIVATIONS["sigmoid"]
    a = f(z)          # φ(z), same shape as z
    g = df(z)         # φ'(z), elementwise, same shape as z

Every function is elementwise on an array of any shape and numerically stable in float64 over the
whole real line: no exponential is ever taken of a large positive number, so ±1000 give finite
values with no overflow warnings. Underflow to zero (e.g. ``exp(-1000)``) is the correctly rounded
result and is silenced locally. Values and derivatives match ``torch.nn.functional`` and autograd
(see ``tests/test_activations.py``); at a kink (x = 0) the derivative follows PyTorch's choice.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

ArrayFn = Callable[[np.ndarray], np.ndarray]

LEAKY_SLOPE = 0.01  # torch.nn.functional.leaky_relu's default negative_slope
ELU_ALPHA = 1.0
# SELU's constants from Klambauer et al. (2017), exactly as in torch.nn.SELU.
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


class Activation(NamedTuple):
    """``f`` computes φ(z) and ``df`` computes φ'(z), both elementwise."""

    f: ArrayFn
    df: ArrayFn


def _elementwise(fn: ArrayFn) -> ArrayFn:
    """Accept anything array-like, compute in float (at least float32), silence benign underflow."""

    @functools.wraps(fn)
    def wrapper(z):
        z = np.asarray(z)
        if not np.issubdtype(z.dtype, np.floating):
            z = z.astype(np.float64)
        # exp(-1000) underflowing to 0.0 is the right answer, not an error.
        with np.errstate(under="ignore"):
            return fn(z)

    return wrapper


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp(-|z|) lies in (0, 1], so neither branch can overflow.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softplus(z: np.ndarray) -> np.ndarray:
    # log(1 + e^z) = max(z, 0) + log(1 + e^-|z|), exact and overflow-free.
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


@_elementwise
def sigmoid(z):
    """φ(z) = 1 / (1 + e^-z)."""
    return _sigmoid(z)


@_elementwise
def d_sigmoid(z):
    """φ'(z) = φ(z)(1 − φ(z)), written as e^-|z| / (1 + e^-|z|)² to keep precision in both tails."""
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


@_elementwise
def tanh(z):
    return np.tanh(z)


@_elementwise
def d_tanh(z):
    """tanh'(z) = 1 − tanh²(z)."""
    return 1.0 - np.tanh(z) ** 2


@_elementwise
def relu(z):
    """Example:

    >>> import numpy as np
    >>> relu(np.array([-2.0, 0.0, 3.0])).tolist()
    [0.0, 0.0, 3.0]
    """
    return np.maximum(z, 0)


@_elementwise
def d_relu(z):
    """1 for z > 0 else 0 (0 at the kink, as PyTorch)."""
    return (z > 0).astype(z.dtype)


@_elementwise
def leaky_relu(z):
    return np.where(z > 0, z, LEAKY_SLOPE * z)


@_elementwise
def d_leaky_relu(z):
    """1 for z > 0 else the slope (the slope at the kink, as PyTorch)."""
    return np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype)


@_elementwise
def elu(z):
    # expm1 only ever sees z <= 0, so it cannot overflow for large positive z.
    return np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0)))


@_elementwise
def d_elu(z):
    return np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0))).astype(z.dtype)


@_elementwise
def selu(z):
    return SELU_SCALE * np.where(z > 0, z, SELU_ALPHA * np.expm1(np.minimum(z, 0)))


@_elementwise
def d_selu(z):
    return SELU_SCALE * np.where(z > 0, 1.0, SELU_ALPHA * np.exp(np.minimum(z, 0))).astype(z.dtype)


@_elementwise
def softplus(z):
    """log(1 + e^z), exact everywhere.

    ``torch.nn.functional.softplus`` switches to the identity above ``threshold=20``, which is off by
    up to log(1 + e^-20) ≈ 2e-9; we keep the exact value (equal to torch with a higher threshold).
    """
    return _softplus(z)


@_elementwise
def d_softplus(z):
    """softplus'(z) = sigmoid(z)."""
    return _sigmoid(z)


@_elementwise
def swish(z):
    """Swish with β = 1, a.k.a. SiLU: z · sigmoid(z)."""
    return z * _sigmoid(z)


@_elementwise
def d_swish(z):
    """s + z s (1 − s) = s (1 + z (1 − s)) with s = sigmoid(z)."""
    s = _sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


@_elementwise
def mish(z):
    """z · tanh(softplus(z))."""
    return z * np.tanh(_softplus(z))


@_elementwise
def d_mish(z):
    """tanh(sp) + z · sigmoid(z) · (1 − tanh²(sp)) with sp = softplus(z), since sp' = sigmoid."""
    t = np.tanh(_softplus(z))
    return t + z * _sigmoid(z) * (1.0 - t * t)


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation(sigmoid, d_sigmoid),
    "tanh": Activation(tanh, d_tanh),
    "relu": Activation(relu, d_relu),
    "leaky_relu": Activation(leaky_relu, d_leaky_relu),
    "elu": Activation(elu, d_elu),
    "selu": Activation(selu, d_selu),
    "softplus": Activation(softplus, d_softplus),
    "swish": Activation(swish, d_swish),
    "mish": Activation(mish, d_mish),
}

LABELS: dict[str, str] = {
    "sigmoid": "Sigmoid",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU (0.01)",
    "elu": "ELU (α = 1)",
    "selu": "SELU",
    "softplus": "Softplus",
    "swish": "Swish (SiLU)",
    "mish": "Mish",
}


def get(name: str) -> Activation:
    """Look up an activation by name, with an error that lists the valid names."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; expected one of {sorted(ACTIVATIONS)}") from None
