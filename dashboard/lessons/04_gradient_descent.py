"""Page 4 · 경사 하강법: gradient descent on a 1-D function with a learning-rate slider (too small, good,
too large → divergence), the iterates drawn on the curve, and Newton's method beside it; then the
lecture's own problem, the study-hours MSE(a, b), descended to a = 2.3, b = 79.

The functions (``core.ml.optim.FUNCTIONS_1D``) and the iterates (``core.ml.optim.gradient_descent`` and
``core.ml.optim.newton``) come from core; the page only draws them.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.lecture_data import study_hours
from core.ml.optim import FUNCTIONS_1D as FUNCTIONS
from core.ml.optim import gradient_descent, newton
from core.ml.regression import least_squares
from core.ml.sgd import MSE_SURFACE_DEFAULTS, mse_grid, sgd_linear
from dashboard.ml_charts import mse_map
from dashboard.ui import header, number, show_code, t

WINDOW = (-3.0, 3.0)  # the x range drawn; iterates that leave it are clipped from the picture
TOL = 1e-3            # |f'(x)| below this counts as "arrived"
GRID = np.linspace(*WINDOW, 241)  # where the curve is drawn


def descent_chart(fn, path: np.ndarray, color: str) -> alt.LayerChart:
    """``fn``'s curve with the iterates x₀, x₁, … joined in order; points outside the window are clipped."""
    curve = pd.DataFrame({"x": GRID, "f": fn.f(GRID)})
    y_domain = [float(curve["f"].min()) - 0.5, float(curve["f"].max()) + 0.5]
    finite = np.isfinite(path)
    with np.errstate(over="ignore", invalid="ignore"):
        visits = pd.DataFrame({"step": np.arange(path.size)[finite], "x": path[finite],
                               "f": fn.f(path[finite])})
    x_enc = alt.X("x:Q", scale=alt.Scale(domain=list(WINDOW)), title="x")
    y_enc = alt.Y("f:Q", scale=alt.Scale(domain=y_domain), title="f(x)")
    line = alt.Chart(curve).mark_line(color="#9ca3af").encode(x=x_enc, y=y_enc)
    trail = alt.Chart(visits).mark_line(color=color, strokeDash=[4, 3], clip=True).encode(
        x=x_enc, y=y_enc, order="step:Q")
    dots = alt.Chart(visits).mark_circle(size=80, clip=True, opacity=1).encode(
        x=x_enc, y=y_enc, color=alt.Color("step:Q", scale=alt.Scale(scheme="oranges"), title=t("p04.col.step")),
        tooltip=["step", alt.Tooltip("x:Q", format=".4f"), alt.Tooltip("f:Q", format=".4f")])
    return (line + trail + dots).properties(height=320)


def arrival(fn, path: np.ndarray) -> str:
    """The first step where the slope is (almost) flat, as text."""
    with np.errstate(over="ignore", invalid="ignore"):
        flat = np.flatnonzero(np.abs(fn.df(path)) < TOL)
    return t("p04.reached.at", k=int(flat[0])) if flat.size else t("p04.reached.never")


header("04")


@st.fragment
def one_dimension_section() -> None:
    """Function, start, learning rate and steps: their changes rerun only this section (a fragment)."""
    c1, c2, c3, c4 = st.columns(4)
    name = c1.selectbox(t("p04.fn"), list(FUNCTIONS), key="p04_fn", format_func=lambda k: t(f"p04.fn.{k}"))
    x0 = c2.slider(t("p04.x0"), *WINDOW, value=2.5, step=0.1, key="p04_x0")
    lr = c3.slider(t("p04.lr"), 0.01, 1.2, value=0.3, step=0.01, key="p04_lr")
    steps = c4.slider(t("p04.steps"), 1, 50, value=15, key="p04_steps")
    fn = FUNCTIONS[name]

    gd_path = gradient_descent(fn.df, x0, lr, steps)
    try:
        newton_path, newton_error = newton(fn.df, fn.d2f, x0, steps), None
    except ValueError as err:  # f''(x) = 0 somewhere on the way (e.g. x⁴ started at 0)
        newton_path, newton_error = np.array([x0]), str(err)

    gd_col, newton_col = st.columns(2)
    with gd_col:
        st.markdown(f"#### {t('p04.gd.header')}")
        st.latex(r"x_{k+1} = x_k - \lambda\, f'(x_k)")
        st.altair_chart(descent_chart(fn, gd_path, "#ea580c"), width="stretch")
        final = gd_path[-1]
        with np.errstate(over="ignore", invalid="ignore"):
            f_final, f_start, slope = fn.f(final), fn.f(x0), abs(fn.df(final))
        m1, m2, m3 = st.columns(3)
        m1.metric(t("p04.final_x"), number(float(final)))
        m2.metric(t("p04.final_f"), number(float(f_final)))
        m3.metric(t("p04.reached"), arrival(fn, gd_path))
        if not np.isfinite(f_final) or f_final > f_start:
            st.error(t("p04.regime.diverge"))
        elif slope < TOL:
            st.success(t("p04.regime.good"))
        else:
            st.warning(t("p04.regime.slow"))
    with newton_col:
        st.markdown(f"#### {t('p04.newton.header')}")
        st.latex(r"x_{k+1} = x_k - \frac{f'(x_k)}{f''(x_k)}")
        st.altair_chart(descent_chart(fn, newton_path, "#7c3aed"), width="stretch")
        n1, n2, n3 = st.columns(3)
        n1.metric(t("p04.final_x"), number(float(newton_path[-1])))
        n2.metric(t("p04.final_f"), number(float(fn.f(newton_path[-1]))))
        n3.metric(t("p04.reached"), arrival(fn, newton_path))
        if newton_error:
            st.warning(t("p04.newton.flat", msg=newton_error))
        st.markdown(t("p04.newton.body"))

    st.latex(fn.latex)
    st.markdown(f"**{t('p04.iterates')}**")
    shown = min(steps, 8) + 1
    table = pd.DataFrame({t("p04.col.step"): np.arange(shown), t("p04.gd.header"): gd_path[:shown]})
    table[t("p04.newton.header")] = pd.Series(newton_path[:shown])
    st.dataframe(table.set_index(t("p04.col.step")).T.style.format("{:.4g}"), width="stretch")


one_dimension_section()


# ---------------------------------------------------------------- the lecture's MSE(a, b)
MSE_EPOCHS = [10, 50, 100, 300, 1000, 2000, 5000]


@st.cache_data(show_spinner=False)
def descend_mse(lr: float) -> dict[str, np.ndarray]:
    """The longest run of this learning rate. Gradient descent is deterministic, so the run for
    fewer epochs is this one's first rows (tests/test_sgd.py checks it): the epochs slider reads
    rows and never descends again."""
    x, y = study_hours()
    a0, b0 = MSE_SURFACE_DEFAULTS["start"]
    n = x.size  # one batch of all the data: plain (full-batch) gradient descent
    run = sgd_linear(x, y, batch_size=n, lr=lr, epochs=MSE_EPOCHS[-1], coef0=[a0], intercept0=b0)
    return {"params": run["params"], "loss": run["loss"]}


@st.fragment
def mse_section() -> None:
    d = MSE_SURFACE_DEFAULTS
    st.subheader(t("p04.mse.header"))
    st.markdown(t("p04.mse.body", a0=number(d["start"][0]), b0=number(d["start"][1])))
    st.latex(r"\text{MSE}(a, b) = \frac{1}{n}\sum_i (a x_i + b - y_i)^2,\quad "
             r"\frac{\partial\,\text{MSE}}{\partial a} = \frac{2}{n}\sum_i (\hat y_i - y_i)\,x_i,\quad "
             r"\frac{\partial\,\text{MSE}}{\partial b} = \frac{2}{n}\sum_i (\hat y_i - y_i)")
    c1, c2 = st.columns(2)
    lr_mse = c1.select_slider(t("p04.mse.lr"), options=[0.001, 0.003, 0.01, 0.02, 0.03, 0.035],
                              value=d["gd_lr"], key="p04_mse_lr")
    epochs = c2.select_slider(t("p04.mse.epochs"), options=MSE_EPOCHS, value=d["gd_epochs"], key="p04_mse_epochs")
    result = descend_mse(lr_mse)
    params, loss = result["params"][:epochs + 1], result["loss"][:epochs + 1]  # (epochs + 1, 2), (epochs + 1,)
    x, y = study_hours()
    a_best, b_best = least_squares(x, y)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("p04.mse.a"), number(float(params[-1, 0])))
    m2.metric(t("p04.mse.b"), number(float(params[-1, 1])))
    m3.metric(t("p04.mse.loss"), number(float(loss[-1])))
    if not np.isfinite(loss[-1]):
        st.error(t("p04.mse.diverged"))
    keep = np.unique(np.geomspace(1, len(params), 400).astype(int) - 1)  # log-spaced: the start matters most
    map_col, curve_col = st.columns([1, 1])
    with map_col:
        st.markdown(f"**{t('p04.mse.map')}**")
        st.altair_chart(mse_map(x, y, {t("p04.mse.run"): params[keep]}, {t("p04.mse.run"): "#ea580c"},
                                d["a_lim"], d["b_lim"], (a_best, b_best), t("p04.mse.a_axis"),
                                t("p04.mse.b_axis"), t("p04.col.method")), width="content")
    with curve_col:
        st.markdown(f"**{t('p04.mse.curve')}**")
        curve = pd.DataFrame({"step": keep, "mse": loss[keep]})
        curve = curve[np.isfinite(curve["mse"])]
        st.altair_chart(alt.Chart(curve).mark_line(color="#ea580c").encode(
            x=alt.X("step:Q", title=t("p04.col.step")),
            y=alt.Y("mse:Q", title="MSE", scale=alt.Scale(type="log"))).properties(height=420), width="stretch")


mse_section()
show_code(gradient_descent, newton, sgd_linear, mse_grid)
from dashboard.ui import self_check; self_check("04")  # noqa: E402, E702, I001 (one appended line: check yourself)
