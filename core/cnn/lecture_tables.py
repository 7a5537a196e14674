"""The lecture's printed CNN numbers, as data, next to the same numbers computed from our models.

Lecture section: "유명한 CNN" (LeNet-5, AlexNet, VGGNet, GoogLeNet, ResNet, SENet). The constants
below are what the lecture prints (rounded labels such as "3.2M" kept verbatim); the ``*_rows``
functions compute our values with :func:`core.cnn.summarize` on models built on the ``meta`` device
(no weights allocated, nothing computed, so they are instant) and return pandas-free rows for the
dashboard, which shows both side by side.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn as nn

from .googlenet import INCEPTION_V1, Inception
from .registry import build, list_models, model_info
from .summary import FLOAT32_BYTES, LayerRow, Summary, summarize


@dataclass(frozen=True)
class LectureRow:
    """One printed row: the lecture's label, the module it corresponds to in our model, the printed value."""
    label: str
    layer: str
    value: int | str | tuple[int, ...]


# --- LeNet-5: parameters per layer and output map sizes --------------------------------------------------
LENET5_PARAMS = (
    LectureRow("C1", "features.c1", 156),
    LectureRow("C3", "features.c3", 2_416),
    LectureRow("C5", "features.c5", 48_120),
    LectureRow("F6", "classifier.f6", 10_164),
    LectureRow("OUTPUT", "classifier.output", 850),
)
LENET5_TOTAL = 61_706
LENET5_MAP_SIZES = (
    LectureRow("C1", "features.c1", 28),
    LectureRow("S2", "features.s2", 14),
    LectureRow("C3", "features.c3", 10),
    LectureRow("S4", "features.s4", 5),
)

# --- AlexNet: parameters per layer (ungrouped, as the lecture counts) and feature maps (H, W, C) -----------
ALEXNET_PARAMS = (
    LectureRow("CONV1", "features.conv1", 34_944),
    LectureRow("CONV2", "features.conv2", 614_656),
    LectureRow("CONV3", "features.conv3", 885_120),
    LectureRow("CONV4", "features.conv4", 1_327_488),
    LectureRow("CONV5", "features.conv5", 884_992),
    LectureRow("FC6", "classifier.fc6", 37_752_832),
    LectureRow("FC7", "classifier.fc7", 16_781_312),
    LectureRow("FC8", "classifier.fc8", 4_097_000),
)
ALEXNET_TOTAL = 62_378_344
ALEXNET_GROUPED_TOTAL = 60_965_224       # the paper's two-GPU split (conv2, conv4, conv5 with groups=2)
# The lecture lists the first four and the last; conv3-conv5 complete the sequence from the paper's Figure 2.
ALEXNET_FEATURE_MAPS = (
    LectureRow("CONV1", "features.conv1", (55, 55, 96)),
    LectureRow("POOL1", "features.pool1", (27, 27, 96)),
    LectureRow("CONV2", "features.conv2", (27, 27, 256)),
    LectureRow("POOL2", "features.pool2", (13, 13, 256)),
    LectureRow("CONV3", "features.conv3", (13, 13, 384)),
    LectureRow("CONV4", "features.conv4", (13, 13, 384)),
    LectureRow("CONV5", "features.conv5", (13, 13, 256)),
    LectureRow("POOL5", "features.pool5", (6, 6, 256)),
)

# --- VGG-16: the memory / weights table (after the well-known CS231n slide) -------------------------------
# value = the printed activation count; weights = the printed weights without biases, e.g. (3·3·3)·64.
VGG16_ACTIVATIONS = (
    LectureRow("INPUT [224×224×3]", "input", "150K"),
    LectureRow("CONV3-64", "features.conv1_1", "3.2M"),
    LectureRow("CONV3-64", "features.conv1_2", "3.2M"),
    LectureRow("POOL2", "features.pool1", "800K"),
    LectureRow("CONV3-128", "features.conv2_1", "1.6M"),
    LectureRow("CONV3-128", "features.conv2_2", "1.6M"),
    LectureRow("POOL2", "features.pool2", "400K"),
    LectureRow("CONV3-256", "features.conv3_1", "800K"),
    LectureRow("CONV3-256", "features.conv3_2", "800K"),
    LectureRow("CONV3-256", "features.conv3_3", "800K"),
    LectureRow("POOL2", "features.pool3", "200K"),
    LectureRow("CONV3-512", "features.conv4_1", "400K"),
    LectureRow("CONV3-512", "features.conv4_2", "400K"),
    LectureRow("CONV3-512", "features.conv4_3", "400K"),
    LectureRow("POOL2", "features.pool4", "100K"),
    LectureRow("CONV3-512", "features.conv5_1", "100K"),
    LectureRow("CONV3-512", "features.conv5_2", "100K"),
    LectureRow("CONV3-512", "features.conv5_3", "100K"),
    LectureRow("POOL2", "features.pool5", "25K"),
    LectureRow("FC", "classifier.fc6", "4096"),
    LectureRow("FC", "classifier.fc7", "4096"),
    LectureRow("FC", "classifier.fc8", "1000"),
)
VGG16_WEIGHTS = {   # layer → printed weights without biases
    "features.conv1_1": 1_728, "features.conv1_2": 36_864,
    "features.conv2_1": 73_728, "features.conv2_2": 147_456,
    "features.conv3_1": 294_912, "features.conv3_2": 589_824, "features.conv3_3": 589_824,
    "features.conv4_1": 1_179_648, "features.conv4_2": 2_359_296, "features.conv4_3": 2_359_296,
    "features.conv5_1": 2_359_296, "features.conv5_2": 2_359_296, "features.conv5_3": 2_359_296,
    "classifier.fc6": 102_760_448, "classifier.fc7": 16_777_216, "classifier.fc8": 4_096_000,
}
VGG16_PRINTED_TOTAL_ACTIVATIONS = "24M"
VGG16_PRINTED_TOTAL_MEMORY_MB = 93
VGG16_PRINTED_TOTAL_PARAMS = "138M"
VGG16_TOTAL = 138_357_544

# --- GoogLeNet: inception (3a) ------------------------------------------------------------------------------
GOOGLENET_3A_IN = (28, 28, 192)
GOOGLENET_3A_OUT = (28, 28, 256)
GOOGLENET_3A_WEIGHTS = "159K"            # printed with K = 1024: 163,328 / 1024 = 159.5
GOOGLENET_3A_MACS = "128M"               # printed with M = 10⁶
GOOGLENET_TORCHVISION_TOTAL = 6_624_904  # no auxiliary heads, torchvision's 3×3 "5×5" branch

# --- Parameter totals the lecture quotes (ResNets as torchvision counts them) --------------------------------
REFERENCE_PARAMS: dict[str, int] = {
    "lenet5": LENET5_TOTAL,
    "alexnet": ALEXNET_TOTAL,
    "vgg16": VGG16_TOTAL,
    "resnet18": 11_689_512,
    "resnet34": 21_797_672,
    "resnet50": 25_557_032,
    "resnet152": 60_192_808,
    "se_resnet50": 28_088_024,
}

_VGG_COUNTED = ("Conv2d", "MaxPool2d", "Linear")   # the table's rows: each conv, pool and FC output once


def parse_count(label: str, k: int = 1000) -> float:
    """'3.2M' → 3.2e6, '150K' → 1.5e5, '4096' → 4096.0; ``k=1024`` for binary-prefixed labels."""
    number, unit = (label[:-1], label[-1].upper()) if label[-1:].isalpha() else (label, "")
    if unit not in ("", "K", "M", "G"):
        raise ValueError(f"expected a count like '3.2M', '150K' or '4096', got {label!r}")
    try:
        return float(number) * (k ** ("KMG".index(unit) + 1) if unit else 1)
    except ValueError:
        raise ValueError(f"expected a count like '3.2M', '150K' or '4096', got {label!r}") from None


def matches_printed(value: float, label: str, k: int = 1000) -> bool:
    """Whether ``value`` prints as ``label`` to the label's significant figures, rounded or truncated.

    '3.2M' and '800K' accept 3,211,264 and 802,816; '159K' with k=1024 accepts 163,328 (159.5 Ki,
    truncated); '24M' rejects 15,237,608.
    """
    number = label[:-1] if label[-1:].isalpha() else label
    printed = float(number)
    digits = number.replace(".", "").lstrip("0")
    sig = max(1, len(digits) if "." in number else len(digits.rstrip("0")))
    scaled = value * printed / parse_count(label, k)          # value in the label's unit
    if scaled <= 0:
        return scaled == printed
    step = 10.0 ** (math.floor(math.log10(scaled)) - sig + 1)  # the last printed digit's place
    return math.isclose(float(f"{scaled:.{sig}g}"), printed) or math.isclose(math.floor(round(scaled / step, 9)) * step, printed)


def meta_model(name: str, **kw) -> nn.Module:
    """Build a registered model on the ``meta`` device: shapes and parameter counts, no memory."""
    with torch.device("meta"):
        return build(name, **kw)


def _by_name(summary: Summary) -> dict[str, LayerRow]:
    return {r.name: r for r in summary.rows}


def _hwc(shape: tuple[int, ...]) -> tuple[int, ...]:
    """(C, H, W) → (H, W, C), the order the lecture writes feature maps in."""
    return (*shape[1:], shape[0]) if len(shape) == 3 else shape


def lenet5_rows() -> list[dict]:
    """LeNet-5 per layer (C1 … OUTPUT): lecture vs our parameters and output map size (None where not printed)."""
    rows = _by_name(summarize(meta_model("lenet5"), model_info("lenet5").input_shape))
    params = {r.layer: r for r in LENET5_PARAMS}
    sizes = {r.layer: r for r in LENET5_MAP_SIZES}
    return [{"layer": (params.get(name) or sizes[name]).label, "module": name,
             "lecture_params": params[name].value if name in params else 0, "params": row.params,
             "lecture_size": sizes[name].value if name in sizes else None, "size": row.output_shape[-1]}
            for name, row in rows.items() if name in params or name in sizes]


def alexnet_rows(groups: int = 1) -> list[dict]:
    """AlexNet per layer at 227×227: lecture vs our parameters and feature maps (H, W, C).

    With ``groups=2`` (the paper's two GPUs) conv2, conv4 and conv5 have half the weights; the
    lecture's ungrouped counts are shown alongside so the dashboard can explain the difference.
    """
    model = meta_model("alexnet", groups=groups)
    rows = _by_name(summarize(model, model_info("alexnet").input_shape))
    params = {r.layer: r.value for r in ALEXNET_PARAMS}
    maps = {r.layer: r.value for r in ALEXNET_FEATURE_MAPS}
    order = [r.layer for r in ALEXNET_FEATURE_MAPS] + [r.layer for r in ALEXNET_PARAMS if r.layer not in maps]
    labels = {r.layer: r.label for r in (*ALEXNET_PARAMS, *ALEXNET_FEATURE_MAPS)}
    return [{"layer": labels[name], "module": name, "lecture_params": params.get(name, 0),
             "params": rows[name].params, "lecture_map": maps.get(name), "map": _hwc(rows[name].output_shape)}
            for name in order]


def vgg16_activation_rows() -> list[dict]:
    """VGG-16's memory table at 224×224: per row the lecture's printed count and ours, and the weights.

    Each conv, pool and FC output is counted once (ReLU and dropout are in place, as the table
    assumes), plus the input. ``weights`` excludes biases, as the lecture's table does.
    """
    model = meta_model("vgg16")
    summary = summarize(model, model_info("vgg16").input_shape)
    rows = {r.name: r for r in summary.rows if r.type in _VGG_COUNTED}
    modules = dict(model.named_modules())
    out = []
    for r in VGG16_ACTIVATIONS:
        if r.layer == "input":
            shape, count = summary.input_shape, summary.input_activations
        else:
            shape, count = rows[r.layer].output_shape, rows[r.layer].activations
        weight = getattr(modules.get(r.layer), "weight", None)
        out.append({"layer": r.label, "module": r.layer, "shape": _hwc(shape), "activations": count,
                    "lecture_activations": r.value, "lecture_value": parse_count(str(r.value)),
                    "weights": weight.numel() if weight is not None else 0,
                    "lecture_weights": VGG16_WEIGHTS.get(r.layer, 0)})
    return out


def vgg16_activation_totals() -> dict:
    """VGG-16's totals: the true sum of the table's rows versus the lecture's printed "24M ≈ 93 MB".

    The lecture's total (copied from a widely used course slide) is an arithmetic slip: the slide's
    own rows — 150K + 2·3.2M + 800K + 2·1.6M + 400K + 3·800K + 200K + 3·400K + 100K + 3·100K + 25K
    + 4096 + 4096 + 1000 — add up to about 15.2M values, and exactly to 15,237,608, i.e.
    60,950,432 bytes ≈ 61 MB in float32 per image for the forward pass, not 24M ≈ 93 MB
    (24M × 4 B would even be 96 MB). The per-row numbers are right; only the total is not.
    """
    rows = vgg16_activation_rows()
    activations = sum(r["activations"] for r in rows)
    return {"activations": activations, "bytes": activations * FLOAT32_BYTES,
            "sum_of_printed_rows": sum(r["lecture_value"] for r in rows),
            "lecture_printed_total": VGG16_PRINTED_TOTAL_ACTIVATIONS,
            "lecture_printed_memory_mb": VGG16_PRINTED_TOTAL_MEMORY_MB,
            "weights": sum(r["weights"] for r in rows), "lecture_weights": sum(VGG16_WEIGHTS.values()),
            "params": sum(p.numel() for p in meta_model("vgg16").parameters()),
            "lecture_printed_params": VGG16_PRINTED_TOTAL_PARAMS}


def inception3a() -> dict:
    """Inception (3a) on its own: shapes, convolution weights without biases and MACs vs the lecture."""
    h, w, c = GOOGLENET_3A_IN
    with torch.device("meta"):
        block = Inception(*dict(e for e in INCEPTION_V1 if e)["inception3a"])   # the paper's Table 1 row
    summary = summarize(block, (c, h, w), blocks=(Inception,))
    weights = sum(m.weight.numel() for m in block.modules() if isinstance(m, nn.Conv2d))
    return {"in": GOOGLENET_3A_IN, "out": _hwc(summary.rows[0].output_shape), "lecture_out": GOOGLENET_3A_OUT,
            "conv_weights": weights, "conv_weights_k": weights / 1024, "lecture_weights": GOOGLENET_3A_WEIGHTS,
            "macs": summary.total_macs, "macs_m": summary.total_macs / 1e6, "lecture_macs": GOOGLENET_3A_MACS}


def parameter_rows() -> list[dict]:
    """Every famous model: our parameter count vs the reference the lecture quotes (None where it quotes none),
    with year and paper, for the parameters-vs-year chart."""
    out = []
    for name in list_models(famous=True):
        info = model_info(name)
        kw = {"aux_logits": False} if name == "googlenet" else {}   # aux heads are dropped after training
        params = sum(p.numel() for p in meta_model(name, **kw).parameters())
        out.append({"model": name, "family": info.family, "year": info.year, "paper": info.paper,
                    "params": params, "reference": REFERENCE_PARAMS.get(name)})
    return out
