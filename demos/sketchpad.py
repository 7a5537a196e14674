"""The Gradio Sketchpad adapter: the editor's dict → one image that ``core.serve`` can read.

Gradio's ``Sketchpad`` / ``ImageEditor`` hands its event functions a dict ``{"background",
"layers", "composite"}``. That format is the demo's business, so it is flattened here and
``core.serve.preprocess`` only ever sees ordinary images.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PIL import Image

from core.serve.preprocess import DEFAULT_MAX_PIXELS, EmptyDrawingError, PreprocessError, load_image

EDITOR_KEYS = ("background", "layers", "composite")


def is_sketch(value: Any) -> bool:
    """Whether ``value`` is an image-editor dict (not a file dict ``{"path": ...}``)."""
    return isinstance(value, Mapping) and any(k in value for k in EDITOR_KEYS)


def sketch_image(value: Any, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> Any:
    """A Sketchpad value → the drawing, dark ink on white paper (PIL mode L); anything else unchanged.

    The strokes live in ``layers`` (RGBA, transparent where nothing was drawn, the ink in the
    alpha); they are stacked and laid on white paper. Without any stroke, fall back to
    ``composite`` then ``background`` (an API caller may send only a flattened image).
    Raises :class:`core.serve.preprocess.EmptyDrawingError` for a canvas without any ink.
    """
    if not is_sketch(value):
        return value
    layers = [load_image(x, max_pixels=max_pixels) for x in (value.get("layers") or []) if x is not None]
    if layers:
        size = layers[0].size
        if any(layer.size != size for layer in layers):
            raise PreprocessError("the sketch layers have different sizes",
                                  "스케치 레이어의 크기가 서로 다릅니다")
        merged = Image.new("RGBA", size, (0, 0, 0, 0))
        for layer in layers:
            merged = Image.alpha_composite(merged, layer.convert("RGBA"))
        if merged.getchannel("A").getextrema()[1] > 0:
            # The paint as seen on white paper: a black stroke is ink in proportion to its alpha,
            # a white stroke painted over it (a correction) is paper again.
            return Image.alpha_composite(Image.new("RGBA", size, "white"), merged).convert("L")
    for key in ("composite", "background"):
        if value.get(key) is not None:
            return load_image(value[key], max_pixels=max_pixels)
    if layers:
        return merged
    raise EmptyDrawingError()
