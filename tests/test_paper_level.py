"""core.serve.preprocess.paper_level and the digit recipe's ``background``: shading on a photographed
page is paper, not ink; a clean canvas reads exactly as before."""
import numpy as np
import pytest
from PIL import Image

from core.serve.ood import DigitGate, digit_image_stats
from core.serve.preprocess import PAPER_MIN, _ink_map, digit_input, paper_level
from core.serve.recipes import DigitSketch
from tests.conftest import DIGIT_PRE, draw_seven


def quadratic(h: int, w: int, c) -> np.ndarray:
    y = ((np.arange(h) + 0.5) / h * 2 - 1)[:, None]
    x = ((np.arange(w) + 0.5) / w * 2 - 1)[None, :]
    return c[0] + c[1] * x + c[2] * y + c[3] * x * x + c[4] * x * y + c[5] * y * y  # (h, w)


def shaded(drawing: Image.Image, light: np.ndarray, pen: float = 30.0) -> Image.Image:
    """A dark-on-white drawing re-lit: the paper takes the level ``light`` (H, W), the ink ``pen``."""
    a = 1.0 - np.asarray(drawing, np.float64) / 255.0  # (H, W) ink cover
    return Image.fromarray(np.round(light * (1 - a) + pen * a).astype(np.uint8))


def test_fit_equals_least_squares_on_the_paper_pixels():
    """At the fitting grid's own size the iteration must end on exactly the paper pixels, so its surface
    is NumPy's float64 least-squares quadratic through them (tolerance 1e-8 levels)."""
    truth = quadratic(32, 32, (200.0, 20.0, -15.0, -10.0, 6.0, -8.0))
    ink = np.zeros((32, 32), bool)
    ink[6:26, 14:19] = True  # a thick bar
    ink[8:12, 5:28] = True
    g = np.where(ink, 25.0, truth)
    yy, xx = np.mgrid[0:32, 0:32]
    y, x = (yy + 0.5) / 32 * 2 - 1, (xx + 0.5) / 32 * 2 - 1
    design = np.stack([np.ones_like(x), x, y, x * x, x * y, y * y], -1)[~ink]  # (m, 6)
    coef = np.linalg.lstsq(design, g[~ink], rcond=None)[0]
    np.testing.assert_allclose(paper_level(g), quadratic(32, 32, coef), atol=1e-8)
    np.testing.assert_allclose(paper_level(g), truth, atol=1e-8)


@pytest.mark.parametrize("light", ["ramp", "vignette"])
def test_shading_under_a_thick_stroke_is_recovered(light):
    h, w = 300, 400
    yy, xx = np.mgrid[0:h, 0:w]
    paper = (np.tile(np.linspace(110, 240, w), (h, 1)) if light == "ramp"
             else 230 - 40 * (((yy - 150) / 150) ** 2 + ((xx - 200) / 200) ** 2))
    g = paper.copy()
    g[40:260, 150:200] = 20  # a stroke an eighth of the picture wide
    g[120:150, 60:340] = 20
    assert np.abs(paper_level(g) - paper).max() < 0.5


def test_bright_ink_on_dark_paper_is_fitted_from_below():
    g = np.full((120, 100), 30.0)
    g[20:100, 40:60] = 240.0
    np.testing.assert_allclose(paper_level(g, dark_ink=False), 30.0, atol=1e-8)


def test_a_tiny_picture_gets_the_border_median():
    g = np.full((8, 8), 250.0)
    g[2:6, 3:5] = 0.0
    g[0, 0] = 10.0  # one dark border pixel does not move the median
    assert PAPER_MIN > 8
    np.testing.assert_array_equal(paper_level(g), np.full((8, 8), 250.0))


def test_clean_canvas_reads_the_same_with_either_paper_model():
    img = draw_seven(ink=0, paper=255)
    local = digit_input(img, DIGIT_PRE)[0]  # the recipe's default
    border = digit_input(img, {**DIGIT_PRE, "background": "border"})[0]
    np.testing.assert_allclose(local, border, atol=1e-5)


def test_a_shadow_across_the_page_is_not_ink():
    img = draw_seven(ink=0, paper=255)
    clean = digit_input(img, DIGIT_PRE)[1].astype(float)  # (28, 28) what the network sees
    light = np.tile(np.linspace(240, 110, 400), (400, 1))  # light falls off to the right
    photo = shaded(img, light)
    local = digit_input(photo, DIGIT_PRE)[1].astype(float)
    border = digit_input(photo, {**DIGIT_PRE, "background": "border"})[1].astype(float)
    assert np.abs(local - clean).mean() < 3, np.abs(local - clean).mean()
    assert np.abs(border - clean).mean() > 15  # the old single level reads the dark side as ink


def test_background_is_validated_and_written_to_the_card():
    assert DigitSketch.parse(DIGIT_PRE).to_card()["background"] == "local"
    assert DigitSketch.parse({**DIGIT_PRE, "background": "border"}).background == "border"
    with pytest.raises(ValueError, match="'background' must be 'local' or 'border'"):
        DigitSketch.parse({**DIGIT_PRE, "background": "blur"})
    with pytest.raises(ValueError, match="background must be 'border' or 'local'"):
        _ink_map(draw_seven(), "blur")


def test_gate_reads_the_statistics_it_was_fitted_on():
    spec = {"method": "digit_gate", "features": ["colourfulness", "mid_grey", "ink_fraction", "edge_density",
                                                 "border_ink", "contrast", "max_logit", "energy"],
            "mean": [0.0] * 8, "std": [1.0] * 8, "weights": [0.0] * 8, "bias": 0.0, "threshold": 0.5}
    assert DigitGate.from_card({"ood": spec}).ink_background == "border"  # cards fitted before the field
    gate = DigitGate.from_card({"ood": {**spec, "ink_background": "local"}})
    photo = shaded(draw_seven(ink=0, paper=255), np.tile(np.linspace(240, 110, 400), (400, 1)))
    assert gate.image_stats(photo) == digit_image_stats(photo, background="local")
    assert gate.image_stats(photo)["mid_grey"] < digit_image_stats(photo)["mid_grey"]
    with pytest.raises(ValueError, match="ink_background must be 'border' or 'local'"):
        DigitGate.from_card({"ood": {**spec, "ink_background": "x"}})
