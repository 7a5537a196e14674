"""core.serve.infer and core.serve.explain: ONNX Runtime serving with sha256-verified model cards.

Tiny models are exported here with torch into tmp_path (a few layers, same card contract as the
real ones); the tests against the committed models in ``models/`` skip while those are absent.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.serve import infer
from core.serve.explain import explain, grid_patches, jet, occlusion, overlay
from core.serve.infer import (
    CPU,
    CUDA,
    Prediction,
    load_model,
    load_models,
    models_for,
    predict_image,
    select_providers,
)
from core.serve.preprocess import PreprocessError
from tests.conftest import ROOT, TINY, draw_seven, make_models_dir, tiny_net


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory) -> Path:
    return make_models_dir(tmp_path_factory.mktemp("models"))


@pytest.fixture
def models_copy(tiny_dir, tmp_path) -> Path:
    """A private copy to break: the module's models stay intact."""
    return Path(shutil.copytree(tiny_dir, tmp_path / "models"))


# --------------------------------------------------------------------------- providers
def test_env_var_forces_cpu(monkeypatch):
    monkeypatch.setattr(infer.ort, "get_available_providers", lambda: [CUDA, CPU])
    monkeypatch.setattr(infer, "_cuda_driver_present", lambda: True)
    monkeypatch.setenv("DL_FORCE_CPU", "1")
    assert select_providers() == [CPU]
    monkeypatch.setenv("DL_FORCE_CPU", "0")
    monkeypatch.setattr(infer.ort, "preload_dlls", lambda: None)
    assert select_providers() == [CUDA, CPU]
    assert select_providers(force_cpu=True) == [CPU]


def test_cuda_is_not_tried_without_a_driver_and_preload_failure_is_quiet(monkeypatch):
    monkeypatch.delenv("DL_FORCE_CPU", raising=False)
    monkeypatch.setattr(infer.ort, "get_available_providers", lambda: [CUDA, CPU])
    monkeypatch.setattr(infer, "_cuda_driver_present", lambda: False)
    assert select_providers() == [CPU]

    def broken():
        raise OSError("libcudnn.so.9: cannot open shared object file")

    monkeypatch.setattr(infer, "_cuda_driver_present", lambda: True)
    monkeypatch.setattr(infer.ort, "preload_dlls", broken)
    assert select_providers() == [CUDA, CPU]
    monkeypatch.delattr(infer.ort, "preload_dlls")  # older onnxruntime-gpu
    assert select_providers() == [CUDA, CPU]


def test_requested_cuda_falls_back_silently_and_reports_the_real_provider(tiny_dir, capfd):
    # onnxruntime-gpu lists CUDA even here; a session that asks for it must neither crash nor
    # print the provider bridge's error, and must say that it really runs on the CPU.
    model = load_model(tiny_dir / "mnist.json", providers=[CUDA, CPU])
    out, err = capfd.readouterr()
    assert model.provider in model.session.get_providers()
    if not infer._cuda_driver_present():
        assert model.provider == CPU
        assert "CUDA" not in out + err and "Failed" not in out + err


# --------------------------------------------------------------------------- loading and verifying
def test_all_tiny_models_load_once_on_the_cpu(tiny_dir, monkeypatch):
    monkeypatch.setenv("DL_FORCE_CPU", "1")
    models, errors = load_models(tiny_dir)
    assert errors == {} and sorted(models) == sorted(TINY)
    assert all(m.provider == CPU for m in models.values())
    assert [m.name for m in models_for(models, "digit")] == ["mnist", "lenet5"]  # default first
    assert [m.name for m in models_for(models, "pet")] == ["pets", "pets_scratch"]
    assert models["mnist"].accuracy == 0.99 and models["pets"].task == "pet"


def test_softmax_matches_torch_and_sums_to_one(tiny_dir):
    import torch

    net = tiny_net(1, 10, seed=0)  # the same weights export_tiny gave "mnist"
    model = load_model(tiny_dir / "mnist.json", providers=[CPU])
    x = np.random.default_rng(0).normal(size=(5, 1, 28, 28)).astype(np.float32)
    p = model.predict(x)
    assert p.dtype == np.float64 and p.shape == (5, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-12)
    with torch.no_grad():
        want = torch.softmax(net(torch.from_numpy(x)).double(), dim=1).numpy()
    np.testing.assert_allclose(p, want, rtol=0, atol=1e-5)


def test_sha256_mismatch_is_refused_with_a_clear_message_and_the_rest_serves(models_copy):
    card = json.loads((models_copy / "pets.json").read_text())
    card["sha256"] = "0" * 64
    (models_copy / "pets.json").write_text(json.dumps(card))
    models, errors = load_models(models_copy, force_cpu=True)
    assert set(errors) == {"pets"} and sorted(models) == ["lenet5", "mnist", "pets_scratch"]
    assert "models/pets.onnx does not match its card" in errors["pets"]
    assert "sha256" in errors["pets"] and "re-export" in errors["pets"]


def test_swapped_and_corrupted_onnx_files_are_refused(models_copy):
    shutil.copy(models_copy / "lenet5.onnx", models_copy / "mnist.onnx")  # swapped
    data = bytearray((models_copy / "pets.onnx").read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    (models_copy / "pets.onnx").write_bytes(bytes(data))
    models, errors = load_models(models_copy, force_cpu=True)
    assert set(errors) == {"mnist", "pets"} and sorted(models) == ["lenet5", "pets_scratch"]
    for name in ("mnist", "pets"):
        assert f"models/{name}.onnx does not match its card" in errors[name]
    assert models["lenet5"].predict(np.zeros((1, 1, 32, 32), np.float32)).shape == (1, 10)


def test_missing_file_broken_card_and_missing_folder_are_reported(models_copy, tmp_path):
    (models_copy / "lenet5.onnx").unlink()
    (models_copy / "pets_scratch.json").write_text("{not json")
    card = json.loads((models_copy / "pets.json").read_text())
    del card["preprocess"]
    (models_copy / "pets.json").write_text(json.dumps(card))
    models, errors = load_models(models_copy, force_cpu=True)
    assert sorted(models) == ["mnist"]
    assert "models/lenet5.onnx is missing" in errors["lenet5"]
    assert "cannot be read" in errors["pets_scratch"]
    assert "lacks preprocess" in errors["pets"]
    models, errors = load_models(tmp_path / "nowhere")
    assert models == {} and "does not exist" in errors["models"]


def test_card_with_wrong_class_count_or_bad_preprocess_is_refused(models_copy):
    card = json.loads((models_copy / "mnist.json").read_text())
    card["classes"] = card["classes"][:9]
    (models_copy / "mnist.json").write_text(json.dumps(card))
    card = json.loads((models_copy / "lenet5.json").read_text())
    card["preprocess"]["box"] = 40
    (models_copy / "lenet5.json").write_text(json.dumps(card))
    _, errors = load_models(models_copy, force_cpu=True)
    assert "outputs 10 classes but its card lists 9" in errors["mnist"]
    assert "invalid 'preprocess'" in errors["lenet5"]


# --------------------------------------------------------------------------- one request
def test_predict_image_for_both_tasks(tiny_dir):
    models, _ = load_models(tiny_dir, force_cpu=True)
    r = predict_image(models["lenet5"], draw_seven(ink=0, paper=255), top_k=3)
    assert isinstance(r, Prediction) and r.model == "lenet5" and r.label == r.top[0][0]
    assert sorted(r.probs) == [str(i) for i in range(10)]
    assert abs(sum(r.probs.values()) - 1) < 1e-9
    assert len(r.top) == 3 and r.top[0][1] == max(r.probs.values())
    assert [p for _, p in r.top] == sorted((p for _, p in r.top), reverse=True)
    assert r.preview.shape == (28, 28) and r.x.shape == (1, 1, 32, 32)
    assert r.ms > 0 and r.provider == CPU
    photo = Image.fromarray(np.random.default_rng(0).integers(0, 256, (150, 200, 3), dtype=np.uint8))
    r = predict_image(models["pets"], photo, top_k=5)
    assert set(r.probs) == {"cat", "dog"} and len(r.top) == 2
    assert r.preview.shape == (64, 64, 3)
    with pytest.raises(PreprocessError):
        predict_image(models["pets"], b"not an image")


def test_core_serving_never_imports_torch():
    code = ("import sys; import core.serve.infer, core.serve.preprocess, core.serve.explain; "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- saliency
class QuadrantModel:
    """A stand-in model whose 'cat' probability depends only on the top-left quadrant."""

    def predict(self, x):
        s = x[:, :, : x.shape[2] // 2, : x.shape[3] // 2].mean(axis=(1, 2, 3)).astype(np.float64)
        p = 1 / (1 + np.exp(-s))
        return np.stack([p, 1 - p], axis=1)


def _occlusion_reference(model, x, patch, stride, target):
    """Plain loops in float64: one occluded copy at a time."""
    _, _, h, w = x.shape
    p0 = model.predict(x)[0, target]
    heat, cover = np.zeros((h, w)), np.zeros((h, w))
    ys = sorted(set(range(0, h - patch + 1, stride)) | {h - patch})
    xs = sorted(set(range(0, w - patch + 1, stride)) | {w - patch})
    for y in ys:
        for x0 in xs:
            c = x.copy()
            c[:, :, y:y + patch, x0:x0 + patch] = 0
            heat[y:y + patch, x0:x0 + patch] += max(p0 - model.predict(c)[0, target], 0)
            cover[y:y + patch, x0:x0 + patch] += 1
    heat /= np.maximum(cover, 1)
    return heat / heat.max()


def test_occlusion_matches_a_loop_reference_and_finds_the_region():
    x = np.ones((1, 3, 40, 40), np.float32)  # positive everywhere: covering lowers 'cat'
    model = QuadrantModel()
    heat = occlusion(model, x, patch=10, stride=5, target=0)
    assert heat.shape == (40, 40) and heat.min() >= 0 and heat.max() == 1
    np.testing.assert_allclose(heat, _occlusion_reference(model, x.astype(np.float64), 10, 5, 0),
                               rtol=0, atol=1e-9)
    assert heat[:20, :20].mean() > 5 * heat[20:, 20:].mean()
    # the default target is the predicted class; small batches give the same map
    np.testing.assert_allclose(occlusion(model, x, patch=10, stride=5, max_batch=3), heat, atol=1e-12)
    with pytest.raises(ValueError, match="patch"):
        occlusion(model, x, patch=50)
    # grid=n: n × n overlapping patches tiling the input exactly
    assert grid_patches(224, 5) == (76, 37) and grid_patches(40, 3) == (20, 10)
    np.testing.assert_allclose(occlusion(model, x, grid=3),
                               _occlusion_reference(model, x.astype(np.float64), 20, 10, 0), atol=1e-9)
    with pytest.raises(ValueError, match="max_positions"):
        occlusion(model, x, patch=2, stride=1, max_positions=100)


def test_occlusion_on_an_onnx_model_and_overlay(tiny_dir):
    model = load_model(tiny_dir / "pets.json", providers=[CPU])
    photo = np.random.default_rng(1).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    r = predict_image(model, photo)
    heat = occlusion(model, r.x)
    assert heat.shape == (64, 64) and 0 <= heat.min() and heat.max() <= 1
    img = overlay(r.preview, heat)
    assert img.mode == "RGB" and img.size == (64, 64)
    # explain() takes the prediction itself: its input, its predicted class, its picture
    np.testing.assert_array_equal(np.asarray(explain(model, r, grid=3)),
                                  np.asarray(overlay(r.preview, occlusion(model, r.x, grid=3, target=r.index))))
    # hot pixels turn red, cold ones blue (jet), over a grey photo
    grey = np.full((32, 32, 3), 128, np.uint8)
    hm = np.zeros((32, 32))
    hm[:16] = 1
    out = np.asarray(overlay(grey, hm)).astype(int)
    assert out[4, 4, 0] > out[4, 4, 2] and out[28, 4, 2] > out[28, 4, 0]
    np.testing.assert_allclose(jet(np.array([0.0, 1.0])), [[0, 0, 0.5], [0.5, 0, 0]])


# --------------------------------------------------------------------------- the real models
REAL = ROOT / "models"


def _real(name: str):
    if not (REAL / f"{name}.onnx").is_file() or not (REAL / f"{name}.json").is_file():
        pytest.skip(f"models/{name}.onnx not exported yet")
    return load_model(REAL / f"{name}.json")


@pytest.mark.parametrize("name", ["mnist", "lenet5"])
def test_real_digit_model_reads_drawn_sevens_thin_and_thick(name):
    model = _real(name)
    for width in (3, 12, 40):
        r = predict_image(model, draw_seven(width, ink=0, paper=255))
        assert r.top[0][0] == "7", (width, r.top)


@pytest.mark.data
@pytest.mark.parametrize("name", ["mnist", "lenet5"])
def test_real_digit_model_keeps_its_accuracy_through_the_sketch_recipe(name, data_root_real):
    from core.pipeline.data import mnist_arrays

    model = _real(name)
    images, labels = mnist_arrays(train=False, root=data_root_real)
    images, labels = images[:300], labels[:300]
    # Re-running MNIST's own recipe on MNIST digits (crop, 20 px box, centre of mass) must keep them
    # readable: the demo's preprocessing is the training distribution, not an approximation of it.
    pred = [int(predict_image(model, im).top[0][0]) for im in images]
    assert np.mean(np.array(pred) == labels) >= 0.97


@pytest.mark.slow
@pytest.mark.parametrize("name", ["pets", "pets_scratch"])
def test_real_pet_model_and_saliency_speed(name):
    model = _real(name)
    examples = sorted((ROOT / "demos" / "examples").glob("*.jpg"))
    if not examples:
        pytest.skip("demos/examples has no photos")
    r = predict_image(model, examples[0])
    assert set(r.probs) == {"cat", "dog"}
    heat = occlusion(model, r.x, grid=5)  # what the demo runs; its time is measured by `python -m bench`
    assert heat.shape == r.x.shape[2:]
