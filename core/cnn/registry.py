"""The one model registry, read by the trainer, the exporter, the dashboard and the tests.

Each family module registers its builders with :func:`register`; nothing else keeps a list of
models. ``ModelInfo`` carries what the dashboard and the tests need to know without building.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch.nn as nn


@dataclass(frozen=True)
class ModelInfo:
    name: str
    builder: Callable[..., nn.Module]
    family: str                               # e.g. "LeNet", "ResNet"
    year: int | None = None                   # publication year (for the parameters-vs-year chart)
    paper: str | None = None                  # URL of the paper
    input_shape: tuple[int, int, int] = (3, 224, 224)   # (C, H, W) as in the paper / lecture
    test_input_shape: tuple[int, int, int] | None = None  # smaller (C, H, W) for fast tests, if allowed
    num_classes: int = 1000                   # the paper's default
    famous: bool = True                       # a lecture model (vs a practical one we train)
    tags: tuple[str, ...] = field(default_factory=tuple)


_REGISTRY: dict[str, ModelInfo] = {}


def register(name: str, **info) -> Callable[[Callable[..., nn.Module]], Callable[..., nn.Module]]:
    """Decorator: ``@register("resnet18", family="ResNet", year=2015, paper=...)``."""
    def deco(fn: Callable[..., nn.Module]) -> Callable[..., nn.Module]:
        if name in _REGISTRY:
            raise KeyError(f"model {name!r} registered twice")
        _REGISTRY[name] = ModelInfo(name=name, builder=fn, **info)
        return fn
    return deco


def list_models(famous: bool | None = None) -> list[str]:
    """Registered model names, in registration (lecture) order; filter by ``famous`` if given."""
    return [n for n, i in _REGISTRY.items() if famous is None or i.famous == famous]


def model_info(name: str) -> ModelInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown model {name!r}; available: {', '.join(_REGISTRY)}") from None


def build(name: str, num_classes: int | None = None, **kw) -> nn.Module:
    """Build a registered model. ``num_classes`` defaults to the paper's."""
    info = model_info(name)
    return info.builder(num_classes=info.num_classes if num_classes is None else num_classes, **kw)
