"""core.nn.conv against torch.nn.functional in float64, plus the lecture's numbers."""
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from core.nn.conv import (
    KERNELS,
    avg_pool2d,
    conv2d,
    conv2d_backward,
    conv2d_forward,
    conv2d_steps,
    conv_output_size,
    conv_params,
    global_avg_pool,
    max_pool2d,
)

TOL = dict(rtol=1e-10, atol=1e-10)

CONV_CASES = [  # x shape, w shape, stride, padding, bias
    ((2, 3, 8, 8), (4, 3, 3, 3), 1, 0, True),
    ((2, 3, 8, 8), (4, 3, 3, 3), 1, 1, False),
    ((1, 2, 11, 9), (3, 2, 3, 2), 2, 1, True),  # non-square kernel, stride leaves a remainder
    ((3, 1, 12, 12), (6, 1, 5, 5), (2, 3), (2, 1), True),
    ((1, 3, 27, 27), (2, 3, 11, 11), 4, 0, True),  # AlexNet-like geometry
]


@pytest.mark.parametrize("xs,ws,stride,padding,bias", CONV_CASES)
def test_conv2d_forward_and_backward_equal_torch(xs, ws, stride, padding, bias):
    rng = np.random.default_rng(sum(xs))
    x, w = rng.normal(size=xs), rng.normal(size=ws)
    b = rng.normal(size=ws[0]) if bias else None
    tx, tw = torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True)
    tb = torch.tensor(b, requires_grad=True) if bias else None
    ref = F.conv2d(tx, tw, tb, stride=stride, padding=padding)
    out, cache = conv2d_forward(x, w, b, stride=stride, padding=padding)
    assert out.shape == tuple(ref.shape)
    np.testing.assert_allclose(out, ref.detach().numpy(), **TOL)
    np.testing.assert_allclose(conv2d(x, w, b, stride, padding), out, rtol=0, atol=0)

    dout = rng.normal(size=out.shape)
    ref.backward(torch.tensor(dout))
    dx, dw, db = conv2d_backward(dout, cache)
    np.testing.assert_allclose(dx, tx.grad.numpy(), **TOL)
    np.testing.assert_allclose(dw, tw.grad.numpy(), **TOL)
    if bias:
        np.testing.assert_allclose(db, tb.grad.numpy(), **TOL)
    else:
        assert db is None


def test_conv2d_float32_keeps_dtype():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(2, 4, 10, 10)).astype(np.float32), rng.normal(size=(5, 4, 3, 3)).astype(np.float32)
    out = conv2d(x, w, padding=1)
    assert out.dtype == np.float32 and out.flags.c_contiguous
    np.testing.assert_allclose(out, F.conv2d(torch.tensor(x), torch.tensor(w), padding=1).numpy(),
                               rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("kernel,stride,padding", [(2, None, 0), (3, 2, 1), ((3, 2), (1, 2), (1, 0)), (3, 1, 0)])
def test_pooling_equals_torch(kernel, stride, padding):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 3, 9, 8))
    tx = torch.tensor(x)
    tstride = stride if stride is not None else kernel
    np.testing.assert_allclose(max_pool2d(x, kernel, stride, padding),
                               F.max_pool2d(tx, kernel, tstride, padding).numpy(), **TOL)
    np.testing.assert_allclose(avg_pool2d(x, kernel, stride, padding),
                               F.avg_pool2d(tx, kernel, tstride, padding).numpy(), **TOL)
    np.testing.assert_allclose(global_avg_pool(x), F.adaptive_avg_pool2d(tx, 1).flatten(1).numpy(), **TOL)


def test_lecture_max_pooling_example():
    x = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])
    np.testing.assert_array_equal(max_pool2d(x, 2, 2), [[6, 8], [3, 4]])
    np.testing.assert_array_equal(max_pool2d(x[None, None], 2), [[[[6, 8], [3, 4]]]])
    np.testing.assert_allclose(avg_pool2d(x, 2), [[3.25, 5.25], [2.0, 2.0]])


def test_lecture_output_sizes_and_parameter_counts():
    assert conv_output_size(32, 5) == 28  # LeNet-5 C1
    assert conv_output_size(227, 11, stride=4) == 55  # AlexNet conv1
    assert conv_output_size(224, 3, 1, 1) == 224  # VGG "same" conv
    assert conv_output_size(224, 11, 4, 2) == 55  # torchvision's AlexNet: floor(217 / 4) + 1
    assert conv_params(1, 5, 6) == 156
    assert conv_params(6, 5, 16) == 2416
    assert conv_params(3, 11, 96) == 34944
    assert conv_params(3, (3, 3), 64, bias=False) == 1728
    # the counts agree with torch's Conv2d
    assert conv_params(6, 5, 16) == sum(p.numel() for p in torch.nn.Conv2d(6, 16, 5).parameters())
    with pytest.raises(ValueError):
        conv_output_size(0, 3)
    with pytest.raises(ValueError, match="larger than"):
        conv_output_size(4, 7, padding=1)


def test_output_size_matches_torch_floor():
    for n, k, s, p in [(10, 3, 2, 0), (11, 4, 3, 1), (7, 7, 5, 3)]:
        x = torch.zeros(1, 1, n, n)
        assert conv_output_size(n, k, s, p) == F.conv2d(x, torch.zeros(1, 1, k, k), stride=s, padding=p).shape[-1]


def test_conv2d_steps_walk_the_same_convolution():
    rng = np.random.default_rng(1)
    x, k = rng.normal(size=(6, 7)), KERNELS["sobel_x"]
    steps = list(conv2d_steps(x, k, stride=2, padding=1))
    full = conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
    assert len(steps) == full.size
    assert [(s["row"], s["col"]) for s in steps[:3]] == [(0, 0), (0, 1), (0, 2)]
    xp = np.pad(x, 1)
    for s in steps:
        np.testing.assert_array_equal(s["window"], xp[s["top"]:s["top"] + 3, s["left"]:s["left"] + 3])
        np.testing.assert_allclose(s["product"], s["window"] * k, rtol=1e-15)
        assert s["value"] == pytest.approx(full[s["row"], s["col"]], rel=1e-12, abs=1e-12)


def test_kernel_presets():
    assert {"identity", "edge", "sobel_x", "sobel_y", "blur", "sharpen"} <= set(KERNELS)
    img = np.zeros((1, 1, 8, 8))
    img[..., 4:] = 1.0  # a vertical edge between columns 3 and 4
    np.testing.assert_array_equal(conv2d(img, KERNELS["identity"][None, None], padding=1), img)
    gx = conv2d(img, KERNELS["sobel_x"][None, None])[0, 0]
    assert np.all(gx[:, 2:4] == 4) and np.all(gx[:, [0, 1, 4, 5]] == 0)
    assert np.all(conv2d(img, KERNELS["sobel_y"][None, None]) == 0)
    for name, k in KERNELS.items():
        assert k.shape == (3, 3), name
    assert KERNELS["blur"].sum() == pytest.approx(1) and KERNELS["sharpen"].sum() == 1
    with pytest.raises(ValueError):
        KERNELS["blur"][0, 0] = 5  # read-only presets


def test_shape_errors_name_the_expected_shape():
    x = np.zeros((1, 3, 8, 8))
    with pytest.raises(ValueError, match=r"x of shape \(N, C, H, W\)"):
        conv2d(np.zeros((3, 8, 8)), np.zeros((2, 3, 3, 3)))
    with pytest.raises(ValueError, match=r"w of shape \(F, 3, kh, kw\)"):
        conv2d(x, np.zeros((2, 4, 3, 3)))
    with pytest.raises(ValueError, match=r"b of shape \(2,\)"):
        conv2d(x, np.zeros((2, 3, 3, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="kernel"):
        conv2d(x, np.zeros((2, 3, 9, 9)))
    with pytest.raises(ValueError, match="stride"):
        conv2d(x, np.zeros((2, 3, 3, 3)), stride=0)
    _, cache = conv2d_forward(x, np.zeros((2, 3, 3, 3)))
    with pytest.raises(ValueError, match=r"dout of shape \(1, 2, 6, 6\)"):
        conv2d_backward(np.zeros((1, 2, 8, 8)), cache)
    with pytest.raises(ValueError, match=r"\(H, W\)"):
        max_pool2d(np.zeros(5), 2)
    with pytest.raises(ValueError, match=r"\(N, C, H, W\)"):
        global_avg_pool(np.zeros((3, 4, 4)))
    with pytest.raises(ValueError, match=r"k2d of shape \(kh, kw\)"):
        next(conv2d_steps(np.zeros((4, 4)), np.zeros(3)))
