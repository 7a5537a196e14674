"""The Gradio demo in a real browser: draw a digit with the mouse, upload a pet photo."""
from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MODELS = ROOT / "models"
EXAMPLES = ROOT / "demos" / "examples"


@pytest.fixture(autouse=True)
def _needs_models():
    missing = [m for m in ("mnist.onnx", "pets.onnx") if not (MODELS / m).exists()]
    if missing:
        pytest.skip(f"served models missing: {', '.join(missing)} (train and export them first)")


def _top_label(page, scope) -> str:
    loc = scope.locator('[data-testid="label-output-value"]').first
    loc.wait_for(timeout=60_000)
    return loc.inner_text().strip()


def test_drawing_a_seven_with_the_mouse_gives_seven(page, demo_url, artifacts):
    page.goto(demo_url)
    canvas = page.locator("#digit-sketch canvas").first
    canvas.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)  # the brush tool is selected on load
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]

    def stroke(points):
        page.mouse.move(x0 + points[0][0] * w, y0 + points[0][1] * h)
        page.mouse.down()
        for px, py in points[1:]:
            page.mouse.move(x0 + px * w, y0 + py * h, steps=12)
        page.mouse.up()

    # a "7": the top bar, then the long diagonal down to the left
    stroke([(0.28, 0.25), (0.72, 0.25), (0.45, 0.80)])
    page.wait_for_timeout(500)
    page.get_by_role("button", name=re.compile("Predict")).first.click()
    page.wait_for_function(
        "() => { const e = document.querySelector('[data-testid=\"label-output-value\"]');"
        " return e && e.innerText.trim().length > 0; }", timeout=60_000)
    page.screenshot(path=str(artifacts / "demo_digit_seven.png"), full_page=True)
    assert _top_label(page, page).startswith("7")


def test_uploading_a_cat_photo_gives_cat(page, demo_url, artifacts):
    photo = sorted(EXAMPLES.glob("cat_*.jpg"))[0]
    page.goto(demo_url)
    page.get_by_role("tab", name=re.compile("Dog vs Cat")).click()
    panel = page.locator('[role="tabpanel"]:visible').first
    panel.locator('input[type="file"]').first.set_input_files(str(photo))
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('[data-testid=\"label-output-value\"]'))"
        ".some(e => e.offsetParent !== null && e.innerText.trim().length > 0)", timeout=90_000)
    label = panel.locator('[data-testid="label-output-value"]').first.inner_text().strip().lower()
    page.screenshot(path=str(artifacts / "demo_pet_cat.png"), full_page=True)
    assert "cat" in label or "고양이" in label, label
