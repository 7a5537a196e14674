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

SECTIONS = ("onnx", "conv", "dashboard", "playground", "explain", "gradio")


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
        shape = "x (32,16,32,32), 32×3×3, pad 1, float32"
        for pre, threads in (("", f"{r['torch_threads']} threads"), ("t1_", "1 thread")):
            for what, name in (("fwd", "forward"), ("bwd", "backward")):
                out.append((f"core.nn.conv.conv2d {name} vs torch (floor), {shape}, {threads}",
                            f"ours {r[pre + what + '_ms']:.1f} ms · torch {r[pre + 'torch_' + what + '_ms']:.1f} ms · "
                            f"**{r[pre + what + '_ratio']:.2f}× floor**", f"≤ {r['target']:g}× floor",
                            f"float64 max diff {r['max_abs_diff_f64']:.0e}" if not pre and what == "fwd" else ""))
    elif section == "dashboard":
        from bench import bench_dashboard as bd

        r = bd.run(smoke)
        fl, rows = r["floor"], r["pages"]
        target = f"≤ {bd.FIRST_TARGET_MS:,} ms · ≤ {bd.RERUN_TARGET_MS} ms"
        out.append(("dashboard floor: empty page through AppTest",
                    f"first {fl['first_render_s']*1e3:,.0f} ms · rerun {fl['rerun_s']*1e3:,.0f} ms "
                    f"(again after the pages: {r['floor_after']['first_render_s']*1e3:,.0f} / "
                    f"{r['floor_after']['rerun_s']*1e3:,.0f} ms)", "—", "the floor of every dashboard ratio"))
        for row in rows:
            out.append((f"dashboard {row['page']}",
                        f"first {row['first_render_s']*1e3:,.0f} ms ({row['first_ratio']:.1f}×) · "
                        f"new session {row['new_session_s']*1e3:,.0f} ms ({row['new_session_ratio']:.1f}×) · "
                        f"worst rerun {row['rerun_s']*1e3:,.0f} ms ({row['rerun_ratio']:.1f}×)"
                        + (" · ERROR" if row["error"] else ""), target,
                        f"{row['widget']}" + (f" (its fragment; whole page {row['page_rerun_s']*1e3:,.0f} ms)"
                                              if row["in_fragment"] else "")
                        + f" · worst of {row['widgets']} widget{'s' if row['widgets'] != 1 else ''}"))
        worst_first = max(rows, key=lambda x: x["first_render_s"])
        worst_session = max(rows, key=lambda x: x["new_session_s"])
        worst_rerun = max(rows, key=lambda x: x["rerun_s"])
        out.append(("dashboard worst page",
                    f"first {worst_first['first_render_s']*1e3:,.0f} ms ({worst_first['first_ratio']:.1f}×, "
                    f"{worst_first['page']}) · new session {worst_session['new_session_s']*1e3:,.0f} ms "
                    f"({worst_session['new_session_ratio']:.1f}×, {worst_session['page']}) · rerun "
                    f"{worst_rerun['rerun_s']*1e3:,.0f} ms ({worst_rerun['rerun_ratio']:.1f}×, {worst_rerun['page']})",
                    target, "ratios to the floor's first run / rerun"))
    elif section == "playground":
        from bench import bench_playground

        r = bench_playground.run(smoke)
        out.append((f"playground frame ({r['hidden']} net, {r['points']} points, 1 epoch of batch {r['batch_size']} + redraw)",
                    f"frame {r['frame_ms']:.0f} ms · empty rerun {r['empty_rerun_ms']:.0f} ms · **{r['ratio']:.1f}×** "
                    f"· core {r['core_ms']:.0f} ms", "≤ 150 ms",
                    f"whole-page AppTest rerun (fragment-only is less); load avg {r['load_avg_1min']:.1f}"))
    elif section == "explain":
        from bench import bench_explain_pets, bench_explainer

        r = bench_explain_pets.run(smoke)
        out.append(("pets: prediction + CAM overlay + unknown gate vs plain prediction (floor)",
                    f"plain {r['plain_ms']:.0f} ms · served {r['served_cam_ms']:.0f} ms · "
                    f"**{r['cam_and_gate_extra_ms']:+.0f} ms** · gate {r['gate_ms']:.2f} ms",
                    f"≤ +{r['cam_target_ms']:g} ms · gate ≤ {r['gate_target_ms']:g} ms",
                    f"occlusion (ZFNet, 26 passes): {r['occlusion_ms']:,.0f} ms"))
        for e in bench_explainer.run(smoke):
            out.append((f"CNN explainer (page 15a), {e['model']}: new drawing → every layer and map",
                        f"median {e['wall_ms_median']:.0f} ms (max {e['wall_ms_max']:.0f}) · CPU {e['cpu_ms_median']:.0f} ms",
                        f"≤ {e['target_ms']:g} ms", ""))
    elif section == "gradio":
        from bench import load_gradio

        r = load_gradio.run_all(clients=4 if smoke else 16, requests=3 if smoke else 25,
                                round_trip_repeats=3 if smoke else 20, mixed=not smoke)
        rt, echo, digit, mix = r["round_trip"], r["echo"], r["digit"], r["mixed"]
        load = f"{echo['clients']} clients × {echo['requests']} requests, concurrency {r['concurrency']}"
        out.append(("Gradio floor: echo endpoint (image in, label out), one client",
                    f"round trip {rt['echo_ms']:.0f} ms", "—", "bench/echo_app.py, same client and server settings"))
        out.append(("Gradio /predict_digit, one client", f"round trip {rt['digit_ms']:.0f} ms · **{rt['ratio']:.2f}× floor**",
                    "—", f"median of {rt['repeats']} interleaved pairs"))
        out.append((f"Gradio floor under load: echo, {load}",
                    f"{echo['throughput_rps']:.1f} req/s · p50 {echo['p50_ms']:.0f} ms · p95 {echo['p95_ms']:.0f} ms · "
                    f"errors {echo['errors']}", "0 errors", "load generator in its own process"))
        out.append((f"Gradio /predict_digit under load, {load}",
                    f"{digit['throughput_rps']:.1f} req/s (**{r['digit_vs_echo']:.0%} of floor**) · p50 "
                    f"{digit['p50_ms']:.0f} ms ({digit['p50_ms'] / echo['p50_ms']:.2f}×) · p95 {digit['p95_ms']:.0f} ms "
                    f"({digit['p95_ms'] / echo['p95_ms']:.2f}×) · errors {digit['errors']}", "≥ 80 % of floor req/s, 0 errors", ""))
        if mix:
            out.append((f"Gradio end to end, digits and photos alternating, {load}",
                        f"{mix['throughput_rps']:.1f} req/s · p50 {mix['p50_ms']:.0f} ms · p95 {mix['p95_ms']:.0f} ms · "
                        f"errors {mix['errors']}", "0 errors", "the API runs no saliency"))
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
