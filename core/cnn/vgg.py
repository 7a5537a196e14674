"""VGG-16 (Simonyan & Zisserman, 2014), the lecture's "유명한 CNN: VGGNet" section.

Only 3×3 convolutions (stride 1, padding 1) and 2×2 max-pooling: 224×224×3 → 224×224×64 → …
→ 7×7×512 → fc 4096 → fc 4096 → fc 1000, 138,357,544 parameters. The lecture's table of
per-layer activations and weights is reproduced in :mod:`core.cnn.lecture_tables`.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import torch
import torch.nn as nn

from .registry import register

PAPER = "https://arxiv.org/abs/1409.1556"

# The paper's Table 1, as data: an int is a 3×3 convolution with that many output maps (+ ReLU),
# "M" a 2×2 stride-2 max-pooling.
VGG_CFGS: dict[str, tuple[int | str, ...]] = {
    "A": (64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"),                      # VGG-11
    "B": (64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"),             # VGG-13
    "D": (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"),  # VGG-16
    "E": (64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M",
          512, 512, 512, 512, "M"),                                                           # VGG-19
}
VGG_HIDDEN = (4096, 4096)


def make_features(cfg: Sequence[int | str], in_channels: int = 3, batch_norm: bool = False) -> nn.Sequential:
    """The convolutional part from a Table-1 column; layers named like the paper (conv1_1, pool1, …)."""
    layers: OrderedDict[str, nn.Module] = OrderedDict()
    block, index, cin = 1, 1, in_channels
    for v in cfg:
        if v == "M":
            layers[f"pool{block}"] = nn.MaxPool2d(kernel_size=2, stride=2)
            block, index = block + 1, 1
            continue
        if not isinstance(v, int) or v < 1:
            raise ValueError(f"cfg entries must be positive ints or 'M', got {v!r}")
        name = f"conv{block}_{index}"
        layers[name] = nn.Conv2d(cin, v, kernel_size=3, padding=1)
        if batch_norm:
            layers[f"{name}_bn"] = nn.BatchNorm2d(v)
        layers[f"{name}_relu"] = nn.ReLU()
        cin, index = v, index + 1
    return nn.Sequential(layers)


class VGG(nn.Module):
    """Features from a Table-1 column → adaptive 7×7 average pool → fc 4096 → fc 4096 → fc classes.

    Input (N, 3, H, W) with H, W ≥ 32 → logits (N, num_classes).
    """

    def __init__(self, cfg: Sequence[int | str] = VGG_CFGS["D"], num_classes: int = 1000,
                 batch_norm: bool = False, dropout: float = 0.5, in_channels: int = 3) -> None:
        super().__init__()
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        self.features = make_features(cfg, in_channels, batch_norm)
        # Identity at 224×224 (pool5 is already 7×7); lets smaller inputs through, as torchvision does.
        self.avgpool = nn.AdaptiveAvgPool2d(7)
        width = [v for v in cfg if v != "M"][-1] * 7 * 7
        classifier: OrderedDict[str, nn.Module] = OrderedDict(flatten=nn.Flatten())  # (N, 512·7·7)
        for i, h in enumerate(VGG_HIDDEN, start=6):
            classifier[f"fc{i}"] = nn.Linear(width, h)
            classifier[f"fc{i}_relu"] = nn.ReLU()
            classifier[f"fc{i}_dropout"] = nn.Dropout(dropout)
            width = h
        classifier["fc8"] = nn.Linear(width, num_classes)
        self.classifier = nn.Sequential(classifier)
        for m in self.modules():
            # The paper initialised deep nets from shallower trained ones; He init (as torchvision) avoids that.
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0.0, 0.01)
                nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.avgpool(self.features(x)))


@register("vgg16", family="VGG", year=2014, paper=PAPER, input_shape=(3, 224, 224),
          test_input_shape=(3, 32, 32), num_classes=1000, tags=("3×3 convolutions", "deep and plain"))
def vgg16(num_classes: int = 1000, batch_norm: bool = False, dropout: float = 0.5) -> VGG:
    """VGG-16 (configuration D). Paper ("Very Deep Convolutional Networks for Large-Scale Image
    Recognition"): https://arxiv.org/abs/1409.1556

    Departures from the paper:

    - An adaptive 7×7 average pool before fc6 (identity at 224×224) so smaller inputs work.
    - He initialisation instead of initialising from a trained shallower network (configuration A).
    - ``batch_norm=True`` adds BatchNorm after every convolution (not in the paper; torchvision's vgg16_bn).
    - The fully-connected layers stay FC; the paper converts them to convolutions at test time.
    """
    return VGG(VGG_CFGS["D"], num_classes=num_classes, batch_norm=batch_norm, dropout=dropout)
