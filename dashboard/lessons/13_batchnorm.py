"""Page 13 · 배치 정규화: the four steps of batch normalisation on a live mini-batch; training with vs without BN.

The steps and the experiment are ``core.nn.batchnorm``; the page draws a mini-batch and shows the numbers.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.nn.batchnorm import (
    RECOMMENDED_ORDER,
    batchnorm_forward,
    bn_experiment,
    correlated_batch,
    normalisation_cost,
    steps,
    whitening_vs_bn,
)
from dashboard.ui import erratum, header, number, show_code, t


@st.cache_data(show_spinner=False)
def mini_batch(size: int, mean: float, std: float, seed: int) -> np.ndarray:
    """A (size, 1) batch of one feature, as a layer's pre-activations might look."""
    return np.random.default_rng(seed).normal(mean, std, size=(size, 1))  # (N, D=1)


EXP_SEEDS = (0, 1, 2)  # the experiment's seed choices


@st.cache_data(show_spinner=t("p13.exp.running"))
def experiments() -> dict[int, dict]:
    """All three seeds at once (shared by every visitor): choosing another seed then costs nothing."""
    return {seed: bn_experiment(seed=seed) for seed in EXP_SEEDS}


def histogram(values: np.ndarray, title: str, color: str) -> alt.Chart:
    df = pd.DataFrame({"value": np.ravel(values)})
    return alt.Chart(df).mark_bar(color=color, opacity=0.8).encode(
        x=alt.X("value:Q", bin=alt.Bin(maxbins=15), title=title),
        y=alt.Y("count():Q", title=t("p13.count")),
    ).properties(height=220)


header("13")

# --------------------------------------------------------------------------- why BN
st.subheader(t("p13.why.title"))
erratum(t("p13.err.ics.said"), t("p13.err.ics.correct"), t("p13.err.ics.why"))
st.markdown(t("p13.why.text"))
wv = whitening_vs_bn(correlated_batch(rho=0.8))


def corr(c: np.ndarray) -> float:
    return float(c[0, 1] / np.sqrt(c[0, 0] * c[1, 1]))


w1, w2, w3 = st.columns(3)
w1.metric(t("p13.why.corr_in"), f"{corr(wv['input']):.3f}")
w2.metric(t("p13.why.corr_bn"), f"{corr(wv['bn']):.3f}")
w3.metric(t("p13.why.corr_white"), f"{abs(corr(wv['whitened'])):.3f}")
cost = normalisation_cost(64, 512)
st.caption(t("p13.why.cost", bn=f"{cost['bn']:,}", white=f"{cost['whitening']:,}",
             ratio=f"{cost['whitening'] / cost['bn']:,.0f}"))

st.subheader(t("p13.order.title"))
st.markdown(" → ".join(f"**{b}**" for b in RECOMMENDED_ORDER))
st.markdown(t("p13.order.text"))
st.code("nn.Sequential(\n    nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),  # Conv\n"
        "    nn.BatchNorm2d(c_out),                               # BN\n"
        "    nn.ReLU(),                                           # Activation\n"
        "    nn.Dropout(0.25),                                    # Dropout\n"
        "    nn.MaxPool2d(2),                                     # Pooling\n)", language="python")

# --------------------------------------------------------------------------- the four steps
@st.fragment
def four_steps() -> None:
    st.subheader(t("p13.steps.title"))
    st.markdown(t("p13.steps.text"))
    st.latex(r"\mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i \qquad "
             r"\sigma_B^2 = \frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_B)^2 \qquad "
             r"\hat x_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}} \qquad "
             r"y_i = \gamma \hat x_i + \beta")

    c1, c2, c3 = st.columns(3)
    size = c1.slider(t("p13.batch"), 8, 256, 64, step=8, key="p13_size")
    b_mean = c2.slider(t("p13.batch_mean"), -10.0, 10.0, 4.0, step=0.5, key="p13_mean")
    b_std = c3.slider(t("p13.batch_std"), 0.1, 10.0, 3.0, step=0.1, key="p13_std")
    c4, c5, c6 = st.columns(3)
    gamma = c4.slider("γ", 0.0, 3.0, 1.0, step=0.1, key="p13_gamma")
    beta = c5.slider("β", -3.0, 3.0, 0.0, step=0.1, key="p13_beta")
    seed = c6.number_input(t("p13.seed"), 0, 10_000, 0, key="p13_seed")

    x = mini_batch(size, b_mean, b_std, int(seed))
    s = steps(x, np.array([gamma]), np.array([beta]))
    mu, var = float(np.ravel(s["mean"])[0]), float(np.ravel(s["var"])[0])

    m1, m2, m3, m4 = st.columns(4)
    m1.metric(t("p13.step1"), number(mu, 4))
    m2.metric(t("p13.step2"), number(var, 4))
    m3.metric(t("p13.step3"), "(x − μ) / σ")
    m4.metric(t("p13.step4"), f"γ={gamma:g}, β={beta:g}")

    h1, h2, h3 = st.columns(3)
    h1.altair_chart(histogram(x, t("p13.hist.x"), "#1f77b4").properties(title=t("p13.hist.x")), width="stretch")
    h2.altair_chart(histogram(s["x_hat"], t("p13.hist.xhat"), "#7f7f7f").properties(title=t("p13.hist.xhat")),
                    width="stretch")
    h3.altair_chart(histogram(s["y"], t("p13.hist.y"), "#2ca02c").properties(title=t("p13.hist.y")),
                    width="stretch")
    st.markdown(t("p13.steps.note"))

    with st.expander(t("p13.table")):
        st.dataframe(pd.DataFrame({"x": np.ravel(x), "x̂": np.ravel(s["x_hat"]), "y": np.ravel(s["y"])}),
                     hide_index=True)


four_steps()

# --------------------------------------------------------------------------- experiment
st.subheader(t("p13.exp.title"))
exp_seed = st.selectbox(t("p13.exp.seed"), EXP_SEEDS, key="p13_exp_seed")
res = experiments()[int(exp_seed)]
st.markdown(t("p13.exp.text", **{k: res["config"][k] for k in ("depth", "width", "activation")}))
curve = pd.concat([
    pd.DataFrame({"epoch": res["epochs"], "loss": res["with_bn"], "model": t("p13.exp.with")}),
    pd.DataFrame({"epoch": res["epochs"], "loss": res["without_bn"], "model": t("p13.exp.without")}),
])
st.altair_chart(alt.Chart(curve).mark_line().encode(
    x=alt.X("epoch:Q", title=t("p13.exp.epoch")),
    y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title=t("p13.exp.loss")),
    color=alt.Color("model:N", title=None),
), width="stretch")
e1, e2, e3, e4 = st.columns(4)
e1.metric(t("p13.exp.final_with"), number(float(res["with_bn"][-1]), 4))
e2.metric(t("p13.exp.final_without"), number(float(res["without_bn"][-1]), 4))
e3.metric(t("p13.exp.acc_with"), f"{res['with_bn_acc'][-1]:.1%}")
e4.metric(t("p13.exp.acc_without"), f"{res['without_bn_acc'][-1]:.1%}")
st.markdown(t("p13.exp.note"))

show_code(steps, batchnorm_forward, bn_experiment, whitening_vs_bn)
from dashboard.ui import self_check; self_check("13")  # noqa: E402, E702, I001 (one appended line: check yourself)
