"""core.ml.sgd: (mini-batch) stochastic gradient descent on a linear model's MSE, against torch.optim.SGD."""
import numpy as np
import pytest
import torch

from core.ml.lecture_data import study_hours, study_hours_tutoring
from core.ml.regression import least_squares, mse
from core.ml.sgd import MSE_SURFACE_DEFAULTS, batch_order, mse_grid, sgd_linear


def torch_sgd(X, y, batches, lr, coef0, intercept0, momentum=0.0, nesterov=False):
    """torch.optim.SGD on nn.Linear-style parameters, fed the given batches in order, float64."""
    X_t, y_t = torch.tensor(X, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    w = torch.tensor(coef0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(float(intercept0), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr, momentum=momentum, nesterov=nesterov)
    rows = [torch.cat([w.detach(), b.detach()[None]]).clone()]
    for idx in batches:
        i = torch.as_tensor(idx)
        opt.zero_grad()
        ((X_t[i] @ w + b - y_t[i]) ** 2).mean().backward()
        opt.step()
        rows.append(torch.cat([w.detach(), b.detach()[None]]).clone())
    return torch.stack(rows).numpy()


@pytest.mark.parametrize("batch_size", [1, 2, 3, 4])
def test_study_hours_equals_torch_sgd(batch_size):
    x, y = study_hours()
    run = sgd_linear(x, y, batch_size, lr=0.01, epochs=25, coef0=[0.0], intercept0=70.0, seed=3)
    ref = torch_sgd(x[:, None], y, run["batches"], 0.01, [0.0], 70.0)
    assert run["params"].shape == (25 * int(np.ceil(4 / batch_size)) + 1, 2)
    np.testing.assert_allclose(run["params"], ref, rtol=0, atol=1e-10)


@pytest.mark.parametrize("momentum, nesterov", [(0.0, False), (0.9, False), (0.8, True)])
def test_any_data_equals_torch_sgd(momentum, nesterov):
    rng = np.random.default_rng(1)
    X = rng.normal(size=(11, 3))
    y = X @ [1.0, -2.0, 0.5] + 3.0 + rng.normal(scale=0.3, size=11)
    run = sgd_linear(X, y, batch_size=4, lr=0.05, epochs=12, coef0=[0.1, 0.2, 0.3], intercept0=-1.0, seed=7,
                     momentum=momentum, nesterov=nesterov)
    assert [len(b) for b in run["batches"][:3]] == [4, 4, 3]  # the last batch of an epoch holds the rest
    ref = torch_sgd(X, y, run["batches"], 0.05, [0.1, 0.2, 0.3], -1.0, momentum, nesterov)
    np.testing.assert_allclose(run["params"], ref, rtol=0, atol=1e-10)
    np.testing.assert_allclose(run["loss"], [mse(X @ p[:3] + p[3], y) for p in run["params"]], rtol=1e-12)


def test_batch_order_is_seeded_and_covers_every_example_once_per_epoch():
    batches = batch_order(5, 2, 3, seed=0)
    assert len(batches) == 9  # ceil(5 / 2) per epoch
    for e in range(3):
        assert sorted(np.concatenate(batches[3 * e:3 * e + 3]).tolist()) == [0, 1, 2, 3, 4]
    again = batch_order(5, 2, 3, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(batches, again, strict=True))
    other = batch_order(5, 2, 3, seed=1)
    assert not all(np.array_equal(a, b) for a, b in zip(batches, other, strict=True))
    assert [b.tolist() for b in batch_order(3, 3, 2, shuffle=False)] == [[0, 1, 2], [0, 1, 2]]


def test_full_batch_is_gradient_descent_and_arrives_at_the_lecture_answer():
    # Page 4's defaults: a = 2.3, b = 79 (the least-squares line of the lecture's table).
    x, y = study_hours()
    d = MSE_SURFACE_DEFAULTS
    run = sgd_linear(x, y, x.size, d["gd_lr"], d["gd_epochs"], coef0=[d["start"][0]], intercept0=d["start"][1])
    np.testing.assert_allclose(run["params"][-1], [2.3, 79.0], atol=1e-6)
    assert least_squares(x, y) == pytest.approx((2.3, 79.0))
    assert run["loss"][-1] == pytest.approx(8.3)
    assert np.all(np.diff(run["loss"]) <= 1e-12)  # full batch: the MSE never goes up at this lr


@pytest.mark.parametrize("batch_size", [4, 3, 1])
def test_a_shorter_run_is_the_first_rows_of_a_longer_one(batch_size):
    """Pages run the longest option once and slice it for their epochs slider: exact, not close
    (the batch order of epoch k does not depend on how many epochs follow)."""
    x, y = study_hours()
    longest = sgd_linear(x, y, batch_size=batch_size, lr=0.01, epochs=300, coef0=[1.0], intercept0=1.0, seed=3)
    for epochs in (1, 10, 100):
        short = sgd_linear(x, y, batch_size=batch_size, lr=0.01, epochs=epochs, coef0=[1.0], intercept0=1.0, seed=3)
        rows = short["params"].shape[0]
        assert np.array_equal(longest["params"][:rows], short["params"])
        assert np.array_equal(longest["loss"][:rows], short["loss"])


def test_sgd_is_noisy_and_batch_gd_is_not():
    x, y = study_hours()
    d = MSE_SURFACE_DEFAULTS
    runs = {m: sgd_linear(x, y, m, d["lr"], d["epochs"], coef0=[d["start"][0]], intercept0=d["start"][1])
            for m in (1, 2, 4)}
    wobble = {m: np.std(r["params"][-4:, 0]) for m, r in runs.items()}  # the last four updates
    assert wobble[1] > 0.05 and wobble[2] > 0.05 and wobble[4] < 0.01  # GD only creeps along the valley
    ups = {m: int(np.sum(np.diff(r["loss"]) > 1e-9)) for m, r in runs.items()}
    assert ups[4] == 0 and ups[1] > 100 and ups[2] > 10  # one example's step can raise the total MSE
    # per epoch, SGD takes 4 steps and gets closer sooner
    assert runs[1]["loss"][-1] < runs[4]["loss"][-1]
    assert runs[1]["epoch"][-1] == runs[4]["epoch"][-1] == d["epochs"]


def test_mse_grid_matches_mse():
    x, y = study_hours()
    A, B = np.meshgrid([0.0, 2.3, 4.0], [70.0, 79.0])
    grid = mse_grid(x, y, A, B)
    assert grid.shape == (2, 3)
    for (i, j), value in np.ndenumerate(grid):
        assert value == pytest.approx(mse(A[i, j] * x + B[i, j], y))
    assert grid[1, 1] == pytest.approx(8.3)


@pytest.mark.parametrize("call, match", [
    (lambda: sgd_linear([1.0, 2.0], [1.0, 2.0], 0, 0.1, 1), "batch_size"),
    (lambda: sgd_linear([1.0, 2.0], [1.0, 2.0], 3, 0.1, 1), "batch_size"),
    (lambda: sgd_linear([1.0, 2.0], [1.0, 2.0], 1, -0.1, 1), "lr"),
    (lambda: sgd_linear([1.0, 2.0], [1.0], 1, 0.1, 1), "rows"),
    (lambda: mse_grid(*study_hours_tutoring(), 1.0, 1.0), "one feature"),
])
def test_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()
