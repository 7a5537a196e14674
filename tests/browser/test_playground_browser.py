"""The playground (page 10a) in a real browser: play and one step advance the epoch counter; the
network diagram, region and curves are drawn. Screenshots go to test-artifacts/browser/."""
from __future__ import annotations

import re

import pytest

from dashboard.i18n import translate
from tests.conftest import settle_streamlit

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _epoch(page) -> int:
    """The value of the metric labelled 에폭 (the epoch counter)."""
    label = translate("p10a.epoch", "ko")
    metric = page.locator('[data-testid="stMetric"]').filter(
        has=page.locator('[data-testid="stMetricLabel"]', has_text=re.compile(f"^{label}$")))
    return int(metric.first.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))


@pytest.fixture
def tall_page(browser):
    """A tall window, so one screenshot holds the controls, the network and the charts."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 2300}, locale="ko-KR")
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    ctx.close()


def test_play_and_one_step_advance_the_epoch(tall_page, dashboard_url, artifacts):
    page = tall_page
    page.goto(f"{dashboard_url}/playground")
    page.get_by_role("heading", name=translate("p10a.title", "ko")).first.wait_for(timeout=120_000)
    settle_streamlit(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _epoch(page) == 0
    # the diagram, the region and the two small charts are drawn
    page.locator('[data-testid="stVegaLiteChart"]').nth(3).wait_for(timeout=60_000)

    page.get_by_role("button", name=translate("p10a.step", "ko")).click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].some(e => e.innerText === '1')",
        timeout=60_000)
    assert _epoch(page) == 1

    page.get_by_role("button", name=translate("p10a.play", "ko")).click()
    page.get_by_role("button", name=translate("p10a.pause", "ko")).wait_for(timeout=60_000)
    deadline_ms, waited = 90_000, 0
    while _epoch(page) < 8 and waited < deadline_ms:  # frames keep coming without any click
        page.wait_for_timeout(1000)
        waited += 1000
    playing_epoch = _epoch(page)
    assert playing_epoch >= 8, f"epoch only reached {playing_epoch} while playing"
    page.screenshot(path=str(artifacts / "playground_playing.png"), full_page=True)

    # On a machine loaded far beyond its cores a frame can take longer than the timer's interval;
    # the browser then queues frames and a click waits behind them. One click, patience, and the
    # counter must stand still once the queued frames are through.
    page.get_by_role("button", name=translate("p10a.pause", "ko")).click()
    page.get_by_role("button", name=translate("p10a.play", "ko")).wait_for(timeout=150_000)
    settle_streamlit(page)
    paused, still = _epoch(page), False
    for _ in range(20):
        page.wait_for_timeout(3000)
        now = _epoch(page)
        if now == paused:
            still = True
            break
        paused = now
    # With one toggling play/pause button this failed in about one run in two (the animation restarted
    # right after pause); play and pause now set the state (see the page).
    assert still, f"the epoch kept moving after pause (reached {_epoch(page)})"
    page.get_by_role("button", name=translate("p10a.play", "ko")).wait_for(timeout=5_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(artifacts / "playground_paused.png"), full_page=True)
