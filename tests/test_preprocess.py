"""core.serve.preprocess: every bad input, every image mode, EXIF, polarity, Sketchpad dicts, strokes,
and the photo recipe against torchvision itself."""
import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw

from core.serve.preprocess import (
    DigitSpec,
    EmptyDrawingError,
    PhotoSpec,
    PreprocessError,
    digit_input,
    load_image,
    photo_input,
    prepare,
)
from demos.sketchpad import sketch_image
from tests.conftest import draw_seven

DIGIT = {"kind": "digit_sketch", "color": "L", "ink": "bright_on_dark", "box": 20, "size": 28,
         "pad_to": 28, "center": "mass", "scale": 1 / 255, "mean": [0.1307], "std": [0.3081]}
PHOTO = {"kind": "photo", "color": "RGB", "resize": 256, "crop": 224, "interpolation": "bilinear",
         "scale": 1 / 255, "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
         "channel_order": "RGB", "layout": "NCHW"}


def to_bytes(im: Image.Image, fmt: str = "PNG", **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_1bit(w: int, h: int, full: bool) -> bytes:
    """A 1-bit greyscale PNG of w × h; ``full`` writes every (zero) row: a real decompression bomb."""
    rows = (b"\x00" * (1 + (w + 7) // 8)) * (h if full else 1)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(rows, 9)) + png_chunk(b"IEND", b""))


# --------------------------------------------------------------------------- bad input
def _bad_inputs(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("this is not an image")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    jpeg = to_bytes(draw_seven().convert("RGB"), "JPEG", quality=90)
    eps = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n"
    return {
        "not an image (bytes)": (b"hello, world", "not an image"),
        "not an image (file)": (text, "not an image"),
        "zero bytes": (b"", "empty"),
        "zero-byte file": (empty, "empty"),
        "truncated JPEG": (jpeg[: len(jpeg) // 2], "truncated"),
        "20000 x 20000": (png_1bit(20000, 20000, full=False), "too large"),
        "EPS (Ghostscript) refused": (eps, "not an image"),
        "missing file": (tmp_path / "nope.png", "not found"),
        "None": (None, "no image"),
        "an int": (42, "expected an image"),
        "array of wrong shape": (np.zeros((4, 4, 5), np.uint8), "shape"),
        "array with NaN": (np.full((8, 8), np.nan), "NaN"),
        "empty array": (np.zeros((0, 5), np.uint8), "empty"),
    }


def test_every_bad_input_is_one_clear_preprocess_error(tmp_path):
    for label, (src, words) in _bad_inputs(tmp_path).items():
        with pytest.raises(PreprocessError) as info:
            load_image(src)
        e = info.value
        assert words in e.message_en, (label, e.message_en)
        assert e.message_ko and e.message_ko in str(e) and e.message_en in str(e), label
        assert isinstance(e, ValueError)


def test_decompression_bomb_is_refused_even_with_a_generous_pixel_limit():
    bomb = png_1bit(10_000, 10_000, full=True)  # 100 megapixels of zeros
    assert len(bomb) < 100_000  # tiny on disk: that is what makes it a bomb
    with pytest.raises(PreprocessError, match="too large"):
        load_image(bomb)  # our own 50 MP limit
    with pytest.raises(PreprocessError) as info:
        load_image(bomb, max_pixels=10**10)  # Pillow's MAX_IMAGE_PIXELS guard, warning made an error
    assert "decompression bomb" in info.value.message_en
    assert "압축 폭탄" in info.value.message_ko


def test_bad_input_through_the_recipes_is_a_preprocess_error_too():
    with pytest.raises(PreprocessError):
        digit_input(b"GIF89a-not-really", DIGIT)
    with pytest.raises(PreprocessError):
        photo_input(b"", PHOTO)


# --------------------------------------------------------------------------- modes and EXIF
def _as_mode(gray: Image.Image, mode: str) -> Image.Image:
    a = np.asarray(gray)
    if mode == "I;16":
        return Image.fromarray(a.astype(np.uint16) * 257)  # uint16 → mode I;16
    if mode == "F":
        return Image.fromarray(a.astype(np.float32) / 255.0, mode="F")
    if mode == "LA":
        return Image.merge("LA", [gray, Image.new("L", gray.size, 255)])
    if mode == "RGBA":  # ink only in the alpha, over a transparent background (cut-out PNG)
        black = Image.new("L", gray.size, 0)
        return Image.merge("RGBA", [black, black, black, gray])
    if mode == "P":
        return gray.convert("RGB").convert("P", palette=Image.ADAPTIVE, colors=256)
    if mode == "1":
        return gray.point(lambda v: 255 if v >= 128 else 0).convert("1")
    return gray.convert(mode)


@pytest.mark.parametrize("mode", ["L", "LA", "P", "RGB", "RGBA", "CMYK", "I;16", "1", "F"])
def test_every_mode_gives_the_digit_the_L_image_gives(mode):
    gray = draw_seven(width=24)
    img = _as_mode(gray, mode)
    assert img.mode == mode
    loaded = load_image(img)
    assert loaded.mode in ("L", "LA", "RGB", "RGBA")
    _, want = digit_input(gray, DIGIT)
    _, got = digit_input(img, DIGIT)
    # Palette quantisation and 1-bit thresholding lose the anti-aliased edge; nothing else may change.
    tol = 12 if mode in ("1", "P") else 1
    assert np.abs(got.astype(int) - want.astype(int)).mean() <= tol, mode


def test_exif_orientation_is_applied(tmp_path):
    a = np.zeros((60, 100, 3), np.uint8)
    a[:, :50] = 255  # left half white: rotation is visible
    im = Image.fromarray(a)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    path = tmp_path / "phone.jpg"
    im.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    got = np.asarray(load_image(path).convert("RGB"), dtype=float)
    want = np.rot90(a, k=-1).astype(float)  # clockwise
    assert got.shape == want.shape == (100, 60, 3)
    assert np.abs(got - want).mean() < 4  # JPEG noise only


def test_arrays_of_any_dtype_are_scaled_to_8_bit():
    ramp = np.linspace(0, 1, 64).reshape(8, 8)
    want = np.round(ramp * 255).astype(np.uint8)
    for a in (ramp, ramp.astype(np.float32), np.round(ramp * 65535).astype(np.uint16),
              np.round(ramp * 255).astype(np.int64), ramp[..., None]):
        got = np.asarray(load_image(a))
        assert np.abs(got.astype(int) - want).max() <= 1, a.dtype
    assert np.asarray(load_image(np.eye(4, dtype=bool))).max() == 255
    assert load_image(np.zeros((5, 6, 4), np.uint8)).mode == "RGBA"
    assert load_image(np.zeros((5, 6, 2), np.uint8)).mode == "LA"


def test_sources_path_bytes_filelike_and_gradio_file_dict_agree(tmp_path):
    im = draw_seven()
    path = tmp_path / "seven.png"
    im.save(path)
    want = np.asarray(im)
    for src in (path, str(path), path.read_bytes(), io.BytesIO(path.read_bytes()), {"path": str(path)},
                np.asarray(im), im):
        assert np.array_equal(np.asarray(load_image(src)), want)


# --------------------------------------------------------------------------- digit recipe
def test_white_on_black_and_black_on_white_give_the_same_input():
    wob = draw_seven(ink=255, paper=0)
    bow = draw_seven(ink=0, paper=255)
    x1, p1 = digit_input(wob, DIGIT)
    x2, p2 = digit_input(bow, DIGIT)
    assert np.array_equal(x1, x2) and np.array_equal(p1, p2)
    # grey paper and a grey pencil: the background level is subtracted, contrast stretched
    _, p3 = digit_input(draw_seven(ink=70, paper=200), DIGIT)
    assert np.abs(p3.astype(int) - p1.astype(int)).mean() < 3


def _sketch(gray: Image.Image, kind: str, tmp_path=None):
    """Gradio Sketchpad value: a black brush on a transparent layer (ink in the alpha)."""
    black = Image.new("L", gray.size, 0)
    layer = Image.merge("RGBA", [black, black, black, gray])
    if kind == "numpy":
        layer = np.asarray(layer)
    elif kind == "filepath":
        layer.save(tmp_path / "layer.png")
        layer = str(tmp_path / "layer.png")
    return {"background": None, "layers": [layer], "composite": layer}


@pytest.mark.parametrize("kind", ["pil", "numpy", "filepath"])
def test_sketchpad_dict_uses_the_ink_in_the_layers_alpha(kind, tmp_path):
    gray = draw_seven()
    x_want, p_want = digit_input(gray, DIGIT)
    x, preview = digit_input(sketch_image(_sketch(gray, kind, tmp_path)), DIGIT)
    assert np.array_equal(preview, p_want) and np.array_equal(x, x_want)


def test_sketchpad_two_layers_are_merged_and_composite_is_the_fallback():
    top, bottom = draw_seven(), draw_seven()
    top.paste(0, (0, 200, 400, 400))  # stroke split over two layers
    bottom.paste(0, (0, 0, 400, 200))
    black = Image.new("L", top.size, 0)
    layers = [Image.merge("RGBA", [black, black, black, g]) for g in (top, bottom)]
    _, want = digit_input(draw_seven(), DIGIT)
    _, got = digit_input(sketch_image({"background": None, "layers": layers, "composite": None}), DIGIT)
    assert np.abs(got.astype(int) - want.astype(int)).max() <= 1
    # No layers (an API caller sent a flattened RGB image): the composite is read instead.
    flat = draw_seven(ink=0, paper=255).convert("RGB")
    _, got = digit_input(sketch_image({"background": None, "layers": [], "composite": flat}), DIGIT)
    assert np.array_equal(got, want)


def test_white_paint_over_black_ink_is_a_correction_not_ink():
    ink = draw_seven()
    black, white = Image.new("L", ink.size, 0), Image.new("L", ink.size, 255)
    stroke = Image.merge("RGBA", [black, black, black, ink])
    cover = Image.new("L", ink.size, 0)
    cover.paste(255, (0, 200, 400, 400))  # white paint over the lower half of the '7'
    correction = Image.merge("RGBA", [white, white, white, cover])
    kept = ink.copy()
    kept.paste(0, (0, 200, 400, 400))
    _, want = digit_input(kept, DIGIT)
    _, got = digit_input(sketch_image({"background": None, "layers": [stroke, correction], "composite": None}), DIGIT)
    assert np.array_equal(got, want)


def test_empty_canvas_asks_for_a_drawing():
    clear = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    empties = [
        {"background": None, "layers": [clear], "composite": clear},
        {"background": None, "layers": [], "composite": None},
        Image.new("RGB", (300, 300), "white"),
        Image.new("L", (300, 300), 0),
    ]
    for src in empties:
        with pytest.raises(EmptyDrawingError) as info:
            digit_input(sketch_image(src), DIGIT)
        assert str(info.value) == "먼저 숫자를 그려 주세요 · draw a digit first"
        assert isinstance(info.value, PreprocessError)


def _centre_of_mass(a: np.ndarray) -> np.ndarray:
    from scipy import ndimage

    return np.asarray(ndimage.center_of_mass(a.astype(np.float64)))


@pytest.mark.parametrize("width", [3, 40])
def test_thin_and_thick_strokes_both_become_mnist_like(width):
    _, p = digit_input(draw_seven(width=width), DIGIT)
    rows, cols = np.flatnonzero(p.any(axis=1)), np.flatnonzero(p.any(axis=0))
    assert max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) in (20, 21)  # the 20 px box
    # SciPy's centre of mass in index coordinates; the canvas centre is (13.5, 13.5).
    assert np.abs(_centre_of_mass(p) - 13.5).max() <= 0.5 + 1e-9
    # MNIST's mean intensity is 33/255; a 3 px pen line must not shrink to a faint hair.
    assert 12 < p.mean() < 60, p.mean()
    assert p.max() == 255


def test_stroke_width_is_normalised_between_thin_and_thick():
    means = [digit_input(draw_seven(width=w), DIGIT)[1].mean() for w in (3, 40)]
    assert max(means) / min(means) < 2.0, means


def test_a_huge_upload_is_shrunk_first_and_reads_the_same():
    small = draw_seven(width=24)
    big = small.resize((3000, 3000), Image.BILINEAR)  # 9 MP photo of the same drawing
    _, want = digit_input(small, DIGIT)
    _, got = digit_input(big, DIGIT)
    assert np.abs(got.astype(int) - want.astype(int)).mean() < 6  # a 1 px shift of a '7' is ~15
    assert np.abs(_centre_of_mass(got) - _centre_of_mass(want)).max() < 0.5


def test_longer_side_is_box_and_aspect_ratio_is_kept():
    im = Image.new("L", (400, 400), 0)
    ImageDraw.Draw(im).rectangle([50, 150, 349, 249], fill=255)  # 300 × 100 bar
    _, p = digit_input(im, DIGIT)
    rows, cols = np.flatnonzero(p.max(axis=1) > 127), np.flatnonzero(p.max(axis=0) > 127)
    assert cols[-1] - cols[0] + 1 == 20
    assert abs((rows[-1] - rows[0] + 1) - 20 / 3) <= 1


def test_normalisation_and_padding_follow_the_card():
    x28, preview = digit_input(draw_seven(), DIGIT)
    want = (preview.astype(np.float64) / 255 - 0.1307) / 0.3081
    np.testing.assert_allclose(x28[0, 0], want, rtol=0, atol=1e-6)
    x32, p32 = digit_input(draw_seven(), dict(DIGIT, pad_to=32))
    assert x32.shape == (1, 1, 32, 32) and x32.dtype == np.float32
    assert np.array_equal(p32, preview)
    np.testing.assert_array_equal(x32[0, 0, 2:30, 2:30], x28[0, 0])
    np.testing.assert_allclose(x32[0, 0, :2], -0.1307 / 0.3081, atol=1e-6)
    # A card trained on dark ink over white gets the polarity it expects.
    xd, _ = digit_input(draw_seven(), dict(DIGIT, ink="dark_on_bright", mean=[0.0], std=[1.0]))
    np.testing.assert_allclose(xd[0, 0], 1 - preview / 255, atol=1e-6)


def test_centre_box_option_centres_the_bounding_box():
    im = Image.new("L", (400, 400), 0)
    ImageDraw.Draw(im).polygon([(100, 100), (300, 100), (100, 300)], fill=255)  # mass in a corner
    _, p_box = digit_input(im, dict(DIGIT, center="box"))
    rows, cols = np.flatnonzero(p_box.any(axis=1)), np.flatnonzero(p_box.any(axis=0))
    assert (rows[0], rows[-1], cols[0], cols[-1]) == (4, 23, 4, 23)
    _, p_mass = digit_input(im, DIGIT)
    assert np.abs(_centre_of_mass(p_mass) - 13.5).max() <= 0.5 + 1e-9


def test_spec_validation_names_what_was_expected():
    with pytest.raises(ValueError, match="box <= size <= pad_to"):
        DigitSpec(box=30, size=28, pad_to=28)
    with pytest.raises(ValueError, match="center"):
        digit_input(draw_seven(), dict(DIGIT, center="middle"))
    with pytest.raises(ValueError, match="interpolation"):
        PhotoSpec(interpolation="cubic-ish")
    with pytest.raises(ValueError, match="smaller than crop"):
        PhotoSpec(resize=200, crop=224)
    with pytest.raises(ValueError, match="kind"):
        prepare(draw_seven(), {"name": "x", "preprocess": {"kind": "audio"}})
    with pytest.raises(ValueError, match="preprocess"):
        prepare(draw_seven(), {"name": "x"})


# --------------------------------------------------------------------------- photo recipe
def _photo(w: int = 300, h: int = 200) -> Image.Image:
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:h, 0:w]
    a = np.stack([xx * 255 / w, yy * 255 / h, 128 + 60 * np.sin(xx / 9.0)], -1)
    a = a + rng.normal(0, 20, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("size,spec", [((300, 200), PHOTO), ((199, 333), PHOTO),
                                       ((180, 180), dict(PHOTO, resize=72, crop=64)),
                                       ((181, 120), dict(PHOTO, resize=[90, 100], crop=[80, 96],
                                                         interpolation="bicubic"))])
def test_photo_matches_torchvision_in_float64(size, spec):
    import torch
    from torchvision import transforms as T

    im = _photo(*size)
    resize = spec["resize"] if np.isscalar(spec["resize"]) else tuple(spec["resize"])
    crop = spec["crop"] if np.isscalar(spec["crop"]) else tuple(spec["crop"])
    mode = {"bilinear": T.InterpolationMode.BILINEAR, "bicubic": T.InterpolationMode.BICUBIC}
    tv = T.Compose([T.Resize(resize, interpolation=mode[spec["interpolation"]]), T.CenterCrop(crop),
                    T.PILToTensor()])
    ref = tv(im).to(torch.float64) / 255
    ref = (ref - torch.tensor(spec["mean"], dtype=torch.float64)[:, None, None]) \
        / torch.tensor(spec["std"], dtype=torch.float64)[:, None, None]
    x, crop_img = photo_input(im, spec)
    assert x.dtype == np.float32 and x.shape == (1, *ref.shape)
    np.testing.assert_allclose(x[0].astype(np.float64), ref.numpy(), rtol=0, atol=1e-5)
    assert crop_img.shape == (ref.shape[1], ref.shape[2], 3) and crop_img.dtype == np.uint8


def test_photo_layouts_channel_order_alpha_and_strips():
    im = _photo()
    x, _ = photo_input(im, PHOTO)
    xh, _ = photo_input(im, dict(PHOTO, layout="NHWC"))
    np.testing.assert_array_equal(xh.transpose(0, 3, 1, 2), x)
    xb, _ = photo_input(im, dict(PHOTO, channel_order="BGR",
                                 mean=PHOTO["mean"][::-1], std=PHOTO["std"][::-1]))
    np.testing.assert_allclose(xb[:, ::-1], x, atol=1e-6)
    # a transparent cut-out is seen on white paper
    rgba = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    _, crop = photo_input(rgba, PHOTO)
    assert crop.min() == 255
    with pytest.raises(PreprocessError, match="elongated"):
        photo_input(Image.new("RGB", (2100, 100)), PHOTO)
    x, _ = prepare(im, {"name": "pets", "preprocess": PHOTO})
    assert x.shape == (1, 3, 224, 224)
