"""Page 15a's CNN explainer: a new drawing → preprocessing + every layer + every map picture.

Target (issue 15): ≤ 300 ms on CPU. Median of 15 random stroke drawings per model, wall time and the
process's CPU time side by side (on a loaded machine the wall time includes other jobs' turns).
Run: ``python -m bench.bench_explainer``.
"""
from __future__ import annotations

import io
import json
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from core.serve.layers import open_model, tile

ROOT = Path(__file__).resolve().parent.parent
MODELS = ("lenet5", "mnist")
TARGET_MS = 300.0


def strokes(seed: int) -> bytes:
    """A random four-point white stroke on black, as PNG bytes (what the canvas hands the page)."""
    rng = np.random.default_rng(seed)
    img = Image.new("RGBA", (224, 224), (0, 0, 0, 255))
    ImageDraw.Draw(img).line([tuple(int(v) for v in rng.integers(30, 194, size=2)) for _ in range(4)],
                             fill="white", width=16)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def bench_model(name: str, repeats: int = 15) -> dict:
    ex = open_model(ROOT / "models" / f"{name}.json")
    ex.run(strokes(99))  # warm-up
    wall, cpu = [], []
    for seed in range(repeats):
        png = strokes(seed)
        t0, c0 = time.perf_counter(), time.process_time()
        run = ex.run(png)
        for n in ex.maps():
            tile(run.values[n.output], scale=max(1, min(56 // run.values[n.output].shape[-1], 8)))
        wall.append(1000 * (time.perf_counter() - t0))
        cpu.append(1000 * (time.process_time() - c0))
    med = statistics.median(wall)
    return {"bench": "explainer", "model": name, "wall_ms_median": round(med, 1), "wall_ms_max": round(max(wall), 1),
            "cpu_ms_median": round(statistics.median(cpu), 1), "target_ms": TARGET_MS, "meets_target": med <= TARGET_MS}


def run(smoke: bool = False) -> list[dict]:
    return [bench_model(m, repeats=3 if smoke else 15) for m in MODELS]


if __name__ == "__main__":
    for row in run():
        print(json.dumps(row))
