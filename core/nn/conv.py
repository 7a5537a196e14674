"""Convolution and pooling in NumPy (lecture: "합성곱 / convolution", "패딩과 스트라이드", "풀링 / pooling",
"출력 크기와 파라미터 수").

Layout is NCHW as in PyTorch, and "convolution" means cross-correlation, also as in PyTorch (and
every deep-learning library): the kernel is not flipped. ``conv2d`` is vectorised with im2col: the
padded input is viewed as all its kh × kw windows (``sliding_window_view``, no copy), the windows are
copied once into one contiguous "columns" matrix (C·kh·kw, N·Ho·Wo), and the filters, reshaped to
(F, C·kh·kw), multiply it in a single ``matmul`` (one BLAS GEMM), so there is no Python loop over
pixels. The backward pass is the same product transposed twice (dW = dout · colsᵀ, dcols = Wᵀ · dout)
plus col2im, which scatter-adds the columns' gradients back onto the input.

Output size, per spatial dimension: ``1 + (n − k + 2p) / s``, floored when the stride does not fit
exactly, as PyTorch does (the last rows/columns that a full window cannot reach are dropped).
Parameters of a conv layer: ``(in_channels · k_h · k_w + 1) · filters`` with a bias per filter.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

Pair = int | tuple[int, int]


def _pair(v: Pair, name: str, minimum: int) -> tuple[int, int]:
    pair = (v, v) if np.isscalar(v) else tuple(v)
    if len(pair) != 2 or any(int(p) != p or p < minimum for p in pair):
        raise ValueError(f"expected {name} as an int >= {minimum} or a pair of them, got {v!r}")
    return int(pair[0]), int(pair[1])


def conv_output_size(n: int, k: int, stride: int = 1, padding: int = 0) -> int:
    """Output length ``1 + (n − k + 2p) // s`` (floored like PyTorch), e.g. (32, 5) → 28 and
    (227, 11, stride=4) → 55. Raises ValueError for non-positive sizes or when k exceeds n + 2p.

    >>> conv_output_size(28, 5), conv_output_size(224, 11, stride=4, padding=2)   # LeNet's C1, AlexNet's conv1
    (24, 55)
    """
    if min(n, k, stride) < 1 or padding < 0:
        raise ValueError(f"expected n, k, stride >= 1 and padding >= 0, got n={n}, k={k}, "
                         f"stride={stride}, padding={padding}")
    if k > n + 2 * padding:
        raise ValueError(f"kernel {k} is larger than the padded input {n} + 2·{padding}")
    return 1 + (n - k + 2 * padding) // stride


def conv_params(in_channels: int, kernel_size: Pair, filters: int, bias: bool = True) -> int:
    """Learnable parameters of a conv layer: ``(in_channels · kh · kw + bias) · filters``, e.g.
    LeNet's C1 ``conv_params(1, 5, 6) == 156`` and AlexNet's conv1 ``conv_params(3, 11, 96) == 34944``.

    >>> conv_params(3, 3, 64)   # VGG's first layer: 3·3·3·64 weights + 64 biases
    1792
    """
    kh, kw = _pair(kernel_size, "kernel_size", 1)
    if in_channels < 1 or filters < 1:
        raise ValueError(f"expected in_channels, filters >= 1, got {in_channels}, {filters}")
    return (in_channels * kh * kw + int(bias)) * filters


def _windows(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int],
             padding: tuple[int, int], pad_value: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Pad the last two axes and view every strided kh × kw window: (..., Ho, Wo, kh, kw), no copy."""
    (ph, pw), (sh, sw) = padding, stride
    if ph or pw:
        widths = [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)]
        x = np.pad(x, widths, constant_values=pad_value)
    if x.shape[-2] < kernel[0] or x.shape[-1] < kernel[1]:
        raise ValueError(f"expected a padded input of at least the kernel's size {kernel}, "
                         f"got {x.shape[-2:]}")
    win = sliding_window_view(x, kernel, axis=(-2, -1))  # (..., Hp-kh+1, Wp-kw+1, kh, kw)
    return x, win[..., ::sh, ::sw, :, :]  # (..., Ho, Wo, kh, kw)


def _check_conv_inputs(x, w, b) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    x, w = np.asarray(x), np.asarray(w)
    if x.ndim != 4:
        raise ValueError(f"expected x of shape (N, C, H, W), got {x.shape}")
    if w.ndim != 4 or w.shape[1] != x.shape[1]:
        raise ValueError(f"expected w of shape (F, {x.shape[1]}, kh, kw) for x with {x.shape[1]} "
                         f"channels, got {w.shape}")
    if b is not None:
        b = np.asarray(b)
        if b.shape != (w.shape[0],):
            raise ValueError(f"expected b of shape ({w.shape[0]},), got {b.shape}")
    return x, w, b


def _im2col(xp: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int]) -> np.ndarray:
    """im2col: every kh × kw window of the padded input xp (N, C, Hp, Wp) as one column of a single
    matrix (C·kh·kw, N·Ho·Wo). Row (c, i, j) is channel c shifted by the kernel offset (i, j); column
    (n, h, w) is output pixel (h, w) of image n.

    This is the one copy of the forward pass, and its layout is chosen for speed:
    - the innermost axis of the copy is Wo, which walks along an input row, so NumPy copies runs of
      neighbouring numbers (ordering the windows (…, kh, kw) last would copy 3 numbers at a time);
    - all images share one matrix, so the product with the filters is ONE large GEMM. A stack of N
      small products (one per image) costs about as much on an idle machine, but each BLAS call
      wakes and synchronises its threads, which on a busy 2-core machine made it several times slower."""
    _, win = _windows(xp, kernel, stride, (0, 0))  # (N, C, Ho, Wo, kh, kw): a view, no copy yet
    n, c, ho, wo, kh, kw = win.shape
    return np.ascontiguousarray(win.transpose(1, 4, 5, 0, 2, 3)).reshape(c * kh * kw, n * ho * wo)


def conv2d_forward(x, w, b=None, stride: Pair = 1, padding: Pair = 0) -> tuple[np.ndarray, dict]:
    """2-D convolution (cross-correlation) of x (N, C, H, W) with filters w (F, C, kh, kw) and bias
    b (F,) → (out (N, F, Ho, Wo), cache for :func:`conv2d_backward`)."""
    x, w, b = _check_conv_inputs(x, w, b)
    stride, padding = _pair(stride, "stride", 1), _pair(padding, "padding", 0)
    (ph, pw), (f, c, kh, kw), n = padding, w.shape, x.shape[0]
    ho = conv_output_size(x.shape[2], kh, stride[0], ph)  # raises when the kernel does not fit
    wo = conv_output_size(x.shape[3], kw, stride[1], pw)
    xp = np.pad(x, [(0, 0), (0, 0), (ph, ph), (pw, pw)]) if ph or pw else x
    cols = _im2col(xp, (kh, kw), stride)  # (C·kh·kw, N·Ho·Wo)
    # im2col + GEMM: (F, C·kh·kw) @ (C·kh·kw, N·Ho·Wo) → (F, N·Ho·Wo), one BLAS call.
    out = w.reshape(f, c * kh * kw) @ cols
    if b is not None:
        out += b[:, None]  # in place: out is a fresh array
    out = out.reshape(f, n, ho, wo).transpose(1, 0, 2, 3)  # (N, F, Ho, Wo), still a view
    cache = {"x_shape": x.shape, "xp_shape": xp.shape, "out_shape": out.shape, "cols": cols, "w": w,
             "stride": stride, "padding": padding, "has_bias": b is not None}
    return np.ascontiguousarray(out), cache


def conv2d(x, w, b=None, stride: Pair = 1, padding: Pair = 0) -> np.ndarray:
    """Like ``torch.nn.functional.conv2d(x, w, b, stride, padding)``: x (N, C, H, W), w (F, C, kh, kw),
    b (F,) or None → (N, F, Ho, Wo) with Ho = ``conv_output_size(H, kh, stride, padding)``.

    >>> import numpy as np
    >>> conv2d(np.arange(16.0).reshape(1, 1, 4, 4), np.ones((1, 1, 2, 2)))[0, 0].tolist()
    [[10.0, 14.0, 18.0], [26.0, 30.0, 34.0], [42.0, 46.0, 50.0]]
    """
    return conv2d_forward(x, w, b, stride, padding)[0]


def conv2d_backward(dout, cache: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Gradients (dx (N, C, H, W), dw (F, C, kh, kw), db (F,) or None) from dout (N, F, Ho, Wo)."""
    cols, w = cache["cols"], cache["w"]  # cols (C·kh·kw, N·Ho·Wo)
    (f, c, kh, kw), (sh, sw), (ph, pw) = w.shape, cache["stride"], cache["padding"]
    (n, _, h, wd), (hp, wp), (_, _, ho, wo) = cache["x_shape"], cache["xp_shape"][2:], cache["out_shape"]
    dout = np.asarray(dout)
    if dout.shape != cache["out_shape"]:
        raise ValueError(f"expected dout of shape {cache['out_shape']}, got {dout.shape}")
    db = dout.sum(axis=(0, 2, 3)) if cache["has_bias"] else None
    # The forward pass was out = W @ cols with out laid out (F, N·Ho·Wo); bring dout into that layout.
    d = np.ascontiguousarray(dout.transpose(1, 0, 2, 3)).reshape(f, n * ho * wo)
    # dW = dout · colsᵀ, one GEMM, computed as (cols · doutᵀ)ᵀ: the same numbers, but OpenBLAS splits
    # this orientation (long shared axis N·Ho·Wo, small result) far better over its threads; measured
    # on 2 busy cores, several times faster than ``d @ cols.T``.
    dw = (cols @ d.T).T.reshape(w.shape)
    dcols = (w.reshape(f, -1).T @ d).reshape(c, kh, kw, n, ho, wo)  # dcols = Wᵀ · dout, one GEMM
    # col2im: scatter each window's gradient back onto the input. Windows overlap, so accumulate;
    # the loop runs over the kh·kw kernel offsets only, each step moving a whole strided plane.
    dxp = np.zeros((c, n, hp, wp), dtype=dcols.dtype)  # channel-first, like dcols; transposed below
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, i:i + sh * ho:sh, j:j + sw * wo:sw] += dcols[:, i, j]
    dx = dxp[:, :, ph:ph + h, pw:pw + wd].transpose(1, 0, 2, 3)  # (N, C, H, W)
    return np.ascontiguousarray(dx), dw, db


def _pool(x, kernel: Pair, stride: Pair | None, padding: Pair, pad_value: float, reduce) -> np.ndarray:
    x = np.asarray(x)
    if x.ndim not in (2, 3, 4):
        raise ValueError(f"expected x of shape (H, W), (C, H, W) or (N, C, H, W), got {x.shape}")
    kernel = _pair(kernel, "kernel", 1)
    stride = kernel if stride is None else _pair(stride, "stride", 1)
    padding = _pair(padding, "padding", 0)
    if padding[0] > kernel[0] // 2 or padding[1] > kernel[1] // 2:
        raise ValueError(f"expected padding at most half the kernel {kernel}, got {padding}")
    _, win = _windows(x, kernel, stride, padding, pad_value)  # (..., Ho, Wo, kh, kw)
    return reduce(win, axis=(-2, -1))


def max_pool2d(x, kernel: Pair, stride: Pair | None = None, padding: Pair = 0) -> np.ndarray:
    """Max over each kernel window of the last two axes; ``stride`` defaults to ``kernel`` (as torch).

    x is (H, W), (C, H, W) or (N, C, H, W); padding counts as −∞ so it never wins.

    >>> import numpy as np
    >>> max_pool2d(np.arange(16.0).reshape(1, 1, 4, 4), 2)[0, 0].tolist()
    [[5.0, 7.0], [13.0, 15.0]]
    """
    x = np.asarray(x)
    pad = -np.inf if np.issubdtype(x.dtype, np.floating) else np.iinfo(x.dtype).min
    return _pool(x, kernel, stride, padding, pad, np.max)


def avg_pool2d(x, kernel: Pair, stride: Pair | None = None, padding: Pair = 0) -> np.ndarray:
    """Mean over each kernel window of the last two axes; zero padding is counted in the mean
    (torch's default ``count_include_pad=True``)."""
    return _pool(x, kernel, stride, padding, 0.0, np.mean)


def global_avg_pool(x) -> np.ndarray:
    """Mean over all spatial positions: (N, C, H, W) → (N, C), as in GoogLeNet / ResNet heads."""
    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(f"expected x of shape (N, C, H, W), got {x.shape}")
    return x.mean(axis=(2, 3))


def conv2d_steps(x2d, k2d, stride: Pair = 1, padding: Pair = 0) -> Iterator[dict]:
    """Single-channel convolution one output pixel at a time, for the sliding-window animation.

    Yields, in row-major order, ``dict(row, col, top, left, window, product, value)``: the output
    position, the window's top-left corner in the *padded* input, the (kh, kw) window, its
    elementwise product with the kernel and their sum (= ``conv2d`` at that position). The
    windows come from the same vectorised view as :func:`conv2d`; only the yielding is sequential.
    """
    x2d, k2d = np.asarray(x2d, dtype=np.float64), np.asarray(k2d, dtype=np.float64)
    if x2d.ndim != 2 or k2d.ndim != 2:
        raise ValueError(f"expected x2d of shape (H, W) and k2d of shape (kh, kw), "
                         f"got {x2d.shape} and {k2d.shape}")
    stride, padding = _pair(stride, "stride", 1), _pair(padding, "padding", 0)
    _, win = _windows(x2d, k2d.shape, stride, padding)  # (Ho, Wo, kh, kw)
    products = win * k2d  # (Ho, Wo, kh, kw)
    values = products.sum(axis=(-2, -1))  # (Ho, Wo)
    for row, col in np.ndindex(*values.shape):
        yield {"row": row, "col": col, "top": row * stride[0], "left": col * stride[1],
               "window": win[row, col].copy(), "product": products[row, col],
               "value": float(values[row, col])}


def _kernel(rows) -> np.ndarray:
    k = np.array(rows, dtype=np.float64)
    k.flags.writeable = False  # shared presets: nobody should edit them in place
    return k


KERNELS: dict[str, np.ndarray] = {
    "identity": _kernel([[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    "edge": _kernel([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]),  # Laplacian, all directions
    "sobel_x": _kernel([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),  # responds to vertical edges
    "sobel_y": _kernel([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),  # responds to horizontal edges
    "blur": _kernel(np.full((3, 3), 1 / 9)),  # box blur
    "gaussian_blur": _kernel(np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16),
    "sharpen": _kernel([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
}
