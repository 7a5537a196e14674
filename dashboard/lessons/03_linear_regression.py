"""Page 3 · 선형 회귀: the study-hours table, a line moved by hand with its MSE, and the least-squares
answer (a = 2.3, b = 79) with the formula evaluated step by step; residuals drawn.

Every number comes from ``core.ml.regression`` and ``core.ml.lecture_data``; the page only shapes frames.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.lecture_data import study_hours
from core.ml.regression import least_squares, least_squares_steps, mse, rmse
from dashboard.ui import erratum, header, number, show_code, t

A_RANGE, B_RANGE = (-5.0, 10.0), (40.0, 110.0)  # slider ranges; they contain the lecture's answer

header("03")

x0, y0 = study_hours()
data_col, line_col = st.columns([2, 3])
with data_col:
    st.markdown(f"**{t('p03.data')}**")
    table = st.data_editor(
        pd.DataFrame({"x": x0, "y": y0}), key="p03_table", num_rows="dynamic", hide_index=True,
        column_config={"x": st.column_config.NumberColumn(t("p03.col.x"), required=True),
                       "y": st.column_config.NumberColumn(t("p03.col.y"), required=True)})
    rows = table.dropna()  # a freshly added row is empty until both cells are filled
    x, y = rows["x"].to_numpy(dtype=float), rows["y"].to_numpy(dtype=float)
    try:
        steps = least_squares_steps(x, y)
    except ValueError as err:
        st.warning(t("p03.bad_data", msg=err))
        st.stop()
    a_best, b_best = least_squares(x, y)


def snap_to_least_squares() -> None:
    # The answer for edited data may leave the sliders' range: show the nearest reachable line.
    st.session_state["p03_a"] = float(np.clip(round(a_best, 2), *A_RANGE))
    st.session_state["p03_b"] = float(np.clip(round(b_best, 2), *B_RANGE))


with line_col:
    # Start values live in session state (not value=) because the snap button also writes them.
    st.session_state.setdefault("p03_a", 3.0)
    st.session_state.setdefault("p03_b", 75.0)
    s1, s2 = st.columns(2)
    a = s1.slider(t("p03.a"), *A_RANGE, step=0.05, key="p03_a")
    b = s2.slider(t("p03.b"), *B_RANGE, step=0.5, key="p03_b")
    # The model itself: evaluating ŷ = a x + b is what the learner is asked to picture.
    y_hat = a * x + b
    loss, best_loss = mse(y_hat, y), mse(a_best * x + b_best, y)
    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("p03.mse"), number(loss, 3), delta=number(loss - best_loss, 3), delta_color="inverse")
    m2.metric(t("p03.mse_best"), number(best_loss, 3))
    m3.metric(t("p03.rmse"), number(rmse(y_hat, y), 3))
    m4.metric(t("p03.rmse_best"), number(rmse(a_best * x + b_best, y), 3))
    st.button(t("p03.snap"), key="p03_snap", on_click=snap_to_least_squares)

    grid = np.array([min(x.min(), 0.0), x.max() + 1.0])
    lines = pd.DataFrame({"x": np.r_[grid, grid],
                          "y": np.r_[a * grid + b, a_best * grid + b_best],
                          "line": [t("p03.yours")] * 2 + [t("p03.best")] * 2})
    points = pd.DataFrame({"x": x, "y": y, "y_hat": y_hat})
    x_enc = alt.X("x:Q", title=t("p03.col.x"))
    y_enc = alt.Y("y:Q", title=t("p03.col.y"), scale=alt.Scale(zero=False))
    line_chart = alt.Chart(lines).mark_line().encode(
        x=x_enc, y=y_enc,
        color=alt.Color("line:N", title=t("p03.legend"), scale=alt.Scale(range=["#2563eb", "#9ca3af"]),
                        legend=alt.Legend(orient="bottom")),
        strokeDash=alt.StrokeDash("line:N", legend=None, scale=alt.Scale(range=[[1, 0], [6, 4]])))
    residuals = alt.Chart(points).mark_rule(color="#dc2626", strokeWidth=2).encode(x=x_enc, y=y_enc, y2="y_hat:Q")
    dots = alt.Chart(points).mark_circle(size=110, color="black", opacity=1).encode(
        x=x_enc, y=y_enc, tooltip=["x", "y", alt.Tooltip("y_hat:Q", format=".2f")])
    st.altair_chart((line_chart + residuals + dots).properties(height=340), width="stretch")
    st.caption(t("p03.residual_note"))
st.latex(r"\hat y = a x + b,\qquad \text{MSE} = \frac{1}{n}\sum_{i=1}^{n}\left(\hat y_i - y_i\right)^2,"
         r"\qquad \text{RMSE} = \sqrt{\text{MSE}}")
st.markdown(t("p03.rmse_note"))
# The lecture's own line on the lecture's own table, whatever the table above holds now.
lx, ly = study_hours()
la, lb = least_squares(lx, ly)
erratum(t("p03.err.rmse.lecture"),
        t("p03.err.rmse.correct", mse=number(mse(la * lx + lb, ly), 3), rmse=number(rmse(la * lx + lb, ly), 3)),
        t("p03.err.rmse.why"))

# ---------------------------------------------------------------- least squares step by step
st.subheader(t("p03.ls.header"))
st.markdown(t("p03.ls.body"))
st.latex(r"a = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2},\qquad b = \bar y - a\,\bar x")
erratum(t("p03.err.index.lecture"), t("p03.err.index.correct", a=number(la), b=number(lb)), t("p03.err.index.why"))
work = pd.DataFrame(index=[str(i) for i in range(1, x.size + 1)], data={
    "x": x, "y": y, "x − x̄": steps["dx"], "y − ȳ": steps["dy"],
    "(x − x̄)(y − ȳ)": steps["dx_dy"], "(x − x̄)²": steps["dx_sq"]})
st.dataframe(work.style.format("{:.4g}"), width="stretch")
st.latex(rf"\bar x = {number(steps['x_mean'])},\quad \bar y = {number(steps['y_mean'])},\qquad "
         rf"\sum_i (x_i - \bar x)(y_i - \bar y) = {number(steps['sum_dx_dy'])},\quad "
         rf"\sum_i (x_i - \bar x)^2 = {number(steps['sum_dx_sq'])}")
st.latex(rf"a = \frac{{{number(steps['sum_dx_dy'])}}}{{{number(steps['sum_dx_sq'])}}} = {number(steps['a'])},"
         rf"\qquad b = {number(steps['y_mean'])} - {number(steps['a'])} \times {number(steps['x_mean'])}"
         rf" = {number(steps['b'])}")

show_code(least_squares_steps, least_squares, mse, rmse)
from dashboard.ui import self_check; self_check("03")  # noqa: E402, E702, I001 (one appended line: check yourself)
