"""Lecture section "딥러닝과 프레임워크": why GPUs, and how a framework records a computation.

Two ideas of that section are made concrete here.

*Why GPUs.* A neural network's work is mostly matrix multiplication. :func:`matmul_timings` times
the same float32 ``n×n @ n×n`` product with NumPy, PyTorch on the CPU and, when present, PyTorch on
CUDA, and :func:`machine_name` names the hardware so the numbers can be read in context.

*Define-and-run vs define-by-run.* Early frameworks (TensorFlow 1, Theano) were *define-and-run*:
you first declare a static graph of symbols, then feed numbers through it many times; control flow
must be expressed as graph operations (``tf.cond``). PyTorch is *define-by-run*: the graph is
recorded while ordinary Python runs, one node (a ``grad_fn``) per operation, so ``if`` and ``for``
simply decide which operations are recorded. :func:`autograd_graph` evaluates a small expression,
walks the recorded graph backwards through ``grad_fn.next_functions`` and returns its nodes and
edges; :func:`to_dot` turns them into Graphviz DOT text. The ``"branch"`` expression records a
different graph depending on the sign of ``w·x + b``, which a static graph could not do without a
dedicated conditional operator.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import torch

from core._common import cpu_name

# --------------------------------------------------------------------------- why GPUs

DEVICES = ("numpy", "torch-cpu", "torch-cuda")


def available_devices() -> tuple[str, ...]:
    """The back-ends :func:`matmul_timings` can use on this machine (CUDA only when present)."""
    return DEVICES if torch.cuda.is_available() else DEVICES[:2]


def machine_name() -> str:
    """A one-line description of the hardware: CPU model and core count, plus the GPU if any.

    Example: ``"AMD EPYC (2 cores) · NVIDIA H100 80GB HBM3"`` or ``"AMD EPYC (2 cores) · no GPU"``.
    """
    cores = os.cpu_count() or 1
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU"
    return f"{cpu_name()} ({cores} cores) · {gpu}"


def _timer(device: str, n: int, seed: int) -> Callable[[], None]:
    """A zero-argument function that performs one ``(n, n) @ (n, n)`` float32 product on ``device``."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    if device == "numpy":
        return lambda: a @ b
    if device == "torch-cpu":
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        return lambda: ta @ tb
    ta, tb = torch.from_numpy(a).cuda(), torch.from_numpy(b).cuda()

    def cuda_matmul() -> None:
        ta @ tb
        # CUDA kernels are asynchronous: without the sync we would time only the launch.
        torch.cuda.synchronize()

    return cuda_matmul


def matmul_timings(sizes: Sequence[int] = (64, 128, 256, 512), devices: Sequence[str] | None = None,
                   repeats: int = 3, seed: int = 0) -> list[dict]:
    """Time a float32 ``(n, n) @ (n, n)`` product for every ``n`` in ``sizes`` on every device.

    Each measurement is the best (shortest) of ``repeats`` runs after one untimed warm-up run: the first
    run pays for memory allocation, library loading and, on CUDA, kernel selection, and the shortest
    run is the one least disturbed by other programs sharing the machine (``timeit``'s advice).

    Args:
        sizes: matrix sizes ``n`` (positive integers).
        devices: any of ``"numpy"``, ``"torch-cpu"``, ``"torch-cuda"``; default :func:`available_devices`.
        repeats: timed runs per (device, size), at least 1.
        seed: seed for the random matrices.

    Returns:
        One dict per (device, size): ``device``, ``size``, ``seconds`` (best wall time) and
        ``gflops`` (``2 n³`` floating-point operations divided by the time, in 10⁹ per second).
    """
    devices = available_devices() if devices is None else tuple(devices)
    unknown = [d for d in devices if d not in DEVICES]
    if unknown:
        raise ValueError(f"unknown device(s) {unknown}; expected some of {DEVICES}")
    if "torch-cuda" in devices and not torch.cuda.is_available():
        raise ValueError("device 'torch-cuda' requested but torch.cuda.is_available() is False on this machine")
    sizes = [int(n) for n in sizes]
    if not sizes or min(sizes) < 1:
        raise ValueError(f"sizes must be a non-empty list of positive integers, got {sizes}")
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")

    rows = []
    for device in devices:
        for n in sizes:
            run = _timer(device, n, seed)
            run()  # warm-up
            times = []
            for _ in range(repeats):
                start = time.perf_counter()
                run()
                times.append(time.perf_counter() - start)
            seconds = max(min(times), 1e-9)  # a zero reading would divide by zero
            rows.append({"device": device, "size": n, "seconds": seconds, "gflops": 2 * n**3 / seconds / 1e9})
    return rows


# --------------------------------------------------------------------------- define-by-run


def _square(w, x, b):
    return (w * x + b) ** 2


def _sigmoid_unit(w, x, b):
    return torch.sigmoid(w * x + b)


def _branch(w, x, b):
    # Plain Python control flow: which operations get recorded depends on the data.
    z = w * x + b
    return z**2 if z.item() > 0 else 0.1 * z


EXPRESSIONS: dict[str, Callable] = {"square": _square, "sigmoid": _sigmoid_unit, "branch": _branch}
EXPRESSION_LATEX = {
    "square": r"y = (w\,x + b)^2",
    "sigmoid": r"y = \sigma(w\,x + b)",
    "branch": r"y = \begin{cases}(w\,x + b)^2 & w\,x + b > 0\\ 0.1\,(w\,x + b) & \text{otherwise}\end{cases}",
}


@dataclass
class AutogradGraph:
    """The backward graph PyTorch recorded for one evaluation of an expression.

    ``nodes`` are ``(id, label, kind)`` with kind ``"op"`` (a ``grad_fn`` such as ``PowBackward0``),
    ``"leaf"`` (an ``AccumulateGrad`` that writes into ``w.grad``, ``x.grad`` …) or ``"output"``;
    ``edges`` are ``(src, dst)`` in the direction the gradient flows (output → leaves).
    ``value`` is ``y`` and ``grads`` holds ``∂y/∂leaf`` for every input that requires a gradient.
    """

    expr: str
    nodes: list[tuple[str, str, str]]
    edges: list[tuple[str, str]]
    value: float
    grads: dict[str, float] = field(default_factory=dict)

    def op_names(self) -> list[str]:
        """Labels of the operation nodes, e.g. ``["PowBackward0", "AddBackward0", "MulBackward0"]``."""
        return [label for _, label, kind in self.nodes if kind == "op"]


def autograd_graph(expr: str = "square", w: float = 2.0, x: float = 3.0, b: float = 1.0,
                   requires_grad: Sequence[str] = ("w", "b")) -> AutogradGraph:
    """Evaluate ``expr`` on scalars and return the graph autograd recorded, with the gradients.

    Args:
        expr: a key of :data:`EXPRESSIONS` (``"square"``, ``"sigmoid"``, ``"branch"``).
        w, x, b: the input values (the parameter ``w``, the data ``x``, the bias ``b``).
        requires_grad: which inputs are parameters to be learned (their ``AccumulateGrad`` leaves appear).
    """
    if expr not in EXPRESSIONS:
        raise ValueError(f"unknown expression {expr!r}; expected one of {tuple(EXPRESSIONS)}")
    bad = set(requires_grad) - {"w", "x", "b"}
    if bad:
        raise ValueError(f"requires_grad may only name 'w', 'x', 'b', got {sorted(bad)}")
    if not requires_grad:
        raise ValueError("at least one input must require a gradient, otherwise nothing is recorded")
    inputs = {name: torch.tensor(float(v), dtype=torch.float64, requires_grad=name in requires_grad)
              for name, v in (("w", w), ("x", x), ("b", b))}
    y = EXPRESSIONS[expr](inputs["w"], inputs["x"], inputs["b"])
    leaf_names = {id(t): name for name, t in inputs.items()}

    nodes: list[tuple[str, str, str]] = [("y", f"y = {y.item():.4g}", "output")]
    edges: list[tuple[str, str]] = []
    seen: dict[int, str] = {}
    stack = [(y.grad_fn, "y")]
    while stack:  # depth-first walk of the recorded backward graph
        fn, parent = stack.pop()
        if fn is None:  # an input that does not require a gradient: no node recorded
            continue
        if id(fn) not in seen:
            node_id = f"n{len(seen)}"
            seen[id(fn)] = node_id
            variable = getattr(fn, "variable", None)  # AccumulateGrad keeps the leaf tensor
            if variable is not None:
                nodes.append((node_id, f"AccumulateGrad\\n({leaf_names[id(variable)]}.grad)", "leaf"))
            else:
                nodes.append((node_id, type(fn).__name__, "op"))
                stack.extend((child, node_id) for child, _ in fn.next_functions)
        edges.append((parent, seen[id(fn)]))

    y.backward()
    grads = {name: t.grad.item() for name, t in inputs.items() if t.grad is not None}
    return AutogradGraph(expr=expr, nodes=nodes, edges=edges, value=y.item(), grads=grads)


def to_dot(graph: AutogradGraph) -> str:
    """Graphviz DOT source of ``graph`` (accepted as is by ``st.graphviz_chart``)."""
    style = {"output": 'shape=doubleoctagon, style=filled, fillcolor="#fde68a"',
             "op": 'shape=box, style="rounded,filled", fillcolor="#bfdbfe"',
             "leaf": 'shape=ellipse, style=filled, fillcolor="#bbf7d0"'}
    lines = ["digraph autograd {", "  rankdir=TB;", '  node [fontname="Helvetica", fontsize=12];']
    lines += [f'  {nid} [label="{label}", {style[kind]}];' for nid, label, kind in graph.nodes]
    lines += [f"  {src} -> {dst};" for src, dst in graph.edges]
    lines.append("}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- CNN vs RNN
# The lecture's two lines: "CNN: 데이터의 특징을 추출하여 특징들의 패턴 파악(영상)", "RNN: 반복적이고 순차적인
# 데이터 학습에 특화(음성, 텍스트)". Both share weights — a CNN across positions of an image, an RNN across
# time steps — so their parameter counts do not grow with the image size or the sequence length.

def conv2d_params(c_in: int, c_out: int, k: int, bias: bool = True) -> int:
    """Weights of a 2-D convolution layer (``torch.nn.Conv2d(c_in, c_out, k)``, Keras ``Conv2D(c_out, k)``):
    ``c_out · (c_in · k² + 1)`` with a bias, the same for any image size."""
    _check_sizes(c_in=c_in, c_out=c_out, k=k)
    return c_out * (c_in * k * k + (1 if bias else 0))


def rnn_params(n_in: int, n_hidden: int, biases: int = 2) -> int:
    """Weights of a simple (Elman) RNN layer, ``h_t = tanh(W_x x_t + W_h h_{t−1} + b)``:
    ``n_hidden · (n_in + n_hidden + biases)``, the same for any sequence length.

    ``biases=2`` counts like ``torch.nn.RNN`` (separate ``b_ih`` and ``b_hh``), ``biases=1`` like Keras'
    ``SimpleRNN``."""
    _check_sizes(n_in=n_in, n_hidden=n_hidden)
    if biases not in (0, 1, 2):
        raise ValueError(f"biases must be 0, 1 or 2, got {biases!r}.")
    return n_hidden * (n_in + n_hidden + biases)


def dense_params(n_in: int, n_out: int) -> int:
    """Weights of a fully connected layer (``torch.nn.Linear``, Keras ``Dense``): ``n_out · (n_in + 1)``."""
    _check_sizes(n_in=n_in, n_out=n_out)
    return n_out * (n_in + 1)


def _check_sizes(**sizes: int) -> None:
    for name, value in sizes.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {value!r}.")
