"""Issue 15 in a real browser: the CNN explainer page (pick an MNIST digit / an example → maps, the
cell sum; draw on the canvas when ``streamlit-drawable-canvas`` is importable) and a "check
yourself" exercise answered wrong, then right. Runs on the session's dashboard server
(tests/browser/conftest.py); ``streamlit-drawable-canvas`` is pinned in requirements.txt.
"""
from __future__ import annotations

import os
import re

import pytest

from dashboard.i18n import translate
from tests.conftest import ROOT, settle_streamlit

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _open_explainer(page, url):
    page.goto(f"{url}/cnn_explainer")
    page.get_by_role("heading", name=re.compile(re.escape(translate("p15a.title", "ko")))).first.wait_for(
        timeout=120_000)
    settle_streamlit(page, 120_000)


def _tall_screenshot(page, path, height: int = 2600) -> None:
    """Streamlit scrolls inside its own container, so "full page" is the viewport: make it tall."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(1500)
    settle_streamlit(page, 120_000)
    page.screenshot(path=str(path))


def _prediction(page) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=translate("p15a.prediction", "ko"))
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def test_explainer_on_an_mnist_digit(page, dashboard_url, artifacts):
    _open_explainer(page, dashboard_url)
    if os.environ.get("DL_DATA_DIR") or (ROOT.parent / "shared" / "data" / "MNIST").is_dir():
        page.get_by_text(translate("p15a.source.mnist", "ko"), exact=True).click()
        settle_streamlit(page, 120_000)
        box = page.get_by_label(translate("p15a.mnist_index", "ko"))
        box.wait_for(timeout=180_000)  # the first MNIST load reads the test set (seconds on 2 cores)
        box.fill("4")
        box.press("Enter")
    else:
        page.get_by_text(translate("p15a.source.example", "ko"), exact=True).click()
    settle_streamlit(page, 120_000)
    assert re.fullmatch(r"\d", _prediction(page))
    # the kernels, every feature-map layer, the pooling pair, the receptive field and the colour key
    images = page.locator('[data-testid="stImage"] img')
    assert images.count() >= 1 + 8 + 2 + 2 + 1
    assert page.get_by_text(re.compile("ONNX Runtime")).count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(artifacts / "explainer_mnist_digit.png"), full_page=True)
    _tall_screenshot(page, artifacts / "explainer_mnist_digit_tall.png", height=5600)


def test_explainer_on_a_drawing(page, dashboard_url, artifacts):
    _open_explainer(page, dashboard_url)
    canvas = page.locator("canvas").last
    canvas.wait_for(timeout=60_000)
    b = canvas.bounding_box()
    x0, y0, w, h = b["x"], b["y"], b["width"], b["height"]
    # a "7": the top bar, then the diagonal
    page.mouse.move(x0 + 0.25 * w, y0 + 0.2 * h)
    page.mouse.down()
    for i in range(1, 11):
        page.mouse.move(x0 + (0.25 + 0.05 * i) * w, y0 + 0.2 * h)
    for i in range(1, 16):
        page.mouse.move(x0 + (0.75 - 0.02 * i) * w, y0 + (0.2 + 0.045 * i) * h)
    page.mouse.up()
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60_000)
    settle_streamlit(page, 120_000)
    assert re.fullmatch(r"\d", _prediction(page))
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(artifacts / "explainer_drawing.png"), full_page=True)
    _tall_screenshot(page, artifacts / "explainer_drawing_tall.png", height=2300)


def test_exercise_wrong_then_right(page, dashboard_url, artifacts):
    """Page 14's first exercise: a wrong answer shows the error and the answers; typing those is right."""
    page.goto(f"{dashboard_url}/convolution")
    page.get_by_role("heading", name=translate("ui.check.title", "ko")).wait_for(timeout=120_000)
    settle_streamlit(page, 120_000)
    labels = [translate("ex.p14.size.f.size", "ko"), translate("ex.p14.size.f.params", "ko")]
    form = page.locator('[data-testid="stForm"]').first
    for label in labels:
        form.get_by_label(label).fill("0")
    form.get_by_role("button", name=translate("ui.check.submit", "ko")).click()
    alert = page.locator('[data-testid="stAlertContentError"]').first
    alert.wait_for(timeout=60_000)
    answers = re.findall(r"\(정답 ([^)]+)\)", alert.inner_text())
    assert len(answers) == 2, alert.inner_text()
    page.screenshot(path=str(artifacts / "exercise_wrong.png"), full_page=True)
    for label, value in zip(labels, answers, strict=True):
        form.get_by_label(label).fill(value.replace(",", ""))
    form.get_by_role("button", name=translate("ui.check.submit", "ko")).click()
    page.get_by_text(translate("ui.check.right", "ko")).first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_text(translate("ui.check.right", "ko")).first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "exercise_right.png"))
