"""Page 7 · 로지스틱 회귀: the lecture's pass/fail table (six students; a denser set as an option), a
sigmoid moved by hand (a = steepness, b = shift), the cross-entropy's blue (−log p) and red
(−log(1 − p)) curves with the lecture's formula corrected, and a gradient-descent fit.

Every number comes from ``core.ml.logistic`` (sigmoid, bce, predict_proba, fit_logistic) and
``core.ml.metrics.operating_point``; the page only shapes frames for Altair.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.gd_loop import continue_fit, descend  # descend: shown in the code expander
from core.ml.lecture_data import PASS_FAIL_SETS
from core.ml.logistic import bce, class_gap, fit_logistic, predict_proba, sigmoid
from core.ml.metrics import operating_point
from dashboard.ui import erratum, header, number, show_code, t

A_RANGE, B_RANGE = (0.0, 5.0), (-35.0, 5.0)
MAX_POINTS = 400  # epochs drawn on the loss curve; longer histories are thinned evenly
EPOCHS = [100, 1000, 5000, 20000]  # the epochs slider's options
BLUE, RED = "#2563eb", "#dc2626"

header("07")
data_set = st.radio(t("p07.data"), list(PASS_FAIL_SETS), horizontal=True, key="p07_data",
                    format_func=lambda k: t(f"p07.data.{k}"))
hours, passed = PASS_FAIL_SETS[data_set]()
st.dataframe(pd.DataFrame([hours.astype(int), passed], index=[t("p07.table.hours"), t("p07.table.passed")]),
             width="stretch")
grid = np.linspace(0, 14, 281)


@st.cache_data(show_spinner=False)
def gd_run(data: str, lr: float, epochs: int) -> dict[str, np.ndarray]:
    """fit_logistic's history (rows 0..epochs). A longer run continues the next shorter option's
    cached run from its last weights instead of starting over: each step depends only on the current
    weights, so the rows are exactly one long fit's (tests/test_gd_loop.py)."""
    before = max((e for e in EPOCHS if e < epochs), default=0)
    return continue_fit(fit_logistic, *PASS_FAIL_SETS[data](), lr=lr, epochs=epochs,
                        head=gd_run(data, lr, before) if before else None)


@st.cache_data(show_spinner=False)
def loss_curves() -> pd.DataFrame:
    """The per-example cross-entropy for y = 1 and y = 0 over p ∈ (0, 1): one bce call per point."""
    ps = np.linspace(0.005, 0.995, 199)
    return pd.DataFrame({"p": np.r_[ps, ps], "y": np.repeat([1, 0], ps.size),
                         "loss": [bce([1], [p]) for p in ps] + [bce([0], [p]) for p in ps]})


def probability_chart(curves: pd.DataFrame) -> alt.LayerChart:
    """Sigmoid curve(s) over the pass/fail points, with the p = 0.5 line."""
    # channels as alt.X("x:Q")-style objects, never bare "x:Q" strings in encode(): Altair resolves a
    # bare string against the Vega-Lite schema, milliseconds a channel on every rerun
    x_enc = alt.X("x:Q", title=t("p07.hours"), scale=alt.Scale(domain=[0, 14]))
    y_enc = alt.Y("p:Q", title=t("p07.passed"), scale=alt.Scale(domain=[-0.05, 1.05]))
    lines = alt.Chart(curves).mark_line(strokeWidth=3).encode(
        x=x_enc, y=y_enc, color=alt.Color("curve:N", title=None, legend=alt.Legend(orient="bottom")))
    dots = alt.Chart(pd.DataFrame({"x": hours, "p": passed})).mark_circle(size=110, color="black",
                                                                         opacity=1).encode(x=x_enc, y=y_enc)
    half = alt.Chart(pd.DataFrame({"p": [0.5]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y=alt.Y("p:Q"))
    return (lines + dots + half).properties(height=300)


# ---------------------------------------------------------------- sigmoid by hand
st.latex(r"p = \sigma(a x + b) = \frac{1}{1 + e^{-(a x + b)}}")
st.session_state.setdefault("p07_a", 1.0)  # session state, not value=: the "use fitted" button sets them
st.session_state.setdefault("p07_b", -5.0)
if "p07_fitted" in st.session_state:  # the button asked for it (before these sliders are drawn)
    st.session_state["p07_a"], st.session_state["p07_b"] = st.session_state.pop("p07_fitted")
s1, s2 = st.columns(2)
a = s1.slider(t("p07.a"), *A_RANGE, step=0.05, key="p07_a")
b = s2.slider(t("p07.b"), *B_RANGE, step=0.25, key="p07_b")
p_students = predict_proba(hours, [a], b)  # (N,)
m1, m2, m3 = st.columns(3)
m1.metric(t("p07.loss"), number(bce(passed, p_students)))
m2.metric(t("p07.half"), number(-b / a) if a > 0 else "—")
m3.metric(t("p07.accuracy"), number(operating_point(passed, p_students, 0.5)["accuracy"], 3))
if a == 0:
    st.caption(t("p07.flat"))
mine = pd.DataFrame({"x": grid, "p": predict_proba(grid, [a], b), "curve": t("p07.yours")})
st.altair_chart(probability_chart(mine), width="stretch")

# ---------------------------------------------------------------- cross-entropy
st.subheader(t("p07.ce.header"))
st.latex(r"L = -\frac{1}{n}\sum_i \Big[\, y_i \log p_i + (1 - y_i)\log(1 - p_i) \Big]")
st.markdown(t("p07.ce.body"))
erratum(t("p07.err.ce.lecture"), t("p07.err.ce.correct", loss=number(bce(passed, p_students))), t("p07.err.ce.why"))
per_student = pd.DataFrame({
    "p": p_students,
    # each student's own term of the mean: bce of a one-example list
    "loss": [bce([y_i], [p_i]) for y_i, p_i in zip(passed, p_students, strict=True)],
    "curve": [t("p07.y1") if y_i else t("p07.y0") for y_i in passed],
    "hours": hours})
colors = alt.Scale(domain=[t("p07.y1"), t("p07.y0")], range=[BLUE, RED])
p_enc = alt.X("p:Q", title=t("p07.p"), scale=alt.Scale(domain=[0, 1]))
loss_enc = alt.Y("loss:Q", title=t("p07.ce_loss"), scale=alt.Scale(domain=[0, 5.5], clamp=True))
curves = loss_curves().assign(curve=lambda df: np.where(df["y"] == 1, t("p07.y1"), t("p07.y0")))
ce_lines = alt.Chart(curves).mark_line(strokeWidth=3).encode(
    x=p_enc, y=loss_enc,
    color=alt.Color("curve:N", scale=colors, title=t("p07.curve"), legend=alt.Legend(orient="bottom")))
ce_dots = alt.Chart(per_student).mark_circle(size=120, opacity=0.9, stroke="black").encode(
    x=p_enc, y=loss_enc, color=alt.Color("curve:N", scale=colors),
    tooltip=[alt.Tooltip("hours:Q"), alt.Tooltip("p:Q", format=".3f"), alt.Tooltip("loss:Q", format=".3f")])
st.altair_chart((ce_lines + ce_dots).properties(height=300), width="stretch")

# ---------------------------------------------------------------- gradient descent
@st.fragment  # lr and epochs change only this section: rerun it alone
def gd_section(data_set: str, hours: np.ndarray, passed: np.ndarray, mine: pd.DataFrame) -> None:
    st.subheader(t("p07.gd.header"))
    gap = class_gap(hours, passed)
    st.markdown(t("p07.gd.body", lo=number(gap[0]), hi=number(gap[1])))
    g1, g2 = st.columns(2)
    lr = g1.select_slider(t("p07.lr"), options=[0.01, 0.05, 0.1, 0.5, 1.0], value=0.5, key="p07_lr")
    epochs = g2.select_slider(t("p07.epochs"), options=EPOCHS, value=5000, key="p07_epochs")
    history = gd_run(data_set, lr, epochs)
    coef, intercept = history["coef"][-1], float(history["intercept"][-1])
    f1, f2, f3, f4 = st.columns(4)
    f1.metric(t("p07.fit_a"), number(float(coef[0])))
    f2.metric(t("p07.fit_b"), number(intercept))
    f3.metric(t("p07.fit_half"), number(float(-intercept / coef[0])) if coef[0] > 0 else "—")
    f4.metric(t("p07.fit_loss"), number(float(history["loss"][-1])))
    if st.button(t("p07.use_fit"), key="p07_use_fit"):
        # A long fit can be steeper than the sliders reach: show the nearest curve they can draw.
        # The sliders sit above this fragment, so the whole page reruns to redraw them.
        st.session_state["p07_fitted"] = (float(np.clip(round(float(coef[0]) / 0.05) * 0.05, *A_RANGE)),
                                          float(np.clip(round(intercept / 0.25) * 0.25, *B_RANGE)))
        st.rerun(scope="app")
    fit_col, loss_col = st.columns(2)
    with fit_col:
        both = pd.concat([mine, pd.DataFrame({"x": grid, "p": predict_proba(grid, coef, intercept),
                                              "curve": t("p07.fitted")})], ignore_index=True)
        st.altair_chart(probability_chart(both), width="stretch")
    with loss_col:
        keep = np.unique(np.linspace(0, epochs, min(epochs + 1, MAX_POINTS)).astype(int))
        curve = pd.DataFrame({"epoch": keep, "loss": history["loss"][keep]})
        st.altair_chart(alt.Chart(curve).mark_line(color="#7c3aed").encode(
            x=alt.X("epoch:Q", title=t("p07.epoch")),
            y=alt.Y("loss:Q", title=t("p07.loss_curve"), scale=alt.Scale(type="log"))
        ).properties(height=300), width="stretch")


gd_section(data_set, hours, passed, mine)
show_code(sigmoid, predict_proba, bce, fit_logistic, descend, class_gap)
from dashboard.ui import self_check; self_check("07")  # noqa: E402, E702, I001 (one appended line: check yourself)
