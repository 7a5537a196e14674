"""Issue 15 in a real browser: the CNN explainer page (pick an MNIST digit / an example → maps, the
cell sum; draw on the canvas when ``streamlit-drawable-canvas`` is importable) and a "check
yourself" exercise answered wrong, then right.

The server inherits ``PYTHONPATH`` after the repository root, so
``PYTHONPATH=$PWD:/path/to/canvas/pkg`` exercises the drawing path without installing it here.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys

import pytest

from dashboard.i18n import translate
from tests.browser.conftest import _free_port, _start
from tests.browser.test_dashboard_browser import _settle
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HAS_CANVAS = importlib.util.find_spec("streamlit_drawable_canvas") is not None


@pytest.fixture(scope="module")
def app_url(artifacts):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    url = f"http://127.0.0.1:{port}"
    proc, fh = _start([sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
                       f"--server.port={port}", "--server.address=127.0.0.1", "--server.headless=true",
                       "--browser.gatherUsageStats=false"], env, url, artifacts / "dashboard_explainer.log")
    yield url
    proc.terminate()
    try:
        proc.wait(30)
    except Exception:  # noqa: BLE001 - a busy machine: stop it the hard way
        proc.kill()
    fh.close()


def _open_explainer(page, url):
    page.goto(f"{url}/cnn_explainer")
    page.get_by_role("heading", name=re.compile(re.escape(translate("p15a.title", "ko")))).first.wait_for(
        timeout=120_000)
    _settle(page, 120_000)


def _tall_screenshot(page, path, height: int = 2600) -> None:
    """Streamlit scrolls inside its own container, so "full page" is the viewport: make it tall."""
    page.set_viewport_size({"width": 1400, "height": height})
    page.wait_for_timeout(1500)
    _settle(page, 120_000)
    page.screenshot(path=str(path))


def _prediction(page) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=translate("p15a.prediction", "ko"))
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def test_explainer_on_an_mnist_digit(page, app_url, artifacts):
    _open_explainer(page, app_url)
    if os.environ.get("DL_DATA_DIR") or (ROOT.parent / "shared" / "data" / "MNIST").is_dir():
        page.get_by_text(translate("p15a.source.mnist", "ko"), exact=True).click()
        _settle(page, 120_000)
        box = page.get_by_label(translate("p15a.mnist_index", "ko"))
        box.wait_for(timeout=180_000)  # the first MNIST load reads the test set (seconds on 2 cores)
        box.fill("4")
        box.press("Enter")
    else:
        page.get_by_text(translate("p15a.source.example", "ko"), exact=True).click()
    _settle(page, 120_000)
    assert re.fullmatch(r"\d", _prediction(page))
    # the kernels, every feature-map layer, the pooling pair, the receptive field and the colour key
    images = page.locator('[data-testid="stImage"] img')
    assert images.count() >= 1 + 8 + 2 + 2 + 1
    assert page.get_by_text(re.compile("ONNX Runtime")).count() >= 1
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(artifacts / "explainer_mnist_digit.png"), full_page=True)
    _tall_screenshot(page, artifacts / "explainer_mnist_digit_tall.png", height=5600)


@pytest.mark.skipif(not HAS_CANVAS, reason="streamlit-drawable-canvas is not installed (optional)")
def test_explainer_on_a_drawing(page, app_url, artifacts):
    _open_explainer(page, app_url)
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
    _settle(page, 120_000)
    assert re.fullmatch(r"\d", _prediction(page))
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(artifacts / "explainer_drawing.png"), full_page=True)
    _tall_screenshot(page, artifacts / "explainer_drawing_tall.png", height=2300)


def test_exercise_wrong_then_right(page, app_url, artifacts):
    """Page 14's first exercise: a wrong answer shows the error and the answers; typing those is right."""
    page.goto(f"{app_url}/convolution")
    page.get_by_role("heading", name=translate("ui.check.title", "ko")).wait_for(timeout=120_000)
    _settle(page, 120_000)
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
