"""ONNX Runtime vs PyTorch eager on the served models: batch-1 latency and batch-64 throughput.

Both run on this machine's CPU, side by side in one process, same architecture and input size.
The torch model is rebuilt from the registry (``card["architecture"]``, ``card["arch_kwargs"]``) with random weights — the
cost of a forward pass does not depend on the weights' values — while ONNX Runtime runs the committed
``models/<name>.onnx``. When a model file is absent, the registry model is exported on the fly.

    python -m bench.bench_onnx_vs_torch [--smoke]
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

import numpy as np

from bench.timing import median_ms

ROOT = Path(__file__).resolve().parent.parent
SERVED = {"mnist": ("mnist_net", (1, 28, 28)), "pets": ("efficientnet_lite0", (3, 224, 224))}


def _onnx_path(name: str, model, shape, tmp: Path) -> tuple[Path, bool]:
    path = ROOT / "models" / f"{name}.onnx"
    if path.exists():
        return path, True
    import torch

    out = tmp / f"{name}.onnx"
    # the legacy exporter is enough for timing and much faster to run than the dynamo one
    torch.onnx.export(model, (torch.zeros(1, *shape),), str(out), input_names=["input"],
                      output_names=["logits"], dynamo=False,
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    return out, False


def bench_model(name: str, repeats: int = 30, batch: int = 64, batch_repeats: int = 5) -> dict:
    import torch

    from core import cnn
    from core.serve.infer import create_session

    torch.set_num_threads(os.cpu_count() or 1)
    card_path = ROOT / "models" / f"{name}.json"
    arch, shape = SERVED[name]
    kwargs: dict = {"num_classes": 10 if name == "mnist" else 2}
    if card_path.exists():  # the served network exactly as exported (e.g. pets' built-in flip TTA)
        card = json.loads(card_path.read_text())
        arch, kwargs = card["architecture"], card["arch_kwargs"]
        shape = tuple(card["input"]["shape"][1:])
    model = cnn.build(arch, **kwargs).eval()
    with tempfile.TemporaryDirectory() as tmp:
        path, committed = _onnx_path(name, model, shape, Path(tmp))
        sess = create_session(path, ["CPUExecutionProvider"])
        in_name = sess.get_inputs()[0].name
        rng = np.random.default_rng(0)
        x1 = rng.standard_normal((1, *shape)).astype(np.float32)
        xb = rng.standard_normal((batch, *shape)).astype(np.float32)
        t1, tb = torch.from_numpy(x1), torch.from_numpy(xb)
        with torch.inference_mode():
            torch_1 = median_ms(lambda: model(t1), repeats)
            torch_b = median_ms(lambda: model(tb), batch_repeats, warmup=1)
        ort_1 = median_ms(lambda: sess.run(None, {in_name: x1}), repeats)
        ort_b = median_ms(lambda: sess.run(None, {in_name: xb}), batch_repeats, warmup=1)
    return {"model": name, "arch": arch, "input": "×".join(map(str, shape)), "committed_onnx": committed,
            "torch_b1_ms": torch_1, "ort_b1_ms": ort_1, "speedup_b1": torch_1 / ort_1,
            "torch_b64_ips": batch / torch_b * 1e3, "ort_b64_ips": batch / ort_b * 1e3,
            "speedup_b64": torch_b / ort_b}


def run(smoke: bool = False) -> list[dict]:
    kw = dict(repeats=5, batch=8, batch_repeats=1) if smoke else {}
    return [bench_model(n, **kw) for n in SERVED]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--smoke", action="store_true")
    for row in run(p.parse_args().smoke):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
