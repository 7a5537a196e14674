"""Gradio end to end under load: the demo launched as a learner would, hit by concurrent clients.

Launches ``demos/app.py`` in a subprocess on a free port, then ``clients`` threads each open a
``gradio_client.Client`` and send ``requests`` predictions, alternating ``/predict_digit`` (the
example digits and a drawn '7') and ``/predict_pet`` (the example photos). Reports p50 / p95 / max
latency per request (upload + queue + inference + reply), throughput and the error count.

    python -m bench.load_gradio            # 16 clients × 25 requests
    python -m bench.load_gradio --smoke    # 4 clients × 3 requests (CI)
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "demos" / "examples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"demos/app.py exited with code {proc.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - localhost only
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"demos/app.py did not answer at {url} within {timeout:.0f} s")


def _inputs(tmp: Path) -> tuple[list[Path], list[Path]]:
    """(digit files, photo files): the shipped examples plus a drawn '7' on white paper."""
    from PIL import Image, ImageDraw

    seven = Image.new("L", (280, 280), 255)
    ImageDraw.Draw(seven).line([(70, 60), (210, 60), (120, 230)], fill=0, width=22, joint="curve")
    seven.save(tmp / "drawn_7.png")
    digits = sorted(EXAMPLES.glob("digit_*.png")) + [tmp / "drawn_7.png"]
    photos = sorted(EXAMPLES.glob("cat_*.jpg")) + sorted(EXAMPLES.glob("dog_*.jpg"))
    if not photos:
        raise FileNotFoundError(f"no example photos in {EXAMPLES}")
    return digits, photos


def _client_loop(url: str, n: int, digits: list[Path], photos: list[Path], offset: int,
                 start: threading.Barrier, request_timeout: float) -> tuple[list[float], list[str]]:
    """One caller: n requests, alternating digit/pet; returns (latencies in ms, error messages)."""
    from gradio_client import Client, handle_file

    latencies, errors = [], []
    try:
        client = Client(url, verbose=False)
    except Exception as e:  # noqa: BLE001 - a caller that cannot connect is n errors, not a hang
        errors.append(f"connect: {type(e).__name__}: {e}")
    try:
        start.wait(timeout=120)  # all clients connected: the load starts at once
    except threading.BrokenBarrierError:
        pass  # another caller gave up waiting; start anyway
    if errors:
        return latencies, errors * n
    for i in range(n):
        k = offset + i
        api, files = ("/predict_digit", digits) if k % 2 == 0 else ("/predict_pet", photos)
        t0 = time.perf_counter()
        try:
            # submit + result(timeout): a request stuck in the queue is an error, not a hang
            job = client.submit(handle_file(str(files[k % len(files)])), api_name=api)
            result = job.result(timeout=request_timeout)
            if not result.get("confidences"):
                raise ValueError(f"no confidences in {result!r}")
        except Exception as e:  # noqa: BLE001 - every failure is counted, none stops the run
            errors.append(f"{api}: {type(e).__name__}: {e}")
            continue
        latencies.append(1000 * (time.perf_counter() - t0))
    return latencies, errors


def run(clients: int = 16, requests: int = 25, models_dir: str | os.PathLike | None = None,
        startup_timeout: float = 180.0, request_timeout: float = 60.0) -> dict:
    """Launch the demo, run the load, stop the demo. Returns the measurements as a dict:
    clients, requests, n_ok, errors, error_examples, p50_ms, p95_ms, max_ms, mean_ms, wall_s,
    throughput_rps, startup_s."""
    if clients < 1 or requests < 1:
        raise ValueError(f"clients and requests must be >= 1, got {clients}, {requests}")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, PYTHONPATH=str(ROOT), GRADIO_SERVER_NAME="127.0.0.1",
               GRADIO_SERVER_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False")
    if models_dir is not None:
        env["DL_MODELS_DIR"] = str(models_dir)
    with tempfile.TemporaryDirectory() as tmp:
        digits, photos = _inputs(Path(tmp))
        log_path = Path(tmp) / "app.log"
        with log_path.open("w") as log:
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, str(ROOT / "demos" / "app.py")], cwd=ROOT, env=env,
                                    stdout=log, stderr=subprocess.STDOUT)
            try:
                _wait_http(url, proc, startup_timeout)
                startup_s = time.perf_counter() - t0
                barrier = threading.Barrier(clients)
                t1 = time.perf_counter()
                with ThreadPoolExecutor(max_workers=clients) as pool:
                    futures = [pool.submit(_client_loop, url, requests, digits, photos, c, barrier,
                                           request_timeout) for c in range(clients)]
                    parts = [f.result() for f in futures]
                wall = time.perf_counter() - t1
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
    lat = np.array([x for ls, _ in parts for x in ls])
    errs = [e for _, es in parts for e in es]
    pct = (lambda q: float(np.percentile(lat, q))) if lat.size else (lambda q: float("nan"))
    return {"clients": clients, "requests": requests, "n_ok": int(lat.size), "errors": len(errs),
            "error_examples": errs[:5], "p50_ms": pct(50), "p95_ms": pct(95),
            "max_ms": float(lat.max()) if lat.size else float("nan"),
            "mean_ms": float(lat.mean()) if lat.size else float("nan"), "wall_s": wall,
            "throughput_rps": lat.size / wall if wall > 0 else float("nan"), "startup_s": startup_s}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--requests", type=int, default=25)
    p.add_argument("--models-dir", default=None, help="default: the app's models/")
    p.add_argument("--smoke", action="store_true", help="4 clients × 3 requests")
    p.add_argument("--json", default=None, help="also write the result dict here")
    args = p.parse_args(argv)
    clients, requests = (4, 3) if args.smoke else (args.clients, args.requests)
    r = run(clients, requests, args.models_dir)
    print(f"Gradio end to end: {r['clients']} clients × {r['requests']} requests "
          f"(startup {r['startup_s']:.1f} s)")
    print("| p50 ms | p95 ms | max ms | throughput req/s | errors |\n|---|---|---|---|---|")
    print(f"| {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['max_ms']:.0f} | {r['throughput_rps']:.1f} "
          f"| {r['errors']} |")
    for e in r["error_examples"]:
        print("  error:", e)
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1))
    return 0 if r["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
