"""core.nn.backprop: the lecture's 2-2-2 walk-through against autograd, core.nn.mlp and finite differences."""
import numpy as np
import pytest

from core.nn.activations import ACTIVATIONS
from core.nn.backprop import DEFAULTS, autograd_check, trace
from core.nn.mlp import MLP

KEYS = ["a1", "z2", "a2", "z3", "a3", "J1", "J2", "J", "delta3", "delta2", "dJ_dW2", "dJ_dW1",
        "W2_new", "W1_new"]


def random_case(seed):
    rng = np.random.default_rng(seed)
    return rng.normal(size=2), rng.uniform(size=2), rng.normal(size=(2, 2)), rng.normal(size=(2, 2))


def test_keys_and_shapes():
    t = trace(**DEFAULTS)
    assert list(t) == KEYS
    for k in ("a1", "z2", "a2", "z3", "a3", "delta3", "delta2"):
        assert t[k].shape == (2,), k
    for k in ("dJ_dW2", "dJ_dW1", "W2_new", "W1_new"):
        assert t[k].shape == (2, 2), k
    assert t["J"] == t["J1"] + t["J2"]


@pytest.mark.parametrize("case", ["defaults", 0, 1, 2])
def test_equals_autograd(case):
    x, y, W1, W2 = ((DEFAULTS[k] for k in ("x", "y", "W1", "W2")) if case == "defaults"
                    else random_case(case))
    t, ref = trace(x, y, W1, W2, lr=0.5), autograd_check(x, y, W1, W2)
    assert t["J"] == pytest.approx(ref["J"], rel=1e-12)
    np.testing.assert_allclose(t["dJ_dW1"], ref["dJ_dW1"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(t["dJ_dW2"], ref["dJ_dW2"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(t["W1_new"], W1 - 0.5 * ref["dJ_dW1"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(t["W2_new"], W2 - 0.5 * ref["dJ_dW2"], rtol=1e-10, atol=1e-12)


def test_forward_and_deltas_follow_the_lecture():
    x, y, W1, W2 = random_case(5)
    t = trace(x, y, W1, W2, lr=0.1)
    sig, dsig = ACTIVATIONS["sigmoid"]
    # Convention: W1[j, i] connects input i to hidden j, i.e. z2_j = Σ_i W1[j, i] x_i.
    assert t["z2"][1] == pytest.approx(W1[1, 0] * x[0] + W1[1, 1] * x[1], rel=1e-14)
    np.testing.assert_allclose(t["a3"], sig(W2 @ sig(W1 @ x)), rtol=1e-14)
    np.testing.assert_allclose(t["delta3"], (t["a3"] - y) * dsig(t["z3"]), rtol=1e-12)
    np.testing.assert_allclose(t["delta2"], (W2.T @ t["delta3"]) * dsig(t["z2"]), rtol=1e-12)
    # dJ/dW2[k, j] = δ3_k a2_j
    assert t["dJ_dW2"][0, 1] == pytest.approx(t["delta3"][0] * t["a2"][1], rel=1e-14)
    assert t["J1"] == pytest.approx(0.5 * (t["a3"][0] - y[0]) ** 2, rel=1e-14)


def test_equals_bias_free_mlp_and_finite_differences():
    x, y, W1, W2 = random_case(7)
    t = trace(x, y, W1, W2)
    model = MLP((2, 2, 2), activation="sigmoid", loss="mse")
    model.params = [[W1.copy(), np.zeros(2)], [W2.copy(), np.zeros(2)]]
    _, cache = model.forward(x[None])
    grads = model.backward(y[None], cache)
    np.testing.assert_allclose(grads[0]["dW"], t["dJ_dW1"], rtol=1e-12)
    np.testing.assert_allclose(grads[1]["dW"], t["dJ_dW2"], rtol=1e-12)
    h, fd = 1e-6, np.zeros((2, 2))
    for idx in np.ndindex(2, 2):
        E = np.zeros((2, 2))
        E[idx] = h
        fd[idx] = (trace(x, y, W1 + E, W2)["J"] - trace(x, y, W1 - E, W2)["J"]) / (2 * h)
    np.testing.assert_allclose(t["dJ_dW1"], fd, rtol=1e-6, atol=1e-10)


def test_one_step_lowers_the_cost():
    t = trace(**DEFAULTS)
    after = trace(DEFAULTS["x"], DEFAULTS["y"], t["W1_new"], t["W2_new"])
    assert after["J"] < t["J"]


def test_shape_errors():
    with pytest.raises(ValueError, match=r"W1 of shape \(2, 2\)"):
        trace([1, 2], [0, 1], np.eye(3), np.eye(2))
    with pytest.raises(ValueError, match=r"x of shape \(2,\)"):
        autograd_check([1, 2, 3], [0, 1], np.eye(2), np.eye(2))


# --------------------------------------------------------------------------- issue 14: lecture fidelity
def test_partials_of_xy_are_derivatives_of_f():
    """The lecture prints ∂y/∂x = y and ∂x/∂y = x; the derivatives are ∂f/∂x = y and ∂f/∂y = x."""
    from core.nn.backprop import partials_xy, partials_xy_numeric

    p, num = partials_xy(3.0, -2.0), partials_xy_numeric(3.0, -2.0)
    assert p == {"f": -6.0, "df_dx": -2.0, "df_dy": 3.0}
    assert num["df_dx"] == pytest.approx(-2.0) and num["df_dy"] == pytest.approx(3.0)


def test_scalar_chain_for_w11_equals_the_vector_form():
    from core.nn.backprop import DEFAULTS, scalar_chain, trace

    args = (DEFAULTS["x"], DEFAULTS["y"], DEFAULTS["W1"], DEFAULTS["W2"])
    c, tr = scalar_chain(*args), trace(*args)
    assert c["dJ_da"] == pytest.approx(tr["a3"][0] - DEFAULTS["y"][0])
    assert c["da_dz"] == pytest.approx(tr["a3"][0] * (1 - tr["a3"][0]))
    assert c["dz_dw"] == pytest.approx(tr["a2"][0])
    assert c["product"] == pytest.approx(tr["dJ_dW2"][0, 0], abs=1e-15)
    assert c["delta"] == pytest.approx(tr["delta3"][0], abs=1e-15)
    # the worked example's numbers (biases dropped): a⁽²⁾₁ = σ(0.0275), a⁽³⁾₁ = 0.606478
    assert c["dz_dw"] == pytest.approx(1 / (1 + np.exp(-0.0275)))
    assert c["product"] == pytest.approx(0.072157, abs=1e-6)


def test_lecture_update_has_eta_one_and_the_page_default_differs():
    from core.nn.backprop import DEFAULTS, LECTURE_LR, lecture_update, trace

    args = (DEFAULTS["x"], DEFAULTS["y"], DEFAULTS["W1"], DEFAULTS["W2"])
    tr = trace(*args)
    assert LECTURE_LR == 1.0 and DEFAULTS["lr"] != LECTURE_LR
    np.testing.assert_allclose(lecture_update(*args)["W2_new"], DEFAULTS["W2"] - tr["dJ_dW2"])
