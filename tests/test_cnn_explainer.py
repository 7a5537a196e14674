"""CNN explainer (issue 15, part 2): ``core.serve.layers`` against torch references, the conv-cell sum,
the receptive field, the speed budget, and page 15a in AppTest (every widget path once)."""
from __future__ import annotations

import re

import numpy as np
import onnx
import pytest
import torch
import torch.nn.functional as F
from onnx import numpy_helper
from streamlit.testing.v1 import AppTest

from core.cnn import build
from core.serve.infer import load_model, predict_image
from core.serve.layers import colorize, open_model, softmax, tile
from dashboard.i18n import LANGS, translate
from tests.conftest import ROOT, real_data_root

MODELS = ("lenet5", "mnist")
EXAMPLES = sorted((ROOT / "demos" / "examples").glob("digit_*.png"))
PAGE = ROOT / "dashboard" / "lessons" / "15a_cnn_explainer.py"


def digits() -> list:
    """Inputs: the demo's example images plus a few MNIST test digits when the data is here."""
    out: list = list(EXAMPLES)
    root = real_data_root()
    if root is not None:
        from core.pipeline.data import mnist_arrays
        images, _ = mnist_arrays(train=False, root=root)
        out += [images[i] for i in (0, 1, 2, 1234, 9999)]
    return out


@pytest.fixture(scope="module")
def inputs():
    return digits()


def torch_reference(onnx_path, x: np.ndarray) -> dict[str, torch.Tensor]:
    """Every node output of the graph, recomputed op by op with torch.nn.functional (float64)."""
    m = onnx.load(str(onnx_path))
    w = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in m.graph.initializer}
    env = {m.graph.input[0].name: torch.from_numpy(x).double()}

    def attr(node, name, default):
        return next((onnx.helper.get_attribute_value(a) for a in node.attribute if a.name == name), default)

    for n in m.graph.node:
        a = env.get(n.input[0])
        if n.op_type == "Conv":
            pads = attr(n, "pads", [0, 0, 0, 0])
            assert pads[:2] == pads[2:]
            out = F.conv2d(a, w[n.input[1]].double(), w[n.input[2]].double() if len(n.input) > 2 else None,
                           stride=tuple(attr(n, "strides", [1, 1])), padding=tuple(pads[:2]))
        elif n.op_type == "Relu":
            out = torch.relu(a)
        elif n.op_type == "Tanh":
            out = torch.tanh(a)
        elif n.op_type == "MaxPool":
            out = F.max_pool2d(a, attr(n, "kernel_shape", None), attr(n, "strides", None))
        elif n.op_type == "AveragePool":
            out = F.avg_pool2d(a, attr(n, "kernel_shape", None), attr(n, "strides", None))
        elif n.op_type == "ReduceMean":
            out = a.mean(dim=tuple(int(d) for d in w[n.input[1]]), keepdim=bool(attr(n, "keepdims", 1)))
        elif n.op_type == "Reshape":
            out = a.reshape(tuple(int(d) for d in w[n.input[1]]))
        elif n.op_type == "Gemm":
            assert attr(n, "transB", 0) == 1
            out = F.linear(a, w[n.input[1]].double(), w[n.input[2]].double())
        else:
            raise AssertionError(f"unexpected op {n.op_type}")
        env[n.output[0]] = out
    return env


@pytest.mark.parametrize("name", MODELS)
def test_every_layer_equals_a_torch_reference(name, inputs):
    ex = open_model(ROOT / "models" / f"{name}.json")
    for img in inputs:
        run = ex.run(img)
        ref = torch_reference(ROOT / "models" / f"{name}.onnx", run.x)
        for n in ex.nodes:
            np.testing.assert_allclose(run.values[n.output], ref[n.output][0].numpy(), rtol=1e-5, atol=1e-5,
                                       err_msg=f"{name}:{n.output}")


def _registry_model(name: str) -> torch.nn.Module:
    """The registry's torch model with the weights read from the committed ONNX initializers."""
    card = open_model(ROOT / "models" / f"{name}.json").card
    net = build(card["architecture"], **card["arch_kwargs"]).double().eval()
    w = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()).double()
         for i in onnx.load(str(ROOT / "models" / f"{name}.onnx")).graph.initializer}
    sd = net.state_dict()
    for k in sd:
        if k in w:
            sd[k] = w[k]
        elif k.endswith((".1.weight",)):           # BatchNorm folded into the conv by the exporter:
            sd[k] = torch.ones_like(sd[k])          # identity scale,
        elif k.endswith(".1.bias"):
            sd[k] = w[k.replace(".1.bias", ".0.weight_bias")]  # the folded bias,
        elif k.endswith(".1.running_mean"):
            sd[k] = torch.zeros_like(sd[k])
        elif k.endswith(".1.running_var"):
            sd[k] = torch.full_like(sd[k], 1.0 - 1e-5)  # so that sqrt(var + eps) = 1
    net.load_state_dict(sd)
    return net


@pytest.mark.parametrize("name", MODELS)
def test_registry_model_with_exported_weights_agrees(name, inputs):
    """The served graph and ``core.cnn.build(...)`` with the same weights give the same logits and the
    same first feature map (the model file is the trained network, not a different one)."""
    ex = open_model(ROOT / "models" / f"{name}.json")
    net = _registry_model(name)
    first = net.features[0] if name == "lenet5" else net.features[0][1]  # conv (LeNet) / BN after conv
    got: dict = {}
    hook = first.register_forward_hook(lambda m, i, o: got.__setitem__("first", o.clone()))  # clone: ReLU(inplace) follows
    for img in inputs:
        run = ex.run(img)
        with torch.no_grad():
            logits = net(torch.from_numpy(run.x).double())[0].numpy()
        np.testing.assert_allclose(run.logits, logits, rtol=1e-5, atol=1e-5)
        np.testing.assert_allclose(run.values[ex.convs()[0].output], got["first"][0].numpy(), rtol=1e-5, atol=1e-5)
    hook.remove()


@pytest.mark.parametrize("name", MODELS)
def test_softmax_equals_the_served_prediction(name, inputs):
    ex = open_model(ROOT / "models" / f"{name}.json")
    served = load_model(ROOT / "models" / f"{name}.json", providers=["CPUExecutionProvider"])
    for img in inputs:
        run = ex.run(img)
        p = predict_image(served, img)
        # the page shows the network's own softmax; the demo divides the logits by the card's
        # calibration temperature first, which never changes the answer
        np.testing.assert_allclose(run.probs, softmax(served.logits(p.x))[0], rtol=0, atol=1e-12)
        assert int(np.argmax(run.probs)) == p.index
        np.testing.assert_array_equal(run.x, p.x)
        assert abs(run.probs.sum() - 1) < 1e-12


@pytest.mark.parametrize("name", MODELS)
def test_conv_cell_is_the_kernel_sum_and_its_receptive_field_is_exact(name):
    ex = open_model(ROOT / "models" / f"{name}.json")
    run = ex.run(EXAMPLES[0])
    rng = np.random.default_rng(0)
    for conv in ex.convs():
        fmap = run.values[conv.output]
        for _ in range(3):
            c, i, j = (int(rng.integers(s)) for s in fmap.shape)
            cell = ex.conv_cell(run, conv.output, c, i, j)
            assert abs(cell["total"] - cell["value"]) < 1e-5 * max(1, abs(cell["value"]))
            np.testing.assert_allclose(cell["products"], cell["patch"] * cell["kernel"])
            assert cell["kernel"].shape == ex.weights[conv.weight].shape[1:]
            # Changing input pixels outside the receptive field leaves the cell as it is.
            r0, r1, c0, c1 = cell["field"]
            x = run.x.copy()
            noise = rng.normal(0, 3, size=x.shape).astype(np.float32)
            mask = np.ones(x.shape, bool)
            mask[..., r0:r1, c0:c1] = False
            after = ex.run_input(np.where(mask, x + noise, x))
            assert after.values[conv.output][c, i, j] == pytest.approx(cell["value"], abs=1e-5)
    # LeNet's textbook receptive fields: C1 5×5, C3 14×14, C5 32×32 (the whole input)
    if name == "lenet5":
        sizes = [(lambda f: (f[1] - f[0], f[3] - f[2]))(ex.receptive_field(c.output, 0, 0)) for c in ex.convs()]
        assert sizes == [(5, 5), (14, 14), (32, 32)]
    with pytest.raises(ValueError):
        ex.conv_cell(run, ex.maps()[1].output, 0, 0, 0)  # not a conv


def test_pictures():
    assert colorize(np.array([[-1.0, 0.0, 1.0]])).tolist() == [[[33, 102, 172], [255, 255, 255], [178, 24, 43]]]
    pic = tile(np.zeros((6, 4, 4)), cols=3, scale=2, gap=1)
    assert pic.shape == (2 * (8 + 1) + 1, 3 * (8 + 1) + 1, 3) and pic.dtype == np.uint8
    assert softmax(np.array([1000.0, 1000.0])).tolist() == [0.5, 0.5]


# --------------------------------------------------------------------------- page 15a
def page(lang: str = "en", source: str = "example") -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.session_state["lang"] = lang
    at.session_state["p15a_source"] = source
    at.run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _prediction(at: AppTest, lang: str) -> str:
    return next(m.value for m in at.metric if m.label == translate("p15a.prediction", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_page_renders_with_the_served_prediction(lang):
    at = page(lang)
    assert at.title[0].value == translate("p15a.title", lang)
    served = load_model(ROOT / "models" / "lenet5.json", providers=["CPUExecutionProvider"])
    pick = at.selectbox(key="p15a_example").value
    want = predict_image(served, ROOT / "demos" / "examples" / pick).top[0][0]
    assert _prediction(at, lang) == want
    # the cell sum equals the value ONNX Runtime computed, as printed
    text = next(m.value for m in at.markdown if "ONNX Runtime" in m.value and "**" in m.value and "b =" in m.value)
    total, value = re.findall(r"\*\*([^*]+)\*\*", text)
    assert abs(float(total) - float(value)) < 1e-4


def test_every_widget_path():
    at = page("en")
    for name in [p.name for p in EXAMPLES]:
        at.selectbox(key="p15a_example").set_value(name)
        rerun(at)
    at.segmented_control(key="p15a_model").set_value("mnist")
    rerun(at)
    assert "24×28×28" in " ".join(m.value for m in at.markdown)
    at.slider(key="p15a_kernel").set_value(5)
    at.slider(key="p15a_pool_ch").set_value(3)
    at.selectbox(key="p15a_cell_layer").set_value("getitem_6")
    rerun(at)
    at.number_input(key="p15a_cell_ch_getitem_6").set_value(7)
    at.number_input(key="p15a_cell_row_getitem_6").set_value(0)
    at.number_input(key="p15a_cell_col_getitem_6").set_value(13)
    at.selectbox(key="p15a_cell_ic_getitem_6").set_value(2)
    rerun(at)
    assert "48 input channels" in " ".join(m.value for m in at.markdown)
    # upload path: nothing uploaded yet → the hint, no error
    at.radio(key="p15a_source").set_value("upload")
    rerun(at)
    assert at.info and at.info[0].value == translate("p15a.need_input", "en")


@pytest.mark.skipif(real_data_root() is None, reason="MNIST not found")
def test_mnist_digit_path(data_root_real, monkeypatch):
    monkeypatch.setenv("DL_DATA_DIR", str(data_root_real))
    from core.pipeline.data import mnist_arrays
    images, labels = mnist_arrays(train=False, root=data_root_real)
    at = page("en", source="mnist")
    at.number_input(key="p15a_mnist_idx").set_value(1234)
    rerun(at)
    served = load_model(ROOT / "models" / "lenet5.json", providers=["CPUExecutionProvider"])
    assert _prediction(at, "en") == predict_image(served, images[1234]).top[0][0]
    assert f"**{labels[1234]}**" in " ".join(c.value for c in at.caption)
    at.button(key="p15a_mnist_random").click()
    rerun(at)
    assert 0 <= at.number_input(key="p15a_mnist_idx").value < len(images)
