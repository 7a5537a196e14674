"""LeNet-5 (LeCun et al., 1998), as the lecture's "유명한 CNN: LeNet-5" section draws it.

32×32×1 input → C1 (6@28×28) → S2 (6@14×14) → C3 (16@10×10) → S4 (16@5×5) → C5 (120@1×1)
→ F6 (84) → output (10). The lecture's parameter counts hold layer by layer:
C1 156, C3 2,416, C5 48,120, F6 10,164, output 850 — 61,706 in all.
"""
from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn as nn

from .registry import register

PAPER = "http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf"

# The paper's Fig. 2, written as data: (name, out_channels, kernel, name of the 2×2 average pooling
# that follows or None); every convolution is followed by tanh.
_CONVS: tuple[tuple[str, int, int, str | None], ...] = (
    ("c1", 6, 5, "s2"),
    ("c3", 16, 5, "s4"),
    ("c5", 120, 5, None),   # C5 is a convolution: on a 5×5 map with a 5×5 kernel it acts as an FC layer
)
_F6 = 84


class LeNet5(nn.Module):
    """LeNet-5 on a (N, in_channels, 32, 32) batch → (N, num_classes) logits (see :func:`lenet5`)."""

    def __init__(self, num_classes: int = 10, in_channels: int = 1) -> None:
        super().__init__()
        if num_classes < 1 or in_channels < 1:
            raise ValueError(f"expected num_classes ≥ 1 and in_channels ≥ 1, got {num_classes}, {in_channels}")
        layers: OrderedDict[str, nn.Module] = OrderedDict()
        cin = in_channels
        for name, cout, k, pool in _CONVS:
            layers[name] = nn.Conv2d(cin, cout, kernel_size=k)
            layers[f"{name}_tanh"] = nn.Tanh()
            if pool is not None:
                layers[pool] = nn.AvgPool2d(kernel_size=2, stride=2)
            cin = cout
        self.features = nn.Sequential(layers)
        self.classifier = nn.Sequential(OrderedDict(
            flatten=nn.Flatten(),               # (N, 120, 1, 1) → (N, 120)
            f6=nn.Linear(cin, _F6),
            f6_tanh=nn.Tanh(),
            output=nn.Linear(_F6, num_classes),
        ))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 4 or x.shape[-2:] != (32, 32):
            raise ValueError(f"LeNet-5 expects (N, C, 32, 32) input, got {tuple(x.shape)}")
        return self.classifier(self.features(x))


@register("lenet5", family="LeNet", year=1998, paper=PAPER, input_shape=(1, 32, 32),
          test_input_shape=(1, 32, 32), num_classes=10, tags=("tanh", "average pooling"))
def lenet5(num_classes: int = 10, in_channels: int = 1) -> LeNet5:
    """LeNet-5 as in the lecture. Paper ("Gradient-based learning applied to document recognition",
    Proc. IEEE, 1998): http://yann.lecun.com/exdb/publis/pdf/lecun-01a.pdf

    Departures from the paper (deliberate, as in the lecture):

    - C3 connects to all 6 S2 maps (2,416 parameters) instead of the paper's sparse connection
      table (1,516 parameters).
    - S2 and S4 are plain 2×2 average pooling; the paper's subsampling layers multiply by a trainable
      coefficient, add a trainable bias and apply a sigmoid (12 and 32 parameters).
    - The activation is ``tanh``, not the paper's scaled ``1.7159·tanh(2a/3)``.
    - The output layer is a linear layer with biases (850 parameters) feeding softmax cross-entropy,
      not the paper's Euclidean RBF units (840 fixed parameters).
    """
    return LeNet5(num_classes=num_classes, in_channels=in_channels)
