"""The practical networks we actually train and serve (lecture: "CNN 실습" — MNIST and dogs vs. cats).

- ``mnist_net``: the LeNet-5 family brought up to date — 3×3 conv stages with batch
  normalisation and ReLU, global average pooling and dropout before one linear classifier.
  Trained with light random-affine augmentation it passes 99.5 % on the MNIST test set.
- ``pets_net``: a small residual network with squeeze-and-excitation (ResNet + SENet ideas from
  the lecture) for small (48×48) photos, trained from scratch, to show what pretraining buys.

Both are built from the small blocks below so each idea (conv-BN-ReLU, residual shortcut,
channel attention) is one readable class.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn as nn

from .registry import register


class ConvBNReLU(nn.Sequential):
    """``conv(k×k) → BatchNorm → ReLU``; the conv has no bias because BN's shift replaces it."""

    def __init__(self, c_in: int, c_out: int, kernel_size: int = 3, stride: int = 1):
        super().__init__(
            nn.Conv2d(c_in, c_out, kernel_size, stride=stride, padding=kernel_size // 2, bias=False),
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=True),
        )


class SqueezeExcite(nn.Module):
    """SENet's channel attention: global average → bottleneck MLP → sigmoid gate per channel.

    ``x (N, C, H, W) → x * gate (N, C, 1, 1)``.
    """

    def __init__(self, channels: int, reduction: int = 8):
        super().__init__()
        hidden = max(channels // reduction, 4)
        self.fc1 = nn.Conv2d(channels, hidden, 1)
        self.fc2 = nn.Conv2d(hidden, channels, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s = x.mean(dim=(2, 3), keepdim=True)                        # (N, C, 1, 1)
        return x * torch.sigmoid(self.fc2(torch.relu(self.fc1(s))))


class ResidualSEBlock(nn.Module):
    """ResNet's basic block (two 3×3 convs + shortcut) with an SE gate on the residual branch.

    ``stride=2`` halves H and W; the shortcut then becomes a strided 1×1 conv + BN so the
    shapes match for the addition.
    """

    def __init__(self, c_in: int, c_out: int, stride: int = 1, se_reduction: int = 8):
        super().__init__()
        self.conv1 = ConvBNReLU(c_in, c_out, 3, stride)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c_out)
        # Zero-init the last BN's scale: each block starts as the identity, which lets a
        # from-scratch residual net train stably with a high learning rate.
        nn.init.zeros_(self.bn2.weight)
        self.se = SqueezeExcite(c_out, se_reduction)
        self.shortcut: nn.Module = nn.Identity()
        if stride != 1 or c_in != c_out:
            self.shortcut = nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride=stride, bias=False),
                                          nn.BatchNorm2d(c_out))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.se(self.bn2(self.conv2(self.conv1(x))))
        return torch.relu(out + self.shortcut(x))


class MnistNet(nn.Module):
    """Compact modern MNIST CNN. ``(N, 1, 28, 28) → logits (N, num_classes)``.

    LeNet-5's conv → pool → conv → pool plan with today's parts: 3×3 convs with BN + ReLU, a
    stacked pair in the middle stage, global average pooling and dropout instead of big FC layers::

        28×28 →[conv w1, pool]→ 14×14 →[conv w2, conv w2, pool]→ 7×7 →[conv w3]→ GAP → dropout → fc

    Only one narrow conv runs at full 28×28 resolution, which keeps it cheap on a CPU.
    """

    def __init__(self, num_classes: int = 10, widths: Sequence[int] = (24, 48, 96), dropout: float = 0.25):
        super().__init__()
        if len(widths) != 3:
            raise ValueError(f"widths must have 3 entries (three stages), got {tuple(widths)}")
        w1, w2, w3 = widths
        self.features = nn.Sequential(
            ConvBNReLU(1, w1), nn.MaxPool2d(2),                        # (N, w1, 14, 14)
            ConvBNReLU(w1, w2), ConvBNReLU(w2, w2), nn.MaxPool2d(2),   # (N, w2, 7, 7)
            ConvBNReLU(w2, w3),                                        # (N, w3, 7, 7)
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(w3, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(self.features(x)).flatten(1)                    # (N, w3)
        return self.fc(self.dropout(x))


class PetsNet(nn.Module):
    """From-scratch ResNet/SE network for small photos. ``(N, 3, H, W) → logits (N, num_classes)``.

    A stride-2 stem, then one stage per width; every stage after the first halves the resolution
    (48×48 input: 24 → 12 → 6 → 3), then global average pooling, dropout and one linear layer.
    """

    def __init__(self, num_classes: int = 2, widths: Sequence[int] = (24, 48, 96, 192),
                 blocks: Sequence[int] = (1, 1, 1, 1), dropout: float = 0.2):
        super().__init__()
        if len(widths) != len(blocks) or not widths:
            raise ValueError(f"widths and blocks must be non-empty and of equal length, "
                             f"got {tuple(widths)} and {tuple(blocks)}")
        layers: list[nn.Module] = [ConvBNReLU(3, widths[0], 3, stride=2)]   # (N, w0, H/2, W/2)
        c_in = widths[0]
        for i, (w, n) in enumerate(zip(widths, blocks, strict=True)):
            for j in range(n):
                layers.append(ResidualSEBlock(c_in, w, stride=2 if (i > 0 and j == 0) else 1))
                c_in = w
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(c_in, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool(self.features(x)).flatten(1)                    # (N, C_last)
        return self.fc(self.dropout(x))


@register("mnist_net", family="Practical", input_shape=(1, 28, 28), test_input_shape=(1, 28, 28),
          num_classes=10, famous=False, tags=("practical",))
def mnist_net(num_classes: int = 10, **kw) -> MnistNet:
    return MnistNet(num_classes=num_classes, **kw)


@register("pets_net", family="Practical", input_shape=(3, 48, 48), test_input_shape=(3, 32, 32),
          num_classes=2, famous=False, tags=("practical",))
def pets_net(num_classes: int = 2, **kw) -> PetsNet:
    return PetsNet(num_classes=num_classes, **kw)
