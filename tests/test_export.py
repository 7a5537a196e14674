"""ONNX export and model cards: a tiny model end to end, the card schema, the Wilson interval."""
import copy
import json
import math

import numpy as np
import onnx
import pytest
import torch
import torch.nn as nn

from core.pipeline import export
from core.serve import card as card_lib
from core.serve.infer import create_session


class Tiny(nn.Module):
    def __init__(self, c: int = 1, k: int = 3):
        super().__init__()
        self.conv = nn.Conv2d(c, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4, k)

    def forward(self, x):
        y = torch.relu(self.bn(self.conv(x)))           # (N, 4, H, W)
        return self.fc(y.mean(dim=(2, 3)))               # (N, k)


@pytest.fixture(scope="module")
def tiny_onnx(tmp_path_factory):
    torch.manual_seed(0)
    model = Tiny().eval()
    path = export.export_model(model, torch.randn(1, 1, 8, 8), tmp_path_factory.mktemp("onnx") / "tiny.onnx")
    return model, path


def test_export_model_names_opset_and_single_file(tiny_onnx):
    _, path = tiny_onnx
    proto = onnx.load(str(path))
    onnx.checker.check_model(proto, full_check=True)
    assert [i.name for i in proto.graph.input] == ["input"]
    assert [o.name for o in proto.graph.output] == ["logits"]
    assert export.onnx_opset(path) >= 17
    assert sorted(p.name for p in path.parent.iterdir()) == ["tiny.onnx"]   # no external-data side file
    for init in proto.graph.initializer:
        assert init.data_location != onnx.TensorProto.EXTERNAL


@pytest.mark.parametrize("batch", [1, 5])
def test_export_model_dynamic_batch_matches_torch(tiny_onnx, batch):
    """Exported with a batch of 1 (made 2 internally); other batch sizes run and agree with PyTorch."""
    model, path = tiny_onnx
    x = np.random.default_rng(batch).standard_normal((batch, 1, 8, 8)).astype(np.float32)
    assert create_session(path, ["CPUExecutionProvider"]).get_inputs()[0].shape[0] in ("batch", "s0") or \
        not isinstance(create_session(path, ["CPUExecutionProvider"]).get_inputs()[0].shape[0], int)
    assert export.max_abs_diff(model, path, x) <= 1e-5


def test_max_abs_diff_detects_a_different_model(tiny_onnx):
    model, path = tiny_onnx
    other = copy.deepcopy(model)
    with torch.no_grad():
        other.fc.bias += 0.5
    x = np.zeros((2, 1, 8, 8), np.float32)
    assert export.max_abs_diff(other, path, x) == pytest.approx(0.5, abs=1e-5)


def test_export_model_rejects_missing_batch_axis(tmp_path):
    with pytest.raises(ValueError, match="batch axis"):
        export.export_model(Tiny(), torch.zeros(8), tmp_path / "x.onnx")


# --------------------------------------------------------------------------- card schema
def valid_card(tmp_path) -> dict:
    f = tmp_path / "m.onnx"
    f.write_bytes(b"not really onnx")
    return {
        "name": "m", "title": {"ko": "모델", "en": "model"}, "task": "pet", "default": True,
        "architecture": "pets_net", "params": 10, "file": "m.onnx", "sha256": card_lib.sha256_file(f),
        "opset": 18,
        "classes": [{"index": 0, "name": "cat", "display": {"ko": "고양이", "en": "cat"}},
                    {"index": 1, "name": "dog", "display": {"ko": "개", "en": "dog"}}],
        "input": {"name": "input", "shape": [None, 3, 64, 64], "dtype": "float32", "layout": "NCHW"},
        "output": {"name": "logits", "kind": "logits"},
        "preprocess": {"kind": "photo", "color": "RGB", "resize": 64, "crop": 64, "interpolation": "bilinear",
                       "scale": 1 / 255, "mean": [0.5] * 3, "std": [0.25] * 3, "channel_order": "RGB",
                       "layout": "NCHW"},
        "metrics": {"test": {"split": "held-out", "n": 10, "accuracy": 0.9, "ci95": [0.6, 0.98],
                             "confusion_matrix": [[5, 0], [1, 4]]}},
        "data": {"name": "PetImages"},
        "training": {"device": "cpu", "hardware": "cpu", "wall_time_s": 1.0, "epochs": 1, "seed": 0,
                     "command": "python -m core.pipeline.train pets_scratch", "date": "2026-11-28"},
        "history": {"epoch": [1], "test_acc": [0.9]},
        "versions": {"torch": "2", "onnx": "1", "onnxruntime": "1", "python": "3"},
        "ort_vs_torch_max_abs_diff": 1e-6, "ort_vs_torch_n_images": 64,
    }


def test_valid_card_passes_and_round_trips(tmp_path):
    c = valid_card(tmp_path)
    assert card_lib.validate_card(c) is c
    p = tmp_path / "m.json"
    p.write_text(json.dumps(c, ensure_ascii=False))
    assert card_lib.load_card(p) == c


@pytest.mark.parametrize("path,value,field", [
    (("task",), "cow", "task"),
    (("sha256",), "abc", "sha256"),
    (("opset",), 11, "opset"),
    (("classes", 1, "index"), 0, "index"),
    (("classes", 0, "display"), {"en": "cat"}, "ko"),
    (("input", "shape"), [1, 3, 64, 64], "shape"),
    (("preprocess", "crop"), 32, "crop"),
    (("preprocess", "mean"), [0.5], "mean"),
    (("metrics", "test", "ci95"), [0.95, 0.99], "ci95"),
    (("metrics", "test", "confusion_matrix"), [[5, 0], [1, 5]], "confusion_matrix"),
    (("training", "seed"), True, "seed"),
    (("ort_vs_torch_max_abs_diff",), 1e-3, "ort_vs_torch_max_abs_diff"),
    (("versions",), {"torch": "2"}, "onnx"),
])
def test_invalid_card_names_the_field(tmp_path, path, value, field):
    c = valid_card(tmp_path)
    d = c
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value
    with pytest.raises(ValueError, match=field):
        card_lib.validate_card(c)


def test_missing_field_is_named(tmp_path):
    c = valid_card(tmp_path)
    del c["preprocess"]["interpolation"]
    with pytest.raises(ValueError, match="interpolation"):
        card_lib.validate_card(c)


def test_load_card_bad_json_names_file(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text("{")
    with pytest.raises(ValueError, match="broken.json"):
        card_lib.load_card(p)


def test_sha256_file_matches_hashlib(tmp_path):
    import hashlib

    data = np.random.default_rng(0).bytes(3_000_000)   # spans several read chunks
    p = tmp_path / "blob"
    p.write_bytes(data)
    assert card_lib.sha256_file(p, chunk=1 << 20) == hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- Wilson interval
@pytest.mark.parametrize("k,n", [(0, 10), (3, 10), (10, 10), (9953, 10000), (2470, 2500), (1, 1)])
def test_wilson_ci_solves_its_defining_inequality(k, n):
    """Wilson's interval is {p : |k/n − p| ≤ z·√(p(1−p)/n)}: its ends are the quadratic's roots."""
    z = card_lib.Z95
    p_hat = k / n
    # (p̂ − p)² = z² p(1−p)/n  ⇔  (1 + z²/n) p² − (2p̂ + z²/n) p + p̂² = 0
    roots = np.sort(np.roots([1 + z * z / n, -(2 * p_hat + z * z / n), p_hat * p_hat]).real)
    lo, hi = card_lib.wilson_ci(k, n)
    assert lo == pytest.approx(max(0.0, roots[0]), abs=1e-12)
    assert hi == pytest.approx(min(1.0, roots[1]), abs=1e-12)
    assert 0.0 <= lo <= p_hat <= hi <= 1.0


def test_wilson_ci_card_example_and_errors():
    lo, hi = card_lib.wilson_ci(9953, 10000)     # the card.md example: [0.9938, 0.9965]
    assert (round(lo, 4), round(hi, 4)) == (0.9938, 0.9965)
    assert math.isclose(card_lib.Z95, 1.959963984540054)
    with pytest.raises(ValueError, match="n must be positive"):
        card_lib.wilson_ci(0, 0)
    with pytest.raises(ValueError, match="k must be"):
        card_lib.wilson_ci(11, 10)


# --------------------------------------------------------------------------- checkpoint → ONNX + card
def _tiny_checkpoint(path):
    """A final.pt in the train helper's format with an untrained registered MNIST net."""
    from core import cnn

    torch.manual_seed(0)
    net = cnn.build("mnist_net", num_classes=10).eval()
    cm = [[0] * 10 for _ in range(10)]
    cm[0][0] = 10
    torch.save({
        "arch": "mnist_net", "arch_kwargs": {"num_classes": 10}, "state_dict": net.state_dict(),
        "classes": [str(i) for i in range(10)], "task": "digit",
        "preprocess": {"kind": "digit_sketch", "color": "L", "ink": "bright_on_dark", "box": 20, "size": 28,
                       "pad_to": 28, "center": "mass", "scale": 1 / 255, "mean": [0.1307], "std": [0.3081]},
        "metrics": {"test": {"split": "MNIST official test set", "n": 10, "accuracy": 1.0,
                             "ci95": list(card_lib.wilson_ci(10, 10)), "confusion_matrix": cm}},
        "training": {"device": "cpu", "hardware": "test", "wall_time_s": 0.1, "epochs": 0, "seed": 0,
                     "command": "pytest", "date": "2026-11-28", "train_n": 0},
        "history": {"epoch": [1], "train_loss": [float("nan")], "test_acc": [1.0]},
    }, path)


@pytest.mark.data
def test_export_checkpoint_writes_valid_card(tmp_path, data_root_real):
    ckpt = tmp_path / "final.pt"
    _tiny_checkpoint(ckpt)
    res = export.export_checkpoint(ckpt, "mnist", tmp_path / "models", data_dir=data_root_real, n_check=16)
    card = card_lib.load_card(res.card_path)
    assert card["sha256"] == card_lib.sha256_file(res.onnx_path)
    assert card["input"]["shape"] == [None, 1, 28, 28]
    assert card["classes"][3] == {"index": 3, "name": "3", "display": {"ko": "3", "en": "3"}}
    assert card["history"]["train_loss"] == [None]            # NaN is not JSON: written as null
    assert card["ort_vs_torch_n_images"] == 16
    assert 0.0 <= card["ort_vs_torch_max_abs_diff"] <= 1e-4
    assert card["default"] is True and card["title"]["ko"]
    assert "NaN" not in res.card_path.read_text()


def test_load_checkpoint_rejects_incomplete(tmp_path):
    p = tmp_path / "bad.pt"
    torch.save({"arch": "mnist_net"}, p)
    with pytest.raises(ValueError, match="state_dict"):
        export.load_checkpoint(p)


def test_class_entries_and_input_shape():
    pets = export.class_entries(["Cat", "Dog"], "pet")
    assert pets[0] == {"index": 0, "name": "cat", "display": {"ko": "고양이", "en": "cat"}}
    assert pets[1]["display"]["ko"] == "개"
    assert export.input_shape({"kind": "digit_sketch", "size": 28, "pad_to": 32}) == [None, 1, 32, 32]
    assert export.input_shape({"kind": "photo", "crop": 224}) == [None, 3, 224, 224]
    with pytest.raises(ValueError, match="kind"):
        export.input_shape({"kind": "audio"})
