"""Dashboard pages 1–8: each renders in both languages, and a widget changes a shown number as ``core`` says.

Every expected number is computed by calling ``core`` with the new input and formatted with the page's own
``dashboard.ui.number``; nothing is hard-coded.
"""
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from core.ml.frameworks import autograd_graph, conv2d_params, dense_params, rnn_params
from core.ml.lecture_data import (
    covid_confusion,
    pass_fail,
    pass_fail_every_hour,
    study_hours,
    study_hours_tutoring,
)
from core.ml.logistic import bce, fit_logistic, predict_proba
from core.ml.metrics import binary_metrics, confusion_totals, operating_point, simulate_scores
from core.ml.optim import OPTIMIZERS, RACE_DEFAULTS, SURFACES, gradient_descent, race
from core.ml.regression import fit_gd, least_squares, mse, rmse
from core.ml.sgd import MSE_SURFACE_DEFAULTS, sgd_linear
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


def table_with(at: AppTest, column_key: str, lang: str = "ko"):
    """The first dataframe on the page with a column labelled by the translation of ``column_key``."""
    column = translate(column_key, lang)
    for df in at.dataframe:
        if column in df.value.columns:
            return df.value
    raise AssertionError(f"no table with column {column!r}")


def errata(at: AppTest, lang: str = "ko") -> list[str]:
    """The bodies of the page's lecture-erratum callouts (``ui.erratum``)."""
    return [w.value for w in at.warning if translate("ui.erratum", lang) in w.value]


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
    losses = table_with(at, "p05.col.final")[translate("p05.col.final", "ko")].tolist()
    paths = race(surface.name, steps=300)
    for name, shown in zip(OPTIMIZERS, losses, strict=True):
        assert shown == number(float(surface.f(*paths[name][40]))), name


def test_p05_race_runner_names_follow_the_lecture():
    at = page("05")
    names = table_with(at, "p05.col.final")[translate("p05.col.optimizer", "ko")].tolist()
    assert names == ["경사 하강법 (전체 배치)", "모멘텀", "네스테로프 모멘텀", "아다그라드", "알엠에스프롭", "아담"]


def test_p05_marble_escapes_at_the_page_defaults():
    # Only the surface changes; every other control stays at the page's defaults (RACE_DEFAULTS).
    at = page("05")
    assert at.select_slider(key="p05_total").value == RACE_DEFAULTS["total"]
    assert at.slider(key="p05_momentum").value == RACE_DEFAULTS["momentum"]
    at.selectbox(key="p05_surface").set_value("local_minimum")
    rerun(at)
    table = table_with(at, "p05.col.point")
    points = dict(zip(table[translate("p05.col.optimizer", "ko")], table[translate("p05.col.point", "ko")],
                      strict=True))
    assert points["경사 하강법 (전체 배치)"].startswith("(1.861,")     # stays in the local minimum
    assert points["모멘텀"].startswith("(-2.115,")                     # rolls out to the global one
    assert points["네스테로프 모멘텀"].startswith("(-2.115,")
    assert any("구슬이 구덩이를 넘는 이유" in box.value for box in at.info)  # and the page says why


def test_p05_sgd_section_batch_sizes():
    at = page("05")
    d = MSE_SURFACE_DEFAULTS
    table = table_with(at, "p05.sgd.updates")
    assert table[translate("p05.sgd.updates", "ko")].tolist() == [300, 600, 1200]  # 4, 2 and 1 per batch
    x, y = study_hours()
    sgd = sgd_linear(x, y, 1, d["lr"], d["epochs"], coef0=[d["start"][0]], intercept0=d["start"][1], seed=d["seed"])
    assert table[translate("p05.sgd.final_mse", "ko")].tolist()[2] == number(float(sgd["loss"][-1]))
    at.slider(key="p05_sgd_batch").set_value(3)
    rerun(at)
    table = table_with(at, "p05.sgd.updates")
    assert table[translate("p05.sgd.runner", "ko")].tolist()[1] == translate("p05.sgd.run.mini", "ko", m=3)
    assert table[translate("p05.sgd.updates", "ko")].tolist()[1] == 600  # ceil(4 / 3) = 2 per epoch
    wobble = [float(v) for v in table[translate("p05.sgd.jitter", "ko")]]
    assert wobble[2] > 10 * wobble[0]  # one example per step: visibly noisy


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
    hours, passed = pass_fail()  # the lecture's six students, by default
    at.slider(key="p07_a").set_value(2.0)
    rerun(at)
    b = at.slider(key="p07_b").value
    assert metric(at, "p07.loss") == number(bce(passed, predict_proba(hours, [2.0], b)))
    assert metric(at, "p07.half") == number(-b / 2.0)
    at.button(key="p07_use_fit").click()
    rerun(at)
    fitted_half = float(metric(at, "p07.fit_half"))
    assert 6 < fitted_half < 8  # the lecture's table: the 0.5 crossing lies between 6 and 8 hours
    assert 6 < float(metric(at, "p07.half")) < 8  # the sliders now draw (nearly) the fitted curve


def test_p08_autograd_graph_follows_the_sliders_and_timing_runs():
    at = page("08")
    at.selectbox(key="p08_expr").set_value("branch")
    at.slider(key="p08_w").set_value(-2.0)
    rerun(at)
    graph = autograd_graph("branch", w=-2.0, x=3.0, b=1.0)
    assert metric(at, "p08.grad", name="w") == number(graph.grads["w"])
    assert metric(at, "p08.value") == number(graph.value)
    tables = len(at.dataframe)  # no timing before the button
    at.multiselect(key="p08_sizes").set_value([32])
    at.button(key="p08_run").click()
    rerun(at)
    assert len(at.dataframe) == tables + 1
    table = at.dataframe[-1].value
    assert list(table.index) == [32] and np.all(table.to_numpy() > 0)


# ---------------------------------------------------------------- issue 14: the lecture's own examples
def test_p04_mse_surface_arrives_at_the_lecture_answer():
    at = page("04")
    assert metric(at, "p04.mse.a") == "2.3" and metric(at, "p04.mse.b") == "79"
    assert metric(at, "p04.mse.loss") == "8.3"
    at.select_slider(key="p04_mse_epochs").set_value(100)
    rerun(at)
    x, y = study_hours()
    d = MSE_SURFACE_DEFAULTS
    run = sgd_linear(x, y, 4, d["gd_lr"], 100, coef0=[d["start"][0]], intercept0=d["start"][1])
    assert metric(at, "p04.mse.a") == number(float(run["params"][-1, 0])) != "2.3"


def test_p07_lecture_data_by_default_and_the_richer_option():
    at = page("07")
    shown = at.dataframe[0].value
    assert shown.iloc[0].tolist() == [2, 4, 6, 8, 10, 12] and shown.iloc[1].tolist() == [0, 0, 0, 1, 1, 1]
    hours, passed = pass_fail()
    coef, intercept, _ = fit_logistic(hours, passed, lr=0.5, epochs=5000)
    assert metric(at, "p07.fit_half") == number(float(-intercept / coef[0]))
    assert any("6시간과 8시간 사이" in md.value for md in at.markdown)
    at.radio(key="p07_data").set_value("every_hour")
    rerun(at)
    hours, passed = pass_fail_every_hour()
    coef, intercept, _ = fit_logistic(hours, passed, lr=0.5, epochs=5000)
    half = -intercept / coef[0]
    assert metric(at, "p07.fit_half") == number(float(half)) and 6 < half < 7
    assert metric(at, "p07.loss") == number(bce(passed, predict_proba(hours, [1.0], -5.0)))


def test_p03_rmse_next_to_mse():
    at = page("03")
    at.button(key="p03_snap").click()
    rerun(at)
    x, y = study_hours()
    a, b = least_squares(x, y)
    assert metric(at, "p03.rmse") == number(rmse(a * x + b, y), 3) == "2.881"
    assert metric(at, "p03.rmse_best") == "2.881"


def test_p08_cnn_vs_rnn_weight_counts():
    at = page("08")
    table = table_with(at, "p08.nets.col.params")
    assert table[translate("p08.nets.col.params", "ko")].tolist() == [
        conv2d_params(3, 16, 3), dense_params(32 * 32 * 3, 16), rnn_params(32, 64), dense_params(50 * 32, 64)]
    at.select_slider(key="p08_side").set_value(224)
    at.select_slider(key="p08_length").set_value(1000)
    rerun(at)
    table = table_with(at, "p08.nets.col.params")
    counts = table[translate("p08.nets.col.params", "ko")].tolist()
    assert counts[0] == 448 and counts[2] == 6272  # shared weights: unchanged
    assert counts[1] == dense_params(224 * 224 * 3, 16) and counts[3] == dense_params(1000 * 32, 64)
    assert any("케라스" in h.value for h in at.subheader)


# ---------------------------------------------------------------- issue 14: the lecture's slips, caught
@pytest.mark.parametrize("lang", LANGS)
def test_errata_shown_in_both_languages(lang):
    expected = {"01": 1, "02": 2, "03": 2, "07": 1, "08": 1}
    for num, count in expected.items():
        assert len(errata(page(num, lang), lang)) == count, num


def test_p02_errata_give_the_matrix_totals():
    at = page("02")
    accuracy, recall = errata(at)
    counts = covid_confusion() | confusion_totals(**covid_confusion())
    assert translate("p02.err.accuracy.correct", "ko", **counts) in accuracy
    assert "7명 중 6명" in accuracy and "실제 음성 3명 중 1명" in accuracy and "= 7/10" in accuracy
    assert "음성(4명)" in accuracy  # what the lecture printed, quoted
    assert "= 6/7" in recall and "음성으로 잘못 판정된 1명" in recall
    assert binary_metrics(**covid_confusion())["recall"] == pytest.approx(6 / 7)
    # the COVID sentence no longer calls the TN a mistake
    body = translate("p02.cm.body", "ko")
    assert "1명은 음성으로 바르게 판정했고(TN)" in body and "2명은 양성으로 잘못 판정했습니다(FP)" in body


def test_p03_errata_rmse_heading_and_sum_index():
    rmse_box, index_box = errata(page("03"))
    assert "RMSE = √MSE" in rmse_box and "MSE = 8.3, RMSE = 2.881" in rmse_box
    assert "a = Σ_i (x_i − x̄)(y_i − ȳ) / Σ_i (x_i − x̄)² = 2.3, b = ȳ − a x̄ = 79" in index_box


def test_p07_cross_entropy_erratum_brackets_and_labels():
    at = page("07")
    (box,) = errata(at)
    assert "Σ_i [ t_i log y_i + (1 − t_i) log(1 − y_i) ]" in box
    hours, passed = pass_fail()
    p = predict_proba(hours, [1.0], -5.0)
    bracketed = -np.mean(passed * np.log(p) + (1 - passed) * np.log(1 - p))
    assert f"L = {number(bce(passed, p))}" in box and bce(passed, p) == pytest.approx(bracketed)


def test_p08_tensorflow_erratum_and_wording():
    (box,) = errata(page("08"))
    assert "TensorFlow 2.0(2019년 9월)" in box and "@tf.function" in box
    assert "빛을 봅니다" not in translate("p08.why.data.body", "ko")


def test_p01_typo_erratum():
    (box,) = errata(page("01"))
    assert "항상 시키는" in box and "**향상**시키는" in box


def test_optimizer_descriptions_mention_squares():
    from core.ml.optim import OPTIMIZER_INFO
    assert "기울기 제곱" in OPTIMIZER_INFO["rmsprop"]["ko"] and "squared gradients" in OPTIMIZER_INFO["rmsprop"]["en"]
    assert "기울기 제곱" in OPTIMIZER_INFO["adagrad"]["ko"]


def test_wording_fixes_on_pages_1_to_8():
    from dashboard.i18n import ml
    korean = "\n".join(entry["ko"] for entry in ml.STRINGS.values())
    for phrase in ("빛을 봅니다", "1명을 음성으로(TN), 2명을 양성으로(FP) 잘못 판정", "기본 경사 하강법(SGD)",
                   "다시 돕니다", "에폭가", "모두의 손에 쥐어졌", "(빨간 선)로 반대"):
        assert phrase not in korean, phrase
    # CommonMark does not close "**" between punctuation and a letter: "**오차(MSE)**로" shows the asterisks
    import re
    assert not re.findall(r"[)\].]\*\*[가-힣]", korean)
