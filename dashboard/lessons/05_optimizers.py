"""Page 5 · 고급 경사 하강법: SGD, Momentum, NAG, Adagrad, RMSProp and Adam racing on a 2-D surface,
with hyperparameter sliders, a step slider to rewind the race, the loss per step and the lecture's table.

Paths come from ``core.ml.optim.run`` (torch.optim's update rules); surfaces from ``core.ml.optim.SURFACES``.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.optim import DEFAULT_LR, OPTIMIZER_INFO, OPTIMIZERS, SGD, SURFACES, Adagrad, Adam, RMSprop, run
from dashboard.ui import header, lang, map_chart, number, show_code, t

GRID = 60  # contour-grid resolution per axis (GRID² cells)
# Vega has no built-in star; a custom symbol is an SVG path in a unit box.
STAR = ("M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382L-0.5878,0.809L-0.3633,0.118"
        "L-0.9511,-0.309L-0.2245,-0.309Z")
COLORS = dict(zip(OPTIMIZERS, ["#e41a1c", "#ff7f00", "#984ea3", "#4daf4a", "#377eb8", "#f781bf"], strict=True))

header("05")


@st.cache_data(show_spinner=False)
def race(surface: str, names: tuple[str, ...], start: tuple[float, float], steps: int, lr_scale: float,
         momentum: float, alpha: float, beta1: float, beta2: float) -> dict[str, np.ndarray]:
    """Every chosen optimizer's path, shape (steps + 1, 2), from the same start on ``surface``."""
    hyper = {"sgd": {}, "momentum": {"momentum": momentum}, "nesterov": {"momentum": momentum},
             "adagrad": {}, "rmsprop": {"alpha": alpha}, "adam": {"betas": (beta1, beta2)}}
    grad = SURFACES[surface].grad
    return {n: run(n, grad, start, steps, DEFAULT_LR[n] * lr_scale, **hyper[n]) for n in names}


@st.cache_data(show_spinner=False)
def landscape(surface: str) -> pd.DataFrame:
    """f on a GRID×GRID grid over the surface's window, one row per cell with its edges (for mark_rect)."""
    s = SURFACES[surface]
    xs, ys = np.linspace(*s.xlim, GRID), np.linspace(*s.ylim, GRID)
    X, Y = np.meshgrid(xs, ys)  # (GRID, GRID) each
    dx, dy = (xs[1] - xs[0]) / 2, (ys[1] - ys[0]) / 2
    return pd.DataFrame({"x": X.ravel() - dx, "x2": X.ravel() + dx, "y": Y.ravel() - dy, "y2": Y.ravel() + dy,
                         "f": s.f(X, Y).ravel()})


# ---------------------------------------------------------------- controls
top1, top2, top3 = st.columns([2, 3, 1])
surface_name = top1.selectbox(t("p05.surface"), list(SURFACES), key="p05_surface",
                              format_func=lambda k: SURFACES[k].label[lang()])
surface = SURFACES[surface_name]
names = top2.multiselect(t("p05.opts"), OPTIMIZERS, default=list(OPTIMIZERS), key="p05_opts",
                         format_func=lambda n: t(f"p05.name.{n}"))
total = top3.select_slider(t("p05.total"), options=[50, 100, 300, 1000], value=300, key="p05_total")

with st.expander(t("p05.hyper"), expanded=True):
    h1, h2, h3, h4, h5 = st.columns(5)
    lr_scale = h1.select_slider(t("p05.lr_scale"), options=[0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0], value=1.0,
                                key="p05_lr_scale")
    momentum = h2.slider(t("p05.momentum"), 0.0, 0.99, 0.9, 0.01, key="p05_momentum")
    alpha = h3.slider(t("p05.alpha"), 0.5, 0.999, 0.99, 0.001, key="p05_alpha")
    beta1 = h4.slider(t("p05.beta1"), 0.0, 0.99, 0.9, 0.01, key="p05_beta1")
    beta2 = h5.select_slider(t("p05.beta2"), options=[0.9, 0.99, 0.999, 0.9999], value=0.999, key="p05_beta2")
    s1, s2 = st.columns(2)
    # Keys carry the surface name: each surface has its own window, so its own start sliders.
    start_x = s1.slider(t("p05.start_x"), *surface.xlim, value=float(surface.start[0]), step=0.05,
                        key=f"p05_x0_{surface_name}")
    start_y = s2.slider(t("p05.start_y"), *surface.ylim, value=float(surface.start[1]), step=0.05,
                        key=f"p05_y0_{surface_name}")

if not names:
    st.info(t("p05.none"))
    st.stop()
paths = race(surface_name, tuple(names), (start_x, start_y), total, lr_scale, momentum, alpha, beta1, beta2)
shown = st.slider(t("p05.step"), 0, total, total, key=f"p05_step_{total}")

# ---------------------------------------------------------------- charts
frames = []
for n, path in paths.items():
    visible = path[: shown + 1]  # (shown + 1, 2)
    with np.errstate(over="ignore", invalid="ignore"):
        loss = surface.f(visible[:, 0], visible[:, 1])
    frames.append(pd.DataFrame({"optimizer": t(f"p05.name.{n}"), "step": np.arange(shown + 1),
                                "x": visible[:, 0], "y": visible[:, 1], "loss": loss}))
trace = pd.concat(frames, ignore_index=True)
trace = trace[np.isfinite(trace[["x", "y", "loss"]]).all(axis=1)]  # a diverged run stops being drawn
palette = alt.Scale(domain=[t(f"p05.name.{n}") for n in names], range=[COLORS[n] for n in names])
color = alt.Color("optimizer:N", title=t("p05.col.optimizer"), scale=palette)

map_col, loss_col = st.columns([3, 2])
with map_col:
    st.markdown(f"**{t('p05.map')}**")
    x_enc = alt.X("x:Q", scale=alt.Scale(domain=list(surface.xlim), nice=False), title="x")
    y_enc = alt.Y("y:Q", scale=alt.Scale(domain=list(surface.ylim), nice=False), title="y")
    heat = alt.Chart(landscape(surface_name)).mark_rect().encode(
        x=x_enc, x2="x2:Q", y=y_enc, y2="y2:Q",
        color=alt.Color("f:Q", scale=alt.Scale(type="symlog", scheme="greys"), legend=None),
        # an outline in the fill colour closes the hairline seams between neighbouring cells
        stroke=alt.Stroke("f:Q", scale=alt.Scale(type="symlog", scheme="greys"), legend=None))
    lines = alt.Chart(trace).mark_line(strokeWidth=2.5, clip=True).encode(x=x_enc, y=y_enc, color=color,
                                                                         order="step:Q")
    heads = alt.Chart(trace[trace["step"] == trace.groupby("optimizer")["step"].transform("max")]).mark_point(
        size=120, filled=True, stroke="white", clip=True).encode(
        x=x_enc, y=y_enc, color=alt.Color("optimizer:N", scale=palette, legend=None), tooltip=["optimizer", "step", "x", "y", "loss"])
    layers = [heat, lines, heads]
    if surface.minimum is not None:
        star = pd.DataFrame({"x": [surface.minimum[0]], "y": [surface.minimum[1]]})
        layers.append(alt.Chart(star).mark_point(shape=STAR, size=400, filled=True, color="gold",
                                                 stroke="black").encode(x=x_enc, y=y_enc))
    # the heat map's quantitative colour and the optimizers' categorical colour must not share one scale
    map_chart(alt.layer(*layers).resolve_scale(color="independent"), key="p05_map")
with loss_col:
    st.markdown(f"**{t('p05.loss')}**")
    loss_chart = alt.Chart(trace).mark_line(clip=True).encode(
        x=alt.X("step:Q", title=t("p05.col.step"), scale=alt.Scale(domain=[0, total])),
        y=alt.Y("loss:Q", title=t("p05.col.loss"), scale=alt.Scale(type="symlog")),
        color=color, tooltip=["optimizer", "step", "loss"])
    st.altair_chart(loss_chart.properties(height=460), width="stretch")

# ---------------------------------------------------------------- standings
st.markdown(f"**{t('p05.results')}**")
rows = []
for n, path in paths.items():
    x, y = path[shown]
    with np.errstate(over="ignore", invalid="ignore"):
        loss = float(surface.f(x, y))
    finite = np.isfinite(loss) and np.isfinite(path[shown]).all()
    rows.append({t("p05.col.optimizer"): t(f"p05.name.{n}"),
                 t("p05.col.lr"): number(DEFAULT_LR[n] * lr_scale),
                 t("p05.col.point"): f"({number(x, 3)}, {number(y, 3)})" if finite else t("p05.diverged"),
                 t("p05.col.final"): number(loss) if finite else t("p05.diverged")})
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.subheader(t("p05.table"))
info = pd.DataFrame([{t("p05.col.optimizer"): t(f"p05.name.{n}"), t("p05.col.what"): OPTIMIZER_INFO[n][lang()],
                      t("p05.col.defaults"): ", ".join(f"{k}={v}" for k, v in OPTIMIZER_INFO[n]["defaults"].items())
                      or "—", t("p05.col.lr"): DEFAULT_LR[n]} for n in OPTIMIZERS])
st.dataframe(info, hide_index=True, width="stretch")
st.latex(r"\textbf{SGD}:\ \theta \leftarrow \theta - \eta\, g \qquad "
         r"\textbf{Momentum}:\ b \leftarrow \mu b + g,\ \ \theta \leftarrow \theta - \eta\, b \qquad "
         r"\textbf{NAG}:\ \theta \leftarrow \theta - \eta\,(g + \mu b)")
st.latex(r"\textbf{Adagrad}:\ s \leftarrow s + g^2,\ \ \theta \leftarrow \theta - \frac{\eta\, g}{\sqrt{s} + \epsilon}"
         r"\qquad \textbf{RMSProp}:\ v \leftarrow \alpha v + (1-\alpha) g^2,\ \ "
         r"\theta \leftarrow \theta - \frac{\eta\, g}{\sqrt{v} + \epsilon}")
st.latex(r"\textbf{Adam}:\ m \leftarrow \beta_1 m + (1-\beta_1) g,\ \ v \leftarrow \beta_2 v + (1-\beta_2) g^2,\ \ "
         r"\theta \leftarrow \theta - \eta\,\frac{m / (1-\beta_1^t)}{\sqrt{v / (1-\beta_2^t)} + \epsilon}")

show_code(run, SGD, Adagrad, RMSprop, Adam)
