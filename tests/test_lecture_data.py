"""The lecture's tables: shapes, dtypes and the values printed on the slides."""
import numpy as np

from core.ml import lecture_data


def test_study_hours_values():
    x, y = lecture_data.study_hours()
    np.testing.assert_array_equal(x, [2, 4, 6, 8])
    np.testing.assert_array_equal(y, [81, 93, 91, 97])
    assert x.dtype == y.dtype == np.float64


def test_study_hours_tutoring_values():
    X, y = lecture_data.study_hours_tutoring()
    assert X.shape == (4, 2)
    np.testing.assert_array_equal(X[:, 0], [2, 4, 6, 8])
    np.testing.assert_array_equal(X[:, 1], [0, 4, 2, 3])
    np.testing.assert_array_equal(y, [81, 93, 91, 97])


def test_pass_fail_is_the_lectures_six_students():
    # The lecture's table: 2 4 6 8 10 12 hours -> X X X O O O.
    hours, passed = lecture_data.pass_fail()
    np.testing.assert_array_equal(hours, [2, 4, 6, 8, 10, 12])
    np.testing.assert_array_equal(passed, [0, 0, 0, 1, 1, 1])
    assert hours.dtype == np.float64 and passed.dtype == np.int64


def test_pass_fail_every_hour_is_the_richer_option():
    hours, passed = lecture_data.pass_fail_every_hour()
    np.testing.assert_array_equal(hours, np.arange(2, 13))
    assert hours.shape == passed.shape == (11,)
    np.testing.assert_array_equal(passed[hours < 7], 0)
    np.testing.assert_array_equal(passed[hours >= 7], 1)
    assert list(lecture_data.PASS_FAIL_SETS) == ["lecture", "every_hour"]


def test_covid_confusion_counts():
    assert lecture_data.covid_confusion() == {"tn": 1, "fp": 2, "fn": 1, "tp": 6}


def test_tables_are_fresh_copies():
    x, _ = lecture_data.study_hours()
    x[0] = -1
    assert lecture_data.study_hours()[0][0] == 2
