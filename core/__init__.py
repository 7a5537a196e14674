"""core: the lecture's algorithms (NumPy, from scratch) and CNNs (PyTorch), with ONNX export
and inference. No UI code lives here: the dashboard and the demo only call into this package."""

__version__ = "0.1.0"
