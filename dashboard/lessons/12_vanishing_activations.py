"""Page 12 · 기울기 소실 · 활성화 함수: activations and their derivatives; per-layer gradient norms of a deep net.

Values come from ``core.nn.activations`` and ``core.nn.vanishing``; the page only lays them out.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.nn.activations import ACTIVATIONS, LABELS
from core.nn.vanishing import dead_relu, gradient_norms
from dashboard.ui import erratum, header, number, show_code, t

INITS = ("xavier", "he")


@st.cache_data(show_spinner=False)
def curves(names: tuple[str, ...], lo: float, hi: float) -> pd.DataFrame:
    """Long frame (x, value, activation, kind) of f and f' on a grid, for the two charts."""
    x = np.linspace(lo, hi, 401)
    frames = []
    for name in names:
        f, df = ACTIVATIONS[name]
        for kind, values in (("f", f(x)), ("df", df(x))):
            frames.append(pd.DataFrame({"x": x, "value": values, "activation": LABELS[name], "kind": kind}))
    return pd.concat(frames, ignore_index=True)


@st.cache_data(show_spinner=False)
def dead_counts() -> dict:
    return dead_relu()


@st.cache_data(show_spinner=False)
def norms(depth: int, width: int, activation: str, init: str, seed: int) -> np.ndarray:
    return gradient_norms(depth, width, activation, seed=seed, init=init)


header("12")

# --------------------------------------------------------------------------- activations
st.subheader(t("p12.act.title"))
st.markdown(t("p12.act.text"))
st.latex(r"\sigma(x) = \frac{1}{1 + e^{-x}}, \quad \sigma'(x) = \sigma(x)\,(1 - \sigma(x)) \le \tfrac14, \quad"
         r"\tanh'(x) = 1 - \tanh^2(x)")
st.latex(r"\mathrm{ReLU}(x) = \max(0, x), \quad \mathrm{ReLU}'(x) = [x > 0], \quad"
         r"\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}")
st.latex(r"\mathrm{swish}(x) = x\,\sigma(x), \quad \mathrm{mish}(x) = x \tanh\big(\ln(1 + e^{x})\big)")
default = [n for n in ("sigmoid", "tanh", "relu") if n in ACTIVATIONS]
chosen = st.multiselect(t("p12.act.choose"), list(ACTIVATIONS), default=default, key="p12_acts",
                        format_func=LABELS.get)
lo, hi = st.slider(t("p12.act.range"), -10.0, 10.0, (-5.0, 5.0), step=0.5, key="p12_range")
if not chosen:
    st.info(t("p12.act.none"))
elif lo < hi:
    data = curves(tuple(chosen), lo, hi)
    color = alt.Color("activation:N", title=t("p12.act.legend"))
    chart_f = alt.Chart(data[data.kind == "f"]).mark_line().encode(
        x=alt.X("x:Q"), y=alt.Y("value:Q", title="f(x)"), color=color).properties(title=t("p12.act.f"))
    chart_df = alt.Chart(data[data.kind == "df"]).mark_line().encode(
        x=alt.X("x:Q"), y=alt.Y("value:Q", title="f′(x)"), color=color).properties(title=t("p12.act.df"))
    left, right = st.columns(2)
    left.altair_chart(chart_f, width="stretch")
    right.altair_chart(chart_df, width="stretch")
    peak = data[data.kind == "df"].groupby("activation")["value"].max()
    st.dataframe(pd.DataFrame({t("p12.act.legend"): peak.index, t("p12.act.peak"): peak.to_numpy()}),
                 hide_index=True)
st.markdown(t("p12.act.note"))
erratum(t("p12.err.selu.said"), t("p12.err.selu.correct"), t("p12.err.selu.why"))
erratum(t("p12.err.swish.said"), t("p12.err.swish.correct"), t("p12.err.swish.why"))

# --------------------------------------------------------------------------- vanishing
st.subheader(t("p12.van.title"))
st.markdown(t("p12.van.text"))
st.latex(r"\delta^{(l)} = \big(W^{(l+1)\top} \delta^{(l+1)}\big) \odot \varphi'\big(z^{(l)}\big), \qquad "
         r"\frac{\partial L}{\partial W^{(l)}} = \delta^{(l)}\, a^{(l-1)\top}")
st.latex(r"\|\delta^{(1)}\| \;\le\; \|\delta^{(D)}\| \prod_{l=2}^{D} \big(\|W^{(l)}\|\, \max|\varphi'|\big),"
         r"\qquad \max|\sigma'| = \tfrac14")
c1, c2, c3, c4 = st.columns(4)
depth = c1.slider(t("p12.van.depth"), 2, 30, 10, key="p12_depth")
act_names = list(ACTIVATIONS)
activation = c2.selectbox(t("p12.van.activation"), act_names, index=act_names.index("sigmoid"),
                          key="p12_act", format_func=LABELS.get)
init_labels = {i: t(f"p12.init.{i}") for i in INITS}  # this run's language, not the caller's
init = c3.selectbox(t("p12.van.init"), INITS, key="p12_init", format_func=init_labels.get)
width = c4.select_slider(t("p12.van.width"), [16, 32, 64, 128], value=64, key="p12_width")

g = norms(depth, width, activation, init, 0)
layer_df = pd.DataFrame({"layer": np.arange(1, depth + 1), "norm": g})
chart = alt.Chart(layer_df).mark_line(point=True).encode(
    x=alt.X("layer:O", title=t("p12.van.layer"), axis=alt.Axis(labelAngle=0)),
    y=alt.Y("norm:Q", scale=alt.Scale(type="log"), title=t("p12.van.norm")),
    tooltip=["layer", alt.Tooltip("norm:Q", format=".3e")],
).properties(title=t("p12.van.chart", act=LABELS[activation], depth=depth))
st.altair_chart(chart, width="stretch")
m1, m2, m3 = st.columns(3)
m1.metric(t("p12.van.first"), number(float(g[0]), 3))
m2.metric(t("p12.van.last"), number(float(g[-1]), 3))
m3.metric(t("p12.van.ratio"), number(float(g[0] / g[-1]), 3))
st.markdown(t("p12.van.note"))


# --------------------------------------------------------------------------- dead ReLU
st.subheader(t("p12.dead.title"))
st.markdown(t("p12.dead.text"))
dead = dead_counts()
total = dead["total"][0]
dead_df = pd.DataFrame({"lr": [f"{v:g}" for v in dead["lr"]], "dead": dead["dead"]})
st.altair_chart(alt.Chart(dead_df).mark_bar(color="#d62728").encode(
    x=alt.X("lr:O", title=t("p12.dead.lr"), sort=None, axis=alt.Axis(labelAngle=0)),
    y=alt.Y("dead:Q", title=t("p12.dead.count", total=total), scale=alt.Scale(domain=[0, total])),
    tooltip=["lr", "dead"]).properties(title=t("p12.dead.chart"), height=260), width="stretch")
d1, d2 = st.columns(2)
d1.metric(t("p12.dead.at_max", lr=f"{dead['lr'][0]:g}"), f"{dead['dead'][0]} / {total}")
d2.metric(t("p12.dead.at_max", lr=f"{dead['lr'][-1]:g}"), f"{dead['dead'][-1]} / {total}")
for lr_, loss in zip(dead["lr"], dead["loss"], strict=True):
    if not np.isfinite(loss):
        st.caption(t("p12.dead.diverged", lr=f"{lr_:g}"))

show_code(gradient_norms, dead_relu, *ACTIVATIONS[activation])
from dashboard.ui import self_check; self_check("12")  # noqa: E402, E702, I001 (one appended line: check yourself)
