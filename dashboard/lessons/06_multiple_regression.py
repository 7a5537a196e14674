"""Page 6 · 다중 선형 회귀: hours + tutoring → score, solved exactly and by gradient descent (lr and
epochs sliders), with the GD loss curve, the coefficients' path, and the fitted plane as a heatmap.

The fits come from ``core.ml.regression`` (``fit_multiple``, ``fit_gd``, ``mse``) on ``core.ml.lecture_data``.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.gd_loop import continue_fit, descend  # descend: shown in the code expander
from core.ml.lecture_data import study_hours_tutoring
from core.ml.regression import fit_gd, fit_multiple, mse
from dashboard.ui import header, number, show_code, t

MAX_POINTS = 400  # epochs drawn per curve; longer histories are thinned evenly
EPOCHS = [10, 100, 1000, 5000, 20000]  # the epochs slider's options

header("06")


@st.cache_data(show_spinner=False)
def gd_run(lr: float, epochs: int) -> dict[str, np.ndarray]:
    """fit_gd's history (rows 0..epochs). A longer run continues the next shorter option's cached run
    from its last weights instead of starting over: each step depends only on the current weights,
    so the rows are exactly one long fit's (tests/test_gd_loop.py)."""
    before = max((e for e in EPOCHS if e < epochs), default=0)
    return continue_fit(fit_gd, *study_hours_tutoring(), lr=lr, epochs=epochs,
                        head=gd_run(lr, before) if before else None)


X, y = study_hours_tutoring()
coef, intercept = fit_multiple(X, y)
exact_mse = mse(X @ coef + intercept, y)  # the plane's predictions for the four students

data_col, control_col = st.columns([2, 3])
with data_col:
    st.markdown(f"**{t('p06.data')}**")
    st.dataframe(pd.DataFrame({t("p06.col.hours"): X[:, 0], t("p06.col.tutoring"): X[:, 1],
                               t("p06.col.score"): y}), hide_index=True, width="stretch")
    st.latex(r"\hat y = a_1 x_1 + a_2 x_2 + b")
with control_col:
    lr = st.select_slider(t("p06.lr"), options=[0.001, 0.003, 0.01, 0.02, 0.03, 0.05], value=0.01, key="p06_lr")
    epochs = st.select_slider(t("p06.epochs"), options=EPOCHS, value=5000, key="p06_epochs")
    st.latex(r"a_j \leftarrow a_j - \lambda\,\frac{2}{n}\sum_i (\hat y_i - y_i)\,x_{ij},\qquad "
             r"b \leftarrow b - \lambda\,\frac{2}{n}\sum_i (\hat y_i - y_i)")
    st.caption(t("p06.gd_note"))

history = gd_run(lr, epochs)
gd_coef, gd_intercept = history["coef"][-1], history["intercept"][-1]
diverged = not np.isfinite(history["loss"][-1])
m = st.columns(4)
values = [(t("p06.gd_a1"), gd_coef[0], coef[0]), (t("p06.gd_a2"), gd_coef[1], coef[1]),
          (t("p06.gd_b"), gd_intercept, intercept), (t("p06.gd_loss"), history["loss"][-1], exact_mse)]
for col, (label, got, exact) in zip(m, values, strict=True):
    col.metric(label, number(float(got)), delta=None if diverged else number(float(got - exact)),
               delta_color="off")
if diverged:
    st.error(t("p06.diverged"))

st.subheader(t("p06.coef"))
st.dataframe(pd.DataFrame({
    t("p06.param"): [t("p06.a1"), t("p06.a2"), t("p06.b"), t("p06.mse")],
    t("p06.exact"): [number(v) for v in (coef[0], coef[1], intercept, exact_mse)],
    t("p06.gd"): [number(float(v)) for v in (gd_coef[0], gd_coef[1], gd_intercept, history["loss"][-1])],
}), hide_index=True, width="stretch")
st.latex(r"\text{normal equations: } (X_c^\top X_c)\,\mathbf a = X_c^\top y_c,\quad "
         r"b = \bar y - \bar{\mathbf x}\cdot\mathbf a \quad (X_c = X - \bar{\mathbf x},\ y_c = y - \bar y)")

# ---------------------------------------------------------------- GD curves
keep = np.unique(np.linspace(0, epochs, min(epochs + 1, MAX_POINTS)).astype(int))
curves = pd.DataFrame({"epoch": keep, "loss": history["loss"][keep],
                       "a1": history["coef"][keep, 0], "a2": history["coef"][keep, 1]})
curves = curves[np.isfinite(curves).all(axis=1) & (curves["loss"] > 0)]
loss_col, path_col = st.columns(2)
with loss_col:
    st.markdown(f"**{t('p06.loss_curve')}**")
    st.altair_chart(alt.Chart(curves).mark_line(color="#2563eb").encode(
        x=alt.X("epoch:Q", title=t("p06.epoch")),
        y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title="MSE")).properties(height=280), width="stretch")
with path_col:
    st.markdown(f"**{t('p06.path')}**")
    long = curves.melt(id_vars="epoch", value_vars=["a1", "a2"], var_name="coef", value_name="value")
    exact_lines = pd.DataFrame({"coef": ["a1", "a2"], "value": coef})
    color = alt.Color("coef:N", title=None, scale=alt.Scale(domain=["a1", "a2"], range=["#ea580c", "#16a34a"]))
    path = alt.Chart(long).mark_line().encode(x=alt.X("epoch:Q", title=t("p06.epoch")),
                                              y=alt.Y("value:Q", title=None), color=color)
    target = alt.Chart(exact_lines).mark_rule(strokeDash=[5, 4]).encode(y=alt.Y("value:Q"), color=color)
    st.altair_chart((path + target).properties(height=280), width="stretch")

# ---------------------------------------------------------------- fitted plane
# Channels are written as alt.X("h0:Q")-style objects, not bare "h0:Q" strings in encode(): Altair
# resolves a bare string against the Vega-Lite schema, milliseconds a channel on every rerun.
@st.fragment  # the radio changes only this chart: rerun it alone
def plane_section(sources: dict[str, tuple[np.ndarray, float]]) -> None:
    st.subheader(t("p06.plane"))
    source = st.radio(t("p06.plane_source"), list(sources), horizontal=True, key="p06_plane",
                      format_func=lambda k: t(f"p06.{k}"))
    plane_coef, plane_b = sources[source]
    hours, tutoring = np.meshgrid(np.linspace(0, 10, 41), np.linspace(0, 5, 21))  # (21, 41) each
    cells = pd.DataFrame({"hours": hours.ravel(), "tutoring": tutoring.ravel()})
    cells["score"] = cells[["hours", "tutoring"]].to_numpy() @ plane_coef + plane_b  # (861, 2) @ (2,)
    students = pd.DataFrame({"hours": X[:, 0], "tutoring": X[:, 1], "score": y})
    half = 0.125  # half a grid cell: each rect spans its grid point ± half
    cells["h0"], cells["h1"] = cells["hours"] - half, cells["hours"] + half
    cells["t0"], cells["t1"] = cells["tutoring"] - half, cells["tutoring"] + half
    x_enc = alt.X("h0:Q", title=t("p06.col.hours"), scale=alt.Scale(domain=[0, 10], nice=False))
    y_enc = alt.Y("t0:Q", title=t("p06.col.tutoring"), scale=alt.Scale(domain=[0, 5], nice=False))
    tips = [alt.Tooltip("hours:Q"), alt.Tooltip("tutoring:Q")]
    heat = alt.Chart(cells).mark_rect().encode(
        x=x_enc, x2=alt.X2("h1:Q"), y=y_enc, y2=alt.Y2("t1:Q"),
        color=alt.Color("score:Q", title=t("p06.pred"), scale=alt.Scale(scheme="viridis")),
        tooltip=[*tips, alt.Tooltip("score:Q", format=".1f")])
    at_students = {"x": alt.X("hours:Q"), "y": alt.Y("tutoring:Q")}
    dots = alt.Chart(students).mark_point(size=160, filled=True, color="white", stroke="black").encode(
        **at_students, tooltip=[*tips, alt.Tooltip("score:Q")])
    labels = alt.Chart(students).mark_text(dy=-14, fontWeight="bold", color="black").encode(
        **at_students, text=alt.Text("score:Q"))
    st.altair_chart((heat + dots + labels).properties(height=320), width="stretch")


plane_section({"exact": (coef, intercept)} | ({} if diverged else {"gd": (gd_coef, gd_intercept)}))

show_code(fit_multiple, fit_gd, descend, mse)
from dashboard.ui import self_check; self_check("06")  # noqa: E402, E702, I001 (one appended line: check yourself)
