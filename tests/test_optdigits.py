"""core.pipeline.optdigits: real non-MNIST handwriting as a held-out set (issue 16)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.pipeline import drawn_digits as dd
from core.pipeline import optdigits as od

ROOT = Path(__file__).resolve().parent.parent


def test_arrays_are_scikit_learns_digits_scaled_to_bytes():
    from sklearn.datasets import load_digits

    images, labels = od.arrays()
    d = load_digits()
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8 and images.max() == 255
    np.testing.assert_allclose(images / 255 * 16, d.images, rtol=0, atol=16 / 255 / 2 + 1e-12)
    assert np.array_equal(labels, d.target) and np.bincount(labels).min() >= 170


@pytest.mark.parametrize("view,size", [("optdigits_8px", 8), ("optdigits_upscaled", 224)])
def test_views_are_greyscale_files_with_dark_ink_on_white(view, size):
    img, label = next(od.generate(view))
    images, labels = od.arrays()
    a = np.asarray(img)
    assert img.mode == "L" and img.size == (size, size) and label == labels[0]
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    assert np.median(border) > 200 and a.min() < 60                   # white paper, dark ink
    if view == "optdigits_8px":
        assert np.array_equal(a, 255 - images[0])


def test_unknown_view_is_named():
    with pytest.raises(ValueError, match="unknown optdigits view"):
        next(od.generate("optdigits_32px"))


def test_the_served_digit_model_reads_real_non_mnist_handwriting():
    """The committed model through the serving path on the first 200 upscaled digits (a check of the
    model, not a fixed number: the card records the full figures)."""
    from core.serve.infer import load_model

    model = load_model(ROOT / "models" / "mnist.json", ["CPUExecutionProvider"])
    samples = [s for _, s in zip(range(200), od.generate("optdigits_upscaled"), strict=False)]
    r = dd.score(model, samples)
    assert r["n"] == 200 and r["correct"] == 200 - sum(r["confusions"].values())
    assert r["accuracy"] >= 0.9, r
