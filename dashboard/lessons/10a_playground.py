"""Page 10a · 신경망 놀이터: build a network, press play, watch it learn (after TensorFlow Playground).

All math is ``core.nn.playground`` (data sets, the trainer, what to draw) on ``core.nn.mlp``; this page
only keeps the trainer in ``st.session_state`` and draws. Play/pause and "one step" rerun only the
training fragment (``st.fragment(run_every=…)``), not the whole page.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.ml.optim import SGD, Adam
from core.nn.activations import ACTIVATIONS, LABELS
from core.nn.batchnorm import batchnorm_backward, batchnorm_forward
from core.nn.mlp import MLP, OPTIMIZERS, Optimizer
from core.nn.playground import DATASETS, MAX_LAYERS, MAX_WIDTH, Playground, grid, make_dataset
from dashboard.ui import header, lang, number, show_code, t

N_POINTS = 500
FRAME_S = 0.5  # seconds between animation frames while playing
EPOCHS_PER_FRAME = 1
REGION_RES, NEURON_RES = 36, 10
LRS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0]
BATCHES = [1, 2, 4, 10, 20, 50, 100]
L2S = [0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1]
RED_BLUE = alt.Scale(scheme="redblue", domain=[-1, 1])

header("10a")
ss = st.session_state
ss.setdefault("p10a_playing", False)

# --------------------------------------------------------------------------- controls
st.subheader(t("p10a.data"))
c1, c2, c3, c4 = st.columns(4)
# Labels looked up now, in this run's language (AppTest calls format_func outside the run).
ds_label = {d: t(f"p10a.ds.{d}") for d in DATASETS}
opt_label = {o: t(f"p10a.opt.{o}") for o in OPTIMIZERS}
dataset = c1.selectbox(t("p10a.dataset"), DATASETS, index=DATASETS.index("circle"), key="p10a_data",
                       format_func=ds_label.__getitem__)
table = dataset == "xor_table"
noise = c2.slider(t("p10a.noise"), 0.0, 0.5, 0.05, 0.05, key="p10a_noise", disabled=table)
split = c3.slider(t("p10a.split"), 10, 90, 50, 10, key="p10a_split", disabled=table)
seed = int(c4.number_input(t("p10a.seed"), 0, 1000, 0, key="p10a_seed"))
if table:
    st.caption(t("p10a.table_note"))

st.subheader(t("p10a.net"))
c1, c2, c3, c4 = st.columns(4)
layers = c1.slider(t("p10a.layers"), 0, MAX_LAYERS, 2, key="p10a_layers")
activation = c2.selectbox(t("p10a.activation"), list(ACTIVATIONS), index=list(ACTIVATIONS).index("tanh"),
                          key="p10a_act", format_func=LABELS.get)
optimizer = c3.selectbox(t("p10a.optimizer"), OPTIMIZERS, index=OPTIMIZERS.index("adam"), key="p10a_opt",
                         format_func=opt_label.__getitem__)
lr = c4.select_slider(t("p10a.lr"), LRS, value=0.03, key="p10a_lr")
widths = []
if layers:
    for i, col in enumerate(st.columns(MAX_LAYERS)[:layers]):
        widths.append(col.slider(t("p10a.width", i=i + 1), 1, MAX_WIDTH, 4, key=f"p10a_w{i}"))
else:
    st.caption(t("p10a.no_hidden"))
c1, c2, c3 = st.columns(3)
batch = c1.select_slider(t("p10a.batch"), BATCHES, value=10, key="p10a_batch")
l2 = c2.select_slider(t("p10a.l2"), L2S, value=0.0, key="p10a_l2")
bn = c3.toggle(t("p10a.bn"), value=False, key="p10a_bn", disabled=batch == 1 or not layers,
               help=t("p10a.bn_help")) and batch > 1 and layers > 0
st.caption(t("p10a.settings_note"))

# A new data set or structure means a new network; the training settings apply to the running one.
structure = (dataset, noise, split, seed, tuple(widths), activation, bn)
if ss.get("p10a_structure") != structure or "p10a_pg" not in ss:
    data = make_dataset(dataset, N_POINTS, noise=noise, train_frac=split / 100, seed=seed)
    ss.p10a_pg = Playground(data, widths, activation, batchnorm=bn, optimizer=optimizer, lr=lr,
                            batch_size=batch, l2=l2, seed=seed)
    ss.p10a_structure = structure
pg: Playground = ss.p10a_pg
pg.set_hyper(lr=lr, batch_size=batch, l2=l2, optimizer=optimizer)


def reset() -> None:
    ss.pop("p10a_pg", None)
    ss.p10a_playing = False


# --------------------------------------------------------------------------- drawing (no math)
# Each chart's Vega-Lite spec is built by Altair once per network shape and language (Altair's
# validation is slow), reading named data sets; a frame only fills in the data, which Streamlit
# sends as Arrow tables. Maps are drawn as squares centred on the cells of core's grid.
GAP, SIZE, VGAP, NET_PX = 2.2, 1.0, 1.3, 640  # layer spacing, map size, row spacing (node units); width


def _layout(sizes: tuple[int, ...]) -> tuple[list[list[float]], list[float], list[float], float]:
    """Node centres per layer, the x and y domains, and pixels per node unit of the network diagram."""
    ys = [[((n - 1) / 2 - j) * VGAP for j in range(n)] for n in sizes]  # centred columns
    x_dom = [-SIZE, (len(sizes) - 1) * GAP + SIZE + 0.3]
    y_dom = [-(max(sizes) - 1) / 2 * VGAP - SIZE, (max(sizes) - 1) / 2 * VGAP + SIZE + 0.5]
    return ys, x_dom, y_dom, NET_PX / (x_dom[1] - x_dom[0])


@st.cache_data(show_spinner=False)
def network_spec(sizes: tuple[int, ...], lang: str) -> dict:
    _ys, x_dom, y_dom, px = _layout(sizes)
    x = alt.X("x:Q", scale=alt.Scale(domain=x_dom, nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=y_dom, nice=False, zero=False), axis=None)
    edge = alt.Chart(alt.Data(name="edges")).mark_rule(opacity=0.85).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q",
        color=alt.Color("w:Q", scale=alt.Scale(scheme={"name": "redblue", "extent": [0.12, 0.88]}, domainMid=0),
                        legend=None),
        strokeWidth=alt.StrokeWidth("aw:Q", scale=alt.Scale(range=[0.3, 7]), legend=None),
        tooltip=[alt.Tooltip("w:Q", format=".3f", title="w")]).transform_calculate(aw="abs(datum.w)")
    cell_px = SIZE * px / NEURON_RES + 0.6  # a little overlap: no gaps between the squares
    maps = alt.Chart(alt.Data(name="cells")).mark_square(size=cell_px ** 2, opacity=1).encode(
        x=x, y=y, color=alt.Color("v:Q", scale=RED_BLUE, legend=None))
    frames = alt.Chart(alt.Data(name="nodes")).mark_rect(fillOpacity=0).encode(
        x=alt.X("x0:Q", scale=alt.Scale(domain=x_dom, nice=False, zero=False), axis=None), x2="x1:Q",
        y=alt.Y("y0:Q", scale=alt.Scale(domain=y_dom, nice=False, zero=False), axis=None), y2="y1:Q",
        stroke=alt.condition("datum.dead", alt.value("black"), alt.value("#999")),
        strokeWidth=alt.condition("datum.dead", alt.value(3), alt.value(0.5)))
    text = alt.Chart(alt.Data(name="labels")).mark_text(fontSize=13, baseline="bottom").encode(
        x=x, y=y, text="text:N")
    chart = (edge + maps + frames + text).properties(width=NET_PX, height=int(round((y_dom[1] - y_dom[0]) * px)))
    return chart.to_dict()


def network_data(snap: dict) -> dict[str, pd.DataFrame]:
    """Every neuron's output map at its place in the network, and the weights as lines between them."""
    sizes = (2, *snap["width"], 1)
    ys, *_ = _layout(sizes)
    dead = [[False] * 2, *[list(d) for d in snap["dead_units"]], [False]]
    centres, _ = grid((-SIZE / 2, SIZE / 2), NEURON_RES)  # cell centres of one map, around its node
    cells = pd.DataFrame({
        "x": np.concatenate([layer * GAP + centres[:, 0] for layer, n in enumerate(sizes) for _ in range(n)]),
        "y": np.concatenate([ys[layer][j] + centres[:, 1] for layer, n in enumerate(sizes) for j in range(n)]),
        "v": np.concatenate([snap["neurons_scaled"][layer][:, j] for layer, n in enumerate(sizes) for j in range(n)])})
    nodes = [{"dead": bool(dead[layer][j]),
              "x0": layer * GAP - SIZE / 2, "x1": layer * GAP + SIZE / 2,
              "y0": ys[layer][j] - SIZE / 2, "y1": ys[layer][j] + SIZE / 2}
             for layer, n in enumerate(sizes) for j in range(n)]
    edges = [{"x": (layer - 1) * GAP + SIZE / 2, "x2": layer * GAP - SIZE / 2,
              "y": ys[layer - 1][i], "y2": ys[layer][j], "w": float(W[j, i])}
             for layer, W in enumerate(snap["weights"], start=1)
             for j in range(W.shape[0]) for i in range(W.shape[1])]
    labels = [{"x": layer * GAP, "y": ys[layer][0] + SIZE / 2 + 0.3,
               "text": t("p10a.input") if layer == 0 else t("p10a.output") if layer == len(sizes) - 1
               else t("p10a.layer", i=layer)} for layer in range(len(sizes))]
    return {"cells": cells, "nodes": pd.DataFrame(nodes), "edges": pd.DataFrame(edges), "labels": pd.DataFrame(labels)}


REGION_PX = 340


@st.cache_data(show_spinner=False)
def region_spec(view: tuple[float, float], lang: str) -> dict:
    scale = alt.Scale(domain=list(view), nice=False, zero=False)
    cell_px = REGION_PX / REGION_RES + 0.6
    image = alt.Chart(alt.Data(name="region")).mark_square(size=cell_px ** 2, opacity=0.85).encode(
        x=alt.X("x:Q", scale=scale, title="x₁"), y=alt.Y("y:Q", scale=scale, title="x₂"),
        color=alt.Color("p:Q", scale=alt.Scale(scheme="redblue", domain=[0, 1]), title="P(y=1)"))
    colour = alt.Scale(domain=["0", "1"], range=["#b2182b", "#2166ac"])
    train = t("p10a.train")
    dots = alt.Chart(alt.Data(name="points")).mark_point(size=30, strokeWidth=1.3, filled=False).encode(
        x=alt.X("x:Q", scale=scale), y=alt.Y("y:Q", scale=scale),
        color=alt.Color("label:N", scale=colour, title="y"),
        fill=alt.condition(f"datum.split == '{train}'", alt.Color("label:N", scale=colour, legend=None),
                           alt.value("white")))
    return (image + dots).resolve_scale(color="independent").properties(
        title=t("p10a.region"), width=REGION_PX, height=REGION_PX).to_dict()


def region_data(snap: dict, data) -> dict[str, pd.DataFrame]:
    centres, _ = grid(data.view, REGION_RES)  # the grid core evaluated the region on
    region = pd.DataFrame({"x": centres[:, 0], "y": centres[:, 1], "p": snap["region"]})
    points = pd.DataFrame({
        "x": np.concatenate([data.X_train[:, 0], data.X_test[:, 0]]),
        "y": np.concatenate([data.X_train[:, 1], data.X_test[:, 1]]),
        "label": np.concatenate([data.y_train, data.y_test]).astype(str),
        "split": [t("p10a.train")] * len(data.y_train) + [t("p10a.test")] * len(data.y_test)})
    return {"region": region, "points": points}


@st.cache_data(show_spinner=False)
def loss_spec(lang: str) -> dict:
    # points too: before the first epoch each curve is one point, which a bare line does not draw
    return alt.Chart(alt.Data(name="curves")).mark_line(point=True).encode(
        x=alt.X("epoch:Q", title=t("p10a.epoch"), axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("loss:Q", title=t("p10a.loss")),
        color=alt.Color("split:N", title=None, scale=alt.Scale(range=["#444", "#e6550d"]),
                        # one row above the plot; with the title and the axis that leaves the plot
                        # ~125 of the 320 px (Streamlit fits the whole chart into the height)
                        legend=alt.Legend(orient="top", direction="horizontal")),
    ).properties(title=t("p10a.curves"), height=320).to_dict()


def loss_data(curves: dict) -> dict[str, pd.DataFrame]:
    n = len(curves["epoch"])
    return {"curves": pd.DataFrame({
        "epoch": np.tile(curves["epoch"], 2), "loss": np.concatenate([curves["train_loss"], curves["test_loss"]]),
        "split": [t("p10a.train")] * n + [t("p10a.test")] * n})}


@st.cache_data(show_spinner=False)
def gradient_spec(lang: str) -> dict:
    return alt.Chart(alt.Data(name="grads")).mark_line(point=alt.OverlayMarkDef(size=80)).encode(
        x=alt.X("layer:N", title=t("p10a.weight_layer"), sort=None),
        y=alt.Y("norm:Q", title=t("p10a.grad_norm"), scale=alt.Scale(type="log")),
        tooltip=["layer:N", alt.Tooltip("norm:Q", format=".3e")]).properties(height=200).to_dict()


def gradient_data(snap: dict) -> dict[str, pd.DataFrame]:
    return {"grads": pd.DataFrame({"layer": [f"W{i}" for i in range(1, len(snap["grad_norm"]) + 1)],
                                   "norm": snap["grad_norm"]})}


def draw(spec: dict, datasets: dict[str, pd.DataFrame], width: str = "stretch") -> None:
    """A cached spec with this frame's data sets filled in."""
    st.vega_lite_chart({**spec, "datasets": datasets}, width=width)


# --------------------------------------------------------------------------- training fragment
# The buttons live inside the fragment: a click there reruns only the fragment, so it is never lost
# among the frames. Play and pause change the fragment's timer, which needs one full rerun.
@st.fragment(run_every=FRAME_S if ss.p10a_playing else None)
def training(timer_on: bool) -> None:
    b1, b2, b3, _ = st.columns([1, 1, 1, 3])
    # Play and pause are two buttons (two keys) that each *set* the state, never toggle it. With one
    # toggling button, about one pause in two restarted the animation moments later in a real browser
    # (the state flipped back, so the click reached a second run: Streamlit coalesces and replays
    # triggers while frames are queued); a second delivery of "pause" now changes nothing.
    if ss.p10a_playing:
        if b1.button(t("p10a.pause"), key="p10a_pause", type="primary", width="stretch", icon=":material/pause:"):
            ss.p10a_playing = False
    elif b1.button(t("p10a.play"), key="p10a_play", type="primary", width="stretch", icon=":material/play_arrow:"):
        ss.p10a_playing = True
    step = b2.button(t("p10a.step"), key="p10a_step", disabled=ss.p10a_playing, icon=":material/skip_next:",
                     width="stretch")
    b3.button(t("p10a.reset"), key="p10a_reset", on_click=reset, width="stretch", icon=":material/restart_alt:")
    if ss.p10a_playing != timer_on or "p10a_pg" not in ss:
        st.rerun()  # the whole page: a new timer (play/pause) or a new network (reset)
    pg: Playground = ss.p10a_pg
    if step:
        pg.run(1)
    elif ss.p10a_playing:
        pg.run(EPOCHS_PER_FRAME)
    snap = pg.snapshot(REGION_RES, NEURON_RES)
    m = st.columns(5)
    m[0].metric(t("p10a.epoch"), f"{snap['epoch']:,}")
    m[1].metric(t("p10a.train_loss"), number(snap["train_loss"], 4))
    m[2].metric(t("p10a.test_loss"), number(snap["test_loss"], 4))
    m[3].metric(t("p10a.train_acc"), f"{snap['train_acc']:.0%}")
    m[4].metric(t("p10a.test_acc"), f"{snap['test_acc']:.0%}")
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('p10a.diagram')}**")
        draw(network_spec((2, *snap["width"], 1), lang()), network_data(snap), width="content")
        st.caption(t("p10a.diagram_note"))
    with right:
        draw(region_spec(tuple(pg.data.view), lang()), region_data(snap, pg.data), width="content")
        draw(loss_spec(lang()), loss_data(pg.curves()))
    st.markdown(f"**{t('p10a.health')}**")
    g1, g2 = st.columns([2, 3])
    with g1:
        for i, (dead, width) in enumerate(zip(snap["dead"], snap["width"], strict=True), start=1):
            st.metric(t("p10a.dead", i=i), f"{dead} / {width}")
    with g2:
        draw(gradient_spec(lang()), gradient_data(snap))
    st.caption(t("p10a.health_note"))


training(ss.p10a_playing)

rule = Adam if optimizer == "adam" else SGD
f, df = ACTIVATIONS[activation]
show_code(MLP.forward, MLP.backward, MLP.train_step, f, df,
          *([batchnorm_forward, batchnorm_backward] if bn else []), Optimizer.step, rule.step,
          Playground.run, label=t("p10a.code"))
