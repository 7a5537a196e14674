"""core.ml.regression against the lecture's numbers, numpy.linalg.lstsq and PyTorch autograd."""
import numpy as np
import pytest
import torch

from core.ml import regression
from core.ml.lecture_data import study_hours, study_hours_tutoring


def _lstsq(X, y):
    A = np.column_stack([X, np.ones(len(y))])  # (N, D + 1): the last column carries the intercept
    sol = np.linalg.lstsq(A, y, rcond=None)[0]
    return sol[:-1], sol[-1]


def test_study_hours_line_matches_lecture():
    x, y = study_hours()
    a, b = regression.least_squares(x, y)
    assert a == pytest.approx(2.3, abs=1e-12)
    assert b == pytest.approx(79.0, abs=1e-12)
    assert regression.mse(a * x + b, y) == pytest.approx(8.3, abs=1e-12)


def test_least_squares_steps_show_the_worked_example():
    x, y = study_hours()
    s = regression.least_squares_steps(x, y)
    assert (s["x_mean"], s["y_mean"]) == pytest.approx((5.0, 90.5))
    np.testing.assert_allclose(s["dx"], [-3, -1, 1, 3])
    np.testing.assert_allclose(s["dy"], [-9.5, 2.5, 0.5, 6.5])
    np.testing.assert_allclose(s["dx_dy"], s["dx"] * s["dy"])
    assert s["sum_dx_dy"] == pytest.approx(46.0)
    assert s["sum_dx_sq"] == pytest.approx(20.0)
    assert (s["a"], s["b"]) == pytest.approx((2.3, 79.0))


def test_least_squares_matches_lstsq_on_random_data():
    rng = np.random.default_rng(0)
    x = rng.normal(size=50)
    y = 3.0 * x - 1.0 + rng.normal(scale=0.3, size=50)
    (a_ref,), b_ref = _lstsq(x[:, None], y)
    assert regression.least_squares(x, y) == pytest.approx((a_ref, b_ref), abs=1e-10)


def test_mse_matches_numpy_and_torch():
    rng = np.random.default_rng(1)
    p, t = rng.normal(size=20), rng.normal(size=20)
    expected = torch.nn.functional.mse_loss(torch.from_numpy(p), torch.from_numpy(t)).item()
    assert regression.mse(p, t) == pytest.approx(expected, abs=1e-12)


def test_fit_multiple_equals_lstsq_on_lecture_table():
    X, y = study_hours_tutoring()
    coef, intercept = regression.fit_multiple(X, y)
    coef_ref, intercept_ref = _lstsq(X, y)
    np.testing.assert_allclose(coef, coef_ref, rtol=0, atol=1e-10)
    assert intercept == pytest.approx(intercept_ref, abs=1e-10)
    assert coef.shape == (2,)


def test_fit_multiple_equals_lstsq_on_random_data():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(100, 5)) * [1, 10, 0.1, 3, 1]
    y = X @ rng.normal(size=5) + 4.0 + rng.normal(size=100)
    coef, intercept = regression.fit_multiple(X, y)
    coef_ref, intercept_ref = _lstsq(X, y)
    np.testing.assert_allclose(coef, coef_ref, rtol=1e-9, atol=1e-10)
    assert intercept == pytest.approx(intercept_ref, abs=1e-9)


def test_fit_multiple_with_one_input_equals_least_squares():
    x, y = study_hours()
    coef, intercept = regression.fit_multiple(x, y)
    assert (coef[0], intercept) == pytest.approx(regression.least_squares(x, y), abs=1e-12)


def test_fit_gd_converges_to_exact_fit_on_lecture_table():
    X, y = study_hours_tutoring()
    coef, intercept, hist = regression.fit_gd(X, y)  # the defaults must be enough
    coef_ref, intercept_ref = _lstsq(X, y)
    np.testing.assert_allclose(coef, coef_ref, rtol=0, atol=1e-6)
    assert intercept == pytest.approx(intercept_ref, abs=1e-6)
    n = len(hist["loss"])
    assert hist["coef"].shape == (n, 2) and hist["intercept"].shape == (n,)
    assert hist["loss"][0] == pytest.approx(np.mean(y**2))  # start at zero
    assert hist["loss"][-1] == pytest.approx(regression.mse(X @ coef_ref + intercept_ref, y), abs=1e-9)
    # Full-batch GD with a stable lr never increases the loss.
    assert np.all(np.diff(hist["loss"]) <= 1e-12)


def test_fit_gd_converges_on_study_hours_line():
    x, y = study_hours()
    coef, intercept, _ = regression.fit_gd(x, y)
    assert (coef[0], intercept) == pytest.approx((2.3, 79.0), abs=1e-6)


def test_fit_gd_steps_equal_torch_sgd_on_mse():
    X, y = study_hours_tutoring()
    lr, epochs = 0.01, 25
    _, _, hist = regression.fit_gd(X, y, lr=lr, epochs=epochs)

    w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    for k in range(epochs + 1):
        opt.zero_grad()
        loss = torch.mean((Xt @ w + b - yt) ** 2)
        assert hist["loss"][k] == pytest.approx(loss.item(), rel=1e-12)
        np.testing.assert_allclose(hist["coef"][k], w.detach().numpy(), rtol=1e-12, atol=1e-12)
        assert hist["intercept"][k] == pytest.approx(b.item(), rel=1e-12, abs=1e-12)
        loss.backward()
        opt.step()


def test_fit_gd_too_large_lr_diverges():
    X, y = study_hours_tutoring()
    _, _, hist = regression.fit_gd(X, y, lr=0.05, epochs=200)  # above 2 / largest Hessian eigenvalue
    assert not np.isfinite(hist["loss"][-1]) or hist["loss"][-1] > 1e6 * hist["loss"][0]


@pytest.mark.parametrize("call, match", [
    (lambda: regression.least_squares([], []), "empty"),
    (lambda: regression.least_squares([1, 2, 3], [1, 2]), "pair up"),
    (lambda: regression.least_squares([3, 3, 3], [1, 2, 3]), "two different x"),
    (lambda: regression.mse([1, 2], [1, 2, 3]), "one prediction per target"),
    (lambda: regression.fit_multiple(np.ones((3, 2)), [1, 2]), "one target per row"),
    (lambda: regression.fit_multiple(np.zeros((0, 2)), []), "empty"),
    (lambda: regression.fit_multiple([[1, 2], [2, 4], [3, 6]], [1, 2, 3]), "not unique"),
    (lambda: regression.fit_multiple(np.ones((2, 2, 2)), [1, 2]), "examples, features"),
    (lambda: regression.fit_gd([[1.0], [2.0]], [1, 2], lr=0.0), "lr"),
    (lambda: regression.fit_gd([[1.0], [2.0]], [1, 2], epochs=0), "epochs"),
    (lambda: regression.least_squares([1, np.nan], [1, 2]), "NaN"),
])
def test_bad_input_raises_value_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_rmse_is_the_root_of_mse_for_the_lecture_line():
    # The lecture's heading says 평균 제곱근 오차 (RMSE) over the MSE formula: MSE = 8.3, RMSE = √8.3.
    x, y = study_hours()
    a, b = regression.least_squares(x, y)
    assert regression.mse(a * x + b, y) == pytest.approx(8.3)
    assert regression.rmse(a * x + b, y) == pytest.approx(np.sqrt(8.3)) == pytest.approx(2.8810, abs=1e-4)
    assert regression.rmse([1.0, 2.0], [1.0, 4.0]) == pytest.approx(np.sqrt(2.0))
