"""The dashboard's live mini-training (page 16): a few seconds of MNIST training in the page's process.

Lecture section: "CNN 실습" — watch the loss fall. Deliberately apart from :mod:`core.pipeline.train`
(the distributed, checkpointing trainer): the dashboard imports only this module, the task's
transforms and the evaluation.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import torch
import torch.nn.functional as F

from core import cnn
from core.pipeline.evaluate import evaluate
from core.pipeline.tasks import digit_eval, digit_train


def mini_train(images, labels, epochs: int = 1, batch_size: int = 64, lr: float = 1e-3, seed: int = 0,
               arch: str = "mnist_net", test_images=None, test_labels=None,
               augment: bool = False) -> Iterator[dict]:
    """Live mini-training for the dashboard: yields ``{step, total_steps, epoch, loss, acc}`` per step,
    then ``{"done": True, "test_acc": …, "model": …}`` (``test_acc`` is None without test data).

    ``images``: uint8 ``(N, 28, 28)`` or ``(N, 1, 28, 28)`` MNIST-style digits; ``labels (N,)``.
    CPU, float32, seeded: the same call gives the same curve.
    """
    x = torch.as_tensor(np.asarray(images))
    y = torch.as_tensor(np.asarray(labels)).long()
    if x.ndim == 3:
        x = x.unsqueeze(1)                                            # (N, 1, H, W)
    if x.ndim != 4 or x.shape[1] != 1 or x.dtype != torch.uint8:
        raise ValueError(f"images must be uint8 (N, 28, 28) or (N, 1, 28, 28), got {tuple(x.shape)} {x.dtype}")
    if len(x) != len(y) or len(x) == 0:
        raise ValueError(f"need as many labels as images (>0), got {len(x)} images and {len(y)} labels")
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"epochs and batch_size must be >= 1, got {epochs} and {batch_size}")
    pad_to = cnn.model_info(arch).input_shape[-1]
    torch.manual_seed(seed)
    model = cnn.build(arch, num_classes=10)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    gen = torch.Generator().manual_seed(seed)
    per_epoch = max(1, len(x) // batch_size)
    total, step = epochs * per_epoch, 0
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(x), generator=gen)
        for b in range(per_epoch):
            idx = perm[b * batch_size:(b + 1) * batch_size]
            xb = digit_train(x[idx], gen, pad_to) if augment else digit_eval(x[idx], pad_to)
            logits = model(xb)
            loss = F.cross_entropy(logits, y[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            step += 1
            yield {"step": step, "total_steps": total, "epoch": epoch + 1, "loss": loss.item(),
                   "acc": (logits.argmax(1) == y[idx]).float().mean().item()}
    test_acc = None
    if test_images is not None and test_labels is not None:
        tx = torch.as_tensor(np.asarray(test_images))
        tx = tx.unsqueeze(1) if tx.ndim == 3 else tx
        ev = evaluate(model, tx, torch.as_tensor(np.asarray(test_labels)).long(),
                      lambda t: digit_eval(t, pad_to), torch.device("cpu"), 10)
        test_acc = ev["accuracy"]
    yield {"done": True, "step": step, "total_steps": total, "test_acc": test_acc, "model": model.eval()}


