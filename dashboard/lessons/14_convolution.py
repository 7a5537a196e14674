"""Page 14 · 합성곱 연산: the sliding window of a convolution, its output size and parameter count, pooling.

Every number comes from ``core.nn.conv``; the page only reshapes arrays into tidy frames for Altair.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.cnn.lecture_extras import (
    GAP_LECTURE,
    KERAS_CONV2D_ARGS,
    gap_vs_flatten,
    keras_gap_model,
    keras_output_size,
    same_padding,
)
from core.nn.conv import (
    KERNELS,
    avg_pool2d,
    conv2d,
    conv2d_steps,
    conv_output_size,
    conv_params,
    global_avg_pool,
    max_pool2d,
)
from dashboard.ui import header, lang, number, show_code, t

# The lecture's pooling example (4×4, pool 2, stride 2 → max [[6, 8], [3, 4]]).
POOL_EXAMPLE = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]], dtype=float)


def default_input(n: int) -> np.ndarray:
    """A bright square on a dark background: edges that the presets visibly react to."""
    img = np.zeros((n, n))
    lo, hi = n // 4, n - n // 4
    img[lo:hi, lo:hi] = 9.0
    return img


def cells(arr: np.ndarray) -> pd.DataFrame:
    """A 2-D array as one row per cell (row, col, value) for Altair's rect/text marks."""
    rows, cols = np.indices(arr.shape)
    return pd.DataFrame({"row": rows.ravel(), "col": cols.ravel(), "value": arr.ravel()})


def grid_chart(arr: np.ndarray, title: str, box: tuple[int, int, int, int] | None = None,
               scheme: str = "blues", size: int = 34) -> alt.Chart:
    """Heatmap with the numbers written in; ``box = (top, left, kh, kw)`` outlines a window."""
    df = cells(arr)
    # NaN = not computed yet; "+ 0.0" turns −0.0 into 0.0 so no "-0" is printed
    df["label"] = ["" if np.isnan(v) else number(v + 0.0, 2) for v in df["value"]]
    diverging = scheme == "purpleorange"  # products can be negative: colour around 0, dark at both ends
    lo, hi = np.nanmin(arr, initial=0.0), np.nanmax(arr, initial=0.0)
    dark = (df["value"].abs() > max(-lo, hi) / 2) if diverging else (df["value"] > (lo + hi) / 2)
    df["ink"] = np.where(dark, "white", "black")  # the text colour as data: lighter than alt.condition
    h, w = arr.shape
    x = alt.X("col:O", axis=None)
    y = alt.Y("row:O", axis=None)
    base = alt.Chart(df).encode(x=x, y=y)
    heat = base.mark_rect(stroke="white").encode(
        color=alt.Color("value:Q", scale=alt.Scale(scheme=scheme, domainMid=0) if diverging
                        else alt.Scale(scheme=scheme), legend=None),
        tooltip=[alt.Tooltip("row:O"), alt.Tooltip("col:O"), alt.Tooltip("value:Q")])
    # The text colour is a column mapped through an identity scale. Not scale=None: Vega-Lite accepts
    # it, but the chart then draws nothing at all in Streamlit 1.67 (every grid on this page was blank).
    text = base.mark_text(fontSize=11).encode(text=alt.Text("label:N"), color=alt.Color(
        "ink:N", scale=alt.Scale(domain=["black", "white"], range=["black", "white"]), legend=None))
    layers = [heat, text]
    if box is not None:
        r, c, kh, kw = box
        win = cells(np.zeros((kh, kw)))
        win["row"] += r
        win["col"] += c
        layers.append(alt.Chart(win).mark_rect(fill=None, stroke="#d62728", strokeWidth=3)
                      .encode(x=x, y=y))
    return alt.layer(*layers).properties(title=title, width=size * w, height=size * h)


@st.cache_resource(show_spinner=False)
def pooling_charts(language: str) -> alt.HConcatChart:
    """The lecture's 4×4 pooling example, max and average: the same for every visitor, so built once
    per process and language (``language`` is the cache key; the titles are translated)."""
    x4 = POOL_EXAMPLE[None, None]  # (1, 1, 4, 4)
    return alt.hconcat(
        grid_chart(POOL_EXAMPLE, t("p14.pool.input"), scheme="greys", size=40),
        grid_chart(max_pool2d(x4, 2)[0, 0], t("p14.pool.max"), scheme="oranges", size=40),
        grid_chart(avg_pool2d(x4, 2)[0, 0], t("p14.pool.avg"), scheme="teals", size=40),
    ).resolve_scale(color="independent")


def kernel_label(name: str) -> str:
    """Translated preset name; a preset added to ``core.nn.conv.KERNELS`` later shows its own key."""
    try:
        return t(f"p14.kernel.{name}")
    except KeyError:
        return name


header("14")


# --------------------------------------------------------------------------- convolution
def sliding_window(x2d: np.ndarray, k2d: np.ndarray, padding: int, steps: list[dict], out: np.ndarray,
                   out_size: int) -> None:
    """The step slider and everything it moves (inside the convolution fragment)."""
    step_no = st.slider(t("p14.step"), 1, len(steps), len(steps), key="p14_step")  # start complete, drag back
    cur = steps[step_no - 1]
    padded = np.pad(x2d, padding)  # only for display: the window is drawn on the zero-padded input

    m1, m2, m3 = st.columns(3)
    m1.metric(t("p14.position"), f"({cur['row']}, {cur['col']})")
    m2.metric(t("p14.value"), number(float(cur["value"]), 3))
    m3.metric(t("p14.out_size"), f"{out_size} × {out_size}")

    partial = np.full(out.shape, np.nan)
    done = np.array([[s["row"], s["col"]] for s in steps[:step_no]])  # (step_no, 2)
    partial[done[:, 0], done[:, 1]] = [s["value"] for s in steps[:step_no]]
    charts = alt.hconcat(
        grid_chart(padded, t("p14.chart.input"), box=(cur["top"], cur["left"], *k2d.shape)),
        grid_chart(np.asarray(cur["product"], dtype=float), t("p14.chart.product"), scheme="purpleorange"),
        grid_chart(partial, t("p14.chart.output"), box=(cur["row"], cur["col"], 1, 1), scheme="greens"),
    ).resolve_scale(color="independent")
    st.altair_chart(charts, width="content")
    st.markdown(t("p14.step_sum", value=number(float(cur["value"]), 3)))


@st.fragment
def convolution_section() -> None:
    """Size, kernel, stride, padding, the editable grids and the step slider: their changes rerun
    only this section (a fragment), not the formulas and pooling below."""
    st.subheader(t("p14.conv.title"))
    st.markdown(t("p14.conv.text"))
    st.latex(r"(X * K)[i, j] = \sum_{u=0}^{k-1} \sum_{v=0}^{k-1} X_p[i s + u,\; j s + v]\, K[u, v]")

    c1, c2, c3, c4 = st.columns(4)
    n = c1.slider(t("p14.size"), 4, 8, 6, key="p14_n")
    # Labels are looked up now, in this run's language: the widget may call format_func outside the run.
    kernel_labels = {name: kernel_label(name) for name in KERNELS}
    preset = c2.selectbox(t("p14.kernel"), list(KERNELS), key="p14_kernel", format_func=kernel_labels.get,
                          index=list(KERNELS).index("edge") if "edge" in KERNELS else 0)
    stride = c3.slider(t("p14.stride"), 1, 3, 1, key="p14_stride")
    padding = c4.slider(t("p14.padding"), 0, 2, 0, key="p14_padding")

    e1, e2 = st.columns(2)
    with e1:
        st.caption(t("p14.edit_input"))
        x2d = st.data_editor(pd.DataFrame(default_input(n)), key=f"p14_input_{n}",
                             hide_index=True).to_numpy(dtype=float)  # (n, n)
    with e2:
        st.caption(t("p14.edit_kernel"))
        k2d = st.data_editor(pd.DataFrame(np.asarray(KERNELS[preset], dtype=float)), key=f"p14_k_{preset}",
                             hide_index=True).to_numpy(dtype=float)  # (k, k)
    k = k2d.shape[0]

    try:
        out_size = conv_output_size(n, k, stride=stride, padding=padding)
    except ValueError as err:
        st.error(str(err))
        return

    steps = list(conv2d_steps(x2d, k2d, stride=stride, padding=padding))
    out = conv2d(x2d[None, None], k2d[None, None], stride=stride, padding=padding)[0, 0]  # (out, out)

    sliding_window(x2d, k2d, padding, steps, out, out_size)
    st.latex(rf"n_\text{{out}} = \left\lfloor \frac{{n - k + 2p}}{{s}} \right\rfloor + 1 "
             rf"= \left\lfloor \frac{{{n} - {k} + 2 \cdot {padding}}}{{{stride}}} \right\rfloor + 1 = {out_size}")
    # here, not in the pooling section below: a change in this fragment does not rerun the page
    st.metric(t("p14.gap.output"), number(float(np.ravel(global_avg_pool(out[None, None]))[0]), 4))


convolution_section()

# --------------------------------------------------------------------------- formulas
st.subheader(t("p14.formulas.title"))
st.markdown(t("p14.formulas.text"))
@st.fragment
def calculators() -> None:
    """Output-size and parameter calculators: their number inputs rerun only this fragment."""
    f1, f2 = st.columns(2)
    with f1:
        a, b, c, d = st.columns(4)
        fn = a.number_input("n", 1, 1024, 227, key="p14_fn")
        fk = b.number_input("k", 1, 64, 11, key="p14_fk")
        fs = c.number_input("s", 1, 16, 4, key="p14_fs")
        fp = d.number_input("p", 0, 32, 0, key="p14_fp")
        try:
            size = conv_output_size(int(fn), int(fk), stride=int(fs), padding=int(fp))
            st.latex(rf"\left\lfloor \frac{{{fn} - {fk} + 2 \cdot {fp}}}{{{fs}}} \right\rfloor + 1 = {size}")
            st.metric(t("p14.calc_size"), f"{size} × {size}")
        except ValueError as err:
            st.error(str(err))
    with f2:
        a, b, c = st.columns(3)
        cin = a.number_input(t("p14.cin"), 1, 2048, 3, key="p14_cin")
        ks = b.number_input(t("p14.ksize"), 1, 15, 11, key="p14_ksize")
        filters = c.number_input(t("p14.filters"), 1, 2048, 96, key="p14_filters")
        n_params = conv_params(int(cin), int(ks), int(filters))
        st.latex(r"(k \cdot k \cdot C_\text{in} + 1) \cdot F")
        st.latex(rf"({ks} \cdot {ks} \cdot {cin} + 1) \cdot {filters} = {n_params:,}".replace(",", "{,}"))
        st.metric(t("p14.params"), f"{n_params:,}")


calculators()

# --------------------------------------------------------------------------- pooling
st.subheader(t("p14.pool.title"))
st.markdown(t("p14.pool.text"))
x4 = POOL_EXAMPLE[None, None]  # (1, 1, 4, 4)
gap = global_avg_pool(x4)
st.altair_chart(pooling_charts(lang()), width="content")
st.latex(r"\mathrm{GAP}(X)_c = \frac{1}{HW} \sum_{i,j} X_{c,i,j}")
st.metric(t("p14.gap.example"), number(float(np.ravel(gap)[0]), 4))
st.markdown(t("p14.gap.text"))

# --------------------------------------------------------------------------- Keras
LENET_C1 = {"input_shape": "(32, 32, 1)", "filters": "6", "kernel_size": "(5, 5)", "padding": "'valid'",
            "activation": "'tanh'"}


@st.cache_data(show_spinner=False)
def gap_summary() -> list[tuple]:
    return keras_gap_model()


@st.fragment
def keras_section() -> None:
    st.subheader(t("p14.keras.title"))
    st.markdown(t("p14.keras.text"))
    st.dataframe(pd.DataFrame({t("p14.keras.arg"): [f"{i + 1}. {a}" for i, a in enumerate(KERAS_CONV2D_ARGS)],
                               t("p14.keras.meaning"): [t(f"p14.keras.{a}") for a in KERAS_CONV2D_ARGS],
                               t("p14.keras.example"): [LENET_C1[a] for a in KERAS_CONV2D_ARGS]}), hide_index=True)
    st.code("Conv2D(filters=6, kernel_size=(5, 5), padding='valid', activation='tanh', input_shape=(32, 32, 1))",
            language="python")
    st.markdown(t("p14.keras.pad_text"))
    a, b, c = st.columns(3)
    kn = a.number_input("n", 1, 512, 32, key="p14_keras_n")
    kk = b.number_input("k", 1, 15, 5, key="p14_keras_k")
    ks = c.number_input("s", 1, 8, 1, key="p14_keras_s")
    m1, m2, m3 = st.columns(3)
    try:
        m1.metric(t("p14.keras.valid"), keras_output_size(int(kn), int(kk), int(ks), "valid"))
    except ValueError as err:
        m1.error(str(err))
    m2.metric(t("p14.keras.same"), keras_output_size(int(kn), int(kk), int(ks), "same"))
    m3.metric(t("p14.keras.same_pad"), same_padding(int(kk)))


keras_section()

st.subheader(t("p14.gapk.title"))
rows = gap_summary()
st.dataframe(pd.DataFrame({
    t("p14.gapk.layer"): [f"{name} ({kind})" for name, kind, *_ in rows],
    t("p14.gapk.shape"): [str(shape) for _, _, shape, _, _ in rows],
    t("p14.gapk.params"): [f"{params:,}" for _, _, _, params, _ in rows],
    t("p14.gapk.shown"): ["✓" if shown else "" for *_, shown in rows]}), hide_index=True)
st.markdown(t("p14.gapk.text"))
gvf = gap_vs_flatten()
k1, k2, k3 = st.columns(3)
k1.metric(t("p14.gapk.total"), f"{sum(r[3] for r in rows):,}", help=f"{GAP_LECTURE['total']:,}")
k2.metric(t("p14.gapk.gap"), f"{gvf['gap']:,}")
k3.metric(t("p14.gapk.flatten"), f"{gvf['flatten']:,}")

show_code(conv2d, conv2d_steps, conv_output_size, conv_params, max_pool2d, avg_pool2d, global_avg_pool,
          keras_output_size, keras_gap_model)
from dashboard.ui import self_check; self_check("14")  # noqa: E402, E702, I001 (one appended line: check yourself)
