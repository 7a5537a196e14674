"""Both apps on a learner's phone (390 × 844, touch) and on a laptop (1400 × 1000), in real Chromium (#20).

For every dashboard page (home and each of ``dashboard.ui.page_files()``) and both demo tabs (and About):
- no sideways scroll: neither the document nor a full-width scroller is wider than the screen;
- no element reaches past the screen's edges unless it sits in a (narrower) scroll container, such as a
  table; charts and images must fit even where an ``overflow: hidden`` parent would silently crop them;
- the page's first widget (the demo's every tab) can be scrolled to and tapped: visible, on screen, not
  covered by anything else.
On the phone, a 7 drawn with touch events on the Sketchpad is predicted as 7.

Screenshots of every page and tab at both sizes: ``test-artifacts/browser/phone/`` and ``…/desktop/``.
One browser, one page per screen size and one server per app for the whole run.
"""
from __future__ import annotations

import re

import pytest

from dashboard.ui import page_files, page_slug
from tests.conftest import ROOT, settle_streamlit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENS = ["phone", "desktop"]
PAGES = [("home", "")] + [(f.stem, page_slug(f)) for f in page_files()]
MODELS = ROOT / "models"

# Offending elements: past the screen's left or right edge and neither in a narrower scroll container
# (a table, a code block) nor, for anything but graphics, cropped by a parent that fits on the screen.
# Skipped: the phone's closed sidebar (parked off-screen on purpose), hidden and aria-hidden things,
# Gradio's invisible tab-measuring row and Vega's tooltip.
OVERFLOW_JS = """() => {
  const W = window.innerWidth;
  const fits = (r) => r.left >= -1 && r.right <= W + 1;
  const describe = (e, r) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
      + `[${e.getAttribute('data-testid') || String(e.className && e.className.baseVal === undefined
                                                    ? e.className : '').slice(0, 50)}]`
      + ` x ${Math.round(r.left)}..${Math.round(r.right)} of ${W}`;
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('[data-testid="stSidebar"][aria-expanded="false"], [aria-hidden="true"], .visually-hidden,'
                  + ' #vg-tooltip-element'))
      continue;
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || fits(r)) continue;
    const s = getComputedStyle(e);
    if (s.visibility === 'hidden' || s.display === 'none') continue;
    const graphic = /^(canvas|svg|img|video)$/i.test(e.tagName);
    let ok = false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const ps = getComputedStyle(p), q = p.getBoundingClientRect();
      if (/(auto|scroll)/.test(ps.overflowX) && q.width < W - 1 && fits(q)) { ok = true; break; }
      if (!graphic && /(hidden|clip)/.test(ps.overflowX) && fits(q)) { ok = true; break; }
    }
    if (!ok) out.push(describe(e, r));
  }
  return out.slice(0, 12);
}"""

# Sideways scroll: the document, and any scroller as wide as the screen (Streamlit's main area).
SIDEWAYS_JS = """() => {
  const W = window.innerWidth, out = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > W + 1) out.push(`document ${doc.scrollWidth} > ${W}`);
  for (const e of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(e);
    if (!/(auto|scroll)/.test(s.overflowX) || e.clientWidth < W - 20) continue;
    if (e.scrollWidth > e.clientWidth + 1)
      out.push(`${e.getAttribute('data-testid') || e.tagName} ${e.scrollWidth} > ${e.clientWidth}`);
  }
  return out;
}"""

# The page's first widget, in document order: marked data-first-widget for the locator below.
FIRST_WIDGET_JS = """(root) => {
  const sel = 'input:not([type=hidden]), button, select, textarea, [role=slider], [role=combobox],'
            + ' [role=radio], [role=checkbox], [role=tab], [data-testid="stPageLink-NavLink"]';
  const scope = document.querySelector(root);
  for (const e of scope.querySelectorAll(sel)) {
    if (e.closest('[data-testid="stElementToolbar"], [data-testid="stHeaderActionElements"]')) continue;
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    if (r.width < 8 || r.height < 8 || s.visibility === 'hidden' || s.display === 'none') continue;
    e.setAttribute('data-first-widget', '1');
    return (e.getAttribute('aria-label') || e.innerText || e.tagName).trim().slice(0, 60);
  }
  return null;
}"""


def _screenshot(page, path, scroller: str | None = None) -> None:
    """The whole page. Streamlit scrolls its main area, not the document, so for it the viewport is
    made as tall as the content for the shot and then put back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if scroller is None:
        page.screenshot(path=str(path), full_page=True)
        return
    size = page.viewport_size
    height = page.evaluate(f"() => document.querySelector('{scroller}').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12_000)})
    page.wait_for_timeout(800)
    try:
        page.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)


def _check_layout(page, where: str) -> None:
    sideways = page.evaluate(SIDEWAYS_JS)
    assert not sideways, f"{where}: scrolls sideways: {sideways}"
    wide = page.evaluate(OVERFLOW_JS)
    assert not wide, f"{where}: elements past the screen's edge: {wide}"


# Scrolled to the middle of the screen, is the element what a finger on its centre would touch? (It or a
# part of the same widget: a slider's track lies over its thumb.)
HIT_JS = """(e) => {
  e.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = e.getBoundingClientRect(), W = window.innerWidth, H = window.innerHeight;
  const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 20);
  const hit = document.elementFromPoint(x, y);
  const widget = e.closest('[data-testid="stElementContainer"]') || e;
  const onScreen = r.left >= -1 && r.right <= W + 1 && y >= 0 && y <= H;
  const ok = onScreen && !!hit && (widget.contains(hit) || hit.contains(e));
  return ok ? '' : `at (${Math.round(x)}, ${Math.round(y)}) of ${W}x${H}: `
      + (hit ? `${hit.tagName} [${hit.getAttribute('data-testid') || hit.className}] is on top` : 'nothing');
}"""


def _assert_tappable(loc, where: str) -> None:
    problem = loc.evaluate(HIT_JS)
    assert not problem, f"{where}: not tappable, {problem}"


# ---------------------------------------------------------------------------- dashboard
@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize(("stem", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_dashboard_page_fits_the_screen(screen_pages, dashboard_url, artifacts, screen, stem, path):
    page = screen_pages(screen)
    page.goto(f"{dashboard_url}/{path}")
    settle_streamlit(page, pause_ms=700)
    where = f"{stem} @ {screen}"
    try:
        assert page.locator('[data-testid="stException"]').count() == 0, f"{where}: error box"
        assert page.locator('[data-testid="stAppDeployButton"]').count() == 0, \
            f"{where}: the developer 'Deploy' button shows (client.toolbarMode should be 'viewer')"
        _check_layout(page, where)
        name = page.evaluate(FIRST_WIDGET_JS, '[data-testid="stMain"]')
        assert name is not None, f"{where}: no widget found"
        _assert_tappable(page.locator("[data-first-widget]").first, f"{where}, first widget {name!r}")
    finally:
        _screenshot(page, artifacts / screen / f"dashboard_{stem}.png", scroller='[data-testid="stMain"]')


# ---------------------------------------------------------------------------- demo
@pytest.fixture
def _needs_models():
    missing = [m for m in ("mnist.onnx", "pets.onnx") if not (MODELS / m).exists()]
    if missing:
        pytest.skip(f"served models missing: {', '.join(missing)} (train and export them first)")


def _open_demo(page, demo_url) -> None:
    page.goto(demo_url)
    page.locator("#digit-sketch canvas").first.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)  # the brush is selected on load; tabs settle their layout


@pytest.mark.usefixtures("_needs_models")
@pytest.mark.parametrize("screen", SCREENS)
def test_demo_every_tab_reachable_with_one_tap(screen_pages, demo_url, artifacts, screen):
    page = screen_pages(screen)
    _open_demo(page, demo_url)
    tabs = page.get_by_role("tab")
    names = [n.strip() for n in tabs.all_inner_texts()]
    assert len(names) >= 3, f"tabs in the tab bar @ {screen}: {names} (the rest behind a '⋯' menu?)"
    assert page.get_by_role("button", name="More tabs").count() == 0 or \
        not page.get_by_role("button", name="More tabs").is_visible(), f"@ {screen}: a '⋯' tab menu shows"
    for i, name in enumerate(names):
        where = f"demo tab {name!r} @ {screen}"
        tab = tabs.nth(i)
        _assert_tappable(tab, where)
        tab.tap() if screen == "phone" else tab.click()
        page.wait_for_function(f"() => document.querySelectorAll('[role=tab]')[{i}]"
                               ".getAttribute('aria-selected') === 'true'", timeout=10_000)
        page.wait_for_timeout(500)
        _check_layout(page, where)
        slug = re.sub(r"[^a-z]+", "_", name.split("·")[-1].lower()).strip("_")
        _screenshot(page, artifacts / screen / f"demo_tab{i + 1}_{slug}.png")


@pytest.mark.usefixtures("_needs_models")
def test_phone_touch_drawn_seven_is_predicted(screen_pages, demo_url, artifacts):
    page = screen_pages("phone")
    _open_demo(page, demo_url)
    canvas = page.locator("#digit-sketch canvas").first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    # Real touch input (touchstart/move/end, and the pointer events Chromium derives from them)
    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, fx: float = 0, fy: float = 0) -> None:
        points = [] if kind == "touchEnd" else [{"x": x0 + fx * w, "y": y0 + fy * h, "id": 1}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    # a "7": the top bar, then the long diagonal down to the left, in one stroke of the finger
    stroke = [(0.28, 0.25), (0.72, 0.25), (0.45, 0.80)]
    scroll_before = page.evaluate("scrollY")
    touch("touchStart", *stroke[0])
    for (ax, ay), (bx, by) in zip(stroke, stroke[1:], strict=False):
        for k in range(1, 13):
            f = k / 12
            touch("touchMove", ax + (bx - ax) * f, ay + (by - ay) * f)
    touch("touchEnd")
    cdp.detach()
    assert page.evaluate("scrollY") == scroll_before, "drawing with a finger scrolled the page"
    page.wait_for_timeout(500)
    page.get_by_role("button", name=re.compile("Predict")).first.tap()
    page.wait_for_function(
        "() => { const e = document.querySelector('[data-testid=\"label-output-value\"]');"
        " return e && e.innerText.trim().length > 0; }", timeout=60_000)
    _screenshot(page, artifacts / "phone" / "demo_touch_seven.png")
    top = page.locator('[data-testid="label-output-value"]').first.inner_text().strip()
    assert top.startswith("7"), f"a touch-drawn 7 was predicted as {top!r}"
