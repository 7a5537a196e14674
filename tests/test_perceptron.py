"""core.nn.perceptron: the perceptron rule, the logic gates, and why XOR defeats it."""
import numpy as np
import pytest

from core.nn.perceptron import LOGIC_GATES, Perceptron, step


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
@pytest.mark.parametrize("seed", range(5))
def test_learns_linearly_separable_gates(gate, seed):
    X, y = LOGIC_GATES[gate]
    p = Perceptron(lr=0.1, epochs=100, seed=seed).fit(X, y)
    assert p.score(X, y) == 1.0
    assert p.errors_[-1] == 0  # stopped because an epoch passed without a mistake
    np.testing.assert_array_equal(p.predict(X), y)


def test_never_learns_xor():
    X, y = LOGIC_GATES["XOR"]
    for seed in range(20):
        p = Perceptron(lr=0.1, epochs=300, seed=seed).fit(X, y)
        assert len(p.errors_) == 300 and min(p.errors_) > 0
        # Not just the final weights: no state visited during training classifies all four points.
        W = np.stack([h["w"] for h in p.history])  # (T, 2)
        B = np.array([h["b"] for h in p.history])  # (T,)
        acc = (step(X @ W.T + B) == y[:, None]).mean(axis=0)  # (T,)
        assert acc.max() <= 0.75


def test_history_replays_the_perceptron_rule():
    X, y = LOGIC_GATES["OR"]
    p = Perceptron(lr=0.5, epochs=50, seed=3).fit(X, y)
    for before, h in zip(p.history, p.history[1:], strict=False):
        x = X[h["index"]]
        y_hat = int(x @ before["w"] + before["b"] >= 0)
        assert h["y_hat"] == y_hat and h["error"] == y[h["index"]] - y_hat
        np.testing.assert_allclose(h["w"], before["w"] + 0.5 * h["error"] * x, rtol=0, atol=1e-15)
        assert h["b"] == pytest.approx(before["b"] + 0.5 * h["error"])
    assert p.history[0]["epoch"] == 0 and p.history[-1]["epoch"] == len(p.errors_)
    np.testing.assert_array_equal(p.history[-1]["w"], p.w)


def test_seed_is_reproducible():
    X, y = LOGIC_GATES["AND"]
    a, b = Perceptron(seed=7).fit(X, y), Perceptron(seed=7).fit(X, y)
    np.testing.assert_array_equal(a.w, b.w)
    assert a.b == b.b and len(a.history) == len(b.history)


def test_validation():
    X, y = LOGIC_GATES["AND"]
    with pytest.raises(ValueError, match=r"\(N, D\)"):
        Perceptron().fit(X[0], y)
    with pytest.raises(ValueError, match=r"\(4,\)"):
        Perceptron().fit(X, y[:3])
    with pytest.raises(ValueError, match="binary"):
        Perceptron().fit(X, y * 2)
    p = Perceptron().fit(X, y)
    with pytest.raises(ValueError, match=r"\(N, 2\)"):
        p.predict(np.zeros((3, 3)))
    with pytest.raises(RuntimeError):
        Perceptron().predict(X)
