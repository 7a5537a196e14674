"""core.ml.optim against torch.optim (paths), torch autograd (surface gradients) and the lecture's 1-D lessons."""
import inspect
import warnings

import numpy as np
import pytest
import torch

from core.ml import optim

# name -> (torch class, keyword arguments that turn it into that optimizer)
TORCH = {
    "gd": (torch.optim.SGD, {}),
    "momentum": (torch.optim.SGD, {"momentum": 0.9}),
    "nesterov": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (torch.optim.Adagrad, {}),
    "rmsprop": (torch.optim.RMSprop, {}),
    "adam": (torch.optim.Adam, {}),
}


def torch_path(name, surface, x0, steps, lr, **hyper):
    """The reference path: torch.optim stepping on autograd's gradient of surface.f, in float64."""
    cls, kwargs = TORCH[name]
    p = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    opt = cls([p], lr=lr, **(kwargs | hyper))
    path = [p.detach().clone()]
    for _ in range(steps):
        opt.zero_grad()
        surface.f(p[0], p[1]).backward()
        opt.step()
        path.append(p.detach().clone())
    return torch.stack(path).numpy()  # (steps + 1, 2)


@pytest.mark.parametrize("surface", ["rosenbrock", "beale", "bowl"])
@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_paths_equal_torch_optim_with_defaults(name, surface):
    s = optim.SURFACES[surface]
    lr = optim.DEFAULT_LR[name]
    ours = optim.run(name, s.grad, s.start, 100, lr)
    ref = torch_path(name, s, s.start, 100, lr)
    assert ours.shape == (101, 2)
    assert np.isfinite(ref).all()
    # Far tighter than the 1e-6 asked for: only float64 rounding separates the two.
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-10)


# Unusual hyperparameters make formula details visible (eps placement, bias correction, lr decay,
# initial accumulator, centred variance, Nesterov look-ahead), which the defaults can hide.
@pytest.mark.parametrize("name, lr, hyper", [
    ("momentum", 1e-3, {"momentum": 0.5}),
    ("nesterov", 1e-3, {"momentum": 0.7}),
    ("adagrad", 0.3, {"lr_decay": 0.05, "initial_accumulator_value": 0.5, "eps": 0.1}),
    ("rmsprop", 0.01, {"alpha": 0.8, "eps": 0.5, "momentum": 0.6, "centered": True}),
    ("rmsprop", 0.01, {"centered": True}),
    ("adam", 0.05, {"betas": (0.5, 0.8), "eps": 0.3}),
])
@pytest.mark.parametrize("surface", ["rosenbrock", "saddle"])
def test_paths_equal_torch_optim_with_custom_hyperparameters(name, lr, hyper, surface):
    s = optim.SURFACES[surface]
    ours = optim.run(name, s.grad, s.start, 100, lr, **hyper)
    ref = torch_path(name, s, s.start, 100, lr, **hyper)
    np.testing.assert_allclose(ours, ref, rtol=0, atol=1e-10)


def test_optimizer_info_defaults_are_torchs():
    assert set(optim.OPTIMIZER_INFO) == set(optim.OPTIMIZERS) == set(optim.DEFAULT_LR)
    assert set(optim.OPTIMIZERS) == {"gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}
    for name, info in optim.OPTIMIZER_INFO.items():
        assert info["ko"] and info["en"]
        cls, kwargs = TORCH[name]
        torch_defaults = {k: v.default for k, v in inspect.signature(cls).parameters.items()} | kwargs
        for key, value in info["defaults"].items():
            assert torch_defaults[key] == value, (name, key)


def test_surface_gradients_match_autograd():
    rng = np.random.default_rng(0)
    for s in optim.SURFACES.values():
        for _ in range(5):
            point = np.array([rng.uniform(*s.xlim), rng.uniform(*s.ylim)])
            p = torch.tensor(point, requires_grad=True)
            s.f(p[0], p[1]).backward()
            np.testing.assert_allclose(s.grad(point), p.grad.numpy(), rtol=1e-12, atol=1e-10,
                                       err_msg=s.name)


def test_surfaces_are_vectorised_and_described():
    assert {"bowl", "rosenbrock", "beale", "saddle", "local_minimum"} <= set(optim.SURFACES)
    for name, s in optim.SURFACES.items():
        assert s.name == name and s.label["ko"] and s.label["en"]
        xs, ys = np.meshgrid(np.linspace(*s.xlim, 30), np.linspace(*s.ylim, 20))  # (20, 30) grid
        z = s.f(xs, ys)
        assert z.shape == (20, 30)
        assert z[3, 7] == pytest.approx(s.f(xs[3, 7], ys[3, 7]))
        assert s.xlim[0] < s.start[0] < s.xlim[1] and s.ylim[0] < s.start[1] < s.ylim[1]


def test_surface_minima_are_minima():
    for s in optim.SURFACES.values():
        m = np.array(s.minimum)
        np.testing.assert_allclose(s.grad(m), 0.0, atol=1e-9, err_msg=s.name)
        # Lower than every point on a small ring around it.
        angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        ring_x, ring_y = m[0] + 1e-2 * np.cos(angles), m[1] + 1e-2 * np.sin(angles)
        assert np.all(s.f(ring_x, ring_y) > s.f(*m)), s.name


def test_saddle_origin_is_a_saddle_not_a_minimum():
    s = optim.SURFACES["saddle"]
    np.testing.assert_allclose(s.grad([0.0, 0.0]), 0.0)
    assert s.f(0.1, 0.0) > s.f(0.0, 0.0) > s.f(0.0, 0.1)


def test_marble_momentum_rolls_past_the_local_minimum():
    # The lecture's marble: plain GD stops in the first dip, momentum carries over the hump.
    s = optim.SURFACES["local_minimum"]
    lr = 0.03
    gd_end = optim.run("gd", s.grad, s.start, 500, lr)[-1]
    momentum_end = optim.run("momentum", s.grad, s.start, 500, lr)[-1]
    np.testing.assert_allclose(momentum_end, s.minimum, atol=1e-4)
    assert gd_end[0] > 1.5 and np.linalg.norm(s.grad(gd_end)) < 1e-4  # the other, local minimum
    assert s.f(*gd_end) > s.f(*momentum_end) + 1.0


def test_marble_at_the_race_defaults():
    # Page 5 opens the race with RACE_DEFAULTS and the surface's own start and learning rates: there,
    # plain GD settles in the local minimum (x ≈ 1.86) and Momentum and NAG reach the global one.
    s = optim.SURFACES["local_minimum"]
    d = optim.RACE_DEFAULTS
    paths = optim.race("local_minimum", steps=d["total"], lr_scale=d["lr_scale"], momentum=d["momentum"],
                       alpha=d["alpha"], beta1=d["beta1"], beta2=d["beta2"])
    _, local_x = optim._marble_minima()
    np.testing.assert_allclose(paths["gd"][-1], (local_x, 0.0), atol=1e-3)
    for name in ("momentum", "nesterov"):
        np.testing.assert_allclose(paths[name][-1], s.minimum, atol=1e-3, err_msg=name)
    assert s.f(*paths["gd"][-1]) > s.f(*paths["momentum"][-1]) + 1.0
    # With less inertia (μ = 0.8) momentum also stays: the escape is the momentum's doing.
    slow = optim.race("local_minimum", ("momentum",), momentum=0.8, steps=d["total"])
    assert slow["momentum"][-1][0] > 1.5


def test_race_equals_run_with_the_surfaces_learning_rates():
    s = optim.SURFACES["local_minimum"]
    assert s.default_lr("gd") == 0.03 and s.default_lr("adam") == optim.DEFAULT_LR["adam"]
    paths = optim.race("local_minimum", ("nesterov",), start=(3.0, 0.5), steps=20, lr_scale=2.0, momentum=0.7)
    np.testing.assert_array_equal(paths["nesterov"], optim.run("nesterov", s.grad, (3.0, 0.5), 20, 0.06,
                                                               momentum=0.7))
    np.testing.assert_allclose(paths["nesterov"], torch_path("nesterov", s, (3.0, 0.5), 20, 0.06, momentum=0.7),
                               rtol=0, atol=1e-10)


def test_default_lr_keeps_every_race_finite():
    for s in optim.SURFACES.values():
        for name in optim.OPTIMIZERS:
            path = optim.run(name, s.grad, s.start, 500, optim.DEFAULT_LR[name])
            assert np.isfinite(path).all(), (name, s.name)
            assert s.f(*path[-1]) < s.f(*path[0]), (name, s.name)


def test_run_reports_divergence_without_warnings():
    s = optim.SURFACES["rosenbrock"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = optim.run("gd", s.grad, s.start, 50, lr=0.1)
    assert not np.isfinite(path[-1]).all()


def test_gradient_descent_on_x_squared_learning_rates():
    df = lambda x: 2 * x  # noqa: E731  f(x) = x²
    x0, steps = 5.0, 50
    small = optim.gradient_descent(df, x0, lr=0.01, steps=steps)
    good = optim.gradient_descent(df, x0, lr=0.4, steps=steps)
    too_big = optim.gradient_descent(df, x0, lr=1.1, steps=steps)
    k = np.arange(steps + 1)
    for lr, xs in ((0.01, small), (0.4, good), (1.1, too_big)):
        np.testing.assert_allclose(xs, x0 * (1 - 2 * lr) ** k, rtol=1e-12)  # each step scales x by 1 − 2λ
    assert abs(good[-1]) < 1e-6
    assert 1.0 < small[-1] < x0 and np.all(np.diff(small) < 0)  # converging, slowly
    assert np.all(np.diff(np.abs(too_big)) > 0) and abs(too_big[-1]) > 1e3  # diverging, oscillating
    assert np.all(np.sign(too_big[1:]) != np.sign(too_big[:-1]))


def test_newton_solves_quadratic_in_one_step():
    # f(x) = 3(x − 2)² + 1
    xs = optim.newton(lambda x: 6 * (x - 2), lambda x: 6.0, x0=-7.5, steps=3)
    assert xs.shape == (4,)
    assert xs[0] == -7.5
    np.testing.assert_allclose(xs[1:], 2.0, rtol=0, atol=1e-14)


def test_newton_converges_quadratically_on_non_quadratic():
    # f(x) = eˣ − 2x has its minimum at ln 2; Newton's error roughly squares each step.
    xs = optim.newton(lambda x: np.exp(x) - 2, np.exp, x0=1.5, steps=6)
    err = np.abs(xs - np.log(2))
    assert err[-1] < 1e-14
    assert err[3] < err[2] ** 2


@pytest.mark.parametrize("call, match", [
    (lambda: optim.run("adamw", optim.SURFACES["bowl"].grad, [0, 0], 10, 0.1), "Unknown optimizer"),
    (lambda: optim.run("adam", optim.SURFACES["bowl"].grad, [0, 0], 10, 0.1, momentum=0.9), "no hyperparameter"),
    (lambda: optim.run("gd", optim.SURFACES["bowl"].grad, [0, 0], -1, 0.1), "steps"),
    (lambda: optim.run("gd", optim.SURFACES["bowl"].grad, [0, 0], 10, 0.0), "lr"),
    (lambda: optim.run("gd", lambda p: np.zeros(3), [0, 0], 10, 0.1), "grad_fn returned shape"),
    (lambda: optim.run("gd", optim.SURFACES["bowl"].grad, [], 10, 0.1), "x0"),
    (lambda: optim.gradient_descent(lambda x: 2 * x, 1.0, lr=-0.1, steps=5), "lr"),
    (lambda: optim.newton(lambda x: 3.0, lambda x: 0.0, 1.0, steps=2), "f''"),
])
def test_bad_input_raises_value_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("name", sorted(optim.FUNCTIONS_1D))
def test_1d_lesson_functions_derivatives_match_autograd(name):
    fn = optim.FUNCTIONS_1D[name]
    xs = torch.linspace(-3, 3, 61, dtype=torch.float64, requires_grad=True)
    y = fn.f(xs) if name != "wavy" else xs**2 + 2 * torch.sin(3 * xs)  # torch's sin for autograd
    (d1,) = torch.autograd.grad(y.sum(), xs, create_graph=True)
    (d2,) = torch.autograd.grad(d1.sum(), xs)
    x = xs.detach().numpy()
    np.testing.assert_allclose(fn.f(x), y.detach().numpy(), atol=1e-12)
    np.testing.assert_allclose(fn.df(x), d1.detach().numpy(), atol=1e-10)
    np.testing.assert_allclose(np.broadcast_to(fn.d2f(x), x.shape), d2.numpy(), atol=1e-10)
