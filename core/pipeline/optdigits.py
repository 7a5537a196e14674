"""Real handwriting that is not MNIST: the UCI "optdigits" test set that ships with scikit-learn.

The drawn-digit sets (:mod:`core.pipeline.drawn_digits`) are generated: they test the recipe on the
ways a digit reaches the demo, but their shapes come from our own stroke templates. This set is
people's handwriting from another source: 1,797 digits written on NIST forms by 13 writers (none of
them MNIST's), as ``sklearn.datasets.load_digits`` ships them — no download. Each is an 8 × 8 image
of ink counts 0–16 (4 × 4 blocks of a 32 × 32 bitmap), so it is also the blurriest, lowest-
resolution input the demo is likely to see. Two views, each sent through the card's preprocessing
exactly as an uploaded file would be:

- ``optdigits_8px``: the 8 × 8 image itself, dark ink on white paper;
- ``optdigits_upscaled``: the same, upscaled bicubically to 224 × 224 (a blurry photo of a note).

For the card's ``metrics.extra`` and for choosing a training recipe; never trained on.
Needs scikit-learn (``requirements-dev.txt``).
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

VIEWS = ("optdigits_8px", "optdigits_upscaled")
SOURCE = ("UCI optdigits test set (sklearn.datasets.load_digits: 1,797 digits by 13 writers, 8x8, ink 0-16; "
          "https://archive.ics.uci.edu/dataset/80)")


def arrays() -> tuple[np.ndarray, np.ndarray]:
    """``(images, labels)``: uint8 ``(1797, 8, 8)`` ink bright on 0 (0–16 scaled to 0–255), int ``(1797,)``."""
    try:
        from sklearn.datasets import load_digits
    except ImportError as e:  # the serving requirements do not include scikit-learn
        raise ImportError("the optdigits set needs scikit-learn: pip install -r requirements-dev.txt") from e
    d = load_digits()
    return np.round(d.images * (255 / 16)).astype(np.uint8), d.target.astype(np.int64)


def generate(view: str) -> Iterator[tuple[Image.Image, int]]:
    """Yield ``(image, label)`` for one view: greyscale PIL images, dark ink on white, as a file decodes."""
    if view not in VIEWS:
        raise ValueError(f"unknown optdigits view {view!r}; expected one of {VIEWS}")
    images, labels = arrays()
    for ink, label in zip(images, labels.tolist(), strict=True):
        img = Image.fromarray(255 - ink, mode="L")                       # (8, 8) paper white, ink dark
        if view == "optdigits_upscaled":
            img = img.resize((224, 224), Image.BICUBIC)
        yield img, label
