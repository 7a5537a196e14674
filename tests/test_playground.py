"""core.nn.playground and the generalised core.nn.mlp: the same training as torch (float64, 1e-8),
the data sets, and what the playground page draws."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.nn.activations import ACTIVATIONS
from core.nn.mlp import MLP, Optimizer
from core.nn.perceptron import LOGIC_GATES
from core.nn.playground import DATASETS, Playground, grid, make_dataset
from tests.conftest import TORCH_ACT

# float64 torch references in this module only (see tests/conftest.py's float64_torch)
pytestmark = pytest.mark.usefixtures("float64_torch")


class TorchNet(torch.nn.Module):
    """The equivalent torch network: Linear → (BatchNorm1d) → activation per hidden layer, Linear out."""

    def __init__(self, model: MLP):
        super().__init__()
        self.act = TORCH_ACT[model.activation]
        self.linears = torch.nn.ModuleList()
        self.bns = torch.nn.ModuleList()
        for layer, (W, b) in enumerate(model.params):
            has_bn = model.batchnorm and layer < len(model.params) - 1
            lin = torch.nn.Linear(W.shape[1], W.shape[0], bias=not has_bn)  # BN's β replaces b
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(W))
                if not has_bn:
                    lin.bias.copy_(torch.from_numpy(b))
            self.linears.append(lin)
            if has_bn:
                self.bns.append(torch.nn.BatchNorm1d(W.shape[0], eps=1e-5, momentum=0.1))
        self.loss_name, self.l2 = model.loss, model.l2

    def forward(self, x):
        for i, lin in enumerate(self.linears[:-1]):
            z = lin(x)
            x = self.act(self.bns[i](z) if len(self.bns) else z)
        return self.linears[-1](x)

    def objective(self, x, y):
        logits = self.forward(x)
        if self.loss_name == "bce":
            data = F.binary_cross_entropy_with_logits(logits, y.reshape(logits.shape))
        else:
            data = F.cross_entropy(logits, y)
        return data, data + 0.5 * self.l2 * sum((lin.weight ** 2).sum() for lin in self.linears)


def torch_optimizer(name, params, lr):
    return {"sgd": lambda: torch.optim.SGD(params, lr=lr),
            "momentum": lambda: torch.optim.SGD(params, lr=lr, momentum=0.9),
            "adam": lambda: torch.optim.Adam(params, lr=lr)}[name]()


def assert_same_params(model: MLP, net: TorchNet):
    for (W, b), lin in zip(model.params, net.linears, strict=True):
        np.testing.assert_allclose(W, lin.weight.detach().numpy(), rtol=1e-8, atol=1e-9)
        if lin.bias is None:
            assert np.all(b == 0)  # the bias before BN is not trained
        else:
            np.testing.assert_allclose(b, lin.bias.detach().numpy(), rtol=1e-8, atol=1e-9)
    for bn, tbn in zip(model.bn, net.bns, strict=True):
        np.testing.assert_allclose(bn["gamma"], tbn.weight.detach().numpy(), rtol=1e-8, atol=1e-9)
        np.testing.assert_allclose(bn["beta"], tbn.bias.detach().numpy(), rtol=1e-8, atol=1e-9)
        np.testing.assert_allclose(bn["running"]["mean"], tbn.running_mean.numpy(), rtol=1e-8, atol=1e-9)
        np.testing.assert_allclose(bn["running"]["var"], tbn.running_var.numpy(), rtol=1e-8, atol=1e-9)


# (hidden widths, activation, batch norm, optimizer, lr, L2, batch size)
CONFIGS = [
    ((4, 4), "tanh", False, "sgd", 0.3, 0.0, 10),
    ((8, 8, 8, 8), "relu", False, "adam", 0.01, 0.0, 10),
    ((8, 8, 8, 8), "tanh", True, "adam", 0.01, 0.003, 10),
    ((3,), "sigmoid", True, "momentum", 0.1, 0.01, 7),
    ((5, 2, 6), "leaky_relu", True, "sgd", 0.2, 0.001, 16),
    ((), "sigmoid", False, "adam", 0.05, 0.01, 8),
    ((6, 6), "elu", False, "momentum", 0.05, 0.02, 40),
    ((4, 4, 4), "selu", True, "adam", 0.02, 0.0, 9),
    ((5, 5), "swish", False, "sgd", 0.5, 0.005, 12),
    ((5,), "mish", True, "momentum", 0.05, 0.0, 11),
    ((7, 3), "softplus", False, "adam", 0.03, 0.01, 10),
]


@pytest.mark.parametrize("hidden,activation,bn,opt,lr,l2,batch", CONFIGS,
                         ids=[f"{c[1]}-{'x'.join(map(str, c[0])) or 'none'}-{'bn-' if c[2] else ''}{c[3]}-l2{c[5]}"
                              for c in CONFIGS])
def test_training_equals_torch(hidden, activation, bn, opt, lr, l2, batch):
    """Several mini-batch steps of our NumPy network and the equivalent torch model, from the same
    weights on the same batches: the same objective at every step, the same weights (and BN running
    statistics) after every epoch, to 1e-8."""
    data = make_dataset("circle", 60, noise=0.1, train_frac=0.5, seed=3)
    X, y = data.X_train, data.y_train
    model = MLP((2, *hidden, 1), activation=activation, loss="bce", seed=5, batchnorm=bn, l2=l2)
    for layer, (_W, b) in enumerate(model.params):  # non-zero biases so their gradients matter
        if not (bn and layer < len(hidden)):
            b += np.random.default_rng(1).normal(0, 0.3, size=b.shape)
    net = TorchNet(model)
    net.train()
    t_opt = torch_optimizer(opt, net.parameters(), lr)
    optimizer = Optimizer(model, opt, lr)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y.astype(np.float64))
    rng = np.random.default_rng(0)
    for _epoch in range(3):
        for idx in model.batches(len(X), batch, rng):
            data_loss, objective = net.objective(Xt[idx], yt[idx])
            t_opt.zero_grad()
            objective.backward()
            t_opt.step()
            loss = model.train_step(X[idx], y[idx], optimizer)
            assert loss == pytest.approx(data_loss.item(), rel=1e-8, abs=1e-12)
        assert_same_params(model, net)
    # ... and the penalty is what torch added
    assert model.penalty() == pytest.approx(
        0.5 * l2 * sum(float((lin.weight.detach() ** 2).sum()) for lin in net.linears), rel=1e-10, abs=1e-15)
    # evaluation mode (running statistics for BN) agrees too
    net.eval()
    with torch.no_grad():
        p_ref = torch.sigmoid(net(Xt)).numpy()[:, 0]
    np.testing.assert_allclose(model.forward(X)[0][:, 0], p_ref, rtol=1e-8, atol=1e-12)


def test_fit_with_minibatches_equals_torch_and_softmax_bn():
    """``MLP.fit`` (mini-batches, a persistent optimizer) and a 3-class softmax network with BN."""
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(50, 3)), rng.integers(0, 3, size=50)
    model = MLP((3, 6, 5, 3), activation="tanh", loss="softmax_ce", seed=1, batchnorm=True, l2=0.01)
    net = TorchNet(model)
    t_opt = torch_optimizer("adam", net.parameters(), 0.02)
    optimizer = Optimizer(model, "adam", 0.02)
    history = model.fit(X, y, epochs=2, batch_size=8, optimizer=optimizer, seed=7)
    order = np.random.default_rng(7)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    for epoch in range(2):
        total = 0.0
        for idx in model.batches(len(X), 8, order):
            data_loss, objective = net.objective(Xt[idx], yt[idx])
            total += data_loss.item() * len(idx)
            t_opt.zero_grad()
            objective.backward()
            t_opt.step()
        assert history[epoch]["loss"] == pytest.approx(total / len(X), rel=1e-8)
    assert_same_params(model, net)
    # the optimizer's state carries over: another epoch continues Adam's step count
    model.fit(X, y, epochs=1, batch_size=8, optimizer=optimizer, seed=8)
    assert optimizer.rule._t == 3 * 7


def test_full_batch_fit_unchanged_and_step_matches_optimizer():
    X, y = LOGIC_GATES["XOR"]
    a = MLP((2, 2, 1), seed=0)
    b = MLP((2, 2, 1), seed=0)
    a.fit(X, y, lr=2.0, epochs=50)
    for _ in range(50):
        b.train_step(X, y, lr=2.0)  # plain W ← W − lr ∂J/∂W, the lecture's rule
    for (Wa, ba), (Wb, bb) in zip(a.params, b.params, strict=True):
        np.testing.assert_array_equal(Wa, Wb)
        np.testing.assert_array_equal(ba, bb)


def test_batches_cover_every_sample_and_bn_never_gets_one():
    model = MLP((2, 3, 1), batchnorm=True)
    idx = model.batches(21, 10, np.random.default_rng(0))
    assert [len(i) for i in idx] == [10, 11]  # 10, 10, 1 → the single sample joins the batch before
    assert sorted(np.concatenate(idx)) == list(range(21))
    assert MLP((2, 3, 1)).batches(21, 10, np.random.default_rng(0))[-1].size == 1
    assert [list(i) for i in model.batches(21, None, np.random.default_rng(0))] == [list(range(21))]
    with pytest.raises(ValueError, match="batch norm"):
        model.batches(21, 1, np.random.default_rng(0))


def test_optimizer_validation_and_lr():
    model = MLP((2, 3, 1))
    with pytest.raises(ValueError, match="optimizer"):
        Optimizer(model, "lbfgs")
    opt = Optimizer(model, "momentum", 0.1)
    opt.lr = 0.5
    assert opt.lr == 0.5 and opt.rule.momentum == 0.9
    with pytest.raises(ValueError, match="lr"):
        opt.lr = 0
    with pytest.raises(ValueError, match="exactly one"):
        model.train_step(np.zeros((2, 2)), np.zeros(2))


# --------------------------------------------------------------------------- data sets
@pytest.mark.parametrize("name", [d for d in DATASETS if d != "xor_table"])
def test_datasets_seeded_split_and_balanced(name):
    d = make_dataset(name, 200, noise=0.1, train_frac=0.7, seed=4)
    again = make_dataset(name, 200, noise=0.1, train_frac=0.7, seed=4)
    np.testing.assert_array_equal(d.X_train, again.X_train)
    np.testing.assert_array_equal(d.y_test, again.y_test)
    assert not np.array_equal(make_dataset(name, 200, 0.1, 0.7, seed=5).X_train, d.X_train)
    assert d.X_train.shape == (140, 2) and d.X_test.shape == (60, 2)
    y = np.concatenate([d.y_train, d.y_test])
    assert set(np.unique(y)) == {0, 1} and 0.35 < y.mean() < 0.65
    lo, hi = d.view
    assert np.mean((d.X_train > lo) & (d.X_train < hi)) > 0.95


def test_noise_moves_points_but_not_labels():
    clean = make_dataset("xor", 100, noise=0.0, seed=1)
    noisy = make_dataset("xor", 100, noise=0.3, seed=1)
    np.testing.assert_array_equal(clean.y_train, noisy.y_train)
    assert not np.allclose(clean.X_train, noisy.X_train)
    # without noise the labels follow the rule exactly
    X = np.concatenate([clean.X_train, clean.X_test])
    y = np.concatenate([clean.y_train, clean.y_test])
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))
    circle = make_dataset("circle", 100, seed=0)
    r = np.linalg.norm(circle.X_train, axis=1)
    assert np.all(r[circle.y_train == 1] <= 0.5) and np.all(r[circle.y_train == 0] >= 0.7)


def test_xor_truth_table_is_the_lectures():
    d = make_dataset("xor_table", noise=0.4, train_frac=0.2)
    X, y = LOGIC_GATES["XOR"]
    np.testing.assert_array_equal(d.X_train, X)
    np.testing.assert_array_equal(d.y_train, y)
    np.testing.assert_array_equal(d.X_test, X)


def test_dataset_errors():
    with pytest.raises(ValueError, match="data set"):
        make_dataset("moons")
    with pytest.raises(ValueError, match="noise"):
        make_dataset("xor", noise=0.9)
    with pytest.raises(ValueError, match="train_frac"):
        make_dataset("xor", train_frac=1.0)


def test_grid_cells():
    pts, width = grid((-1.0, 1.0), 4)
    assert width == 0.5 and pts.shape == (16, 2)
    assert tuple(pts[0]) == (-0.75, -0.75) and tuple(pts[1]) == (-0.25, -0.75)  # x₁ fastest


# --------------------------------------------------------------------------- the playground
def test_playground_trains_and_records():
    d = make_dataset("circle", 200, noise=0.05, train_frac=0.5, seed=0)
    pg = Playground(d, (4, 4), "tanh", optimizer="adam", lr=0.03, batch_size=10)
    assert pg.epoch == 0 and pg.history["epoch"] == [0]
    pg.run(30)
    assert pg.epoch == 30 and pg.history["epoch"] == list(range(31))
    assert pg.history["train_loss"][-1] < pg.history["train_loss"][0]
    assert pg.history["test_loss"][-1] == pytest.approx(pg.model.cost(d.X_test, d.y_test))
    snap = pg.snapshot(res=20, neuron_res=6)
    assert snap["train_acc"] > 0.9 and snap["test_acc"] > 0.9
    assert snap["region"].shape == (400,) and np.all((snap["region"] > 0) & (snap["region"] < 1))
    assert [a.shape for a in snap["neurons"]] == [(36, 2), (36, 4), (36, 4), (36, 1)]
    np.testing.assert_allclose(snap["neurons"][0], grid(d.view, 6)[0])  # the input "neurons" are x₁, x₂
    np.testing.assert_allclose(snap["neurons"][-1][:, 0], pg.model.forward(grid(d.view, 6)[0])[0][:, 0])
    for s in snap["neurons_scaled"]:
        assert s.min() >= -1 - 1e-12 and s.max() <= 1 + 1e-12
    assert [W.shape for W in snap["weights"]] == [(4, 2), (4, 4), (1, 4)]
    curves = pg.curves(max_points=10)
    assert len(curves["epoch"]) == 10 and curves["epoch"][0] == 0 and curves["epoch"][-1] == 30


def test_gradient_norms_and_dead_relus():
    d = make_dataset("xor", 100, seed=0)
    pg = Playground(d, (3, 2), "relu", batch_size=10)
    grads = pg.model.backward(d.y_train, pg.model.forward(d.X_train, train=True)[1])
    snap = pg.snapshot(res=4, neuron_res=3)
    assert snap["grad_norm"] == pytest.approx([np.linalg.norm(g["dW"]) for g in grads], rel=1e-12)
    # kill two first-layer units: a very negative bias keeps z < 0 on every point
    pg.model.params[0][1][:2] = -100.0
    snap = pg.snapshot(res=4, neuron_res=3)
    assert snap["dead"][0] == 2
    # smooth activations are never exactly flat
    assert Playground(d, (3, 2), "tanh").snapshot(res=4, neuron_res=3)["dead"] == [0, 0]


def test_gradient_norm_with_bn_leaves_running_stats_alone():
    d = make_dataset("gauss", 80, seed=0)
    pg = Playground(d, (4,), "tanh", batchnorm=True, batch_size=8)
    pg.run(2)
    before = {k: v.copy() for k, v in pg.model.bn[0]["running"].items()}
    pg.snapshot(res=4, neuron_res=3)
    for k, v in before.items():
        np.testing.assert_array_equal(pg.model.bn[0]["running"][k], v)


def test_set_hyper_keeps_or_resets_optimizer_state():
    d = make_dataset("gauss", 60, seed=0)
    pg = Playground(d, (2,), "tanh", optimizer="adam", lr=0.01, batch_size=10)
    pg.run(1)
    opt = pg.optimizer
    pg.set_hyper(lr=0.05, batch_size=20, l2=0.1, optimizer="adam")
    assert pg.optimizer is opt and opt.lr == 0.05 and opt.rule._t == 3
    assert pg.batch_size == 20 and pg.model.l2 == 0.1
    pg.set_hyper(lr=0.05, batch_size=20, l2=0.1, optimizer="sgd")
    assert pg.optimizer is not opt and pg.optimizer.name == "sgd"
    with pytest.raises(ValueError, match="batch_size"):
        Playground(d, (2,), batchnorm=True, batch_size=1)


def test_every_activation_and_depth_runs():
    d = make_dataset("spiral", 40, seed=0)
    for depth in range(5):
        for act in ACTIVATIONS:
            pg = Playground(d, (8,) * depth, act, batchnorm=depth % 2 == 1, optimizer="momentum", lr=0.01)
            pg.run(1)
            assert np.isfinite(pg.history["train_loss"][-1])
    with pytest.raises(ValueError, match="hidden"):
        Playground(d, (9,))
    with pytest.raises(ValueError, match="hidden"):
        Playground(d, (2,) * 5)
