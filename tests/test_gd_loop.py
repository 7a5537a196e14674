"""The gradient-descent loop that regression.fit_gd and logistic.fit_logistic share (core.ml.gd_loop).

The dashboard relies on two properties: a k-epoch fit is exactly the first k + 1 rows of a longer one,
and a fit continued from row k repeats the longer fit's rows. And the loss history, computed after the
loop, must equal the textbook loop's (loss inside the loop), on the pages' own settings.
"""
import numpy as np
import pytest

from core.ml.gd_loop import continue_fit
from core.ml.lecture_data import PASS_FAIL_SETS, study_hours_tutoring
from core.ml.logistic import _mean_bce, fit_logistic, sigmoid
from core.ml.regression import fit_gd


def _logistic(data):
    return lambda **kw: fit_logistic(*PASS_FAIL_SETS[data](), **kw)


def _regression():
    return lambda **kw: fit_gd(*study_hours_tutoring(), **kw)


# (fit, lr): page 7's data sets at its default and largest lr, page 6's default and a diverging lr
FITS = [(_logistic("lecture"), 0.5), (_logistic("lecture"), 1.0), (_logistic("every_hour"), 1.0),
        (_regression(), 0.01), (_regression(), 0.05)]
IDS = ["lecture-0.5", "lecture-1.0", "every_hour-1.0", "regression-0.01", "regression-0.05"]


@pytest.mark.parametrize("fit, lr", FITS, ids=IDS)
def test_a_short_fit_is_the_start_of_a_longer_one(fit, lr):
    with np.errstate(over="ignore", invalid="ignore"):
        coef, intercept, short = fit(lr=lr, epochs=1000)
        _, _, long = fit(lr=lr, epochs=5000)
    np.testing.assert_array_equal(short["coef"], long["coef"][:1001])  # exact: the same steps
    np.testing.assert_array_equal(short["intercept"], long["intercept"][:1001])
    np.testing.assert_array_equal(coef, long["coef"][1000])
    np.testing.assert_array_equal(intercept, long["intercept"][1000])  # NaN once diverged
    np.testing.assert_allclose(short["loss"], long["loss"][:1001], rtol=1e-12, atol=0)


@pytest.mark.parametrize("fit, lr", FITS, ids=IDS)
def test_a_continued_fit_repeats_the_longer_one(fit, lr):
    with np.errstate(over="ignore", invalid="ignore"):
        _, _, head = fit(lr=lr, epochs=1000)
        _, _, tail = fit(lr=lr, epochs=4000, coef0=head["coef"][-1], intercept0=head["intercept"][-1])
        _, _, long = fit(lr=lr, epochs=5000)
    np.testing.assert_array_equal(tail["coef"], long["coef"][1000:])
    np.testing.assert_array_equal(tail["intercept"], long["intercept"][1000:])
    np.testing.assert_allclose(tail["loss"], long["loss"][1000:], rtol=1e-12, atol=0)


@pytest.mark.parametrize("fit, data", [(fit_logistic, PASS_FAIL_SETS["lecture"]()), (fit_gd, study_hours_tutoring())],
                         ids=["logistic", "regression"])
def test_continue_fit_joins_head_and_tail_into_the_long_run(fit, data):
    """What pages 6 and 7 cache: the 5,000-epoch history built on the cached 1,000-epoch one."""
    head = continue_fit(fit, *data, lr=0.01, epochs=1000)
    joined = continue_fit(fit, *data, lr=0.01, epochs=5000, head=head)
    _, _, long = fit(*data, lr=0.01, epochs=5000)
    for k in ("coef", "intercept"):
        np.testing.assert_array_equal(joined[k], long[k])
    np.testing.assert_allclose(joined["loss"], long["loss"], rtol=1e-12, atol=0)
    with pytest.raises(ValueError, match="shorter run"):
        continue_fit(fit, *data, lr=0.01, epochs=1000, head=joined)


def _textbook_logistic(x, y, lr, epochs):
    """The loop as the lecture writes it: the loss of every epoch inside the loop."""
    X, w, b, n = x[:, None], np.zeros(1), 0.0, len(y)
    coefs, intercepts, losses = [], [], []
    for k in range(epochs + 1):
        p = sigmoid(X @ w + b)
        coefs.append(w)
        intercepts.append(b)
        losses.append(float(_mean_bce(y, p)))
        if k < epochs:
            w, b = w - lr * (X.T @ (p - y)) / n, b - lr * np.mean(p - y)
    return np.array(coefs), np.array(intercepts), np.array(losses)


@pytest.mark.parametrize("data", list(PASS_FAIL_SETS))
@pytest.mark.parametrize("lr", [0.01, 0.5, 1.0])
def test_logistic_history_equals_the_textbook_loop(data, lr):
    x, y = PASS_FAIL_SETS[data]()
    coefs, intercepts, losses = _textbook_logistic(x, y, lr, 2000)
    _, _, hist = fit_logistic(x, y, lr=lr, epochs=2000)
    np.testing.assert_array_equal(hist["coef"], coefs)
    np.testing.assert_array_equal(hist["intercept"], intercepts)
    np.testing.assert_allclose(hist["loss"], losses, rtol=1e-12, atol=0)


@pytest.mark.parametrize("lr", [0.001, 0.01, 0.03])
def test_regression_history_equals_the_textbook_loop(lr):
    X, y = study_hours_tutoring()
    w, b, n = np.zeros(2), 0.0, len(y)
    _, _, hist = fit_gd(X, y, lr=lr, epochs=2000)
    for k in range(2001):
        residual = X @ w + b - y
        np.testing.assert_array_equal(hist["coef"][k], w)
        assert hist["intercept"][k] == b
        assert hist["loss"][k] == pytest.approx(np.mean(residual**2), rel=1e-12, abs=0)
        w, b = w - lr * (2.0 / n) * (X.T @ residual), b - lr * (2.0 / n) * residual.sum()


def test_loss_history_in_blocks_equals_one_pass(monkeypatch):
    from core.ml import gd_loop

    X, y = PASS_FAIL_SETS["every_hour"]()
    _, _, whole = fit_logistic(X, y, lr=0.5, epochs=300)
    monkeypatch.setattr(gd_loop, "_BLOCK_CELLS", 7 * X.size)  # blocks of 7 rows, the last one shorter
    _, _, blocks = fit_logistic(X, y, lr=0.5, epochs=300)
    np.testing.assert_array_equal(blocks["loss"], whole["loss"])
