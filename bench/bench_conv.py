"""core.nn.conv.conv2d (NumPy im2col + BLAS) vs torch.nn.functional.conv2d on the CPU.

Forward pass on x (32, 16, 32, 32), 32 filters of 3 × 3, padding 1, float32, both measured side
by side in one process on the same input (median of ``repeats`` after a warm-up). Target: ours
within 5× of torch. Not a pass/fail test.

    python -m bench.bench_conv [--repeats 20]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bench.timing import median_ms

ROOT = Path(__file__).resolve().parent.parent

X_SHAPE = (32, 16, 32, 32)  # (N, C, H, W)
W_SHAPE = (32, 16, 3, 3)  # (F, C, kh, kw)
PADDING = 1


def run(repeats: int = 20, seed: int = 0) -> dict:
    """Time both implementations; returns ``dict(ours_ms, torch_ms, ratio, max_abs_diff, …)``."""
    import torch
    import torch.nn.functional as F

    from core.nn.conv import conv2d

    rng = np.random.default_rng(seed)
    x = rng.standard_normal(X_SHAPE).astype(np.float32)
    w = rng.standard_normal(W_SHAPE).astype(np.float32)
    b = rng.standard_normal(W_SHAPE[0]).astype(np.float32)
    tx, tw, tb = torch.from_numpy(x), torch.from_numpy(w), torch.from_numpy(b)
    with torch.inference_mode():
        torch_ms = median_ms(lambda: F.conv2d(tx, tw, tb, padding=PADDING), repeats)
        ref = F.conv2d(tx, tw, tb, padding=PADDING).numpy()
    ours_ms = median_ms(lambda: conv2d(x, w, b, padding=PADDING), repeats)
    diff = float(np.abs(conv2d(x, w, b, padding=PADDING) - ref).max())
    return {"x": X_SHAPE, "w": W_SHAPE, "padding": PADDING, "dtype": "float32", "repeats": repeats,
            "ours_ms": ours_ms, "torch_ms": torch_ms, "ratio": ours_ms / torch_ms,
            "max_abs_diff": diff, "torch_threads": torch.get_num_threads()}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=20)
    r = run(p.parse_args(argv).repeats)
    print(f"conv2d forward, x {r['x']}, w {r['w']}, padding {r['padding']}, {r['dtype']}, "
          f"median of {r['repeats']}:")
    print(f"  core.nn.conv.conv2d          {r['ours_ms']:8.2f} ms")
    print(f"  torch.nn.functional.conv2d {r['torch_ms']:7.2f} ms  ({r['torch_threads']} threads)")
    print(f"  ratio ours / torch        {r['ratio']:8.2f}×   (target ≤ 5×; max |diff| {r['max_abs_diff']:.1e})")
    print(json.dumps(r))


if __name__ == "__main__":
    main()
