"""The famous CNNs: the lecture's numbers as assertions, and a forward/backward pass of every registered model."""
from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn as nn

from core import cnn
from core.cnn import lecture_tables as lt
from core.cnn.alexnet import LRN_ALPHA, LRN_BETA, LRN_K, LRN_SIZE
from core.cnn.googlenet import INCEPTION_V1, GoogLeNetOutputs
from core.cnn.resnet import RESNET_LAYERS, BasicBlock
from core.cnn.senet import SEBlock


def n_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# --- parameter totals --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(lt.REFERENCE_PARAMS))
def test_parameter_totals_match_the_lecture(name):
    assert n_params(lt.meta_model(name)) == lt.REFERENCE_PARAMS[name]


def test_alexnet_groups_2_gives_the_papers_count():
    ungrouped, grouped = lt.meta_model("alexnet"), lt.meta_model("alexnet", groups=2)
    assert n_params(grouped) == lt.ALEXNET_GROUPED_TOTAL
    # Only the split layers lose weights, exactly half of them; biases stay.
    for name, conv in ungrouped.features.named_children():
        if isinstance(conv, nn.Conv2d):
            g = getattr(grouped.features, name)
            expected = conv.weight.numel() // 2 if g.groups == 2 else conv.weight.numel()
            assert g.weight.numel() == expected
    assert [n for n, m in grouped.features.named_children() if getattr(m, "groups", 1) == 2] == \
        ["conv2", "conv4", "conv5"]


def test_googlenet_torchvision_compat_has_torchvisions_count():
    tv = lt.meta_model("googlenet", aux_logits=False, torchvision_compat=True)
    assert n_params(tv) == lt.GOOGLENET_TORCHVISION_TOTAL
    # The paper's 5×5 branch differs from torchvision's 3×3 by (25 − 9)·reduce·out weights per module.
    paper = lt.meta_model("googlenet", aux_logits=False)
    extra = sum(cfg[4] * cfg[5] * (25 - 9) for entry in INCEPTION_V1 if entry for _, cfg in [entry])
    assert n_params(paper) - n_params(tv) == extra


def test_resnet_table_gives_the_depth():
    # depth = stem conv + fc + convolutions in the residual branches (2 per BasicBlock, 3 per Bottleneck)
    for depth, (block, layers) in RESNET_LAYERS.items():
        per_block = 2 if block is BasicBlock else 3
        assert 2 + per_block * sum(layers) == depth


def test_se_resnet50_adds_one_se_block_per_bottleneck():
    base, se = lt.meta_model("resnet50"), lt.meta_model("se_resnet50")
    blocks = [m for m in se.modules() if isinstance(m, SEBlock)]
    assert len(blocks) == sum(RESNET_LAYERS[50][1])
    assert n_params(se) - n_params(base) == sum(n_params(b) for b in blocks)


# --- per-layer tables ---------------------------------------------------------------------------------------

def test_lenet5_layers_match_the_lecture():
    rows = lt.lenet5_rows()
    assert [r["params"] for r in rows] == [r["lecture_params"] for r in rows]
    assert [r["size"] for r in rows if r["lecture_size"]] == [r.value for r in lt.LENET5_MAP_SIZES]
    assert sum(r["params"] for r in rows) == lt.LENET5_TOTAL == n_params(lt.meta_model("lenet5"))


@pytest.mark.parametrize("groups", [1, 2])
def test_alexnet_layers_match_the_lecture(groups):
    rows = lt.alexnet_rows(groups=groups)
    assert [r["map"] for r in rows if r["lecture_map"]] == [r.value for r in lt.ALEXNET_FEATURE_MAPS]
    if groups == 1:
        assert [r["params"] for r in rows] == [r["lecture_params"] for r in rows]
        assert sum(r["params"] for r in rows) == lt.ALEXNET_TOTAL
    else:
        assert sum(r["params"] for r in rows) == lt.ALEXNET_GROUPED_TOTAL


def test_vgg16_table_rows_match_the_lecture():
    rows = lt.vgg16_activation_rows()
    assert len(rows) == len(lt.VGG16_ACTIVATIONS)
    for r in rows:
        assert lt.matches_printed(r["activations"], r["lecture_activations"]), r
        assert r["weights"] == r["lecture_weights"], r
        assert r["activations"] == int(np.prod(r["shape"]))


def test_vgg16_total_is_the_true_sum_not_the_slides_24m():
    totals = lt.vgg16_activation_totals()
    assert totals["activations"] == 15_237_608                       # the number
    assert totals["bytes"] == 4 * totals["activations"] and round(totals["bytes"] / 1e6) == 61
    # The slide's own rounded rows add up to ~15.2M too; its printed total does not follow from them.
    assert lt.matches_printed(totals["sum_of_printed_rows"], "15.2M")
    assert not lt.matches_printed(totals["activations"], totals["lecture_printed_total"])
    assert round(totals["bytes"] / 1e6) != totals["lecture_printed_memory_mb"]
    assert totals["weights"] == totals["lecture_weights"] == totals["params"] - 13_416  # 13,416 biases
    assert lt.matches_printed(totals["params"], totals["lecture_printed_params"])


def test_inception3a_matches_the_lecture():
    t = lt.inception3a()
    assert t["out"] == t["lecture_out"] == (28, 28, 256)
    assert t["conv_weights"] == 163_328 and lt.matches_printed(t["conv_weights"], t["lecture_weights"], k=1024)
    assert t["macs"] == 128_049_152 and lt.matches_printed(t["macs"], t["lecture_macs"])
    # Every convolution of (3a) is 'same'-padded, stride 1: MACs = weights · 28 · 28.
    assert t["macs"] == t["conv_weights"] * 28 * 28


# --- building blocks ----------------------------------------------------------------------------------------

def test_lrn_uses_the_papers_formula():
    """nn.LocalResponseNorm with our constants equals the paper's b = a / (k + α Σ a²)^β, in float64."""
    a = torch.randn(2, 9, 4, 5, dtype=torch.float64)
    model = cnn.build("alexnet", num_classes=10)
    lrn = model.features.conv1_lrn
    x = a.numpy()
    sq = np.pad(x**2, ((0, 0), (LRN_SIZE // 2, LRN_SIZE // 2), (0, 0), (0, 0)))   # zero maps beyond the edges
    window = np.lib.stride_tricks.sliding_window_view(sq, LRN_SIZE, axis=1).sum(-1)  # (N, C, H, W)
    expected = x / (LRN_K + LRN_ALPHA * window) ** LRN_BETA
    np.testing.assert_allclose(lrn(a).numpy(), expected, rtol=1e-12, atol=1e-14)


def test_se_block_on_its_own():
    torch.manual_seed(0)
    se = SEBlock(64, reduction=16).double()
    assert n_params(se) == 64 * 4 + 4 + 4 * 64 + 64
    x = torch.randn(3, 64, 5, 7, dtype=torch.float64)
    w = torch.sigmoid(se.fc2(torch.relu(se.fc1(x.mean(dim=(2, 3))))))   # (N, C)
    torch.testing.assert_close(se(x), x * w[:, :, None, None], rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="reduction"):
        SEBlock(8, reduction=16)


def test_googlenet_has_two_aux_heads_in_training_only():
    torch.manual_seed(0)
    model = cnn.build("googlenet", num_classes=10).train()
    x = torch.randn(2, 3, 64, 64)
    out = model(x)
    assert isinstance(out, GoogLeNetOutputs) and [o.shape for o in out] == [(2, 10)] * 3
    (out.logits.sum() + 0.3 * (out.aux1.sum() + out.aux2.sum())).backward()
    assert model.aux1.fc2.weight.grad is not None and model.aux2.fc2.weight.grad is not None
    model.eval()
    assert model(x).shape == (2, 10)
    no_aux = cnn.build("googlenet", num_classes=10, aux_logits=False).train()
    assert no_aux(x).shape == (2, 10)


@pytest.mark.parametrize("kwargs, match", [
    (dict(name="alexnet", groups=3), "groups"),
    (dict(name="vgg16", dropout=1.0), "dropout"),
])
def test_builders_validate_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        lt.meta_model(**kwargs)


def test_lenet5_rejects_other_sizes():
    with pytest.raises(ValueError, match="32, 32"):
        cnn.build("lenet5")(torch.zeros(1, 1, 28, 28))


# --- every registered model ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in cnn.list_models() if cnn.model_info(n).famous])
def test_famous_models_document_their_paper(name):
    info = cnn.model_info(name)
    assert info.year and info.paper and info.paper.startswith("http")
    assert info.paper in info.builder.__doc__ and "Departures from the paper" in info.builder.__doc__


@pytest.mark.parametrize("name", cnn.list_models())
def test_forward_and_backward(name):
    torch.manual_seed(0)
    info = cnn.model_info(name)
    shape = info.test_input_shape or info.input_shape
    model = cnn.build(name, num_classes=10).eval().requires_grad_(False)   # only the input's gradient is needed
    x = torch.randn(2, *shape, requires_grad=True)
    out = model(x)
    assert out.shape == (2, 10)
    out.square().sum().backward()
    assert x.grad is not None and torch.isfinite(x.grad).all() and x.grad.abs().sum() > 0
