"""Occlusion saliency: where did the CNN look? (Zeiler & Fergus, 2014)

Lecture section: "CNN 시각화 · ZFNet과 occlusion 실험". Slide a grey patch over the image and watch
the probability of the predicted class: where covering the image hurts the prediction most, the
network was looking. Needs only forward passes, so it runs on the exported ONNX model (no torch,
no gradients): all occluded copies go through ONNX Runtime as one batch.
"""
from __future__ import annotations

import numpy as np
from PIL import Image


def _starts(n: int, patch: int, stride: int) -> np.ndarray:
    """Patch start offsets along one axis; the last patch is flush with the border."""
    starts = np.arange(0, max(n - patch, 0) + 1, stride)
    return np.unique(np.append(starts, max(n - patch, 0)))


def grid_patches(side: int, n: int) -> tuple[int, int]:
    """(patch, stride) for ``n`` overlapping patches per axis that tile ``side`` exactly.

    stride = side // (n + 1) and the patch covers the rest, so neighbours overlap by about half
    a patch: n = 5 at 224 px gives patch 76, stride 37 (25 forward passes).
    """
    if n < 1 or side < n + 1:
        raise ValueError(f"need 1 <= n < side, got n={n}, side={side}")
    stride = side // (n + 1)
    return side - (n - 1) * stride, stride


def occlusion(model, x: np.ndarray, patch: int | None = None, stride: int | None = None,
              target: int | None = None, fill: float = 0.0, max_batch: int = 64,
              max_positions: int = 4096, grid: int | None = None) -> np.ndarray:
    """Occlusion heatmap (H, W) in [0, 1] for one input ``x`` (1, C, H, W).

    ``patch``/``stride`` default to H/4 and H/8 (7 × 7 = 49 copies at 224 px); ``grid=n`` picks
    them for n × n overlapping patches instead (:func:`grid_patches`). ``fill`` is the
    value written into the covered square; 0 in normalised space is the data set's mean colour, so
    the patch removes information without adding an edge of its own. ``target`` defaults to the
    predicted class. ``model`` is a :class:`core.serve.infer.Model` (anything with ``predict``).
    Pixel value = mean drop of the target probability over the patches covering that pixel,
    negative drops clipped, scaled so the maximum is 1 (all zeros if nothing mattered).
    """
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 4 or x.shape[0] != 1:
        raise ValueError(f"occlusion expects one input of shape (1, C, H, W), got {x.shape}")
    _, _, h, w = x.shape
    if grid is not None:
        patch, stride = grid_patches(min(h, w), grid)
    patch = patch or max(1, h // 4)
    stride = stride or max(1, patch // 2)
    if not 1 <= patch <= min(h, w) or stride < 1:
        raise ValueError(f"need 1 <= patch <= {min(h, w)} and stride >= 1, got patch={patch}, stride={stride}")

    p0 = model.predict(x)[0]  # (K,)
    target = int(np.argmax(p0)) if target is None else int(target)
    ys, xs = _starts(h, patch, stride), _starts(w, patch, stride)
    oy, ox = (a.ravel() for a in np.meshgrid(ys, xs, indexing="ij"))  # (P,) patch corners
    rows, cols = np.arange(h), np.arange(w)
    in_y = (rows[None] >= oy[:, None]) & (rows[None] < oy[:, None] + patch)  # (P, H)
    in_x = (cols[None] >= ox[:, None]) & (cols[None] < ox[:, None] + patch)  # (P, W)

    if len(oy) > max_positions:
        raise ValueError(f"{len(oy)} occlusion positions (patch={patch}, stride={stride}) exceed "
                         f"max_positions={max_positions}; use a larger stride")
    masks = in_y[:, :, None] & in_x[:, None, :]  # (P, H, W)
    # Occluded copies are built one batch at a time: memory stays at max_batch inputs.
    probs = np.concatenate([
        model.predict(np.where(masks[i:i + max_batch, None], np.float32(fill), x))[:, target]
        for i in range(0, len(masks), max_batch)])  # (P,)
    drop = np.clip(p0[target] - probs, 0.0, None)

    cover = masks.sum(axis=0)  # (H, W) how many patches cover each pixel
    heat = np.tensordot(drop, masks, axes=1) / np.maximum(cover, 1)  # (H, W)
    peak = heat.max()
    return heat / peak if peak > 0 else heat


def cam_heatmap(cam: np.ndarray) -> np.ndarray:
    """A class activation map ``(h, w)`` (Zhou et al., 2016) scaled to [0, 1] for drawing: negative
    evidence clipped (it argues *against* the class), the maximum mapped to 1 (all zeros if none)."""
    cam = np.asarray(cam, dtype=np.float64)
    if cam.ndim != 2:
        raise ValueError(f"cam must be a 2-D map (h, w), got shape {cam.shape}")
    pos = np.clip(cam, 0.0, None)
    peak = pos.max()
    return pos / peak if peak > 0 else pos


METHODS = ("cam", "occlusion")


def explain(model, result, method: str = "auto", grid: int = 5, alpha: float = 0.5) -> Image.Image:
    """Where the model looked for one :class:`core.serve.infer.Prediction`, as an overlay on the
    picture the network saw, target = the predicted class.

    ``"cam"``: the class activation map the graph computed in the same forward pass (free; only for
    models whose card lists a ``cam`` output) — upsampled bilinearly by :func:`overlay`.
    ``"occlusion"``: the lecture's ZFNet experiment, ``n × n`` overlapping grey patches (``grid``),
    ``n² + 1`` forward passes. ``"auto"``: CAM where the model has it, else occlusion.
    """
    if method == "auto":
        method = "cam" if result.cam is not None else "occlusion"
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS} or 'auto', got {method!r}")
    if method == "cam":
        if result.cam is None:
            raise ValueError(f"model {result.model!r} has no 'cam' output; use method='occlusion'")
        heat = cam_heatmap(result.cam)
    else:
        heat = occlusion(model, result.x, grid=grid, target=result.index)
    return overlay(result.preview, heat, alpha=alpha)


def jet(v: np.ndarray) -> np.ndarray:
    """Jet-like colour map: values (...) in [0, 1] → RGB (..., 3) in [0, 1] (blue → red)."""
    v = np.clip(v, 0.0, 1.0)[..., None]
    centres = np.array([3.0, 2.0, 1.0])  # where red, green and blue peak on the 4v axis
    return np.clip(1.5 - np.abs(4.0 * v - centres), 0.0, 1.0)


def overlay(image, heatmap: np.ndarray, alpha: float = 0.5) -> Image.Image:
    """Blend a heatmap (h, w) in [0, 1] over ``image`` (PIL or uint8 (H, W, 3)) → RGB PIL image.

    The heatmap is resized bilinearly to the image; hot regions get up to ``alpha`` of jet colour
    and cold regions a third of it, so the photo stays readable.
    """
    if not 0 <= alpha <= 1:
        raise ValueError(f"alpha must be in [0, 1], got {alpha}")
    img = image if isinstance(image, Image.Image) else Image.fromarray(np.asarray(image, np.uint8))
    img = img.convert("RGB")
    hm = np.asarray(Image.fromarray(np.asarray(heatmap, np.float32), mode="F")
                    .resize(img.size, Image.BILINEAR), dtype=np.float64).clip(0, 1)  # (H, W)
    base = np.asarray(img, dtype=np.float64) / 255.0  # (H, W, 3)
    a = alpha * (1 / 3 + 2 / 3 * hm)[..., None]  # (H, W, 1) per-pixel blend weight
    out = (1 - a) * base + a * jet(hm)
    return Image.fromarray(np.round(out * 255).astype(np.uint8), mode="RGB")
