"""The committed models/*.onnx + models/*.json: valid cards, matching files, and the accuracy targets.

A committed model that misses its target fails here on purpose.
"""
import json
from pathlib import Path

import numpy as np
import onnx
import pytest

from core.serve.card import load_card, sha256_file

MODELS = Path(__file__).resolve().parent.parent / "models"
CARDS = sorted(MODELS.glob("*.json"))
EXPECTED = ("mnist", "lenet5", "pets", "pets_scratch")
# Held-out accuracy targets (issue 6). LeNet-5 has no target in the issue; 0.98 is a floor for a
# correctly trained classic LeNet-5 (~99 %), so a broken export or training is still caught.
TARGETS = {"mnist": 0.995, "pets": 0.985, "pets_scratch": 0.90, "lenet5": 0.98}
MAX_BYTES = 25 * 1024 * 1024


def test_all_four_models_committed():
    assert sorted(p.stem for p in CARDS) == sorted(EXPECTED)


@pytest.fixture(params=CARDS, ids=[p.stem for p in CARDS])
def card(request) -> dict:
    c = load_card(request.param)          # schema: raises ValueError naming the bad field
    assert c["name"] == request.param.stem
    return c


def test_card_file_matches_onnx(card):
    path = MODELS / card["file"]
    assert path.exists(), f"{card['file']} missing"
    assert path.stat().st_size < MAX_BYTES
    assert sha256_file(path) == card["sha256"]
    assert not any(p.suffix in (".data", ".onnx_data") for p in MODELS.iterdir())  # single-file ONNX


def test_onnx_checker_and_signature(card):
    path = MODELS / card["file"]
    proto = onnx.load(str(path))
    onnx.checker.check_model(proto, full_check=True)
    assert [i.name for i in proto.graph.input] == [card["input"]["name"]]
    extra = [o["name"] for o in card.get("extra_outputs", [])]
    assert [o.name for o in proto.graph.output] == [card["output"]["name"], *extra]
    assert max(o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")) == card["opset"]


def test_onnx_runs_with_dynamic_batch(card):
    import onnxruntime as ort

    sess = ort.InferenceSession(str(MODELS / card["file"]), providers=["CPUExecutionProvider"])
    _, c, h, w = card["input"]["shape"]
    for batch in (1, 3):
        x = np.random.default_rng(batch).standard_normal((batch, c, h, w)).astype(np.float32)
        logits, *extra = sess.run(None, {card["input"]["name"]: x})
        assert len(extra) == len(card.get("extra_outputs", []))
        assert logits.shape == (batch, len(card["classes"]))
        assert np.isfinite(logits).all()


def test_accuracy_target_and_consistent_metrics(card):
    test = card["metrics"]["test"]
    cm = np.asarray(test["confusion_matrix"])
    assert np.trace(cm) / cm.sum() == pytest.approx(test["accuracy"], abs=1e-9)
    assert test["accuracy"] >= TARGETS[card["name"]], (
        f"{card['name']}: held-out accuracy {test['accuracy']:.4f} < target {TARGETS[card['name']]}")


def test_one_default_per_task():
    cards = [json.loads(p.read_text(encoding="utf-8")) for p in CARDS]
    for task in {c["task"] for c in cards}:
        assert sum(c["default"] for c in cards if c["task"] == task) == 1, task
