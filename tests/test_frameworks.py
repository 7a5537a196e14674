"""core.ml.frameworks: matmul timings, the machine's name, and the recorded autograd graph."""
import numpy as np
import pytest
import torch

from core.ml.frameworks import (
    DEVICES,
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


def test_matmul_timings_rows_and_flops():
    rows = matmul_timings(sizes=(8, 32), devices=("numpy", "torch-cpu"), repeats=2)
    assert [(r["device"], r["size"]) for r in rows] == [
        ("numpy", 8), ("numpy", 32), ("torch-cpu", 8), ("torch-cpu", 32)]
    for r in rows:
        assert r["seconds"] > 0
        np.testing.assert_allclose(r["gflops"], 2 * r["size"] ** 3 / r["seconds"] / 1e9, rtol=1e-12)


def test_available_devices_follow_cuda():
    assert available_devices()[:2] == ("numpy", "torch-cpu")
    assert ("torch-cuda" in available_devices()) == torch.cuda.is_available()
    assert set(available_devices()) <= set(DEVICES)


@pytest.mark.parametrize("kwargs, match", [
    ({"devices": ("tpu",)}, "unknown device"),
    ({"sizes": ()}, "sizes must be"),
    ({"sizes": (0,)}, "sizes must be"),
    ({"repeats": 0}, "repeats must be"),
])
def test_matmul_timings_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        matmul_timings(**kwargs)


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message on a machine without CUDA")
def test_cuda_requested_without_gpu_is_clear():
    with pytest.raises(ValueError, match="torch.cuda.is_available"):
        matmul_timings(sizes=(8,), devices=("torch-cuda",))


def test_machine_name_names_cpu_and_gpu():
    name = machine_name()
    assert "cores" in name
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    assert name.endswith(gpu)


def test_square_graph_matches_hand_gradients():
    w, x, b = 2.0, 3.0, 1.0
    g = autograd_graph("square", w=w, x=x, b=b)
    z = w * x + b
    assert g.value == pytest.approx(z**2, abs=1e-12)
    # y = z², ∂y/∂w = 2 z x, ∂y/∂b = 2 z; x is data (no gradient requested).
    assert g.grads == pytest.approx({"w": 2 * z * x, "b": 2 * z}, abs=1e-12)
    assert g.op_names() == ["PowBackward0", "AddBackward0", "MulBackward0"]
    leaves = sorted(label for _, label, kind in g.nodes if kind == "leaf")
    assert leaves == ["AccumulateGrad\\n(b.grad)", "AccumulateGrad\\n(w.grad)"]
    # a tree from y: every node but y has exactly one incoming edge
    ids = [nid for nid, _, _ in g.nodes]
    assert sorted(dst for _, dst in g.edges) == sorted(ids[1:])


def test_gradients_match_torch_for_every_expression():
    for expr, fn in EXPRESSIONS.items():
        for w in (-1.5, 0.7):
            g = autograd_graph(expr, w=w, x=2.0, b=0.5, requires_grad=("w", "x", "b"))
            ts = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (w, 2.0, 0.5)]
            y = fn(*ts)
            expected = torch.autograd.grad(y, ts)
            assert g.value == pytest.approx(y.item(), abs=1e-12)
            assert [g.grads[k] for k in "wxb"] == pytest.approx([e.item() for e in expected], abs=1e-12)


def test_branch_graph_depends_on_the_data():
    # define-by-run: the sign of w·x + b decides which operations were recorded
    positive = autograd_graph("branch", w=2.0, x=3.0, b=1.0)
    negative = autograd_graph("branch", w=-2.0, x=3.0, b=1.0)
    assert "PowBackward0" in positive.op_names()
    assert "PowBackward0" not in negative.op_names()
    assert negative.grads == pytest.approx({"w": 0.1 * 3.0, "b": 0.1}, abs=1e-12)


def test_to_dot_lists_every_node_and_edge():
    g = autograd_graph("sigmoid")
    dot = to_dot(g)
    assert dot.startswith("digraph") and dot.rstrip().endswith("}")
    for nid, label, _ in g.nodes:
        assert f'{nid} [label="{label}"' in dot
    for src, dst in g.edges:
        assert f"{src} -> {dst};" in dot


@pytest.mark.parametrize("kwargs, match", [
    ({"expr": "cube"}, "unknown expression"),
    ({"requires_grad": ("z",)}, "requires_grad may only"),
    ({"requires_grad": ()}, "at least one input"),
])
def test_autograd_graph_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        autograd_graph(**kwargs)


@pytest.mark.parametrize("c_in, c_out, k", [(3, 16, 3), (1, 8, 5), (64, 128, 1)])
def test_conv2d_params_equal_torch(c_in, c_out, k):
    layer = torch.nn.Conv2d(c_in, c_out, k)
    assert conv2d_params(c_in, c_out, k) == sum(p.numel() for p in layer.parameters())
    assert conv2d_params(3, 16, 3) == 448


@pytest.mark.parametrize("n_in, n_hidden", [(32, 64), (10, 20)])
def test_rnn_and_dense_params_equal_torch(n_in, n_hidden):
    assert rnn_params(n_in, n_hidden) == sum(p.numel() for p in torch.nn.RNN(n_in, n_hidden).parameters())
    assert rnn_params(n_in, n_hidden, biases=1) == rnn_params(n_in, n_hidden) - n_hidden  # Keras SimpleRNN
    assert dense_params(n_in, n_hidden) == sum(p.numel() for p in torch.nn.Linear(n_in, n_hidden).parameters())
    assert rnn_params(32, 64) == 6272 and dense_params(50 * 32, 64) == 102_464


def test_weight_sharing_keeps_counts_fixed_as_inputs_grow():
    # A CNN's filter and an RNN's matrices do not depend on the image size or the sequence length.
    assert {conv2d_params(3, 16, 3) for _side in (28, 224)} == {448}
    assert dense_params(224 * 224 * 3, 16) > dense_params(28 * 28 * 3, 16) > conv2d_params(3, 16, 3)
    with pytest.raises(ValueError, match="n_hidden"):
        rnn_params(3, 0)
