"""Page 16 · 우리 모델: the committed models' cards, a live mini-training of an MNIST net, the demo link.

Cards are read and validated by ``core.serve.card``; which models exist is ``core.pipeline.models``; the
live training is ``core.pipeline.mini_train``; the MNIST arrays come from ``core.pipeline.data``. The models
folder is ``core.serve.infer.models_dir()`` (``$DL_MODELS_DIR``, else ``models/``).
"""
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from core.cnn import list_models, model_info
from core.pipeline.data import DataNotFoundError, data_root, mnist_arrays
from core.pipeline.mini_train import mini_train
from core.pipeline.models import MODELS
from core.serve.card import load_card
from core.serve.infer import models_dir
from dashboard.ui import demo_url, header, lang, number, show_code, t


def load_cards(folder: Path) -> tuple[list[dict], dict[str, str]]:
    """Every valid card in ``folder`` and, per broken file, the reason.

    Cards are ordered by task, the task's default model first, then by name.
    """
    cards, errors = [], {}
    for path in sorted(folder.glob("*.json")):
        try:
            cards.append(load_card(path))
        except ValueError as err:
            errors[path.name] = str(err)
    return sorted(cards, key=lambda c: (c["task"], not c["default"], c["name"])), errors


def digit_nets() -> list[str]:
    """Registered single-channel networks (the MNIST-sized ones), LeNet-5 first: it learns fastest."""
    nets = [n for n in list_models() if model_info(n).input_shape[0] == 1]
    return sorted(nets, key=lambda n: n != "lenet5")


@st.cache_resource(show_spinner=False)
def mnist(root: str, train: bool) -> tuple[np.ndarray, np.ndarray]:
    """MNIST as uint8 arrays, cached per data root (``$DL_DATA_DIR`` may differ between runs)."""
    return mnist_arrays(train=train, root=root)


def confusion_chart(card: dict) -> alt.Chart:
    names = [c["display"][lang()] for c in card["classes"]]
    cm = np.asarray(card["metrics"]["test"]["confusion_matrix"])  # (K, K): rows true, columns predicted
    true, pred = np.indices(cm.shape)
    df = pd.DataFrame({"true": np.array(names)[true.ravel()], "pred": np.array(names)[pred.ravel()],
                       "count": cm.ravel(),
                       # white text on the dark half of the symlog colour scale
                       "dark": np.log1p(cm.ravel()) > np.log1p(cm.max()) / 2})
    base = alt.Chart(df).encode(x=alt.X("pred:N", sort=names, title=t("p16.cm.pred")),
                                y=alt.Y("true:N", sort=names, title=t("p16.cm.true")))
    heat = base.mark_rect().encode(color=alt.Color("count:Q", scale=alt.Scale(type="symlog", scheme="blues"),
                                                   legend=None), tooltip=["true", "pred", "count"])
    text = base.mark_text(fontSize=10).encode(
        text="count:Q", color=alt.condition("datum.dark", alt.value("white"), alt.value("black")))
    side = max(160, 34 * len(names))
    return (heat + text).properties(title=t("p16.cm.title"), width=side, height=side)


def history_charts(history: dict) -> list[alt.Chart]:
    """One small chart per per-epoch series of ``card["history"]`` (e.g. train_loss, test_acc)."""
    epochs = history.get("epoch")
    if not epochs:
        return []
    charts = []
    for key, values in history.items():
        if key == "epoch" or not isinstance(values, list) or not values:
            continue
        n = min(len(epochs), len(values))
        df = pd.DataFrame({"epoch": epochs[:n], key: values[:n]})
        charts.append(alt.Chart(df).mark_line(point=True).encode(
            x=alt.X("epoch:Q", title=t("p16.epochs")), y=alt.Y(f"{key}:Q", scale=alt.Scale(zero=False), title=key),
        ).properties(title=key, height=220))
    return charts


def reliability_chart(cal: dict) -> alt.LayerChart:
    """The reliability diagram of a card's ``calibration`` section: per confidence bin, accuracy
    against mean confidence, before and after temperature scaling; the diagonal is "perfectly honest"."""
    rows = []
    for when in ("before", "after"):
        table = cal[f"reliability_{when}"]
        for conf, acc, n in zip(table["confidence"], table["accuracy"], table["count"], strict=True):
            if n:
                rows.append({"confidence": conf, "accuracy": acc, "n": n, "when": t(f"p16.cal.{when}")})
    df = pd.DataFrame(rows)
    diag = alt.Chart(pd.DataFrame({"confidence": [0, 1], "accuracy": [0, 1]})).mark_line(
        color="#9ca3af", strokeDash=[4, 3]).encode(x="confidence:Q", y="accuracy:Q")
    base = alt.Chart(df).encode(
        x=alt.X("confidence:Q", scale=alt.Scale(domain=[0, 1]), title=t("p16.cal.confidence")),
        y=alt.Y("accuracy:Q", scale=alt.Scale(domain=[0, 1]), title=t("p16.cal.accuracy")),
        color=alt.Color("when:N", title=None, legend=alt.Legend(orient="bottom")))
    # The bin sizes go on separate dots: a size channel on mark_line(point=True) leaves the whole
    # chart blank in Streamlit 1.67 (only its title was drawn).
    line = base.mark_line()
    dots = base.mark_circle(opacity=1).encode(
        size=alt.Size("n:Q", legend=None, scale=alt.Scale(range=[20, 200])),
        tooltip=["when", "confidence", "accuracy", "n"])
    return (diag + line + dots).properties(title=t("p16.cal.title"), width=300, height=300)


def honesty_section(card: dict) -> None:
    """Calibration (temperature, ECE before/after, reliability diagram), the "I don't know" gate's
    measured rates and any extra held-out sets, as recorded in the card (nothing computed here)."""
    extra = card["metrics"].get("extra")
    if extra:
        st.markdown(t("p16.extra.title"))
        st.dataframe(pd.DataFrame([{t("p16.extra.set"): k, "n": v["n"], t("p16.col.acc"): f"{v['accuracy']:.2%}",
                                    t("p16.col.ci"): "[{:.2%}, {:.2%}]".format(*v["ci95"])}
                                   for k, v in extra.items()]), hide_index=True)
    cal = card.get("calibration")
    if cal:
        st.markdown(t("p16.cal.text"))
        c1, c2, c3 = st.columns(3)
        c1.metric(t("p16.cal.temperature"), number(cal["temperature"], 3))
        c2.metric(t("p16.cal.ece"), f"{cal['ece_before']:.4f} → {cal['ece_after']:.4f}")
        if "ece_test_before" in cal:
            c3.metric(t("p16.cal.ece_test"), f"{cal['ece_test_before']:.4f} → {cal['ece_test_after']:.4f}")
        st.caption(t("p16.cal.fitted", fitted_on=cal["fitted_on"], n=cal["n"]))
        if "reliability_before" in cal:
            st.altair_chart(reliability_chart(cal), width="content")
    ood = card.get("ood")
    if ood:
        st.markdown(t("p16.ood.text", rule=ood.get("rule", ood["method"]), chosen_on=ood["chosen_on"]))
        rates = ood.get("test", {})
        if rates:
            st.dataframe(pd.DataFrame([{t("p16.ood.set"): k, "n": v["n"], t("p16.ood.rejected"): f"{v['rate']:.1%}",
                                        t("p16.col.ci"): "[{:.1%}, {:.1%}]".format(*v["ci95"])}
                                       for k, v in rates.items()]), hide_index=True)


@st.fragment
def card_viewer(cards: list[dict]) -> None:
    """One card in detail. A fragment: picking another model reruns only this part of the page."""
    names = [c["name"] for c in cards]
    titles = {c["name"]: c["title"][lang()] for c in cards}  # this run's language, not the caller's
    chosen = st.selectbox(t("p16.pick"), names, key="p16_model", format_func=titles.get)
    card = cards[names.index(chosen)]
    test, training = card["metrics"]["test"], card["training"]
    m1, m2, m3 = st.columns([1, 2, 1])
    m1.metric(t("p16.acc"), f"{test['accuracy']:.2%}")
    m2.metric(t("p16.ci"), "{:.2%} – {:.2%}".format(*test["ci95"]))
    m3.metric(t("p16.n"), f"{test['n']:,}")
    st.caption(t("p16.split", split=test["split"], data=card["data"]["name"]))
    h1, h2, h3, h4 = st.columns(4)
    h1.metric(t("p16.params"), f"{card['params']:,}")
    h2.metric(t("p16.device"), training["device"])
    h3.metric(t("p16.wall"), t("p16.wall.value", minutes=number(training["wall_time_s"] / 60, 1)))
    h4.metric(t("p16.epochs"), training.get("epochs", "—"))
    st.markdown(t("p16.hardware", hardware=training["hardware"], command=training["command"],
                  date=training["date"]))
    st.latex(r"\text{Wilson 95\%}: \quad \frac{\hat p + \frac{z^2}{2n} \pm z \sqrt{\frac{\hat p(1-\hat p)}{n}"
             r" + \frac{z^2}{4n^2}}}{1 + \frac{z^2}{n}}, \qquad z = 1.96")
    st.altair_chart(confusion_chart(card), width="content")
    curves = history_charts(card.get("history", {}))
    if not curves:
        st.info(t("p16.no_history"))
    per_row = 3
    for start in range(0, len(curves), per_row):
        for col, chart in zip(st.columns(per_row), curves[start:start + per_row], strict=False):
            col.altair_chart(chart, width="stretch")
    honesty_section(card)
    with st.expander(t("p16.card_json")):
        st.json(card, expanded=False)


@st.fragment
def live_training() -> None:
    """Settings, the start button and the last run's result. A fragment: moving a setting or training
    reruns only this part of the page (the cards above stay as they are)."""
    st.subheader(t("p16.live.title"))
    st.markdown(t("p16.live.text"))
    c1, c2, c3, c4 = st.columns(4)
    arch = c1.selectbox(t("p16.live.arch"), digit_nets(), key="p16_arch")
    n_train = c2.select_slider(t("p16.live.n"), [500, 1000, 2000, 5000], value=2000, key="p16_n")
    epochs = c3.slider(t("p16.live.epochs"), 1, 3, 1, key="p16_epochs")
    lr = c4.select_slider(t("p16.live.lr"), [1e-3, 3e-3, 1e-2], value=3e-3, key="p16_lr",
                          format_func=lambda v: f"{v:g}")
    if st.button(t("p16.live.start"), key="p16_train", type="primary"):
        try:
            root = str(data_root())
            (x_tr, y_tr), (x_te, y_te) = mnist(root, True), mnist(root, False)
        except (DataNotFoundError, FileNotFoundError) as err:
            st.session_state["p16_result"] = {"error": str(err)}
        else:
            bar = st.progress(0.0, text=t("p16.live.progress"))
            chart_slot = st.empty()
            log = []
            final = {}
            # The first n_train training images and 1,000 test images keep the run to seconds on a CPU.
            for rec in mini_train(x_tr[:n_train], y_tr[:n_train], epochs=epochs, lr=lr, seed=0, arch=arch,
                                  test_images=x_te[:1000], test_labels=y_te[:1000]):
                if rec.get("done"):
                    final = {"test_acc": rec["test_acc"]}  # the trained model itself is not kept
                    continue
                log.append({"step": rec["step"], "loss": rec["loss"], "acc": rec["acc"]})
                bar.progress(rec["step"] / rec["total_steps"], text=t("p16.live.progress"))
                chart_slot.line_chart(pd.DataFrame(log).set_index("step")[["loss"]])
            bar.empty()
            chart_slot.empty()
            st.session_state["p16_result"] = {"log": log, "final": final, "n": n_train, "epochs": epochs,
                                              "arch": arch}

    result = st.session_state.get("p16_result")
    if result is None:
        st.caption(t("p16.live.hint"))
    elif "error" in result:
        st.warning(t("p16.live.no_data", error=result["error"]))
    else:
        df = pd.DataFrame(result["log"])
        st.altair_chart(alt.Chart(df).mark_line().encode(
            x=alt.X("step:Q", title=t("p16.live.step")), y=alt.Y("loss:Q", title=t("p16.live.loss")),
        ).properties(title=t("p16.live.chart", arch=result["arch"], n=result["n"], epochs=result["epochs"]),
                     height=260), width="stretch")
        r1, r2 = st.columns(2)
        r1.metric(t("p16.live.last_loss"), number(float(df["loss"].iloc[-1]), 4))
        if result["final"].get("test_acc") is not None:
            r2.metric(t("p16.live.test_acc"), f"{result['final']['test_acc']:.2%}")


header("16")

# --------------------------------------------------------------------------- model cards
st.subheader(t("p16.cards.title"))
folder = models_dir()
cards, errors = load_cards(folder)
for name, err in errors.items():
    st.error(t("p16.cards.broken", name=name, error=err))
# The records say which models the project trains; one without a card has not been exported here.
missing = [r.title[lang()] for name, r in MODELS.items() if name not in {c["name"] for c in cards}]
if missing and cards:
    st.caption(t("p16.cards.missing", models=", ".join(missing)))
if not cards:
    st.info(t("p16.cards.none", folder=str(folder)))
else:
    st.markdown(t("p16.cards.text"))
    overview = pd.DataFrame([{
        t("p16.col.model"): c["title"][lang()], t("p16.col.task"): t(f"p16.task.{c['task']}"),
        t("p16.col.arch"): c["architecture"], t("p16.col.params"): f"{c['params']:,}",
        t("p16.col.acc"): f"{c['metrics']['test']['accuracy']:.2%}",
        t("p16.col.ci"): "[{:.2%}, {:.2%}]".format(*c["metrics"]["test"]["ci95"]),
        "n": c["metrics"]["test"]["n"]} for c in cards])
    st.dataframe(overview, hide_index=True)

    card_viewer(cards)

# --------------------------------------------------------------------------- live mini-training
live_training()

# --------------------------------------------------------------------------- demo
st.subheader(t("p16.demo.title"))
st.markdown(t("p16.demo.text"))
st.link_button(t("p16.demo.button"), demo_url())

show_code(load_card, mini_train)
