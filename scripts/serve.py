"""Start the Streamlit dashboard and the Gradio demo side by side (``make run``).

Ports come from ``DASHBOARD_PORT`` (default 8501) and ``DEMO_PORT`` (default 7860).
Ctrl-C stops both.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _wait_http(url: str, timeout: float) -> bool:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 (localhost only)
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def main() -> int:
    dash_port = int(os.environ.get("DASHBOARD_PORT", "8501"))
    demo_port = int(os.environ.get("DEMO_PORT", "7860"))
    host = os.environ.get("HOST", "127.0.0.1")
    env = dict(os.environ, PYTHONPATH=str(ROOT), GRADIO_SERVER_PORT=str(demo_port),
               GRADIO_SERVER_NAME=host, GRADIO_ANALYTICS_ENABLED="False")
    procs = [
        subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
                          f"--server.port={dash_port}", f"--server.address={host}",
                          "--server.headless=true", "--browser.gatherUsageStats=false"],
                         cwd=ROOT, env=env),
        subprocess.Popen([sys.executable, "demos/app.py"], cwd=ROOT, env=env),
    ]
    urls = {"dashboard (Streamlit)": f"http://{host}:{dash_port}",
            "demo (Gradio)": f"http://{host}:{demo_port}"}
    for name, url in urls.items():
        ok = _wait_http(url, 120)
        print(f"{'✔' if ok else '✘'} {name:22s} {url}" + ("" if ok else "  (not answering yet)"),
              flush=True)
    print("Open the URLs above. Ctrl-C stops both.", flush=True)

    def stop(*_):
        for p in procs:
            if p.poll() is None:
                p.terminate()
    signal.signal(signal.SIGTERM, stop)
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
