"""core.nn.activations against torch.nn.functional and autograd, float64."""
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.nn.activations import ACTIVATIONS, LABELS, get

TOL = dict(rtol=1e-10, atol=1e-10)

TORCH = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": lambda t: F.leaky_relu(t, 0.01),
    "elu": lambda t: F.elu(t, alpha=1.0),
    "selu": F.selu,
    # torch's default threshold=20 replaces softplus by the identity (error ≈ 2e-9); at 40 the
    # switch is exact in float64, so this compares against the true function.
    "softplus": lambda t: F.softplus(t, threshold=40.0),
    "swish": F.silu,
    "mish": F.mish,
}

X = np.concatenate([np.linspace(-50, 50, 2001), [-1000.0, -745.0, -1e-3, 0.0, 1e-3, 709.0, 1000.0]])


def torch_value_and_grad(name, x):
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = TORCH[name](t)
    (g,) = torch.autograd.grad(y.sum(), t)
    return y.detach().numpy(), g.numpy()


def test_registry_names_and_labels():
    expected = {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "softplus", "swish", "mish"}
    assert set(ACTIVATIONS) == expected
    assert set(LABELS) == expected
    f, df = ACTIVATIONS["relu"]  # unpacks like the documented (f, df) tuple
    assert f is ACTIVATIONS["relu"].f and df is ACTIVATIONS["relu"].df


@pytest.mark.parametrize("name", sorted(TORCH))
def test_values_and_derivatives_equal_torch(name):
    f, df = ACTIVATIONS[name]
    with np.errstate(all="raise"), warnings.catch_warnings():
        warnings.simplefilter("error")
        y, g = f(X), df(X)
    ty, tg = torch_value_and_grad(name, X)
    assert y.dtype == np.float64 and y.shape == X.shape
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(g))
    np.testing.assert_allclose(y, ty, **TOL)
    np.testing.assert_allclose(g, tg, **TOL)


def test_softplus_close_to_torch_default_threshold():
    f, _ = ACTIVATIONS["softplus"]
    t = torch.tensor(X)
    np.testing.assert_allclose(f(X), F.softplus(t).numpy(), rtol=0, atol=3e-9)


def test_sigmoid_derivative_identity():
    # The lecture's φ'(x) = φ(x)(1 − φ(x)).
    f, df = ACTIVATIONS["sigmoid"]
    x = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(df(x), f(x) * (1 - f(x)), rtol=1e-10, atol=1e-15)
    assert df(0.0) == pytest.approx(0.25)


def test_derivatives_match_finite_differences():
    x = np.linspace(-5, 5, 101) + 0.005  # keep clear of the kinks at 0
    h = 1e-6
    for name, (f, df) in ACTIVATIONS.items():
        fd = (f(x + h) - f(x - h)) / (2 * h)
        np.testing.assert_allclose(df(x), fd, rtol=1e-6, atol=1e-8, err_msg=name)


def test_shapes_dtypes_and_lists():
    z = np.arange(24, dtype=np.float32).reshape(2, 3, 4) - 12
    for name, (f, df) in ACTIVATIONS.items():
        assert f(z).shape == z.shape and df(z).shape == z.shape, name
        assert f(z).dtype == np.float32 and df(z).dtype == np.float32, name
    assert ACTIVATIONS["relu"].f([-1, 2]).tolist() == [0.0, 2.0]


def test_unknown_name():
    with pytest.raises(ValueError, match="expected one of"):
        get("step")
