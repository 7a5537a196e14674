"""Page 15 · 유명한 CNN 모델: LeNet-5 … SENet from the registry, per-layer tables, the lecture's numbers beside ours.

Models come from ``core.cnn``'s registry (never a list kept here); tables from ``core.cnn.summarize``
on ``meta``-device models (shapes and counts without allocating weights); the lecture's printed
numbers and their comparisons from ``core.cnn.lecture_tables``.
"""
import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.cnn import lecture_tables as lt
from core.cnn import list_models, model_info, summarize
from dashboard.ui import header, show_code, t

MB = 1e6  # decimal megabytes, as the lecture writes memory
KB = 1e3


@st.cache_data(show_spinner=False)
def summary_of(name: str) -> tuple[list[dict], dict]:
    """Per-layer rows and totals of ``name`` at its paper's input size (cached per model)."""
    s = summarize(lt.meta_model(name), model_info(name).input_shape)
    return s.to_dicts(), s.totals()


@st.cache_data(show_spinner=False)
def parameter_rows() -> list[dict]:
    return lt.parameter_rows()


@st.cache_data(show_spinner=False)
def vgg16_tables() -> tuple[list[dict], dict]:
    return lt.vgg16_activation_rows(), lt.vgg16_activation_totals()


@st.cache_data(show_spinner=False)
def alexnet_tables() -> tuple[list[dict], list[dict]]:
    return lt.alexnet_rows(groups=1), lt.alexnet_rows(groups=2)


@st.cache_data(show_spinner=False)
def lenet5_table() -> list[dict]:
    return lt.lenet5_rows()


@st.cache_data(show_spinner=False)
def inception_block() -> dict:
    return lt.inception3a()


def label(name: str) -> str:
    info = model_info(name)
    return f"{info.family} · {name} ({info.year})" if info.year else f"{info.family} · {name}"


def shape_text(shape) -> str:
    return "×".join(str(s) for s in shape) if shape else "—"


def count(value) -> str:
    """A count with thousands separators; '—' where the lecture prints nothing."""
    return "—" if value is None else f"{value:,}"


def macs_text(macs: int) -> str:
    return f"{macs / 1e9:,.2f} G" if macs >= 1e9 else f"{macs / 1e6:,.1f} M"


def layer_table(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame({
        t("p15.col.layer"): [r["name"] for r in rows],
        t("p15.col.type"): [r["type"] for r in rows],
        t("p15.col.shape"): [shape_text(r["output_shape"]) for r in rows],
        t("p15.col.params"): [r["params"] for r in rows],
        t("p15.col.memory"): [r["activation_bytes"] / KB for r in rows],
        t("p15.col.macs"): [r["macs"] for r in rows],
    })


def lecture_lenet() -> None:
    rows = lenet5_table()
    st.dataframe(pd.DataFrame({t("p15.col.layer"): [r["layer"] for r in rows],
                               t("p15.lec.params"): [count(r["lecture_params"]) for r in rows],
                               t("p15.our.params"): [count(r["params"]) for r in rows],
                               t("p15.lec.size"): [count(r["lecture_size"]) for r in rows],
                               t("p15.our.size"): [count(r["size"]) for r in rows]}), hide_index=True)
    st.markdown(t("p15.lec.lenet"))


@st.fragment
def lecture_alexnet() -> None:
    """The grouped/ungrouped toggle reruns only this table (a fragment), not the page."""
    ungrouped, grouped = alexnet_tables()
    groups = st.toggle(t("p15.alex.groups"), key="p15_groups")
    rows = grouped if groups else ungrouped
    df = pd.DataFrame({t("p15.col.layer"): [r["layer"] for r in rows],
                       t("p15.lec.map"): [shape_text(r["lecture_map"]) for r in rows],
                       t("p15.our.map"): [shape_text(r["map"]) for r in rows],
                       t("p15.lec.params"): [count(r["lecture_params"]) for r in rows],
                       t("p15.our.params"): [count(r["params"]) for r in rows]})
    st.dataframe(df, hide_index=True)
    c1, c2 = st.columns(2)
    c1.metric(t("p15.alex.total_lecture"), f"{sum(r['lecture_params'] for r in rows):,}")
    c2.metric(t("p15.alex.total_ours"), f"{sum(r['params'] for r in rows):,}")
    st.markdown(t("p15.alex.note"))


def lecture_vgg16() -> None:
    rows, tot = vgg16_tables()
    df = pd.DataFrame({t("p15.col.layer"): [r["layer"] for r in rows],
                       t("p15.col.shape"): [shape_text(r["shape"]) for r in rows],
                       t("p15.lec.act"): [r["lecture_activations"] for r in rows],
                       t("p15.our.act"): [count(r["activations"]) for r in rows],
                       t("p15.lec.weights"): [count(r["lecture_weights"]) for r in rows],
                       t("p15.our.weights"): [count(r["weights"]) for r in rows]})
    st.dataframe(df, hide_index=True)
    c1, c2, c3 = st.columns(3)
    c1.metric(t("p15.vgg.printed"), f"{tot['lecture_printed_total']} ≈ {tot['lecture_printed_memory_mb']} MB")
    c2.metric(t("p15.vgg.true"), f"{tot['activations']:,}")
    c3.metric(t("p15.vgg.bytes"), f"{tot['bytes'] / MB:,.1f} MB")
    st.warning(t("p15.vgg.explain", total=f"{tot['activations']:,}", mb=f"{tot['bytes'] / MB:.0f}",
                 printed=tot["lecture_printed_total"], printed_mb=tot["lecture_printed_memory_mb"],
                 rows_sum=f"{tot['sum_of_printed_rows'] / 1e6:.1f}M"))
    st.markdown(t("p15.vgg.weights", weights=f"{tot['weights']:,}", params=f"{tot['params']:,}",
                  printed=tot["lecture_printed_params"]))


def lecture_googlenet() -> None:
    inc = inception_block()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("p15.inc.shape"), f"{shape_text(inc['in'])} → {shape_text(inc['out'])}")
    c2.metric(t("p15.inc.weights"), f"{inc['conv_weights']:,}", help=t("p15.inc.weights_help"))
    c3.metric(t("p15.inc.macs"), f"{inc['macs']:,}")
    st.markdown(t("p15.inc.note", k=f"{inc['conv_weights_k']:.1f}", lecture_k=inc["lecture_weights"],
                  m=f"{inc['macs_m']:.1f}", lecture_m=inc["lecture_macs"]))


LECTURE = {"lenet5": lecture_lenet, "alexnet": lecture_alexnet, "vgg16": lecture_vgg16,
           "googlenet": lecture_googlenet}

header("15")

# --------------------------------------------------------------------------- one model
names = list_models(famous=True)
name = st.selectbox(t("p15.pick"), names, key="p15_model", format_func=label)
info = model_info(name)
st.markdown(t("p15.info", family=info.family, year=info.year or "—", paper=info.paper or "—",
              shape=shape_text(info.input_shape)))
with st.spinner(t("p15.computing")):
    rows, totals = summary_of(name)
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("p15.total_params"), f"{totals['params']:,}")
m2.metric(t("p15.total_macs"), macs_text(totals["macs"]))
m3.metric(t("p15.total_memory"), f"{totals['activation_bytes'] / MB:,.1f} MB")
m4.metric(t("p15.n_rows"), len(rows))
st.latex(r"\text{params}_\text{conv} = (k \cdot k \cdot C_\text{in} / g + 1)\, C_\text{out}, \qquad "
         r"\text{memory} = 4\,\text{B} \times C H W")
st.latex(r"\text{MACs}_\text{conv} = C_\text{out} H_\text{out} W_\text{out} \cdot k \cdot k \cdot C_\text{in} / g")
st.dataframe(layer_table(rows), hide_index=True, height=360, column_config={
    t("p15.col.params"): st.column_config.NumberColumn(format="localized"),
    t("p15.col.macs"): st.column_config.NumberColumn(format="localized"),
    t("p15.col.memory"): st.column_config.NumberColumn(format="%.1f KB")})
st.caption(t("p15.table_note"))

reference = {r["model"]: r for r in parameter_rows()}[name]
if reference["params"] != totals["params"]:
    st.caption(t("p15.aux_note", total=f"{totals['params']:,}", without=f"{reference['params']:,}"))

st.subheader(t("p15.lecture.title"))
if name in LECTURE:
    LECTURE[name]()
c1, c2 = st.columns(2)
c1.metric(t("p15.lec.total"), f"{reference['reference']:,}" if reference["reference"] else "—")
c2.metric(t("p15.our.total"), f"{reference['params']:,}")

# --------------------------------------------------------------------------- all models
st.subheader(t("p15.year.title"))
st.markdown(t("p15.year.text"))
prows = pd.DataFrame(parameter_rows())
# the chosen model's outline colour as data ("transparent" for the others), and channel objects
# rather than shorthands or alt.condition: Altair parses and schema-validates each of those
prows["ring"] = np.where(prows["model"] == name, "black", "transparent")
points = alt.Chart(prows).mark_point(filled=True, size=120).encode(
    x=alt.X("year:Q", scale=alt.Scale(zero=False), axis=alt.Axis(format="d"), title=t("p15.year.year")),
    y=alt.Y("params:Q", scale=alt.Scale(type="log"), axis=alt.Axis(format="~s"), title=t("p15.year.params")),
    color=alt.Color("family:N", title=t("p15.year.family")),
    stroke=alt.Stroke("ring:N", scale=None), strokeWidth=alt.StrokeWidthValue(2),
    tooltip=[alt.Tooltip("model:N"), alt.Tooltip("family:N"), alt.Tooltip("year:Q"),
             alt.Tooltip("params:Q", format=",")])
labels = alt.Chart(prows).mark_text(align="left", dx=8, dy=-6, fontSize=11).encode(
    x=alt.X("year:Q"), y=alt.Y("params:Q", scale=alt.Scale(type="log")), text=alt.Text("model:N"))
st.altair_chart((points + labels).properties(height=380), width="stretch")
st.markdown(t("p15.year.note"))

# --------------------------------------------------------------------------- blocks
st.subheader(t("p15.blocks.title"))
st.markdown(t("p15.blocks.inception"))
st.latex(r"y = \big[\,f_{1\times1}(x) \;\|\; f_{3\times3}(f_{1\times1}(x)) \;\|\; "
         r"f_{5\times5}(f_{1\times1}(x)) \;\|\; f_{1\times1}(\mathrm{pool}(x))\,\big]")
st.markdown(t("p15.blocks.residual"))
st.latex(r"y = \mathrm{ReLU}\big(F(x) + x\big), \qquad \frac{\partial y}{\partial x} = "
         r"\frac{\partial F}{\partial x} + I")
st.markdown(t("p15.blocks.se"))
st.latex(r"z_c = \frac{1}{HW}\sum_{i,j} u_{c,i,j}, \qquad s = \sigma\big(W_2\, \mathrm{ReLU}(W_1 z)\big), "
         r"\qquad \tilde u_c = s_c\, u_c")

show_code(summarize, lt.parameter_rows, lt.vgg16_activation_totals)
