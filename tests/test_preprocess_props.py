"""Property-based hard inputs for core.serve.preprocess (hypothesis): random sizes from 1×1 to large,
every PIL mode, numeric dtypes, alpha channels, encoded and damaged files. Whatever comes in, the
result is a valid model input or a PreprocessError — never any other exception."""
import io

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from core.serve.preprocess import PreprocessError, digit_input, load_image, photo_input
from demos.sketchpad import sketch_image

DIGIT = {"kind": "digit_sketch", "box": 20, "size": 28, "pad_to": 32, "center": "mass",
         "scale": 1 / 255, "mean": [0.1307], "std": [0.3081]}
PHOTO = {"kind": "photo", "resize": 72, "crop": 64, "interpolation": "bilinear", "scale": 1 / 255,
         "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Mostly small sides (where the edge cases live), sometimes large ones.
sides = st.one_of(st.integers(1, 64), st.integers(65, 600), st.sampled_from([1500, 2600]))
dtypes = st.sampled_from(["uint8", "uint16", "int32", "int64", "float32", "float64", "bool"])
fills = st.sampled_from(["noise", "constant", "ramp", "blob", "nan"])


def make_array(h, w, channels, dtype, fill, seed):
    rng = np.random.default_rng(seed)
    shape = (h, w) if channels == 0 else (h, w, channels)
    if fill == "noise":
        a = rng.random(shape)
    elif fill == "constant":
        a = np.full(shape, rng.random())
    elif fill == "ramp":
        a = np.broadcast_to(np.linspace(0, 1, w)[None, :, None][..., :1] if channels else
                            np.linspace(0, 1, w)[None, :], shape).copy()
    else:
        yy, xx = np.mgrid[0:h, 0:w]
        a = (((yy - h / 2) ** 2 + (xx - w / 2) ** 2) < (min(h, w) / 4) ** 2).astype(float)
        a = np.broadcast_to(a[..., None] if channels else a, shape).copy()
        if fill == "nan" and dtype.startswith("float"):
            a[rng.integers(0, h), rng.integers(0, w)] = np.nan
    if dtype == "bool":
        return a > 0.5
    if dtype.startswith("float"):
        return (a * rng.choice([1.0, 255.0, 1000.0, -3.0])).astype(dtype)
    info = np.iinfo(dtype)
    top = min(info.max, rng.choice([255, 65535, 10**6]))
    return (a * top).astype(dtype)


def check(src):
    """The property: a valid input for both recipes, or a PreprocessError."""
    for fn, spec, shape in ((digit_input, DIGIT, (1, 1, 32, 32)), (photo_input, PHOTO, (1, 3, 64, 64))):
        try:
            x, preview = fn(src, spec)
        except PreprocessError as e:
            assert e.message_en and e.message_ko
            continue
        assert x.shape == shape and x.dtype == np.float32 and np.isfinite(x).all()
        assert preview.dtype == np.uint8


@SETTINGS
@given(h=sides, w=sides, channels=st.sampled_from([0, 1, 2, 3, 4]), dtype=dtypes, fill=fills,
       seed=st.integers(0, 2**16))
def test_any_numpy_array(h, w, channels, dtype, fill, seed):
    check(make_array(h, w, channels, dtype, fill, seed))


MODES = ["1", "L", "LA", "P", "PA", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "I;16", "F"]


def pil_in_mode(h, w, mode, fill, seed):
    rgba = Image.fromarray(make_array(h, w, 4, "uint8", "noise" if fill == "nan" else fill, seed))
    if mode == "I;16":
        return Image.fromarray(np.asarray(rgba.convert("L")).astype(np.uint16) * 257)
    if mode == "PA":
        return rgba.convert("P").convert("PA")
    return rgba.convert(mode)


@SETTINGS
@given(h=sides, w=sides, mode=st.sampled_from(MODES), fill=fills, seed=st.integers(0, 2**16))
def test_any_pil_mode(h, w, mode, fill, seed):
    check(pil_in_mode(h, w, mode, fill, seed))


ENCODINGS = {"PNG": ["1", "L", "LA", "P", "RGB", "RGBA", "I;16"], "JPEG": ["L", "RGB", "CMYK"],
             "GIF": ["P", "L"], "BMP": ["1", "L", "P", "RGB"], "TIFF": ["L", "RGB", "RGBA", "CMYK", "F"],
             "WEBP": ["RGB", "RGBA"]}


@SETTINGS
@given(h=st.integers(1, 300), w=st.integers(1, 300), fmt=st.sampled_from(sorted(ENCODINGS)),
       mode_pick=st.integers(0, 10), fill=fills, seed=st.integers(0, 2**16),
       damage=st.sampled_from(["none", "truncate", "flip", "prefix"]), cut=st.floats(0.0, 1.0))
def test_any_encoded_file_intact_or_damaged(h, w, fmt, mode_pick, fill, seed, damage, cut):
    modes = ENCODINGS[fmt]
    img = pil_in_mode(h, w, modes[mode_pick % len(modes)], fill, seed)
    buf = io.BytesIO()
    img.save(buf, fmt)
    data = bytearray(buf.getvalue())
    pos = int(cut * (len(data) - 1))
    if damage == "truncate":
        data = data[:pos]
    elif damage == "flip":
        data[pos] ^= 0xFF
    elif damage == "prefix":
        data = bytearray(b"garbage") + data
    check(bytes(data))


@SETTINGS
@given(h=st.integers(1, 200), w=st.integers(1, 200), seed=st.integers(0, 2**16),
       n_layers=st.integers(0, 3), with_composite=st.booleans(), kind=st.sampled_from(["pil", "numpy"]))
def test_any_sketchpad_value(h, w, seed, n_layers, with_composite, kind):
    rng = np.random.default_rng(seed)

    def layer():
        a = np.zeros((h, w, 4), np.uint8)
        a[..., 3] = (rng.random((h, w)) < rng.random() * 0.2) * 255  # sparse ink in the alpha
        return a if kind == "numpy" else Image.fromarray(a)

    value = {"background": None, "layers": [layer() for _ in range(n_layers)],
             "composite": layer() if with_composite else None}
    try:
        image = sketch_image(value)  # the demo's adapter flattens the editor dict first
    except PreprocessError as e:
        assert e.message_en and e.message_ko
        return
    check(image)


def test_large_photo_within_the_limit_is_served():
    # 4000 × 3000 (12 MP, a phone photo): accepted, and fast enough for the demo.
    a = np.random.default_rng(0).integers(0, 256, (3000, 4000, 3), dtype=np.uint8)
    x, crop = photo_input(a, PHOTO)
    assert x.shape == (1, 3, 64, 64) and crop.shape == (64, 64, 3)
    assert load_image(a).size == (4000, 3000)


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_of_a_drawn_digit_is_accepted(mode):
    img = pil_in_mode(120, 90, mode, "blob", 0)
    x, preview = digit_input(img, DIGIT)
    assert x.shape == (1, 1, 32, 32) and preview.max() > 0
