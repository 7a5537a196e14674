"""SENet (Hu, Shen & Sun, 2017), the lecture's "유명한 CNN: SENet" section.

A squeeze-and-excitation block reweights channels: squeeze (global average pool, C×H×W → C),
excitation (FC C → C/r, ReLU, FC C/r → C, sigmoid), scale (multiply each channel by its weight).
SE-ResNet-50 puts one after the last 1×1 convolution of every bottleneck, before the addition:
28,088,024 parameters with r = 16 (ResNet-50's 25,557,032 + 2,530,992).
"""
from __future__ import annotations

from functools import partial

import torch
import torch.nn as nn

from .registry import register
from .resnet import RESNET_LAYERS, Bottleneck, ResNet

PAPER = "https://arxiv.org/abs/1709.01507"


class SEBlock(nn.Module):
    """Squeeze-and-excitation: (N, C, H, W) → (N, C, H, W), each channel scaled by a weight in (0, 1).

    Args:
        channels: C.
        reduction: r; the hidden layer has C // r units (the paper's default r = 16).
    """

    def __init__(self, channels: int, reduction: int = 16) -> None:
        super().__init__()
        if channels < 1 or reduction < 1 or channels // reduction < 1:
            raise ValueError(f"expected channels ≥ reduction ≥ 1, got channels={channels}, reduction={reduction}")
        self.squeeze = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()                       # (N, C, 1, 1) → (N, C)
        self.fc1 = nn.Linear(channels, channels // reduction)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(channels // reduction, channels)
        self.gate = nn.Sigmoid()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w = self.gate(self.fc2(self.relu(self.fc1(self.flatten(self.squeeze(x))))))   # (N, C)
        return x * w[:, :, None, None]                    # (N, C, 1, 1) broadcast over H, W


class SEBottleneck(Bottleneck):
    """ResNet's :class:`Bottleneck` with an :class:`SEBlock` closing the residual branch."""

    def __init__(self, in_channels: int, planes: int, stride: int = 1, reduction: int = 16) -> None:
        super().__init__(in_channels, planes, stride)
        # Scale F(x) before the identity is added, so the shortcut stays a pure identity (the paper's Fig. 3).
        self.residual.add_module("se", SEBlock(planes * self.expansion, reduction))


def se_resnet(depth: int, num_classes: int = 1000, reduction: int = 16) -> ResNet:
    """SE-ResNet of a bottleneck depth (50, 101 or 152). Paper: https://arxiv.org/abs/1709.01507"""
    block, layers = RESNET_LAYERS.get(depth, (None, ()))
    if block is not Bottleneck:
        raise ValueError(f"SE-ResNet depth must be a bottleneck ResNet depth (50, 101, 152), got {depth}")
    return ResNet(partial(SEBottleneck, reduction=reduction), layers, num_classes=num_classes)


@register("se_resnet50", family="SENet", year=2017, paper=PAPER, input_shape=(3, 224, 224),
          test_input_shape=(3, 32, 32), num_classes=1000, tags=("squeeze-and-excitation", "channel attention"))
def se_resnet50(num_classes: int = 1000, reduction: int = 16) -> ResNet:
    """SE-ResNet-50. Paper ("Squeeze-and-Excitation Networks"): https://arxiv.org/abs/1709.01507

    Departures from the paper: ResNet-50's (see :func:`core.cnn.resnet.resnet`: stride on the 3×3
    convolution, adaptive pooling); the excitation FC layers keep their biases, as the reference code.
    """
    return se_resnet(50, num_classes=num_classes, reduction=reduction)

