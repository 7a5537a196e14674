"""Evaluating a binary classifier: confusion matrix, accuracy/precision/recall/F1, ROC curve and AUC.

Lecture section "모델 평가" (the COVID test-kit example: TN=1, FP=2, FN=1, TP=6) and the ROC curve
that sweeps the decision threshold. Labels are 0 (negative) and 1 (positive) throughout;
``score >= threshold`` predicts positive, as in scikit-learn.
"""
from __future__ import annotations

from numbers import Integral

import numpy as np
from numpy.typing import ArrayLike

from core._common import confusion_counts
from core._validation import check_binary_labels
from core._validation import check_scores as _check_scores

__all__ = ["binary_metrics", "confusion_totals", "check_binary_labels", "confusion_matrix", "operating_point",
           "roc_auc", "roc_curve", "simulate_scores"]


def binary_metrics(tn: int, fp: int, fn: int, tp: int) -> dict[str, float]:
    """Accuracy, precision, recall (sensitivity), specificity, F1 and false-positive rate from counts.

    A ratio whose denominator is zero (e.g. precision when nothing is predicted positive) is
    reported as 0.0, which is scikit-learn's ``zero_division=0`` convention.

    Returns:
        dict with keys ``accuracy``, ``precision``, ``recall``, ``specificity``, ``f1``, ``fpr``.

    Raises:
        ValueError: if a count is negative or not a whole number, or all four are zero.

    >>> m = binary_metrics(tn=1, fp=2, fn=1, tp=6)          # the lecture's COVID test kit
    >>> m["accuracy"], m["precision"], round(m["recall"], 3), m["f1"]
    (0.7, 0.75, 0.857, 0.8)
    """
    counts = {"tn": tn, "fp": fp, "fn": fn, "tp": tp}
    for key, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
            raise ValueError(f"{key} must be a whole number >= 0 (a count of examples), got {value!r}.")
    total = tn + fp + fn + tp
    if total == 0:
        raise ValueError("All four counts are zero: there is nothing to evaluate.")

    def ratio(num: int, den: int) -> float:
        return float(num / den) if den else 0.0

    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    return {
        "accuracy": ratio(tp + tn, total),
        "precision": precision,
        "recall": recall,
        "specificity": ratio(tn, tn + fp),
        # F1 from counts (2TP / (2TP + FP + FN)) equals the harmonic mean of precision and recall
        # and stays defined when one of them is 0/0.
        "f1": ratio(2 * tp, 2 * tp + fp + fn),
        "fpr": ratio(fp, fp + tn),
    }


def confusion_totals(tn: int, fp: int, fn: int, tp: int) -> dict[str, int]:
    """The row, column and diagonal totals of a confusion matrix: how many are actually positive
    (``tp + fn``) and negative (``tn + fp``), how many were called positive (``tp + fp``) and negative
    (``tn + fn``), how many were classified correctly (``tp + tn``) and the total.

    For the lecture's COVID kit (TN 1, FP 2, FN 1, TP 6): 7 actually positive, 3 actually negative,
    8 called positive, 7 correct out of 10.
    """
    counts = {"tn": tn, "fp": fp, "fn": fn, "tp": tp}
    for name, value in counts.items():
        if isinstance(value, bool) or not isinstance(value, Integral) or value < 0:
            raise ValueError(f"{name} must be a whole number >= 0, got {value!r}.")
    return {"actual_pos": tp + fn, "actual_neg": tn + fp, "pred_pos": tp + fp, "pred_neg": tn + fn,
            "correct": tp + tn, "total": tn + fp + fn + tp}


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> np.ndarray:
    """Count the four outcomes of 0/1 predictions.

    Args:
        y_true: true labels, shape (N,).
        y_pred: predicted labels, shape (N,).

    Returns:
        int64 array, shape (2, 2): ``[[TN, FP], [FN, TP]]`` (rows = truth, columns = prediction,
        the layout of ``sklearn.metrics.confusion_matrix``).

    >>> confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1]).tolist()
    [[1, 1], [0, 2]]
    """
    t = check_binary_labels(y_true, "y_true")
    p = check_binary_labels(y_pred, "y_pred")
    if t.shape != p.shape:
        raise ValueError(f"y_true has {t.size} labels but y_pred has {p.size}; they must match one to one.")
    return confusion_counts(t, p, 2)


def roc_curve(y_true: ArrayLike, scores: ArrayLike) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Receiver operating characteristic: (FPR, TPR) for every distinct threshold.

    Same output as ``sklearn.metrics.roc_curve(y_true, scores, drop_intermediate=False)``:
    thresholds are the distinct scores in decreasing order, preceded by ``inf`` (nothing
    predicted positive), so the curve starts at (0, 0) and ends at (1, 1).

    Args:
        y_true: 0/1 labels, shape (N,); both classes must be present.
        scores: higher means "more positive", shape (N,).

    Returns:
        fpr, tpr, thresholds — float64 arrays of the same length K + 1 (K distinct scores).
    """
    y = check_binary_labels(y_true, "y_true")
    s = _check_scores(scores, y.size)
    n_pos = int(y.sum())
    n_neg = y.size - n_pos
    if n_pos == 0 or n_neg == 0:
        missing = "positive (1)" if n_pos == 0 else "negative (0)"
        raise ValueError(f"The ROC curve needs both classes, but y_true has no {missing} examples.")

    order = np.argsort(-s, kind="stable")  # highest score first
    s_sorted, y_sorted = s[order], y[order]
    # Only the last position of each run of equal scores is a threshold: tied examples flip together.
    last_of_run = np.r_[np.flatnonzero(np.diff(s_sorted)), y.size - 1]
    tps = np.cumsum(y_sorted)[last_of_run]
    fps = (last_of_run + 1) - tps
    fpr = np.r_[0.0, fps / n_neg]
    tpr = np.r_[0.0, tps / n_pos]
    thresholds = np.r_[np.inf, s_sorted[last_of_run]]
    return fpr, tpr, thresholds


def roc_auc(y_true: ArrayLike, scores: ArrayLike) -> float:
    """Area under the ROC curve by the trapezoidal rule (= ``sklearn.metrics.roc_auc_score``).

    0.5 is a coin flip, 1.0 ranks every positive above every negative.

    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])   # 3 of the 4 (positive, negative) pairs ranked right
    0.75
    """
    fpr, tpr, _ = roc_curve(y_true, scores)
    return float(np.trapezoid(tpr, fpr))


def simulate_scores(n_neg: int, n_pos: int, mu_neg: float, mu_pos: float, sigma_neg: float,
                    sigma_pos: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Draw classifier scores from two Gaussians, one per class (for the threshold/ROC page).

    Returns:
        y_true: int64 array, shape (n_neg + n_pos,) — ``n_neg`` zeros, then ``n_pos`` ones.
        scores: float64 array, same shape — N(mu_neg, sigma_neg²) for negatives,
        N(mu_pos, sigma_pos²) for positives.
    """
    for key, n in (("n_neg", n_neg), ("n_pos", n_pos)):
        if isinstance(n, bool) or not isinstance(n, Integral) or n < 1:
            raise ValueError(f"{key} must be a whole number >= 1, got {n!r}.")
    for key, sigma in (("sigma_neg", sigma_neg), ("sigma_pos", sigma_pos)):
        if not sigma > 0:
            raise ValueError(f"{key} (a standard deviation) must be > 0, got {sigma!r}.")
    rng = np.random.default_rng(seed)
    scores = np.concatenate([rng.normal(mu_neg, sigma_neg, size=n_neg),
                             rng.normal(mu_pos, sigma_pos, size=n_pos)])
    y_true = np.concatenate([np.zeros(n_neg, dtype=np.int64), np.ones(n_pos, dtype=np.int64)])
    return y_true, scores


def operating_point(y_true: ArrayLike, scores: ArrayLike, threshold: float) -> dict[str, float]:
    """Confusion counts and metrics when predicting positive for ``score >= threshold``.

    Returns:
        dict with ``threshold``, ``tn``, ``fp``, ``fn``, ``tp`` (ints) and every key of
        :func:`binary_metrics`.
    """
    y = check_binary_labels(y_true, "y_true")
    s = _check_scores(scores, y.size)
    (tn, fp), (fn, tp) = confusion_matrix(y, (s >= threshold).astype(np.int64)).tolist()
    return {"threshold": float(threshold), "tn": tn, "fp": fp, "fn": fn, "tp": tp,
            **binary_metrics(tn, fp, fn, tp)}

