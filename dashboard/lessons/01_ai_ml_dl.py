"""Page 1 · 인공지능 · 머신러닝 · 딥러닝: how the three fields nest, weak vs strong AI, the three kinds
of learning with examples, and the workflow of a machine-learning project.

A page of ideas, not numbers: nothing is computed here, so there is no ``core`` call to show.
"""
import altair as alt
import pandas as pd
import streamlit as st

from dashboard.ui import erratum, header, t

header("01")
erratum(t("p01.err.ml.lecture"), t("p01.err.ml.correct"), t("p01.err.ml.why"))

# ---------------------------------------------------------------- AI ⊃ ML ⊃ DL
st.subheader(t("p01.nest.header"))
SIDE = 360  # px; the circles are drawn in a 10×10 data square mapped onto SIDE×SIDE pixels
px = SIDE / 10
circles = pd.DataFrame({
    "field": [t("p01.nest.ai"), t("p01.nest.ml"), t("p01.nest.dl")],
    "examples": [t("p01.nest.ai.ex"), t("p01.nest.ml.ex"), t("p01.nest.dl.ex")],
    "x": [5.0, 5.0, 5.0],
    "y": [5.0, 4.0, 3.0],   # concentric would hide the labels: each inner circle sits lower
    "r": [4.8, 3.6, 2.2],
})
circles["area"] = 3.14159 * (circles["r"] * px) ** 2  # mark_circle's size is an area in px²
circles["label_y"] = circles["y"] + circles["r"] - 0.8
scale = alt.Scale(domain=[0, 10])
base = alt.Chart(circles).encode(x=alt.X("x:Q", scale=scale, axis=None), tooltip=["field", "examples"])
disks = base.mark_circle(opacity=0.85, stroke="white", strokeWidth=2).encode(
    y=alt.Y("y:Q", scale=scale, axis=None),
    size=alt.Size("area:Q", scale=None, legend=None),
    color=alt.Color("field:N", legend=None, sort=None,
                    scale=alt.Scale(range=["#bfdbfe", "#60a5fa", "#1d4ed8"])))
labels = base.mark_text(fontSize=15, fontWeight="bold").encode(
    y=alt.Y("label_y:Q", scale=scale), text="field:N",
    color=alt.condition(alt.datum.r < 3, alt.value("white"), alt.value("#1e3a8a")))
left, right = st.columns([1, 1])
with left:
    st.altair_chart((disks + labels).properties(width=SIDE, height=SIDE).configure_view(stroke=None),
                    width="content")
    st.caption(t("p01.nest.caption"))
with right:
    st.markdown(f"**{t('p01.weak.header')}**")
    st.info(f"**{t('p01.weak.title')}**  \n{t('p01.weak.body')}")
    st.warning(f"**{t('p01.strong.title')}**  \n{t('p01.strong.body')}")

# ---------------------------------------------------------------- three kinds of learning
st.subheader(t("p01.types.header"))
KINDS = ("supervised", "unsupervised", "reinforcement")
kind = st.segmented_control(t("p01.types.pick"), options=KINDS, default="supervised", key="p01_type",
                            format_func=lambda k: t(f"p01.type.{k}")) or "supervised"
st.markdown(t(f"p01.type.{kind}.desc"))
examples = t(f"p01.type.{kind}.examples").split("\n")  # one example per line
c1, c2 = st.columns([1, 3])
c1.metric(t("p01.types.count"), len(examples))
c2.markdown(f"**{t('p01.types.data')}:** {t(f'p01.type.{kind}.data')}")
c2.markdown(f"**{t('p01.types.examples')}**\n" + "".join(f"\n- {e}" for e in examples))

# ---------------------------------------------------------------- workflow
st.subheader(t("p01.flow.header"))
st.markdown(t("p01.flow.body"))
steps = ("collect", "prepare", "model", "train", "evaluate", "deploy")
dot = ["digraph flow {", "  rankdir=LR;",
       '  node [shape=box, style="rounded,filled", fillcolor="#dbeafe", fontname="Helvetica"];']
dot += [f'  {s} [label="{t("p01.flow." + s)}"];' for s in steps]
dot += [f"  {a} -> {b};" for a, b in zip(steps[:-1], steps[1:], strict=True)]
dot.append(f'  evaluate -> model [style=dashed, color="#dc2626", label="{t("p01.flow.retry")}", '
           'fontcolor="#dc2626", constraint=false];')
dot.append("}")
st.graphviz_chart("\n".join(dot))
from dashboard.ui import self_check; self_check("01")  # noqa: E402, E702, I001 (one appended line: check yourself)
