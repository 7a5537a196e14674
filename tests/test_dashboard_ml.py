"""Dashboard pages 1–8: each renders in both languages, and a widget changes a shown number as ``core`` says.

Every expected number is computed by calling ``core`` with the new input and formatted with the page's own
``dashboard.ui.number``; nothing is hard-coded.
"""
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core.ml.frameworks import autograd_graph
from core.ml.lecture_data import covid_confusion, pass_fail, study_hours, study_hours_tutoring
from core.ml.logistic import bce, predict_proba
from core.ml.metrics import binary_metrics, operating_point, simulate_scores
from core.ml.optim import DEFAULT_LR, OPTIMIZERS, SURFACES, gradient_descent, run
from core.ml.regression import fit_gd, least_squares, mse
from dashboard.i18n import LANGS, translate
from dashboard.ui import number
from tests.conftest import ROOT

PAGES = {
    "01": "01_ai_ml_dl.py", "02": "02_evaluation.py", "03": "03_linear_regression.py",
    "04": "04_gradient_descent.py", "05": "05_optimizers.py", "06": "06_multiple_regression.py",
    "07": "07_logistic_regression.py", "08": "08_frameworks.py",
}


def page(num: str, lang: str = "ko") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard" / "lessons" / PAGES[num]), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at: AppTest, key: str, lang: str = "ko", **fmt) -> str:
    """The value of the metric whose label is the translation of ``key`` (first one on the page)."""
    label = translate(key, lang, **fmt)
    values = [m.value for m in at.metric if m.label == label]
    assert values, f"no metric labelled {label!r}; have {[m.label for m in at.metric]}"
    return values[0]


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("num", PAGES)
def test_page_renders(num, lang):
    at = page(num, lang)
    assert at.title[0].value == translate(f"p{num}.title", lang)


def test_p01_learning_type_changes_content():
    at = page("01")
    shown = [md.value for md in at.markdown]
    assert any(translate("p01.type.supervised.data", "ko") in text for text in shown)
    at.segmented_control(key="p01_type").set_value("reinforcement")
    rerun(at)
    shown = [md.value for md in at.markdown]
    assert any(translate("p01.type.reinforcement.data", "ko") in text for text in shown)
    assert translate("p01.type.reinforcement.desc", "ko") in shown
    examples = translate("p01.type.reinforcement.examples", "ko").split("\n")
    assert metric(at, "p01.types.count") == str(len(examples))


def test_p02_confusion_matrix_and_threshold():
    at = page("02")
    expected = binary_metrics(**covid_confusion())
    assert metric(at, "p02.m.accuracy") == number(expected["accuracy"], 3) == "0.7"
    at.number_input(key="p02_fp").set_value(0)
    at.number_input(key="p02_tp").set_value(9)
    rerun(at)
    edited = binary_metrics(tn=1, fp=0, fn=1, tp=9)
    for name in ("accuracy", "precision", "recall", "f1", "fpr"):
        assert metric(at, f"p02.m.{name}") == number(edited[name], 3), name

    at.slider(key="p02_threshold").set_value(1.5)
    rerun(at)
    y_true, scores = simulate_scores(200, 200, 0.0, 1.5, 1.0, 1.0, seed=0)
    point = operating_point(y_true, scores, 1.5)
    # the ROC block's recall metric is the second metric with that label (the first is the matrix's)
    recalls = [m.value for m in at.metric if m.label == translate("p02.m.recall", "ko")]
    assert recalls[1] == number(point["recall"], 3)


def test_p03_sliders_move_mse_and_snap_to_least_squares():
    at = page("03")
    x, y = study_hours()
    at.slider(key="p03_a").set_value(2.0)
    rerun(at)
    assert metric(at, "p03.mse") == number(mse(2.0 * x + 75.0, y), 3)
    at.button(key="p03_snap").click()
    rerun(at)
    a, b = least_squares(x, y)
    assert at.slider(key="p03_a").value == pytest.approx(a)
    assert at.slider(key="p03_b").value == pytest.approx(b)
    assert metric(at, "p03.mse") == number(mse(a * x + b, y), 3) == "8.3"


def test_p04_learning_rate_regimes():
    at = page("04")
    x0, steps = at.slider(key="p04_x0").value, at.slider(key="p04_steps").value
    at.slider(key="p04_lr").set_value(1.05)
    rerun(at)
    path = gradient_descent(lambda x: 2 * x, x0, 1.05, steps)  # f(x) = x², the default function
    assert metric(at, "p04.final_x") == number(float(path[-1]))
    assert abs(path[-1]) > abs(x0) and len(at.error) == 1  # diverging, and the page says so
    at.slider(key="p04_lr").set_value(0.01)
    rerun(at)
    assert metric(at, "p04.final_x") == number(float(gradient_descent(lambda x: 2 * x, x0, 0.01, steps)[-1]))
    assert len(at.error) == 0 and len(at.warning) == 1  # too small: still on the way


def test_p05_step_slider_rewinds_the_race():
    at = page("05")
    at.slider(key="p05_step_300").set_value(40)
    rerun(at)
    surface = SURFACES[at.selectbox(key="p05_surface").value]
    table = at.dataframe[0].value
    losses = table[translate("p05.col.final", "ko")].tolist()
    for name, shown in zip(OPTIMIZERS, losses, strict=True):
        hyper = {"momentum": {"momentum": 0.9}, "nesterov": {"momentum": 0.9}}.get(name, {})
        path = run(name, surface.grad, surface.start, 300, DEFAULT_LR[name], **hyper)
        assert shown == number(float(surface.f(*path[40]))), name


def test_p06_epochs_change_the_gd_coefficients():
    at = page("06")
    at.select_slider(key="p06_epochs").set_value(1000)
    rerun(at)
    X, y = study_hours_tutoring()
    coef, intercept, history = fit_gd(X, y, lr=0.01, epochs=1000)
    assert metric(at, "p06.gd_a1") == number(float(coef[0]))
    assert metric(at, "p06.gd_b") == number(float(intercept))
    assert metric(at, "p06.gd_loss") == number(float(history["loss"][-1]))


def test_p07_sigmoid_sliders_and_fitted_values():
    at = page("07")
    hours, passed = pass_fail()
    at.slider(key="p07_a").set_value(2.0)
    rerun(at)
    b = at.slider(key="p07_b").value
    assert metric(at, "p07.loss") == number(bce(passed, predict_proba(hours, [2.0], b)))
    assert metric(at, "p07.half") == number(-b / 2.0)
    at.button(key="p07_use_fit").click()
    rerun(at)
    fitted_half = float(metric(at, "p07.fit_half"))
    assert 6 < fitted_half < 7  # the lecture's point: the 0.5 crossing lies between 6 and 7 hours
    assert 6 < float(metric(at, "p07.half")) < 7  # the sliders now draw (nearly) the fitted curve


def test_p08_autograd_graph_follows_the_sliders_and_timing_runs():
    at = page("08")
    at.selectbox(key="p08_expr").set_value("branch")
    at.slider(key="p08_w").set_value(-2.0)
    rerun(at)
    graph = autograd_graph("branch", w=-2.0, x=3.0, b=1.0)
    assert metric(at, "p08.grad", name="w") == number(graph.grads["w"])
    assert metric(at, "p08.value") == number(graph.value)
    assert len(at.dataframe) == 0  # no timing before the button
    at.multiselect(key="p08_sizes").set_value([32])
    at.button(key="p08_run").click()
    rerun(at)
    table = at.dataframe[0].value
    assert list(table.index) == [32] and np.all(table.to_numpy() > 0)
