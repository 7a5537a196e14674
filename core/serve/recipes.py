"""The preprocessing recipe registry: one class per ``preprocess.kind`` of a model card.

Lecture section: "CNN 실습" — the same pixels at training and at serving time. Every module that
needs to know what a recipe means asks its class here instead of switching on ``kind`` itself:

- :meth:`Recipe.parse` turns a card's ``"preprocess"`` dict into a frozen, checked recipe (once,
  when a model is loaded);
- :meth:`Recipe.validate` checks it against the card's input shape (card validation, export);
- :meth:`Recipe.input_shape` is the network input it produces (export);
- :meth:`Recipe.apply` turns an image into ``(x, preview)`` (inference, export checks, transfer);
- :meth:`Recipe.to_card` writes the card dict (training and transfer write recipes only through it).

Adding a kind is one class in :data:`RECIPES`. The pixel work itself is in :mod:`core.serve.preprocess`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar

import numpy as np

from core.serve import preprocess as P


def _tuple(v) -> tuple[float, ...]:
    return tuple(float(a) for a in (v if isinstance(v, (list, tuple)) else [v]))


def _size(v) -> int | tuple[int, int]:
    """A card's size field: an int, or an [h, w] pair."""
    return int(v) if np.isscalar(v) else P._pair(v)


def _same(v):
    return v


# How a card's JSON value becomes a recipe field (fields not listed are taken as they are).
_CONVERT = {"box": int, "size": int, "pad_to": int, "max_side": int, "scale": float, "min_stroke": float,
            "max_aspect": float, "mean": _tuple, "std": _tuple, "resize": _size, "crop": _size}


class Recipe:
    """What every recipe class offers; subclasses are frozen dataclasses of the card's fields."""

    kind: ClassVar[str]
    color: ClassVar[str]                      # the card's "color" entry (the decoded image mode)
    card_fields: ClassVar[tuple[str, ...]]    # the fields written into a card, in this order
    # Fields a card must spell out with these JSON types (defaults are for code, not for cards).
    required: ClassVar[dict[str, type | tuple[type, ...]]]
    shape_fields: ClassVar[str]               # the fields that decide the input's H and W

    @classmethod
    def parse(cls, spec: Mapping[str, Any] | Recipe) -> Recipe:
        """Validate a card's dict of this kind: the fields it gives, converted to their types, over
        the class defaults (unknown keys such as ``color`` are ignored); ``ValueError`` otherwise."""
        if isinstance(spec, cls):
            return spec
        if not isinstance(spec, Mapping):
            raise ValueError(f"a {cls.kind!r} preprocess spec must be a dict, got {type(spec).__name__}")
        cls._check_kind(spec, cls.kind)
        kwargs = cls._extra(spec)
        for f in fields(cls):
            if f.name in spec:
                kwargs[f.name] = _CONVERT.get(f.name, _same)(spec[f.name])
        return cls(**kwargs)

    @classmethod
    def _extra(cls, spec: Mapping[str, Any]) -> dict:
        """Kind-specific defaults and checks of :meth:`parse` (fields derived from other fields)."""
        return {}

    def input_shape(self) -> list:
        """``[None, C, H, W]`` of the network input this recipe produces."""
        raise NotImplementedError

    def apply(self, src: Any) -> tuple[np.ndarray, np.ndarray]:
        """Any image a learner can hand over → ``(x, preview)``: the float32 model input
        ``(1, C, H, W)`` and the uint8 picture the network saw."""
        raise NotImplementedError

    def validate(self, shape: list) -> None:
        """Raise ``ValueError`` unless this recipe produces a network input of ``shape``."""
        if list(shape) != self.input_shape():
            raise ValueError(f"the {self.kind!r} recipe's {self.shape_fields} give input shape "
                             f"{self.input_shape()}, but the card's input shape is {list(shape)}")

    def to_card(self) -> dict:
        """The card's ``"preprocess"`` dict (JSON types: lists, not tuples)."""
        out: dict[str, Any] = {"kind": self.kind, "color": self.color}
        for name in self.card_fields:
            v = getattr(self, name)
            out[name] = list(v) if isinstance(v, tuple) else v
        return out

    @staticmethod
    def _check_kind(spec: Mapping[str, Any], kind: str) -> None:
        if spec.get("kind", kind) != kind:
            raise ValueError(f"expected a {kind!r} preprocess spec, got kind={spec.get('kind')!r}")


@dataclass(frozen=True)
class DigitSketch(Recipe):
    """``"digit_sketch"``: how MNIST itself was built; defaults are MNIST's own."""

    kind: ClassVar[str] = "digit_sketch"
    color: ClassVar[str] = "L"
    card_fields: ClassVar[tuple[str, ...]] = ("ink", "box", "size", "pad_to", "center", "background", "scale",
                                              "mean", "std")
    required: ClassVar[dict] = {"box": int, "size": int, "pad_to": int}
    shape_fields: ClassVar[str] = "'pad_to'"

    box: int = 20
    size: int = 28
    pad_to: int = 28
    center: str = "mass"  # "mass" (MNIST) | "box"
    # What counts as paper (core.serve.preprocess._ink_map): "local" follows shading and shadows
    # across a photographed page; "border" is one level, the median of the picture's edge.
    background: str = "local"
    ink: str = "bright_on_dark"  # polarity the network was trained on
    scale: float = 1 / 255
    mean: tuple[float, ...] = (0.1307,)
    std: tuple[float, ...] = (0.3081,)
    # Stroke width (MNIST's median, 2.5 px) that thinner ink is thickened to, in pixels of the ``box``
    # frame: a 3 px pen line on a 400 px canvas would otherwise shrink to a faint 0.2 px hair.
    min_stroke: float = 2.5
    max_side: int = 1024  # larger uploads are shrunk (area average) before anything else

    def __post_init__(self):
        if not 1 <= self.box <= self.size <= self.pad_to:
            raise ValueError(f"digit spec needs 1 <= box <= size <= pad_to, got box={self.box}, "
                             f"size={self.size}, pad_to={self.pad_to}")
        if self.max_side < self.size or self.min_stroke < 0:
            raise ValueError(f"digit spec needs max_side >= size and min_stroke >= 0, got "
                             f"{self.max_side}, {self.min_stroke}")
        if self.center not in ("mass", "box"):
            raise ValueError(f"digit spec 'center' must be 'mass' or 'box', got {self.center!r}")
        if self.background not in ("local", "border"):
            raise ValueError(f"digit spec 'background' must be 'local' or 'border', got {self.background!r}")
        if self.ink not in ("bright_on_dark", "dark_on_bright"):
            raise ValueError(f"digit spec 'ink' must be 'bright_on_dark' or 'dark_on_bright', got {self.ink!r}")
        if len(self.mean) != 1 or len(self.std) != 1 or self.std[0] <= 0:
            raise ValueError(f"digit spec needs one mean and one positive std, got {self.mean}, {self.std}")

    @classmethod
    def _extra(cls, spec: Mapping[str, Any]) -> dict:
        # A card that gives only "size" pads to it (no padding), as MNIST's own 28 × 28 does.
        return {"pad_to": int(spec["size"])} if "pad_to" not in spec and "size" in spec else {}

    def input_shape(self) -> list:
        return [None, 1, self.pad_to, self.pad_to]

    def apply(self, src: Any) -> tuple[np.ndarray, np.ndarray]:
        return P.digit_pixels(src, self)


@dataclass(frozen=True)
class Photo(Recipe):
    """``"photo"``: torchvision's Resize → CenterCrop → ToTensor → Normalize; defaults are ImageNet's."""

    kind: ClassVar[str] = "photo"
    color: ClassVar[str] = "RGB"
    card_fields: ClassVar[tuple[str, ...]] = ("resize", "crop", "interpolation", "scale", "mean", "std",
                                              "channel_order", "layout")
    required: ClassVar[dict] = {"resize": int, "crop": int, "interpolation": str}
    shape_fields: ClassVar[str] = "'crop' and 'layout'"

    resize: int | tuple[int, int] = 256  # int: shorter side (torchvision); (h, w): exact size
    crop: int | tuple[int, int] = 224
    interpolation: str = "bilinear"
    scale: float = 1 / 255
    mean: tuple[float, ...] = (0.485, 0.456, 0.406)
    std: tuple[float, ...] = (0.229, 0.224, 0.225)
    channel_order: str = "RGB"
    layout: str = "NCHW"
    max_aspect: float = P.DEFAULT_MAX_ASPECT

    def __post_init__(self):
        if self.interpolation not in P._RESAMPLE:
            raise ValueError(f"photo spec 'interpolation' must be one of {sorted(P._RESAMPLE)}, "
                             f"got {self.interpolation!r}")
        if self.channel_order not in ("RGB", "BGR"):
            raise ValueError(f"photo spec 'channel_order' must be 'RGB' or 'BGR', got {self.channel_order!r}")
        if self.layout not in ("NCHW", "NHWC"):
            raise ValueError(f"photo spec 'layout' must be 'NCHW' or 'NHWC', got {self.layout!r}")
        if len(self.mean) != 3 or len(self.std) != 3 or min(self.std) <= 0:
            raise ValueError(f"photo spec needs 3 means and 3 positive stds, got {self.mean}, {self.std}")
        crop_hw, resize = P._pair(self.crop), self.resize
        too_small = (resize < max(crop_hw) if isinstance(resize, int) else
                     any(r < c for r, c in zip(resize, crop_hw, strict=True)))
        if too_small:
            raise ValueError(f"photo spec: resize {resize} is smaller than crop {self.crop}")

    @classmethod
    def _extra(cls, spec: Mapping[str, Any]) -> dict:
        if spec.get("color", "RGB") != "RGB":
            raise ValueError(f"photo spec 'color' must be 'RGB', got {spec.get('color')!r}")
        return {}

    def input_shape(self) -> list:
        h, w = P._pair(self.crop)
        return [None, 3, h, w] if self.layout == "NCHW" else [None, h, w, 3]

    def apply(self, src: Any) -> tuple[np.ndarray, np.ndarray]:
        return P.photo_pixels(src, self)


RECIPES: dict[str, type[Recipe]] = {cls.kind: cls for cls in (DigitSketch, Photo)}
KINDS = tuple(RECIPES)


def recipe_class(kind: Any) -> type[Recipe]:
    """The class of one ``preprocess.kind``; ``ValueError`` naming the known kinds otherwise."""
    if kind not in RECIPES:
        raise ValueError(f"unknown preprocess kind {kind!r}; expected one of {', '.join(map(repr, KINDS))}")
    return RECIPES[kind]


def parse(spec: Mapping[str, Any] | Recipe) -> Recipe:
    """A card's ``"preprocess"`` dict (or an already parsed recipe) → its recipe object."""
    if isinstance(spec, Recipe):
        return spec
    if not isinstance(spec, Mapping) or "kind" not in spec:
        raise ValueError(f"a preprocess spec must be a dict with a 'kind', got {spec!r}")
    return recipe_class(spec["kind"]).parse(spec)


def prepare(src: Any, card: Mapping[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """``(x, preview)`` for ``src`` by the card's recipe (parsed per call: a loaded
    :class:`core.serve.infer.Model` keeps its parsed ``recipe`` instead)."""
    spec = card.get("preprocess")
    if not isinstance(spec, Mapping) or "kind" not in spec:
        raise ValueError(f"model card {card.get('name', '?')!r} has no 'preprocess' dict with a 'kind'")
    return parse(spec).apply(src)


# The names these recipes had before the registry; tests, notebooks and the lecture notes use them.
DigitSpec, PhotoSpec = DigitSketch, Photo
digit_spec, photo_spec = DigitSketch.parse, Photo.parse


def digit_input(src: Any, spec: Mapping[str, Any] | DigitSketch) -> tuple[np.ndarray, np.ndarray]:
    """A drawing or an upload → ``x`` float32 (1, 1, pad_to, pad_to) and the (size, size) uint8 preview.
    Raises :class:`core.serve.preprocess.EmptyDrawingError` for an empty canvas."""
    return DigitSketch.parse(spec).apply(src)


def photo_input(src: Any, spec: Mapping[str, Any] | Photo) -> tuple[np.ndarray, np.ndarray]:
    """A photo → ``x`` float32 (1, 3, crop, crop) (or NHWC) and the RGB uint8 crop the network saw."""
    return Photo.parse(spec).apply(src)
