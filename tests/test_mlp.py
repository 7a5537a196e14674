"""core.nn.mlp: hand-written backprop against torch autograd (float64), XOR, helpers."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.nn.mlp import MLP, decision_grid, init_params, snapshot_grid, train_snapshots, train_snapshots_many
from core.nn.perceptron import LOGIC_GATES
from tests.conftest import TORCH_ACT


def torch_loss_and_grads(model, X, y):
    """The same network and loss written with torch ops; autograd supplies the reference gradients."""
    params = [[torch.tensor(p, requires_grad=True) for p in layer] for layer in model.params]
    a = torch.tensor(X)
    for i, (W, b) in enumerate(params):
        z = a @ W.T + b
        last = i == len(params) - 1
        a = TORCH_ACT[model.output_activation](z) if last and model.loss == "mse" else (
            z if last else TORCH_ACT[model.activation](z))
    n = len(X)
    if model.loss == "mse":
        Y = torch.tensor(y, dtype=torch.float64).reshape(n, -1)
        J = 0.5 * ((a - Y) ** 2).sum() / n  # the lecture's ½ Σ (a − y)², mean over the batch
    elif model.loss == "bce":
        Y = torch.tensor(y, dtype=torch.float64).reshape(n, -1)
        J = F.binary_cross_entropy_with_logits(a, Y, reduction="sum") / n
    else:
        J = F.cross_entropy(a, torch.tensor(y))
    flat = [p for layer in params for p in layer]
    g = torch.autograd.grad(J, flat)
    return J.item(), [{"dW": g[2 * i].numpy(), "db": g[2 * i + 1].numpy()} for i in range(len(params))]


CASES = [
    ((2, 2, 1), "sigmoid", "mse"),
    ((3, 5, 4, 2), "tanh", "mse"),
    ((4, 6, 6, 6, 3), "relu", "softmax_ce"),
    ((3, 7, 2), "leaky_relu", "bce"),
    ((5, 4, 4, 4, 4, 4, 1), "elu", "bce"),
    ((2, 8, 3), "swish", "softmax_ce"),
    ((3, 4, 5, 2), "mish", "mse"),
    ((3, 6, 3), "selu", "softmax_ce"),
    ((2, 5, 1), "softplus", "bce"),
]


@pytest.mark.parametrize("sizes,activation,loss", CASES)
def test_gradients_equal_autograd(sizes, activation, loss):
    rng = np.random.default_rng(len(sizes))
    model = MLP(sizes, activation=activation, loss=loss, seed=1)
    for _W, b in model.params:  # non-zero biases so their gradients are exercised too
        b += rng.normal(0, 0.5, size=b.shape)
    n, k = 7, sizes[-1]
    X = rng.normal(size=(n, sizes[0]))
    y = rng.integers(0, k, size=n) if loss == "softmax_ce" else rng.integers(0, 2, size=(n, k)).astype(float)
    out, cache = model.forward(X)
    grads = model.backward(y, cache)
    J_ref, grads_ref = torch_loss_and_grads(model, X, y)
    assert model.loss_from_cache(y, cache) == pytest.approx(J_ref, rel=1e-12, abs=1e-14)
    assert len(grads) == len(model.params)
    for g, r, (W, b) in zip(grads, grads_ref, model.params, strict=True):
        assert g["dW"].shape == W.shape and g["db"].shape == b.shape
        np.testing.assert_allclose(g["dW"], r["dW"], rtol=1e-8, atol=1e-12)
        np.testing.assert_allclose(g["db"], r["db"], rtol=1e-8, atol=1e-12)


def test_identity_output_and_one_hot_targets():
    rng = np.random.default_rng(0)
    model = MLP((3, 4, 2), activation="tanh", loss="mse", output_activation="identity", seed=2)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    _, grads_ref = torch_loss_and_grads(model, X, y)
    _, cache = model.forward(X)
    for g, r in zip(model.backward(y, cache), grads_ref, strict=True):
        np.testing.assert_allclose(g["dW"], r["dW"], rtol=1e-8, atol=1e-12)
    # Softmax cross-entropy takes one-hot targets as well as indices.
    sm = MLP((3, 4, 3), activation="relu", loss="softmax_ce", seed=0)
    labels = np.array([0, 2, 1, 1, 0])
    _, cache = sm.forward(X)
    np.testing.assert_allclose(sm.backward(np.eye(3)[labels], cache)[0]["dW"],
                               sm.backward(labels, cache)[0]["dW"], rtol=0, atol=0)


def test_step_descends():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(20, 3)), rng.integers(0, 2, size=20)
    model = MLP((3, 8, 1), activation="tanh", loss="bce", seed=0)
    before = model.cost(X, y)
    _, cache = model.forward(X)
    model.step(model.backward(y, cache), lr=0.1)
    assert model.cost(X, y) < before


def test_xor_2_2_1_sigmoid_learns():
    X, y = LOGIC_GATES["XOR"]
    model = MLP((2, 2, 1), activation="sigmoid", loss="mse", seed=0)
    seen = []
    history = model.fit(X, y, lr=2.0, epochs=2000, callback=lambda e, m, r: seen.append(e))
    assert seen == list(range(1, 2001)) and [h["epoch"] for h in history] == seen
    assert model.score(X, y) == 1.0
    np.testing.assert_array_equal(model.predict(X), y)
    assert history[-1]["loss"] < 0.05 < history[0]["loss"]


def test_init_scales():
    rng = np.random.default_rng(0)
    (W, b), = init_params((400, 300), "he", rng)
    assert W.shape == (300, 400) and np.all(b == 0)
    assert W.std() == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    (W, _), = init_params((400, 300), "xavier", rng)
    assert W.std() == pytest.approx(np.sqrt(2 / 700), rel=0.02)


def test_decision_grid_and_snapshots():
    X, y = LOGIC_GATES["XOR"]
    model = MLP((2, 3, 1), seed=0)
    xx, yy, probs = decision_grid(model, (-1, 2), (-0.5, 1.5), n=11)
    assert xx.shape == yy.shape == probs.shape == (11, 11)
    assert xx[0, 0] == -1 and xx[0, -1] == 2 and yy[-1, 0] == 1.5
    i, j = 5, 3  # probs[i, j] is the output at (xx[i, j], yy[i, j])
    np.testing.assert_allclose(probs[i, j], model.forward([[xx[i, j], yy[i, j]]])[0][0, 0], rtol=1e-12)
    multi = MLP((2, 3, 3), loss="softmax_ce")
    assert decision_grid(multi, (0, 1), (0, 1), n=5)[2].shape == (5, 5, 3)

    snaps = train_snapshots((2, 2, 1), X, y, lr=2.0, epochs=2000, every=500, seed=0, n=9)
    assert [s["epoch"] for s in snaps] == [0, 500, 1000, 1500, 2000]
    assert snaps[-1]["acc"] == 1.0 and snaps[-1]["loss"] < snaps[0]["loss"]
    assert snaps[0]["grid"][2].shape == (9, 9)



@pytest.mark.parametrize("sizes, activation", [((2, 2, 1), "sigmoid"), ((2, 3, 2, 1), "tanh")])
def test_snapshots_many_equal_one_run_each(sizes, activation):
    """The vectorised runs of page 10 are the runs of MLP.fit, one (lr, seed) at a time."""
    X, y = LOGIC_GATES["XOR"]
    runs = train_snapshots_many(sizes, X, y, lrs=[0.5, 2.0], seeds=[0, 1, 5], epochs=120, every=50,
                                activation=activation)
    assert sorted(runs) == [(lr, s) for lr in (0.5, 2.0) for s in (0, 1, 5)]
    for (lr, seed), run in runs.items():
        snaps = train_snapshots(sizes, X, y, lr=lr, epochs=120, every=50, seed=seed, activation=activation)
        assert run["epoch"] == [s["epoch"] for s in snaps] == [0, 50, 100, 120]
        np.testing.assert_allclose(run["loss"], [s["loss"] for s in snaps], rtol=1e-12, atol=1e-15)
        np.testing.assert_array_equal(run["acc"], [s["acc"] for s in snaps])
        for i, snap in enumerate(snaps):
            for got, want in zip(snapshot_grid(run, i, X), snap["grid"], strict=True):
                np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)
    model = MLP(sizes, activation=activation, seed=1)
    model.fit(X, y, lr=2.0, epochs=120)
    for (W, b), (Ws, bs) in zip(model.params, runs[(2.0, 1)]["params"], strict=True):
        np.testing.assert_allclose(Ws[-1], W, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(bs[-1], b, rtol=1e-12, atol=1e-15)
    with pytest.raises(ValueError, match="every"):
        train_snapshots_many(sizes, X, y, lrs=[1.0], seeds=[0], epochs=10, every=0)

def test_validation_errors_name_expected_shapes():
    model = MLP((2, 2, 1))
    with pytest.raises(ValueError, match=r"\(N, 2\)"):
        model.forward(np.zeros((4, 3)))
    _, cache = model.forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match=r"\(4, 1\)"):
        model.backward(np.zeros((3, 1)), cache)
    with pytest.raises(ValueError, match="loss"):
        MLP((2, 1), loss="hinge")
    with pytest.raises(ValueError, match="activation"):
        MLP((2, 1), activation="step")
    with pytest.raises(ValueError, match="sizes"):
        MLP((2,))
    with pytest.raises(ValueError, match="class indices"):
        sm = MLP((2, 3), loss="softmax_ce")
        sm.backward(np.array([0, 3, 1, 1]), sm.forward(np.zeros((4, 2)))[1])
