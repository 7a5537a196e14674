"""Page 11 · 오차 역전파: the lecture's 2-2-2 network, forward then backward, every number on screen.

The whole computation is ``core.nn.backprop.trace``; ``core.nn.backprop.autograd_check`` asks PyTorch for
the same gradients. The page only chooses which intermediate to show and formats it.
"""
import numpy as np
import pandas as pd
import streamlit as st

from core.nn.backprop import (
    DEFAULTS,
    LECTURE_LR,
    WORKED_EXAMPLE,
    autograd_check,
    partials_xy,
    partials_xy_numeric,
    scalar_chain,
    trace,
)
from dashboard.ui import erratum, header, number, show_code, t

# (step id, the trace entries it produces, its chain-rule formula), forward pass then backward pass.
STEPS = (
    ("z2", ("z2",), r"z^{(2)} = W^{(1)} a^{(1)}, \qquad a^{(1)} = x"),
    ("a2", ("a2",), r"a^{(2)} = \varphi\big(z^{(2)}\big) = \frac{1}{1 + e^{-z^{(2)}}}"),
    ("z3", ("z3",), r"z^{(3)} = W^{(2)} a^{(2)}"),
    ("a3", ("a3",), r"a^{(3)} = \varphi\big(z^{(3)}\big)"),
    ("J", ("J1", "J2", "J"), r"J = J_1 + J_2, \qquad J_k = \tfrac12 \big(a^{(3)}_k - y_k\big)^2"),
    ("delta3", ("delta3",), r"\delta^{(3)} = \frac{\partial J}{\partial z^{(3)}} = \frac{\partial J}{\partial a^{(3)}}"
                            r"\odot \frac{\partial a^{(3)}}{\partial z^{(3)}} = \big(a^{(3)} - y\big) \odot a^{(3)}"
                            r"\odot \big(1 - a^{(3)}\big)"),
    ("dJ_dW2", ("dJ_dW2",), r"\frac{\partial J}{\partial W^{(2)}_{kj}} = \frac{\partial J}{\partial z^{(3)}_k}"
                            r"\frac{\partial z^{(3)}_k}{\partial W^{(2)}_{kj}} = \delta^{(3)}_k\, a^{(2)}_j"
                            r"\quad\Rightarrow\quad \frac{\partial J}{\partial W^{(2)}} = \delta^{(3)} a^{(2)\top}"),
    ("delta2", ("delta2",), r"\delta^{(2)} = \frac{\partial J}{\partial z^{(2)}} = \big(W^{(2)\top} \delta^{(3)}\big)"
                            r"\odot a^{(2)} \odot \big(1 - a^{(2)}\big)"),
    ("dJ_dW1", ("dJ_dW1",), r"\frac{\partial J}{\partial W^{(1)}} = \delta^{(2)} a^{(1)\top}"),
    ("update", ("W2_new", "W1_new"), r"W \leftarrow W - \eta\, \frac{\partial J}{\partial W}"),
)
SYMBOL = {"z2": "z^{(2)}", "a2": "a^{(2)}", "z3": "z^{(3)}", "a3": "a^{(3)}", "J1": "J_1", "J2": "J_2",
          "J": "J", "delta3": r"\delta^{(3)}", "delta2": r"\delta^{(2)}",
          "dJ_dW2": r"\frac{\partial J}{\partial W^{(2)}}", "dJ_dW1": r"\frac{\partial J}{\partial W^{(1)}}",
          "W2_new": r"W^{(2)}_\text{new}", "W1_new": r"W^{(1)}_\text{new}"}


def tex(value) -> str:
    """A scalar, vector (as a column) or matrix as LaTeX with 4 decimals."""
    arr = np.atleast_1d(np.asarray(value, dtype=float))
    if arr.size == 1 and np.ndim(value) == 0:
        return number(float(arr[0]), 4)
    rows = arr.reshape(-1, 1) if arr.ndim == 1 else arr  # a vector shows as a column, as on the slide
    body = r" \\ ".join(" & ".join(f"{v:.4f}" for v in row) for row in rows)
    return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"


def matrix_editor(name: str, default: np.ndarray, key: str) -> np.ndarray:
    """A 2×2 data editor; rows are the receiving neuron j, columns the sending neuron i."""
    df = pd.DataFrame(np.asarray(default, dtype=float), index=["j=1", "j=2"], columns=["i=1", "i=2"])
    st.caption(name)
    return st.data_editor(df, key=key).to_numpy(dtype=float)  # (2, 2)


header("11")
st.caption(t("p11.source", url=WORKED_EXAMPLE))


# --------------------------------------------------------------------------- warm-up: f = xy
@st.fragment
def warmup() -> None:
    st.subheader(t("p11.warmup.title"))
    st.markdown(t("p11.warmup.text"))
    a, b = st.columns(2)
    px = a.number_input("x", value=3.0, step=1.0, key="p11_fx")
    py = b.number_input("y", value=-2.0, step=1.0, key="p11_fy")
    p, num = partials_xy(px, py), partials_xy_numeric(px, py)
    st.latex(rf"f(x, y) = xy = {number(p['f'], 4)}, \qquad \frac{{\partial f}}{{\partial x}} = y = "
             rf"{number(p['df_dx'], 4)}, \qquad \frac{{\partial f}}{{\partial y}} = x = {number(p['df_dy'], 4)}")
    m1, m2 = st.columns(2)
    m1.metric("∂f/∂x", number(p["df_dx"], 4))
    m2.metric("∂f/∂y", number(p["df_dy"], 4))
    st.caption(t("p11.warmup.numeric", dx=number(num["df_dx"], 6), dy=number(num["df_dy"], 6)))
    erratum(t("p11.err.xy.said"), t("p11.err.xy.correct"), t("p11.err.xy.why"))


warmup()
st.markdown(t("p11.network"))
st.latex(r"x = a^{(1)} \xrightarrow{W^{(1)}} z^{(2)} \xrightarrow{\varphi} a^{(2)} \xrightarrow{W^{(2)}} "
         r"z^{(3)} \xrightarrow{\varphi} a^{(3)} \longrightarrow J")

# --------------------------------------------------------------------------- inputs
st.subheader(t("p11.inputs"))
x0, y0 = np.asarray(DEFAULTS["x"], dtype=float), np.asarray(DEFAULTS["y"], dtype=float)
c = st.columns(5)
x = np.array([c[0].number_input("x₁", value=float(x0[0]), step=0.05, format="%.4f", key="p11_x1"),
              c[1].number_input("x₂", value=float(x0[1]), step=0.05, format="%.4f", key="p11_x2")])
y = np.array([c[2].number_input("y₁", value=float(y0[0]), step=0.05, format="%.4f", key="p11_y1"),
              c[3].number_input("y₂", value=float(y0[1]), step=0.05, format="%.4f", key="p11_y2")])
lr = c[4].number_input(t("p11.lr"), value=float(DEFAULTS["lr"]), min_value=0.0, step=0.1, format="%.3f",
                       key="p11_lr")
e1, e2 = st.columns(2)
with e1:
    W1 = matrix_editor(t("p11.W1"), DEFAULTS["W1"], "p11_W1")
with e2:
    W2 = matrix_editor(t("p11.W2"), DEFAULTS["W2"], "p11_W2")
st.caption(t("p11.convention"))

tr = trace(x, y, W1, W2, lr)

# --------------------------------------------------------------------------- step by step
st.subheader(t("p11.steps"))
ids = [s[0] for s in STEPS]
# The options are the translated labels themselves, so any caller (tests, benchmarks) can pick one by its text.
step_labels = {s: t(f"p11.step.{s}") for s in ids}
labels = list(step_labels.values())
upto = labels.index(st.select_slider(t("p11.step"), options=labels, value=labels[-1], key="p11_step"))
for i, (sid, keys, formula) in enumerate(STEPS[:upto + 1]):
    phase = t("p11.forward") if i < 5 else t("p11.backward")
    box = st.container(border=True) if i == upto else st.container()
    with box:
        st.markdown(f"**{i + 1}. {step_labels[sid]}** · {phase}")
        st.latex(formula)
        st.latex(r",\quad ".join(f"{SYMBOL[k]} = {tex(tr[k])}" for k in keys))

m1, m2, m3 = st.columns(3)
m1.metric(t("p11.cost"), number(float(tr["J"]), 6))
m2.metric(t("p11.w1_11"), number(float(tr["W1_new"][0][0]), 6))
m3.metric(t("p11.w2_11"), number(float(tr["W2_new"][0][0]), 6))
lecture_tr = trace(x, y, W1, W2, LECTURE_LR)
erratum(t("p11.err.eta.said"), t("p11.err.eta.correct"),
        t("p11.err.eta.why", w_lecture=number(float(lecture_tr["W2_new"][0][0]), 6), lr=number(float(lr), 4),
          w_page=number(float(tr["W2_new"][0][0]), 6)))

# --------------------------------------------------------------------------- the lecture's scalar chain
st.subheader(t("p11.chain.title"))
st.markdown(t("p11.chain.text"))
ch = scalar_chain(x, y, W1, W2)
st.latex(r"\frac{\partial J}{\partial w^{(2)}_{1,1}} = \underbrace{\frac{\partial J_1}{\partial a^{(3)}_1}}_{a^{(3)}_1 - y_1}"
         r"\times \underbrace{\frac{\partial a^{(3)}_1}{\partial z^{(3)}_1}}_{a^{(3)}_1 (1 - a^{(3)}_1)}"
         r"\times \underbrace{\frac{\partial z^{(3)}_1}{\partial w^{(2)}_{1,1}}}_{a^{(2)}_1}")
st.latex(rf"= {ch['dJ_da']:.6f} \times {ch['da_dz']:.6f} \times {ch['dz_dw']:.6f} = {ch['product']:.6f}")
v1, v2, v3, v4, v5 = st.columns(5)
v1.metric("∂J₁/∂a⁽³⁾₁", f"{ch['dJ_da']:.6f}")
v2.metric("∂a⁽³⁾₁/∂z⁽³⁾₁", f"{ch['da_dz']:.6f}")
v3.metric("∂z⁽³⁾₁/∂w⁽²⁾₁₁", f"{ch['dz_dw']:.6f}")
v4.metric(t("p11.chain.scalar"), f"{ch['product']:.6f}")
v5.metric(t("p11.chain.vector"), f"{float(tr['dJ_dW2'][0, 0]):.6f}")
erratum(t("p11.err.sup.said"), t("p11.err.sup.correct"), t("p11.err.sup.why"))

# --------------------------------------------------------------------------- autograd
st.subheader(t("p11.check"))
st.markdown(t("p11.check.text"))
auto = autograd_check(x, y, W1, W2)
rows = []
for key in ("dJ_dW1", "dJ_dW2"):
    ours, theirs = np.asarray(tr[key], dtype=float), np.asarray(auto[key], dtype=float)
    for (j, i), v in np.ndenumerate(ours):
        rows.append({t("p11.check.weight"): f"{key[3:]}[{j + 1},{i + 1}]", t("p11.check.ours"): v,
                     "autograd": theirs[j, i], "|Δ|": abs(v - theirs[j, i])})
table = pd.DataFrame(rows)
st.dataframe(table, hide_index=True, column_config={
    c: st.column_config.NumberColumn(format="%.10f") for c in (t("p11.check.ours"), "autograd")})
st.metric(t("p11.check.max"), f"{table['|Δ|'].max():.2e}")

show_code(trace, scalar_chain, partials_xy, autograd_check)
from dashboard.ui import self_check; self_check("11")  # noqa: E402, E702, I001 (one appended line: check yourself)
