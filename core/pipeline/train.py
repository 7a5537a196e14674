"""Train the lecture's CNNs: ``python -m core.pipeline.train mnist|lenet5|pets_scratch [options]``.

Lecture section: "CNN 실습" — the training loop itself (mini-batches, optimizer, learning-rate
schedule, evaluation on held-out data), made robust enough to produce the committed models:

- device ``auto``: CUDA when present with mixed precision (autocast + GradScaler), channels-last,
  pinned memory and non-blocking copies; on the CPU every core and plain float32.
- deterministic: fixed seeds, the sampler reshuffles by ``seed + epoch``, augmentation draws from
  its own generator, and every RNG state goes into the checkpoint, so ``--resume`` ends with
  exactly the weights of an uninterrupted run (same device).
- a checkpoint after every epoch, written atomically; Ctrl-C (SIGINT/SIGTERM) finishes the current
  step, saves a mid-epoch checkpoint and exits; SIGKILL loses at most the epoch in progress.
- ``torchrun --nproc_per_node=N -m core.pipeline.train …``: DistributedDataParallel with a
  DistributedSampler (NCCL on GPUs, gloo on CPU); the global batch size stays ``--batch-size``.
- outputs in ``--out``: ``config.json``, ``checkpoint.pt``, ``final.pt`` (weights + everything
  the model card needs), ``metrics.json``, ``curve.png``.

The pieces live beside it: :mod:`core.pipeline.runtime` (device, seeds, RNG state, atomic saves),
:mod:`core.pipeline.evaluate` (metrics, curves) and :mod:`core.pipeline.mini_train` (the dashboard's
live few-second training, which must not pull in this distributed trainer).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import os
import platform
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, DistributedSampler

from core import cnn
from core.pipeline import data as D
from core.pipeline.evaluate import evaluate, plot_curves
from core.pipeline.runtime import (  # noqa: F401 - select_device & co. are part of the trainer's API
    atomic_save,
    hardware_name,
    rng_state,
    seed_everything,
    select_device,
    set_rng_state,
    state_digest,
)
from core.pipeline.tasks import TASKS, TaskData, TaskSpec

log = logging.getLogger("core.pipeline.train")

CHECKPOINT, FINAL = "checkpoint.pt", "final.pt"


# --------------------------------------------------------------------------- configuration
@dataclass
class TrainConfig:
    """Everything that determines a run's result (saved as ``config.json`` and in checkpoints)."""

    task: str
    epochs: int
    batch_size: int                  # global batch; each of W DDP ranks takes batch_size // W
    lr: float
    weight_decay: float
    seed: int = 0
    limit: int | None = None         # train on the first ``limit`` of a seeded shuffle (smoke runs)
    device: str = "auto"
    data_dir: str | None = None
    out: str = "runs/mnist"
    cache_dir: str = "runs/cache"
    workers: int = 0                 # data are in-memory tensors: workers only help on a GPU box
    deterministic: bool = True       # cuDNN: deterministic kernels, no autotuning

    def result_keys(self) -> dict:
        """The fields that must match for a resumed run to equal an uninterrupted one."""
        return {k: getattr(self, k) for k in ("task", "epochs", "batch_size", "lr", "weight_decay",
                                               "seed", "limit")}


def parse_args(argv: Sequence[str] | None = None) -> tuple[TrainConfig, argparse.Namespace]:
    p = argparse.ArgumentParser(prog="python -m core.pipeline.train", description=__doc__.split("\n\n")[0])
    p.add_argument("task", choices=sorted(TASKS) + ["pets"],
                   help="what to train ('pets' = the transfer model in core.pipeline.transfer)")
    p.add_argument("--epochs", type=int)
    p.add_argument("--batch-size", type=int)
    p.add_argument("--lr", type=float, help="peak learning rate (one-cycle schedule)")
    p.add_argument("--weight-decay", type=float)
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--data-dir", help="folder with MNIST/ and PetImages/ (default $DL_DATA_DIR or ./data)")
    p.add_argument("--out", help="run folder (default runs/<task>)")
    p.add_argument("--cache-dir", default="runs/cache", help="where decoded photo arrays are cached")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=int, help="train/test on a seeded subset of N images (smoke runs)")
    p.add_argument("--workers", type=int, default=0, help="DataLoader worker processes")
    p.add_argument("--resume", action="store_true", help="continue from <out>/checkpoint.pt")
    p.add_argument("--max-steps", type=int,
                   help="stop after this many optimizer steps in this session, saving a checkpoint "
                        "exactly as Ctrl-C would (time-boxed sessions on shared machines)")
    a = p.parse_args(argv)
    if a.task == "pets":
        return None, a  # type: ignore[return-value]
    spec = TASKS[a.task]
    cfg = TrainConfig(task=a.task, epochs=a.epochs or spec.epochs, batch_size=a.batch_size or spec.batch_size,
                      lr=a.lr if a.lr is not None else spec.lr,
                      weight_decay=a.weight_decay if a.weight_decay is not None else spec.weight_decay,
                      seed=a.seed, limit=a.limit, device=a.device, data_dir=a.data_dir,
                      out=a.out or f"runs/{a.task}", cache_dir=a.cache_dir, workers=a.workers)
    for name in ("epochs", "batch_size", "limit", "workers", "max_steps"):
        v = getattr(a, name)
        if v is not None and v < (0 if name == "workers" else 1):
            raise ValueError(f"--{name.replace('_', '-')} must be positive, got {v}")
    return cfg, a


# --------------------------------------------------------------------------- data plumbing
class TensorBatches(torch.utils.data.Dataset):
    """Indexed by a *list* of sample indices → one batch ``(x[idx], y[idx])``; no per-sample collate."""

    def __init__(self, x: torch.Tensor, y: torch.Tensor):
        if len(x) != len(y):
            raise ValueError(f"images and labels differ in length: {len(x)} vs {len(y)}")
        self.x, self.y = x, y

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, idx: list[int]) -> tuple[torch.Tensor, torch.Tensor]:
        i = torch.as_tensor(idx)
        return self.x[i], self.y[i]


def subset(d: TaskData, limit: int | None, seed: int) -> TaskData:
    """A seeded random subset of ``limit`` images from each split (both classes mixed)."""
    if limit is None:
        return d
    g = torch.Generator().manual_seed(seed)
    tr = torch.randperm(len(d.train_x), generator=g)[:limit].sort().values
    te = torch.randperm(len(d.test_x), generator=g)[:limit].sort().values
    return TaskData(d.train_x[tr], d.train_y[tr], d.test_x[te], d.test_y[te], d.test_split + f" (subset of {len(te)})")


def epoch_batches(n: int, batch_size: int, epoch: int, seed: int, world: int, rank: int) -> list[list[int]]:
    """This rank's index batches for ``epoch``: a DistributedSampler shuffle by ``seed + epoch``.

    The last incomplete batch is dropped (a batch of one breaks BatchNorm) unless the data are
    smaller than one batch.
    """
    sampler = DistributedSampler(range(n), num_replicas=world, rank=rank, shuffle=True, seed=seed,
                                 drop_last=False)
    sampler.set_epoch(epoch)
    idx = list(sampler)
    full = len(idx) - len(idx) % batch_size if len(idx) >= batch_size else len(idx)
    return [idx[i:i + batch_size] for i in range(0, full, batch_size)]


# --------------------------------------------------------------------------- the trainer
class _StopFlag:
    """SIGINT/SIGTERM → finish the current step, save, exit. A second Ctrl-C aborts at once."""

    def __init__(self):
        self.requested = False
        self._old: dict = {}

    def __enter__(self):
        def handler(signum, frame):
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True
            log.warning("signal %d: saving a checkpoint after this step (Ctrl-C again to abort)", signum)

        for s in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[s] = signal.signal(s, handler)
            except ValueError:  # not the main thread (e.g. a dashboard worker): no handlers
                pass
        return self

    def __exit__(self, *exc):
        for s, h in self._old.items():
            signal.signal(s, h)


def _unwrap(model: nn.Module) -> nn.Module:
    return model.module if isinstance(model, nn.parallel.DistributedDataParallel) else model


def _build_optim(model: nn.Module, cfg: TrainConfig, steps_per_epoch: int):
    # No weight decay on biases and BN parameters: decaying them only fights normalisation.
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}], lr=cfg.lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.lr, total_steps=cfg.epochs * steps_per_epoch,
                                                pct_start=0.25)
    return opt, sched


def train(cfg: TrainConfig, resume: bool = False, max_steps: int | None = None,
          command: Sequence[str] | None = None, progress: bool = True) -> dict | None:
    """Run (or resume) one training; returns the final metrics, or ``None`` when stopped early.

    Works single-process or under ``torchrun`` (reads ``WORLD_SIZE``/``RANK``).
    """
    spec: TaskSpec = TASKS[cfg.task]
    world = int(os.environ.get("WORLD_SIZE", 1))
    rank = int(os.environ.get("RANK", 0))
    device = select_device(cfg.device)
    if world > 1 and not dist.is_initialized():
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    if device.type == "cuda":
        torch.cuda.set_device(device)
        torch.backends.cudnn.benchmark = not cfg.deterministic
        torch.backends.cudnn.deterministic = cfg.deterministic
    else:
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // world))  # every core, shared by ranks
    use_cuda = device.type == "cuda"
    amp = use_cuda                     # float16 autocast only where it pays; CPU stays float32
    if cfg.batch_size % world:
        raise ValueError(f"--batch-size {cfg.batch_size} must be divisible by the {world} DDP ranks")
    out = Path(cfg.out)
    is_main = rank == 0

    # ---- data (rank 0 fills the photo cache first, the others then read it)
    root = D.data_root(cfg.data_dir)
    if world > 1 and not is_main:
        dist.barrier()
    data = subset(spec.load(root, Path(cfg.cache_dir)), cfg.limit, cfg.seed)
    if world > 1 and is_main:
        dist.barrier()
    steps_per_epoch = len(epoch_batches(len(data.train_x), cfg.batch_size // world, 0, cfg.seed, world, rank))

    # ---- model, optimiser, schedule, scaler
    seed_everything(cfg.seed)
    model = cnn.build(spec.arch, num_classes=len(spec.classes), **spec.arch_kwargs).to(device)
    # channels-last suits cuDNN's tensor cores and oneDNN's CPU convolutions alike (~1.7× measured
    # on the 2-core CPU for mnist_net), so both devices use it.
    model = model.to(memory_format=torch.channels_last)
    opt, sched = _build_optim(model, cfg, steps_per_epoch)
    scaler = torch.amp.GradScaler("cuda", enabled=amp)
    aug = torch.Generator(device=device).manual_seed(cfg.seed + 1000 * (rank + 1))
    history = {k: [] for k in ("epoch", "train_loss", "train_acc", "test_loss", "test_acc", "lr", "epoch_time_s")}
    epoch, step, run = 0, 0, {"loss": 0.0, "correct": 0, "seen": 0}
    wall, sessions = 0.0, 1
    command = list(command or ["python", "-m", "core.pipeline.train", cfg.task])

    ckpt_path = out / CHECKPOINT
    if resume and ckpt_path.exists():
        ck = torch.load(ckpt_path, map_location="cpu", weights_only=True)
        saved = TrainConfig(**ck["config"])
        if saved.result_keys() != cfg.result_keys():
            log.warning("--resume: using the checkpoint's settings %s (command line differs: %s)",
                        saved.result_keys(), cfg.result_keys())
            return train(dataclasses.replace(saved, device=cfg.device, out=cfg.out, data_dir=cfg.data_dir,
                                             cache_dir=cfg.cache_dir, workers=cfg.workers),
                         resume, max_steps, command, progress)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        scaler.load_state_dict(ck["scaler"])
        set_rng_state(ck["rng"])
        aug.set_state(ck["aug_rng"][rank] if rank < len(ck["aug_rng"]) else ck["aug_rng"][0])
        epoch, step, run, history, wall = ck["epoch"], ck["step"], ck["running"], ck["history"], ck["wall_time_s"]
        sessions = ck.get("sessions", 1) + 1
        command = ck.get("command", command)  # the command that started the run
        if is_main:
            log.warning("resumed from %s at epoch %d, step %d", ckpt_path, epoch, step)
    elif resume and is_main:
        log.warning("--resume: no checkpoint at %s, starting fresh", ckpt_path)

    if world > 1:
        model = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if use_cuda else None)
    if is_main:
        out.mkdir(parents=True, exist_ok=True)
        (out / "config.json").write_text(json.dumps(dataclasses.asdict(cfg), indent=2))

    def gather_aug_states() -> list[torch.Tensor]:
        """Every rank's augmentation generator state (CPU byte tensors), for rank 0's checkpoint."""
        state = aug.get_state()
        if world == 1:
            return [state]
        state = state.to(device)  # NCCL only moves CUDA tensors; the states have equal sizes
        states = [torch.empty_like(state) for _ in range(world)]
        dist.all_gather(states, state)
        return [s.cpu() for s in states]

    def save(epoch_: int, step_: int) -> None:
        states = gather_aug_states()
        if not is_main:
            return
        atomic_save({"model": _unwrap(model).state_dict(), "optimizer": opt.state_dict(),
                     "scheduler": sched.state_dict(), "scaler": scaler.state_dict(), "rng": rng_state(),
                     "aug_rng": states, "epoch": epoch_, "step": step_, "running": dict(run),
                     "history": history, "wall_time_s": wall + time.time() - t_session,
                     "config": dataclasses.asdict(cfg), "command": command, "sessions": sessions}, ckpt_path)

    t_session = time.time()
    steps_this_session = 0
    # The DataLoader gets its own generator: by default each new iterator draws a seed from the
    # global torch RNG, which would shift the dropout stream of a run resumed mid-epoch.
    loader_kw = {"batch_size": None, "num_workers": cfg.workers, "pin_memory": use_cuda,
                 "generator": torch.Generator().manual_seed(cfg.seed)}
    with _StopFlag() as stop:
        while epoch < cfg.epochs:
            model.train()
            batches = epoch_batches(len(data.train_x), cfg.batch_size // world, epoch, cfg.seed, world, rank)
            loader = DataLoader(TensorBatches(data.train_x, data.train_y), sampler=batches[step:], **loader_kw)
            bar = _progress(progress and is_main, total=len(batches), initial=step,
                            desc=f"epoch {epoch + 1}/{cfg.epochs}")
            t_epoch, n_epoch = time.time(), 0
            for xb, yb in loader:
                xb = spec.train_transform(xb.to(device, non_blocking=True), aug)
                xb = xb.contiguous(memory_format=torch.channels_last)
                yb = yb.to(device, non_blocking=True)
                with torch.autocast(device.type, enabled=amp):
                    logits = model(xb)
                    loss = F.cross_entropy(logits, yb, label_smoothing=spec.label_smoothing)
                opt.zero_grad(set_to_none=True)
                scaler.scale(loss).backward()
                scaler.step(opt)
                scaler.update()
                sched.step()
                step += 1
                steps_this_session += 1
                n_epoch += len(yb)
                run["loss"] += loss.item() * len(yb)
                run["correct"] += int((logits.argmax(1) == yb).sum())
                run["seen"] += len(yb)
                if bar is not None:
                    bar.update(1)
                    bar.set_postfix(loss=f"{run['loss'] / run['seen']:.4f}", acc=f"{run['correct'] / run['seen']:.4f}",
                                    img_s=f"{n_epoch * world / (time.time() - t_epoch):.0f}", refresh=False)
                want_stop = stop.requested or (max_steps is not None and steps_this_session >= max_steps)
                if world > 1:  # every rank must leave the loop at the same step
                    flag = torch.tensor([float(want_stop)], device=device)
                    dist.all_reduce(flag)
                    want_stop = bool(flag.item())
                if want_stop and step < len(batches):
                    if bar is not None:
                        bar.close()
                    save(epoch, step)
                    if is_main:
                        log.warning("stopped at epoch %d step %d/%d; checkpoint %s (continue with --resume)",
                                    epoch + 1, step, len(batches), ckpt_path)
                    _cleanup(world)
                    return None
            if bar is not None:
                bar.close()
            if world > 1:
                _average_buffers(_unwrap(model), world)
            ev = evaluate(_unwrap(model), data.test_x, data.test_y, spec.eval_transform, device,
                          len(spec.classes), amp=amp, channels_last=True)
            history["epoch"].append(epoch + 1)
            history["train_loss"].append(run["loss"] / max(run["seen"], 1))
            history["train_acc"].append(run["correct"] / max(run["seen"], 1))
            history["test_loss"].append(ev["loss"])
            history["test_acc"].append(ev["accuracy"])
            history["lr"].append(sched.get_last_lr()[0])
            history["epoch_time_s"].append(time.time() - t_epoch)
            epoch, step, run = epoch + 1, 0, {"loss": 0.0, "correct": 0, "seen": 0}
            save(epoch, 0)
            if is_main:
                log.warning("epoch %d/%d: train loss %.4f acc %.4f | test loss %.4f acc %.4f | %.0f s",
                            epoch, cfg.epochs, history["train_loss"][-1], history["train_acc"][-1],
                            ev["loss"], ev["accuracy"], history["epoch_time_s"][-1])
            if (stop.requested or (max_steps is not None and steps_this_session >= max_steps)) \
                    and epoch < cfg.epochs:
                if is_main:
                    log.warning("stopped after epoch %d; checkpoint %s (continue with --resume)", epoch, ckpt_path)
                _cleanup(world)
                return None

    wall += time.time() - t_session
    net = _unwrap(model)
    if world > 1:  # each rank leaves a digest of its weights: the DDP test compares them
        (out / f"weights_rank{rank}.sha256").write_text(state_digest(net.state_dict()))
    result = None
    if is_main:
        ev = evaluate(net, data.test_x, data.test_y, spec.eval_transform, device, len(spec.classes),
                      amp=amp, channels_last=True)
        result = _write_final(cfg, spec, net, ev, history, data, device, wall, command, world, sessions)
    _cleanup(world)
    return result


@torch.no_grad()
def _average_buffers(model: nn.Module, world: int) -> None:
    """Average BatchNorm running statistics over the ranks.

    DDP broadcasts rank 0's buffers at the *start* of each forward, and every rank then updates
    its own copy from its own batch, so after the last step the ranks' running statistics differ.
    Averaging makes the evaluated and saved model identical on every rank (and uses all data).
    """
    for b in model.buffers():
        if b.is_floating_point():
            dist.all_reduce(b)
            b /= world


def _cleanup(world: int) -> None:
    if world > 1 and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()


def _progress(enabled: bool, **kw):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    # In a log file (nohup) a bar every 0.1 s would be megabytes of carriage returns.
    return tqdm(mininterval=0.1 if sys.stderr.isatty() else 30.0, dynamic_ncols=True, **kw)


def _write_final(cfg: TrainConfig, spec: TaskSpec, net: nn.Module, ev: dict, history: dict, data: TaskData,
                 device: torch.device, wall: float, command: list[str], world: int, sessions: int) -> dict:
    out = Path(cfg.out)
    test = {"split": data.test_split, "n": ev["n"], "accuracy": ev["accuracy"], "ci95": ev["ci95"],
            "loss": ev["loss"], "confusion_matrix": ev["confusion_matrix"]}
    training = {"device": device.type if world == 1 else f"{device.type} x{world} (DDP)",
                "hardware": hardware_name(device), "wall_time_s": round(wall, 1), "epochs": cfg.epochs,
                "seed": cfg.seed, "batch_size": cfg.batch_size, "lr": cfg.lr, "weight_decay": cfg.weight_decay,
                "optimizer": "AdamW + OneCycleLR", "amp": device.type == "cuda", "limit": cfg.limit,
                "train_n": len(data.train_x), "command": " ".join(command), "sessions": sessions,
                "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"), "torch": str(torch.__version__),
                "python": platform.python_version()}
    final = {"arch": spec.arch, "arch_kwargs": dict(spec.arch_kwargs), "state_dict": net.state_dict(),
             "classes": list(spec.classes), "task": spec.task, "preprocess": dict(spec.preprocess),
             "metrics": {"test": test}, "training": training, "history": history,
             "params": sum(p.numel() for p in net.parameters())}
    atomic_save(final, out / FINAL)
    metrics = {k: v for k, v in final.items() if k != "state_dict"}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    plot_curves(history, out / "curve.png",
                title=f"{cfg.task} ({spec.arch}): test accuracy {ev['accuracy']:.4f} on n={ev['n']}")
    log.warning("final: %s test accuracy %.4f (95%% CI %.4f–%.4f, n=%d) → %s", cfg.task, ev["accuracy"],
                *ev["ci95"], ev["n"], out / FINAL)
    return test


# --------------------------------------------------------------------------- CLI
def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
    args = list(argv if argv is not None else sys.argv[1:])
    if args[:1] == ["pets"]:
        # The transfer model has its own options (feature cache, fine-tuning, TTA): hand them over whole.
        from core.pipeline import transfer

        transfer.main(args[1:])
        return 0
    cfg, a = parse_args(args)
    # The recorded command is the one that reproduces the run, without the session-only flags.
    if "--max-steps" in args:
        i = args.index("--max-steps")
        del args[i:i + 2]
    command = ["python", "-m", "core.pipeline.train", *(x for x in args if x != "--resume")]
    if "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1:
        command = ["torchrun", f"--nproc_per_node={os.environ['WORLD_SIZE']}", "-m", "core.pipeline.train",
                   *command[3:]]
    result = train(cfg, resume=a.resume, max_steps=a.max_steps, command=command)
    return 0 if result is not None or int(os.environ.get("RANK", 0)) != 0 else 130


if __name__ == "__main__":
    sys.exit(main())
