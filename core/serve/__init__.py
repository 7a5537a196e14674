"""Serving: model cards, preprocessing recipes, ONNX Runtime inference and explanations.
Depends on numpy, pillow and onnxruntime only -- never on torch or ``core.pipeline`` -- so the demo
Space installs no torch."""
