"""Page 10 · XOR 문제: one perceptron cannot separate XOR; a 2-2-1 MLP can, shown as it trains.

The perceptron is ``core.nn.perceptron``; the MLP's training snapshots and decision regions are ``core.nn.mlp``.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.nn.mlp import MLP, decision_grid, snapshot_grid, train_snapshots_many
from core.nn.perceptron import LOGIC_GATES, Perceptron, boundary_line
from dashboard.ui import header, map_chart, number, show_code, t

VIEW = (-0.5, 1.5)  # plotting window around the unit square
# the perceptron's failing line often lies just below the square (y ≈ -0.5): a wider window shows it
FAIL_WINDOW = (-0.75, 1.75)
SIZES = (2, 2, 1)
XOR_RUN = dict(lr=2.0, epochs=3000, every=50, seed=0)  # defaults of the training below
LRS = (0.5, 1.0, 2.0, 4.0)  # the learning-rate slider's options
# Seeds are trained in blocks of SEED_BLOCK, every learning rate at once (one vectorised pass costs about
# as much as one run): moving the learning rate or stepping the seed then finds its run in the cache.
SEED_BLOCK = 8


@st.cache_data(show_spinner=False)
def perceptron_on_xor(epochs: int, seed: int) -> tuple[np.ndarray, float, float]:
    X, y = LOGIC_GATES["XOR"]
    model = Perceptron(lr=0.1, epochs=epochs, seed=seed).fit(X, y)
    return model.w, model.b, model.score(X, y)


@st.cache_data(show_spinner=False)
def run_block(first_seed: int, epochs: int, every: int) -> dict:
    X, y = LOGIC_GATES["XOR"]
    return train_snapshots_many(SIZES, X, y, lrs=LRS, seeds=range(first_seed, first_seed + SEED_BLOCK),
                                epochs=epochs, every=every)


def snapshots(lr: float, seed: int) -> dict:
    """The training run of (lr, seed): its snapshots' epochs, loss, acc and weights."""
    return run_block(seed - seed % SEED_BLOCK, XOR_RUN["epochs"], XOR_RUN["every"])[(lr, seed)]


def xor_points(legend: bool = True) -> alt.Chart:
    X, y = LOGIC_GATES["XOR"]
    pts = pd.DataFrame({"x1": X[:, 0], "x2": X[:, 1], "y": y.astype(str)})
    return alt.Chart(pts).mark_point(filled=True, size=260, stroke="black", strokeWidth=2).encode(
        x=alt.X("x1:Q", scale=alt.Scale(domain=list(VIEW)), title="x₁"),
        y=alt.Y("x2:Q", scale=alt.Scale(domain=list(VIEW)), title="x₂"),
        color=alt.Color("y:N", scale=alt.Scale(domain=["0", "1"], range=["#d62728", "#1f77b4"]), title="y",
                        legend=alt.Legend() if legend else None))


def line_chart(w: np.ndarray, b: float, title: str) -> alt.Chart:
    line = alt.Chart(pd.DataFrame(boundary_line(w, b, FAIL_WINDOW))).mark_line(color="black", strokeDash=[6, 3], clip=True).encode(
        x=alt.X("x1:Q", scale=alt.Scale(domain=list(VIEW))), y=alt.Y("x2:Q", scale=alt.Scale(domain=list(VIEW))))
    return (line + xor_points()).properties(title=title, height=340)


def region_chart(grid: tuple, title: str) -> alt.Chart:
    """Decision regions (the MLP's output = P(y=1) on the grid) with the four XOR points on top."""
    xx, yy, probs = grid  # (n, n) each, from np.meshgrid
    field = pd.DataFrame({"x1": np.ravel(xx), "x2": np.ravel(yy), "p": np.ravel(probs)})
    half = float(xx[0, 1] - xx[0, 0]) / 2  # cells centred on the grid points
    heat = alt.Chart(field).mark_rect(opacity=0.75).transform_calculate(
        x_lo=f"datum.x1 - {half}", x_hi=f"datum.x1 + {half}",
        y_lo=f"datum.x2 - {half}", y_hi=f"datum.x2 + {half}",
    ).encode(
        x=alt.X("x_lo:Q", scale=alt.Scale(domain=list(VIEW)), title="x₁"), x2="x_hi:Q",
        y=alt.Y("y_lo:Q", scale=alt.Scale(domain=list(VIEW)), title="x₂"), y2="y_hi:Q",
        color=alt.Color("p:Q", scale=alt.Scale(scheme="redblue", domain=[0, 1]), title="P(y=1)"),
        tooltip=[alt.Tooltip("x1:Q", format=".2f"), alt.Tooltip("x2:Q", format=".2f"),
                 alt.Tooltip("p:Q", format=".3f")])
    return (heat + xor_points(legend=False)).resolve_scale(color="independent").properties(title=title, height=340)


header("10")

# --------------------------------------------------------------------------- perceptron fails
@st.fragment  # its widgets change only this section
def perceptron_fails() -> None:
    st.subheader(t("p10.fail.title"))
    st.markdown(t("p10.fail.text"))
    c1, c2 = st.columns([1, 3])
    p_epochs = c1.slider(t("p10.fail.epochs"), 1, 200, 100, key="p10_p_epochs")
    p_seed = c1.number_input(t("p10.seed"), 0, 1000, 0, key="p10_p_seed")
    w, b, p_acc = perceptron_on_xor(p_epochs, int(p_seed))
    c1.metric(t("p10.fail.acc"), f"{p_acc:.0%}")
    c1.caption(t("p10.fail.weights", w1=number(float(w[0]), 3), w2=number(float(w[1]), 3), b=number(float(b), 3)))
    with c2:  # a wider window than the unit square's: the boundary often lies near its edge (y = -0.5)
        map_chart(line_chart(w, b, t("p10.fail.chart")), key="p10_fail", size=340, window=FAIL_WINDOW)


perceptron_fails()


# --------------------------------------------------------------------------- MLP solves it
@st.fragment  # its widgets change only this section
def mlp_solves() -> None:
    st.subheader(t("p10.mlp.title"))
    st.markdown(t("p10.mlp.text"))
    st.latex(r"a^{(2)} = \sigma\!\left(W^{(1)} x + b^{(1)}\right), \qquad "
             r"\hat y = \sigma\!\left(W^{(2)} a^{(2)} + b^{(2)}\right), \qquad "
             r"J = \tfrac12 (\hat y - y)^2")
    d1, d2 = st.columns(2)
    lr = d1.select_slider(t("p10.lr"), options=list(LRS), value=XOR_RUN["lr"], key="p10_lr")
    seed = d2.number_input(t("p10.seed"), 0, 1000, XOR_RUN["seed"], key="p10_seed")
    run = snapshots(float(lr), int(seed))
    epochs = run["epoch"]
    epoch = st.select_slider(t("p10.epoch"), options=epochs, value=epochs[-1], key="p10_epoch")
    i = epochs.index(epoch)

    left, right = st.columns([3, 2])
    with left:
        X, _ = LOGIC_GATES["XOR"]
        map_chart(region_chart(snapshot_grid(run, i, X), t("p10.mlp.chart", epoch=epoch)), key="p10_mlp", size=340)
    with right:
        m1, m2 = st.columns(2)
        m1.metric(t("p10.mlp.acc"), f"{run['acc'][i]:.0%}")
        m2.metric(t("p10.mlp.loss"), number(float(run["loss"][i]), 5))
        loss_df = pd.DataFrame({"epoch": epochs, "loss": run["loss"]})
        loss_chart = alt.Chart(loss_df).mark_line().encode(
            x=alt.X("epoch:Q", title=t("p10.epoch")), y=alt.Y("loss:Q", title=t("p10.mlp.loss")))
        now = alt.Chart(pd.DataFrame({"epoch": [epoch]})).mark_rule(color="gray", strokeDash=[4, 4]).encode(x="epoch:Q")
        st.altair_chart((loss_chart + now).properties(height=220), width="stretch")
    st.markdown(t("p10.mlp.note"))


mlp_solves()

show_code(Perceptron.fit, MLP.forward, MLP.backward, train_snapshots_many, decision_grid)
from dashboard.ui import self_check; self_check("10")  # noqa: E402, E702, I001 (one appended line: check yourself)
