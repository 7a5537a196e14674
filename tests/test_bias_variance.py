"""core.nn.bias_variance: least-squares polynomials against np.polyfit / scikit-learn, and the
under/overfitting picture of the lecture."""
import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import PolynomialFeatures

from core.nn.bias_variance import errors_by_degree, fit_curve, fit_poly, make_data, true_function


@pytest.mark.parametrize("degree", range(0, 10))
def test_coefficients_equal_polyfit(degree):
    x, y = make_data(30, noise=0.3, seed=1)
    coef, ref = fit_poly(x, y, degree), np.polyfit(x, y, degree)
    assert coef.shape == (degree + 1,)
    # Vandermonde systems lose digits as the degree grows; tolerance relative to the largest coefficient.
    np.testing.assert_allclose(coef, ref, rtol=1e-7, atol=1e-9 * np.abs(ref).max())


def test_fit_equals_sklearn_least_squares():
    x, y = make_data(25, noise=0.2, seed=4)
    feats = PolynomialFeatures(degree=5, include_bias=False).fit_transform(x[:, None])
    lr = LinearRegression().fit(feats, y)
    np.testing.assert_allclose(np.polyval(fit_poly(x, y, 5), x), lr.predict(feats), rtol=1e-8, atol=1e-10)


def test_make_data_is_a_noisy_sine():
    x, y = make_data(2000, noise=0.3, seed=0)
    assert x.shape == y.shape == (2000,) and np.all(np.diff(x) >= 0) and 0 <= x.min() and x.max() <= 1
    resid = y - true_function(x)
    assert abs(resid.mean()) < 0.03 and resid.std() == pytest.approx(0.3, rel=0.05)
    np.testing.assert_array_equal(make_data(10, 0.3, 7)[1], make_data(10, 0.3, 7)[1])
    np.testing.assert_array_equal(make_data(10, 0.0, 7)[1], true_function(make_data(10, 0.0, 7)[0]))


def test_train_error_falls_and_test_error_is_u_shaped():
    r = errors_by_degree(range(1, 13), n_train=15, n_test=200, noise=0.3, seed=0)
    train, test = np.array(r["train_mse"]), np.array(r["test_mse"])
    assert r["degree"] == list(range(1, 13))
    # Nested least-squares models: more degrees of freedom can only lower the training error.
    assert np.all(np.diff(train) <= 1e-12)
    assert train[-1] < train[0] / 50
    best = int(np.argmin(test))
    assert 1 <= best <= 8  # the minimum is in the middle, not at either end
    assert test[0] > 2 * test[best]  # degree 1 underfits
    assert test[-1] > 10 * test[best]  # degree 12 overfits


def test_fit_curve_for_plotting():
    c = fit_curve(3, n_train=15, noise=0.3, seed=0, n_points=50)
    assert c["xs"].shape == c["pred"].shape == c["truth"].shape == (50,)
    np.testing.assert_allclose(c["coef"], np.polyfit(c["x_train"], c["y_train"], 3), rtol=1e-8)
    np.testing.assert_allclose(c["pred"], np.polyval(c["coef"], c["xs"]), rtol=1e-12)
    r = errors_by_degree([3], n_train=15, noise=0.3, seed=0)
    assert c["train_mse"] == pytest.approx(r["train_mse"][0], rel=1e-12)
    assert c["test_mse"] == pytest.approx(r["test_mse"][0], rel=1e-12)


def test_validation():
    with pytest.raises(ValueError, match=r"same shape \(n,\)"):
        fit_poly(np.zeros(5), np.zeros(4), 2)
    with pytest.raises(ValueError, match="degree"):
        fit_poly(np.zeros(5), np.zeros(5), -1)
    with pytest.raises(ValueError, match="n >= 1"):
        make_data(0)


# --------------------------------------------------------------------------- issue 14: the dartboard
def test_bias_variance_decomposition_by_degree():
    from core.nn.bias_variance import bias_variance, resampled_fits

    r = bias_variance(degrees=range(0, 9), n_sets=60)
    total = np.array(r["bias2"]) + np.array(r["variance"]) + np.array(r["noise"])
    np.testing.assert_allclose(r["total"], total)
    assert r["noise"][0] == pytest.approx(0.09)                     # σ² = 0.3²
    assert r["bias2"][0] > 0.4 > 10 * r["bias2"][3]                 # degree 0 cannot follow sin(2πx)
    assert r["variance"][8] > 10 * r["variance"][3]                 # degree 8 chases every set's noise
    assert int(np.argmin(r["total"])) in (3, 4, 5)                  # the sweet spot in between
    # the variance is the spread of the overlaid fits themselves
    fits = resampled_fits(3, n_sets=60)
    assert r["variance"][3] == pytest.approx(float(np.mean(fits["preds"].var(axis=0))))
    assert fits["preds"].shape == (60, 100)


def test_resampled_fits_needs_two_sets():
    from core.nn.bias_variance import resampled_fits

    with pytest.raises(ValueError):
        resampled_fits(3, n_sets=1)
