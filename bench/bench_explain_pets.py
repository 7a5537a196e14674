"""Where the pets model looked, and whether it knows: the cost of CAM and the "unknown" gate.

Issue 16: the class activation map must cost ≤ 50 ms over the plain prediction on CPU; issue 19:
the gate ≤ 5 ms per request. Measured side by side in one run on an example photo:

- **plain**: preprocessing + a logits-only graph cut out of the served file
  (``onnx.utils.extract_model``: exactly the old single-output model) + softmax;
- **served**: ``core.serve.infer.predict_image`` (one pass: logits, CAM, ImageNet logits, gate)
  + the CAM overlay the demo draws;
- **gate**: ``model.gate.decide`` alone; **occlusion**: the ZFNet experiment (26 passes), for scale.

Run: ``python -m bench.bench_explain_pets``.
"""
from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from core.serve.calibration import softmax
from core.serve.explain import explain
from core.serve.infer import create_session, load_model, predict_image

ROOT = Path(__file__).resolve().parent.parent
PHOTO = ROOT / "demos" / "examples" / "dog_1.jpg"
CAM_TARGET_MS, GATE_TARGET_MS = 50.0, 5.0


def _median_ms(fn, repeats: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def run(smoke: bool = False) -> dict:
    import onnx.utils

    repeats = 3 if smoke else 15
    model = load_model(ROOT / "models" / "pets.json", ["CPUExecutionProvider"])
    with tempfile.TemporaryDirectory() as tmp:
        plain_path = Path(tmp) / "plain.onnx"
        onnx.utils.extract_model(str(ROOT / "models" / model.card["file"]), str(plain_path), ["input"], ["logits"])
        plain = create_session(plain_path, ["CPUExecutionProvider"])

        def plain_predict():
            x, _ = model.recipe.apply(PHOTO)
            return softmax(plain.run(None, {"input": x})[0])

        plain_ms = _median_ms(plain_predict, repeats)
    served_ms = _median_ms(lambda: explain(model, predict_image(model, PHOTO), method="cam"), repeats)
    r = predict_image(model, PHOTO)
    outs = model.outputs(r.x)
    gate_ms = _median_ms(lambda: model.gate.decide(outs), repeats * 10)
    occ_ms = _median_ms(lambda: explain(model, r, method="occlusion"), max(1, repeats // 3))
    extra = served_ms - plain_ms
    return {"bench": "pets_cam_gate", "plain_ms": round(plain_ms, 1), "served_cam_ms": round(served_ms, 1),
            "cam_and_gate_extra_ms": round(extra, 1), "gate_ms": round(gate_ms, 3), "occlusion_ms": round(occ_ms, 0),
            "cam_target_ms": CAM_TARGET_MS, "gate_target_ms": GATE_TARGET_MS,
            "meets_targets": bool(extra <= CAM_TARGET_MS and gate_ms <= GATE_TARGET_MS)}


if __name__ == "__main__":
    print(json.dumps(run()))
