"""The served digit CNNs opened up: every layer's output for one input, the learned kernels, and one
feature-map cell explained as the convolution sum that produced it.

Lecture sections: "합성곱 연산" (the sliding-window sum, output size) and "유명한 CNN: LeNet-5" — here
the arithmetic of page 14 runs on the *trained* network that the demo serves.

Everything is read from the committed files (``models/<name>.onnx`` + its card): the ONNX graph is
loaded with the ``onnx`` package, every node's output is added to the graph's outputs, and ONNX
Runtime runs it once (CPU). No torch, no training: the weights are the graph's initializers (for the
modern ``mnist`` net the exporter folded each batch norm into the convolution before it, so the
kernels shown are exactly the numbers that run). Preprocessing is the card's, via
:func:`core.serve.preprocess.prepare`, the same call as :func:`core.serve.infer.predict_image`.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

from core.serve.card import sha256_file
from core.serve.preprocess import prepare

CPU = "CPUExecutionProvider"
SPATIAL_OPS = ("Conv", "MaxPool", "AveragePool")  # ops that move a window over the map


@dataclass(frozen=True)
class Node:
    """One node of the served graph: op type, its data input and output name, window attributes."""

    index: int
    op: str
    input: str           # the data input (first input); "input" for the first layer
    output: str
    kernel: tuple[int, int] = (1, 1)
    stride: tuple[int, int] = (1, 1)
    pads: tuple[int, int, int, int] = (0, 0, 0, 0)  # top, left, bottom, right
    weight: str | None = None  # initializer names of a Conv / Gemm
    bias: str | None = None


@dataclass
class LayerRun:
    """The outputs of every node for one input. ``values[name]`` drops the batch axis:
    (C, H, W) for a feature map, (D,) for a vector; ``values["input"]`` is the model input."""

    x: np.ndarray                       # (1, C, H, W) float32 model input
    preview: np.ndarray | None          # (size, size) uint8 digit as the network sees it
    values: dict[str, np.ndarray]
    logits: np.ndarray                  # (C,) float32
    probs: np.ndarray                   # (C,) float64 softmax
    ms: dict[str, float] = field(default_factory=dict)  # preprocess, run


def softmax(z: np.ndarray) -> np.ndarray:
    """Row softmax in float64, written as :meth:`core.serve.infer.Model.predict` does it."""
    z = np.asarray(z, dtype=np.float64)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def _attr(node: onnx.NodeProto, name: str, default):
    for a in node.attribute:
        if a.name == name:
            return onnx.helper.get_attribute_value(a)
    return default


class LayerExplainer:
    """A served digit model, run node by node. Build with :func:`open_model`."""

    def __init__(self, card: Mapping[str, Any], model: onnx.ModelProto):
        self.card = dict(card)
        self.weights: dict[str, np.ndarray] = {i.name: numpy_helper.to_array(i)
                                               for i in model.graph.initializer}
        self.input_name = model.graph.input[0].name
        self.output_name = model.graph.output[0].name
        self.nodes: list[Node] = []
        for i, n in enumerate(model.graph.node):
            data_inputs = [s for s in n.input if s not in self.weights]
            k = tuple(_attr(n, "kernel_shape", (1, 1)))
            if n.op_type == "Conv" and k == (1, 1) and n.input[1] in self.weights:
                k = tuple(self.weights[n.input[1]].shape[2:])
            self.nodes.append(Node(
                index=i, op=n.op_type, input=data_inputs[0] if data_inputs else n.input[0],
                output=n.output[0], kernel=k, stride=tuple(_attr(n, "strides", (1, 1))),
                pads=tuple(_attr(n, "pads", (0, 0, 0, 0))),
                weight=n.input[1] if n.op_type in ("Conv", "Gemm") else None,
                bias=n.input[2] if n.op_type in ("Conv", "Gemm") and len(n.input) > 2 else None))
        self._by_output = {n.output: n for n in self.nodes}
        # Every node output becomes a graph output; ONNX Runtime then returns them all in one run.
        known = {o.name for o in model.graph.output}
        extra = [onnx.helper.make_empty_tensor_value_info(n.output) for n in self.nodes
                 if n.output not in known]
        model = onnx.ModelProto.FromString(model.SerializeToString())  # never edit the caller's copy
        model.graph.output.extend(extra)
        so = ort.SessionOptions()
        so.log_severity_level = 3
        so.intra_op_num_threads = 1  # tiny nets: threads cost more than they save
        self.session = ort.InferenceSession(model.SerializeToString(), so, providers=[CPU])
        self.output_names = [o.name for o in self.session.get_outputs()]
        dims = model.graph.input[0].type.tensor_type.shape.dim
        self.input_hw = (dims[2].dim_value, dims[3].dim_value)  # (H, W) of the model input

    # ------------------------------------------------------------------ running
    @property
    def name(self) -> str:
        return self.card["name"]

    def run_input(self, x: np.ndarray, preview: np.ndarray | None = None) -> LayerRun:
        """All node outputs for one preprocessed input ``x`` (1, C, H, W)."""
        x = np.ascontiguousarray(x, dtype=np.float32)
        t0 = time.perf_counter()
        outs = self.session.run(self.output_names, {self.input_name: x})
        ms = 1000 * (time.perf_counter() - t0)
        values = {"input": x[0]} | {name: v[0] for name, v in zip(self.output_names, outs, strict=True)}
        logits = values[self.output_name]
        return LayerRun(x=x, preview=preview, values=values, logits=logits, probs=softmax(logits),
                        ms={"run": ms})

    def run(self, image: Any) -> LayerRun:
        """Preprocess ``image`` (path, bytes, PIL image, array, sketch dict) per the card, then
        :meth:`run_input`. Raises :class:`core.serve.preprocess.PreprocessError` like the demo."""
        t0 = time.perf_counter()
        x, preview = prepare(image, self.card)
        pre = 1000 * (time.perf_counter() - t0)
        out = self.run_input(x, preview)
        out.ms["preprocess"] = pre
        return out

    # ------------------------------------------------------------------ structure
    def node(self, output: str) -> Node:
        return self._by_output[output]

    def maps(self) -> list[Node]:
        """Nodes whose output is a feature map (C, H, W), in graph order (a run decides the rank,
        so this uses the ops: everything before the first Reshape/ReduceMean/Gemm/Flatten)."""
        out = []
        for n in self.nodes:
            if n.op in ("Reshape", "Flatten", "ReduceMean", "GlobalAveragePool", "Gemm"):
                break
            out.append(n)
        return out

    def convs(self) -> list[Node]:
        return [n for n in self.maps() if n.op == "Conv"]

    def first_kernels(self) -> np.ndarray:
        """The first convolution's learned kernels, (F, C_in, k, k)."""
        return self.weights[self.convs()[0].weight]

    def flatten_node(self) -> Node | None:
        """The node that turns the last feature map into a vector (Reshape/Flatten)."""
        return next((n for n in self.nodes if n.op in ("Reshape", "Flatten")), None)

    def receptive_field(self, output: str, row: int, col: int) -> tuple[int, int, int, int]:
        """Rows ``[r0, r1)`` and columns ``[c0, c1)`` of the model input that cell (row, col) of
        node ``output`` depends on, walking back through every window op (k, s, p): an output
        range [a, b] comes from [a·s − p, b·s − p + k − 1] of the op's input; clipped to the input."""
        r0 = r1 = row
        c0 = c1 = col
        name = output
        while name != self.input_name:
            n = self._by_output[name]
            if n.op in SPATIAL_OPS:
                (kh, kw), (sh, sw), (pt, pl, _, _) = n.kernel, n.stride, n.pads
                r0, r1 = r0 * sh - pt, r1 * sh - pt + kh - 1
                c0, c1 = c0 * sw - pl, c1 * sw - pl + kw - 1
            elif n.op not in ("Relu", "Tanh", "Sigmoid", "BatchNormalization", "Identity"):
                raise ValueError(f"{output}: a {n.op} node mixes all positions; no local receptive field")
            name = n.input
        h, w = self.input_hw
        return max(r0, 0), min(r1 + 1, h), max(c0, 0), min(c1 + 1, w)

    def conv_cell(self, run: LayerRun, output: str, channel: int, row: int, col: int) -> dict:
        """Cell (channel, row, col) of Conv node ``output`` as the sum page 14 computes:

        ``value = Σ_c Σ_u Σ_v X_pad[c, row·s + u, col·s + v] · K[channel, c, u, v] + b[channel]``.

        Returns ``patch`` (C_in, k, k) of the zero-padded input, ``kernel`` (C_in, k, k),
        ``products`` (C_in, k, k), ``per_channel`` (C_in,) sums, ``bias``, ``total`` (the sum in
        float64), ``value`` (what ONNX Runtime computed), ``window`` (top, left) in the padded input,
        ``input`` (the name of the map it reads) and ``field`` (the receptive field on the model input).
        """
        n = self._by_output[output]
        if n.op != "Conv":
            raise ValueError(f"{output} is a {n.op}, not a convolution")
        x = run.values["input" if n.input == self.input_name else n.input].astype(np.float64)  # (C, H, W)
        pt, pl, pb, pr = n.pads
        xp = np.pad(x, ((0, 0), (pt, pb), (pl, pr)))
        (kh, kw), (sh, sw) = n.kernel, n.stride
        top, left = row * sh, col * sw
        patch = xp[:, top:top + kh, left:left + kw]  # (C_in, kh, kw)
        kernel = self.weights[n.weight][channel].astype(np.float64)  # (C_in, kh, kw)
        products = patch * kernel
        bias = float(self.weights[n.bias][channel]) if n.bias else 0.0
        return {"patch": patch, "kernel": kernel, "products": products,
                "per_channel": products.sum(axis=(1, 2)), "bias": bias,
                "total": float(products.sum() + bias), "value": float(run.values[output][channel, row, col]),
                "window": (top, left), "input": n.input, "pads": n.pads,
                "field": self.receptive_field(output, row, col)}


def open_model(card_path: str | os.PathLike) -> LayerExplainer:
    """Read ``models/<name>.json``, check its ONNX file's SHA-256 (as serving does), build the explainer."""
    card_path = Path(card_path)
    card = json.loads(card_path.read_text(encoding="utf-8"))
    onnx_path = card_path.parent / card.get("file", f"{card['name']}.onnx")
    digest = sha256_file(onnx_path)
    if digest != str(card["sha256"]).lower():
        raise ValueError(f"{onnx_path.name} does not match its card (sha256 {digest[:12]}…)")
    return LayerExplainer(card, onnx.load(str(onnx_path)))


# --------------------------------------------------------------------------- pictures
_LEVELS = 255  # colour steps on each side of 0


def _palette() -> np.ndarray:
    """(2·_LEVELS + 1, 3) uint8: blue (−1) → white (0) → red (+1), linear in RGB."""
    t = np.linspace(-1.0, 1.0, 2 * _LEVELS + 1)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    red, blue = np.array([178.0, 24.0, 43.0]), np.array([33.0, 102.0, 172.0])
    rgb = white + np.clip(t, 0, 1) * (red - white) + np.clip(-t, 0, 1) * (blue - white)
    return rgb.round().astype(np.uint8)


PALETTE = _palette()


def colorize(a: np.ndarray, limit: float | None = None) -> np.ndarray:
    """An array → uint8 RGB (..., 3), diverging: blue < 0 < red, white at 0, ``limit`` = full colour
    (default: the largest |value|). A palette lookup, so a whole layer costs microseconds."""
    a = np.asarray(a, dtype=np.float64)
    m = float(np.abs(a).max()) if limit is None else float(limit)
    t = np.clip(a / m, -1, 1) if m > 0 else np.zeros_like(a)
    return PALETTE[np.rint((t + 1) * _LEVELS).astype(np.intp)]


def tile(maps: np.ndarray, cols: int | None = None, scale: int = 1, gap: int = 1,
         limit: float | None = None) -> np.ndarray:
    """Feature maps (C, H, W) as one uint8 RGB grid image: ``cols`` per row, each map enlarged
    ``scale``× (nearest), ``gap`` px of grey between them, one colour scale for the whole layer
    (``limit``, default the layer's largest |value|) so maps can be compared."""
    maps = np.asarray(maps, dtype=np.float64)
    c, h, w = maps.shape
    cols = cols or int(np.ceil(np.sqrt(c)))
    rows = int(np.ceil(c / cols))
    pics = colorize(maps, limit)  # (C, H, W, 3)
    if scale > 1:
        pics = pics.repeat(scale, axis=1).repeat(scale, axis=2)
    hh, ww = h * scale, w * scale
    # one grey cell per empty slot, a gap below and right of every map, then rows × cols in one reshape
    pics = np.pad(pics, ((0, rows * cols - c), (0, gap), (0, gap), (0, 0)), constant_values=200)
    if rows * cols > c:
        pics[c:] = 200
    grid = pics.reshape(rows, cols, hh + gap, ww + gap, 3).transpose(0, 2, 1, 3, 4)
    grid = grid.reshape(rows * (hh + gap), cols * (ww + gap), 3)
    return np.pad(grid, ((gap, 0), (gap, 0), (0, 0)), constant_values=200)
