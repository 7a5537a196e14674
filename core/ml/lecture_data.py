"""The small tables the lecture works through by hand.

Lecture sections: "선형 회귀" (study hours → exam score, with and without private tutoring),
"로지스틱 회귀" (pass/fail by study hours) and "모델 평가" (the COVID test-kit confusion matrix).
Each function returns fresh NumPy arrays, so callers may modify them freely.
"""
from __future__ import annotations

import numpy as np


def study_hours() -> tuple[np.ndarray, np.ndarray]:
    """Hours studied ``x`` and exam score ``y`` of four students (simple linear regression).

    Returns:
        x: float64 array, shape (4,) — hours 2, 4, 6, 8.
        y: float64 array, shape (4,) — scores 81, 93, 91, 97.

    >>> x, y = study_hours()
    >>> x.tolist(), y.tolist()
    ([2.0, 4.0, 6.0, 8.0], [81.0, 93.0, 91.0, 97.0])
    """
    x = np.array([2.0, 4.0, 6.0, 8.0])
    y = np.array([81.0, 93.0, 91.0, 97.0])
    return x, y


def study_hours_tutoring() -> tuple[np.ndarray, np.ndarray]:
    """The same four students with a second input, hours of private tutoring (multiple regression).

    Returns:
        X: float64 array, shape (4, 2) — columns (study hours, tutoring hours).
        y: float64 array, shape (4,) — scores 81, 93, 91, 97.
    """
    hours = [2.0, 4.0, 6.0, 8.0]
    tutoring = [0.0, 4.0, 2.0, 3.0]
    X = np.column_stack([hours, tutoring])  # (4, 2)
    y = np.array([81.0, 93.0, 91.0, 97.0])
    return X, y


def pass_fail() -> tuple[np.ndarray, np.ndarray]:
    """The lecture's logistic-regression table: six students who studied 2, 4, 6, 8, 10, 12 hours;
    the first three failed (label 0), the last three passed (label 1).

    The classes split between 6 and 8 hours, so a fitted curve crosses 0.5 between them.

    Returns:
        hours: float64 array, shape (6,).
        passed: int64 array of 0/1 labels, shape (6,).
    """
    hours = np.arange(2.0, 13.0, 2.0)  # 2, 4, …, 12
    passed = np.array([0, 0, 0, 1, 1, 1], dtype=np.int64)
    return hours, passed


def pass_fail_every_hour() -> tuple[np.ndarray, np.ndarray]:
    """A richer set, not the lecture's: every hour 2, 3, …, 12, failing below 7 hours and passing from 7
    on (the boundary then lies between 6 and 7).

    Returns:
        hours: float64 array, shape (11,).
        passed: int64 array of 0/1 labels, shape (11,).
    """
    hours = np.arange(2, 13, dtype=np.float64)
    passed = (hours >= 7).astype(np.int64)
    return hours, passed


#: The logistic-regression data sets page 7 offers, the lecture's first.
PASS_FAIL_SETS = {"lecture": pass_fail, "every_hour": pass_fail_every_hour}


def covid_confusion() -> dict[str, int]:
    """The COVID test kit evaluated on ten people, as confusion-matrix counts.

    Returns:
        ``{"tn": 1, "fp": 2, "fn": 1, "tp": 6}``.
    """
    return {"tn": 1, "fp": 2, "fn": 1, "tp": 6}
