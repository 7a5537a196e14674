"""Real-browser fixtures: Debian's chromium driven by Playwright, apps started as subprocesses.

Never downloads Playwright's own browser. When chromium is missing (and `make test` could not apt-install
it), every browser test skips with the reason shown in pytest's summary.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with {proc.returncode}: {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


def _start(cmd: list[str], env: dict, url: str, log: Path):
    fh = open(log, "w")  # noqa: SIM115 - closed in the fixture's teardown
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT)
    try:
        _wait_http(url, proc)
    except Exception:
        proc.kill()
        fh.close()
        raise
    return proc, fh


# chromium_path, browser and page live in tests/conftest.py: one Playwright per test session, shared
# with tests/test_space.py (a second sync_playwright inside the first one's loop is refused).


@pytest.fixture(scope="session")
def artifacts() -> Path:
    d = ARTIFACTS / "browser"
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture(scope="session")
def dashboard_url(artifacts):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    url = f"http://127.0.0.1:{port}"
    proc, fh = _start([sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
                       f"--server.port={port}", "--server.address=127.0.0.1", "--server.headless=true",
                       "--browser.gatherUsageStats=false"], env, url, artifacts / "dashboard.log")
    yield url
    proc.terminate()
    proc.wait(20)
    fh.close()


@pytest.fixture(scope="session")
def demo_url(artifacts):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), GRADIO_SERVER_PORT=str(port),
               GRADIO_SERVER_NAME="127.0.0.1", GRADIO_ANALYTICS_ENABLED="False")
    url = f"http://127.0.0.1:{port}"
    proc, fh = _start([sys.executable, "demos/app.py"], env, url, artifacts / "demo.log")
    yield url
    proc.terminate()
    proc.wait(20)
    fh.close()


# ---------------------------------------------------------------------------- screen sizes (issue #20)
# A learner's phone (390 × 844 CSS px, touch, mobile viewport) and a laptop. device_scale_factor 1 keeps
# the screenshots small; the layout is the same at 2 or 3.
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
              "device_scale_factor": 1, "locale": "ko-KR"},
    "desktop": {"viewport": {"width": 1400, "height": 1000}, "locale": "ko-KR"},
}


@pytest.fixture(scope="session")
def screen_pages(browser):
    """One page per screen size, reused by every test that asks (``screen_pages("phone")``): opening a
    context per test would cost seconds each on a 2-core machine."""
    made: dict[str, object] = {}

    def get(name: str):
        if name not in made:
            ctx = browser.new_context(**VIEWPORTS[name])
            pg = ctx.new_page()
            pg.set_default_timeout(60_000)
            made[name] = (ctx, pg)
        return made[name][1]

    yield get
    for ctx, _ in made.values():
        ctx.close()
