"""core.ml.metrics against the lecture's COVID example and scikit-learn."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

from core.ml import metrics
from core.ml.lecture_data import covid_confusion


def test_covid_example_matches_lecture():
    m = metrics.binary_metrics(**covid_confusion())
    assert m["accuracy"] == pytest.approx(0.7, abs=1e-12)
    assert m["precision"] == pytest.approx(0.75, abs=1e-12)
    assert m["recall"] == pytest.approx(6 / 7, abs=1e-12)
    assert m["f1"] == pytest.approx(0.8, abs=1e-12)
    assert m["fpr"] == pytest.approx(2 / 3, abs=1e-12)
    assert m["specificity"] == pytest.approx(1 / 3, abs=1e-12)


def test_binary_metrics_match_sklearn_on_expanded_labels():
    # Expand counts into label vectors so scikit-learn computes the same quantities independently.
    tn, fp, fn, tp = 13, 4, 7, 21
    y_true = np.r_[np.zeros(tn + fp), np.ones(fn + tp)]
    y_pred = np.r_[np.zeros(tn), np.ones(fp), np.zeros(fn), np.ones(tp)]
    m = metrics.binary_metrics(tn, fp, fn, tp)
    assert m["accuracy"] == pytest.approx(skm.accuracy_score(y_true, y_pred), abs=1e-12)
    assert m["precision"] == pytest.approx(skm.precision_score(y_true, y_pred), abs=1e-12)
    assert m["recall"] == pytest.approx(skm.recall_score(y_true, y_pred), abs=1e-12)
    assert m["f1"] == pytest.approx(skm.f1_score(y_true, y_pred), abs=1e-12)


def test_binary_metrics_zero_denominator_is_zero():
    m = metrics.binary_metrics(tn=5, fp=0, fn=3, tp=0)  # nothing predicted positive
    assert m["precision"] == 0.0 and m["recall"] == 0.0 and m["f1"] == 0.0
    assert m["accuracy"] == pytest.approx(5 / 8)


@pytest.mark.parametrize("counts", [dict(tn=-1, fp=0, fn=0, tp=1), dict(tn=1.5, fp=0, fn=0, tp=1),
                                    dict(tn=0, fp=0, fn=0, tp=0)])
def test_binary_metrics_rejects_bad_counts(counts):
    with pytest.raises(ValueError, match="count|zero"):
        metrics.binary_metrics(**counts)


def test_confusion_matrix_matches_sklearn():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 2, 200), rng.integers(0, 2, 200)
    cm = metrics.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(cm, skm.confusion_matrix(y_true, y_pred, labels=[0, 1]))
    assert cm.shape == (2, 2) and cm.sum() == 200


def test_confusion_matrix_layout_is_tn_fp_fn_tp():
    # One example in each cell, with distinct multiplicities to pin down the layout.
    y_true = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    y_pred = [0, 1, 1, 1, 0, 0, 1, 1, 1, 1]
    np.testing.assert_array_equal(metrics.confusion_matrix(y_true, y_pred), [[1, 3], [2, 4]])


@pytest.mark.parametrize("y_true, y_pred, match", [
    ([], [], "empty"),
    ([0, 1, 1], [0, 1], "match"),
    ([0, 2, 1], [0, 1, 1], "only 0"),
    ([[0, 1]], [[0, 1]], "1-D"),
    (["a", "b"], [0, 1], "numbers 0"),
])
def test_confusion_matrix_bad_input(y_true, y_pred, match):
    with pytest.raises(ValueError, match=match):
        metrics.confusion_matrix(y_true, y_pred)


@pytest.mark.parametrize("seed, rounding", [(0, None), (1, 1), (2, 0)])
def test_roc_curve_equals_sklearn(seed, rounding):
    # Rounded scores create ties, which must collapse into one threshold as in scikit-learn.
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 300)
    scores = rng.normal(size=300) + y
    if rounding is not None:
        scores = np.round(scores, rounding)
    fpr, tpr, thr = metrics.roc_curve(y, scores)
    ref_fpr, ref_tpr, ref_thr = skm.roc_curve(y, scores, drop_intermediate=False)
    np.testing.assert_allclose(fpr, ref_fpr, rtol=0, atol=1e-12)
    np.testing.assert_allclose(tpr, ref_tpr, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(thr, ref_thr)
    assert metrics.roc_auc(y, scores) == pytest.approx(skm.roc_auc_score(y, scores), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.integers(-5, 5)), min_size=2, max_size=40)
       .filter(lambda pairs: len({label for label, _ in pairs}) == 2))
def test_roc_matches_sklearn_on_any_tied_scores(pairs):
    y, scores = (np.array(column) for column in zip(*pairs, strict=True))
    fpr, tpr, thr = metrics.roc_curve(y, scores)
    ref_fpr, ref_tpr, ref_thr = skm.roc_curve(y, scores, drop_intermediate=False)
    np.testing.assert_allclose(np.c_[fpr, tpr], np.c_[ref_fpr, ref_tpr], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(thr, ref_thr)
    assert metrics.roc_auc(y, scores) == pytest.approx(skm.roc_auc_score(y, scores), abs=1e-12)


def test_roc_auc_extremes():
    y = np.array([0, 0, 1, 1])
    assert metrics.roc_auc(y, [0.1, 0.2, 0.8, 0.9]) == 1.0
    assert metrics.roc_auc(y, [0.9, 0.8, 0.2, 0.1]) == 0.0
    assert metrics.roc_auc(y, [0.5, 0.5, 0.5, 0.5]) == 0.5


@pytest.mark.parametrize("y, scores, match", [
    ([1, 1, 1], [0.1, 0.2, 0.3], "no negative"),
    ([0, 0], [0.1, 0.2], "no positive"),
    ([0, 1], [0.1], "one score per label"),
    ([], [], "empty"),
    ([0, 1], [0.1, np.nan], "NaN"),
    ([0, -1], [0.1, 0.2], "only 0"),
])
def test_roc_bad_input(y, scores, match):
    with pytest.raises(ValueError, match=match):
        metrics.roc_curve(y, scores)
    with pytest.raises(ValueError, match=match):
        metrics.roc_auc(y, scores)


def test_simulate_scores_shapes_and_moments():
    y, s = metrics.simulate_scores(4000, 1000, mu_neg=-1.0, mu_pos=2.0, sigma_neg=0.5, sigma_pos=2.0, seed=3)
    assert y.shape == s.shape == (5000,)
    assert (y[:4000] == 0).all() and (y[4000:] == 1).all()
    assert s[y == 0].mean() == pytest.approx(-1.0, abs=0.05)
    assert s[y == 1].std() == pytest.approx(2.0, abs=0.15)
    np.testing.assert_array_equal(s, metrics.simulate_scores(4000, 1000, -1.0, 2.0, 0.5, 2.0, seed=3)[1])


@pytest.mark.parametrize("kwargs", [dict(n_neg=0), dict(sigma_pos=0.0), dict(n_pos=2.5)])
def test_simulate_scores_bad_input(kwargs):
    args = dict(n_neg=10, n_pos=10, mu_neg=0.0, mu_pos=1.0, sigma_neg=1.0, sigma_pos=1.0) | kwargs
    with pytest.raises(ValueError):
        metrics.simulate_scores(**args)


def test_operating_point_matches_sklearn_and_roc():
    y, s = metrics.simulate_scores(60, 40, 0.0, 1.5, 1.0, 1.0, seed=7)
    thr = 0.8
    op = metrics.operating_point(y, s, thr)
    tn, fp, fn, tp = skm.confusion_matrix(y, (s >= thr).astype(int), labels=[0, 1]).ravel()
    assert (op["tn"], op["fp"], op["fn"], op["tp"]) == (tn, fp, fn, tp)
    assert op["f1"] == pytest.approx(skm.f1_score(y, s >= thr), abs=1e-12)
    # At a threshold equal to a score, the operating point is a point on the ROC curve.
    fpr, tpr, thresholds = metrics.roc_curve(y, s)
    k = 17
    op_k = metrics.operating_point(y, s, thresholds[k])
    assert (op_k["fpr"], op_k["recall"]) == pytest.approx((fpr[k], tpr[k]), abs=1e-12)


def test_operating_point_threshold_is_inclusive():
    op = metrics.operating_point([0, 1], [0.5, 0.5], 0.5)
    assert (op["tn"], op["fp"], op["fn"], op["tp"]) == (0, 1, 0, 1)


def test_confusion_totals_of_the_lecture_kit():
    # The lecture's gloss says "양성(6명) … 음성(4명)"; its matrix has 7 actual positives and 3 negatives.
    totals = metrics.confusion_totals(**covid_confusion())
    assert totals == {"actual_pos": 7, "actual_neg": 3, "pred_pos": 8, "pred_neg": 2, "correct": 7, "total": 10}
    scores = metrics.binary_metrics(**covid_confusion())
    assert scores["accuracy"] == pytest.approx(totals["correct"] / totals["total"]) == pytest.approx(0.7)
    assert scores["recall"] == pytest.approx(6 / totals["actual_pos"]) == pytest.approx(6 / 7)
    with pytest.raises(ValueError, match="tn"):
        metrics.confusion_totals(tn=-1, fp=0, fn=0, tp=0)
