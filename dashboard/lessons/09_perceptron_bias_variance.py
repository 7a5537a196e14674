"""Page 9 · 퍼셉트론 · 편향-분산: the perceptron rule replayed update by update, and bias vs variance.

Training is ``core.nn.perceptron``; the polynomial fits are ``core.nn.bias_variance``.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.nn.bias_variance import bias_variance, errors_by_degree, fit_curve, make_data, resampled_fits
from core.nn.perceptron import LOGIC_GATES, Perceptron, boundary_line
from dashboard.ui import header, number, show_code, t

GATES = ("AND", "OR", "NAND")
VIEW = (-0.5, 1.5)  # plotting window around the unit square of the logic gates


@st.cache_data(show_spinner=False)
def train_gate(gate: str, lr: float, seed: int) -> tuple[list[dict], float]:
    X, y = LOGIC_GATES[gate]
    model = Perceptron(lr=lr, epochs=50, seed=seed).fit(X, y)
    return model.history, model.score(X, y)


@st.cache_data(show_spinner=False)
def degree_errors() -> dict:
    # core's defaults: one fixed noisy data set, shared with fit_curve below
    return errors_by_degree()


@st.cache_data(show_spinner=False)
def curve(degree: int) -> dict:
    return fit_curve(degree)


DART_DEGREES = tuple(range(0, 9))
DART_SETS = 100


@st.cache_data(show_spinner=False)
def decomposition() -> dict:
    return bias_variance(DART_DEGREES, n_sets=DART_SETS)


@st.cache_data(show_spinner=False)
def dart_fits(degree: int, n_sets: int) -> dict:
    return resampled_fits(degree, n_sets=n_sets)


def gate_chart(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float, current: int | None) -> alt.Chart:
    pts = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "y": y.astype(str),
                        "now": [i == current for i in range(len(X))]})
    scale_x = alt.Scale(domain=list(VIEW))
    scale_y = alt.Scale(domain=list(VIEW))
    dots = alt.Chart(pts).mark_point(filled=True, size=260).encode(
        x=alt.X("x1:Q", scale=scale_x, title="x₁"), y=alt.Y("x2:Q", scale=scale_y, title="x₂"),
        color=alt.Color("y:N", title="y", scale=alt.Scale(domain=["0", "1"], range=["#d62728", "#1f77b4"])),
        stroke=alt.condition("datum.now", alt.value("black"), alt.value(None)),
        strokeWidth=alt.value(3))
    line = alt.Chart(pd.DataFrame(boundary_line(w, b, VIEW))).mark_line(color="black", strokeDash=[6, 3], clip=True).encode(
        x=alt.X("x1:Q", scale=scale_x), y=alt.Y("x2:Q", scale=scale_y))
    return (line + dots).properties(height=360)


header("09")

# --------------------------------------------------------------------------- perceptron
@st.fragment
def perceptron_section() -> None:
    """The gate, learning rate, seed and step widgets move only this section (a fragment)."""
    st.subheader(t("p09.perc.title"))
    st.markdown(t("p09.perc.text"))
    st.latex(r"\hat y = \mathrm{step}(w_1 x_1 + w_2 x_2 + b), \qquad "
             r"w \leftarrow w + \eta\,(y - \hat y)\,x, \qquad b \leftarrow b + \eta\,(y - \hat y)")

    c1, c2, c3 = st.columns(3)
    gate = c1.selectbox(t("p09.gate"), GATES, key="p09_gate")
    lr = c2.select_slider(t("p09.lr"), options=[0.01, 0.05, 0.1, 0.5, 1.0], value=0.1, key="p09_lr")
    seed = c3.number_input(t("p09.seed"), 0, 1000, 0, key="p09_seed")
    history, acc = train_gate(gate, float(lr), int(seed))
    X, y = LOGIC_GATES[gate]

    step_no = st.slider(t("p09.step"), 0, len(history) - 1, len(history) - 1, key="p09_step")
    h = history[step_no]
    m1, m2, m3, m4 = st.columns(4)
    m1.metric("w₁", number(float(h["w"][0]), 4))
    m2.metric("w₂", number(float(h["w"][1]), 4))
    m3.metric("b", number(float(h["b"]), 4))
    m4.metric(t("p09.acc_final"), f"{acc:.0%}")
    left, right = st.columns([3, 2])
    left.altair_chart(gate_chart(X, y, h["w"], h["b"], h["index"]), width="stretch")
    with right:
        if h["index"] is None:
            st.markdown(t("p09.initial"))
        else:
            st.markdown(t("p09.update", epoch=h["epoch"], x=f"({h['x'][0]:g}, {h['x'][1]:g})", y=h["y"],
                          y_hat=h["y_hat"], error=h["error"]))
            st.markdown(t("p09.changed") if h["error"] else t("p09.unchanged"))
        st.caption(t("p09.n_updates", n=len(history) - 1, epochs=history[-1]["epoch"]))

    with st.expander(t("p09.history")):
        st.dataframe(pd.DataFrame([{"epoch": r["epoch"], "i": r["index"], "y": r["y"], "ŷ": r["y_hat"],
                                    "y−ŷ": r["error"], "w₁": r["w"][0], "w₂": r["w"][1], "b": r["b"]}
                                   for r in history]), hide_index=True)


perceptron_section()

# --------------------------------------------------------------------------- bias-variance
@st.fragment
def bias_variance_section() -> None:
    """The degree slider moves only this section (a fragment)."""
    st.subheader(t("p09.bv.title"))
    st.markdown(t("p09.bv.text"))
    st.latex(r"\mathbb{E}\big[(y - \hat f(x))^2\big] = \underbrace{\big(f(x) - \mathbb{E}\hat f(x)\big)^2}_{\text{bias}^2}"
             r" + \underbrace{\mathrm{Var}\,\hat f(x)}_{\text{variance}} + \underbrace{\sigma^2}_{\text{noise}}")
    errs = degree_errors()
    degrees = [int(d) for d in errs["degree"]]
    degree = st.slider(t("p09.bv.degree"), degrees[0], degrees[-1], 3, key="p09_degree")
    fit = curve(degree)

    err_df = pd.DataFrame({"degree": list(errs["degree"]) * 2,
                           "mse": list(errs["train_mse"]) + list(errs["test_mse"]),
                           "split": [t("p09.bv.train")] * len(errs["degree"]) + [t("p09.bv.test")] * len(errs["degree"])})
    err_chart = alt.Chart(err_df).mark_line(point=True).encode(
        x=alt.X("degree:Q", title=t("p09.bv.degree")),
        y=alt.Y("mse:Q", scale=alt.Scale(type="log"), title="MSE"),
        color=alt.Color("split:N", title=None))
    marker = alt.Chart(pd.DataFrame({"degree": [degree]})).mark_rule(color="gray", strokeDash=[4, 4]).encode(x="degree:Q")

    fit_df = pd.DataFrame({"x": fit["xs"], "y": fit["pred"]})
    fit_chart = alt.Chart(fit_df).mark_line(color="#ff7f0e", clip=True).encode(
        x=alt.X("x:Q"), y=alt.Y("y:Q", scale=alt.Scale(domain=[-2, 2])))
    train_pts = alt.Chart(pd.DataFrame({"x": fit["x_train"], "y": fit["y_train"]})).mark_point(
        filled=True, color="#1f77b4", size=50).encode(x="x:Q", y="y:Q")
    truth = alt.Chart(pd.DataFrame({"x": fit["xs"], "y": fit["truth"]})).mark_line(
        color="gray", strokeDash=[4, 4]).encode(x="x:Q", y="y:Q")
    a, b = st.columns(2)
    a.altair_chart((truth + fit_chart + train_pts).properties(title=t("p09.bv.fit", degree=degree), height=320),
                   width="stretch")
    b.altair_chart((err_chart + marker).properties(title=t("p09.bv.errors"), height=320), width="stretch")

    i = degrees.index(degree)
    best = degrees[int(np.argmin(errs["test_mse"]))]
    m1, m2, m3 = st.columns(3)
    m1.metric(t("p09.bv.train_mse"), number(float(errs["train_mse"][i]), 4))
    m2.metric(t("p09.bv.test_mse"), number(float(errs["test_mse"][i]), 4))
    m3.metric(t("p09.bv.best"), best)
    if degree < best:
        st.info(t("p09.bv.under"))
    elif degree > best:
        st.warning(t("p09.bv.over"))
    else:
        st.success(t("p09.bv.right"))


bias_variance_section()


# --------------------------------------------------------------------------- dartboard
@st.fragment
def dartboard() -> None:
    st.subheader(t("p09.dart.title"))
    st.markdown(t("p09.dart.text"))
    c1, c2 = st.columns(2)
    d = c1.select_slider(t("p09.dart.degree"), options=list(DART_DEGREES), value=1, key="p09_dart_degree")
    n_sets = c2.select_slider(t("p09.dart.sets"), options=[10, 20, 50, 100], value=20, key="p09_dart_sets")
    fits = dart_fits(int(d), int(n_sets))
    xs = fits["xs"]
    lines = pd.DataFrame({"x": np.tile(xs, n_sets), "y": fits["preds"].ravel(),
                          "set": np.repeat(np.arange(n_sets), len(xs))})
    scale = alt.Scale(domain=[-2, 2])
    thin = alt.Chart(lines).mark_line(opacity=0.25, strokeWidth=1, clip=True).encode(
        x="x:Q", y=alt.Y("y:Q", scale=scale), detail="set:N")
    mean = alt.Chart(pd.DataFrame({"x": xs, "y": fits["mean"]})).mark_line(
        color="#d62728", strokeWidth=3, clip=True).encode(x="x:Q", y=alt.Y("y:Q", scale=scale))
    truth = alt.Chart(pd.DataFrame({"x": xs, "y": fits["truth"]})).mark_line(
        color="black", strokeDash=[5, 4]).encode(x="x:Q", y=alt.Y("y:Q", scale=scale))
    dec = decomposition()
    names = {"bias2": t("p09.dart.bias2"), "variance": t("p09.dart.variance"), "noise": t("p09.dart.noise"),
             "total": t("p09.dart.total")}
    long = pd.DataFrame([{"degree": deg, "term": names[k], "value": dec[k][i]}
                         for k in names for i, deg in enumerate(dec["degree"])])
    terms = alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("degree:O", title=t("p09.bv.degree"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", scale=alt.Scale(type="log"), title=None),
        color=alt.Color("term:N", title=t("p09.dart.term"), sort=list(names.values())))
    rule = alt.Chart(pd.DataFrame({"degree": [int(d)]})).mark_rule(color="gray", strokeDash=[4, 4]).encode(
        x="degree:O")
    a, b = st.columns(2)
    a.altair_chart((thin + mean + truth).properties(title=t("p09.dart.chart", degree=d, n=n_sets), height=320),
                   width="stretch")
    b.altair_chart((terms + rule).properties(title=t("p09.dart.decomp"), height=320), width="stretch")
    i = list(dec["degree"]).index(int(d))
    m = st.columns(4)
    for col, k in zip(m, names, strict=True):
        col.metric(names[k], number(float(dec[k][i]), 4))
    st.markdown(t("p09.dart.note"))


dartboard()

show_code(Perceptron.fit, errors_by_degree, fit_curve, make_data, resampled_fits, bias_variance)
from dashboard.ui import self_check; self_check("09")  # noqa: E402, E702, I001 (one appended line: check yourself)
