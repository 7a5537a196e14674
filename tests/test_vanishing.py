"""core.nn.vanishing: sigmoid gradients vanish with depth, ReLU + He gradients do not."""
import numpy as np
import pytest
import torch

from core.nn.mlp import MLP
from core.nn.vanishing import gradient_norms


@pytest.mark.parametrize("seed", range(3))
def test_sigmoid_gradients_vanish(seed):
    g = gradient_norms(depth=10, width=32, activation="sigmoid", seed=seed, init="xavier")
    assert g.shape == (10,) and np.all(g > 0)
    assert g[0] / g[-1] < 1e-4  # orders of magnitude from the last layer to the first
    assert np.all(np.diff(g) > 0)  # shrinking at every layer on the way back


@pytest.mark.parametrize("seed", range(3))
def test_relu_with_he_init_does_not_vanish(seed):
    g = gradient_norms(depth=10, width=32, activation="relu", seed=seed, init="he")
    assert np.all((g / g[-1] > 0.1) & (g / g[-1] < 10))


def test_norms_equal_torch_autograd():
    depth, width, n, seed = 4, 6, 5, 3
    g = gradient_norms(depth, width, "tanh", seed=seed, init="xavier", n=n)
    # Rebuild the same network and batch, let autograd differentiate it.
    rng = np.random.default_rng(seed)
    X, y = torch.tensor(rng.normal(size=(n, width))), torch.tensor(rng.normal(size=(n, width)))
    model = MLP([width] * (depth + 1), activation="tanh", seed=seed, init="xavier")
    Ws = [torch.tensor(W, requires_grad=True) for W, _ in model.params]
    a = X
    for i, W in enumerate(Ws):
        a = a @ W.T if i == depth - 1 else torch.tanh(a @ W.T)
    J = 0.5 * ((a - y) ** 2).sum() / n
    ref = [gw.norm().item() for gw in torch.autograd.grad(J, Ws)]
    np.testing.assert_allclose(g, ref, rtol=1e-10)


def test_validation():
    with pytest.raises(ValueError, match="depth"):
        gradient_norms(0, 8, "relu")
    with pytest.raises(ValueError, match="init"):
        gradient_norms(3, 8, "relu", init="orthogonal")


def test_dead_relu_count_grows_with_the_learning_rate():
    """Lecture: a dead neuron appears when the learning rate is large; it never comes back."""
    from core.nn.vanishing import dead_relu

    r = dead_relu()
    assert r["lr"] == [0.001, 0.01, 0.1, 0.3, 1.0]
    assert r["total"][0] == 64
    assert r["dead"] == sorted(r["dead"]) and r["dead"][-1] >= 4 * max(r["dead"][0], 1)
    assert r["fraction"][-1] == r["dead"][-1] / 64
    assert r["loss"][-1] == float("inf")          # lr = 1 diverges
    assert r == dead_relu()                        # deterministic for a seed
