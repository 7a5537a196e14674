"""Evaluation and training curves: loss, accuracy with its Wilson interval, confusion matrix, a PNG.

Lecture section: "CNN 실습" — measuring a trained network on held-out data. Used by the trainer and
by the live mini-training (:mod:`core.pipeline.mini_train`).
"""
from __future__ import annotations

import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from core._common import confusion_counts
from core.serve.card import wilson_ci


@torch.no_grad()
def evaluate(model: nn.Module, x: torch.Tensor, y: torch.Tensor, transform, device: torch.device,
             num_classes: int, batch_size: int = 500, amp: bool = False,
             channels_last: bool = False) -> dict:
    """Loss, accuracy, Wilson 95 % CI and confusion matrix (rows = true class) on uint8 ``x``."""
    model.eval()
    preds, loss_sum = [], 0.0
    for i in range(0, len(x), batch_size):
        xb = transform(x[i:i + batch_size].to(device, non_blocking=True))
        if channels_last:
            xb = xb.contiguous(memory_format=torch.channels_last)
        yb = y[i:i + batch_size].to(device, non_blocking=True)
        with torch.autocast(device.type, enabled=amp):
            logits = model(xb)
        loss_sum += F.cross_entropy(logits.float(), yb, reduction="sum").item()
        preds.append(logits.argmax(1).cpu())
    pred = torch.cat(preds).numpy()
    true = y.numpy()
    n, correct = len(true), int((pred == true).sum())
    cm = confusion_counts(true, pred, num_classes)
    return {"n": n, "loss": loss_sum / n, "accuracy": correct / n, "correct": correct,
            "ci95": list(wilson_ci(correct, n)), "confusion_matrix": cm.tolist()}


def _scale(value: float, lo: float, hi: float, px_lo: float, px_hi: float) -> float:
    """Map ``value`` in [lo, hi] linearly onto pixels [px_lo, px_hi]."""
    return px_lo + (value - lo) / (hi - lo) * (px_hi - px_lo)


def plot_curves(history: dict, path: str | os.PathLike, title: str = "") -> None:
    """Loss and accuracy per epoch as a PNG, drawn with PIL (matplotlib is not a dependency)."""
    from PIL import Image, ImageDraw

    w, h, pad = 900, 380, 50
    img = Image.new("RGB", (w, h), "white")
    d = ImageDraw.Draw(img)
    d.text((pad, 8), title, fill="black")
    epochs = history["epoch"]
    panels = [("loss", [("train_loss", (31, 119, 180)), ("test_loss", (214, 39, 40))]),
              ("accuracy", [("train_acc", (31, 119, 180)), ("test_acc", (214, 39, 40))])]
    pw = (w - 3 * pad) // 2
    for k, (name, series) in enumerate(panels):
        x0, y0, x1, y1 = pad + k * (pw + pad), 40, pad + k * (pw + pad) + pw, h - pad
        d.rectangle((x0, y0, x1, y1), outline="black")
        vals = [v for key, _ in series for v in history.get(key, []) if v is not None]
        if not vals or not epochs:
            continue
        lo, hi = min(vals), max(vals)
        hi = hi if hi > lo else lo + 1e-6
        e_lo, e_hi = min(epochs), max(max(epochs), min(epochs) + 1)
        for frac in (0.0, 0.5, 1.0):  # three y tick labels: min, middle, max
            v = lo + frac * (hi - lo)
            d.text((x0 + 3, _scale(v, lo, hi, y1, y0) - 12 * (frac == 1.0) - 1), f"{v:.4g}", fill="gray")
        d.text((x0, y1 + 5), f"epoch {e_lo}", fill="gray")
        d.text((x1 - 60, y1 + 5), f"epoch {max(epochs)}", fill="gray")
        for i, (key, color) in enumerate(series):
            pts = [(_scale(e, e_lo, e_hi, x0, x1), _scale(v, lo, hi, y1, y0))
                   for e, v in zip(epochs, history.get(key, []), strict=False) if v is not None]
            if len(pts) > 1:
                d.line(pts, fill=color, width=2)
            for px, py in pts:
                d.ellipse((px - 3, py - 3, px + 3, py + 3), fill=color)
            d.text((x0 + 10 + 110 * i, y0 + 5), key, fill=color)
        d.text((x0 + pw // 2 - 20, y1 + 20), name, fill="black")
    img.save(path)


