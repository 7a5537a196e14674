"""ZFNet (Zeiler & Fergus, 2013), the lecture's "유명한 CNN: ZFNet" section.

AlexNet re-tuned after visualising its filters: conv1 becomes 7×7 stride 2 (AlexNet: 11×11 stride 4),
conv2 stride 2, and the two GPUs' halves are merged. 224×224×3 → conv1 110×110×96 → pool1 55×55×96
→ conv2 26×26×256 → pool2 13×13×256 → conv3 13×13×384 → conv4 13×13×384 → conv5 13×13×256
→ pool5 6×6×256 → fc6 4096 → fc7 4096 → fc8 1000.
"""
from __future__ import annotations

from .alexnet import AlexNet, ConvSpec
from .registry import register

PAPER = "https://arxiv.org/abs/1311.2901"

# The paper's Figure 3, as data. Pool1/pool2 pad by one so that 110 → 55 and 26 → 13, as the figure shows.
ZFNET_CONVS: tuple[ConvSpec, ...] = (
    ConvSpec("conv1", 96, kernel=7, stride=2, padding=1, lrn=True, pool="pool1", pool_padding=1),
    ConvSpec("conv2", 256, kernel=5, stride=2, lrn=True, pool="pool2", pool_padding=1),
    ConvSpec("conv3", 384, kernel=3, padding=1),
    ConvSpec("conv4", 384, kernel=3, padding=1),
    ConvSpec("conv5", 256, kernel=3, padding=1, pool="pool5"),
)

# The lecture's table (표 8.1) has 512/1024/512 maps in layers 3-5: the paper's own enlarged variant
# ("adjust layers 3, 4, 5: 512, 1024, 512 maps", Table 2 of Zeiler & Fergus), which widely used course
# notes (CS231n) give as "ZFNet". Everything else is Fig. 3.
ZFNET_LECTURE_CONVS: tuple[ConvSpec, ...] = ZFNET_CONVS[:2] + (
    ConvSpec("conv3", 512, kernel=3, padding=1),
    ConvSpec("conv4", 1024, kernel=3, padding=1),
    ConvSpec("conv5", 512, kernel=3, padding=1, pool="pool5"),
)
VARIANTS = {"paper": ZFNET_CONVS, "lecture": ZFNET_LECTURE_CONVS}


@register("zfnet", family="ZFNet", year=2013, paper=PAPER, input_shape=(3, 224, 224),
          test_input_shape=(3, 64, 64), num_classes=1000, tags=("7×7 stride-2 conv1", "visualisation"))
def zfnet(num_classes: int = 1000, dropout: float = 0.5, variant: str = "paper") -> AlexNet:
    """ZFNet. Paper ("Visualizing and Understanding Convolutional Networks"):
    https://arxiv.org/abs/1311.2901

    Departures from the paper:

    - "Contrast normalisation across feature maps" after conv1 and conv2 is AlexNet's local response
      normalisation with AlexNet's constants (the paper gives none).
    - Pooling padding is chosen to reproduce the paper's map sizes (the paper does not state it).
    - An adaptive 6×6 average pool before fc6 (identity at 224×224) so smaller inputs work.
    - No renormalisation of conv filters whose RMS exceeds 0.1 (a training-time rule).

    ``variant="lecture"`` widens conv3-conv5 to 512/1024/512 (the lecture's table; the paper's Table 2
    variant); ``"paper"`` (default) is Fig. 3's 384/384/256.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown ZFNet variant {variant!r}; expected one of {sorted(VARIANTS)}")
    return AlexNet(VARIANTS[variant], num_classes=num_classes, groups=1, dropout=dropout)
