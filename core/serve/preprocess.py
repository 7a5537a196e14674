"""Input preprocessing for the served models: turn whatever a learner hands the demo into the
exact tensor the network was trained on.

Lecture section: "CNN 실습 · MNIST와 개/고양이 분류" — the data pipeline in front of a CNN.
The pixel work of the two recipes; which recipe and with which numbers is the model card's
``"preprocess"`` dict, parsed once by its class in :mod:`core.serve.recipes`:

- ``"digit_sketch"``: how MNIST itself was built — ink bright on dark, crop to the ink's bounding
  box, longer side to ``box`` (20) px keeping the aspect ratio, paste into ``size`` × ``size`` (28)
  centred on the centre of mass, pad to ``pad_to``, then ``x * scale`` and ``(x - mean) / std``.
- ``"photo"``: torchvision's ``Resize(resize)`` → ``CenterCrop(crop)`` → ``ToTensor`` →
  ``Normalize(mean, std)``, reproduced with Pillow + NumPy so that serving needs no torch.

Every way an upload can be broken (not an image, empty, truncated, gigantic, a decompression bomb)
ends in one :class:`PreprocessError` whose message a learner can act on, in Korean and English.
"""
from __future__ import annotations

import io
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

# Formats a learner's photo or drawing can come in. Everything else (EPS, which shells out to
# Ghostscript; PSD; exotic camera formats) is refused instead of handed to a decoder.
SAFE_FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF", "PPM")
DEFAULT_MAX_PIXELS = 50_000_000  # 50 megapixels: every phone photo, not a 20000 × 20000 bomb
DEFAULT_MAX_ASPECT = 20.0  # a photo 20× wider than tall is a strip, not a pet
_RESAMPLE = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC,
             "lanczos": Image.LANCZOS, "box": Image.BOX, "hamming": Image.HAMMING}


class PreprocessError(ValueError):
    """An input that cannot become a model input; ``str(e)`` is ``"<ko> · <en>"``."""

    def __init__(self, message_en: str, message_ko: str):
        self.message_en = message_en
        self.message_ko = message_ko
        super().__init__(f"{message_ko} · {message_en}")


class EmptyDrawingError(PreprocessError):
    """The canvas (or image) holds no ink at all."""

    def __init__(self):
        super().__init__("draw a digit first", "먼저 숫자를 그려 주세요")


def _pair(v) -> tuple[int, int]:
    """An int or an (h, w) pair → (h, w)."""
    return (int(v), int(v)) if np.isscalar(v) else (int(v[0]), int(v[1]))


# --------------------------------------------------------------------------- decoding
def _array_to_uint8(a: np.ndarray, bits: int | None = None) -> np.ndarray:
    """Any numeric array → uint8 in [0, 255].

    ``bits`` (from a PIL mode such as ``I;16``) fixes the range; otherwise integers in [0, 255]
    are kept, in [0, 65535] are 16-bit, floats in [0, 1] are fractions, floats in [0, 255] are
    8-bit values, and anything else is stretched min → 0, max → 255. NaN/inf are refused.
    """
    if a.dtype == np.uint8:
        return a
    if a.dtype == bool:
        return a.astype(np.uint8) * 255
    if not np.issubdtype(a.dtype, np.number) or np.iscomplexobj(a):
        raise PreprocessError(f"unsupported pixel type {a.dtype}", f"지원하지 않는 픽셀 형식입니다 ({a.dtype})")
    is_int = np.issubdtype(a.dtype, np.integer)
    a = a.astype(np.float64)
    if not np.isfinite(a).all():
        raise PreprocessError("the image contains NaN or infinite values",
                              "이미지에 NaN 또는 무한대 값이 있습니다")
    lo, hi = float(a.min()), float(a.max())
    if bits is not None:
        a = a * (255.0 / (2 ** bits - 1))
    elif not is_int and lo >= 0 and hi <= 1:
        a = a * 255.0
    elif lo >= 0 and hi <= 255:
        pass
    elif is_int and lo >= 0 and hi <= 65535:
        a = a * (255.0 / 65535)
    else:
        a = (a - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(a)
    return np.clip(np.round(a), 0, 255).astype(np.uint8)


def _from_array(a: np.ndarray) -> Image.Image:
    """(H, W), (H, W, 1|2|3|4) array of any numeric dtype → PIL image (L, LA, RGB, RGBA)."""
    a = np.asarray(a)
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[..., 0]  # (H, W, 1) → (H, W)
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (2, 3, 4)):
        raise PreprocessError(f"expected an image array of shape (H, W) or (H, W, 1-4), got {a.shape}",
                              f"이미지 배열은 (H, W) 또는 (H, W, 1~4) 모양이어야 합니다 (받은 모양 {a.shape})")
    if a.shape[0] == 0 or a.shape[1] == 0:
        raise PreprocessError("the image is empty (0 pixels)", "이미지가 비어 있습니다 (0 픽셀)")
    bits = 16 if a.dtype == np.uint16 else None
    u8 = _array_to_uint8(a, bits)
    mode = "L" if u8.ndim == 2 else {2: "LA", 3: "RGB", 4: "RGBA"}[u8.shape[2]]
    return Image.fromarray(np.ascontiguousarray(u8), mode=mode)


def _canonical_mode(img: Image.Image) -> Image.Image:
    """Any PIL mode → one of L, LA, RGB, RGBA (16-bit and float scaled, palette transparency kept)."""
    mode = img.mode
    if mode in ("L", "LA", "RGB", "RGBA"):
        return img
    if mode.startswith("I;16"):
        return Image.fromarray(_array_to_uint8(np.asarray(img), bits=16), mode="L")
    if mode in ("I", "F"):
        return Image.fromarray(_array_to_uint8(np.asarray(img)), mode="L")
    if mode == "1":
        return img.convert("L")
    if mode in ("P", "PA"):
        return img.convert("RGBA" if "transparency" in img.info or mode == "PA" else "RGB")
    if mode == "La":
        return img.convert("LA")
    if mode in ("RGBa", "RGBX"):
        return img.convert("RGBA" if mode == "RGBa" else "RGB")
    return img.convert("RGB")  # CMYK, YCbCr, LAB, HSV


def _check_size(size: tuple[int, int], max_pixels: int) -> None:
    w, h = size
    if w <= 0 or h <= 0:
        raise PreprocessError("the image is empty (0 pixels)", "이미지가 비어 있습니다 (0 픽셀)")
    if w * h > max_pixels:
        raise PreprocessError(
            f"the image is too large ({w}×{h} = {w * h / 1e6:.0f} megapixels; the limit is "
            f"{max_pixels / 1e6:.0f}). Please upload a smaller image.",
            f"이미지가 너무 큽니다 ({w}×{h} = {w * h / 1e6:.0f}메가픽셀, 한도 {max_pixels / 1e6:.0f}). "
            "더 작은 이미지를 올려 주세요.")


def _open_encoded(fp, max_pixels: int) -> Image.Image:
    """Decode an encoded image (file object) fully, turning every decoder failure into one message."""
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; we refuse instead.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(fp, formats=SAFE_FORMATS)
            _check_size(img.size, max_pixels)  # before decoding a single pixel
            img.load()
    except PreprocessError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PreprocessError(
            f"the image is too large: it has more than {Image.MAX_IMAGE_PIXELS / 1e6:.0f} megapixels, "
            "far more than its file size suggests (a 'decompression bomb'), and was refused",
            f"이미지가 너무 큽니다: {Image.MAX_IMAGE_PIXELS / 1e6:.0f}메가픽셀을 넘어 압축 폭탄일 수 있으므로 "
            "거부했습니다") from None
    except UnidentifiedImageError:
        raise PreprocessError(
            f"this file is not an image we can read (supported: {', '.join(SAFE_FORMATS)})",
            f"읽을 수 있는 이미지 파일이 아닙니다 (지원 형식: {', '.join(SAFE_FORMATS)})") from None
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise PreprocessError(f"the image file is damaged or truncated ({e})",
                              "이미지 파일이 손상되었거나 잘려 있습니다") from None
    return img


def _exif_upright(img: Image.Image) -> Image.Image:
    """Apply the EXIF orientation tag (phone photos are stored sideways)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Corrupt EXIF data": keep the pixels
            return ImageOps.exif_transpose(img)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not reject a good image
        return img


def load_image(src: Any, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> Image.Image:
    """Open any image a learner or Gradio can hand us, upright, in mode L, LA, RGB or RGBA.

    ``src``: a path, bytes, a binary file object, a NumPy array ((H, W) or (H, W, 1–4), any numeric
    dtype), a PIL image or a Gradio file dict (``{"path": ...}``). A Gradio Sketchpad dict is the
    demo's format: ``demos.sketchpad.sketch_image`` flattens it first.
    Raises :class:`PreprocessError` for anything that is not a usable image.
    """
    if isinstance(src, Mapping):
        if src.get("path"):
            return load_image(src["path"], max_pixels=max_pixels)
        if "layers" in src or "composite" in src or "background" in src:
            # The editor's dict is the demo's format, not an image: demos.sketchpad flattens it.
            raise PreprocessError("a Gradio Sketchpad value must be flattened first (demos.sketchpad.sketch_image)",
                                  "스케치 값은 먼저 이미지로 바꿔야 합니다 (demos.sketchpad.sketch_image)")
        raise PreprocessError("no image was given", "이미지가 없습니다")
    if src is None:
        raise PreprocessError("no image was given", "이미지가 없습니다")
    if isinstance(src, Image.Image):
        _check_size(src.size, max_pixels)
        try:
            src.load()
        except (OSError, SyntaxError, ValueError, EOFError) as e:
            raise PreprocessError(f"the image is damaged or truncated ({e})",
                                  "이미지가 손상되었거나 잘려 있습니다") from None
        img = src
    elif isinstance(src, np.ndarray):
        if src.ndim >= 2:
            _check_size((src.shape[1], src.shape[0]), max_pixels)
        return _from_array(src)
    elif isinstance(src, (bytes, bytearray, memoryview)):
        if len(src) == 0:
            raise PreprocessError("the file is empty (0 bytes)", "파일이 비어 있습니다 (0바이트)")
        img = _open_encoded(io.BytesIO(bytes(src)), max_pixels)
    elif isinstance(src, (str, os.PathLike)):
        path = Path(src)
        if not path.is_file():
            raise PreprocessError(f"file not found: {path.name}", f"파일을 찾을 수 없습니다: {path.name}")
        if path.stat().st_size == 0:
            raise PreprocessError("the file is empty (0 bytes)", "파일이 비어 있습니다 (0바이트)")
        with path.open("rb") as f:
            img = _open_encoded(f, max_pixels)
    elif hasattr(src, "read"):
        data = src.read()
        return load_image(data if data else b"", max_pixels=max_pixels)
    else:
        raise PreprocessError(f"expected an image (path, bytes, array or PIL image), got {type(src).__name__}",
                              f"이미지가 아닙니다 ({type(src).__name__})")
    return _canonical_mode(_exif_upright(img))


# --------------------------------------------------------------------------- digits
def _ink_map(img: Image.Image, background: str = "border") -> np.ndarray:
    """Ink strength in [0, 255] as float64 (H, W), whatever the polarity of the drawing.

    A transparent background (Sketchpad, cut-out PNG) means the alpha channel *is* the ink.
    Otherwise the median of the 1-px border decides the polarity: a light border means dark ink.
    ``background`` says what is paper: ``"border"``, that one median level, subtracted (grey paper
    reads as empty); ``"local"``, a smooth surface fitted to the paper (:func:`paper_level`), and
    dark ink is the fraction of that paper's light it swallows, so a shadow or uneven light across a
    photographed page is neither ink nor a fainter stroke. On uniform paper the two agree once the
    ink is stretched to its peak, as every caller does.
    """
    if background not in ("border", "local"):
        raise ValueError(f"background must be 'border' or 'local', got {background!r}")
    if img.mode in ("LA", "RGBA"):
        alpha = np.asarray(img.getchannel("A"), dtype=np.float64)  # (H, W)
        border = np.concatenate([alpha[0], alpha[-1], alpha[:, 0], alpha[:, -1]])
        if np.median(border) < 128:
            return alpha
        # An opaque (or nearly) image: judge it by its pixels, seen over white paper.
        img = Image.alpha_composite(Image.new("RGBA", img.size, "white"), img.convert("RGBA"))
    gray = np.asarray(img.convert("L"), dtype=np.float64)  # (H, W)
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    dark_ink = float(np.median(border)) >= 128
    if background == "border":
        bg = float(np.median(border))
        return np.clip(bg - gray if dark_ink else gray - bg, 0.0, None)
    bg = paper_level(gray, dark_ink)
    if not dark_ink:  # bright chalk on a dark board: what is added to the board is ink
        return np.clip(gray - bg, 0.0, None)
    # Light multiplies: a pixel is the light on it times what the page reflects there. Ink is the
    # share of the light the page swallowed, so a pen line in a shadow is as dark as in the sun.
    return np.clip(1.0 - gray / np.maximum(bg, 1.0), 0.0, None) * 255.0


PAPER_GRID = 32  # px on the longer side at which the paper's surface is fitted (it is smooth)
PAPER_MIN = 24  # px: a smaller picture (an 8 x 8 digit file) gets one level, the border's median


def _quadratic_terms(h: int, w: int) -> list[np.ndarray]:
    """1, x, y, x², xy, y² on an (h, w) grid of pixel centres scaled to [-1, 1], broadcastable to (h, w)."""
    y = ((np.arange(h) + 0.5) / h * 2 - 1)[:, None]  # (h, 1)
    x = ((np.arange(w) + 0.5) / w * 2 - 1)[None, :]  # (1, w)
    return [np.ones((1, 1)), x, y, x * x, x * y, y * y]


def paper_level(gray: np.ndarray, dark_ink: bool = True, rounds: int = 6) -> np.ndarray:
    """The paper's own level under each pixel of a greyscale (H, W) picture: a smooth quadratic
    surface fitted, on a ``PAPER_GRID``-px copy, to the pixels that are paper.

    Ink is what lies darker than the paper (lighter, for ``dark_ink=False``): the first fit uses the
    lighter half of the pixels, and each of up to ``rounds`` refits the pixels that do not lie
    clearly (4 robust standard deviations) on the ink side of the last surface. A quadratic follows
    what light does to a page (a gradient, a vignette, a tinted sheet) and cannot follow a pen
    stroke, however thick. Pictures under ``PAPER_MIN`` px (an 8 × 8 digit file) are too small to
    tell the two apart and get the border's median, a single level."""
    h, w = gray.shape
    if min(h, w) < PAPER_MIN:
        border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
        return np.full_like(gray, float(np.median(border)))
    f = min(1.0, PAPER_GRID / max(h, w))
    sw, sh = max(1, round(w * f)), max(1, round(h * f))
    small = (_resize_float(gray, (sw, sh), Image.BOX) if f < 1 else gray).ravel()  # (sh * sw,) area average
    design = np.stack([np.broadcast_to(t, (sh, sw)).ravel() for t in _quadratic_terms(sh, sw)], axis=1)  # (n, 6)
    sign = 1.0 if dark_ink else -1.0  # ink lies on the negative side of sign * (pixel - paper)
    # Start from the lighter half (the darker for bright ink): a digit covers less than half a page.
    paper = sign * small >= np.median(sign * small)
    for _ in range(rounds):
        # least squares, not the normal equations: a strip (1024 × 24 px) leaves y unknowable
        coef = np.linalg.lstsq(design[paper], small[paper], rcond=None)[0]
        resid = sign * (small - design @ coef)  # (n,) paper near 0, ink far below
        mad = float(np.median(np.abs(resid[paper] - np.median(resid[paper]))))
        keep = resid > -max(4.0, 4 * 1.4826 * mad)  # 4 robust sigmas of the paper's own texture
        if keep.sum() < design.shape[1] or np.array_equal(keep, paper):
            break
        paper = keep
    return sum(c * t for c, t in zip(coef, _quadratic_terms(h, w), strict=True))  # (H, W)


def _disk_dilate(ink: np.ndarray, radius: int) -> np.ndarray:
    """Grey-scale dilation of (H, W) by a disk of ``radius`` px (vectorised sliding-window max)."""
    if radius <= 0:
        return ink
    k = 2 * radius + 1
    yy, xx = np.mgrid[-radius:radius + 1, -radius:radius + 1]
    disk = (yy ** 2 + xx ** 2 <= radius ** 2 + 0.5).astype(ink.dtype)  # (k, k)
    padded = np.pad(ink, radius)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (k, k))  # (H, W, k, k)
    return (windows * disk).max(axis=(-2, -1))


def _stroke_width(ink: np.ndarray) -> float:
    """Mean stroke width in px of an ink map in [0, 1]: 2 · area / boundary length."""
    solid = ink > 0.5
    if not solid.any():
        return 0.0
    padded = np.pad(solid, 1)
    interior = padded[:-2, 1:-1] & padded[2:, 1:-1] & padded[1:-1, :-2] & padded[1:-1, 2:]
    boundary = np.count_nonzero(solid & ~interior)
    return 2.0 * np.count_nonzero(solid) / max(boundary, 1)


def _bbox(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def _resize_float(a: np.ndarray, size_wh: tuple[int, int], resample=Image.LANCZOS) -> np.ndarray:
    """Resize a float (H, W) map with Pillow's anti-aliased filters (mode F keeps full precision)."""
    out = np.asarray(Image.fromarray(a.astype(np.float32), mode="F").resize(size_wh, resample))
    return out.astype(np.float64)


def mass_centre(a: np.ndarray) -> tuple[float, float]:
    """Centre of mass ``(row, col)`` of a non-negative (H, W) image, pixel centres at +0.5 (how MNIST
    placed its digits); the image must hold some ink."""
    h, w = a.shape
    total = a.sum()
    return float(a.sum(axis=1) @ (np.arange(h) + 0.5) / total), float(a.sum(axis=0) @ (np.arange(w) + 0.5) / total)


def digit_pixels(src: Any, s) -> tuple[np.ndarray, np.ndarray]:
    """A drawing or an upload → MNIST-style model input, for a parsed
    :class:`core.serve.recipes.DigitSketch` ``s`` (use its ``apply``, or :func:`digit_input`).

    Returns ``x`` float32 (1, 1, pad_to, pad_to), normalised as the card says, and ``preview``
    uint8 (size, size): the digit exactly as the network sees it (before padding and
    normalisation), ink bright on dark. Raises :class:`EmptyDrawingError` for an empty canvas.
    """
    img = load_image(src)
    if max(img.size) > s.max_side:  # a 20 px digit needs no 12 MP photo; keep memory small
        img = img.copy()
        img.thumbnail((s.max_side, s.max_side), Image.BOX)
    ink = _ink_map(img, s.background)  # (H, W) in [0, 255]
    peak = ink.max()
    if peak < 24:  # below JPEG noise and faint paper texture: nothing was drawn
        raise EmptyDrawingError()
    ink /= peak  # contrast-stretch: a grey pencil line counts as much as a black marker
    top, bottom, left, right = _bbox(ink > 0.2)
    ink = ink[top:bottom, left:right]  # (h, w) tight crop around the ink

    # Work at 4× the box so thickening is smooth, then thicken hair-lines to min_stroke.
    work = 4 * s.box
    h, w = ink.shape
    f = work / max(h, w)
    ink = np.clip(_resize_float(ink, (max(1, round(w * f)), max(1, round(h * f)))), 0, 1)
    if ink.max() <= 0:  # only speckles finer than the working grid: nothing legible was drawn
        raise EmptyDrawingError()
    ink /= ink.max()  # downscaling averages fine speckle away; keep the strongest ink at 1
    missing = 4 * s.min_stroke - _stroke_width(ink)
    if missing > 1:
        r = int(np.ceil(missing / 2))
        ink = _disk_dilate(np.pad(ink, r), r)
        top, bottom, left, right = _bbox(ink > 0.2)
        ink = ink[top:bottom, left:right]

    # Longer side → box, aspect kept (MNIST's 20 × 20 frame).
    h, w = ink.shape
    f = s.box / max(h, w)
    glyph = np.clip(_resize_float(ink, (max(1, round(w * f)), max(1, round(h * f)))), 0, 1)
    # (gh, gw) quantised like the uint8 MNIST images, peak at 255 as in MNIST
    glyph = np.round(glyph * (255 / max(glyph.max(), 1e-12)))
    gh, gw = glyph.shape

    # Place the glyph so its centre of mass (or box centre) sits at the canvas centre.
    if s.center == "mass" and glyph.sum() > 0:
        cy, cx = mass_centre(glyph)
    else:
        cy, cx = gh / 2, gw / 2
    y0 = int(np.clip(np.round(s.size / 2 - cy), 0, s.size - gh))
    x0 = int(np.clip(np.round(s.size / 2 - cx), 0, s.size - gw))
    canvas = np.zeros((s.size, s.size), np.float64)
    canvas[y0:y0 + gh, x0:x0 + gw] = glyph
    preview = canvas.astype(np.uint8)  # (size, size), what the network sees

    before = (s.pad_to - s.size) // 2
    x = np.pad(canvas, (before, s.pad_to - s.size - before))  # (pad_to, pad_to)
    if s.ink == "dark_on_bright":
        x = 255.0 - x
    x = (x * s.scale - s.mean[0]) / s.std[0]
    return x[None, None].astype(np.float32), preview  # (1, 1, pad_to, pad_to)


# --------------------------------------------------------------------------- photos
def _flatten_rgb(img: Image.Image) -> Image.Image:
    """RGB over white paper: a transparent PNG of a cat is a cat on white, not on black."""
    if img.mode in ("LA", "RGBA"):
        img = Image.alpha_composite(Image.new("RGBA", img.size, "white"), img.convert("RGBA"))
    return img.convert("RGB")


def _photo_crop(img: Image.Image, s) -> Image.Image:
    """torchvision ``Resize`` + ``CenterCrop`` on a PIL image (same output size and pixels)."""
    w, h = img.size
    if max(w, h) / min(w, h) > s.max_aspect:
        raise PreprocessError(f"the image is too elongated ({w}×{h}); use a photo with an aspect "
                              f"ratio under {s.max_aspect:g}:1",
                              f"이미지가 너무 길쭉합니다 ({w}×{h}). 가로세로 비율이 {s.max_aspect:g}:1 이하인 "
                              "사진을 써 주세요")
    if isinstance(s.resize, int):
        # torchvision: the shorter side becomes `resize`, the longer one is truncated (int()).
        short, long = (w, h) if w <= h else (h, w)
        new_short, new_long = s.resize, int(s.resize * long / short)
        size_wh = (new_short, new_long) if w <= h else (new_long, new_short)
    else:
        size_wh = (s.resize[1], s.resize[0])
    img = img.resize(size_wh, _RESAMPLE[s.interpolation])
    ch, cw = _pair(s.crop)
    top, left = int(round((size_wh[1] - ch) / 2.0)), int(round((size_wh[0] - cw) / 2.0))
    return img.crop((left, top, left + cw, top + ch))


def photo_pixels(src: Any, s) -> tuple[np.ndarray, np.ndarray]:
    """A photo → ``x`` float32 (1, 3, crop, crop) (or NHWC) and the RGB uint8 (crop, crop, 3)
    crop the network saw (for saliency overlays), for a parsed :class:`core.serve.recipes.Photo` ``s``."""
    crop = np.asarray(_photo_crop(_flatten_rgb(load_image(src)), s))  # (H, W, 3) uint8
    x = crop.astype(np.float64) * s.scale
    if s.channel_order == "BGR":
        x = x[..., ::-1]  # mean and std are listed in the card's channel order
    x = (x - np.asarray(s.mean)) / np.asarray(s.std)  # broadcast over the channel axis
    x = x[None]  # (1, H, W, 3)
    if s.layout == "NCHW":
        x = x.transpose(0, 3, 1, 2)  # (1, 3, H, W)
    return np.ascontiguousarray(x, dtype=np.float32), crop


# The recipe classes live in core.serve.recipes (which imports this module for the pixels); their
# long-standing names stay importable from here, resolved lazily so that neither module needs the
# other half-initialised.
_FROM_RECIPES = ("DigitSpec", "PhotoSpec", "digit_spec", "photo_spec", "digit_input", "photo_input", "prepare")


def __getattr__(name: str):
    if name in _FROM_RECIPES:
        from core.serve import recipes

        return getattr(recipes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
