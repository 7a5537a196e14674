"""core.pipeline.digit_styles: flagged 1s added to the mnist model's training set (issue 16)."""
from __future__ import annotations

import numpy as np
import pytest

from core.pipeline import digit_styles as ds
from core.pipeline import tasks as T
from core.serve.preprocess import mass_centre

from .conftest import write_idx_mnist


def _stick(col: int = 13, top: int = 4, bottom: int = 24, width: int = 3, value: int = 255) -> np.ndarray:
    """A 1 as MNIST writes it: a vertical stick, uint8 (28, 28), ink bright on 0."""
    img = np.zeros((28, 28), np.uint8)
    img[top:bottom, col:col + width] = value
    return img


def test_a_flag_grows_down_and_left_from_the_top_of_the_stroke():
    stick = _stick()
    out = ds.add_flag(stick, np.random.default_rng(0), foot_p=0.0)
    assert out.shape == (28, 28) and out.dtype == np.uint8
    assert (out > 100).sum() > (stick > 100).sum()                   # ink was added
    rows, cols = np.nonzero(out > 100)
    top = rows.min()
    stick_left = cols[rows > top + 12].min()                          # the stick, well below the flag
    upper = cols[rows <= top + 8]                                     # the flag lies in the upper part...
    assert upper.min() < stick_left - 2                               # ...to the left of the stick
    assert cols[rows > top + 12].max() - stick_left <= 3              # and nothing at the stick's foot
    cy, cx = mass_centre(out.astype(np.float64))
    assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5                # framed like MNIST: mass centred
    assert out.max() == 255 and rows.max() - rows.min() in (19, 20)   # same brightness and height (± a round pen end)


def test_a_foot_spreads_across_the_base_and_a_faint_stroke_gets_a_faint_flag():
    out = ds.add_flag(_stick(), np.random.default_rng(0), foot_p=1.0)
    rows, cols = np.nonzero(out > 100)
    base = cols[rows >= rows.max() - 1]
    assert base.max() - base.min() >= 6                               # wider than the 3-px stick
    faint = ds.add_flag(_stick(value=120), np.random.default_rng(0), foot_p=0.0)
    assert faint.max() <= 120


def test_flagged_ones_only_uses_ones_and_is_reproducible():
    images = np.stack([_stick(col=c) for c in range(8, 18)])           # (10, 28, 28)
    labels = np.array([1, 7, 1, 7, 1, 7, 1, 7, 1, 7])
    a = ds.flagged_ones(images, labels, 3, seed=5)
    b = ds.flagged_ones(images, labels, 3, seed=5)
    assert a.shape == (3, 28, 28) and a.dtype == np.uint8 and np.array_equal(a, b)
    assert not np.array_equal(a, ds.flagged_ones(images, labels, 3, seed=6))
    images[labels == 1] = 0                                            # the 1s have no ink now:
    with pytest.raises(ValueError, match="no ink"):                    # only they were drawn on
        ds.flagged_ones(images, labels, 1)
    assert ds.flagged_ones(images, labels, 0).shape == (0, 28, 28)


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="uint8"):
        ds.add_flag(np.zeros((28, 28), np.float32), np.random.default_rng(0))
    with pytest.raises(ValueError, match="no ink"):
        ds.add_flag(np.zeros((28, 28), np.uint8), np.random.default_rng(0))
    with pytest.raises(ValueError, match="number of 1s"):
        ds.flagged_ones(np.zeros((2, 28, 28), np.uint8), np.array([1, 2]), 2)
    with pytest.raises(ValueError, match="expected images"):
        ds.flagged_ones(np.zeros((2, 8, 8), np.uint8), np.array([1, 1]), 1)


def test_the_mnist_task_adds_flagged_ones_to_training_only_and_lenet5_none(tmp_path):
    root = write_idx_mnist(tmp_path, n_train=96, n_test=32)
    plain = T.load_mnist_task(root)
    ones = int((plain.train_y == 1).sum())
    mnist = T.TASKS["mnist"].load(root, tmp_path)                      # asks for more 1s than there are
    assert len(mnist.train_x) == len(plain.train_x) + ones
    assert (mnist.train_y[len(plain.train_x):] == 1).all()
    assert np.array_equal(mnist.test_x.numpy(), plain.test_x.numpy())  # the test set is untouched
    assert np.array_equal(mnist.train_x[:len(plain.train_x)].numpy(), plain.train_x.numpy())
    lenet = T.TASKS["lenet5"].load(root, tmp_path)
    assert len(lenet.train_x) == len(plain.train_x)
