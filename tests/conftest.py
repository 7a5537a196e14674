"""Fixtures and helpers shared by the test modules (tests never import each other).

torch is imported inside the helpers that export models, so collecting the light tests stays light.
"""
import hashlib
import json
import os
import shutil
import struct
import warnings
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
# Altair's schema validation stays on in every test, app.py's pages included (dashboard.ui.configure_altair
# turns it off only in a running app); subprocesses the tests start inherit it.
os.environ.setdefault("DL_VALIDATE_CHARTS", "1")

ARTIFACTS = ROOT / "test-artifacts"


def real_data_root() -> Path | None:
    """The real data root (DL_DATA_DIR, else ../shared/data) or None when absent."""
    for cand in (os.environ.get("DL_DATA_DIR"), str(ROOT.parent / "shared" / "data")):
        if cand and (Path(cand) / "MNIST" / "raw").is_dir():
            return Path(cand)
    return None


@pytest.fixture
def data_root_real() -> Path:
    root = real_data_root()
    if root is None:
        pytest.skip("real data sets not found (set DL_DATA_DIR to the folder with MNIST/ and PetImages/)")
    return root


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# --------------------------------------------------------------------------- drawings
def draw_seven(width: int = 24, size: int = 400, ink: int = 255, paper: int = 0) -> Image.Image:
    """A '7' drawn like a learner would, on a size × size greyscale canvas (bright ink on dark by
    default; ``ink=0, paper=255`` is a black marker on white paper)."""
    im = Image.new("L", (size, size), paper)
    ImageDraw.Draw(im).line([(110, 90), (290, 90), (170, 330)], fill=ink, width=width, joint="curve")
    return im


# --------------------------------------------------------------------------- tiny served models
DIGIT_PRE = {"kind": "digit_sketch", "color": "L", "ink": "bright_on_dark", "box": 20, "size": 28,
             "pad_to": 28, "center": "mass", "scale": 1 / 255, "mean": [0.1307], "std": [0.3081]}
PET_PRE = {"kind": "photo", "color": "RGB", "resize": 72, "crop": 64, "interpolation": "bilinear",
           "scale": 1 / 255, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
           "channel_order": "RGB", "layout": "NCHW"}
TINY = {  # name: (task, default, in_channels, pad_to / crop, accuracy)
    "mnist": ("digit", True, 1, 28, 0.99),
    "lenet5": ("digit", False, 1, 32, 0.98),
    "pets": ("pet", True, 3, 64, 0.97),
    "pets_scratch": ("pet", False, 3, 64, 0.85),
}


def tiny_net(in_ch: int, n_classes: int, seed: int):
    import torch
    from torch import nn

    torch.manual_seed(seed)
    return nn.Sequential(nn.Conv2d(in_ch, 8, 5, stride=2), nn.ReLU(), nn.Conv2d(8, 8, 3, stride=2),
                         nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, n_classes)).eval()


def export_tiny(models_dir: Path, name: str, seed: int = 0):
    """Export one tiny model + its card (card.md contract) into models_dir; returns the torch net."""
    import torch

    task, default, in_ch, side, acc = TINY[name]
    classes = ([{"index": i, "name": str(i), "display": {"ko": str(i), "en": str(i)}} for i in range(10)]
               if task == "digit" else
               [{"index": 0, "name": "cat", "display": {"ko": "고양이", "en": "cat"}},
                {"index": 1, "name": "dog", "display": {"ko": "개", "en": "dog"}}])
    net = tiny_net(in_ch, len(classes), seed)
    onnx_path = models_dir / f"{name}.onnx"
    with warnings.catch_warnings():  # the TorchScript exporter is deprecated, and 20× faster here
        warnings.simplefilter("ignore", DeprecationWarning)
        torch.onnx.export(net, torch.zeros(1, in_ch, side, side), str(onnx_path), input_names=["input"],
                          output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                          opset_version=18, dynamo=False)
    pre = dict(DIGIT_PRE, pad_to=side) if task == "digit" else dict(PET_PRE)
    n = 10000 if task == "digit" else 2500
    card = {"name": name, "title": {"ko": f"작은 {name}", "en": f"tiny {name}"}, "task": task,
            "default": default, "architecture": "tiny", "params": sum(p.numel() for p in net.parameters()),
            "file": onnx_path.name, "sha256": hashlib.sha256(onnx_path.read_bytes()).hexdigest(),
            "opset": 18, "classes": classes,
            "input": {"name": "input", "shape": [None, in_ch, side, side], "dtype": "float32", "layout": "NCHW"},
            "output": {"name": "logits", "kind": "logits"}, "preprocess": pre,
            "metrics": {"test": {"split": "test", "n": n, "accuracy": acc, "ci95": [acc - 0.01, acc + 0.005]}},
            "data": {"name": "MNIST" if task == "digit" else "PetImages", "train_n": 100, "test_n": n},
            "training": {"device": "cpu", "hardware": "test fixture", "wall_time_s": 1.0, "epochs": 1}}
    (models_dir / f"{name}.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return net


def make_models_dir(path: Path, names=tuple(TINY)) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        export_tiny(path, name, seed=i)
    return path


# --------------------------------------------------------------------------- a tiny synthetic MNIST
def synthetic_digits(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """uint8 images ``(n, 28, 28)`` and int64 labels ``(n,)``."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n)
    images = rng.integers(0, 40, (n, 28, 28))
    rows = 3 + 12 * (labels // 5)[:, None] + np.arange(6)           # (n, 6)
    cols = 1 + 5 * (labels % 5)[:, None] + np.arange(6)             # (n, 6)
    images[np.arange(n)[:, None, None], rows[:, :, None], cols[:, None, :]] = 255
    return images.astype(np.uint8), labels.astype(np.int64)


def write_idx_mnist(root: Path, n_train: int = 192, n_test: int = 64) -> Path:
    """Write ``root/MNIST/raw/{train,t10k}-{images,labels}-idx?-ubyte``; returns ``root``."""
    raw = root / "MNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for prefix, n, seed in (("train", n_train, 0), ("t10k", n_test, 1)):
        x, y = synthetic_digits(n, seed)
        (raw / f"{prefix}-images-idx3-ubyte").write_bytes(struct.pack(">4i", 2051, n, 28, 28) + x.tobytes())
        (raw / f"{prefix}-labels-idx1-ubyte").write_bytes(
            struct.pack(">2i", 2049, n) + y.astype(np.uint8).tobytes())
    return root


@pytest.fixture(scope="session")
def fake_mnist(tmp_path_factory) -> Path:
    return write_idx_mnist(tmp_path_factory.mktemp("data"))


def _torch_activations() -> dict:
    import torch
    import torch.nn.functional as F

    return {
        "sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": F.relu, "leaky_relu": F.leaky_relu,
        "elu": F.elu, "selu": F.selu, "softplus": lambda t: F.softplus(t, threshold=40.0),
        "swish": F.silu, "mish": F.mish, "identity": lambda t: t,
    }


#: torch's version of every ``core.nn.activations`` name, for the MLP tests' float64 references
TORCH_ACT = _torch_activations()


# --------------------------------------------------------------------------- one real browser per session
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian chromium is not installed (apt-get install chromium) — browser tests skipped")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="ko-KR")
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()




@pytest.fixture
def float64_torch():
    """torch's default dtype float64 for one test, restored afterwards. A module-level
    ``torch.set_default_dtype`` would leak into every later test (ONNX Runtime has no float64 Conv)."""
    import torch

    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    yield
    torch.set_default_dtype(old)


def settle_streamlit(page, timeout_ms: int = 90_000, pause_ms: int = 500,
                     first: str = '[data-testid="stMain"] h1') -> None:
    """Wait in a Playwright ``page`` until Streamlit has run its script and drawn every element: the
    ``first`` element is there (every page starts with its title: the script has begun drawing; the
    status widget alone would not say so before the run starts), no "Running…"/"Stop" status
    (Streamlit 1.67 shows an icon and "Stop"; Korean 실행/중지) and no skeleton left; then
    ``pause_ms`` for Vega to draw after its element mounts."""
    page.wait_for_selector(first, timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]') && !Array.from("
        "document.querySelectorAll('[data-testid=\"stStatusWidget\"]'))"
        ".some(e => /Running|Stop|실행|중지/.test(e.innerText))", timeout=timeout_ms)
    page.wait_for_timeout(pause_ms)
