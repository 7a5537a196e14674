"""Page 8 · 딥러닝과 프레임워크: why deep learning took off, CNNs vs RNNs (weight sharing, counted), the three
frameworks of the lecture (TensorFlow, Keras, PyTorch; the lecture's "TensorFlow = static graph" corrected),
define-and-run vs define-by-run shown with a real autograd graph, and why GPUs — a matrix-multiply timing.

All numbers come from ``core.ml.frameworks``; the timing runs only when the button is pressed (cached).
"""
import altair as alt
import pandas as pd
import streamlit as st

from core.ml.frameworks import (
    EXPRESSION_LATEX,
    EXPRESSIONS,
    autograd_graph,
    available_devices,
    conv2d_params,
    dense_params,
    machine_name,
    matmul_timings,
    rnn_params,
    to_dot,
)
from dashboard.ui import erratum, header, number, show_code, t

EMBED = 32  # size of one word vector fed to the RNN

header("08")

# ---------------------------------------------------------------- why now
st.subheader(t("p08.why.header"))
for col, key in zip(st.columns(3), ("data", "gpu", "algo"), strict=True):
    col.markdown(f"#### {t(f'p08.why.{key}')}")
    col.markdown(t(f"p08.why.{key}.body"))

# ---------------------------------------------------------------- CNN vs RNN
st.subheader(t("p08.nets.header"))
st.markdown(t("p08.nets.body"))
cnn_col, rnn_col = st.columns(2)
with cnn_col:
    st.markdown(f"**{t('p08.nets.cnn')}**")
    st.markdown(t("p08.nets.cnn.body"))
    side = st.select_slider(t("p08.nets.side"), options=[28, 32, 64, 128, 224], value=32, key="p08_side")
    filters = st.select_slider(t("p08.nets.filters"), options=[8, 16, 32, 64], value=16, key="p08_filters")
with rnn_col:
    st.markdown(f"**{t('p08.nets.rnn')}**")
    st.markdown(t("p08.nets.rnn.body"))
    st.latex(r"h_t = \tanh(W_x x_t + W_h h_{t-1} + b)")
    length = st.select_slider(t("p08.nets.length"), options=[10, 50, 100, 500, 1000], value=50, key="p08_length")
    hidden = st.select_slider(t("p08.nets.hidden"), options=[16, 32, 64, 128], value=64, key="p08_hidden")
same, grows = t("p08.nets.same"), t("p08.nets.grows")
st.dataframe(pd.DataFrame([
    (t("p08.nets.conv", f=filters), conv2d_params(3, filters, 3), same),
    (t("p08.nets.dense_img", side=side, f=filters), dense_params(side * side * 3, filters), grows),
    (t("p08.nets.rnn_layer", e=EMBED, h=hidden), rnn_params(EMBED, hidden), same),
    (t("p08.nets.dense_seq", T=length, e=EMBED, h=hidden), dense_params(length * EMBED, hidden), grows),
], columns=[t("p08.nets.col.layer"), t("p08.nets.col.params"), t("p08.nets.col.grows")]),
    hide_index=True, width="stretch")

# ---------------------------------------------------------------- static vs dynamic
st.subheader(t("p08.graph.header"))
erratum(t("p08.err.tf.lecture"), t("p08.err.tf.correct"), t("p08.err.tf.why"))
left, right = st.columns(2)
with left:
    st.markdown(f"**{t('p08.static.title')}**")
    st.markdown(t("p08.static.body"))
    st.code("# TensorFlow 1.x\nx = tf.placeholder(tf.float32)\nw = tf.Variable(2.0); b = tf.Variable(1.0)\n"
            "y = tf.square(w * x + b)          # nothing is computed yet\n"
            "grads = tf.gradients(y, [w, b])\n"
            "with tf.Session() as sess:        # now run the graph\n"
            "    sess.run(tf.global_variables_initializer())\n"
            "    print(sess.run([y, grads], feed_dict={x: 3.0}))", language="python")
with right:
    st.markdown(f"**{t('p08.dynamic.title')}**")
    st.markdown(t("p08.dynamic.body"))
    st.code("# PyTorch\nx = torch.tensor(3.0)\nw = torch.tensor(2.0, requires_grad=True)\n"
            "b = torch.tensor(1.0, requires_grad=True)\n"
            "y = (w * x + b) ** 2              # computed now, graph recorded\n"
            "print(y, y.grad_fn)               # 49., <PowBackward0>\n"
            "y.backward()\nprint(w.grad, b.grad)             # 42., 14.", language="python")

st.subheader(t("p08.keras.header"))
st.markdown(t("p08.keras.body"))
keras_col, torch_col = st.columns(2)
keras_col.code("# Keras (tf.keras, or Keras 3 on any backend)\nimport keras\nfrom keras import layers\n\n"
               "model = keras.Sequential([\n    keras.Input(shape=(28, 28, 1)),\n"
               "    layers.Conv2D(16, 3, padding=\"same\", activation=\"relu\"),\n"
               "    layers.MaxPooling2D(2),\n    layers.Flatten(),\n    layers.Dense(10, activation=\"softmax\"),\n])\n"
               "model.compile(optimizer=\"adam\", loss=\"sparse_categorical_crossentropy\",\n"
               "              metrics=[\"accuracy\"])\nmodel.fit(x_train, y_train, epochs=5, batch_size=32)",
               language="python")
torch_col.code("# PyTorch: the same network, the loop written out\nimport torch\nfrom torch import nn\n\n"
               "model = nn.Sequential(\n    nn.Conv2d(1, 16, 3, padding=\"same\"), nn.ReLU(),\n"
               "    nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * 14 * 14, 10),\n)\n"
               "opt = torch.optim.Adam(model.parameters())\nfor epoch in range(5):\n"
               "    for x, y in loader:                 # mini-batches of 32\n"
               "        loss = nn.functional.cross_entropy(model(x), y)\n"
               "        opt.zero_grad(); loss.backward(); opt.step()", language="python")

st.subheader(t("p08.autograd.header"))
st.markdown(t("p08.autograd.body"))
controls, graph_col = st.columns([1, 2])
with controls:
    expr = st.selectbox(t("p08.expr"), options=list(EXPRESSIONS), key="p08_expr",
                        format_func=lambda e: t(f"p08.expr.{e}"))
    w = st.slider("w", -3.0, 3.0, 2.0, 0.5, key="p08_w")
    x = st.slider("x", -3.0, 3.0, 3.0, 0.5, key="p08_x")
    b = st.slider("b", -3.0, 3.0, 1.0, 0.5, key="p08_b")
graph = autograd_graph(expr, w=w, x=x, b=b)
with graph_col:
    st.latex(EXPRESSION_LATEX[expr])
    st.graphviz_chart(to_dot(graph))
cols = st.columns(4)
cols[0].metric(t("p08.value"), number(graph.value))
cols[1].metric(t("p08.grad", name="w"), number(graph.grads["w"]))
cols[2].metric(t("p08.grad", name="b"), number(graph.grads["b"]))
cols[3].metric(t("p08.nodes"), len(graph.op_names()))

# ---------------------------------------------------------------- why GPUs
st.subheader(t("p08.gpu.header"))
st.markdown(t("p08.gpu.body"))
st.latex(r"C = A\,B,\quad A, B \in \mathbb{R}^{n\times n}:\quad 2n^3\ \text{FLOPs},\qquad "
         r"\text{GFLOP/s} = \frac{2n^3}{t \cdot 10^9}")
st.caption(t("p08.machine", name=machine_name()))
if "torch-cuda" not in available_devices():
    st.info(t("p08.no_gpu"))


@st.cache_data(show_spinner=True)
def timings(sizes: tuple[int, ...]) -> list[dict]:
    return matmul_timings(sizes, repeats=5)


sizes = st.multiselect(t("p08.sizes"), options=[32, 64, 128, 256, 512, 1024, 2048],
                       default=[64, 128, 256, 512], key="p08_sizes")
if st.button(t("p08.run"), key="p08_run", type="primary", disabled=not sizes):
    st.session_state["p08_result"] = timings(tuple(sorted(sizes)))
rows = st.session_state.get("p08_result")
if rows is None:
    st.caption(t("p08.press"))
else:
    df = pd.DataFrame(rows)
    df["ms"] = df["seconds"] * 1e3
    chart = alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("size:O", title=t("p08.col.size"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("gflops:Q", title=t("p08.col.gflops"), scale=alt.Scale(type="log")),
        color=alt.Color("device:N", title=t("p08.col.device")),
        tooltip=["device", "size", alt.Tooltip("ms:Q", format=".3f"), alt.Tooltip("gflops:Q", format=".1f")])
    st.altair_chart(chart, width="stretch")
    table = df.pivot(index="size", columns="device", values="ms")
    st.dataframe(table.style.format("{:.3f}"), width="stretch")
    st.caption(t("p08.col.ms"))

show_code(conv2d_params, rnn_params, dense_params, autograd_graph, to_dot, EXPRESSIONS[expr], matmul_timings)
from dashboard.ui import self_check; self_check("08")  # noqa: E402, E702, I001 (one appended line: check yourself)
