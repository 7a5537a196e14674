"""Serving the exported CNNs with ONNX Runtime: load, verify, choose the device, predict.

Lecture section: "CNN 실습 · 학습된 모델 배포하기" — after training, the network is a file; inference
needs neither torch nor the training code, only the model card (``models/<name>.json``) that says
how to preprocess the input and what the outputs mean.

- Each ``.onnx`` file is checked against the SHA-256 in its card before a session is created, so a
  corrupted or swapped file is refused with one clear message while the other models still serve.
- ``CUDAExecutionProvider`` is used when it really loads, else the CPU; the provider a session
  actually got is read back from the session (onnxruntime-gpu lists CUDA even on machines without a
  GPU and falls back silently). ``DL_FORCE_CPU=1`` forces the CPU.
"""
from __future__ import annotations

import ctypes
import json
import logging
import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort

from core.serve.calibration import softmax
from core.serve.card import check_servable, sha256_file
from core.serve.ood import UNKNOWN_LABEL, gate_for
from core.serve.preprocess import load_image
from core.serve.recipes import Recipe, parse

log = logging.getLogger(__name__)

CPU, CUDA = "CPUExecutionProvider", "CUDAExecutionProvider"
REPO_MODELS = Path(__file__).resolve().parents[2] / "models"


class ModelLoadError(RuntimeError):
    """One model cannot be served; the message says which file and why."""


def models_dir() -> Path:
    """The folder of the served models: ``$DL_MODELS_DIR``, else the repository's ``models/``
    (the demo, the dashboard and the benchmarks all ask here)."""
    return Path(os.environ.get("DL_MODELS_DIR") or REPO_MODELS)


# --------------------------------------------------------------------------- providers
def _force_cpu_from_env() -> bool:
    return os.environ.get("DL_FORCE_CPU", "").strip().lower() not in ("", "0", "false", "no")


def _cuda_driver_present() -> bool:
    """Whether the NVIDIA driver library loads; without it CUDA cannot work and is not even tried."""
    name = "nvcuda.dll" if sys.platform == "win32" else "libcuda.so.1"
    try:
        ctypes.CDLL(name)
        return True
    except OSError:
        return False


def select_providers(force_cpu: bool | None = None) -> list[str]:
    """Execution providers to *request*, best first; ``force_cpu=None`` reads ``DL_FORCE_CPU``.

    CUDA is requested only when onnxruntime-gpu offers it and the driver is present; the CUDA/cuDNN
    libraries that the torch wheels install are made findable with ``onnxruntime.preload_dlls()``
    (absent in old releases, and allowed to fail). Whether CUDA was *granted* is known only from a
    session's ``get_providers()``; see :func:`create_session`.
    """
    if force_cpu is None:
        force_cpu = _force_cpu_from_env()
    if force_cpu or CUDA not in ort.get_available_providers() or not _cuda_driver_present():
        return [CPU]
    try:
        ort.preload_dlls()
    except Exception as e:  # noqa: BLE001 - missing function or libraries: CUDA may still load
        log.debug("onnxruntime.preload_dlls() failed: %s", e)
    return [CUDA, CPU]


def create_session(path: str | os.PathLike, providers: list[str],
                   threads: int | None = None) -> ort.InferenceSession:
    """An ONNX Runtime session, quiet about a CUDA provider that fails to load (it falls back).

    ``threads`` sets the intra-op thread count (ONNX Runtime's default: one per core)."""
    so = ort.SessionOptions()
    so.log_severity_level = 3  # errors only: no warning per session about CUDA falling back
    if threads:
        so.intra_op_num_threads = threads
    if CUDA in providers:
        # The provider bridge logs through the process-wide logger, not the session's.
        ort.set_default_logger_severity(4)
    try:
        return ort.InferenceSession(str(path), so, providers=providers)
    finally:
        ort.set_default_logger_severity(3)


# --------------------------------------------------------------------------- one model
@dataclass
class Model:
    """A verified model card with its ONNX Runtime session (created once, thread-safe to run)."""

    card: dict
    session: ort.InferenceSession
    load_ms: float = 0.0
    input_name: str = field(init=False)
    output_name: str = field(init=False)
    recipe: Recipe = field(init=False)  # the card's preprocess, parsed once here, not per request

    output_names: list[str] = field(init=False)
    gate: Any = field(init=False)          # the card's "I don't know" gate (core.serve.ood), or None
    temperature: float = field(init=False)  # calibration (core.serve.calibration); 1.0 = none

    def __post_init__(self):
        self.input_name = self.session.get_inputs()[0].name
        self.output_name = self.session.get_outputs()[0].name
        self.output_names = [o.name for o in self.session.get_outputs()]
        self.recipe = parse(self.card["preprocess"])
        self.gate = gate_for(self.card)
        self.temperature = float(self.card.get("calibration", {}).get("temperature", 1.0))

    @property
    def name(self) -> str:
        return self.card["name"]

    @property
    def task(self) -> str:
        return self.card["task"]

    @property
    def provider(self) -> str:
        """The provider this session really runs on (first of ``session.get_providers()``)."""
        return self.session.get_providers()[0]

    @property
    def classes(self) -> list[dict]:
        return sorted(self.card["classes"], key=lambda c: c["index"])

    @property
    def accuracy(self) -> float | None:
        return self.card.get("metrics", {}).get("test", {}).get("accuracy")

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Raw network outputs (N, C) for a float32 batch ``x`` (N, C_in, H, W)."""
        x = np.ascontiguousarray(x, dtype=np.float32)
        return self.session.run([self.output_name], {self.input_name: x})[0]

    def outputs(self, x: np.ndarray) -> dict[str, np.ndarray]:
        """Every output of the graph for ``x`` in one pass, by name (``logits`` first; pets models
        also give ``cam`` and ``imagenet_logits``)."""
        x = np.ascontiguousarray(x, dtype=np.float32)
        return dict(zip(self.output_names, self.session.run(None, {self.input_name: x}), strict=True))

    def probabilities(self, logits: np.ndarray) -> np.ndarray:
        """Calibrated class probabilities (N, C) float64 from raw outputs: ``softmax(z / T)`` with the
        card's fitted temperature (the predicted class never changes)."""
        z = np.asarray(logits, dtype=np.float64)  # (N, C)
        if self.card.get("output", {}).get("kind", "logits") == "probs":
            return z / z.sum(axis=1, keepdims=True)
        return softmax(z, self.temperature)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities (N, C) float64, each row summing to 1 (see :meth:`probabilities`)."""
        return self.probabilities(self.logits(x))


def _validate_card(card: Any, card_path: Path) -> dict:
    """:func:`core.serve.card.check_servable` as a :class:`ModelLoadError` naming the file."""
    try:
        return check_servable(card)
    except ValueError as e:
        raise ModelLoadError(f"{card_path.name}: {e}") from None


def load_model(card_path: str | os.PathLike, providers: list[str] | None = None) -> Model:
    """Read one card, verify its ONNX file's SHA-256, and open a session; :class:`ModelLoadError`
    with one clear message otherwise."""
    card_path = Path(card_path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ModelLoadError(f"{card_path.name}: the model card cannot be read ({e})") from None
    card = _validate_card(card, card_path)
    onnx_path = card_path.parent / card.get("file", f"{card['name']}.onnx")
    if not onnx_path.is_file():
        raise ModelLoadError(f"models/{onnx_path.name} is missing (its card {card_path.name} exists); "
                             "export the model first (see the README)")
    digest = sha256_file(onnx_path)
    if digest != str(card["sha256"]).lower():
        raise ModelLoadError(
            f"models/{onnx_path.name} does not match its card: sha256 {digest[:12]}… ≠ "
            f"{str(card['sha256'])[:12]}… in {card_path.name}. The file is corrupted or belongs to "
            "another model; re-export it instead of editing the card")
    t0 = time.perf_counter()
    try:
        session = create_session(onnx_path, providers or select_providers())
    except Exception as e:  # noqa: BLE001 - ORT raises several exception types for bad graphs
        raise ModelLoadError(f"models/{onnx_path.name}: ONNX Runtime cannot load it ({e})") from None
    model = Model(card, session, load_ms=1000 * (time.perf_counter() - t0))
    n_out = session.get_outputs()[0].shape[-1]
    if isinstance(n_out, int) and n_out != len(card["classes"]):
        raise ModelLoadError(f"models/{onnx_path.name} outputs {n_out} classes but its card lists "
                             f"{len(card['classes'])}")
    return model


def load_models(models_dir: str | os.PathLike, force_cpu: bool | None = None
                ) -> tuple[dict[str, Model], dict[str, str]]:
    """Every ``models/*.json`` card that verifies → ``(models by name, errors by name)``.

    A broken, missing or mismatching model only lands in ``errors``; the others still serve.
    The provider choice is logged once.
    """
    models_dir = Path(models_dir)
    models: dict[str, Model] = {}
    errors: dict[str, str] = {}
    if not models_dir.is_dir():
        return models, {"models": f"the models folder {models_dir} does not exist"}
    providers = select_providers(force_cpu)
    for card_path in sorted(models_dir.glob("*.json")):
        try:
            model = load_model(card_path, providers)
            models[model.name] = model
        except ModelLoadError as e:
            errors[card_path.stem] = str(e)
            log.error("%s", e)
    got = sorted({m.provider for m in models.values()})
    log.info("ONNX Runtime %s: requested %s, sessions run on %s", ort.__version__, providers,
             got or "nothing (no model loaded)")
    return models, errors


def models_for(models: Mapping[str, Model], task: str) -> list[Model]:
    """The loaded models of one task, the card's ``default`` first, then by name."""
    return sorted((m for m in models.values() if m.task == task),
                  key=lambda m: (not m.card.get("default", False), m.name))


# --------------------------------------------------------------------------- one request
@dataclass(frozen=True)
class Prediction:
    """One answer of a model to one image, with what an explanation needs to redo its work.

    ``probs``: {class name: p} in class order; ``top``: [(name, p)] best first; ``x``: the float32
    input fed to the model (1, C, H, W); ``preview``: the uint8 picture the network saw;
    ``index``: the predicted class index; ``ms`` / ``preprocess_ms``: timings.
    """

    model: str
    label: str
    index: int
    probs: dict[str, float]
    top: list[tuple[str, float]]
    x: np.ndarray
    preview: np.ndarray
    ms: float
    preprocess_ms: float
    provider: str
    unknown: bool = False          # the card's gate refused to answer (core.serve.ood)
    reason: str = ""               # one line, "<ko> · <en>", why it is unknown
    guess: str | None = None       # e.g. the ImageNet network's own top class
    cam: np.ndarray | None = None  # class activation map (h, w) of the predicted class, if the graph has one

    @property
    def display_label(self) -> str:
        """The label to show on top: the class, or "모르겠어요 · unknown"."""
        return UNKNOWN_LABEL if self.unknown else self.label


def predict_image(model: Model, image: Any, top_k: int = 3) -> Prediction:
    """Preprocess ``image`` by the model's recipe and run the model → a :class:`Prediction`
    (``top`` is ``top_k`` long). Raises :class:`core.serve.preprocess.PreprocessError`."""
    if top_k < 1:
        raise ValueError(f"top_k must be >= 1, got {top_k}")
    t0 = time.perf_counter()
    if model.gate is not None and hasattr(model.gate, "image_stats"):
        image = load_image(image)    # decode once: the recipe and the gate's statistics share it
    x, preview = model.recipe.apply(image)
    t1 = time.perf_counter()
    outs = model.outputs(x)                       # one forward pass for answer, map and gate
    p = model.probabilities(outs[model.output_name])[0]  # (C,)
    t2 = time.perf_counter()
    names = [c["name"] for c in model.classes]
    order = np.argsort(-p, kind="stable")[:top_k]
    verdict = None
    if model.gate is not None:
        stats = model.gate.image_stats(image) if hasattr(model.gate, "image_stats") else None
        verdict = model.gate.decide(outs, stats)[0]
    cam = outs["cam"][0, int(order[0])] if "cam" in outs else None     # (h, w)
    return Prediction(model=model.name, label=names[order[0]], index=int(order[0]),
                      probs={n: float(v) for n, v in zip(names, p, strict=True)},
                      top=[(names[i], float(p[i])) for i in order], x=x, preview=preview,
                      ms=1000 * (t2 - t1), preprocess_ms=1000 * (t1 - t0), provider=model.provider,
                      unknown=bool(verdict and verdict.unknown), reason=verdict.reason if verdict else "",
                      guess=verdict.guess if verdict else None, cam=cam)
