"""Page 15a · CNN 들여다보기: the trained digit CNNs (the committed LeNet-5 and the modern ``mnist`` net)
opened up on the learner's own digit — every feature map of every layer, the learned first-layer
kernels, pooling, the flattened vector, the softmax, and one feature-map cell written out as the
convolution sum of page 14 with the real kernel numbers.

Every number comes from ``core.serve.layers`` (the committed ONNX file with all intermediate outputs,
preprocessed by the card exactly as the demo does); the page only draws.

Input choice (issue 15): ``streamlit-drawable-canvas`` 0.13.0 (PyPI, 2026-09; requires Streamlit ≥ 1.53,
built on Components v2) works with the pinned Streamlit 1.67: installed into a scratch folder on
``PYTHONPATH`` (not the project's environment), ``tests/browser/test_explainer_browser.py`` draws a 7 with
the mouse in Chromium and LeNet-5 reads 7. It is not (yet) a pinned requirement, so the page uses it
*when it is importable* ("Draw" is then the first input) and otherwise offers what always works: the
demo's example images, an MNIST test digit (from ``$DL_DATA_DIR``) and ``st.file_uploader`` for a
photo or scan of a handwritten digit.
"""
from __future__ import annotations

import time

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.serve.layers import LayerExplainer, colorize, open_model, tile
from core.serve.preprocess import PreprocessError
from dashboard.ui import ROOT, header, number, show_code, t

try:  # optional: see the module docstring
    from streamlit_drawable_canvas import st_canvas
except ImportError:  # pragma: no cover - depends on the environment
    st_canvas = None

MODELS = ("lenet5", "mnist")
EXAMPLES = sorted((ROOT / "demos" / "examples").glob("digit_*.png"))


@st.cache_resource(show_spinner=False)
def explainer(name: str) -> LayerExplainer:
    return open_model(ROOT / "models" / f"{name}.json")


@st.cache_data(show_spinner=False)
def mnist_test() -> tuple[np.ndarray, np.ndarray] | None:
    """The MNIST test set as uint8 (10000, 28, 28) and labels, or None when the data is not here."""
    from core.pipeline.data import DataNotFoundError, mnist_arrays

    try:
        return mnist_arrays(train=False)
    except (DataNotFoundError, OSError, RuntimeError):
        return None


def map_scale(width: int) -> int:
    """Enlargement of one map in the grids: about 56 px wide, at most 8× (1×1 maps stay small)."""
    return max(1, min(56 // width, 8))


def op_label(op: str) -> str:
    try:
        return t(f"p15a.op.{op}")
    except KeyError:
        return op


def shape_text(a: np.ndarray) -> str:
    return "×".join(str(s) for s in a.shape)


def gray(x2d: np.ndarray, scale: int) -> np.ndarray:
    """A (H, W) model input as an enlarged grey RGB picture (min → black, max → white)."""
    lo, hi = float(x2d.min()), float(x2d.max())
    g = ((x2d - lo) / (hi - lo + 1e-12) * 255).round().astype(np.uint8)
    g = g.repeat(scale, axis=0).repeat(scale, axis=1)
    return np.stack([g] * 3, axis=-1)


def outline(img: np.ndarray, box: tuple[int, int, int, int], scale: int, color=(255, 200, 0)) -> np.ndarray:
    """Draw rows [r0, r1) × cols [c0, c1) (model-input pixels) as a 2-px frame on an enlarged picture."""
    r0, r1, c0, c1 = (v * scale for v in box)
    out = img.copy()
    h, w = out.shape[:2]
    r1, c1 = min(r1, h), min(c1, w)
    for a, b in ((r0, r0 + 2), (r1 - 2, r1)):
        out[max(a, 0):max(b, 0), c0:c1] = color
    for a, b in ((c0, c0 + 2), (c1 - 2, c1)):
        out[r0:r1, max(a, 0):max(b, 0)] = color
    return out


def heat(arr: np.ndarray, title: str, size: int = 30, digits: int = 2) -> alt.Chart:
    """A small numeric grid with its numbers written in (diverging colours around 0)."""
    rows, cols = np.indices(arr.shape)
    df = pd.DataFrame({"row": rows.ravel(), "col": cols.ravel(), "value": arr.ravel()})
    df["label"] = [f"{v + 0.0:.{digits}f}" for v in df["value"]]  # fixed: no 4.38e-03 in a small cell
    m = float(np.abs(arr).max()) or 1.0
    df["dark"] = df["value"].abs() > m / 2
    base = alt.Chart(df).encode(x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None))
    rect = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme="redblue", domain=[m, -m]), legend=None),
        tooltip=["row", "col", "value"])
    text = base.mark_text(fontSize=9).encode(
        text="label:N", color=alt.condition("datum.dark", alt.value("white"), alt.value("black")))
    h, w = arr.shape
    return alt.layer(rect, text).properties(title=title, width=size * w, height=size * h)


def input_image(source: str):
    """The image chosen with the current input source (None: nothing to show yet)."""
    if source == "draw":
        st.caption(t("p15a.draw_hint"))
        res = st_canvas(stroke_width=18, stroke_color="#FFFFFF", background_color="#000000",
                        height=224, width=224, drawing_mode="freedraw", return_image_data=True,
                        key="p15a_canvas")
        return None if res is None or res.image_data is None else res.image_data
    if source == "mnist":
        data = mnist_test()
        if data is None:
            st.warning(t("p15a.no_mnist"))
            return None
        images, labels = data
        c1, c2 = st.columns([3, 1])
        idx = c1.number_input(t("p15a.mnist_index"), 0, len(images) - 1, key="p15a_mnist_idx")
        c2.button(t("p15a.mnist_random"), key="p15a_mnist_random", on_click=_random_digit,
                  args=(len(images),))
        st.caption(t("p15a.mnist_label", label=int(labels[int(idx)])))
        return images[int(idx)]
    if source == "example":
        names = {p.name: p for p in EXAMPLES}
        pick = st.selectbox(t("p15a.example"), list(names), key="p15a_example")
        return names[pick]
    up = st.file_uploader(t("p15a.upload"), type=["png", "jpg", "jpeg", "webp", "bmp"], key="p15a_upload")
    return None if up is None else up.getvalue()


def _random_digit(n: int) -> None:
    st.session_state["p15a_mnist_idx"] = int(np.random.default_rng().integers(n))


header("15a")

# --------------------------------------------------------------------------- input and model
sources = (["draw"] if st_canvas is not None else []) + ["example", "mnist", "upload"]
left, right = st.columns([2, 3])
with left:
    # labels looked up now, in this run's language: a widget may call format_func outside the run
    model_labels = {m: t(f"p15a.model.{m}") for m in MODELS}
    source_labels = {s: t(f"p15a.source.{s}") for s in sources}
    name = st.segmented_control(t("p15a.model"), MODELS, default="lenet5", key="p15a_model",
                                format_func=model_labels.get) or "lenet5"
    source = st.radio(t("p15a.source"), sources, key="p15a_source", horizontal=True,
                      format_func=source_labels.get)
    image = input_image(source)
if image is None:
    right.info(t("p15a.need_input"))
    st.stop()

ex = explainer(name)
t0 = time.perf_counter()
try:
    run = ex.run(image)
except PreprocessError as err:
    right.warning(err.message_ko if st.session_state.get("lang", "ko") == "ko" else err.message_en)
    st.stop()
maps = ex.maps()
tiles = {n.output: tile(run.values[n.output], scale=map_scale(run.values[n.output].shape[-1])) for n in maps}
total_ms = 1000 * (time.perf_counter() - t0)

x_in = run.values["input"][0]  # (H, W) the normalised model input
pred = int(np.argmax(run.probs))
with right:
    a, b, c = st.columns(3)
    a.image(gray(x_in, 4), caption=t("p15a.input_caption", shape=shape_text(x_in)))
    b.metric(t("p15a.prediction"), str(pred))
    b.caption(t("p15a.confidence", p=f"{100 * run.probs[pred]:.1f}"))
    c.metric(t("p15a.time"), f"{total_ms:.0f} ms")
    st.caption(t("p15a.time_note", pre=f"{run.ms['preprocess']:.0f}", run=f"{run.ms['run']:.1f}",
                 n=len(maps)))

# --------------------------------------------------------------------------- first-layer kernels
first = ex.convs()[0]
kernels = ex.first_kernels()  # (F, C_in, k, k)
st.subheader(t("p15a.kernels.title"))
st.markdown(t("p15a.kernels.text", f=kernels.shape[0], k=kernels.shape[-1]))
k1, k2 = st.columns([2, 3])
k1.image(tile(kernels[:, 0], scale=12, gap=2),
         caption=t("p15a.kernels.caption", f=kernels.shape[0], k=kernels.shape[-1]))
kf = k2.slider(t("p15a.kernels.pick"), 0, kernels.shape[0] - 1, 0, key="p15a_kernel")
k2.altair_chart(heat(kernels[kf, 0], t("p15a.kernels.numbers", i=kf), size=34), width="content")

# --------------------------------------------------------------------------- every feature map
st.subheader(t("p15a.maps.title"))
st.markdown(t("p15a.maps.text"))
for i, n in enumerate(maps, start=1):
    v = run.values[n.output]
    cols = st.columns([1, 4])
    cols[0].markdown(f"**{i}. {op_label(n.op)}**  \n{shape_text(v)}  \n"
                     + t("p15a.maps.range", lo=number(float(v.min()), 2), hi=number(float(v.max()), 2)))
    cols[1].image(tiles[n.output])

# --------------------------------------------------------------------------- pooling
pools = [n for n in maps if n.op in ("MaxPool", "AveragePool")]
if pools:
    st.subheader(t("p15a.pool.title"))
    pool = pools[0]
    before, after = run.values[pool.input], run.values[pool.output]
    st.markdown(t(f"p15a.pool.text.{pool.op}", k=pool.kernel[0], s=pool.stride[0],
                  before=shape_text(before), after=shape_text(after)))
    pc = st.slider(t("p15a.pool.channel"), 0, before.shape[0] - 1, 0, key="p15a_pool_ch")
    lim = float(np.abs(before[pc]).max())
    p1, p2, _ = st.columns([2, 2, 1])
    p1.image(tile(before[pc:pc + 1], scale=8, limit=lim), caption=f"{shape_text(before[pc])}")
    p2.image(tile(after[pc:pc + 1], scale=16, limit=lim), caption=f"{shape_text(after[pc])}")

# --------------------------------------------------------------------------- one cell as a sum
st.subheader(t("p15a.cell.title"))
st.markdown(t("p15a.cell.text"))
convs = ex.convs()
labels = {c.output: f"{i + 1}. {op_label('Conv')} → {shape_text(run.values[c.output])}"
          for i, c in enumerate(convs)}
s1, s2, s3, s4 = st.columns(4)
layer = s1.selectbox(t("p15a.cell.layer"), list(labels), key="p15a_cell_layer", format_func=labels.get)
fmap = run.values[layer]
ch = s2.number_input(t("p15a.cell.channel"), 0, fmap.shape[0] - 1, 0, key=f"p15a_cell_ch_{layer}")
row = s3.number_input(t("p15a.cell.row"), 0, fmap.shape[1] - 1, fmap.shape[1] // 2, key=f"p15a_cell_row_{layer}")
col = s4.number_input(t("p15a.cell.col"), 0, fmap.shape[2] - 1, fmap.shape[2] // 2, key=f"p15a_cell_col_{layer}")
cell = ex.conv_cell(run, layer, int(ch), int(row), int(col))
r0, r1, c0, c1 = cell["field"]

f1, f2 = st.columns([1, 2])
with f1:
    f1.image(outline(gray(x_in, 6), cell["field"], 6),
             caption=t("p15a.cell.field", h=r1 - r0, w=c1 - c0, r0=r0, r1=r1 - 1, c0=c0, c1=c1 - 1))
    fm_pic = outline(tile(fmap[int(ch):int(ch) + 1], scale=max(1, 112 // fmap.shape[-1]), gap=0),
                     (int(row), int(row) + 1, int(col), int(col) + 1), max(1, 112 // fmap.shape[-1]))
    f1.image(fm_pic, caption=t("p15a.cell.map", c=int(ch), r=int(row), q=int(col)))
with f2:
    c_in = cell["patch"].shape[0]
    ic = 0
    if c_in > 1:
        order = np.argsort(-np.abs(cell["per_channel"]))
        ic = st.selectbox(t("p15a.cell.in_channel", n=c_in), list(range(c_in)), key=f"p15a_cell_ic_{layer}",
                          index=int(order[0]))
    st.altair_chart(alt.hconcat(
        heat(cell["patch"][ic], t("p15a.cell.patch", c=ic), size=26),
        heat(cell["kernel"][ic], t("p15a.cell.kernel", c=ic), size=26),
        heat(cell["products"][ic], t("p15a.cell.products"), size=26),
    ).resolve_scale(color="independent"), width="content")
    st.markdown(t("p15a.cell.channel_sum", c=ic, s=number(float(cell["per_channel"][ic]), 4)))

sums = " + ".join(number(float(s), 3) for s in cell["per_channel"][:8]) + (" + …" if c_in > 8 else "")
st.latex(r"\sum_{c}\sum_{u,v} X_p[c,\, i s + u,\, j s + v]\, K[c, u, v] + b")
st.markdown(t("p15a.cell.sum", sums=sums, bias=number(cell["bias"], 4), total=number(cell["total"], 5),
              value=number(cell["value"], 5), n=c_in))

# --------------------------------------------------------------------------- flatten and softmax
flat_node = ex.flatten_node()
v1, v2 = st.columns(2)
if flat_node is not None:
    vec = run.values[flat_node.output]
    with v1:
        st.subheader(t("p15a.flat.title"))
        st.markdown(t("p15a.flat.text", n=vec.size))
        st.altair_chart(alt.Chart(pd.DataFrame({"i": np.arange(vec.size), "value": vec})).mark_bar().encode(
            x=alt.X("i:Q", title=t("p15a.flat.index")), y=alt.Y("value:Q", title=t("p15a.flat.value")),
            color=alt.condition("datum.value > 0", alt.value("#b2182b"), alt.value("#2166ac")),
            tooltip=["i", "value"]).properties(height=220), width="stretch")
with v2:
    st.subheader(t("p15a.softmax.title"))
    st.markdown(t("p15a.softmax.text"))
    probs = pd.DataFrame({"digit": [str(i) for i in range(run.probs.size)], "p": run.probs,
                          "logit": run.logits.astype(float)})
    st.altair_chart(alt.Chart(probs).mark_bar().encode(
        x=alt.X("digit:N", sort=None, title=t("p15a.softmax.digit"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("p:Q", title=t("p15a.softmax.p"), scale=alt.Scale(domain=[0, 1])),
        color=alt.condition(f"datum.digit == '{pred}'", alt.value("#15803d"), alt.value("#94a3b8")),
        tooltip=["digit", "p", "logit"]).properties(height=220), width="stretch")
st.latex(r"p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}")

# colour key for every picture above
st.image(colorize(np.linspace(-1, 1, 200)[None].repeat(8, axis=0)), caption=t("p15a.colors"), width=300)

show_code(LayerExplainer.run_input, LayerExplainer.conv_cell, LayerExplainer.receptive_field, tile)
