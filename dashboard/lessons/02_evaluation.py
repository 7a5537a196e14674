"""Page 2 · 모델 평가: an editable confusion matrix (starting at the lecture's COVID test kit), the metrics
computed from it, and a ROC curve of two adjustable score distributions with a movable threshold.

Every number comes from ``core.ml.metrics`` and ``core.ml.lecture_data``; the page only shapes frames for Altair.
"""
import altair as alt
import pandas as pd
import streamlit as st

from core.ml.lecture_data import covid_confusion
from core.ml.metrics import (
    binary_metrics,
    confusion_totals,
    operating_point,
    roc_auc,
    roc_curve,
    simulate_scores,
)
from dashboard.ui import erratum, header, number, show_code, t

N_PER_CLASS = 200  # people per class in the simulated score distributions
METRICS = ("accuracy", "precision", "recall", "specificity", "f1", "fpr")

header("02")

# ---------------------------------------------------------------- confusion matrix
st.subheader(t("p02.cm.header"))
st.markdown(t("p02.cm.body"))
COVID = covid_confusion()
for cell, count in COVID.items():  # defaults live in session state so the reset button can restore them
    st.session_state.setdefault(f"p02_{cell}", count)


def reset_to_lecture() -> None:
    for cell, count in covid_confusion().items():
        st.session_state[f"p02_{cell}"] = count


grid, heat_col = st.columns([3, 2])
with grid:
    corner, neg_col, pos_col = st.columns([1.2, 2, 2])
    neg_col.markdown(f"**{t('p02.cm.pred_neg')}**")
    pos_col.markdown(f"**{t('p02.cm.pred_pos')}**")
    for actual, (left_cell, right_cell) in (("neg", ("tn", "fp")), ("pos", ("fn", "tp"))):
        corner, neg_col, pos_col = st.columns([1.2, 2, 2])
        corner.markdown(f"**{t(f'p02.cm.actual_{actual}')}**")
        for col, cell in ((neg_col, left_cell), (pos_col, right_cell)):
            col.number_input(t(f"p02.cm.{cell}"), min_value=0, max_value=10_000, step=1, key=f"p02_{cell}")
    st.button(t("p02.cm.reset"), key="p02_reset", on_click=reset_to_lecture)
counts = {cell: int(st.session_state[f"p02_{cell}"]) for cell in COVID}
with heat_col:
    cells = pd.DataFrame({
        "actual": [t("p02.cm.actual_neg")] * 2 + [t("p02.cm.actual_pos")] * 2,
        "predicted": [t("p02.cm.pred_neg"), t("p02.cm.pred_pos")] * 2,
        "name": ["TN", "FP", "FN", "TP"],
        "count": [counts["tn"], counts["fp"], counts["fn"], counts["tp"]],
        "correct": [True, False, False, True],
    })
    cells["label"] = cells["name"] + " = " + cells["count"].astype(str)
    base = alt.Chart(cells).encode(
        x=alt.X("predicted:N", sort=None, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelFontSize=12, labelLimit=250)),
        y=alt.Y("actual:N", sort=None, title=None, axis=alt.Axis(labelFontSize=13)))
    heat = base.mark_rect(stroke="white", strokeWidth=3).encode(
        color=alt.Color("correct:N", legend=None, scale=alt.Scale(domain=[True, False],
                                                                  range=["#86efac", "#fca5a5"])),
        opacity=alt.Opacity("count:Q", legend=None, scale=alt.Scale(range=[0.35, 1])))
    text = base.mark_text(fontSize=18, fontWeight="bold").encode(text="label:N")
    st.altair_chart((heat + text).properties(height=220), width="stretch")

if sum(counts.values()) == 0:
    st.warning(t("p02.cm.empty"))
else:
    scores = binary_metrics(**counts)
    for col, name in zip(st.columns(len(METRICS)), METRICS, strict=True):
        col.metric(t(f"p02.m.{name}"), number(scores[name], 3))
st.latex(r"\text{Accuracy} = \frac{TP + TN}{TP + TN + FP + FN},\quad "
         r"\text{Precision} = \frac{TP}{TP + FP},\quad \text{Recall} = \frac{TP}{TP + FN}")
st.latex(r"F_1 = 2\,\frac{\text{Precision}\cdot\text{Recall}}{\text{Precision} + \text{Recall}},\quad "
         r"\text{FPR} = \frac{FP}{FP + TN} = 1 - \text{Specificity}")
st.markdown(t("p02.m.explain"))

# ---------------------------------------------------------------- the lecture's glosses, corrected
st.markdown(f"**{t('p02.err.header')}**")
lecture_counts = COVID | confusion_totals(**COVID)  # always the lecture's matrix, whatever is edited above
for gloss in ("accuracy", "recall"):
    erratum(t(f"p02.err.{gloss}.lecture"), t(f"p02.err.{gloss}.correct", **lecture_counts),
            t(f"p02.err.{gloss}.why", **lecture_counts))

# ---------------------------------------------------------------- ROC curve
st.subheader(t("p02.roc.header"))
st.markdown(t("p02.roc.body", n=N_PER_CLASS))
c1, c2, c3, c4 = st.columns(4)
mu_neg = c1.slider(t("p02.roc.mu_neg"), -3.0, 3.0, 0.0, 0.1, key="p02_mu_neg")
sd_neg = c2.slider(t("p02.roc.sd_neg"), 0.2, 3.0, 1.0, 0.1, key="p02_sd_neg")
mu_pos = c3.slider(t("p02.roc.mu_pos"), -3.0, 3.0, 1.5, 0.1, key="p02_mu_pos")
sd_pos = c4.slider(t("p02.roc.sd_pos"), 0.2, 3.0, 1.0, 0.1, key="p02_sd_pos")
threshold = st.slider(t("p02.roc.threshold"), -5.0, 6.0, 0.75, 0.05, key="p02_threshold")

y_true, score = simulate_scores(N_PER_CLASS, N_PER_CLASS, mu_neg, mu_pos, sd_neg, sd_pos, seed=0)
fpr, tpr, _ = roc_curve(y_true, score)
auc = roc_auc(y_true, score)
point = operating_point(y_true, score, threshold)

m1, m2, m3, m4 = st.columns(4)
m1.metric(t("p02.roc.auc"), number(auc, 3))
m2.metric(t("p02.m.recall"), number(point["recall"], 3))
m3.metric(t("p02.m.fpr"), number(point["fpr"], 3))
m4.metric(t("p02.m.precision"), number(point["precision"], 3))
st.caption(t("p02.roc.counts", **{k: point[k] for k in ("tn", "fp", "fn", "tp")}))

hist_col, roc_col = st.columns(2)
with hist_col:
    samples = pd.DataFrame({"score": score,
                            "truth": [t("p02.roc.pos") if y else t("p02.roc.neg") for y in y_true]})
    colors = alt.Scale(domain=[t("p02.roc.neg"), t("p02.roc.pos")], range=["#2563eb", "#dc2626"])
    hist = alt.Chart(samples).mark_bar(opacity=0.5, binSpacing=0).encode(
        x=alt.X("score:Q", bin=alt.Bin(maxbins=40), title=t("p02.roc.score")),
        y=alt.Y("count():Q", stack=None, title=t("p02.roc.count")),
        color=alt.Color("truth:N", scale=colors, title=t("p02.roc.class")))
    rule = alt.Chart(pd.DataFrame({"x": [threshold]})).mark_rule(color="black", strokeWidth=2,
                                                                 strokeDash=[6, 3]).encode(x="x:Q")
    st.altair_chart((hist + rule).properties(height=320), width="stretch")
with roc_col:
    curve = pd.DataFrame({"fpr": fpr, "tpr": tpr})
    fpr_axis = alt.X("fpr:Q", title=t("p02.roc.fpr_axis"), scale=alt.Scale(domain=[0, 1]))
    tpr_axis = alt.Y("tpr:Q", title=t("p02.roc.tpr_axis"), scale=alt.Scale(domain=[0, 1]))
    roc = alt.Chart(curve).mark_line(color="#7c3aed", interpolate="step-after").encode(x=fpr_axis, y=tpr_axis)
    diagonal = alt.Chart(pd.DataFrame({"fpr": [0, 1], "tpr": [0, 1]})).mark_line(
        color="gray", strokeDash=[4, 4]).encode(x=fpr_axis, y=tpr_axis)
    here = alt.Chart(pd.DataFrame({"fpr": [point["fpr"]], "tpr": [point["recall"]],
                                   "what": [t("p02.roc.here")]})).mark_point(
        size=180, filled=True, color="black").encode(x=fpr_axis, y=tpr_axis, tooltip=["what", "fpr", "tpr"])
    st.altair_chart((roc + diagonal + here).properties(height=320), width="stretch")
st.latex(r"\text{TPR} = \frac{TP}{TP + FN},\quad \text{FPR} = \frac{FP}{FP + TN},\quad "
         r"\text{AUC} = \int_0^1 \text{TPR}\; d(\text{FPR})")

show_code(binary_metrics, confusion_totals, roc_curve, roc_auc, operating_point, simulate_scores)
from dashboard.ui import self_check; self_check("02")  # noqa: E402, E702, I001 (one appended line: check yourself)
