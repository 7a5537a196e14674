"""core.nn.conv (NumPy im2col + BLAS) vs torch's CPU convolution, forward and backward.

x (32, 16, 32, 32), 32 filters of 3 × 3, padding 1, float32, both sides in one process on the same
input, each with its library's default threads, then again with one thread on both sides (on a
shared machine, two-thread BLAS calls wait for a descheduled thread; one thread each compares the
algorithms alone). Torch is the floor: the rows are ratios to it,
measured pair by pair (``bench.timing.paired_ms``). Backward means, for torch, ``autograd.grad`` of
(x, w, b) on a kept graph; for ours, ``conv2d_backward`` on the forward's cache. The float64 check
compares both against torch (the tests hold them to 1e-10). Target: ≤ 2× torch. Not a pass/fail test.

    python -m bench.bench_conv [--repeats 20]
"""
from __future__ import annotations

import argparse
import json

import numpy as np

from bench.timing import paired_ms

X_SHAPE = (32, 16, 32, 32)  # (N, C, H, W)
W_SHAPE = (32, 16, 3, 3)  # (F, C, kh, kw)
PADDING = 1
TARGET = 2.0  # ours / torch, forward and backward


def _inputs(dtype, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(X_SHAPE).astype(dtype)
    w = rng.standard_normal(W_SHAPE).astype(dtype)
    b = rng.standard_normal(W_SHAPE[0]).astype(dtype)
    return x, w, b


def max_diff_float64() -> float:
    """Largest |ours − torch| over out, dx, dw, db in float64 at the bench's shape."""
    import torch
    import torch.nn.functional as F

    from core.nn.conv import conv2d_backward, conv2d_forward

    x, w, b = _inputs(np.float64)
    tx, tw, tb = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ref = F.conv2d(tx, tw, tb, padding=PADDING)
    out, cache = conv2d_forward(x, w, b, padding=PADDING)
    dout = np.random.default_rng(1).standard_normal(out.shape)
    ref.backward(torch.from_numpy(dout))
    ours = (out, *conv2d_backward(dout, cache))
    theirs = (ref.detach(), tx.grad, tw.grad, tb.grad)
    return max(float(np.abs(o - t.numpy()).max()) for o, t in zip(ours, theirs, strict=True))


def run(repeats: int = 20) -> dict:
    """Time both sides, default threads and one thread; returns ``dict(fwd_ms, torch_fwd_ms, fwd_ratio,
    bwd_ms, torch_bwd_ms, bwd_ratio, max_abs_diff_f64, …)`` with the one-thread figures under the same
    keys prefixed ``t1_``; the ratios are medians of per-pair ratios."""
    import torch
    from threadpoolctl import threadpool_limits

    r = {"x": X_SHAPE, "w": W_SHAPE, "padding": PADDING, "dtype": "float32", "repeats": repeats,
         "torch_threads": torch.get_num_threads(), "target": TARGET, "max_abs_diff_f64": max_diff_float64()}
    r |= _time(repeats)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(1):
            r |= {f"t1_{k}": v for k, v in _time(repeats).items()}
    finally:
        torch.set_num_threads(threads)
    return r


def _time(repeats: int) -> dict:
    import torch
    import torch.nn.functional as F

    from core.nn.conv import conv2d_backward, conv2d_forward

    x, w, b = _inputs(np.float32)
    dout = np.random.default_rng(1).standard_normal((X_SHAPE[0], W_SHAPE[0], *X_SHAPE[2:])).astype(np.float32)
    tx, tw, tb = (torch.from_numpy(a.copy()).requires_grad_() for a in (x, w, b))
    tdout = torch.from_numpy(dout)

    def torch_fwd():
        with torch.no_grad():
            return F.conv2d(tx, tw, tb, padding=PADDING)

    fwd, tfwd, fwd_ratio = paired_ms(lambda: conv2d_forward(x, w, b, padding=PADDING), torch_fwd, repeats)
    _, cache = conv2d_forward(x, w, b, padding=PADDING)
    y = F.conv2d(tx, tw, tb, padding=PADDING)
    bwd, tbwd, bwd_ratio = paired_ms(lambda: conv2d_backward(dout, cache),
                                     lambda: torch.autograd.grad(y, (tx, tw, tb), tdout, retain_graph=True),
                                     repeats)
    return {"fwd_ms": fwd, "torch_fwd_ms": tfwd, "fwd_ratio": fwd_ratio,
            "bwd_ms": bwd, "torch_bwd_ms": tbwd, "bwd_ratio": bwd_ratio}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=20)
    r = run(p.parse_args(argv).repeats)
    print(f"conv2d, x {r['x']}, w {r['w']}, padding {r['padding']}, {r['dtype']}, {r['repeats']} interleaved pairs "
          f"(torch: {r['torch_threads']} threads):")
    for pre, threads in (("", "default threads"), ("t1_", "1 thread")):
        for what in ("fwd", "bwd"):
            print(f"  {what}, {threads}: core.nn.conv {r[pre + what + '_ms']:8.2f} ms · torch "
                  f"{r[pre + 'torch_' + what + '_ms']:8.2f} ms · ratio {r[pre + what + '_ratio']:.2f}× "
                  f"(target ≤ {TARGET:g}×)")
    print(f"  float64 max |ours − torch| over out, dx, dw, db: {r['max_abs_diff_f64']:.1e}")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
