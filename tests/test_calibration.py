"""core.serve.calibration against independent computations (scipy, torch) in float64."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core.serve import calibration as cal


def overconfident(n=2000, c=4, seed=0):
    """Logits of a classifier that is right ~70 % of the time but says ~95 %."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, c, n)
    z = rng.normal(0, 1, (n, c))
    right = rng.random(n) < 0.7
    guess = np.where(right, y, (y + rng.integers(1, c, n)) % c)
    z[np.arange(n), guess] += 4.0
    return z * 1.5, y


def test_nll_matches_torch_cross_entropy():
    z, y = overconfident()
    for t in (0.5, 1.0, 2.7):
        ref = torch.nn.functional.cross_entropy(torch.from_numpy(z / t), torch.from_numpy(y)).item()
        assert cal.nll(z, y, t) == pytest.approx(ref, abs=1e-12)


def test_fit_temperature_finds_scipys_minimum_and_reduces_ece():
    from scipy.optimize import minimize_scalar

    z, y = overconfident()
    t = cal.fit_temperature(z, y)
    ref = minimize_scalar(lambda lt: cal.nll(z, y, np.exp(lt)), bounds=(np.log(0.05), np.log(20)),
                          method="bounded", options={"xatol": 1e-10}).x
    assert t == pytest.approx(np.exp(ref), rel=1e-5)
    assert t > 1.0                                               # over-confident → soften
    before = cal.expected_calibration_error(cal.softmax(z), y)
    after = cal.expected_calibration_error(cal.softmax(z, t), y)
    assert after < before / 2
    assert (cal.softmax(z, t).argmax(1) == z.argmax(1)).all()   # never changes the answer


def test_ece_and_reliability_by_hand():
    probs = np.array([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.45, 0.55]])
    y = np.array([0, 1, 1, 1])
    t = cal.reliability(probs, y, bins=2)                        # bins (0, .5], (.5, 1]
    assert t["count"] == [0, 4] and t["accuracy"][0] is None
    assert t["confidence"][1] == pytest.approx((0.9 + 0.8 + 0.7 + 0.55) / 4, abs=1e-15)
    assert t["accuracy"][1] == pytest.approx(0.75, abs=1e-15)
    assert cal.expected_calibration_error(probs, y, bins=2) == pytest.approx(abs(0.75 - 0.7375), abs=1e-15)
    t10 = cal.reliability(probs, y, bins=10)
    manual = sum(abs(float(c == l) - p) for p, c, l in
                 zip(probs.max(1), probs.argmax(1), y, strict=True)) / 4   # one example per bin here
    assert cal.expected_calibration_error(probs, y, bins=10) == pytest.approx(manual, abs=1e-15)
    assert sum(t10["count"]) == 4


def test_report_has_what_a_card_needs():
    z, y = overconfident(500)
    r = cal.calibration_report(z, y, fitted_on="fixture")
    assert r["ece_after"] < r["ece_before"] and r["nll_after"] <= r["nll_before"]
    assert len(r["reliability_after"]["count"]) == r["bins"] == cal.DEFAULT_BINS


def test_bad_input_is_named():
    with pytest.raises(ValueError, match=r"logits must be \(N, C\)"):
        cal.fit_temperature(np.zeros(3), np.zeros(3, int))
    with pytest.raises(ValueError, match="labels must lie"):
        cal.nll(np.zeros((2, 2)), np.array([0, 2]))
    with pytest.raises(ValueError, match="integers"):
        cal.nll(np.zeros((2, 2)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="temperature must be positive"):
        cal.softmax(np.zeros((1, 2)), 0.0)
