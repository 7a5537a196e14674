"""The train -> export pipeline (PyTorch): data loading, training, transfer learning, ONNX export
with model cards. Serving never imports this package."""
