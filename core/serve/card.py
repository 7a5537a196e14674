"""The model card ``models/<name>.json``: schema checks and the numbers it carries (lecture: evaluation).

The card is the contract between the exporter (writer) and the demo / dashboard / inference code
(readers). :func:`validate_card` checks every field those readers rely on and raises ``ValueError``
naming the first bad field; :func:`wilson_ci` is the 95 % interval reported beside each accuracy.
No torch: the demo and every other reader that must stay light can use it.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path
from typing import Any

from core.serve.recipes import KINDS, RECIPES, parse

TASKS = ("digit", "pet")
PREPROCESS_KINDS = KINDS  # one class per kind in core.serve.recipes
Z95 = 1.959963984540054  # standard-normal quantile for a two-sided 95 % interval


def sha256_file(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def wilson_ci(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for ``k`` successes out of ``n`` (95 % by default).

    Unlike the normal approximation p ± z·√(p(1−p)/n) it stays inside [0, 1] and is sensible at
    p = 1, which matters for accuracies near 100 %.
    """
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    if not 0 <= k <= n:
        raise ValueError(f"k must be in [0, n={n}], got {k}")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # At k = 0 or k = n one end is exactly 0 or 1; rounding would otherwise leave 0.9999999999999999.
    lo = 0.0 if k == 0 else max(0.0, centre - half)
    hi = 1.0 if k == n else min(1.0, centre + half)
    return lo, hi


def _need(d: dict, key: str, types: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(d, dict) or key not in d:
        raise ValueError(f"model card: missing field {where}{key!r}")
    v = d[key]
    # bool is an int in Python; a count or a shape entry must not be True/False.
    if not isinstance(v, types) or (isinstance(v, bool) and bool not in _as_tuple(types)):
        raise ValueError(f"model card: field {where}{key!r} must be {_names(types)}, "
                         f"got {type(v).__name__}")
    return v


def _as_tuple(t: type | tuple[type, ...]) -> tuple[type, ...]:
    return t if isinstance(t, tuple) else (t,)


def _names(t: type | tuple[type, ...]) -> str:
    return " or ".join(x.__name__ for x in _as_tuple(t))


def _bilingual(d: dict, key: str, where: str) -> None:
    v = _need(d, key, dict, where)
    for lang in ("ko", "en"):
        _need(v, lang, str, f"{where}{key}.")


def _number_list(d: dict, key: str, where: str, n: int | None = None) -> list:
    v = _need(d, key, list, where)
    if not v or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in v):
        raise ValueError(f"model card: field {where}{key!r} must be a non-empty list of numbers")
    if n is not None and len(v) != n:
        raise ValueError(f"model card: field {where}{key!r} must have {n} entries, got {len(v)}")
    return v


def validate_card(card: dict) -> dict:
    """Check a card against the contract; return it unchanged or raise ``ValueError`` naming the field."""
    if not isinstance(card, dict):
        raise ValueError(f"model card must be a JSON object, got {type(card).__name__}")
    _need(card, "name", str, "")
    _bilingual(card, "title", "")
    task = _need(card, "task", str, "")
    if task not in TASKS:
        raise ValueError(f"model card: field 'task' must be one of {TASKS}, got {task!r}")
    _need(card, "default", bool, "")
    _need(card, "architecture", str, "")
    if _need(card, "params", int, "") <= 0:
        raise ValueError("model card: field 'params' must be positive")
    if not _need(card, "file", str, "").endswith(".onnx"):
        raise ValueError("model card: field 'file' must name a .onnx file")
    sha = _need(card, "sha256", str, "")
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise ValueError("model card: field 'sha256' must be 64 lowercase hex digits")
    if _need(card, "opset", int, "") < 17:
        raise ValueError("model card: field 'opset' must be ≥ 17")

    classes = _need(card, "classes", list, "")
    if not classes:
        raise ValueError("model card: field 'classes' must not be empty")
    for i, c in enumerate(classes):
        where = f"classes[{i}]."
        if _need(c, "index", int, where) != i:
            raise ValueError(f"model card: field {where}'index' must be {i}")
        _need(c, "name", str, where)
        _bilingual(c, "display", where)

    inp = _need(card, "input", dict, "")
    _need(inp, "name", str, "input.")
    shape = _need(inp, "shape", list, "input.")
    if len(shape) != 4 or shape[0] is not None or not all(
            isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in shape[1:]):
        raise ValueError("model card: field input.'shape' must be [null, C, H, W] with positive C, H, W")
    if _need(inp, "dtype", str, "input.") != "float32":
        raise ValueError("model card: field input.'dtype' must be 'float32'")
    if _need(inp, "layout", str, "input.") != "NCHW":
        raise ValueError("model card: field input.'layout' must be 'NCHW'")
    out = _need(card, "output", dict, "")
    _need(out, "name", str, "output.")
    if _need(out, "kind", str, "output.") != "logits":
        raise ValueError("model card: field output.'kind' must be 'logits'")

    _validate_preprocess(_need(card, "preprocess", dict, ""), shape)

    metrics = _need(card, "metrics", dict, "")
    test = _need(metrics, "test", dict, "metrics.")
    _need(test, "split", str, "metrics.test.")
    n = _need(test, "n", int, "metrics.test.")
    acc = _need(test, "accuracy", (int, float), "metrics.test.")
    if n <= 0 or not 0.0 <= acc <= 1.0:
        raise ValueError("model card: field metrics.test.'accuracy' must be in [0, 1] with n > 0")
    lo, hi = _number_list(test, "ci95", "metrics.test.", 2)
    if not 0.0 <= lo <= acc <= hi <= 1.0:
        raise ValueError("model card: field metrics.test.'ci95' must satisfy 0 ≤ lo ≤ accuracy ≤ hi ≤ 1")
    cm = _need(test, "confusion_matrix", list, "metrics.test.")
    k = len(classes)
    if len(cm) != k or not all(isinstance(r, list) and len(r) == k for r in cm):
        raise ValueError(f"model card: field metrics.test.'confusion_matrix' must be {k}×{k}")
    if sum(map(sum, cm)) != n:
        raise ValueError("model card: field metrics.test.'confusion_matrix' must sum to metrics.test.n")

    _validate_extra_metrics(metrics)

    data = _need(card, "data", dict, "")
    _need(data, "name", str, "data.")
    training = _need(card, "training", dict, "")
    for key, types in (("device", str), ("hardware", str), ("wall_time_s", (int, float)),
                       ("seed", int), ("command", str), ("date", str)):
        _need(training, key, types, "training.")
    history = _need(card, "history", dict, "")
    if not all(isinstance(v, list) for v in history.values()):
        raise ValueError("model card: field 'history' must map names to lists")
    versions = _need(card, "versions", dict, "")
    for key in ("torch", "onnx", "onnxruntime", "python"):
        _need(versions, key, str, "versions.")
    diff = _need(card, "ort_vs_torch_max_abs_diff", (int, float), "")
    if not 0.0 <= diff <= 1e-4:
        raise ValueError(f"model card: field 'ort_vs_torch_max_abs_diff' must be in [0, 1e-4], got {diff}")
    if _need(card, "ort_vs_torch_n_images", int, "") <= 0:
        raise ValueError("model card: field 'ort_vs_torch_n_images' must be positive")
    _validate_honesty(card)
    return card


def _validate_extra_metrics(metrics: dict) -> None:
    """Optional ``metrics.extra``: ``{set name: {"n", "accuracy", "ci95", ...}}`` -- accuracy on
    further held-out sets (e.g. the drawn digits of ``core.pipeline.drawn_digits``, issue 16)."""
    if "extra" not in metrics:
        return
    for name, entry in _need(metrics, "extra", dict, "metrics.").items():
        where = f"metrics.extra.{name}."
        if not isinstance(entry, dict):
            raise ValueError(f"model card: field metrics.extra.{name!r} must be a dict")
        n = _need(entry, "n", int, where)
        acc = _need(entry, "accuracy", (int, float), where)
        if n <= 0 or not 0.0 <= acc <= 1.0:
            raise ValueError(f"model card: field {where}'accuracy' must be in [0, 1] with n > 0")
        lo, hi = _number_list(entry, "ci95", where, 2)
        if not 0.0 <= lo <= acc <= hi <= 1.0:
            raise ValueError(f"model card: field {where}'ci95' must satisfy 0 ≤ lo ≤ accuracy ≤ hi ≤ 1")


EXTRA_OUTPUT_KINDS = ("cam", "imagenet_logits")


def _validate_honesty(card: dict) -> None:
    """The optional sections added for explanations and honest answers (issues 16 and 19):
    ``extra_outputs``, ``ood`` and ``calibration``; absent is fine, present must be well-formed."""
    for i, o in enumerate(card.get("extra_outputs", [])):
        where = f"extra_outputs[{i}]."
        _need(o, "name", str, where)
        if _need(o, "kind", str, where) not in EXTRA_OUTPUT_KINDS:
            raise ValueError(f"model card: field {where}'kind' must be one of {EXTRA_OUTPUT_KINDS}")
    if "ood" in card:
        ood = _need(card, "ood", dict, "")
        _need(ood, "method", str, "ood.")
        _need(ood, "chosen_on", str, "ood.")
    if "calibration" in card:
        c = _need(card, "calibration", dict, "")
        if _need(c, "temperature", (int, float), "calibration.") <= 0:
            raise ValueError("model card: field calibration.'temperature' must be positive")
        for key in ("ece_before", "ece_after"):
            if not 0.0 <= _need(c, key, (int, float), "calibration.") <= 1.0:
                raise ValueError(f"model card: field calibration.{key!r} must be in [0, 1]")
        _need(c, "fitted_on", str, "calibration.")


def _validate_preprocess(pre: dict, shape: list) -> None:
    """The JSON types every recipe needs, then the recipe's own checks (its class in core.serve.recipes)."""
    w = "preprocess."
    kind = _need(pre, "kind", str, w)
    if kind not in PREPROCESS_KINDS:
        raise ValueError(f"model card: field preprocess.'kind' must be one of {PREPROCESS_KINDS}, got {kind!r}")
    channels = shape[1]
    if _need(pre, "scale", (int, float), w) <= 0:
        raise ValueError("model card: field preprocess.'scale' must be positive")
    _number_list(pre, "mean", w, channels)
    if any(s <= 0 for s in _number_list(pre, "std", w, channels)):
        raise ValueError("model card: field preprocess.'std' must be positive")
    recipe_cls = RECIPES[kind]
    for key, types in recipe_cls.required.items():
        _need(pre, key, types, w)
    try:
        recipe_cls.parse(pre).validate(shape)
    except ValueError as e:
        raise ValueError(f"model card: field 'preprocess': {e}") from None


SERVING_KEYS = ("name", "task", "classes", "preprocess", "sha256")


def check_servable(card: Any) -> dict:
    """What serving needs from a card (task, classes, a parseable preprocess recipe, sha256);
    return it unchanged or raise ``ValueError``.

    Deliberately lighter than :func:`validate_card`, the full export-time contract: a card missing
    provenance (history, versions) still serves."""
    if not isinstance(card, dict):
        raise ValueError("the model card is not a JSON object")
    missing = [k for k in SERVING_KEYS if k not in card]
    if missing:
        raise ValueError(f"the model card lacks {', '.join(missing)}")
    if card["task"] not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, got {card['task']!r}")
    try:
        indices = sorted(int(c["index"]) for c in card["classes"])
        names = [str(c["name"]) for c in card["classes"]]
    except (KeyError, TypeError, ValueError):
        raise ValueError("every class needs an 'index' and a 'name'") from None
    if indices != list(range(len(indices))) or not indices or len(set(names)) != len(names):
        raise ValueError(f"classes need indices 0..C-1 and distinct names, got {indices} / {names}")
    try:
        parse(card["preprocess"])
    except (AttributeError, ValueError, TypeError, KeyError) as e:
        raise ValueError(f"invalid 'preprocess' ({e})") from None
    return card


def load_card(path: str | os.PathLike) -> dict:
    """Read and validate ``models/<name>.json``; ``ValueError`` names the file and the bad field."""
    path = Path(path)
    try:
        card = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path.name}: not valid JSON ({e})") from e
    try:
        return validate_card(card)
    except ValueError as e:
        raise ValueError(f"{path.name}: {e}") from e
