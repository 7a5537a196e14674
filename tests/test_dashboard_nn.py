"""Dashboard pages 9–16: each renders in both languages, and a widget changes a number as core says.

Expected values are computed here by calling ``core`` with the new widget value, never hard-coded.
"""
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import LANGS, translate
from tests.conftest import ROOT

PAGES = ROOT / "dashboard" / "lessons"


def page(name: str, lang: str = "ko") -> AppTest:
    at = AppTest.from_file(str(PAGES / name), default_timeout=120)  # generous: CI machines may be busy
    at.session_state["lang"] = lang
    return at


def metric(at: AppTest, key: str, lang: str = "ko") -> str:
    """The value of the metric whose label is the translation of ``key``."""
    label = translate(key, lang)
    for m in at.metric:
        if m.label == label:
            return m.value
    raise AssertionError(f"no metric labelled {label!r}; have {[m.label for m in at.metric]}")


def render(name: str, lang: str) -> AppTest:
    at = page(name, lang)
    at.run()
    assert not at.exception, at.exception
    return at


# --------------------------------------------------------------------------- page 9
@pytest.mark.parametrize("lang", LANGS)
def test_p09_renders(lang):
    at = render("09_perceptron_bias_variance.py", lang)
    assert at.title[0].value == translate("p09.title", lang)


def test_p09_step_slider_shows_that_steps_weights():
    from core.nn.perceptron import LOGIC_GATES, Perceptron
    from dashboard.ui import number

    at = render("09_perceptron_bias_variance.py", "en")
    at.selectbox(key="p09_gate").set_value("OR")
    at.run()  # a new gate means a new history, and the step slider restarts at its end
    at.slider(key="p09_step").set_value(2)
    at.run()
    assert not at.exception, at.exception
    X, y = LOGIC_GATES["OR"]
    h = Perceptron(lr=0.1, epochs=50, seed=0).fit(X, y).history[2]
    values = {m.label: m.value for m in at.metric}
    assert values["w₁"] == number(float(h["w"][0]), 4)
    assert values["w₂"] == number(float(h["w"][1]), 4)
    assert values["b"] == number(float(h["b"]), 4)


def test_p09_degree_slider_shows_core_errors():
    from core.nn.bias_variance import errors_by_degree
    from dashboard.ui import number

    at = render("09_perceptron_bias_variance.py", "en")
    at.slider(key="p09_degree").set_value(9)
    at.run()
    assert not at.exception, at.exception
    errs = errors_by_degree()  # the page shows core's default experiment
    i = list(errs["degree"]).index(9)
    assert metric(at, "p09.bv.test_mse", "en") == number(float(errs["test_mse"][i]), 4)
    assert metric(at, "p09.bv.train_mse", "en") == number(float(errs["train_mse"][i]), 4)


# --------------------------------------------------------------------------- page 10
@pytest.mark.parametrize("lang", LANGS)
def test_p10_renders_and_mlp_solves_xor(lang):
    at = render("10_xor.py", lang)
    assert metric(at, "p10.mlp.acc", lang) == "100%"
    assert metric(at, "p10.fail.acc", lang) != "100%"


def test_p10_epoch_slider_shows_that_snapshot():
    from core.nn.mlp import train_snapshots
    from core.nn.perceptron import LOGIC_GATES
    from dashboard.ui import number

    at = render("10_xor.py", "en")
    at.select_slider(key="p10_epoch").set_value(100)
    at.run()
    assert not at.exception, at.exception
    X, y = LOGIC_GATES["XOR"]
    snaps = train_snapshots((2, 2, 1), X, y, lr=2.0, epochs=3000, every=50, seed=0)
    snap = next(s for s in snaps if s["epoch"] == 100)
    assert metric(at, "p10.mlp.loss", "en") == number(float(snap["loss"]), 5)
    assert metric(at, "p10.mlp.acc", "en") == f"{snap['acc']:.0%}"


# --------------------------------------------------------------------------- page 11
@pytest.mark.parametrize("lang", LANGS)
def test_p11_renders_with_lecture_defaults(lang):
    from core.nn.backprop import DEFAULTS, trace
    from dashboard.ui import number

    at = render("11_backprop.py", lang)
    expected = trace(DEFAULTS["x"], DEFAULTS["y"], DEFAULTS["W1"], DEFAULTS["W2"], DEFAULTS["lr"])
    assert metric(at, "p11.cost", lang) == number(expected["J"], 6)
    # our gradients and autograd's agree to rounding: the page says so in its last metric
    assert float(metric(at, "p11.check.max", lang)) < 1e-12


def test_p11_editing_x_and_lr_changes_every_number():
    from core.nn.backprop import DEFAULTS, trace
    from dashboard.ui import number

    at = render("11_backprop.py", "en")
    at.number_input(key="p11_x1").set_value(0.8)
    at.number_input(key="p11_lr").set_value(2.0)
    at.select_slider(key="p11_step").set_value(translate("p11.step.delta3", "en"))
    at.run()
    assert not at.exception, at.exception
    x = np.array([0.8, DEFAULTS["x"][1]])
    expected = trace(x, DEFAULTS["y"], DEFAULTS["W1"], DEFAULTS["W2"], 2.0)
    assert metric(at, "p11.cost", "en") == number(expected["J"], 6)
    assert metric(at, "p11.w1_11", "en") == number(float(expected["W1_new"][0, 0]), 6)
    assert metric(at, "p11.w2_11", "en") == number(float(expected["W2_new"][0, 0]), 6)
    # δ⁽³⁾ is step 6: steps 1–6 are shown with their numbers, the later ones are not yet
    headings = [m.value for m in at.markdown if m.value.startswith("**")]
    assert [h.split(".")[0] for h in headings] == [f"**{i}" for i in range(1, 7)]
    assert any(f"{expected['delta3'][0]:.4f}" in tex.value for tex in at.latex)


# --------------------------------------------------------------------------- page 12
@pytest.mark.parametrize("lang", LANGS)
def test_p12_renders(lang):
    at = render("12_vanishing_activations.py", lang)
    assert at.title[0].value == translate("p12.title", lang)


def test_p12_depth_and_activation_change_the_norms():
    from core.nn.vanishing import gradient_norms
    from dashboard.ui import number

    at = render("12_vanishing_activations.py", "en")
    at.slider(key="p12_depth").set_value(6)
    at.selectbox(key="p12_act").set_value("relu")
    at.selectbox(key="p12_init").set_value("he")
    at.run()
    assert not at.exception, at.exception
    g = gradient_norms(6, 64, "relu", seed=0, init="he")
    assert metric(at, "p12.van.first", "en") == number(float(g[0]), 3)
    assert metric(at, "p12.van.last", "en") == number(float(g[-1]), 3)


# --------------------------------------------------------------------------- page 13
@pytest.mark.parametrize("lang", LANGS)
def test_p13_renders(lang):
    at = render("13_batchnorm.py", lang)
    assert at.title[0].value == translate("p13.title", lang)


def test_p13_batch_sliders_change_mean_and_variance():
    from core.nn.batchnorm import steps
    from dashboard.ui import number

    at = render("13_batchnorm.py", "en")
    at.slider(key="p13_size").set_value(32)
    at.slider(key="p13_mean").set_value(-2.5)
    at.slider(key="p13_std").set_value(0.5)
    at.run()
    assert not at.exception, at.exception
    # the page's batch: N(mean, std) of the chosen size from default_rng(seed = 0)
    x = np.random.default_rng(0).normal(-2.5, 0.5, size=(32, 1))
    s = steps(x, np.array([1.0]), np.array([0.0]))
    assert metric(at, "p13.step1", "en") == number(float(s["mean"][0]), 4)
    assert metric(at, "p13.step2", "en") == number(float(s["var"][0]), 4)


def test_p13_experiment_metrics_come_from_core():
    from core.nn.batchnorm import bn_experiment
    from dashboard.ui import number

    at = render("13_batchnorm.py", "en")
    res = bn_experiment(seed=0)
    assert metric(at, "p13.exp.final_with", "en") == number(float(res["with_bn"][-1]), 4)
    assert metric(at, "p13.exp.final_without", "en") == number(float(res["without_bn"][-1]), 4)


# --------------------------------------------------------------------------- page 15
@pytest.mark.parametrize("lang", LANGS)
def test_p15_renders(lang):
    at = render("15_famous_cnns.py", lang)
    assert at.title[0].value == translate("p15.title", lang)


def test_p15_picking_vgg16_shows_its_totals_and_the_memory_discrepancy():
    from core.cnn import lecture_tables as lt
    from core.cnn import model_info, summarize

    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("vgg16")
    at.run()
    assert not at.exception, at.exception
    s = summarize(lt.meta_model("vgg16"), model_info("vgg16").input_shape)
    assert metric(at, "p15.total_params", "en") == f"{s.total_params:,}"
    tot = lt.vgg16_activation_totals()
    assert metric(at, "p15.vgg.true", "en") == f"{tot['activations']:,}"
    assert metric(at, "p15.vgg.printed", "en").startswith(tot["lecture_printed_total"])


def test_p15_alexnet_groups_toggle_changes_the_total():
    from core.cnn import lecture_tables as lt

    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("alexnet")
    at.run()
    ungrouped = metric(at, "p15.alex.total_ours", "en")
    at.toggle(key="p15_groups").set_value(True)
    at.run()
    assert not at.exception, at.exception
    assert ungrouped == f"{sum(r['params'] for r in lt.alexnet_rows(groups=1)):,}"
    assert metric(at, "p15.alex.total_ours", "en") == f"{sum(r['params'] for r in lt.alexnet_rows(groups=2)):,}"


# --------------------------------------------------------------------------- page 14
@pytest.mark.parametrize("lang", LANGS)
def test_p14_renders_with_the_lecture_pooling_example(lang):
    from core.nn.conv import global_avg_pool
    from dashboard.ui import number

    at = render("14_convolution.py", lang)
    example = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]], dtype=float)
    assert metric(at, "p14.gap.example", lang) == number(float(global_avg_pool(example[None, None])[0, 0]), 4)
    assert metric(at, "p14.params", lang) == "34,944"  # the defaults are AlexNet's conv1, computed by core


def test_p14_stride_padding_and_step_follow_core():
    from core.nn.conv import KERNELS, conv2d_steps, conv_output_size
    from dashboard.ui import number

    at = render("14_convolution.py", "en")
    at.selectbox(key="p14_kernel").set_value("sharpen")
    at.slider(key="p14_stride").set_value(2)
    at.slider(key="p14_padding").set_value(1)
    at.run()
    at.slider(key="p14_step").set_value(3)
    at.run()
    assert not at.exception, at.exception
    x = np.zeros((6, 6))
    x[1:5, 1:5] = 9.0  # the page's default input: a bright square
    steps = list(conv2d_steps(x, KERNELS["sharpen"], stride=2, padding=1))
    size = conv_output_size(6, 3, stride=2, padding=1)
    assert metric(at, "p14.out_size", "en") == f"{size} × {size}"
    assert metric(at, "p14.value", "en") == number(float(steps[2]["value"]), 3)
    assert metric(at, "p14.position", "en") == f"({steps[2]['row']}, {steps[2]['col']})"


def test_p14_formula_calculator():
    from core.nn.conv import conv_output_size, conv_params

    at = render("14_convolution.py", "en")
    at.number_input(key="p14_fn").set_value(32)
    at.number_input(key="p14_fk").set_value(5)
    at.number_input(key="p14_fs").set_value(1)
    at.number_input(key="p14_cin").set_value(6)
    at.number_input(key="p14_ksize").set_value(5)
    at.number_input(key="p14_filters").set_value(16)
    at.run()
    assert not at.exception, at.exception
    size = conv_output_size(32, 5, stride=1, padding=0)
    assert metric(at, "p14.calc_size", "en") == f"{size} × {size}"
    assert metric(at, "p14.params", "en") == f"{conv_params(6, 5, 16):,}"


# --------------------------------------------------------------------------- page 16
def fixture_card(name: str = "pets_fixture") -> dict:
    """A small, valid model card (the contract of core.serve.card) with made-up but consistent numbers."""
    from core.serve.card import validate_card, wilson_ci

    cm = [[45, 5], [3, 47]]
    k, n = 45 + 47, 100
    return validate_card({
        "name": name, "title": {"ko": "테스트용 카드", "en": "Fixture card"}, "task": "pet", "default": True,
        "architecture": "pets_net", "params": 12345, "file": f"{name}.onnx", "sha256": "0" * 64, "opset": 18,
        "classes": [{"index": 0, "name": "cat", "display": {"ko": "고양이", "en": "cat"}},
                    {"index": 1, "name": "dog", "display": {"ko": "개", "en": "dog"}}],
        "input": {"name": "input", "shape": [None, 3, 64, 64], "dtype": "float32", "layout": "NCHW"},
        "output": {"name": "logits", "kind": "logits"},
        "preprocess": {"kind": "photo", "color": "RGB", "resize": 72, "crop": 64, "interpolation": "bilinear",
                       "scale": 1 / 255, "mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25],
                       "channel_order": "RGB", "layout": "NCHW"},
        "metrics": {"test": {"split": "fixture", "n": n, "accuracy": k / n, "ci95": list(wilson_ci(k, n)),
                             "confusion_matrix": cm}},
        "data": {"name": "PetImages"},
        "training": {"device": "cpu", "hardware": "test CPU", "wall_time_s": 90.0, "epochs": 3, "seed": 0,
                     "command": "python -m core.pipeline.train pets_scratch", "date": "2026-11-28"},
        "history": {"epoch": [1, 2, 3], "train_loss": [0.7, 0.5, 0.4], "test_acc": [0.7, 0.85, 0.92]},
        "versions": {"torch": "x", "onnx": "x", "onnxruntime": "x", "python": "x"},
        "ort_vs_torch_max_abs_diff": 1e-6, "ort_vs_torch_n_images": 64,
    })


@pytest.mark.parametrize("lang", LANGS)
def test_p16_without_models_says_so(lang, tmp_path, monkeypatch):
    monkeypatch.setenv("DL_MODELS_DIR", str(tmp_path))
    at = render("16_our_models.py", lang)
    assert any(translate("p16.cards.none", lang, folder=str(tmp_path)) == i.value for i in at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_p16_shows_a_card(lang, tmp_path, monkeypatch):
    import json

    card = fixture_card()
    (tmp_path / "pets_fixture.json").write_text(json.dumps(card), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    monkeypatch.setenv("DL_MODELS_DIR", str(tmp_path))
    at = render("16_our_models.py", lang)
    test = card["metrics"]["test"]
    assert metric(at, "p16.acc", lang) == f"{test['accuracy']:.2%}"
    assert metric(at, "p16.ci", lang) == "{:.2%} – {:.2%}".format(*test["ci95"])
    assert metric(at, "p16.n", lang) == f"{test['n']:,}"
    assert len(at.error) == 1 and "broken.json" in at.error[0].value  # a bad card is named, the rest shows


def test_p16_picking_another_card(tmp_path, monkeypatch):
    import json

    a, b = fixture_card("a_model"), fixture_card("b_model")
    b["metrics"]["test"].update(n=200, accuracy=0.5, ci95=[0.43, 0.57], confusion_matrix=[[50, 50], [50, 50]])
    for card in (a, b):
        (tmp_path / f"{card['name']}.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setenv("DL_MODELS_DIR", str(tmp_path))
    at = render("16_our_models.py", "en")
    at.selectbox(key="p16_model").set_value("b_model")
    at.run()
    assert not at.exception, at.exception
    assert metric(at, "p16.acc", "en") == "50.00%"
    assert metric(at, "p16.n", "en") == "200"


def test_p16_training_without_mnist_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("DL_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("DL_DATA_DIR", str(tmp_path))  # no MNIST/ in there
    at = render("16_our_models.py", "en")
    at.button(key="p16_train").click()
    at.run()
    assert not at.exception, at.exception
    assert any("MNIST" in w.value for w in at.warning)


@pytest.mark.slow
def test_p16_live_training_reports_core_numbers(data_root_real, tmp_path, monkeypatch):
    from core.pipeline.data import mnist_arrays
    from core.pipeline.mini_train import mini_train

    monkeypatch.setenv("DL_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("DL_DATA_DIR", str(data_root_real))
    at = render("16_our_models.py", "en")
    at.select_slider(key="p16_n").set_value(500)
    at.run()
    at.button(key="p16_train").click()
    at.run(timeout=300)
    assert not at.exception, at.exception
    arch = at.selectbox(key="p16_arch").value
    (x, y), (xt, yt) = mnist_arrays(True, data_root_real), mnist_arrays(False, data_root_real)
    final = list(mini_train(x[:500], y[:500], lr=3e-3, seed=0, arch=arch,
                            test_images=xt[:1000], test_labels=yt[:1000]))[-1]
    assert metric(at, "p16.live.test_acc", "en") == f"{final['test_acc']:.2%}"


def test_p16_renders_the_committed_models_or_says_there_are_none(monkeypatch):
    from core.serve.card import load_card

    monkeypatch.delenv("DL_MODELS_DIR", raising=False)
    at = render("16_our_models.py", "ko")
    cards = [load_card(p) for p in (ROOT / "models").glob("*.json")]
    if cards:  # the first task's default model is the one shown in detail
        first = min(cards, key=lambda c: (c["task"], not c["default"], c["name"]))["metrics"]["test"]
        assert metric(at, "p16.acc") == f"{first['accuracy']:.2%}"
        assert metric(at, "p16.n") == f"{first['n']:,}"
    else:
        assert any(translate("p16.cards.none", folder=str(ROOT / "models")) == i.value for i in at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_p16_shows_calibration_and_the_unknown_gate_from_the_card(lang, monkeypatch):
    """Issue 19: the pets card's temperature, ECE before/after and gate rates appear as recorded."""
    from core.serve.card import load_card

    monkeypatch.delenv("DL_MODELS_DIR", raising=False)
    card = load_card(ROOT / "models" / "pets.json")
    cal = card["calibration"]
    at = render("16_our_models.py", lang)
    at.selectbox(key="p16_model").set_value("pets").run()
    assert not at.exception
    assert metric(at, "p16.cal.ece", lang) == f"{cal['ece_before']:.4f} → {cal['ece_after']:.4f}"
    assert metric(at, "p16.cal.temperature", lang) == f"{cal['temperature']:.3f}".rstrip("0").rstrip(".")
    tables = [df.value for df in at.dataframe]
    rejected = translate("p16.ood.rejected", lang)
    gate = next(t for t in tables if rejected in t.columns)
    assert list(gate["n"]) == [v["n"] for v in card["ood"]["test"].values()]


# --------------------------------------------------------------------------- issue 14: lecture fidelity
def errata(at: AppTest, lang: str) -> list[str]:
    """Bodies of the page's lecture-erratum callouts (``dashboard.ui.erratum``)."""
    title = translate("ui.erratum", lang)
    return [w.value for w in at.warning if title in w.value]


GLOSSARY_VARIANTS = ("에포크", "국소 최솟값", "오차 역전파", "경사 소실", "그래디언트 소실", "컨볼루션", "콘볼루션",
                     "보폭", "활성 함수", "배치 노멀라이제이션", "Covariance Shift\"", "두 개의 띠", "표는 각 행은")


def test_nn_glossary_rejects_variant_spellings():
    from dashboard.i18n.nn import STRINGS

    for key, entry in STRINGS.items():
        if not key.startswith(tuple(f"p{n:02d}." for n in range(9, 16))) or ".err." in key:
            continue  # errata quote the lecture verbatim on purpose
        for word in GLOSSARY_VARIANTS:
            assert word not in entry["ko"], (key, word)
    assert translate("p11.title", "ko") == "오차역전파"
    assert "지역 최솟값" in translate("p10.mlp.text", "ko")


def test_p14_kernel_labels_name_only_existing_kernels():
    from core.nn.conv import KERNELS
    from dashboard.i18n.nn import STRINGS

    labelled = {k.split(".")[-1] for k in STRINGS if k.startswith("p14.kernel.")}
    assert labelled <= set(KERNELS), labelled - set(KERNELS)
    assert "라플라시안" in translate("p14.kernel.edge", "ko")      # the Laplacian is the 'edge' preset


def test_p09_dartboard_shows_core_decomposition():
    from core.nn.bias_variance import bias_variance
    from dashboard.ui import number

    at = render("09_perceptron_bias_variance.py", "en")
    at.select_slider(key="p09_dart_degree").set_value(7)
    at.run()
    assert not at.exception, at.exception
    dec = bias_variance(range(0, 9), n_sets=100)
    assert metric(at, "p09.dart.variance", "en") == number(float(dec["variance"][7]), 4)
    assert metric(at, "p09.dart.bias2", "en") == number(float(dec["bias2"][7]), 4)
    assert metric(at, "p09.dart.noise", "en") == number(0.09, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_p11_says_where_the_numbers_come_from_and_catches_the_lecture(lang):
    from core.nn.backprop import DEFAULTS, WORKED_EXAMPLE, scalar_chain, trace
    from dashboard.ui import number

    at = render("11_backprop.py", lang)
    assert any(WORKED_EXAMPLE in c.value for c in at.caption)
    args = (DEFAULTS["x"], DEFAULTS["y"], DEFAULTS["W1"], DEFAULTS["W2"])
    ch = scalar_chain(*args)
    assert metric(at, "p11.chain.scalar", lang) == f"{ch['product']:.6f}"
    assert metric(at, "p11.chain.vector", lang) == f"{ch['product']:.6f}"
    found = errata(at, lang)
    assert len(found) == 3
    assert any("∂f/∂x = y" in e and "∂y/∂x = y" in e for e in found)            # f = xy
    assert any("∂J/∂a⁽²⁾₁" in e for e in found)                                   # superscripts
    w_eta1 = number(float(trace(*args, lr=1.0)["W2_new"][0, 0]), 6)
    assert any("η = 1" in e and w_eta1 in e for e in found)                       # η missing
    assert {m.label: m.value for m in at.metric}["∂f/∂x"] == "-2"                # f = xy at (3, −2)


def test_p12_dead_relu_and_activation_errata():
    from core.nn.vanishing import dead_relu

    at = render("12_vanishing_activations.py", "en")
    r = dead_relu()
    values = {m.label: m.value for m in at.metric}
    assert values[translate("p12.dead.at_max", "en", lr="1")] == f"{r['dead'][-1]} / {r['total'][-1]}"
    assert values[translate("p12.dead.at_max", "en", lr="0.001")] == f"{r['dead'][0]} / {r['total'][0]}"
    found = errata(at, "en")
    assert any("1.6733" in e and "2017" in e for e in found)
    assert any("hard-swish" in e for e in found)


@pytest.mark.parametrize("lang", LANGS)
def test_p13_motivation_order_and_covariate(lang):
    at = render("13_batchnorm.py", lang)
    assert any("Internal Covariate Shift" in e and "Covariance" in e for e in errata(at, lang))
    assert float(metric(at, "p13.why.corr_bn", lang)) == pytest.approx(0.8, abs=0.05)
    assert float(metric(at, "p13.why.corr_white", lang)) == pytest.approx(0.0, abs=1e-6)
    assert any(m.value == "**Conv** → **BN** → **Activation** → **Dropout** → **Pooling**" for m in at.markdown)


def test_p14_keras_padding_and_the_lectures_gap_summary():
    from core.cnn.lecture_extras import keras_output_size

    at = render("14_convolution.py", "en")
    assert metric(at, "p14.gapk.total", "en") == "326,534"
    assert metric(at, "p14.gapk.gap", "en") == "64,500"
    table = at.dataframe[-1].value
    assert "5,010" in table[translate("p14.gapk.params", "en")].tolist()
    assert metric(at, "p14.keras.valid", "en") == "28" and metric(at, "p14.keras.same", "en") == "32"
    at.number_input(key="p14_keras_s").set_value(2)
    at.run()
    assert not at.exception, at.exception
    assert metric(at, "p14.keras.valid", "en") == str(keras_output_size(32, 5, 2, "valid"))
    assert metric(at, "p14.keras.same", "en") == "16"


@pytest.mark.parametrize("lang", LANGS)
def test_p15_flags_the_se_fire_slide(lang):
    from core.cnn.lecture_extras import se_vs_fire

    at = render("15_famous_cnns.py", lang)
    assert any("SqueezeNet" in e and "Iandola" in e for e in errata(at, lang))
    r = se_vs_fire()
    assert metric(at, "p15.fire.se", lang) == f"{r['se']['params']:,}" == "2,184"
    assert metric(at, "p15.fire.fire", lang) == f"{r['fire']['params']:,}" == "11,920"


def test_p15_zfnet_switches_between_paper_and_lecture():
    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("zfnet")
    at.run()
    assert not at.exception, at.exception
    assert metric(at, "p15.zf.total", "en") == "62,357,608"
    assert any("224×224×3" in e and "227" in e and "56×56×96" in e for e in errata(at, "en"))
    at.radio(key="p15_zf_variant").set_value("lecture")
    at.run()
    assert not at.exception, at.exception
    assert metric(at, "p15.zf.total", "en") == "107,627,624"
    maps = at.dataframe[1].value[translate("p15.our.map", "en")].tolist()
    assert "13×13×1024" in maps


def test_p15_vgg_errata_and_stacks():
    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("vgg16")
    at.run()
    found = errata(at, "en")
    assert any("(3·3·3)×64 = 1,728" in e and "91" in e for e in found)
    assert any("15,237,608" in e and "93MB" in e for e in found)
    at.select_slider(key="p15_stack_c").set_value(512)
    at.run()
    assert not at.exception, at.exception
    stacks = next(d.value for d in at.dataframe if translate("p15.stack.field", "en") in d.value.columns)
    assert stacks[translate("p15.stack.stacked", "en")].tolist()[1:] == [f"18C² = {18 * 512 ** 2:,}",
                                                                        f"27C² = {27 * 512 ** 2:,}"]
    assert stacks[translate("p15.stack.single", "en")].tolist()[1:] == [f"25C² = {25 * 512 ** 2:,}",
                                                                       f"49C² = {49 * 512 ** 2:,}"]


def test_p15_googlenet_reduction_and_alexnet_lrn():
    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("googlenet")
    at.run()
    red = next(d.value for d in at.dataframe if translate("p15.inc.red.case", "en") in d.value.columns)
    assert red[translate("p15.inc.red.macs", "en")].tolist() == ["128,049,152", "308,281,344"]
    assert red[translate("p15.inc.red.weights", "en")].tolist() == ["163,328", "393,216"]
    assert any("159K" in e and "163,328 ≈ 163.3K" in e for e in errata(at, "en"))
    at.selectbox(key="p15_model").set_value("alexnet")
    at.run()
    assert not at.exception, at.exception
    found = errata(at, "en")
    assert any("307,456" in e for e in found)                 # conv2 with 5×5×48 kernels
    assert any("37,752,832" in e for e in found)              # FC rows shifted by one
    assert any("channels" in e for e in found)                # LRN is across channels


def test_p15_resnet_residual_erratum():
    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("resnet18")
    at.run()
    assert not at.exception, at.exception
    assert any("F(x) = H(x) − x" in e and "He et al. (2015)" in e for e in errata(at, "en"))


def test_p15_zfnet_shows_cam_beside_occlusion():
    """Issue 16: the ZFNet section puts the one-pass CAM and the lecture's occlusion side by side."""
    at = render("15_famous_cnns.py", "en")
    at.selectbox(key="p15_model").set_value("zfnet").run()
    assert not at.exception
    assert at.selectbox(key="p15_zf_photo").value.endswith(".jpg")
    captions = [c for img in at.get("image") for c in img.captions]
    assert len(captions) == 2, captions
    assert any(c.startswith("CAM · answer:") for c in captions)
    assert any(c.startswith("occlusion (ZFNet)") for c in captions)
