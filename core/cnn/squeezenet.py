"""SqueezeNet's fire module (Iandola et al., 2016), shown next to SENet's SE block.

The lecture's SENet slide calls the SE block a "fire module" and lists three benefits of small models
(more efficient distributed training, less overhead when exporting new models to clients, feasible
FPGA and embedded deployment). Those three are the SqueezeNet paper's (its Section 1), and the fire
module is SqueezeNet's building block: a 1×1 *squeeze* convolution to few channels, then two
parallel *expand* convolutions, 1×1 and 3×3, concatenated. Not registered as a model: only the
block is needed here.
"""
from __future__ import annotations

import torch
import torch.nn as nn

PAPER = "https://arxiv.org/abs/1602.07360"


class FireModule(nn.Module):
    """(N, C_in, H, W) → (N, e1 + e3, H, W): squeeze 1×1 → ReLU → [expand 1×1 ‖ expand 3×3] → ReLU.

    Args:
        in_channels: C_in.
        squeeze: s₁ₓ₁, the squeeze layer's filters (the paper keeps s₁ₓ₁ < e₁ₓ₁ + e₃ₓ₃).
        expand1x1: e₁ₓ₁.
        expand3x3: e₃ₓ₃ (padding 1, so H and W are kept).
    """

    def __init__(self, in_channels: int, squeeze: int, expand1x1: int, expand3x3: int) -> None:
        super().__init__()
        self.squeeze = nn.Conv2d(in_channels, squeeze, kernel_size=1)
        self.expand1x1 = nn.Conv2d(squeeze, expand1x1, kernel_size=1)
        self.expand3x3 = nn.Conv2d(squeeze, expand3x3, kernel_size=3, padding=1)
        self.relu = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        s = self.relu(self.squeeze(x))
        return self.relu(torch.cat([self.expand1x1(s), self.expand3x3(s)], dim=1))
