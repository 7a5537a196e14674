"""`make run`'s launcher brings both apps up: HTTP 200 on both ports."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=3) as r:
        return r.status


@pytest.mark.slow
def test_serve_starts_dashboard_and_demo():
    dp, gp = _free_port(), _free_port()
    env = dict(os.environ, DASHBOARD_PORT=str(dp), DEMO_PORT=str(gp))
    proc = subprocess.Popen([sys.executable, "scripts/serve.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, ok = time.time() + 120, set()
        while time.time() < deadline and len(ok) < 2:
            for p in (dp, gp):
                try:
                    if _get(f"http://127.0.0.1:{p}") == 200:
                        ok.add(p)
                except OSError:
                    pass
            time.sleep(1)
        assert ok == {dp, gp}, f"answered: {ok}"
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert f"http://127.0.0.1:{dp}" in out and f"http://127.0.0.1:{gp}" in out
