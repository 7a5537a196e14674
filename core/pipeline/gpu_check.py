"""One command that proves the CUDA path (issue 16 §3): train, export, serve on the GPU, measure.

    python -m core.pipeline.gpu_check --pack pack --out runs/gpu_check     # on a CUDA machine
    python -m core.pipeline.gpu_check --device cpu --limit 512 --out /tmp/gc  # the same flow on CPU
    scripts/gpu_check.sh                                                    # the wrapper

On a CUDA machine it

1. unpacks the compact data pack (``scripts/pack_data.py pack`` writes it: MNIST gzipped, photos
   shrunk) into ``<out>/data`` (or reads ``--data-dir``);
2. trains ``mnist`` with ``core.pipeline.train`` (mixed precision and channels-last on CUDA) and, with
   ``--tasks mnist,pets``, the pets head with ``core.pipeline.transfer``;
3. exports each through ``core.pipeline.export`` (ONNX + complete card, ORT vs torch checked) into
   ``<out>/models``;
4. opens each ONNX file with ONNX Runtime asking for ``CUDAExecutionProvider`` and reads back what the
   session *got* (``session.get_providers()``): asked-for is not proof;
5. times the CUDA and the CPU providers side by side (batch 1 and batch 64, median of repeats);
6. writes ``<out>/report.json``: hardware, versions, training wall times and accuracies, providers,
   timings, and ``ok``.

Without CUDA (``--device auto`` or ``cuda``) it says so, writes nothing and exits 0 with the reason.
Exit status 1 means the CUDA path was asked for and did not hold (ORT fell back to the CPU).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger("core.pipeline.gpu_check")

ROOT = Path(__file__).resolve().parents[2]
CPU, CUDA = "CPUExecutionProvider", "CUDAExecutionProvider"


def cuda_reason() -> str | None:
    """``None`` when torch sees a CUDA device, else one line saying why not."""
    import torch

    if not torch.cuda.is_available():
        built = torch.version.cuda
        return (f"no CUDA device: torch {torch.__version__} "
                + (f"is built for CUDA {built} but sees no GPU (driver or device missing)" if built
                   else "is a CPU-only build"))
    return None


def unpack_data(pack: Path, to: Path) -> Path:
    """``scripts/pack_data.py unpack`` (the script is not a package module: loaded by path)."""
    spec = importlib.util.spec_from_file_location("pack_data", ROOT / "scripts" / "pack_data.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.unpack(str(pack), str(to))


def time_provider(onnx_path: Path, provider: str, input_shape: Sequence, batches=(1, 64), repeats: int = 20
                  ) -> dict:
    """Median ms per ``session.run`` of ``provider`` on random inputs, plus the providers the session got."""
    from core.serve.infer import create_session

    providers = [provider, CPU] if provider != CPU else [CPU]
    session = create_session(onnx_path, providers)
    got = session.get_providers()
    name = session.get_inputs()[0].name
    out = {"requested": providers, "got": got, "runs_on": got[0], "ms": {}}
    rng = np.random.default_rng(0)
    for b in batches:
        x = rng.standard_normal((b, *input_shape[1:])).astype(np.float32)
        for _ in range(3):                                     # warm-up: kernels, allocator, cuDNN search
            session.run(None, {name: x})
        t = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            session.run(None, {name: x})
            t.append(1000 * (time.perf_counter() - t0))
        out["ms"][f"batch{b}"] = round(float(np.median(t)), 3)
    return out


def serve_check(models_dir: Path, name: str, cuda: bool, repeats: int) -> dict:
    """Providers read back from the sessions and CUDA vs CPU timings of one exported model."""
    card = json.loads((models_dir / f"{name}.json").read_text(encoding="utf-8"))
    shape = card["input"]["shape"]
    res = {"cpu": time_provider(models_dir / card["file"], CPU, shape, repeats=repeats)}
    if cuda:
        res["cuda"] = time_provider(models_dir / card["file"], CUDA, shape, repeats=repeats)
        res["cuda_ok"] = res["cuda"]["runs_on"] == CUDA
        res["speedup_batch64"] = round(res["cpu"]["ms"]["batch64"] / max(res["cuda"]["ms"]["batch64"], 1e-9), 2)
    return res


def train_mnist(data_dir: Path, out: Path, device: str, epochs: int, limit: int | None) -> tuple[Path, dict]:
    from core.pipeline.tasks import TASKS
    from core.pipeline.train import TrainConfig, train

    spec = TASKS["mnist"]
    cfg = TrainConfig(task="mnist", epochs=epochs, batch_size=spec.batch_size, lr=spec.lr,
                      weight_decay=spec.weight_decay, limit=limit, device=device, data_dir=str(data_dir),
                      out=str(out / "runs" / "mnist"), cache_dir=str(out / "runs" / "cache"))
    t0 = time.perf_counter()
    cmd = ["python", "-m", "core.pipeline.train", "mnist", "--epochs", str(epochs), "--device", device,
           *(["--limit", str(limit)] if limit else [])]
    res = train(cfg, command=cmd, progress=False)
    return Path(cfg.out) / "final.pt", {"wall_s": round(time.perf_counter() - t0, 1), "result": res}


def train_pets(data_dir: Path, out: Path, limit: int | None, finetune_epochs: int) -> tuple[Path, dict]:
    from core.pipeline.transfer import TransferConfig, run

    t0 = time.perf_counter()
    cfg = TransferConfig(data_dir=str(data_dir), out=str(out / "runs" / "pets"), limit=limit,
                         finetune_epochs=finetune_epochs,
                         command=f"python -m core.pipeline.transfer --finetune-epochs {finetune_epochs}"
                                 + (f" --limit {limit}" if limit else ""))
    ckpt = run(cfg)
    return Path(cfg.out) / "final.pt", {"wall_s": round(time.perf_counter() - t0, 1),
                                         "test": ckpt["metrics"]["test"]}


def run_check(out: Path, device: str = "auto", data_dir: str | None = None, pack: str | None = None,
              tasks: Sequence[str] = ("mnist", "pets"), epochs: int = 3, limit: int | None = None,
              finetune_epochs: int = 1, repeats: int = 20) -> dict:
    """The whole flow (module docstring) → the report (also written to ``<out>/report.json``)."""
    import onnxruntime as ort
    import torch

    from core.pipeline.export import export_checkpoint
    from core.pipeline.runtime import hardware_name, select_device

    reason = cuda_reason()
    if device in ("auto", "cuda") and reason:
        return {"ok": True, "skipped": True, "reason": reason}
    dev = select_device("cpu" if device == "cpu" else "cuda")
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    root = unpack_data(Path(pack), out / "data") if pack else Path(data_dir) if data_dir else None
    from core.pipeline.data import data_root

    root = data_root(root)
    cuda = dev.type == "cuda"
    report = {"device": str(dev), "hardware": hardware_name(dev), "platform": platform.platform(),
              "versions": {"torch": torch.__version__, "torch_cuda": torch.version.cuda,
                           "onnxruntime": ort.__version__, "ort_available": ort.get_available_providers()},
              "amp": cuda, "channels_last": True, "limit": limit, "data": str(root), "models": {}}
    models_dir = out / "models"
    models_dir.mkdir(exist_ok=True)
    for task in tasks:
        if task == "mnist":
            ckpt, info = train_mnist(root, out, "cuda" if cuda else "cpu", epochs, limit)
        elif task == "pets":
            ckpt, info = train_pets(root, out, limit, finetune_epochs)
        else:
            raise ValueError(f"unknown task {task!r}; expected mnist or pets")
        res = export_checkpoint(ckpt, task, models_dir, root, n_check=min(64, limit or 64))
        info["test_accuracy"] = res.card["metrics"]["test"]["accuracy"]
        info["card_training"] = {k: res.card["training"].get(k) for k in ("device", "hardware", "amp", "wall_time_s")}
        info["serve"] = serve_check(models_dir, task, cuda, repeats)
        info.pop("result", None)
        report["models"][task] = info
    report["total_s"] = round(time.perf_counter() - t_start, 1)
    report["ok"] = all(m["serve"].get("cuda_ok", True) for m in report["models"].values())
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m core.pipeline.gpu_check", description=__doc__.splitlines()[0])
    p.add_argument("--device", default="auto", choices=["auto", "cuda", "cpu"])
    p.add_argument("--out", default="runs/gpu_check")
    p.add_argument("--pack", help="compact data pack from scripts/pack_data.py (unpacked into <out>/data)")
    p.add_argument("--data-dir", help="data root with MNIST/ and PetImages/ (instead of --pack)")
    p.add_argument("--tasks", default="mnist,pets")
    p.add_argument("--epochs", type=int, default=3, help="mnist epochs")
    p.add_argument("--finetune-epochs", type=int, default=1, help="pets: epochs of the last-block fine-tune")
    p.add_argument("--limit", type=int, help="train/test on N images only (quick CPU runs)")
    p.add_argument("--repeats", type=int, default=20, help="timed runs per provider and batch size")
    a = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    report = run_check(Path(a.out), a.device, a.data_dir, a.pack, [t for t in a.tasks.split(",") if t],
                       a.epochs, a.limit, a.finetune_epochs, a.repeats)
    if report.get("skipped"):
        print(f"gpu_check: skipped, {report['reason']} (use --device cpu to run the flow on the CPU)")
        return 0
    for task, m in report["models"].items():
        s = m["serve"]
        line = f"{task}: accuracy {m['test_accuracy']:.4f}, trained in {m['wall_s']} s; CPU {s['cpu']['ms']}"
        if "cuda" in s:
            line += f"; CUDA {s['cuda']['ms']} on {s['cuda']['runs_on']}"
        print(line)
    print(f"report: {Path(a.out) / 'report.json'} ok={report['ok']}")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
