"""Images that are neither a digit nor a dog or a cat: the sets the "I don't know" answers are chosen on.

A classifier only knows its classes; to teach the demo to say "unknown" we need examples of what it
must refuse, built from what is on hand (no download):

- :func:`textures` — seeded synthetic images: uniform and coloured noise, blurred noise ("clouds"),
  flat colours, linear gradients, sinusoidal stripes, checkerboards, random coloured shapes;
- :func:`package_photos` — the few real photos that ship inside installed PyPI packages
  (Gradio's and scikit-learn's sample images: a cheetah, a tower, a palace, a flower, ...);
- the *other* task's images: pet photos for the digit endpoint, digits for the pet endpoint
  (``core.pipeline.data`` / ``core.pipeline.drawn_digits``).

``split`` keeps the sets honest: ``"val"`` images choose thresholds, ``"test"`` images (other seeds,
other package photos) only report rates.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

KINDS = ("noise", "colour_noise", "clouds", "flat", "gradient", "stripes", "checkerboard", "shapes")
# (package, path inside it): real photos shipped with packages in requirements(-dev).txt
PACKAGE_PHOTOS = (
    ("gradio", "media_assets/images/cheetah1.jpg"), ("gradio", "media_assets/images/tower.jpg"),
    ("sklearn", "datasets/images/china.jpg"), ("gradio", "media_assets/images/groot.jpeg"),
    ("sklearn", "datasets/images/flower.jpg"), ("gradio", "test_data/cheetah2.jpg"),
)
SPLIT_SEEDS = {"val": 100, "test": 200}


def _texture(kind: str, rng: np.random.Generator, size: int) -> Image.Image:
    if kind == "noise":
        return Image.fromarray(rng.integers(0, 256, (size, size), dtype=np.uint8), "L")
    if kind == "colour_noise":
        return Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8), "RGB")
    if kind == "clouds":
        small = rng.integers(0, 256, (8, 8, 3), dtype=np.uint8)
        img = Image.fromarray(small, "RGB").resize((size, size), Image.BICUBIC)
        return img.filter(ImageFilter.GaussianBlur(size / 40))
    if kind == "flat":
        return Image.new("RGB", (size, size), tuple(int(v) for v in rng.integers(0, 256, 3)))
    yy, xx = np.mgrid[0:size, 0:size] / size                                  # (size, size) each
    angle = rng.uniform(0, np.pi)
    u = np.cos(angle) * xx + np.sin(angle) * yy
    c0, c1 = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    if kind == "gradient":
        t = (u - u.min()) / (np.ptp(u) + 1e-9)
    elif kind == "stripes":
        t = 0.5 + 0.5 * np.sin(2 * np.pi * rng.uniform(3, 20) * u)
    elif kind == "checkerboard":
        n = int(rng.integers(3, 12))
        t = ((np.floor(xx * n) + np.floor(yy * n)) % 2).astype(float)
    elif kind == "shapes":
        img = Image.new("RGB", (size, size), tuple(int(v) for v in rng.integers(0, 256, 3)))
        draw = ImageDraw.Draw(img)
        for _ in range(int(rng.integers(3, 9))):
            x0, y0 = rng.integers(0, size, 2)
            w, h = rng.integers(size // 10, size // 2, 2)
            box = (int(x0), int(y0), int(x0 + w), int(y0 + h))
            fill = tuple(int(v) for v in rng.integers(0, 256, 3))
            (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=fill)
        return img
    else:
        raise ValueError(f"unknown texture kind {kind!r}; expected one of {KINDS}")
    rgb = c0 + (c1 - c0) * t[..., None]                                      # (size, size, 3)
    return Image.fromarray(rgb.clip(0, 255).astype(np.uint8), "RGB")


def textures(per_kind: int = 10, split: str = "val", size: int = 224) -> Iterator[tuple[Image.Image, str]]:
    """``(image, kind)`` for ``per_kind`` images of every kind in :data:`KINDS`, seeded by ``split``."""
    if split not in SPLIT_SEEDS:
        raise ValueError(f"split must be one of {tuple(SPLIT_SEEDS)}, got {split!r}")
    rng = np.random.default_rng(SPLIT_SEEDS[split])
    for _ in range(per_kind):
        for kind in KINDS:
            yield _texture(kind, rng, size), kind


def package_photos(split: str = "val") -> list[Path]:
    """The package photos that exist in this environment: the first half for ``"val"``, the rest for
    ``"test"`` (missing packages or files are skipped, never faked)."""
    if split not in SPLIT_SEEDS:
        raise ValueError(f"split must be one of {tuple(SPLIT_SEEDS)}, got {split!r}")
    found = []
    for i, (pkg, rel) in enumerate(PACKAGE_PHOTOS):
        if (i % 2 == 0) != (split == "val"):
            continue
        spec = importlib.util.find_spec(pkg)
        if spec and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations))) / rel
            if path.is_file():
                found.append(path)
    return found
