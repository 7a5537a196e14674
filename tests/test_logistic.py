"""core.ml.logistic against PyTorch (sigmoid, cross-entropy, gradient steps) and scikit-learn (the fit)."""
import numpy as np
import pytest
import torch
from sklearn.linear_model import LogisticRegression

from core.ml import logistic
from core.ml.lecture_data import pass_fail, pass_fail_every_hour


def _overlapping_classes(seed=0, n=300):
    """Two inputs, labels drawn from a known logistic model, so the classes overlap (finite optimum)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))  # (N, 2)
    p = 1.0 / (1.0 + np.exp(-(1.5 * X[:, 0] - 2.0 * X[:, 1] + 0.5)))
    y = (rng.random(n) < p).astype(int)
    return X, y


def test_sigmoid_matches_torch():
    z = np.linspace(-40, 40, 801)
    np.testing.assert_allclose(logistic.sigmoid(z), torch.sigmoid(torch.from_numpy(z)).numpy(),
                               rtol=1e-14, atol=1e-300)
    assert logistic.sigmoid(0.0) == 0.5


def test_sigmoid_is_stable_at_extremes():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        s = logistic.sigmoid(np.array([-1000.0, -745.0, 0.0, 745.0, 1000.0]))
    assert np.isfinite(s).all()
    assert s[0] == 0.0 and s[-1] == 1.0
    assert logistic.sigmoid(np.zeros((3, 4))).shape == (3, 4)


def test_bce_matches_torch():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 50)
    p = rng.uniform(0.01, 0.99, 50)
    expected = torch.nn.functional.binary_cross_entropy(torch.from_numpy(p), torch.from_numpy(y.astype(float)))
    assert logistic.bce(y, p) == pytest.approx(expected.item(), rel=1e-12)


def test_bce_lecture_values():
    # Confident and right costs almost nothing; confident and wrong costs a lot, but stays finite.
    assert logistic.bce([1], [1.0]) == pytest.approx(0.0, abs=1e-11)
    assert logistic.bce([1, 0], [0.5, 0.5]) == pytest.approx(np.log(2))
    wrong = logistic.bce([1, 0], [0.0, 1.0])
    assert np.isfinite(wrong) and wrong > 20


def test_pass_fail_boundary_between_last_fail_and_first_pass():
    # The lecture's six students: the fitted 0.5 point lies between 6 (last fail) and 8 (first pass).
    hours, passed = pass_fail()
    assert logistic.class_gap(hours, passed) == (6.0, 8.0)
    coef, intercept, hist = logistic.fit_logistic(hours, passed)  # the defaults must be enough
    boundary = -intercept / coef[0]
    assert 6.0 < boundary < 8.0
    assert boundary == pytest.approx(6.9434, abs=1e-3)  # the data are symmetric about 7: it creeps to 7
    p = logistic.predict_proba(hours, coef, intercept)
    np.testing.assert_array_equal(p >= 0.5, passed == 1)
    assert hist["loss"][0] == pytest.approx(np.log(2))  # all-zero start predicts 0.5 everywhere
    assert np.all(np.diff(hist["loss"]) <= 0)


def test_every_hour_boundary_between_six_and_seven():
    hours, passed = pass_fail_every_hour()
    assert logistic.class_gap(hours, passed) == (6.0, 7.0)
    coef, intercept, _ = logistic.fit_logistic(hours, passed)
    assert 6.0 < -intercept / coef[0] < 7.0


def test_class_gap_none_when_classes_overlap_or_one_class():
    assert logistic.class_gap([1, 2, 3], [0, 1, 0]) is None
    assert logistic.class_gap([1, 2], [1, 1]) is None


def test_fit_matches_sklearn_unpenalised_optimum():
    X, y = _overlapping_classes()
    coef, intercept, hist = logistic.fit_logistic(X, y, lr=1.0, epochs=3000)
    # C=inf is scikit-learn 1.8+'s spelling of penalty=None (no regularisation).
    ref = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    # GD after 3000 epochs is within 1e-6 of the unpenalised optimum scikit-learn finds by L-BFGS.
    np.testing.assert_allclose(coef, ref.coef_[0], rtol=0, atol=1e-6)
    assert intercept == pytest.approx(ref.intercept_[0], abs=1e-6)
    np.testing.assert_allclose(logistic.predict_proba(X, coef, intercept), ref.predict_proba(X)[:, 1],
                               rtol=0, atol=1e-7)
    ref_loss = logistic.bce(y, ref.predict_proba(X)[:, 1])
    assert hist["loss"][-1] == pytest.approx(ref_loss, abs=1e-10)


def test_fit_steps_equal_torch_sgd_on_bce():
    X, y = _overlapping_classes(seed=1, n=40)
    lr, epochs = 0.5, 20
    _, _, hist = logistic.fit_logistic(X, y, lr=lr, epochs=epochs)
    w = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=lr)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y.astype(float))
    for k in range(epochs + 1):
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(Xt @ w + b, yt)
        assert hist["loss"][k] == pytest.approx(loss.item(), rel=1e-12)
        np.testing.assert_allclose(hist["coef"][k], w.detach().numpy(), rtol=1e-12, atol=1e-14)
        loss.backward()
        opt.step()


@pytest.mark.parametrize("call, match", [
    (lambda: logistic.bce([0, 1], [0.5]), "one probability per label"),
    (lambda: logistic.bce([0, 1], [0.5, 1.5]), "between 0 and 1"),
    (lambda: logistic.bce([0, 3], [0.5, 0.5]), "only 0"),
    (lambda: logistic.bce([], []), "empty"),
    (lambda: logistic.fit_logistic([1, 2, 3], [0, 1]), "one label per row"),
    (lambda: logistic.fit_logistic([1, 2, 3], [0, 1, 2]), "only 0"),
    (lambda: logistic.fit_logistic([], []), "non-empty"),
    (lambda: logistic.fit_logistic([1, 2], [0, 1], lr=-1), "lr"),
    (lambda: logistic.fit_logistic([1, 2], [0, 1], epochs=1.5), "epochs"),
    (lambda: logistic.predict_proba(np.ones((3, 2)), [1.0], 0.0), "features"),
])
def test_bad_input_raises_value_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()
