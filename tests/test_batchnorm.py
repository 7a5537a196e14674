"""core.nn.batchnorm against torch.nn.BatchNorm1d/2d in float64: outputs, running stats, gradients."""
import time

import numpy as np
import pytest
import torch

from core.nn.batchnorm import batchnorm_backward, batchnorm_forward, bn_experiment, steps

TOL = dict(rtol=1e-10, atol=1e-10)


def torch_bn(shape, gamma, beta, momentum, eps):
    module = (torch.nn.BatchNorm1d if len(shape) == 2 else torch.nn.BatchNorm2d)(
        shape[1], eps=eps, momentum=momentum, dtype=torch.float64)
    with torch.no_grad():
        module.weight.copy_(torch.tensor(gamma))
        module.bias.copy_(torch.tensor(beta))
    return module


def torch_step(module, x, dy):
    tx = torch.tensor(x, requires_grad=True)
    y = module(tx)
    y.backward(torch.tensor(dy))
    return y.detach().numpy(), tx.grad.numpy(), module.weight.grad.numpy(), module.bias.grad.numpy()


@pytest.mark.parametrize("shape", [(16, 5), (4, 3, 5, 6)])
def test_train_then_eval_equal_torch(shape):
    rng = np.random.default_rng(len(shape))
    c, eps, momentum = shape[1], 1e-5, 0.3
    gamma, beta = rng.normal(1, 0.5, c), rng.normal(0, 0.5, c)
    running = {"mean": np.zeros(c), "var": np.ones(c)}
    module = torch_bn(shape, gamma, beta, momentum, eps)
    for step in range(3):  # a few training batches, then evaluation
        train = step < 2
        module.train(train)
        module.zero_grad()
        x = rng.normal(2.0, 3.0, size=shape)
        dy = rng.normal(size=shape)
        y, cache = batchnorm_forward(x, gamma, beta, eps=eps, running=running, momentum=momentum, train=train)
        dx, dgamma, dbeta = batchnorm_backward(dy, cache)
        ty, tdx, tdgamma, tdbeta = torch_step(module, x, dy)
        np.testing.assert_allclose(y, ty, **TOL)
        np.testing.assert_allclose(running["mean"], module.running_mean.numpy(), **TOL)
        np.testing.assert_allclose(running["var"], module.running_var.numpy(), **TOL)  # unbiased
        np.testing.assert_allclose(dx, tdx, **TOL)
        np.testing.assert_allclose(dgamma, tdgamma, **TOL)
        np.testing.assert_allclose(dbeta, tdbeta, **TOL)


def test_without_running_stats_equals_torch_untracked():
    rng = np.random.default_rng(0)
    x, dy = rng.normal(size=(8, 4)), rng.normal(size=(8, 4))
    gamma, beta = rng.normal(size=4), rng.normal(size=4)
    module = torch.nn.BatchNorm1d(4, track_running_stats=False, dtype=torch.float64)
    with torch.no_grad():
        module.weight.copy_(torch.tensor(gamma))
        module.bias.copy_(torch.tensor(beta))
    y, cache = batchnorm_forward(x, gamma, beta)
    ty, tdx, _, _ = torch_step(module, x, dy)
    np.testing.assert_allclose(y, ty, **TOL)
    np.testing.assert_allclose(batchnorm_backward(dy, cache)[0], tdx, **TOL)


def test_steps_are_the_lectures_four():
    rng = np.random.default_rng(1)
    x = rng.normal(5, 2, size=(200, 3))
    gamma, beta = np.array([1.0, 2.0, 0.5]), np.array([0.0, -1.0, 3.0])
    s = steps(x, gamma, beta)
    np.testing.assert_allclose(s["mean"], x.mean(axis=0), rtol=1e-14)
    np.testing.assert_allclose(s["var"], x.var(axis=0), rtol=1e-14)
    np.testing.assert_allclose(s["x_hat"].mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(s["x_hat"].var(axis=0), s["var"] / (s["var"] + 1e-5), rtol=1e-12)
    np.testing.assert_allclose(s["y"], gamma * s["x_hat"] + beta, rtol=1e-14)


def test_bn_trains_faster():
    t0 = time.perf_counter()
    r = bn_experiment(depth=8, width=32, epochs=30, seed=0, n=512)
    elapsed = time.perf_counter() - t0
    assert len(r["with_bn"]) == len(r["without_bn"]) == 30
    # Same initial weights and batches; with BN the loss falls well below chance (ln 2 ≈ 0.693),
    # without it the deep sigmoid network is still stuck near chance.
    assert r["with_bn"][-1] < 0.4 < 0.65 < r["without_bn"][-1]
    assert np.mean(r["with_bn"]) < np.mean(r["without_bn"])
    assert r["with_bn_acc"][-1] > 0.85 and r["without_bn_acc"][-1] < 0.65
    assert elapsed < 10  # ~1 s here; the bound only catches gross slow-downs on a loaded CI box



@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bn_experiment_defaults_show_the_effect(seed):
    """Page 13 runs the defaults at seeds 0, 1, 2: each must show what its text says (BN's loss falls,
    the deep sigmoid network without BN stays near chance)."""
    r = bn_experiment(seed=seed)
    assert r["config"]["depth"] >= 8  # a deep network, as the page says
    assert r["with_bn"][-1] < 0.4 < 0.65 < r["without_bn"][-1]
    assert np.mean(r["with_bn"]) < np.mean(r["without_bn"])
    assert r["with_bn_acc"][-1] > 0.85 and r["without_bn_acc"][-1] < 0.6

def test_shape_errors():
    with pytest.raises(ValueError, match=r"\(N, D\) or \(N, C, H, W\)"):
        batchnorm_forward(np.zeros((2, 3, 4)), np.ones(3), np.zeros(3))
    with pytest.raises(ValueError, match=r"gamma and beta of shape \(3,\)"):
        batchnorm_forward(np.zeros((2, 3)), np.ones(4), np.zeros(4))
    with pytest.raises(ValueError, match="more than 1 value"):
        batchnorm_forward(np.zeros((1, 3)), np.ones(3), np.zeros(3))
    with pytest.raises(ValueError, match="running"):
        batchnorm_forward(np.zeros((2, 3)), np.ones(3), np.zeros(3), train=False)
    _, cache = batchnorm_forward(np.random.default_rng(0).normal(size=(4, 3)), np.ones(3), np.zeros(3))
    with pytest.raises(ValueError, match=r"dy of shape \(4, 3\)"):
        batchnorm_backward(np.zeros((3, 4)), cache)


def test_whitening_decorrelates_but_bn_only_standardises():
    from core.nn.batchnorm import RECOMMENDED_ORDER, correlated_batch, normalisation_cost, whitening_vs_bn

    r = whitening_vs_bn(correlated_batch(rho=0.8))
    np.testing.assert_allclose(np.diag(r["bn"]), 1, atol=1e-3)
    assert r["bn"][0, 1] == pytest.approx(0.8, abs=0.05)            # BN keeps the correlation
    np.testing.assert_allclose(r["whitened"], np.eye(2), atol=1e-8)  # whitening removes it
    c = normalisation_cost(64, 512)
    assert c["whitening"] > 100 * c["bn"]
    assert RECOMMENDED_ORDER == ("Conv", "BN", "Activation", "Dropout", "Pooling")
