"""core.cnn.summary: rows, totals and MAC counts checked against PyTorch's own FLOP counter."""
from __future__ import annotations

import json

import pytest
import torch
import torch.nn as nn
from torch.utils.flop_counter import FlopCounterMode

from core import cnn
from core.cnn.__main__ import main
from core.cnn.googlenet import Inception
from core.cnn.lecture_tables import meta_model
from core.cnn.resnet import Bottleneck
from core.cnn.summary import layer_macs, summarize


def torch_macs(model: nn.Module, input_shape) -> int:
    """PyTorch's count for one sample: its FLOPs are 2 per multiply-accumulate of conv and matmul."""
    counter = FlopCounterMode(display=False)
    with counter, torch.no_grad():
        model.eval()(torch.zeros(1, *input_shape))
    return counter.get_total_flops() // 2


@pytest.mark.parametrize("name, shape", [
    ("lenet5", (1, 32, 32)),
    ("alexnet", (3, 99, 99)),
    ("resnet18", (3, 64, 64)),
    ("se_resnet50", (3, 32, 32)),
    ("googlenet", (3, 64, 64)),
])
def test_macs_equal_torch_flop_counter(name, shape):
    model = cnn.build(name, num_classes=10)
    assert summarize(model, shape).total_macs == torch_macs(model, shape)


def test_grouped_and_strided_conv_macs():
    conv = nn.Conv2d(8, 12, kernel_size=(3, 5), stride=2, padding=1, groups=4)
    out = conv(torch.zeros(1, 8, 11, 13))
    # Cout·Hout·Wout · (Cin/groups)·kh·kw
    assert layer_macs(conv, out) == 12 * out.shape[2] * out.shape[3] * 2 * 3 * 5 == torch_macs(conv, (8, 11, 13))


def test_rows_params_and_totals():
    model = cnn.build("lenet5")
    s = summarize(model, (1, 32, 32))
    assert sum(r.params for r in s.rows) == s.total_params == s.trainable_params == 61_706
    assert [r.output_shape for r in s.rows if r.type == "Conv2d"] == [(6, 28, 28), (16, 10, 10), (120, 1, 1)]
    assert all(r.activation_bytes == 4 * r.activations for r in s.rows)
    assert s.activation_bytes == 4 * s.total_activations == 4 * sum(r.activations for r in s.rows)
    model.classifier.output.requires_grad_(False)
    s = summarize(model, (1, 32, 32))
    assert s.trainable_params == s.total_params - 850


def test_to_dicts_is_plain_and_json_ready():
    dicts = summarize(cnn.build("lenet5"), (1, 32, 32)).to_dicts()
    assert json.loads(json.dumps(dicts)) == dicts
    assert dicts[0] == {"name": "features.c1", "type": "Conv2d", "output_shape": [6, 28, 28], "params": 156,
                        "activations": 6 * 28 * 28, "macs": 6 * 28 * 28 * 25, "is_block": False,
                        "activation_bytes": 4 * 6 * 28 * 28}


def test_str_is_an_aligned_table_with_separators():
    text = str(summarize(meta_model("vgg16"), (3, 224, 224)))
    assert "138,357,544" in text and "102,764,544" in text and "64×224×224" in text
    table = [line for line in text.splitlines() if "(" in line and ")" in line and "×" in line][1:]
    assert len({len(line) for line in table}) == 1            # every row padded to the same width


def test_eval_mode_for_googlenet_and_flags_restored():
    model = cnn.build("googlenet", num_classes=10).train()
    model.stages[0].eval()                                     # a mixed state must come back as it was
    before = {n: m.training for n, m in model.named_modules()}
    s = summarize(model, (3, 64, 64))
    assert not any(r.name.startswith("aux") for r in s.rows)  # aux heads run only in training
    assert s.rows[-1].output_shape == (10,)
    assert {n: m.training for n, m in model.named_modules()} == before


def test_blocks_are_one_row_with_their_leaves_macs():
    model = meta_model("googlenet")
    leaves = summarize(model, (3, 224, 224))
    blocks = summarize(model, (3, 224, 224), blocks=(Inception,))
    assert blocks.total_macs == leaves.total_macs and blocks.total_params == leaves.total_params
    rows = [r for r in blocks.rows if r.is_block]
    assert [r.name.rsplit(".", 1)[1] for r in rows][:2] == ["inception3a", "inception3b"] and len(rows) == 9
    assert rows[0].output_shape == (256, 28, 28)
    assert rows[0].macs == sum(r.macs for r in leaves.rows if ".inception3a." in r.name)
    aux = sum(p.numel() for head in (model.aux1, model.aux2) for p in head.parameters())
    assert sum(r.params for r in blocks.rows) == blocks.total_params - aux   # aux heads do not run in eval
    resnet = summarize(meta_model("resnet50"), (3, 224, 224), blocks=(Bottleneck,))
    assert sum(r.is_block for r in resnet.rows) == 16


class _TupleNet(nn.Module):
    """A leaf that returns a tuple, and one module called twice."""

    def __init__(self) -> None:
        super().__init__()
        self.pool = nn.MaxPool2d(2, return_indices=True)
        self.fc = nn.Linear(8, 8)

    def forward(self, x):
        y, _ = self.pool(x)             # (N, 2, 2, 2) and its indices
        return self.fc(self.fc(y.flatten(1)))


def test_tuple_outputs_and_repeated_calls():
    s = summarize(_TupleNet(), (2, 4, 4))
    pool, fc1, fc2 = s.rows
    assert pool.output_shape == (2, 2, 2) and pool.activations == 2 * 8   # values and indices
    assert (fc1.name, fc2.name) == ("fc", "fc") and (fc1.params, fc2.params) == (72, 0)
    assert fc1.macs == fc2.macs == 64 and s.total_params == 72


@pytest.mark.parametrize("shape", [(), (3, 0, 4), (-1, 8)])
def test_rejects_bad_input_shape(shape):
    with pytest.raises(ValueError, match="input_shape"):
        summarize(nn.Linear(3, 3), shape)


def test_cli_summary_and_list(capsys):
    assert main(["summary", "lenet5"]) == 0
    out = capsys.readouterr().out
    assert "features.c3 (Conv2d)" in out and "Total params:        61,706" in out
    assert main(["summary", "googlenet", "--input", "3,224,224", "--blocks", "Inception"]) == 0
    assert "inception3a (Inception)" in capsys.readouterr().out
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in cnn.list_models()) and "138,357,544" in out


def test_warm_up_pays_the_meta_imports_before_any_page():
    """warm_up summarises a tiny meta model (the lazy imports happen there, not in a visitor's page)."""
    import torch.nn as nn

    from core.cnn.summary import summarize, warm_up

    assert warm_up() >= 0
    s = summarize(nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 4 * 4, 3)).to("meta"),
                  (1, 6, 6))
    assert [r.output_shape for r in s.rows] == [(2, 4, 4), (2, 4, 4), (32,), (3,)]
