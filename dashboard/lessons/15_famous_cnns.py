"""Page 15 · 유명한 CNN 모델: LeNet-5 … SENet from the registry, per-layer tables, the lecture's numbers beside ours.

Models come from ``core.cnn``'s registry (never a list kept here); tables from ``core.cnn.summarize``
on ``meta``-device models (shapes and counts without allocating weights); the lecture's printed
numbers and their comparisons from ``core.cnn.lecture_tables``.
"""
import time

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.cnn import lecture_extras as le
from core.cnn import lecture_tables as lt
from core.cnn import list_models, model_info, summarize
from core.serve.explain import explain
from core.serve.infer import load_model, models_dir, predict_image
from dashboard.ui import ROOT, erratum, header, show_code, t

EXAMPLES = ROOT / "demos" / "examples"

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
def lenet_rows() -> list[dict]:
    return lt.lenet5_rows()


@st.cache_data(show_spinner=False)
def inception_tables() -> tuple[dict, dict]:
    return lt.inception3a(), le.inception3a_reduction()


@st.cache_data(show_spinner=False)
def zfnet_tables() -> tuple[dict[str, list[dict]], dict[str, int], dict]:
    return ({v: le.zfnet_rows(v) for v in ("paper", "lecture")}, le.zfnet_totals(), le.zfnet_input_sizes())


@st.cache_data(show_spinner=False)
def se_fire() -> dict:
    return le.se_vs_fire()


@st.cache_data(show_spinner=False)
def lrn_example() -> tuple[np.ndarray, np.ndarray]:
    a = np.ones((7, 1, 1))
    a[3] = 100.0
    return a[:, 0, 0], le.local_response_norm(a)[:, 0, 0]


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
    rows = lenet_rows()
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
    conv2 = next(r["params"] for r in grouped if r["layer"] == "CONV2")
    erratum(t("p15.alex.err.said"), t("p15.alex.err.correct", conv2=f"{conv2:,}"), t("p15.alex.err.why"))
    erratum(t("p15.alex.fc.said"), t("p15.alex.fc.correct"), t("p15.alex.fc.why"))
    st.markdown(f"**{t('p15.alex.lrn.title')}**")
    st.latex(r"b^i_{x,y} = a^i_{x,y} \Big/ \Big(k + \alpha \sum_{j=\max(0,\, i-n/2)}^{\min(N-1,\, i+n/2)} "
             r"\big(a^j_{x,y}\big)^2\Big)^{\beta}")
    st.markdown(t("p15.alex.lrn.text"))
    before, after = lrn_example()
    st.dataframe(pd.DataFrame({t("p15.alex.lrn.channel"): range(1, len(before) + 1),
                               t("p15.alex.lrn.before"): before, t("p15.alex.lrn.after"): after}).set_index(
        t("p15.alex.lrn.channel")).T, column_config={c: st.column_config.NumberColumn(format="%.4f")
                                                      for c in range(1, len(before) + 1)})
    erratum(t("p15.alex.lrn.err.said"), t("p15.alex.lrn.err.correct"), t("p15.alex.lrn.err.why"))


def lecture_zfnet() -> None:
    rows, totals, sizes = zfnet_tables()
    labels = {"paper": t("p15.zf.paper"), "lecture": t("p15.zf.lecture")}
    variant = st.radio(t("p15.zf.variant"), list(labels), format_func=labels.get, horizontal=True,
                       key="p15_zf_variant")
    st.markdown(t("p15.zf.text"))
    st.dataframe(pd.DataFrame({t("p15.col.layer"): [r["layer"] for r in rows[variant]],
                               t("p15.our.map"): [shape_text(r["map"]) for r in rows[variant]],
                               t("p15.our.params"): [count(r["params"]) for r in rows[variant]]}), hide_index=True)
    st.metric(t("p15.zf.total"), f"{totals[variant]:,}")
    erratum(t("p15.zf.err.said"), t("p15.zf.err.correct"),
            t("p15.zf.err.why", at227=shape_text(sizes[le.ZFNET_TEXT_INPUT])))
    zfnet_where_it_looked()


@st.cache_resource(show_spinner=False)
def pets_model():
    """The committed pets model (ONNX Runtime, CPU), loaded once per process."""
    return load_model(models_dir() / "pets.json", ["CPUExecutionProvider"])


@st.cache_data(show_spinner=False)
def where_it_looked(photo: str) -> tuple[np.ndarray, np.ndarray, str, float, float]:
    """CAM and occlusion overlays of one example photo (uint8 RGB arrays), the answer, and their times."""
    model = pets_model()
    r = predict_image(model, EXAMPLES / photo)
    t0 = time.perf_counter()
    cam = explain(model, r, method="cam")
    t1 = time.perf_counter()
    occ = explain(model, r, method="occlusion", grid=5)
    t2 = time.perf_counter()
    return np.asarray(cam), np.asarray(occ), r.label, 1000 * (t1 - t0) + r.ms, 1000 * (t2 - t1)


@st.fragment
def zfnet_where_it_looked() -> None:
    """ZFNet's occlusion experiment beside the one-pass class activation map, on the trained pets model."""
    st.markdown(t("p15.zf.look.text"))
    photos = sorted(p.name for p in EXAMPLES.glob("*.jpg"))
    if not photos or not (models_dir() / "pets.json").exists():
        st.info(t("p15.zf.look.none"))
        return
    photo = st.selectbox(t("p15.zf.look.photo"), photos, key="p15_zf_photo")
    cam, occ, label_, cam_ms, occ_ms = where_it_looked(photo)
    c1, c2 = st.columns(2)
    c1.image(cam, caption=t("p15.zf.look.cam", label=label_, ms=f"{cam_ms:.0f}"), width="stretch")
    c2.image(occ, caption=t("p15.zf.look.occ", ms=f"{occ_ms:.0f}"), width="stretch")


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
    erratum(t("p15.vgg.err.said"), t("p15.vgg.err.correct", total=f"{tot['activations']:,}",
                                     mb=f"{tot['bytes'] / MB:.0f}"),
            t("p15.vgg.explain", total=f"{tot['activations']:,}", mb=f"{tot['bytes'] / MB:.0f}",
              printed=tot["lecture_printed_total"], printed_mb=tot["lecture_printed_memory_mb"],
              rows_sum=f"{tot['sum_of_printed_rows'] / 1e6:.1f}M"))
    erratum(t("p15.vgg.plus.said"), t("p15.vgg.plus.correct"), t("p15.vgg.plus.why", plus=3 * 3 * 3 + 64))
    st.markdown(t("p15.vgg.weights", weights=f"{tot['weights']:,}", params=f"{tot['params']:,}",
                  printed=tot["lecture_printed_params"]))
    vgg_stacks()


@st.fragment
def vgg_stacks() -> None:
    st.markdown(f"**{t('p15.stack.title')}**")
    st.markdown(t("p15.stack.text"))
    c = st.select_slider(t("p15.stack.c"), options=[1, 3, 64, 128, 256, 512], value=64, key="p15_stack_c")
    rows = le.vgg_stacks(int(c))
    st.dataframe(pd.DataFrame({
        t("p15.stack.layers"): [r["layers"] for r in rows],
        t("p15.stack.field"): [f"{r['field']}×{r['field']}" for r in rows],
        t("p15.stack.stacked"): [f"{r['stacked_coef']}C² = {r['stacked']:,}" for r in rows],
        t("p15.stack.single"): [f"{r['single_coef']}C² = {r['single']:,}" for r in rows],
        t("p15.stack.ratio"): [f"{r['ratio']:.2f}" for r in rows]}), hide_index=True)


def lecture_googlenet() -> None:
    inc, red = inception_tables()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("p15.inc.shape"), f"{shape_text(inc['in'])} → {shape_text(inc['out'])}")
    c2.metric(t("p15.inc.weights"), f"{inc['conv_weights']:,}", help=t("p15.inc.weights_help"))
    c3.metric(t("p15.inc.macs"), f"{inc['macs']:,}")
    erratum(t("p15.inc.err.said", lecture_k=inc["lecture_weights"]),
            t("p15.inc.err.correct", weights=f"{inc['conv_weights']:,}", k1000=f"{inc['conv_weights'] / 1000:.1f}"),
            t("p15.inc.note", k=f"{inc['conv_weights_k']:.1f}", lecture_k=inc["lecture_weights"],
              m=f"{inc['macs_m']:.1f}", lecture_m=inc["lecture_macs"]))
    st.markdown(f"**{t('p15.inc.red.title')}**")
    st.markdown(t("p15.inc.red.text"))
    st.dataframe(pd.DataFrame({
        t("p15.inc.red.case"): [t("p15.inc.red.with"), t("p15.inc.red.without")],
        t("p15.inc.red.weights"): [f"{red[k]['weights']:,}" for k in ("with", "without")],
        t("p15.inc.red.macs"): [f"{red[k]['macs']:,}" for k in ("with", "without")]}), hide_index=True)
    st.markdown(t("p15.inc.red.saving", x=f"{red['saving']['macs']:.2f}"))


def lecture_resnet() -> None:
    erratum(t("p15.res.err.said"), t("p15.res.err.correct"), t("p15.res.err.why"))


LECTURE = {"lenet5": lecture_lenet, "alexnet": lecture_alexnet, "zfnet": lecture_zfnet, "vgg16": lecture_vgg16,
           "googlenet": lecture_googlenet, **{n: lecture_resnet for n in list_models(famous=True)
                                              if model_info(n).family == "ResNet"}}

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


# --------------------------------------------------------------------------- SE block vs fire module
st.subheader(t("p15.fire.title"))
erratum(t("p15.fire.err.said"), t("p15.fire.err.correct"), t("p15.fire.err.why"))
st.markdown(t("p15.fire.text"))
st.latex(r"\text{fire}(x) = \mathrm{ReLU}\Big(\big[\,\mathrm{conv}_{1\times1}(s) \;\|\; \mathrm{conv}_{3\times3}(s)\,\big]\Big),"
         r"\quad s = \mathrm{ReLU}\big(\mathrm{conv}_{1\times1}^{\text{squeeze}}(x)\big)")
sf = se_fire()
f1, f2 = st.columns(2)
f1.metric(t("p15.fire.se"), f"{sf['se']['params']:,}")
f2.metric(t("p15.fire.fire"), f"{sf['fire']['params']:,}")

show_code(summarize, lt.parameter_rows, lt.vgg16_activation_totals, le.zfnet_rows, le.vgg_stacks,
          le.inception3a_reduction, le.se_vs_fire)
from dashboard.ui import self_check; self_check("15")  # noqa: E402, E702, I001 (one appended line: check yourself)
