"""Gradio end to end under load: the demo launched as a learner would, hit by concurrent clients,
against its floor — a trivial endpoint with the same input/output served the same way (bench/echo_app.py).

The servers run in subprocesses; the load generator is this process: ``clients`` threads each open a
``gradio_client.Client`` and send ``requests`` predictions (upload + queue + inference + reply).

- **round trip**: one client, one request at a time, alternating the echo endpoint and ``/predict_digit``
  (median of each and of the per-pair ratios);
- **under load**: ``clients × requests`` against ``/predict`` of the echo app, then against
  ``/predict_digit``, each server with the demo's default ``concurrency`` (``demos.app.DemoConfig``):
  throughput (requests/s), p50 / p95 / max latency and errors; target digit req/s ≥ 80 % of echo's;
- **mixed**: the same load alternating ``/predict_digit`` (example digits and a drawn '7') and
  ``/predict_pet`` (the example photos), as before.

    python -m bench.load_gradio            # 16 clients × 25 requests
    python -m bench.load_gradio --smoke    # 4 clients × 3 requests (CI)
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "demos" / "examples"
DEMO = ROOT / "demos" / "app.py"
ECHO = ROOT / "bench" / "echo_app.py"


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


def _client_loop(url: str, n: int, jobs: list[tuple[str, Path]], offset: int, start: threading.Barrier,
                 request_timeout: float) -> tuple[list[float], list[str], float, float]:
    """One caller: n requests, request k being ``jobs[(offset + k) % len(jobs)]`` = (api name, file);
    returns (latencies in ms, error messages, start, end) with start/end ``perf_counter`` times of its
    first request and its last reply (connecting is not part of the load)."""
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
    start_t = time.perf_counter()
    if errors:
        return latencies, errors * n, start_t, start_t
    for i in range(n):
        api, path = jobs[(offset + i) % len(jobs)]
        t0 = time.perf_counter()
        try:
            # submit + result(timeout): a request stuck in the queue is an error, not a hang
            job = client.submit(handle_file(str(path)), api_name=api)
            result = job.result(timeout=request_timeout)
            if not result.get("confidences"):
                raise ValueError(f"no confidences in {result!r}")
        except Exception as e:  # noqa: BLE001 - every failure is counted, none stops the run
            errors.append(f"{api}: {type(e).__name__}: {e}")
            continue
        latencies.append(1000 * (time.perf_counter() - t0))
    return latencies, errors, start_t, time.perf_counter()


def load(url: str, jobs: list[tuple[str, Path]], clients: int, requests: int,
         request_timeout: float = 60.0) -> dict:
    """``clients`` concurrent callers × ``requests`` each, cycling through ``jobs``. Returns clients,
    requests, n_ok, errors, error_examples, p50_ms, p95_ms, max_ms, mean_ms, wall_s, throughput_rps."""
    if clients < 1 or requests < 1:
        raise ValueError(f"clients and requests must be >= 1, got {clients}, {requests}")
    barrier = threading.Barrier(clients)
    with ThreadPoolExecutor(max_workers=clients) as pool:
        futures = [pool.submit(_client_loop, url, requests, jobs, c, barrier, request_timeout)
                   for c in range(clients)]
        parts = [f.result() for f in futures]
    wall = max(p[3] for p in parts) - min(p[2] for p in parts)  # first request sent → last reply
    lat = np.array([x for p in parts for x in p[0]])
    errs = [e for p in parts for e in p[1]]
    pct = (lambda q: float(np.percentile(lat, q))) if lat.size else (lambda q: float("nan"))
    return {"clients": clients, "requests": requests, "n_ok": int(lat.size), "errors": len(errs),
            "error_examples": errs[:5], "p50_ms": pct(50), "p95_ms": pct(95),
            "max_ms": float(lat.max()) if lat.size else float("nan"),
            "mean_ms": float(lat.mean()) if lat.size else float("nan"), "wall_s": wall,
            "throughput_rps": lat.size / wall if wall > 0 else float("nan")}


def round_trips(echo_url: str, digit_url: str, digit_file: Path, repeats: int) -> dict:
    """One client per server, one request at a time, alternating echo and digit: medians and the
    median of per-pair ratios (load from other processes hits both sides of a pair alike)."""
    from gradio_client import Client, handle_file

    echo, digit = Client(echo_url, verbose=False), Client(digit_url, verbose=False)

    def one(client, api):
        t0 = time.perf_counter()
        client.predict(handle_file(str(digit_file)), api_name=api)
        return 1000 * (time.perf_counter() - t0)

    for _ in range(2):  # warm-up: first uploads, first inference
        one(echo, "/predict"), one(digit, "/predict_digit")
    pairs = [(one(echo, "/predict"), one(digit, "/predict_digit")) for _ in range(repeats)]
    e, d = [p[0] for p in pairs], [p[1] for p in pairs]
    return {"echo_ms": float(np.median(e)), "digit_ms": float(np.median(d)),
            "ratio": float(np.median([b / a for a, b in pairs])), "repeats": repeats}


_LIBC = ctypes.CDLL(None) if sys.platform == "linux" else None  # resolved here, not in the forked child


def _die_with_parent() -> None:
    """In the server subprocess (Linux): get SIGTERM when the bench dies, even by SIGKILL (a timed-out
    test), instead of living on as an orphan holding a port and a core. Runs between fork and exec,
    so it only calls into libc (no imports)."""
    _LIBC.prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


@contextmanager
def serve(*scripts: Path, models_dir: str | os.PathLike | None = None, startup_timeout: float = 180.0):
    """Launch each script (demos/app.py, bench/echo_app.py) on a free port in its own subprocess, all
    at once; yields [(url, startup seconds)] in the same order; stops them afterwards."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), GRADIO_SERVER_NAME="127.0.0.1",
               GRADIO_ANALYTICS_ENABLED="False")
    if models_dir is not None:
        env["DL_MODELS_DIR"] = str(models_dir)
    procs = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for i, script in enumerate(scripts):
                port = free_port()
                log = (Path(tmp) / f"server{i}.log").open("w")
                proc = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                        env=env | {"GRADIO_SERVER_PORT": str(port)},
                                        preexec_fn=_die_with_parent if sys.platform == "linux" else None)
                procs.append((proc, log, f"http://127.0.0.1:{port}/", time.perf_counter()))
            ready = []
            for proc, _, url, t0 in procs:
                _wait_http(url, proc, startup_timeout)
                ready.append((url, time.perf_counter() - t0))
            yield ready
        finally:
            for proc, log, _, _ in procs:
                proc.terminate()
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                log.close()


def run(clients: int = 16, requests: int = 25, models_dir: str | os.PathLike | None = None,
        startup_timeout: float = 180.0, request_timeout: float = 60.0) -> dict:
    """The mixed load only (digits and photos alternating) on a freshly launched demo: ``load()``'s
    dict plus startup_s."""
    with tempfile.TemporaryDirectory() as tmp:
        digits, photos = _inputs(Path(tmp))
        jobs = _mixed_jobs(digits, photos)
        with serve(DEMO, models_dir=models_dir, startup_timeout=startup_timeout) as [(url, startup_s)]:
            return load(url, jobs, clients, requests, request_timeout) | {"startup_s": startup_s}


def _mixed_jobs(digits: list[Path], photos: list[Path]) -> list[tuple[str, Path]]:
    n = len(digits) * len(photos)
    return [("/predict_digit", digits[k % len(digits)]) if k % 2 == 0 else ("/predict_pet", photos[k % len(photos)])
            for k in range(2 * n)]


def run_all(clients: int = 16, requests: int = 25, models_dir: str | os.PathLike | None = None,
            round_trip_repeats: int = 20, mixed: bool = True, startup_timeout: float = 180.0,
            request_timeout: float = 60.0) -> dict:
    """Echo floor and demo side by side: ``{"round_trip", "echo", "digit", "digit_vs_echo", "mixed"}``
    (``digit_vs_echo`` = digit req/s ÷ echo req/s under the same load; target ≥ 0.8)."""
    from demos.app import DemoConfig

    with tempfile.TemporaryDirectory() as tmp:
        digits, photos = _inputs(Path(tmp))
        with serve(ECHO, DEMO, models_dir=models_dir, startup_timeout=startup_timeout) as [(echo_url, _),
                                                                                           (demo_url, startup_s)]:
            rt = round_trips(echo_url, demo_url, digits[0], round_trip_repeats)
            echo = load(echo_url, [("/predict", d) for d in digits], clients, requests, request_timeout)
            digit = load(demo_url, [("/predict_digit", d) for d in digits], clients, requests, request_timeout)
            mix = load(demo_url, _mixed_jobs(digits, photos), clients, requests, request_timeout) if mixed else None
    return {"round_trip": rt, "echo": echo, "digit": digit, "mixed": mix, "startup_s": startup_s,
            "digit_vs_echo": digit["throughput_rps"] / echo["throughput_rps"],
            "concurrency": DemoConfig().concurrency}


def _stats_line(name: str, r: dict) -> str:
    return (f"| {name} | {r['clients']} × {r['requests']} | {r['throughput_rps']:.1f} | {r['p50_ms']:.0f} | "
            f"{r['p95_ms']:.0f} | {r['max_ms']:.0f} | {r['errors']} |")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--requests", type=int, default=25)
    p.add_argument("--models-dir", default=None, help="default: the app's models/")
    p.add_argument("--smoke", action="store_true", help="4 clients × 3 requests")
    p.add_argument("--json", default=None, help="also write the result dict here")
    args = p.parse_args(argv)
    clients, requests = (4, 3) if args.smoke else (args.clients, args.requests)
    r = run_all(clients, requests, args.models_dir, round_trip_repeats=5 if args.smoke else 20)
    rt = r["round_trip"]
    print(f"Gradio end to end (demo startup {r['startup_s']:.1f} s, concurrency {r['concurrency']})")
    print(f"round trip, one client: echo {rt['echo_ms']:.0f} ms · digit {rt['digit_ms']:.0f} ms · "
          f"{rt['ratio']:.2f}× the floor")
    print("| endpoint | load | req/s | p50 ms | p95 ms | max ms | errors |\n|---|---|---|---|---|---|---|")
    for name in ("echo", "digit", "mixed"):
        if r[name]:
            print(_stats_line(name, r[name]))
    print(f"digit req/s ÷ echo req/s: {r['digit_vs_echo']:.2f} (target ≥ 0.80)")
    for name in ("echo", "digit", "mixed"):
        for e in (r[name] or {}).get("error_examples", []):
            print(f"  {name} error:", e)
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1))
    errors = sum((r[n] or {}).get("errors", 0) for n in ("echo", "digit", "mixed"))
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
