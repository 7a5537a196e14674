"""Export a trained checkpoint to ONNX plus its model card (lecture: deploying the trained CNN).

``python -m core.pipeline.export --checkpoint runs/mnist/final.pt --name mnist [--out models/] [--data-dir …]``

1. rebuild the network from the registry (``final.pt``'s ``arch`` + ``arch_kwargs``) and load its weights;
2. export with the dynamo exporter: one self-contained ``.onnx`` (no external data), opset 18,
   input ``"input"`` with a dynamic batch axis, output ``"logits"``; ``onnx.checker`` must be clean;
3. run 64 REAL test images, preprocessed by the card's own recipe, through ONNX Runtime and PyTorch and
   record the largest absolute logit difference (must be ≤ 1e-4);
4. write ``models/<name>.json`` per the model-card contract (:mod:`core.serve.card`).
"""
from __future__ import annotations

import argparse
import inspect
import json
import logging
import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from core._common import atomic_write, atomic_write_text
from core.pipeline.models import class_entries, record
from core.serve import card as card_lib
from core.serve.infer import create_session
from core.serve.recipes import parse

# Under `python -m` __name__ is "__main__"; keep the logger inside the "core" hierarchy.
log = logging.getLogger("core.pipeline.export" if __name__ == "__main__" else __name__)

DEFAULT_OPSET = 18
MAX_ABS_DIFF = 1e-4
MAX_ONNX_BYTES = 25 * 1024 * 1024

class ExportError(RuntimeError):
    """The exported model failed a check (checker, size, ONNX Runtime vs PyTorch)."""


def export_model(model: nn.Module, example_input: torch.Tensor, path: str | os.PathLike,
                 opset: int = DEFAULT_OPSET, input_name: str = "input",
                 output_names: Sequence[str] = ("logits",), dynamic_batch: bool = True) -> Path:
    """Export ``model`` (put in eval mode) to a single self-contained ONNX file and check it.

    ``example_input``: ``(N, C, H, W)``; the batch axis is exported as dynamic (``"batch"``) unless
    ``dynamic_batch=False``. Weights are embedded (no external-data side file), so the file's sha256
    identifies the model. Raises :class:`ExportError` when ``onnx.checker`` rejects the graph.
    """
    import onnx

    if example_input.ndim < 2:
        raise ValueError(f"example_input must have a batch axis, got shape {tuple(example_input.shape)}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = model.eval()
    # dynamo keys dynamic_shapes by the forward's argument name.
    arg = next(iter(inspect.signature(model.forward).parameters))
    dynamic = {arg: {0: torch.export.Dim("batch")}} if dynamic_batch else None
    # A batch of 1 would let the exporter specialise the batch axis; 2 keeps it symbolic.
    if dynamic_batch and example_input.shape[0] == 1:
        example_input = example_input.expand(2, *example_input.shape[1:]).contiguous()

    def write_checked(tmp_path: Path) -> None:
        with torch.no_grad():
            torch.onnx.export(model, (example_input,), str(tmp_path), input_names=[input_name],
                              output_names=list(output_names), opset_version=opset,
                              dynamic_shapes=dynamic, external_data=False, dynamo=True,
                              verbose=False)
        try:
            onnx.checker.check_model(onnx.load(str(tmp_path)), full_check=True)
        except onnx.checker.ValidationError as e:
            raise ExportError(f"onnx.checker rejected {path.name}: {e}") from e

    # Written to a temporary file and moved only once checked: a failed export leaves no model behind.
    return atomic_write(path, write_checked)


def max_abs_diff(model: nn.Module, onnx_path: str | os.PathLike, x: np.ndarray) -> float:
    """Largest ``|ORT − PyTorch|`` over the outputs for a float32 batch ``x`` ``(N, C, H, W)``."""
    sess = create_session(onnx_path, ["CPUExecutionProvider"])  # CPU: deterministic numerics
    y_ort = sess.run(None, {sess.get_inputs()[0].name: x.astype(np.float32)})[0]
    with torch.no_grad():
        y_pt = model.eval()(torch.from_numpy(np.ascontiguousarray(x, np.float32))).numpy()
    if y_ort.shape != y_pt.shape:
        raise ExportError(f"ONNX output shape {y_ort.shape} != PyTorch {y_pt.shape}")
    return float(np.abs(y_ort - y_pt).max())


# --------------------------------------------------------------------------- checkpoints → model cards
REQUIRED_CKPT_KEYS = ("arch", "arch_kwargs", "state_dict", "classes", "task", "preprocess", "metrics",
                      "training")


def load_checkpoint(path: str | os.PathLike) -> dict:
    """Read a ``final.pt`` (``weights_only=True``) and check it has what a card needs."""
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    missing = [k for k in REQUIRED_CKPT_KEYS if k not in ckpt]
    if missing:
        raise ValueError(f"{path}: checkpoint lacks {', '.join(missing)} (expected a final.pt of "
                         "core.pipeline.train / core.pipeline.transfer)")
    if "test" not in ckpt["metrics"]:
        raise ValueError(f"{path}: checkpoint has no metrics['test']")
    return ckpt


def rebuild(ckpt: dict) -> nn.Module:
    """The network from the registry with the checkpoint's weights, in eval mode."""
    from core import cnn

    model = cnn.build(ckpt["arch"], **ckpt["arch_kwargs"])
    model.load_state_dict(ckpt["state_dict"], strict=True)
    return model.eval()


def input_shape(preprocess: dict) -> list:
    """``[None, C, H, W]`` of the network input the preprocess recipe produces (asked of its class)."""
    return parse(preprocess).input_shape()


def real_test_batch(card: dict, data_dir: str | os.PathLike | None = None, n: int = 64) -> np.ndarray:
    """``n`` REAL held-out images run through the card's own recipe (``core.serve.recipes``).

    Digits: the first ``n`` MNIST test images; photos: ``n`` held-out PetImages spread evenly over the
    split (so both classes appear). Returns float32 ``(n, C, H, W)``.
    """
    from PIL import Image

    from core.pipeline.data import mnist_arrays, pets_split

    if card["task"] == "digit":
        images, _ = mnist_arrays(train=False, root=data_dir)          # (10000, 28, 28) uint8
        sources = [Image.fromarray(a, mode="L") for a in images[:n]]
    else:
        files = pets_split(data_dir, test_fraction=0.1, seed=0).test_files
        sources = [files[i] for i in np.linspace(0, len(files) - 1, n).round().astype(int)]
    recipe = parse(card["preprocess"])                               # parsed once for all n images
    return np.concatenate([recipe.apply(s)[0] for s in sources])    # (n, C, H, W)


def _finite(obj):
    """JSON has no NaN/Infinity: non-finite floats become null, tensors/arrays become lists."""
    if isinstance(obj, dict):
        return {str(k): _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    if isinstance(obj, torch.Tensor | np.ndarray):
        return _finite(obj.tolist())
    if isinstance(obj, np.generic):
        return _finite(obj.item())
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj


def versions() -> dict[str, str]:
    import onnx
    import onnxruntime

    v = {"torch": torch.__version__.split("+")[0], "onnx": onnx.__version__,
         "onnxruntime": onnxruntime.__version__, "python": platform.python_version()}
    try:
        import onnxscript
        v["onnxscript"] = onnxscript.__version__
    except ImportError:  # pragma: no cover - installed with the pinned requirements
        pass
    return v


def onnx_opset(path: str | os.PathLike) -> int:
    import onnx

    proto = onnx.load(str(path), load_external_data=False)
    return int(next(o.version for o in proto.opset_import if o.domain in ("", "ai.onnx")))


def make_card(name: str, ckpt: dict, onnx_path: Path, params: int, diff: float, n_images: int) -> dict:
    """The model card (card.md) from a checkpoint and its exported ONNX file."""
    task, pre = ckpt["task"], dict(ckpt["preprocess"])
    test = dict(ckpt["metrics"]["test"])
    training = dict(ckpt["training"])
    rec = record(name, task)
    data = rec.data
    data["test_n"] = int(test["n"])
    train_n = training.get("train_n", ckpt.get("data", {}).get("train_n"))
    if train_n is not None:
        data["train_n"] = int(train_n)
    card = {
        "name": name,
        "title": dict(rec.title),
        "task": task,
        "default": rec.default,
        "architecture": ckpt["arch"],
        "arch_kwargs": ckpt["arch_kwargs"],
        "params": int(params),
        "file": onnx_path.name,
        "sha256": card_lib.sha256_file(onnx_path),
        "opset": onnx_opset(onnx_path),
        "classes": class_entries(ckpt["classes"], task, rec.display),
        "input": {"name": "input", "shape": input_shape(pre), "dtype": "float32", "layout": "NCHW"},
        "output": {"name": "logits", "kind": "logits"},
        "preprocess": pre,
        "metrics": {"test": test},
        "data": data,
        "training": training,
        "history": dict(ckpt.get("history", {})),
        "versions": versions(),
        "ort_vs_torch_max_abs_diff": float(diff),
        "ort_vs_torch_n_images": int(n_images),
    }
    return card_lib.validate_card(_finite(card))


@dataclass
class ExportResult:
    onnx_path: Path
    card_path: Path
    card: dict


def export_checkpoint(checkpoint: str | os.PathLike, name: str, out_dir: str | os.PathLike = "models",
                      data_dir: str | os.PathLike | None = None, opset: int = DEFAULT_OPSET,
                      n_check: int = 64) -> ExportResult:
    """``final.pt`` → ``out_dir/<name>.onnx`` + ``out_dir/<name>.json``, with every check of the module doc.

    The card is written last, so a card on disk always describes a checked ONNX file.
    """
    ckpt = load_checkpoint(checkpoint)
    model = rebuild(ckpt)
    out_dir = Path(out_dir)
    onnx_path = out_dir / f"{name}.onnx"
    shape = input_shape(ckpt["preprocess"])
    export_model(model, torch.zeros(2, *shape[1:]), onnx_path, opset=opset)
    size = onnx_path.stat().st_size
    if size >= MAX_ONNX_BYTES:
        raise ExportError(f"{onnx_path.name} is {size / 2**20:.1f} MiB; the limit is 25 MiB")
    # Preprocess with the card's recipe: the card fields it reads come straight from the checkpoint.
    x = real_test_batch({"name": name, "task": ckpt["task"], "preprocess": ckpt["preprocess"]},
                        data_dir, n_check)
    diff = max_abs_diff(model, onnx_path, x)
    if diff > MAX_ABS_DIFF:
        raise ExportError(f"ONNX Runtime vs PyTorch differ by {diff:.3g} > {MAX_ABS_DIFF:g} on {len(x)} "
                          "real test images")
    card = make_card(name, ckpt, onnx_path, sum(p.numel() for p in model.parameters()), diff, len(x))
    card_path = atomic_write_text(out_dir / f"{name}.json",
                                  json.dumps(card, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    log.info("%s: %s (%.1f MiB, opset %d), test accuracy %.4f, ORT vs torch %.2g on %d images",
             name, onnx_path, size / 2**20, card["opset"], card["metrics"]["test"]["accuracy"], diff, len(x))
    return ExportResult(onnx_path, card_path, card)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m core.pipeline.export", description=__doc__.splitlines()[0])
    p.add_argument("--checkpoint", required=True, help="final.pt written by core.pipeline.train / core.pipeline.transfer")
    p.add_argument("--name", required=True, help="model name: mnist, lenet5, pets, pets_scratch")
    p.add_argument("--out", default="models", help="output folder (default: models/)")
    p.add_argument("--data-dir", default=None, help="folder with MNIST/ and PetImages/ (else $DL_DATA_DIR)")
    p.add_argument("--opset", type=int, default=DEFAULT_OPSET)
    p.add_argument("--n-check", type=int, default=64, help="real test images for ORT vs PyTorch")
    return p


def main(argv: Sequence[str] | None = None) -> ExportResult:
    args = build_parser().parse_args(argv)
    core_log = logging.getLogger("core")
    if not core_log.handlers:
        core_log.addHandler(logging.StreamHandler())
    core_log.setLevel(logging.INFO)
    res = export_checkpoint(args.checkpoint, args.name, args.out, args.data_dir, args.opset, args.n_check)
    test = res.card["metrics"]["test"]
    print(f"{res.onnx_path} sha256={res.card['sha256'][:12]}… accuracy={test['accuracy']:.4f} "
          f"(n={test['n']}) ort_vs_torch={res.card['ort_vs_torch_max_abs_diff']:.2g}")
    return res


if __name__ == "__main__":
    main()
