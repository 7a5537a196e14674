"""One command for every benchmark: ``python -m bench [--smoke] [--skip NAME ...]``.

Prints one markdown table at the end and writes it to ``bench/results.md`` (and the raw rows to
``bench/results.json``). Ratios are measured side by side in one run on the same machine; nothing
here is a pass/fail assertion on time.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = ("onnx", "conv", "dashboard", "playground", "gradio")


def machine() -> str:
    """The hardware (``core.ml.frameworks.machine_name``) plus OS and Python, for the table's header."""
    from core.ml.frameworks import machine_name

    return f"{machine_name()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def _rows(section: str, smoke: bool) -> list[tuple[str, str, str, str]]:
    """(benchmark, measured, target, note) rows for the table."""
    out = []
    if section == "onnx":
        from bench import bench_onnx_vs_torch

        for r in bench_onnx_vs_torch.run(smoke):
            src = "committed ONNX" if r["committed_onnx"] else "ONNX exported on the fly"
            out.append((f"{r['model']} ({r['arch']}, {r['input']}) batch 1 latency",
                        f"torch {r['torch_b1_ms']:.2f} ms · ORT {r['ort_b1_ms']:.2f} ms · **{r['speedup_b1']:.2f}×**",
                        "ORT ≥ 2.5× faster", src))
            out.append((f"{r['model']} batch 64 throughput",
                        f"torch {r['torch_b64_ips']:,.0f} img/s · ORT {r['ort_b64_ips']:,.0f} img/s · {r['speedup_b64']:.2f}×",
                        "—", "batch 8 in smoke mode" if smoke else ""))
    elif section == "conv":
        from bench import bench_conv

        r = bench_conv.run(repeats=3 if smoke else 20)
        ratio = r.get("ratio") or (r["ours_ms"] / r["torch_ms"])
        out.append(("core.nn.conv.conv2d vs torch conv2d, x (32,16,32,32), 32×3×3, pad 1",
                    f"ours {r['ours_ms']:.1f} ms · torch {r['torch_ms']:.1f} ms · **{ratio:.2f}×**",
                    "≤ 5×", ""))
    elif section == "dashboard":
        from bench import bench_dashboard

        rows = bench_dashboard.run(smoke)
        worst_first = max(rows, key=lambda r: r["first_render_s"])
        worst_rerun = max(rows, key=lambda r: r["rerun_s"])
        for r in rows:
            out.append((f"dashboard {r['page']}",
                        f"first {r['first_render_s']*1e3:,.0f} ms · rerun {r['rerun_s']*1e3:,.0f} ms"
                        + (" · ERROR" if r["error"] else ""), "≤ 2000 / ≤ 300 ms", r["widget"]))
        out.append(("dashboard worst page", f"first {worst_first['first_render_s']*1e3:,.0f} ms "
                    f"({worst_first['page']}) · rerun {worst_rerun['rerun_s']*1e3:,.0f} ms ({worst_rerun['page']})",
                    "≤ 2000 / ≤ 300 ms", ""))
    elif section == "playground":
        from bench import bench_playground

        r = bench_playground.run(smoke)
        out.append((f"playground frame ({r['hidden']} net, {r['points']} points, 1 epoch of batch {r['batch_size']} + redraw)",
                    f"frame {r['frame_ms']:.0f} ms · empty rerun {r['empty_rerun_ms']:.0f} ms · **{r['ratio']:.1f}×** "
                    f"· core {r['core_ms']:.0f} ms", "≤ 150 ms",
                    f"whole-page AppTest rerun (fragment-only is less); load avg {r['load_avg_1min']:.1f}"))
    elif section == "gradio":
        from bench import load_gradio

        r = load_gradio.run(clients=4 if smoke else 16, requests=2 if smoke else 25)
        out.append((f"Gradio end to end, {r.get('clients')} clients × {r.get('requests')} requests",
                    f"p50 {r['p50_ms']:.0f} ms · p95 {r['p95_ms']:.0f} ms · errors {r['errors']}",
                    "0 errors", ""))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Run every benchmark and print one table.")
    p.add_argument("--smoke", action="store_true", help="tiny repeats (CI): checks the benches run")
    p.add_argument("--skip", nargs="*", default=[], choices=SECTIONS)
    p.add_argument("--out", default=str(ROOT / "bench"))
    args = p.parse_args(argv)
    rows, failed = [], []
    for section in SECTIONS:
        if section in args.skip:
            continue
        print(f"[bench] {section}…", file=sys.stderr, flush=True)
        try:
            rows += _rows(section, args.smoke)
        except Exception as e:  # noqa: BLE001 - one failing bench must not hide the others
            traceback.print_exc()
            failed.append(section)
            rows.append((section, f"FAILED: {type(e).__name__}: {e}", "", ""))
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Measured {stamp} on {machine()}" + (" — smoke mode" if args.smoke else ""), "",
             "| benchmark | measured | target | note |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    table = "\n".join(lines)
    print(table)
    out = Path(args.out)
    suffix = "_smoke" if args.smoke else ""
    (out / f"results{suffix}.md").write_text(table + "\n")
    (out / f"results{suffix}.json").write_text(json.dumps({"machine": machine(), "date": stamp, "rows": rows},
                                                          ensure_ascii=False, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
