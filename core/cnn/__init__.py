"""The famous CNNs of the lecture (LeNet-5 → SENet) and the practical networks we train.

Usage::

    from core import cnn
    cnn.list_models()                       # every registered name
    model = cnn.build("resnet18", num_classes=10)
    print(cnn.summarize(model, (3, 224, 224)))
"""
from importlib import import_module

from .registry import ModelInfo, build, list_models, model_info, register

# Family modules register themselves on import, in lecture order.
_FAMILIES = ("lenet", "alexnet", "zfnet", "vgg", "googlenet", "resnet", "senet",
             "practical", "efficientnet_lite")
for _m in _FAMILIES:
    import_module(f"{__name__}.{_m}")

try:  # summary.py is written alongside the families
    from .summary import Summary, summarize  # noqa: F401
except ImportError:  # pragma: no cover - only while the module does not exist yet
    pass

__all__ = ["ModelInfo", "build", "list_models", "model_info", "register", "summarize", "Summary"]
