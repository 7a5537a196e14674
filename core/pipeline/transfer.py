"""Transfer learning: an ImageNet EfficientNet-Lite0 becomes a dog-vs-cat classifier (lecture: transfer learning).

``python -m core.pipeline.transfer [--data-dir …] [--out runs/pets] [--finetune-epochs 3]``

The backbone's ImageNet features are already good for cats and dogs, so on a CPU the cheap recipe wins:

1. **Freeze and cache.** The pretrained trunk is exported to ONNX once and every photo of the fixed
   PetImages split (``core.pipeline.data.pets_split(root, test_fraction=0.1, seed=0)``) goes through ONNX Runtime
   once (faster than eager PyTorch on this CPU). We keep two tensors per photo in ``runs/`` (ignored):
   the pooled 1280-d features and the input of the last MBConv block, ``(192, 7, 7)``.
2. **Linear head.** An L2-regularised logistic regression on the pooled features (full-batch L-BFGS,
   float64); the L2 strength is picked on a validation slice of the *training* photos.
3. **Fine-tune the top** (optional, ``--finetune-epochs``): the last MBConv block + head conv +
   classifier trained on the cached block inputs with AdamW; BatchNorm statistics stay frozen (its running
   averages came from ImageNet and 22k photos would only add noise). Kept only when it beats the linear
   head on the validation slice.

The held-out photos are used once, at the end. The result is an ordinary ``efficientnet_lite0``
(``num_classes=2``) checkpoint ``final.pt`` in the train helper's format, so export treats it like the rest.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from core import cnn
from core._common import atomic_write, confusion_counts, cpu_name
from core.cnn.efficientnet_lite import EfficientNetLite, load_pretrained
from core.pipeline.models import MODELS
from core.serve.card import wilson_ci
from core.serve.recipes import Photo

# Under `python -m` __name__ is "__main__"; keep the logger inside the "core" hierarchy.
log = logging.getLogger("core.pipeline.transfer" if __name__ == "__main__" else __name__)

RECORD = MODELS["pets"]  # title, classes, recipe: core.pipeline.models
CLASSES = RECORD.classes
ARCH = "efficientnet_lite0"
TAP_BLOCK = 15  # cache the input of blocks[15] (the last MBConv) so it can be fine-tuned cheaply


@dataclass
class TransferConfig:
    """Everything that decides the result; saved as ``config.json`` beside ``final.pt``."""

    data_dir: str | None = None
    out: str = "runs/pets"
    image_size: int = 224               # photos (180×180) are resized to the Lite0 input size
    batch_size: int = 32                # ONNX Runtime batch for feature extraction
    shard_size: int = 1024              # photos per cache file (extraction resumes per shard)
    threads: int = 0                    # ONNX Runtime / torch threads; 0 = os.cpu_count()
    val_fraction: float = 0.1           # of the training photos, for choosing hyper-parameters
    l2_grid: tuple[float, ...] = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
    finetune_epochs: int = 3
    finetune_lr: float = 3e-4
    finetune_weight_decay: float = 1e-2
    finetune_batch_size: int = 128
    tta: bool = True                    # flip test-time augmentation, if it wins on validation
    seed: int = 0
    limit: int | None = None            # use only the first N photos of each side (smoke tests)
    command: str = field(default_factory=lambda: " ".join(["python", "-m", "core.pipeline.transfer", *sys.argv[1:]]))


def photo_preprocess(size: int = 224) -> dict:
    """The card's "photo" recipe for the Lite weights (the record's) at input ``size``: shorter side →
    ``size``, centre crop, (x·255−127)/128."""
    return dataclasses.replace(RECORD.recipe, resize=size, crop=size).to_card()


def load_photos(files: Sequence[str | os.PathLike], spec: dict) -> np.ndarray:
    """Decode and preprocess photos with the card's own recipe → float32 ``(N, 3, crop, crop)``.

    The recipe's ``apply`` is what the demo runs, so training and serving see the same pixels.
    """
    recipe = Photo.parse(spec)                                         # parsed once for all files
    return np.concatenate([recipe.apply(f)[0] for f in files])         # (N, 3, crop, crop)


class TrunkTaps(nn.Module):
    """The frozen trunk with two outputs: the input of ``blocks[tap]`` and the pooled features.

    ``(N, 3, 224, 224) → ((N, 192, 7, 7), (N, 1280))``
    """

    def __init__(self, net: EfficientNetLite, tap: int = TAP_BLOCK):
        super().__init__()
        self.net, self.tap = net, tap

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        t = self.net.blocks[: self.tap](self.net.stem(x))
        y = self.net.head(self.net.blocks[self.tap:](t))
        return t, torch.flatten(self.net.pool(y), 1)


class Tail(nn.Module):
    """What is fine-tuned: ``blocks[tap:]`` → head conv → pool → classifier, sharing ``net``'s modules."""

    def __init__(self, net: EfficientNetLite, tap: int = TAP_BLOCK):
        super().__init__()
        self.net, self.tap = net, tap

    def forward(self, t: torch.Tensor) -> torch.Tensor:
        y = self.net.head(self.net.blocks[self.tap:](t))              # (N, 1280, 7, 7)
        return self.net.classifier(torch.flatten(self.net.pool(y), 1))  # (N, 2)


def _files_key(files: Sequence[Path], extra: str) -> str:
    h = hashlib.sha256(extra.encode())
    for f in files:
        h.update(str(f).encode())
    return h.hexdigest()[:16]


def extract_features(files: Sequence[Path], cache_dir: Path, onnx_path: Path, spec: dict,
                     batch_size: int = 32, shard_size: int = 1024, threads: int = 0, flip: bool = False
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Run the trunk over ``files`` with ONNX Runtime, cached in shards; returns ``(taps, features)``.

    ``taps``: float32 ``(N, 192, 7, 7)``; ``features``: float32 ``(N, 1280)``. ``flip=True`` runs the
    mirror images instead. A shard already on disk is not recomputed, so an interrupted extraction resumes.
    """
    from core.serve.infer import create_session

    cache_dir.mkdir(parents=True, exist_ok=True)
    sess = None
    taps, feats = [], []
    n_shards = (len(files) + shard_size - 1) // shard_size
    t0, n_new = time.perf_counter(), 0
    for s in range(n_shards):
        path = cache_dir / f"shard_{s:04d}.npz"
        chunk = files[s * shard_size:(s + 1) * shard_size]
        if not path.exists():
            if sess is None:
                sess = create_session(onnx_path, ["CPUExecutionProvider"], threads or os.cpu_count())
            parts_t, parts_f = [], []
            for b in range(0, len(chunk), batch_size):
                x = load_photos(chunk[b:b + batch_size], spec)               # (B, 3, 224, 224)
                if flip:
                    x = np.ascontiguousarray(x[..., ::-1])                   # mirror the W axis
                t, f = sess.run(["tap", "features"], {"input": x})
                parts_t.append(t)
                parts_f.append(f)
            atomic_write(path, lambda tmp: np.savez(tmp, tap=np.concatenate(parts_t),  # noqa: B023
                                                    features=np.concatenate(parts_f)))  # noqa: B023
            n_new += len(chunk)
            log.info("features: shard %d/%d done, %.1f ms/photo", s + 1, n_shards,
                     1000 * (time.perf_counter() - t0) / n_new)
        with np.load(path) as z:
            taps.append(z["tap"])
            feats.append(z["features"])
    return np.concatenate(taps), np.concatenate(feats)


def fit_linear_head(x: np.ndarray, y: np.ndarray, l2: float, n_classes: int = 2, max_iter: int = 500
                 ) -> tuple[np.ndarray, np.ndarray]:
    """The linear head: multinomial logistic regression, loss = mean CE + l2·‖W‖², by full-batch L-BFGS
    in float64 (named apart from the lesson's binary ``core.ml.logistic.fit_logistic``, another contract).

    ``x``: ``(N, D)``, ``y``: ``(N,)`` → ``W (K, D)``, ``b (K,)`` (the bias is not penalised).
    """
    xt = torch.from_numpy(np.asarray(x, np.float64))
    yt = torch.from_numpy(np.asarray(y, np.int64))
    w = torch.zeros(n_classes, xt.shape[1], dtype=torch.float64, requires_grad=True)
    b = torch.zeros(n_classes, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], lr=1, max_iter=max_iter, tolerance_grad=1e-9,
                            tolerance_change=1e-12, history_size=20, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = nn.functional.cross_entropy(xt @ w.T + b, yt) + l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach().numpy(), b.detach().numpy()


def accuracy(logits: np.ndarray, y: np.ndarray) -> float:
    return float((logits.argmax(1) == y).mean())


def _tail_logits(tail: Tail, taps: np.ndarray, taps_flip: np.ndarray | None = None, batch: int = 256
                 ) -> np.ndarray:
    """Logits ``(N, K)`` from cached taps; with ``taps_flip`` the average with the mirror images (TTA)."""
    tail.eval()
    with torch.no_grad():
        out = torch.cat([tail(torch.from_numpy(taps[i:i + batch])) for i in range(0, len(taps), batch)])
        if taps_flip is not None:
            out = (out + torch.cat([tail(torch.from_numpy(taps_flip[i:i + batch]))
                                    for i in range(0, len(taps_flip), batch)])) / 2
    return out.numpy()


def _with_head(net: EfficientNetLite, w: np.ndarray, b: np.ndarray) -> EfficientNetLite:
    """Put a fitted logistic head ``W (K, 1280)``, ``b (K,)`` into ``net.classifier``."""
    with torch.no_grad():
        net.classifier.weight.copy_(torch.from_numpy(w))
        net.classifier.bias.copy_(torch.from_numpy(b))
    return net


def finetune_tail(net: EfficientNetLite, taps: np.ndarray, y: np.ndarray, cfg: TransferConfig,
                  val: tuple[np.ndarray, np.ndarray] | None = None, val_flip: np.ndarray | None = None
                  ) -> dict[str, list]:
    """Fine-tune ``blocks[TAP_BLOCK:]``, the head conv and the classifier on cached taps, in place.

    BatchNorm layers stay in eval mode (frozen ImageNet statistics). Returns the per-epoch history:
    training loss, validation accuracy and, given ``val_flip`` (taps of the mirrored validation photos),
    validation accuracy with flip TTA.
    """
    tail = Tail(net)
    params = [p for m in (net.blocks[TAP_BLOCK:], net.head, net.classifier) for p in m.parameters()]
    opt = torch.optim.AdamW(params, lr=cfg.finetune_lr, weight_decay=cfg.finetune_weight_decay)
    steps = cfg.finetune_epochs * ((len(taps) + cfg.finetune_batch_size - 1) // cfg.finetune_batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, cfg.finetune_lr, total_steps=max(1, steps),
                                                pct_start=0.1)
    gen = torch.Generator().manual_seed(cfg.seed)
    hist: dict[str, list] = {"epoch": [], "train_loss": [], "val_acc": [], "val_acc_tta": []}
    yt = torch.from_numpy(y)
    for epoch in range(1, cfg.finetune_epochs + 1):
        tail.eval()          # BN frozen: running stats untouched
        net.dropout.train()  # but dropout before the classifier active
        order = torch.randperm(len(taps), generator=gen)
        total, t0 = 0.0, time.perf_counter()
        for i in range(0, len(taps), cfg.finetune_batch_size):
            idx = order[i:i + cfg.finetune_batch_size]
            xb = torch.from_numpy(taps[idx.numpy()])                       # (B, 192, 7, 7)
            loss = nn.functional.cross_entropy(tail(xb), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        net.eval()
        va = accuracy(_tail_logits(tail, val[0]), val[1]) if val is not None else None
        va_tta = accuracy(_tail_logits(tail, val[0], val_flip), val[1]) \
            if val is not None and val_flip is not None else None
        hist["epoch"].append(epoch)
        hist["train_loss"].append(total / len(taps))
        hist["val_acc"].append(va)
        hist["val_acc_tta"].append(va_tta)
        log.info("fine-tune epoch %d: loss %.4f, val acc %s, with flip TTA %s (%.0f s)", epoch,
                 total / len(taps), va, va_tta, time.perf_counter() - t0)
    return hist


def run(cfg: TransferConfig) -> dict:
    """The whole recipe (module docstring); writes ``final.pt``, ``metrics.json``, ``config.json``."""
    from core.pipeline.data import pets_split
    from core.pipeline.export import export_model

    t_start = time.perf_counter()
    threads = cfg.threads or os.cpu_count() or 1
    torch.set_num_threads(threads)
    torch.manual_seed(cfg.seed)
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.json").write_text(json.dumps(asdict(cfg), indent=2))

    split = pets_split(cfg.data_dir, test_fraction=0.1, seed=0)
    log.info("PetImages split: %d train, %d held-out, %d undecodable skipped",
             len(split.train_files), len(split.test_files), split.skipped)
    train_files, y_train = split.train_files, split.train_labels
    test_files, y_test = split.test_files, split.test_labels
    if cfg.limit:
        train_files, y_train = train_files[:cfg.limit], y_train[:cfg.limit]
        test_files, y_test = test_files[:cfg.limit], y_test[:cfg.limit]

    net = load_pretrained(cnn.build(ARCH, num_classes=len(CLASSES)), classifier=False).eval()
    spec = photo_preprocess(cfg.image_size)
    trunk_path = out / "trunk.onnx"
    if not trunk_path.exists():
        export_model(TrunkTaps(net), torch.zeros(2, 3, cfg.image_size, cfg.image_size), trunk_path,
                     output_names=("tap", "features"))
    key = _files_key(train_files + test_files, f"{cfg.image_size}:{TAP_BLOCK}")
    t_feat = time.perf_counter()
    cache = out / "cache" / key

    def extract(files, part, flip=False):
        return extract_features(files, cache / (part + ("_flip" if flip else "")), trunk_path, spec,
                                cfg.batch_size, cfg.shard_size, threads, flip=flip)

    tap_tr, f_tr = extract(train_files, "train")
    tap_te, f_te = extract(test_files, "test")

    # Validation slice of the training photos (seeded permutation) to choose every option below.
    rng = np.random.default_rng(cfg.seed)
    perm = rng.permutation(len(f_tr))
    n_val = max(1, int(round(cfg.val_fraction * len(f_tr))))
    va, tr = perm[:n_val], perm[n_val:]
    if cfg.tta:
        # Mirror images of the validation slice (to decide) and of the held-out photos (to apply).
        val_part = f"val_seed{cfg.seed}_{cfg.val_fraction:g}"
        tap_vaf, f_vaf = extract([train_files[i] for i in va], val_part, flip=True)
        tap_tef, _ = extract(test_files, "test", flip=True)
    feat_s = time.perf_counter() - t_feat

    def head_val_acc(w, b, tta):
        logits = f_tr[va] @ w.T + b
        if tta:
            logits = (logits + f_vaf @ w.T + b) / 2
        return accuracy(logits, y_train[va])

    # Candidates scored on validation: (score, simplicity) – ties go to the simpler option.
    scores: dict[float, float] = {}
    for l2 in cfg.l2_grid:
        w, b = fit_linear_head(f_tr[tr], y_train[tr], l2)
        scores[l2] = head_val_acc(w, b, tta=False)
        log.info("linear head l2=%g: val acc %.4f", l2, scores[l2])
    l2 = max(cfg.l2_grid, key=lambda k: (scores[k], k))  # ties → stronger regularisation
    w0, b0 = fit_linear_head(f_tr[tr], y_train[tr], l2)
    candidates = {("linear", False): (head_val_acc(w0, b0, False), 3)}
    if cfg.tta:
        candidates[("linear", True)] = (head_val_acc(w0, b0, True), 2)
    history: dict[str, list] = {"epoch": [0], "train_loss": [None],
                                "val_acc": [candidates[("linear", False)][0]],
                                "val_acc_tta": [candidates.get(("linear", True), (None,))[0]]}
    if cfg.finetune_epochs > 0:
        # Fine-tune a copy from the head fitted without the validation slice, so its validation score
        # is comparable with the linear head's.
        cand = _with_head(load_pretrained(cnn.build(ARCH, num_classes=len(CLASSES)), classifier=False), w0, b0)
        hist = finetune_tail(cand, tap_tr[tr], y_train[tr], cfg, val=(tap_tr[va], y_train[va]),
                             val_flip=tap_vaf if cfg.tta else None)
        candidates[("finetune", False)] = (hist["val_acc"][-1], 1)
        if cfg.tta:
            candidates[("finetune", True)] = (hist["val_acc_tta"][-1], 0)
        for k in history:
            history[k] += hist[k]
    (kind, tta), (best_val, _) = max(candidates.items(), key=lambda kv: kv[1])
    log.info("validation: %s → %s%s (%.4f)",
             {f"{k}{'+tta' if t else ''}": round(v[0], 4) for (k, t), v in candidates.items()},
             kind, " + flip TTA" if tta else "", best_val)

    # Refit the chosen recipe on all training photos.
    w, b = fit_linear_head(f_tr, y_train, l2)
    net = _with_head(load_pretrained(cnn.build(ARCH, num_classes=len(CLASSES), flip_tta=tta),
                                     classifier=False), w, b)
    if kind == "finetune":
        finetune_tail(net, tap_tr, y_train, cfg)
    method = (f"EfficientNet-Lite0 ImageNet trunk frozen, logistic head (L2 {l2:g})"
              + (f", then last MBConv block + head conv fine-tuned {cfg.finetune_epochs} epochs on cached "
                 "features (BatchNorm frozen)" if kind == "finetune" else "")
              + (", flip test-time augmentation (logits averaged with the mirror image)" if tta else "")
              + f"; options chosen on a {cfg.val_fraction:.0%} validation slice of the training photos "
              f"(val acc {best_val:.4f})")
    net.eval()

    # The held-out photos, once: logits of the full network given the trunk's (ONNX Runtime) taps.
    logits = _tail_logits(Tail(net), tap_te, tap_tef if tta else None)
    pred = logits.argmax(1)
    k = int((pred == y_test).sum())
    n = len(y_test)
    test = {"split": "PetImages held-out (core.pipeline.data.pets_split(root, test_fraction=0.1, seed=0))",
            "n": n, "accuracy": k / n, "ci95": list(wilson_ci(k, n)),
            "confusion_matrix": confusion_counts(y_test, pred, len(CLASSES)).tolist()}
    log.info("held-out accuracy %.4f (%d/%d), 95%% CI [%.4f, %.4f]", k / n, k, n, *test["ci95"])
    wall = time.perf_counter() - t_start
    ckpt = {
        "arch": ARCH, "arch_kwargs": {"num_classes": len(CLASSES), "flip_tta": tta},
        "state_dict": net.state_dict(), "classes": list(CLASSES), "task": "pet", "preprocess": spec,
        "metrics": {"test": test},
        "history": history,
        "data": {"train_n": len(train_files), "test_n": n, "skipped": split.skipped},
        "training": {"device": "cpu", "hardware": f"{threads}-core CPU ({cpu_name()})",
                     "wall_time_s": round(wall, 1), "feature_extraction_s": round(feat_s, 1),
                     "epochs": cfg.finetune_epochs if kind == "finetune" else 0, "seed": cfg.seed, "command": cfg.command,
                     "date": dt.date.today().isoformat(), "torch": str(torch.__version__),
                     "method": method},
    }
    atomic_write(out / "final.pt", lambda tmp: torch.save(ckpt, tmp))
    (out / "metrics.json").write_text(json.dumps({"test": test, "history": history,
                                                  "training": ckpt["training"]}, indent=2))
    return ckpt


def _log_to_stderr() -> None:
    """INFO from this project only (the ONNX optimiser logs every folded initializer at INFO)."""
    core_log = logging.getLogger("core")
    if not core_log.handlers:
        h = logging.StreamHandler()
        h.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        core_log.addHandler(h)
    core_log.setLevel(logging.INFO)


def build_parser() -> argparse.ArgumentParser:
    d = TransferConfig()
    p = argparse.ArgumentParser(prog="python -m core.pipeline.transfer", description=__doc__.splitlines()[0])
    p.add_argument("--data-dir", default=None, help="folder containing PetImages/ (else $DL_DATA_DIR)")
    p.add_argument("--out", default=d.out)
    p.add_argument("--batch-size", type=int, default=d.batch_size)
    p.add_argument("--threads", type=int, default=d.threads)
    p.add_argument("--finetune-epochs", type=int, default=d.finetune_epochs)
    p.add_argument("--finetune-lr", type=float, default=d.finetune_lr)
    p.add_argument("--no-tta", dest="tta", action="store_false",
                   help="never use flip test-time augmentation (skips the mirror-image features)")
    p.add_argument("--seed", type=int, default=d.seed)
    p.add_argument("--limit", type=int, default=None, help="first N photos per side (smoke test)")
    return p


def main(argv: Sequence[str] | None = None) -> dict:
    args = build_parser().parse_args(argv)
    _log_to_stderr()
    cfg = TransferConfig(data_dir=args.data_dir, out=args.out, batch_size=args.batch_size,
                         threads=args.threads, finetune_epochs=args.finetune_epochs,
                         finetune_lr=args.finetune_lr, tta=args.tta, seed=args.seed, limit=args.limit,
                         command=" ".join(["python", "-m", "core.pipeline.transfer",
                                           *(sys.argv[1:] if argv is None else argv)]))
    return run(cfg)


if __name__ == "__main__":
    main()
