"""Layer-by-layer summaries: the parameter, memory and compute tables of the lecture's famous-CNN section.

:func:`summarize` runs one sample through a model with forward hooks and returns a :class:`Summary`:
one row per leaf layer (and optionally one per block, e.g. per Inception module) with its output
shape, own parameters, activation memory and multiply-accumulates (MACs), plus totals.

Counting rules (the lecture's):

- Conv2d: ``Cout·Hout·Wout · (Cin/groups)·kh·kw`` MACs; Linear: ``in_features`` MACs per output value.
  The bias add, normalisation, activation and pooling are not multiply-accumulates and count 0.
- Activation memory is the layer's output per sample, stored as float32 (4 bytes a value).
- Parameters of a row are the layer's own (``recurse=False`` for leaves); totals come from
  ``model.parameters()``, so nothing is double-counted when a layer is called twice.

A model built on the ``meta`` device (``with torch.device("meta"): model = build(...)``) is
summarised without allocating weights or computing anything, which makes even VGG-16 instant.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import torch
import torch.nn as nn

FLOAT32_BYTES = 4


@dataclass(frozen=True)
class LayerRow:
    """One call of one layer, for a single sample (batch dimension dropped from ``output_shape``)."""
    name: str                           # qualified module name, e.g. "features.conv1_1"
    type: str                           # class name, e.g. "Conv2d"
    output_shape: tuple[int, ...]       # (C, H, W) or (features,); the first output if several
    params: int                         # own parameters (all of a block's parameters for block rows)
    activations: int                    # values in the output(s)
    macs: int                           # multiply-accumulates
    is_block: bool = False              # a row for a whole block (its leaves are not listed)

    @property
    def activation_bytes(self) -> int:
        return self.activations * FLOAT32_BYTES


@dataclass
class Summary:
    """What :func:`summarize` returns: ``rows`` in call order, and totals."""
    model: str                          # the model's class name
    input_shape: tuple[int, ...]        # one sample, e.g. (3, 224, 224)
    rows: list[LayerRow] = field(default_factory=list)
    total_params: int = 0
    trainable_params: int = 0

    @property
    def total_macs(self) -> int:
        return sum(r.macs for r in self.rows)

    @property
    def input_activations(self) -> int:
        return int(torch.Size(self.input_shape).numel())

    @property
    def total_activations(self) -> int:
        """Output values of every row (the input excluded), per sample."""
        return sum(r.activations for r in self.rows)

    @property
    def activation_bytes(self) -> int:
        return self.total_activations * FLOAT32_BYTES

    def to_dicts(self) -> list[dict]:
        """Rows as plain dicts (JSON- and dashboard-ready, no pandas), with ``activation_bytes``."""
        return [{**asdict(r), "output_shape": list(r.output_shape), "activation_bytes": r.activation_bytes}
                for r in self.rows]

    def totals(self) -> dict[str, int]:
        return {"params": self.total_params, "trainable_params": self.trainable_params,
                "macs": self.total_macs, "activations": self.total_activations,
                "activation_bytes": self.activation_bytes, "input_activations": self.input_activations}

    def __str__(self) -> str:
        header = ("Layer (type)", "Output shape", "Param #", "Activations", "Memory", "MACs")
        body = [(f"{r.name} ({r.type})", "×".join(map(str, r.output_shape)), f"{r.params:,}",
                 f"{r.activations:,}", _bytes(r.activation_bytes), f"{r.macs:,}") for r in self.rows]
        widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]

        def fmt(line: Sequence[str]) -> str:   # first two columns left-aligned, numbers right-aligned
            return "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True)))

        rule = "-" * len(fmt(header))
        input_shape = "×".join(map(str, self.input_shape))
        lines = [f"{self.model}, input {input_shape} (one sample)", rule, fmt(header), rule,
                 *map(fmt, body), rule,
                 f"Total params:        {self.total_params:,}",
                 f"Trainable params:    {self.trainable_params:,}",
                 f"Non-trainable:       {self.total_params - self.trainable_params:,}",
                 f"Total MACs:          {self.total_macs:,} ({self.total_macs / 1e9:.2f} G)",
                 f"Activations:         {self.total_activations:,} values = {_bytes(self.activation_bytes)} "
                 f"(float32, outputs of the rows above)",
                 f"Input:               {self.input_activations:,} values = "
                 f"{_bytes(self.input_activations * FLOAT32_BYTES)}",
                 f"Parameter memory:    {_bytes(self.total_params * FLOAT32_BYTES)} (float32)"]
        return "\n".join(lines)


def _bytes(n: int) -> str:
    """Decimal units, as the lecture writes memory (93 MB = 93·10⁶ bytes)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n} B"


def layer_macs(module: nn.Module, output: torch.Tensor) -> int:
    """Multiply-accumulates of one call of ``module`` that produced ``output`` (one sample, batch 1)."""
    per_sample = output[0].numel()
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return per_sample * (module.in_channels // module.groups) * kh * kw
    if isinstance(module, nn.Linear):
        return per_sample * module.in_features
    return 0


def _tensors(output: object) -> list[torch.Tensor]:
    """The tensors in a layer's output (a tensor, or a tuple/list/NamedTuple of them)."""
    if isinstance(output, torch.Tensor):
        return [output]
    if isinstance(output, (tuple, list)):
        return [t for o in output for t in _tensors(o)]
    return []


def summarize(model: nn.Module, input_shape: Sequence[int], blocks: Sequence[type[nn.Module]] = ()) -> Summary:
    """Summarise ``model`` for one sample of ``input_shape`` = (C, H, W) (or (features,)).

    Args:
        model: any module; run in eval mode (so GoogLeNet's auxiliary heads stay off), its
            train/eval flags restored afterwards. Its device is used (``meta`` works).
        input_shape: one sample's shape, without the batch dimension.
        blocks: module classes (e.g. ``Inception``, ``Bottleneck``) to report as one row each,
            with all their parameters and the MACs of their layers, instead of listing their leaves.

    Returns:
        A :class:`Summary` with a row per call of each leaf (or block) layer.
    """
    if len(input_shape) == 0 or any(int(d) < 1 for d in input_shape):
        raise ValueError(f"input_shape must be one sample's positive sizes, e.g. (3, 224, 224); got {input_shape}")
    blocks = tuple(blocks)
    units: dict[nn.Module, str] = {}         # the modules that get rows: blocks and leaves outside blocks
    leaves: list[nn.Module] = []             # every leaf, for MAC counting inside blocks

    def visit(module: nn.Module, prefix: str, inside_block: bool) -> None:
        children = list(module.named_children())
        is_block = bool(blocks) and isinstance(module, blocks)
        if not children:
            leaves.append(module)
            if not inside_block:
                units[module] = prefix or type(module).__name__
        elif is_block and not inside_block:
            units[module] = prefix
        for name, child in children:
            visit(child, f"{prefix}.{name}" if prefix else name, inside_block or is_block)

    visit(model, "", False)
    rows: list[LayerRow] = []
    seen: set[nn.Module] = set()
    macs_stack: list[int] = [0]              # MACs accumulated by the leaves of the block being run

    def leaf_hook(module: nn.Module, _inputs: tuple, output: object) -> None:
        tensors = _tensors(output)
        macs = layer_macs(module, tensors[0]) if tensors else 0
        macs_stack[-1] += macs
        if module in units:
            add_row(module, tensors, macs, is_block=False)

    def block_pre_hook(_module: nn.Module, _inputs: tuple) -> None:
        macs_stack.append(0)

    def block_hook(module: nn.Module, _inputs: tuple, output: object) -> None:
        macs = macs_stack.pop()
        macs_stack[-1] += macs
        add_row(module, _tensors(output), macs, is_block=True)

    def add_row(module: nn.Module, tensors: list[torch.Tensor], macs: int, is_block: bool) -> None:
        first_call = module not in seen
        seen.add(module)
        params = sum(p.numel() for p in module.parameters(recurse=is_block)) if first_call else 0
        rows.append(LayerRow(
            name=units[module], type=type(module).__name__,
            output_shape=tuple(tensors[0].shape[1:]) if tensors else (),
            params=params, activations=sum(t[0].numel() for t in tensors), macs=macs, is_block=is_block))

    handles = []
    for leaf in leaves:
        handles.append(leaf.register_forward_hook(leaf_hook))
    for module in units:
        if module not in leaves:
            handles.append(module.register_forward_pre_hook(block_pre_hook))
            handles.append(module.register_forward_hook(block_hook))
    training = {m: m.training for m in model.modules()}
    param = next(model.parameters(), None)
    device = param.device if param is not None else torch.device("cpu")
    try:
        model.eval()
        with torch.no_grad():
            model(torch.zeros(1, *map(int, input_shape), device=device))   # (1, C, H, W)
    finally:
        for h in handles:
            h.remove()
        for m, flag in training.items():
            m.training = flag
    return Summary(model=type(model).__name__, input_shape=tuple(map(int, input_shape)), rows=rows,
                   total_params=sum(p.numel() for p in model.parameters()),
                   trainable_params=sum(p.numel() for p in model.parameters() if p.requires_grad))


def warm_up() -> float:
    """Summarise a tiny model on the ``meta`` device once; returns the seconds it took.

    The first operation on ``meta`` tensors in a process imports PyTorch's reference/decomposition
    modules (``torch._refs``, ``torch._decomp``, ``torch._prims``): about 1.3 s on a 2-core machine,
    paid by whichever summary comes first, after that any model's summary takes milliseconds. A
    server calls this once at start (the dashboard does, in a background thread) so that no visitor
    waits for the imports. The tiny model touches the layer types of the registry's models.
    """
    import time

    t0 = time.perf_counter()
    tiny = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.BatchNorm2d(2), nn.ReLU(), nn.Tanh(), nn.Sigmoid(),
                         nn.MaxPool2d(2), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(),
                         nn.Linear(2, 2)).to("meta")
    summarize(tiny, (1, 12, 12))
    return time.perf_counter() - t0
