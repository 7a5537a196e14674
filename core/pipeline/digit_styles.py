"""Writing styles MNIST hardly has, added to the ``mnist`` model's training set from MNIST's own digits.

Lecture section: "CNN 실습" — a CNN only reads what its training data showed it. MNIST's 1s are
almost all single sticks (American Census staff and students wrote them), while much of the world
writes a 1 with a flag at the top (often with a foot): such a 1 was the served model's commonest
error on every non-MNIST digit set we have, read as a 7 (see the ``mnist`` card's ``metrics.extra``).
No augmentation of a stick can grow a flag, so :func:`flagged_ones` writes one onto real MNIST 1s:
the handwriting stays a person's, only the flag (and sometimes a foot) is drawn, with the stroke's
own width and brightness, and the result is framed like MNIST (centre of mass at the centre).

Only MNIST *training* digits are used; MNIST's test set and the held-out drawn-digit sets
(:mod:`core.pipeline.drawn_digits`) are untouched.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from core.serve.preprocess import mass_centre

SIZE = 28            # MNIST canvas
_UP = 4              # draw at 4× and area-downsample: an anti-aliased stroke like MNIST's


def _recentre(img: np.ndarray) -> np.ndarray:
    """Shift a (28, 28) float image by whole pixels so its centre of mass is at the centre, as MNIST
    was framed; the shift is clipped so that no ink leaves the canvas."""
    rows, cols = np.nonzero(img > 0)
    cy, cx = mass_centre(img)
    dy = int(np.clip(round(SIZE / 2 - cy), -rows.min(), SIZE - 1 - rows.max()))
    dx = int(np.clip(round(SIZE / 2 - cx), -cols.min(), SIZE - 1 - cols.max()))
    out = np.zeros_like(img)
    out[rows + dy, cols + dx] = img[rows, cols]
    return out


def add_flag(img: np.ndarray, rng: np.random.Generator, foot_p: float = 0.3) -> np.ndarray:
    """One MNIST 1 (uint8 (28, 28), ink bright on 0) → the same 1 with a flag drawn from the top of
    its stroke down to the left (20–55° below horizontal, 25–45 % of the digit's height long) and,
    with probability ``foot_p``, a foot across its base. Returns uint8 (28, 28)."""
    if img.shape != (SIZE, SIZE) or img.dtype != np.uint8:
        raise ValueError(f"expected a uint8 ({SIZE}, {SIZE}) MNIST digit, got {img.dtype} {img.shape}")
    ink = img > 100
    if not ink.any():
        raise ValueError("the digit has no ink (no pixel above 100)")
    rows = np.flatnonzero(ink.any(axis=1))
    top, bottom = rows[0], rows[-1]
    height = bottom - top + 1
    width = float(np.clip(ink.sum() / height, 1.5, 5.0))           # mean stroke width in px
    tx, ty = np.flatnonzero(ink[top:top + 2].any(axis=0)).mean() + 0.5, top + 0.5
    bx, by = np.flatnonzero(ink[bottom - 1:bottom + 1].any(axis=0)).mean() + 0.5, bottom + 0.5

    angle = np.radians(rng.uniform(20, 55))
    length = rng.uniform(0.25, 0.45) * height
    strokes = [((tx, ty), (tx - length * np.cos(angle), ty + length * np.sin(angle)))]
    if rng.random() < foot_p:
        half = rng.uniform(0.15, 0.25) * height
        strokes.append(((bx - half, by), (bx + half, by)))

    canvas = Image.new("L", (SIZE * _UP, SIZE * _UP), 0)
    draw = ImageDraw.Draw(canvas)
    w, r = max(1, round(width * _UP)), width * _UP / 2
    for (x0, y0), (x1, y1) in strokes:
        draw.line([(x0 * _UP, y0 * _UP), (x1 * _UP, y1 * _UP)], fill=255, width=w)
        for x, y in ((x0, y0), (x1, y1)):                            # round pen ends
            draw.ellipse((x * _UP - r, y * _UP - r, x * _UP + r, y * _UP + r), fill=255)
    added = np.asarray(canvas.resize((SIZE, SIZE), Image.BOX), dtype=np.float64)  # (28, 28)
    added *= img.max() / 255.0                                       # the stroke's own brightness
    return np.round(_recentre(np.maximum(img.astype(np.float64), added))).astype(np.uint8)


def flagged_ones(images: np.ndarray, labels: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """``n`` flagged 1s (uint8 ``(n, 28, 28)``) from ``n`` different 1s of ``images`` ``(N, 28, 28)``
    (training digits only), chosen and drawn reproducibly from ``seed``."""
    images, labels = np.asarray(images), np.asarray(labels)
    if images.ndim != 3 or images.shape[1:] != (SIZE, SIZE) or len(images) != len(labels):
        raise ValueError(f"expected images (N, {SIZE}, {SIZE}) with N labels, got {images.shape} and {labels.shape}")
    ones = np.flatnonzero(labels == 1)
    if not 0 <= n <= len(ones):
        raise ValueError(f"n must be between 0 and the number of 1s ({len(ones)}), got {n}")
    rng = np.random.default_rng(seed)
    pick = rng.choice(ones, size=n, replace=False)
    return np.stack([add_flag(images[i], rng) for i in pick]) if n else np.zeros((0, SIZE, SIZE), np.uint8)
