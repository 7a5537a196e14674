"""AlexNet (Krizhevsky, Sutskever & Hinton, 2012), the lecture's "유명한 CNN: AlexNet" section.

227×227×3 → conv1 55×55×96 → pool1 27×27×96 → conv2 27×27×256 → pool2 13×13×256 → conv3 13×13×384
→ conv4 13×13×384 → conv5 13×13×256 → pool5 6×6×256 → fc6 4096 → fc7 4096 → fc8 1000.

The lecture counts the convolutions ungrouped (62,378,344 parameters); the paper split conv2, conv4
and conv5 over two GPUs, which ``groups=2`` reproduces (60,965,224). ZFNet reuses :class:`AlexNet`
with its own layer list (:mod:`core.cnn.zfnet`).
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import torch
import torch.nn as nn

from .registry import register

PAPER = "https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html"


@dataclass(frozen=True)
class ConvSpec:
    """One row of the paper's layer table: a convolution, its ReLU, optional LRN and max-pooling.

    ``split`` marks the layers whose inputs the paper took from one GPU only (grouped convolution
    when the network is built with ``groups=2``).
    """
    name: str
    out_channels: int
    kernel: int
    stride: int = 1
    padding: int = 0
    split: bool = False
    lrn: bool = False
    pool: str | None = None      # name of the 3×3 stride-2 ("overlapping") max-pooling that follows
    pool_padding: int = 0


# The paper's Section 3.5 / Figure 2, as data.
ALEXNET_CONVS: tuple[ConvSpec, ...] = (
    ConvSpec("conv1", 96, kernel=11, stride=4, lrn=True, pool="pool1"),
    ConvSpec("conv2", 256, kernel=5, padding=2, split=True, lrn=True, pool="pool2"),
    ConvSpec("conv3", 384, kernel=3, padding=1),
    ConvSpec("conv4", 384, kernel=3, padding=1, split=True),
    ConvSpec("conv5", 256, kernel=3, padding=1, split=True, pool="pool5"),
)
ALEXNET_HIDDEN = (4096, 4096)   # fc6, fc7

# Paper: b = a / (k + α Σ a²)^β over n = 5 neighbouring maps, k = 2, α = 1e-4, β = 0.75.
# torch.nn.LocalResponseNorm divides α by n, so α is passed as n·α to reproduce the paper.
LRN_SIZE, LRN_ALPHA, LRN_BETA, LRN_K = 5, 1e-4, 0.75, 2.0


class AlexNet(nn.Module):
    """An AlexNet-style network: ``convs`` (feature extractor) → adaptive 6×6 average pool → FCs.

    Args:
        convs: the layer table (``ALEXNET_CONVS``; ZFNet passes its own).
        num_classes: size of the last FC layer.
        groups: 1 (the lecture: every convolution sees all input maps) or 2 (the paper's two-GPU
            split, applied to the layers marked ``split``).
        hidden: widths of the hidden FC layers.
        pooled: spatial size the feature map is average-pooled to before flattening.
        dropout: dropout probability after each hidden FC layer.
        in_channels: input channels.

    Input (N, in_channels, H, W) → logits (N, num_classes).
    """

    def __init__(self, convs: Sequence[ConvSpec] = ALEXNET_CONVS, num_classes: int = 1000, groups: int = 1,
                 hidden: Sequence[int] = ALEXNET_HIDDEN, pooled: int = 6, dropout: float = 0.5,
                 in_channels: int = 3) -> None:
        super().__init__()
        if groups not in (1, 2):
            raise ValueError(f"groups must be 1 (ungrouped, the lecture) or 2 (the paper's two GPUs), got {groups}")
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        features: OrderedDict[str, nn.Module] = OrderedDict()
        cin = in_channels
        for spec in convs:
            features[spec.name] = nn.Conv2d(cin, spec.out_channels, spec.kernel, stride=spec.stride,
                                            padding=spec.padding, groups=groups if spec.split else 1)
            features[f"{spec.name}_relu"] = nn.ReLU()
            if spec.lrn:
                features[f"{spec.name}_lrn"] = nn.LocalResponseNorm(LRN_SIZE, alpha=LRN_SIZE * LRN_ALPHA,
                                                                    beta=LRN_BETA, k=LRN_K)
            if spec.pool is not None:
                features[spec.pool] = nn.MaxPool2d(kernel_size=3, stride=2, padding=spec.pool_padding)
            cin = spec.out_channels
        self.features = nn.Sequential(features)
        # Identity at the paper's input size (pool5 is already 6×6); lets smaller inputs through, as
        # torchvision does. Not in the paper.
        self.avgpool = nn.AdaptiveAvgPool2d(pooled)
        classifier: OrderedDict[str, nn.Module] = OrderedDict(flatten=nn.Flatten())  # (N, C·6·6)
        width = cin * pooled * pooled
        for i, h in enumerate(hidden, start=len(convs) + 1):
            classifier[f"fc{i}"] = nn.Linear(width, h)
            classifier[f"fc{i}_relu"] = nn.ReLU()
            classifier[f"fc{i}_dropout"] = nn.Dropout(dropout)
            width = h
        classifier[f"fc{len(convs) + len(hidden) + 1}"] = nn.Linear(width, num_classes)
        self.classifier = nn.Sequential(classifier)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.avgpool(self.features(x)))


@register("alexnet", family="AlexNet", year=2012, paper=PAPER, input_shape=(3, 227, 227),
          test_input_shape=(3, 67, 67), num_classes=1000, tags=("ReLU", "LRN", "overlapping pooling", "dropout"))
def alexnet(num_classes: int = 1000, groups: int = 1, dropout: float = 0.5) -> AlexNet:
    """AlexNet as the lecture counts it. Paper (NeurIPS 2012, "ImageNet Classification with Deep
    Convolutional Neural Networks"):
    https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html

    Departures from the paper:

    - Input 227×227 (the lecture's and the arithmetic's size; the paper writes 224).
    - Convolutions ungrouped by default (62,378,344 parameters, the lecture's count); ``groups=2``
      gives the paper's two-GPU split of conv2, conv4 and conv5 (60,965,224).
    - An adaptive 6×6 average pool before fc6 (identity at 227×227) so smaller inputs work.
    - PyTorch's default initialisation instead of N(0, 0.01) weights and biases of 1.
    - Dropout after fc6 and fc7, as in the paper; no PCA colour augmentation (a data matter).
    """
    return AlexNet(ALEXNET_CONVS, num_classes=num_classes, groups=groups, dropout=dropout)
