"""Numbers the lecture's CNN sections state or imply but never compute, computed (pages 14 and 15).

- ZFNet in two variants (the paper's Fig. 3 vs the lecture's 512/1024/512 table) and why 224, not 227;
- VGG's argument: n stacked 3×3 convolutions see a (2n + 1)×(2n + 1) field with 9n·C² weights
  instead of (2n + 1)²·C²;
- GoogLeNet's inception (3a) with and without its 1×1 reductions (weights and MACs);
- SE block vs SqueezeNet's fire module (the lecture's "SE Block(fire module)" slide mixes the two);
- AlexNet's local response normalisation, in NumPy with the paper's constants;
- Keras ``Conv2D``'s ``padding="same"/"valid"`` output sizes, and the lecture's global-average-pooling
  Keras summary (64,500 / 5,010 / 326,534 parameters).
"""
from __future__ import annotations

import math

import numpy as np
import torch.nn as nn

from .alexnet import LRN_ALPHA, LRN_BETA, LRN_K, LRN_SIZE
from .googlenet import INCEPTION_V1
from .lecture_tables import meta_model
from .senet import SEBlock
from .squeezenet import FireModule
from .summary import summarize

# --- ZFNet ------------------------------------------------------------------------------------------------
ZFNET_TEXT_INPUT = 227     # the lecture's text ("입력 : (227x227x3)"), copied from its AlexNet section
ZFNET_TABLE_INPUT = 224    # the lecture's table 8.1 and the paper's Fig. 3
# Table 8.1's ZFNet column: the volume entering each operation, written H×W×C.
ZFNET_LECTURE_VOLUMES = (("pool1", (55, 55, 96)), ("pool2", (13, 13, 256)), ("conv3", (13, 13, 512)),
                         ("conv4", (13, 13, 1024)), ("conv5", (13, 13, 512)))
ZFNET_PAPER_VOLUMES = (("pool1", (55, 55, 96)), ("pool2", (13, 13, 256)), ("conv3", (13, 13, 384)),
                       ("conv4", (13, 13, 384)), ("conv5", (13, 13, 256)))


def _n_params(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def zfnet_rows(variant: str = "paper", size: int = ZFNET_TABLE_INPUT) -> list[dict]:
    """ZFNet's conv/pool/FC layers at ``size``×``size``: map (H, W, C) and parameters, per ``variant``."""
    s = summarize(meta_model("zfnet", variant=variant), (3, size, size))
    keep = ("features.conv", "features.pool", "classifier.fc")
    return [{"layer": r.name.split(".")[1], "map": (*r.output_shape[1:], r.output_shape[0]) if len(r.output_shape) == 3
             else r.output_shape, "params": r.params}
            for r in s.rows if r.name.startswith(keep) and "_" not in r.name.split(".")[1]]


def zfnet_totals() -> dict[str, int]:
    """Parameters of both variants: the paper's Fig. 3 (384/384/256) and the lecture's 512/1024/512."""
    return {v: _n_params(meta_model("zfnet", variant=v)) for v in ("paper", "lecture")}


def zfnet_input_sizes() -> dict[int, tuple[int, ...]]:
    """pool1's map (H, W, C) at 224 and at 227: only 224 gives the 55×55×96 both the paper and the
    lecture's table show (7×7 stride 2: 224 → 110 → 55; 227 → 112 → 56)."""
    out = {}
    for size in (ZFNET_TABLE_INPUT, ZFNET_TEXT_INPUT):
        row = next(r for r in zfnet_rows("paper", size) if r["layer"] == "pool1")
        out[size] = row["map"]
    return out


# --- VGG: stacks of 3×3 --------------------------------------------------------------------------------------
def receptive_field(kernels, strides=None) -> int:
    """Receptive field of stacked convolutions: 1 + Σ (kᵢ − 1)·Πⱼ<ᵢ sⱼ (stride 1 by default)."""
    strides = strides or [1] * len(kernels)
    rf, jump = 1, 1
    for k, s in zip(kernels, strides, strict=True):
        rf += (k - 1) * jump
        jump *= s
    return rf


def vgg_stacks(channels: int, max_layers: int = 3) -> list[dict]:
    """VGG's argument for C input and C output channels: n stacked 3×3 vs one (2n+1)×(2n+1) conv.

    Per n = 1 … ``max_layers``: ``field`` (2n + 1), ``stacked`` = 9n·C² weights, ``single`` =
    (2n + 1)²·C² weights (biases left out, as the lecture's VGG table does), ``ratio`` = stacked /
    single, and ``nonlinearities`` (n ReLUs vs 1). n = 2: 18C² vs 25C²; n = 3: 27C² vs 49C².
    """
    if channels < 1:
        raise ValueError(f"expected channels >= 1, got {channels}")
    rows = []
    for n in range(1, max_layers + 1):
        field = receptive_field([3] * n)
        stacked = n * 9 * channels ** 2
        single = field ** 2 * channels ** 2
        rows.append({"layers": n, "field": field, "stacked": stacked, "single": single,
                     "stacked_coef": 9 * n, "single_coef": field ** 2, "ratio": stacked / single,
                     "nonlinearities": (n, 1)})
    return rows


# --- GoogLeNet: inception (3a) with and without the 1×1 reductions -----------------------------------------
def inception3a_reduction(size: int = 28) -> dict[str, dict[str, int]]:
    """Inception (3a) (paper's Table 1) with its 1×1 reductions and without them.

    "without": the 3×3 and 5×5 convolutions read all 192 input channels directly (the paper's naive
    module, Fig. 2a), everything else the same, so both output 28×28×256. Weights exclude biases;
    MACs = weights × H × W (every convolution keeps the 28×28 map).
    """
    _, (cin, c1, r3, c3, r5, c5, pp) = next(e for e in INCEPTION_V1 if e and e[0] == "inception3a")
    reduced = {"1x1": cin * c1, "3x3_reduce": cin * r3, "3x3": 9 * r3 * c3, "5x5_reduce": cin * r5,
               "5x5": 25 * r5 * c5, "pool_proj": cin * pp}
    naive = {"1x1": cin * c1, "3x3": 9 * cin * c3, "5x5": 25 * cin * c5, "pool_proj": cin * pp}
    out = {}
    for name, parts in (("with", reduced), ("without", naive)):
        w = sum(parts.values())
        out[name] = {"weights": w, "macs": w * size * size, "parts": parts, "out_channels": c1 + c3 + c5 + pp}
    out["saving"] = {"weights": out["without"]["weights"] / out["with"]["weights"],
                     "macs": out["without"]["macs"] / out["with"]["macs"]}
    return out


# --- SE block vs fire module -----------------------------------------------------------------------------------
def se_vs_fire(channels: int = 128, reduction: int = 16, fire=(96, 16, 64, 64)) -> dict[str, dict]:
    """Parameters of an SE block on ``channels`` (ratio r) and of a fire module (C_in, s₁ₓ₁, e₁ₓ₁, e₃ₓ₃);
    the default fire module is SqueezeNet's fire2 (96 → 16 → 64 + 64 = 128 channels), so both act on
    128-channel maps. Counted from the modules themselves (biases included).

    SE: 2C²/r + C/r + C; fire: (C_in + 1)s + (s + 1)e₁ + (9s + 1)e₃.
    """
    se = SEBlock(channels, reduction)
    fm = FireModule(*fire)
    return {"se": {"params": _n_params(se), "fc1": _n_params(se.fc1), "fc2": _n_params(se.fc2),
                   "channels": channels, "reduction": reduction, "changes_shape": False},
            "fire": {"params": _n_params(fm), "squeeze": _n_params(fm.squeeze),
                     "expand1x1": _n_params(fm.expand1x1), "expand3x3": _n_params(fm.expand3x3),
                     "in": fire[0], "out": fire[2] + fire[3], "changes_shape": True}}


# --- AlexNet: local response normalisation --------------------------------------------------------------------
def local_response_norm(a, n: int = LRN_SIZE, k: float = LRN_K, alpha: float = LRN_ALPHA,
                        beta: float = LRN_BETA) -> np.ndarray:
    """AlexNet's LRN (paper §3.3) on activations ``a`` of shape (C, ...) — channels first:

        b_i = a_i / (k + α Σ_{j = max(0, i − n/2)}^{min(C − 1, i + n/2)} a_j²)^β

    The sum runs over n neighbouring *channels* (kernel maps) at the same position, not over
    neighbouring pixels. Constants: n = 5, k = 2, α = 10⁻⁴, β = 0.75.
    """
    a = np.asarray(a, dtype=np.float64)
    C = a.shape[0]
    sq = a ** 2
    out = np.empty_like(a)
    for i in range(C):
        lo, hi = max(0, i - n // 2), min(C - 1, i + n // 2)
        out[i] = a[i] / (k + alpha * sq[lo:hi + 1].sum(axis=0)) ** beta
    return out


# --- Keras ------------------------------------------------------------------------------------------------------
KERAS_CONV2D_ARGS = ("input_shape", "filters", "kernel_size", "padding", "activation")


def keras_output_size(n: int, k: int, stride: int = 1, padding: str = "valid") -> int:
    """Output height/width of Keras ``Conv2D``/``MaxPooling2D``: "valid" = ⌊(n − k)/s⌋ + 1 (no zeros);
    "same" = ⌈n / s⌉ (zeros added so that stride 1 keeps the size)."""
    if padding == "valid":
        if n < k:
            raise ValueError(f"'valid' needs n >= k, got n={n}, k={k}")
        return (n - k) // stride + 1
    if padding == "same":
        return math.ceil(n / stride)
    raise ValueError(f"padding must be 'same' or 'valid', got {padding!r}")


def same_padding(k: int) -> int:
    """Zeros per side that ``padding="same"`` adds for an odd kernel at stride 1: (k − 1)/2."""
    return (k - 1) // 2


# The lecture's summary starts at max_pooling2d_1; the layers before it are not shown. A 28×28×1 input
# (MNIST), three 5×5 "same" convolutions with 32, 64 and 128 filters and two 2×2 poolings reproduce its
# total exactly (832 + 51,264 + 204,928 = 257,024 = 326,534 − 64,500 − 5,010); parameters do not depend
# on the image size.
GAP_LECTURE = {"dense": 64_500, "dense_1": 5_010, "total": 326_534}


def keras_gap_model() -> list[tuple[str, str, tuple, int, bool]]:
    """The GAP network as Keras' ``model.summary()`` rows: (name, type, output shape, params, shown in
    the lecture). Parameters are counted by ``core.nn.conv.conv_params`` / in·out + out."""
    from core.nn.conv import conv_params

    rows: list[tuple[str, str, tuple, int, bool]] = []
    size, cin = 28, 1
    plan = (("conv2d", 32), ("max_pooling2d", None), ("conv2d_1", 64), ("conv2d_2", 128), ("max_pooling2d_1", None))
    act = 0
    for name, filters in plan:
        if filters:
            rows.append((name, "Conv2D", (None, size, size, filters), conv_params(cin, 5, filters), False))
            rows.append((f"activation{'_' + str(act) if act else ''}", "Activation", (None, size, size, filters), 0,
                         False))
            act += 1
            cin = filters
        else:
            size = keras_output_size(size, 2, 2, "valid")
            rows.append((name, "MaxPooling2D", (None, size, size, cin), 0, name == "max_pooling2d_1"))
    rows.append(("global_average_pooling2d", "GlobalAveragePooling2D", (None, cin), 0, True))
    for name, units in (("dense", 500), ("dense_1", 10)):
        rows.append((name, "Dense", (None, units), cin * units + units, True))
        rows.append((f"activation_{act}", "Activation", (None, units), 0, True))
        act += 1
        cin = units
    return rows


def keras_gap_torch() -> nn.Module:
    """The same network in PyTorch, to count its parameters independently (326,534)."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(), nn.Conv2d(64, 128, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, 500), nn.ReLU(), nn.Linear(500, 10), nn.Softmax(dim=1))


def gap_vs_flatten(channels: int = 128, size: int = 7, units: int = 500) -> dict[str, int]:
    """The first Dense layer's parameters after GAP ((H, W, D) → (1, 1, D)) vs after Flatten."""
    return {"gap": channels * units + units, "flatten": size * size * channels * units + units}
