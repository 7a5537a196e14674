"""core: the lecture's algorithms (NumPy, from scratch) and CNNs (PyTorch), with ONNX export
and inference. No UI code lives here: the dashboard and the demo only call into this package.

The package is grouped by who reads it (see ``docs/architecture.md``)::

    core.ml        pages 1-8: metrics, regression, optimizers, logistic regression, frameworks
    core.nn        pages 9-15: perceptron, MLP, backprop, activations, batch norm, convolution
    core.cnn       the famous CNNs (one registry)
    core.pipeline  data -> train -> transfer -> export (torch)
    core.serve     model cards, preprocessing recipes, ONNX Runtime inference, explanations
                   (numpy, pillow and onnxruntime only)

The old flat names keep working: ``from core import regression, infer`` resolves lazily to
``core.ml.regression`` and ``core.serve.infer``. Lazy, so that importing ``core.serve`` never
pulls torch in through this file.
"""

from importlib import import_module

__version__ = "0.1.0"

#: flat name -> module, for ``from core import <name>``.
_MODULES = {
    **{n: f"core.ml.{n}" for n in ("metrics", "regression", "optim", "logistic", "frameworks", "lecture_data")},
    **{n: f"core.nn.{n}" for n in ("activations", "perceptron", "mlp", "backprop", "vanishing",
                                   "batchnorm", "conv", "bias_variance")},
    **{n: f"core.pipeline.{n}" for n in ("data", "train", "tasks", "transfer", "export")},
    **{n: f"core.serve.{n}" for n in ("card", "preprocess", "infer", "explain")},
    "train_tasks": "core.pipeline.tasks",
    "saliency": "core.serve.explain",
    "cnn": "core.cnn",
    "ml": "core.ml", "nn": "core.nn", "pipeline": "core.pipeline", "serve": "core.serve",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str):
    try:
        target = _MODULES[name]
    except KeyError:
        raise AttributeError(f"module 'core' has no attribute {name!r}") from None
    module = import_module(target)
    globals()[name] = module
    return module


def __dir__():
    return __all__
