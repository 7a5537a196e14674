"""The dashboard in a real browser: every page opens with its title and no error box; sliders move numbers."""
from __future__ import annotations

import re

import pytest

from dashboard.i18n import translate
from dashboard.ui import page_files, page_number, page_slug
from tests.conftest import settle_streamlit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [("home", "", translate("app.title", "ko"))] + [
    (f.stem, page_slug(f), translate(f"p{page_number(f)}.title", "ko")) for f in page_files()]


# Charts that are displayed (not in a closed expander or an inactive tab) but show no drawing: Vega
# (SVG here; a canvas is checked for ink) drew no mark inside the chart's box, at most a title.
BLANK_CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
  .map((e, i) => [i, e])
  .filter(([i, e]) => e.closest('details:not([open])') === null && e.checkVisibility())
  .filter(([i, e]) => {
    const svg = e.querySelector('svg.marks, svg'), c = e.querySelector('canvas');
    if (svg) {  // a mark must lie inside the chart's box (a bad layout can translate them all off it)
      const R = svg.getBoundingClientRect();
      return ![...svg.querySelectorAll('.role-mark > *')].some(m => {
        const r = m.getBoundingClientRect();
        return r.width + r.height > 0 && r.right > R.left && r.left < R.right && r.bottom > R.top && r.top < R.bottom;
      });
    }
    if (!c || c.width < 2 || c.height < 2) return true;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let k = 3; k < d.length; k += 4) if (d[k] > 0) return false;
    return true;
  })
  .map(([i, e]) => `${i}: ${Math.round(e.getBoundingClientRect().width)} x ${Math.round(e.getBoundingClientRect().height)}`)"""


@pytest.mark.parametrize(("stem", "path", "title"), PAGES, ids=[p[0] for p in PAGES])
def test_page_opens_with_title_and_no_error(page, dashboard_url, artifacts, stem, path, title):
    page.goto(f"{dashboard_url}/{path}")
    page.get_by_role("heading", name=re.compile(re.escape(title))).first.wait_for(timeout=90_000)
    settle_streamlit(page)
    page.screenshot(path=str(artifacts / f"dashboard_{stem}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0, f"error box on {stem}"
    # Vega reports a spec it cannot draw only in the console and leaves an empty 0 × 0 box: every chart
    # on screen must have been drawn (page 14's grids were blank for a whole session unnoticed)
    blank = page.evaluate(BLANK_CHARTS_JS)
    assert not blank, f"{stem}: charts drawn empty (index, width × height): {blank}"


def _metric_values(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


# (page url path, index of the slider to move): pages whose sliders drive an st.metric
SLIDER_PAGES = ["linear_regression", "logistic_regression", "gradient_descent"]


@pytest.mark.parametrize("path", SLIDER_PAGES)
def test_moving_a_slider_changes_a_number(page, dashboard_url, artifacts, path):
    if not any(page_slug(f) == path for f in page_files()):
        pytest.fail(f"page {path} does not exist")
    page.goto(f"{dashboard_url}/{path}")
    # Streamlit 1.67's slider is a react-aria group around a visually hidden <input type="range">
    thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
    thumb.wait_for(state="attached", timeout=90_000)
    settle_streamlit(page)
    before = _metric_values(page)
    assert before, f"no st.metric on {path}"
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowRight")
    # A loaded machine may start the rerun late: poll for the change instead of sleeping a fixed time.
    after = before
    for _ in range(60):
        page.wait_for_timeout(500)
        settle_streamlit(page)
        after = _metric_values(page)
        if after != before:
            break
    page.screenshot(path=str(artifacts / f"slider_{path}.png"), full_page=True)
    assert after != before, f"{path}: metrics did not change ({before})"


def test_language_switch_to_english(page, dashboard_url, artifacts):
    page.goto(f"{dashboard_url}/linear_regression")
    page.get_by_role("heading", name=re.compile(re.escape(translate("p03.title", "ko")))).first.wait_for(
        timeout=90_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_role("heading", name=re.compile(re.escape(translate("p03.title", "en")))).first.wait_for(
        timeout=60_000)
    page.screenshot(path=str(artifacts / "dashboard_english.png"), full_page=True)
