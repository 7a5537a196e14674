"""The digit models' "I don't know" gate (issue 19): core.serve.ood.DigitGate, its card section,
its rates on the validation sets it was chosen on, and the unknown answer through gradio_client."""
from __future__ import annotations

import json
import socket

import numpy as np
import pytest
from PIL import Image

from core.serve.card import load_card, validate_card
from core.serve.infer import load_model, predict_image
from core.serve.ood import DIGIT_FEATURES, GATES, UNKNOWN_LABEL, DigitGate, digit_image_stats, gate_for

from .conftest import ROOT, draw_seven

MODELS = ROOT / "models"
DIGIT_MODELS = ("mnist", "lenet5")


@pytest.fixture(scope="module", params=DIGIT_MODELS)
def model(request):
    return load_model(MODELS / f"{request.param}.json", ["CPUExecutionProvider"])


def _texture(kind: str, seed: int = 7) -> Image.Image:
    from core.pipeline import ood_sets

    rng = np.random.default_rng(seed)
    return ood_sets._texture(kind, rng, 224)


def test_digit_gate_is_registered_and_built_from_the_card(model):
    assert "digit_gate" in GATES
    assert isinstance(model.gate, DigitGate)
    spec = model.card["ood"]
    assert spec["method"] == "digit_gate" and spec["features"] == list(DIGIT_FEATURES)
    assert 0.0 < spec["threshold"] < 1.0 and "validation" in spec["chosen_on"]


def test_card_with_a_wrong_feature_list_is_refused():
    card = json.loads((MODELS / "mnist.json").read_text())
    card["ood"]["features"] = card["ood"]["features"][:-1]
    with pytest.raises(ValueError, match="features"):
        gate_for(card)
    card = json.loads((MODELS / "mnist.json").read_text())
    card["ood"]["std"] = [0.0] * len(DIGIT_FEATURES)
    with pytest.raises(ValueError, match="std"):
        gate_for(card)


def test_gate_needs_the_image_statistics(model):
    with pytest.raises(ValueError, match="image_stats"):
        model.gate.decide({"logits": np.zeros((1, 10), np.float32)}, None)


@pytest.mark.parametrize("img", [draw_seven(), draw_seven(ink=0, paper=255), draw_seven(width=6)],
                         ids=["bright_on_dark", "marker_on_paper", "thin_pen"])
def test_drawings_are_answered(model, img):
    p = predict_image(model, img)
    assert not p.unknown and p.label == "7" and p.display_label == "7"


def test_transparent_sketchpad_layer_is_answered(model):
    alpha = draw_seven()                                 # the Sketchpad: black ink on a transparent layer
    black = Image.new("L", alpha.size, 0)
    p = predict_image(model, Image.merge("RGBA", [black, black, black, alpha]))
    assert not p.unknown and p.label == "7"


@pytest.mark.parametrize("kind", ["noise", "colour_noise", "clouds", "shapes"])
def test_textures_are_unknown_with_confidences_kept(model, kind):
    p = predict_image(model, _texture(kind))
    assert p.unknown and p.display_label == UNKNOWN_LABEL
    assert "drawn digit" in p.reason and abs(sum(p.probs.values()) - 1) < 1e-6   # confidences still there


@pytest.mark.parametrize("kind", ["stripes", "checkerboard", "gradient", "flat"])
def test_periodic_and_flat_textures_are_refused(model, kind):
    """Unknown, or (when the border median leaves no ink: a flat colour) the usual empty-canvas error."""
    from core.serve.preprocess import EmptyDrawingError

    for seed in range(3):
        try:
            assert predict_image(model, _texture(kind, seed)).unknown
        except EmptyDrawingError:
            pass


def test_demo_photos_are_unknown_and_its_digits_answered(model):
    for photo in sorted((ROOT / "demos" / "examples").glob("*.jpg")):
        assert predict_image(model, photo).unknown, photo.name
    for digit in sorted((ROOT / "demos" / "examples").glob("digit_*.png")):
        p = predict_image(model, digit)
        assert not p.unknown and p.label == digit.stem.split("_")[1], digit.name


def test_image_stats_are_scale_free_and_cheap_to_read():
    small, big = draw_seven(size=100), draw_seven(size=800, width=48)
    a, b = digit_image_stats(small), digit_image_stats(big)
    assert set(a) == set(DIGIT_FEATURES) - {"max_logit", "energy"}
    for k in ("ink_fraction", "mid_grey", "colourfulness", "border_ink"):
        assert abs(a[k] - b[k]) < 0.05, k


@pytest.mark.parametrize("name", DIGIT_MODELS)
def test_card_records_rates_that_meet_the_targets(name):
    card = load_card(MODELS / f"{name}.json")             # the export schema validates ood + calibration
    t = card["ood"]["test"]
    assert t["MNIST test digits"]["rate"] <= 0.01 and t["MNIST test digits"]["n"] >= 1000
    assert t["held-out pet photos"]["rate"] >= 0.95
    assert t["textures 'test'"]["rate"] >= 0.90
    assert card["ood"]["extra_ms_cpu"] <= 5.0
    c = card["calibration"]
    assert c["temperature"] > 0 and 0 <= c["ece_after"] <= 1 and "drawn digits seed 100" in c["fitted_on"]


def test_calibration_sections_of_the_cards_are_validated():
    for name in ("mnist", "lenet5", "pets_scratch"):
        card = load_card(MODELS / f"{name}.json")
        assert card["calibration"]["temperature"] > 0 and "ece_test_after" in card["calibration"]
        bad = json.loads(json.dumps(card))
        bad["calibration"]["ece_after"] = 1.5
        with pytest.raises(ValueError, match="ece_after"):
            validate_card(bad)


# --------------------------------------------------------------------------- on the validation sets
@pytest.mark.data
@pytest.mark.slow
def test_gate_rates_on_validation_sets(data_root_real):
    """Re-measured on (smaller) validation sets the thresholds were chosen on, with margins."""
    from core.pipeline.honesty import DigitRun, digit_sets
    from core.serve.infer import create_session

    card = json.loads((MODELS / "mnist.json").read_text())
    gate = gate_for(card)
    ins, outs, _ = digit_sets("val", data_root_real, n_mnist=150, per_digit=2, per_kind=4, n_pets=60)
    run = DigitRun(create_session(MODELS / "mnist.onnx", ["CPUExecutionProvider"]), card, {**ins, **outs})
    rate = {k: float(run.rejected(gate, k).mean()) for k in {**ins, **outs}}
    assert rate["mnist"] <= 0.02 and rate["drawn"] <= 0.03
    assert rate["pet_photos"] >= 0.95 and rate["textures"] >= 0.90 and rate["package_photos"] >= 0.6


# --------------------------------------------------------------------------- through the demo's API
@pytest.mark.slow
def test_texture_sent_to_predict_digit_answers_unknown_through_gradio_client(tmp_path):
    from gradio_client import Client, handle_file

    from demos.app import DemoConfig, build_demo, launch

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = build_demo(MODELS, DemoConfig())
    _, url, _ = launch(demo, DemoConfig(server_port=port), prevent_thread_lock=True, quiet=True)
    try:
        client = Client(url, verbose=False)
        tex, seven = tmp_path / "clouds.png", tmp_path / "seven.png"
        _texture("clouds").save(tex)
        draw_seven().save(seven)
        r = client.predict(handle_file(str(tex)), api_name="/predict_digit")
        assert "unknown" in r["label"] and len(r["confidences"]) >= 3    # confidences still shown
        assert client.predict(handle_file(str(seven)), api_name="/predict_digit")["label"] == "7"
    finally:
        demo.close()


# --------------------------------------------------------------------------- drawn digits in the cards (#16)
@pytest.mark.parametrize("name", DIGIT_MODELS)
def test_cards_record_drawn_digit_accuracy_per_set(name):
    from core.pipeline.drawn_digits import SETS

    card = load_card(MODELS / f"{name}.json")
    extra = card["metrics"]["extra"]
    for which in SETS:
        e = extra[f"drawn_{which}"]
        assert e["n"] >= 100 and e["ci95"][0] <= e["accuracy"] <= e["ci95"][1]
        assert e["accuracy"] >= 0.85, which


def test_metrics_extra_is_validated():
    card = json.loads((MODELS / "mnist.json").read_text())
    for bad, match in (({"n": 0, "accuracy": 0.5, "ci95": [0.4, 0.6]}, "accuracy"),
                       ({"n": 10, "accuracy": 0.9, "ci95": [0.95, 0.99]}, "ci95"),
                       ({"n": 10, "ci95": [0.4, 0.6]}, "accuracy"), ("0.9", "dict")):
        card["metrics"]["extra"] = {"drawn_x": bad}
        with pytest.raises(ValueError, match=match):
            validate_card(card)


def test_fit_logistic_separates_and_matches_the_balanced_optimum():
    from core.pipeline.honesty import fit_logistic

    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(1.0, 1.0, (400, 2)), rng.normal(-1.0, 1.0, (100, 2))])
    y = np.concatenate([np.ones(400), np.zeros(100)])
    w, b = fit_logistic(x, y, l2=0.0)
    assert w[0] > 0.5 and w[1] > 0.5
    p = 1 / (1 + np.exp(-(x @ w + b)))
    sw = np.where(y == 1, 0.5 / 400, 0.5 / 100)
    assert np.allclose(np.concatenate([x, np.ones((500, 1))], axis=1).T @ (sw * (p - y)), 0, atol=1e-8)  # gradient 0
