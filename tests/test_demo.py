"""demos/app.py: the Gradio demo launched on a free port and called through gradio_client, its
handlers, its security settings, and starting without models.

Uses the real models in ``models/`` once all four are exported, the tiny fixture models before.
"""
import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from demos.app import EXPECTED, DemoConfig, Handlers, build_demo, launch
from tests.conftest import ROOT, draw_seven, make_models_dir

# gradio's queue trips pandas 3 deprecations of its own; nothing to act on here
pytestmark = pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*")

EXAMPLES = ROOT / "demos" / "examples"
REAL_DIR = ROOT / "models"
REAL = all((REAL_DIR / f"{n}{ext}").is_file() for names in EXPECTED.values() for n in names
           for ext in (".onnx", ".json"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory) -> Path:
    return REAL_DIR if REAL else make_models_dir(tmp_path_factory.mktemp("models"))


@pytest.fixture(scope="module")
def served(models_dir):
    """(demo, url, client) for one app launched on a free port."""
    from gradio_client import Client

    demo = build_demo(models_dir, DemoConfig())
    _, url, _ = launch(demo, DemoConfig(server_port=_free_port()), prevent_thread_lock=True, quiet=True)
    try:
        yield demo, url, Client(url, verbose=False)
    finally:
        demo.close()


def _sketchpad_value(gray: Image.Image) -> dict:
    """What gr.Sketchpad(type="pil") hands the handler: black ink in a transparent RGBA layer."""
    black = Image.new("L", gray.size, 0)
    layer = Image.merge("RGBA", [black, black, black, gray])
    return {"background": None, "layers": [layer], "composite": layer}


def _labels(result: dict) -> dict[str, float]:
    return {c["label"]: c["confidence"] for c in result["confidences"]}


# --------------------------------------------------------------------------- through gradio_client
@pytest.mark.slow
def test_both_named_endpoints_answer_gradio_client(served, tmp_path):
    from gradio_client import handle_file

    _, _, client = served
    seven = tmp_path / "seven.png"
    draw_seven(width=20, ink=0, paper=255).save(seven)  # a drawn-style digit: black marker on white paper
    r = client.predict(handle_file(str(seven)), api_name="/predict_digit")
    conf = _labels(r)
    assert sorted(conf) == [str(d) for d in range(10)]
    assert abs(sum(conf.values()) - 1) < 1e-6 and r["label"] == max(conf, key=conf.get)
    r_lenet = client.predict(handle_file(str(seven)), "lenet5", api_name="/predict_digit")
    assert sorted(_labels(r_lenet)) == sorted(conf)

    cat, dog = EXAMPLES / "cat_1.jpg", EXAMPLES / "dog_1.jpg"
    r_cat = client.predict(handle_file(str(cat)), api_name="/predict_pet")
    r_dog = client.predict(handle_file(str(dog)), "pets_scratch", api_name="/predict_pet")
    for r in (r_cat, r_dog):
        assert set(_labels(r)) == {"cat", "dog"} and abs(sum(_labels(r).values()) - 1) < 1e-6
    if REAL:  # the trained models must get these right; tiny random ones cannot
        assert client.predict(handle_file(str(seven)), api_name="/predict_digit")["label"] == "7"
        assert r_cat["label"] == "cat" and r_dog["label"] == "dog"


@pytest.mark.slow
def test_bad_input_is_a_clear_error_and_the_server_keeps_serving(served, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    _, _, client = served
    bad = {"notes.png": b"this is not an image", "empty.png": b""}
    good = tmp_path / "seven.png"
    draw_seven(ink=0, paper=255).save(good)
    jpeg = (EXAMPLES / "cat_1.jpg").read_bytes()
    bad["truncated.jpg"] = jpeg[: len(jpeg) // 3]
    blank = tmp_path / "blank.png"
    Image.new("RGB", (200, 200), "white").save(blank)
    for name, data in bad.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(AppError) as info:
            client.predict(handle_file(str(p)), api_name="/predict_pet")
        assert "·" in str(info.value), (name, str(info.value))  # our bilingual message, not a traceback
    with pytest.raises(AppError, match="draw a digit first"):
        client.predict(handle_file(str(blank)), api_name="/predict_digit")
    with pytest.raises(AppError, match="unknown digit model"):
        client.predict(handle_file(str(good)), "pets", api_name="/predict_digit")
    assert _labels(client.predict(handle_file(str(good)), api_name="/predict_digit"))


@pytest.mark.slow
def test_security_settings_upload_limit_and_no_served_files(served):
    import httpx

    demo, url, _ = served
    assert demo.max_file_size == 10 * 1024 * 1024 and not demo.allowed_paths
    too_big = httpx.post(url + "gradio_api/upload",
                         files={"files": ("big.png", b"\0" * (11 * 1024 * 1024), "image/png")})
    assert too_big.status_code == 413
    for path in ("/etc/passwd", str(ROOT / "demos" / "app.py"), str(ROOT / "models")):
        assert httpx.get(url + f"gradio_api/file={path}").status_code in (403, 404)


# --------------------------------------------------------------------------- handlers (no server)
@pytest.fixture(scope="module")
def handlers(models_dir):
    from core.serve.infer import load_models

    models, errors = load_models(models_dir)
    return Handlers(models, errors, DemoConfig())


def test_sketch_handler_returns_label_preview_and_timing(handlers):
    label, seen, info = handlers.digit(_sketchpad_value(draw_seven(width=6, ink=0, paper=255)), "mnist")
    assert len(label) == 10 and abs(sum(label.values()) - 1) < 1e-6
    assert seen.size == (168, 168)  # 28 px × 6, nearest neighbour
    assert np.array_equal(np.asarray(seen)[::6, ::6].shape, (28, 28))
    assert "ms" in info and "ExecutionProvider" in info and "`mnist`" in info
    if REAL:
        assert max(label, key=label.get) == "7"


def test_empty_canvas_says_draw_a_digit_first_without_an_error_popup(handlers):
    clear = Image.new("RGBA", (280, 280), (0, 0, 0, 0))
    assert handlers.digit({"background": None, "layers": [clear], "composite": clear}, None) == \
        (None, None, "먼저 숫자를 그려 주세요 · draw a digit first")
    assert handlers.digit(None, None) == (None, None, "")


def test_pet_handler_shows_bilingual_classes_and_saliency(handlers):
    import gradio as gr

    label, heat, info = handlers.pet({"path": str(EXAMPLES / "dog_2.jpg")}, None, True)
    assert set(label) == {"고양이 · cat", "개 · dog"}
    assert isinstance(heat, Image.Image) and heat.mode == "RGB"
    assert "saliency" in info and "ExecutionProvider" in info
    label, heat, _ = handlers.pet({"path": str(EXAMPLES / "dog_2.jpg")}, "pets_scratch", False)
    assert heat is None and len(label) == 2
    with pytest.raises(gr.Error, match="not an image"):
        handlers.pet(b"definitely not a photo", None, False)


# --------------------------------------------------------------------------- start-up conditions
@pytest.mark.slow
def test_app_starts_without_models_and_names_the_missing_files(tmp_path):
    from gradio_client import Client, handle_file
    from gradio_client.exceptions import AppError

    models = tmp_path / "models"
    models.mkdir()
    make_models_dir(models, names=("mnist",))  # one model present, three missing
    demo = build_demo(models)
    _, url, _ = launch(demo, DemoConfig(server_port=_free_port()), prevent_thread_lock=True, quiet=True)
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            assert r.status == 200
        with urllib.request.urlopen(url + "config", timeout=10) as r:
            config = json.dumps(json.load(r), ensure_ascii=False)
        for name in ("lenet5", "pets", "pets_scratch"):
            assert f"models/{name}.onnx" in config
        client = Client(url, verbose=False)
        seven = tmp_path / "seven.png"
        draw_seven(ink=0, paper=255).save(seven)
        assert _labels(client.predict(handle_file(str(seven)), api_name="/predict_digit"))
        with pytest.raises(AppError, match="no pet model"):
            client.predict(handle_file(str(EXAMPLES / "cat_1.jpg")), api_name="/predict_pet")
    finally:
        demo.close()
    demo = build_demo(tmp_path / "no-such-folder")  # not even the folder: still builds
    assert demo is not None


def test_server_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    cfg = DemoConfig.from_env()
    assert (cfg.server_name, cfg.server_port, cfg.max_file_size) == ("0.0.0.0", 7999, "10mb")
    monkeypatch.delenv("GRADIO_SERVER_NAME")
    monkeypatch.delenv("GRADIO_SERVER_PORT")
    assert (DemoConfig.from_env().server_name, DemoConfig.from_env().server_port) == ("127.0.0.1", 7860)


def test_demo_never_imports_torch():
    code = "import sys; import demos.app; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_examples_are_small_photos_and_digits():
    photos = sorted(EXAMPLES.glob("cat_*.jpg")) + sorted(EXAMPLES.glob("dog_*.jpg"))
    digits = sorted(EXAMPLES.glob("digit_*.png"))
    assert len(photos) >= 6 and len(digits) >= 2
    for p in photos + digits:
        assert p.stat().st_size < 20_000
        with Image.open(p) as im:
            assert max(im.size) <= 180


def test_drawn_digit_example_is_readable_by_the_preprocessing():
    from core.serve.preprocess import digit_input

    _, preview = digit_input(EXAMPLES / "digit_2_drawn.png", {"kind": "digit_sketch"})
    assert preview.max() == 255 and 10 < preview.mean() < 80
    im = Image.new("L", (10, 10))
    ImageDraw.Draw(im).point((5, 5), 255)
    assert digit_input(im, {"kind": "digit_sketch"})[1].max() == 255  # a dot is still a drawing


@pytest.mark.slow
def test_load_script_runs_concurrent_clients_without_errors(models_dir):
    from bench.load_gradio import run

    r = run(clients=3, requests=2, models_dir=models_dir)
    assert r["errors"] == 0, r["error_examples"]
    assert r["n_ok"] == 6 and 0 < r["p50_ms"] <= r["p95_ms"] <= r["max_ms"]
