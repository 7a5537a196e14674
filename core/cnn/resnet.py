"""ResNet (He, Zhang, Ren & Sun, 2015), the lecture's "유명한 CNN: ResNet" section.

A residual block learns F(x) and outputs ReLU(F(x) + x): the identity shortcut lets gradients pass
unchanged, so 152 layers train. ResNet-18/34 stack :class:`BasicBlock` (two 3×3 convolutions),
ResNet-50/101/152 :class:`Bottleneck` (1×1 reduce → 3×3 → 1×1 expand ×4). Parameter counts equal
torchvision's: 11,689,512 / 21,797,672 / 25,557,032 / 60,192,808.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

import torch
import torch.nn as nn

from .registry import register

PAPER = "https://arxiv.org/abs/1512.03385"


def conv_bn(in_channels: int, out_channels: int, kernel_size: int, stride: int = 1, relu: bool = True
            ) -> list[tuple[str, nn.Module]]:
    """(conv, bn[, relu]) as named layers; 'same' padding, no conv bias (BatchNorm's shift replaces it)."""
    layers: list[tuple[str, nn.Module]] = [
        ("conv", nn.Conv2d(in_channels, out_channels, kernel_size, stride=stride, padding=kernel_size // 2,
                           bias=False)),
        ("bn", nn.BatchNorm2d(out_channels)),
    ]
    if relu:
        layers.append(("relu", nn.ReLU()))
    return layers


def _named(*groups: list[tuple[str, nn.Module]]) -> nn.Sequential:
    """Sequential of several conv_bn groups, numbering the names: conv1, bn1, relu1, conv2, …"""
    return nn.Sequential(OrderedDict((f"{name}{i}", m) for i, group in enumerate(groups, 1) for name, m in group))


class BasicBlock(nn.Module):
    """3×3 → 3×3 residual block: (N, in_channels, H, W) → (N, planes, H/stride, W/stride)."""

    expansion = 1

    def __init__(self, in_channels: int, planes: int, stride: int = 1) -> None:
        super().__init__()
        self.out_channels = planes * self.expansion
        self.residual = _named(conv_bn(in_channels, planes, 3, stride),
                               conv_bn(planes, planes, 3, relu=False))
        self.shortcut = _shortcut(in_channels, self.out_channels, stride)
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.residual(x) + self.shortcut(x))


class Bottleneck(nn.Module):
    """1×1 → 3×3 → 1×1 residual block: (N, in_channels, H, W) → (N, 4·planes, H/stride, W/stride).

    The stride sits on the 3×3 convolution (torchvision's "ResNet v1.5"); the paper puts it on the
    first 1×1. Same parameters, slightly better accuracy.
    """

    expansion = 4

    def __init__(self, in_channels: int, planes: int, stride: int = 1) -> None:
        super().__init__()
        self.out_channels = planes * self.expansion
        self.residual = _named(conv_bn(in_channels, planes, 1),
                               conv_bn(planes, planes, 3, stride),
                               conv_bn(planes, self.out_channels, 1, relu=False))
        self.shortcut = _shortcut(in_channels, self.out_channels, stride)
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.relu(self.residual(x) + self.shortcut(x))


def _shortcut(in_channels: int, out_channels: int, stride: int) -> nn.Module:
    """Identity when shapes agree, else the paper's option B: a strided 1×1 projection + BatchNorm."""
    if stride == 1 and in_channels == out_channels:
        return nn.Identity()
    return nn.Sequential(OrderedDict(conv_bn(in_channels, out_channels, 1, stride, relu=False)))


# The paper's Table 1, as data: depth → (block, blocks per stage conv2_x … conv5_x).
RESNET_LAYERS: dict[int, tuple[type[BasicBlock] | type[Bottleneck], tuple[int, int, int, int]]] = {
    18: (BasicBlock, (2, 2, 2, 2)),
    34: (BasicBlock, (3, 4, 6, 3)),
    50: (Bottleneck, (3, 4, 6, 3)),
    101: (Bottleneck, (3, 4, 23, 3)),
    152: (Bottleneck, (3, 8, 36, 3)),
}
STAGE_PLANES = (64, 128, 256, 512)


class ResNet(nn.Module):
    """Stem (7×7/2 conv, 3×3/2 max-pool) → four stages → global average pool → fc.

    Args:
        block: builds one residual block from ``(in_channels, planes, stride)`` and exposes its
            ``out_channels``: ``BasicBlock``, ``Bottleneck`` or e.g. ``partial(SEBottleneck, reduction=16)``.
        layers: blocks per stage.
        num_classes: size of the fc layer.

    Input (N, in_channels, H, W) with H, W ≥ 32 → logits (N, num_classes).
    """

    def __init__(self, block: Callable[..., nn.Module], layers: Sequence[int], num_classes: int = 1000,
                 in_channels: int = 3) -> None:
        super().__init__()
        if len(layers) != len(STAGE_PLANES) or min(layers) < 1:
            raise ValueError(f"layers must be {len(STAGE_PLANES)} positive block counts, got {tuple(layers)}")
        self.stem = nn.Sequential(OrderedDict(
            conv_bn(in_channels, 64, 7, stride=2) + [("pool", nn.MaxPool2d(3, stride=2, padding=1))]))
        channels = 64
        for i, (planes, n) in enumerate(zip(STAGE_PLANES, layers, strict=True)):
            blocks = []
            for j in range(n):
                # Each stage but the first halves the map in its first block (the paper's conv3_1, …).
                blocks.append(block(channels, planes, stride=2 if j == 0 and i > 0 else 1))
                channels = blocks[-1].out_channels
            self.add_module(f"layer{i + 1}", nn.Sequential(*blocks))   # conv{i + 2}_x in the paper
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()                        # (N, 512·expansion)
        self.fc = nn.Linear(channels, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)                                   # (N, 64, H/4, W/4)
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))   # (N, 512·expansion, H/32, W/32)
        return self.fc(self.flatten(self.avgpool(x)))


def resnet(depth: int, num_classes: int = 1000) -> ResNet:
    """ResNet of the given depth (18, 34, 50, 101 or 152) from :data:`RESNET_LAYERS`.

    Paper: https://arxiv.org/abs/1512.03385. Departures from the paper (all of torchvision's):

    - Projection shortcuts (option B) only where the shape changes; identity elsewhere.
    - Bottleneck's stride on the 3×3 convolution (ResNet v1.5), not on the first 1×1.
    - Adaptive average pooling, so inputs smaller than 224×224 work.
    """
    if depth not in RESNET_LAYERS:
        raise ValueError(f"depth must be one of {sorted(RESNET_LAYERS)}, got {depth}")
    block, layers = RESNET_LAYERS[depth]
    return ResNet(block, layers, num_classes=num_classes)


_REG = dict(family="ResNet", year=2015, paper=PAPER, input_shape=(3, 224, 224), test_input_shape=(3, 32, 32),
            num_classes=1000)


@register("resnet18", tags=("residual", "BasicBlock"), **_REG)
def resnet18(num_classes: int = 1000) -> ResNet:
    """ResNet-18 (11,689,512 parameters). Paper: https://arxiv.org/abs/1512.03385

    Departures from the paper: those of :func:`resnet`.
    """
    return resnet(18, num_classes)


@register("resnet34", tags=("residual", "BasicBlock"), **_REG)
def resnet34(num_classes: int = 1000) -> ResNet:
    """ResNet-34 (21,797,672 parameters). Paper: https://arxiv.org/abs/1512.03385

    Departures from the paper: those of :func:`resnet`.
    """
    return resnet(34, num_classes)


@register("resnet50", tags=("residual", "Bottleneck"), **_REG)
def resnet50(num_classes: int = 1000) -> ResNet:
    """ResNet-50 (25,557,032 parameters). Paper: https://arxiv.org/abs/1512.03385

    Departures from the paper: those of :func:`resnet`.
    """
    return resnet(50, num_classes)


@register("resnet152", tags=("residual", "Bottleneck"), **_REG)
def resnet152(num_classes: int = 1000) -> ResNet:
    """ResNet-152 (60,192,808 parameters). Paper: https://arxiv.org/abs/1512.03385

    Departures from the paper: those of :func:`resnet`.
    """
    return resnet(152, num_classes)

