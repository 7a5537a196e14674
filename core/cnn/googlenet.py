"""GoogLeNet / Inception v1 (Szegedy et al., 2014), the lecture's "유명한 CNN: GoogLeNet" section.

The Inception module runs 1×1, 1×1→3×3, 1×1→5×5 and 3×3-max-pool→1×1 branches side by side and
concatenates them; the 1×1 "bottleneck" convolutions keep the cost down. The lecture's example,
inception (3a): 28×28×192 in, 28×28×(64+128+32+32) = 28×28×256 out, 163,328 convolution weights
("159K" = 163,328 / 1024) and 128.0M multiply-accumulates. Two auxiliary classifiers (after 4a and
4d) add their losses during training.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

import torch
import torch.nn as nn

from .registry import register

PAPER = "https://arxiv.org/abs/1409.4842"

# The paper's Table 1, as data: name → (in, #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj).
# None marks a 3×3 stride-2 max-pooling between stages.
INCEPTION_V1: tuple[tuple[str, tuple[int, int, int, int, int, int, int]] | None, ...] = (
    ("inception3a", (192, 64, 96, 128, 16, 32, 32)),
    ("inception3b", (256, 128, 128, 192, 32, 96, 64)),
    None,
    ("inception4a", (480, 192, 96, 208, 16, 48, 64)),
    ("inception4b", (512, 160, 112, 224, 24, 64, 64)),
    ("inception4c", (512, 128, 128, 256, 24, 64, 64)),
    ("inception4d", (512, 112, 144, 288, 32, 64, 64)),
    ("inception4e", (528, 256, 160, 320, 32, 128, 128)),
    None,
    ("inception5a", (832, 256, 160, 320, 32, 128, 128)),
    ("inception5b", (832, 384, 192, 384, 48, 128, 128)),
)
AUX_AFTER = ("inception4a", "inception4d")   # where the two auxiliary classifiers branch off


class BasicConv2d(nn.Sequential):
    """Convolution → BatchNorm (or a conv bias without it) → ReLU; (N, Cin, H, W) → (N, Cout, H', W')."""

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, batch_norm: bool = True) -> None:
        layers: OrderedDict[str, nn.Module] = OrderedDict(
            conv=nn.Conv2d(in_channels, out_channels, kernel_size, stride=stride, padding=padding,
                           bias=not batch_norm))   # BN's shift makes a conv bias redundant
        if batch_norm:
            layers["bn"] = nn.BatchNorm2d(out_channels, eps=1e-3)
        layers["relu"] = nn.ReLU()
        super().__init__(layers)


class Inception(nn.Module):
    """One Inception module: (N, in_channels, H, W) → (N, ch1x1 + ch3x3 + ch5x5 + pool_proj, H, W).

    ``kernel_5x5=3`` reproduces torchvision's GoogLeNet, whose "5×5" branch is a 3×3 convolution
    (a known quirk kept there for its pretrained weights); the paper's and the lecture's is 5.
    """

    def __init__(self, in_channels: int, ch1x1: int, ch3x3red: int, ch3x3: int, ch5x5red: int, ch5x5: int,
                 pool_proj: int, kernel_5x5: int = 5, batch_norm: bool = True) -> None:
        super().__init__()
        if kernel_5x5 not in (3, 5):
            raise ValueError(f"kernel_5x5 must be 5 (the paper) or 3 (torchvision), got {kernel_5x5}")
        self.out_channels = ch1x1 + ch3x3 + ch5x5 + pool_proj
        self.branch1 = BasicConv2d(in_channels, ch1x1, 1, batch_norm=batch_norm)
        self.branch2 = nn.Sequential(BasicConv2d(in_channels, ch3x3red, 1, batch_norm=batch_norm),
                                     BasicConv2d(ch3x3red, ch3x3, 3, padding=1, batch_norm=batch_norm))
        self.branch3 = nn.Sequential(BasicConv2d(in_channels, ch5x5red, 1, batch_norm=batch_norm),
                                     BasicConv2d(ch5x5red, ch5x5, kernel_5x5, padding=kernel_5x5 // 2,
                                                 batch_norm=batch_norm))
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                     BasicConv2d(in_channels, pool_proj, 1, batch_norm=batch_norm))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branches = (self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x))
        return torch.cat(branches, dim=1)   # (N, ch1x1 + ch3x3 + ch5x5 + pool_proj, H, W)


class InceptionAux(nn.Module):
    """Auxiliary classifier: (N, in_channels, 14, 14) → 4×4 avg pool → 1×1 conv 128 → fc 1024 → fc classes."""

    def __init__(self, in_channels: int, num_classes: int, batch_norm: bool = True, dropout: float = 0.7) -> None:
        super().__init__()
        # The paper's 5×5 stride-3 average pool gives 4×4 at 14×14; adaptive pooling keeps 4×4 at any size.
        self.avgpool = nn.AdaptiveAvgPool2d(4)
        self.conv = BasicConv2d(in_channels, 128, 1, batch_norm=batch_norm)
        self.flatten = nn.Flatten()                  # (N, 128·4·4)
        self.fc1 = nn.Linear(128 * 4 * 4, 1024)
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(dropout)
        self.fc2 = nn.Linear(1024, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.flatten(self.conv(self.avgpool(x)))
        return self.fc2(self.dropout(self.relu(self.fc1(x))))


class GoogLeNetOutputs(NamedTuple):
    """Training-mode outputs: the main logits and the two auxiliary ones, each (N, num_classes)."""
    logits: torch.Tensor
    aux1: torch.Tensor
    aux2: torch.Tensor


class GoogLeNet(nn.Module):
    """Inception v1. Input (N, 3, H, W) with H, W ≥ 32.

    Returns logits (N, num_classes) in eval mode or without auxiliary heads, and
    :class:`GoogLeNetOutputs` ``(logits, aux1, aux2)`` in training mode with ``aux_logits=True``
    (the paper weights each auxiliary loss by 0.3).
    """

    def __init__(self, num_classes: int = 1000, aux_logits: bool = True, kernel_5x5: int = 5,
                 batch_norm: bool = True, dropout: float = 0.4, in_channels: int = 3) -> None:
        super().__init__()
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        self.aux_logits = aux_logits
        bn = batch_norm
        self.stem = nn.Sequential(OrderedDict(
            conv1=BasicConv2d(in_channels, 64, 7, stride=2, padding=3, batch_norm=bn),
            pool1=nn.MaxPool2d(3, stride=2, ceil_mode=True),
            conv2=BasicConv2d(64, 64, 1, batch_norm=bn),
            conv3=BasicConv2d(64, 192, 3, padding=1, batch_norm=bn),
            pool2=nn.MaxPool2d(3, stride=2, ceil_mode=True),
        ))
        self.stages = nn.ModuleList()   # three stages, split where the auxiliary heads branch off
        stage: OrderedDict[str, nn.Module] = OrderedDict()
        pools = iter(("pool3", "pool4"))
        aux_in: list[int] = []
        for entry in INCEPTION_V1:
            if entry is None:
                stage[next(pools)] = nn.MaxPool2d(3, stride=2, ceil_mode=True)
                continue
            name, cfg = entry
            stage[name] = block = Inception(*cfg, kernel_5x5=kernel_5x5, batch_norm=bn)
            if name in AUX_AFTER:
                aux_in.append(block.out_channels)
                self.stages.append(nn.Sequential(stage))
                stage = OrderedDict()
        self.stages.append(nn.Sequential(stage))
        if aux_logits:
            self.aux1 = InceptionAux(aux_in[0], num_classes, batch_norm=bn)
            self.aux2 = InceptionAux(aux_in[1], num_classes, batch_norm=bn)
        else:
            self.aux1 = self.aux2 = None
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()                       # (N, 1024)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(block.out_channels, num_classes)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                nn.init.trunc_normal_(m.weight, std=0.01, a=-2, b=2)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor | GoogLeNetOutputs:
        x = self.stages[0](self.stem(x))                  # (N, 512, H/16, W/16) after 4a
        aux1 = self.aux1(x) if self.aux1 is not None and self.training else None
        x = self.stages[1](x)                             # (N, 528, H/16, W/16) after 4d
        aux2 = self.aux2(x) if self.aux2 is not None and self.training else None
        x = self.stages[2](x)                             # (N, 1024, H/32, W/32)
        logits = self.fc(self.dropout(self.flatten(self.avgpool(x))))
        if aux1 is not None and aux2 is not None:
            return GoogLeNetOutputs(logits, aux1, aux2)
        return logits


@register("googlenet", family="GoogLeNet", year=2014, paper=PAPER, input_shape=(3, 224, 224),
          test_input_shape=(3, 64, 64), num_classes=1000, tags=("Inception", "1×1 bottleneck", "auxiliary heads"))
def googlenet(num_classes: int = 1000, aux_logits: bool = True, torchvision_compat: bool = False,
              batch_norm: bool = True, dropout: float = 0.4) -> GoogLeNet:
    """GoogLeNet (Inception v1). Paper ("Going Deeper with Convolutions"): https://arxiv.org/abs/1409.4842

    ``torchvision_compat=True`` uses torchvision's 3×3 kernel in the "5×5" branch; with
    ``aux_logits=False`` that model has torchvision's 6,624,904 parameters. The default keeps the
    paper's 5×5 kernels, so every Inception module matches the lecture's arithmetic (inception (3a):
    163,328 convolution weights, 128.0M MACs).

    Departures from the paper:

    - BatchNorm after every convolution (convolutions then have no bias), as torchvision;
      ``batch_norm=False`` restores the paper's biased convolutions. No local response normalisation.
    - Adaptive average pools (final 1×1, auxiliary 4×4) so smaller inputs work.
    """
    return GoogLeNet(num_classes=num_classes, aux_logits=aux_logits, kernel_5x5=3 if torchvision_compat else 5,
                     batch_norm=batch_norm, dropout=dropout)
