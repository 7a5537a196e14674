"""The layering rules of docs/architecture.md, read from the source with ``ast`` (static) and checked
once at run time (dynamic): who may import what.

- ``core`` never imports Streamlit or Gradio; the apps import ``core``, never the reverse.
- ``core.serve`` and ``demos`` never import torch, torchvision or ``core.pipeline`` (the demo
  Space installs no torch), not even transitively through other ``core`` modules.
- ``core.ml`` and ``core.nn`` (the lessons) never import ``core.pipeline`` or ``core.serve``.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI = ("streamlit", "gradio", "gradio_client")
TORCH = ("torch", "torchvision", "onnxscript")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (function-level imports included),
    with relative imports resolved and ``from pkg import mod`` counted as ``pkg.mod``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
    return out


CORE_FILES = sorted((ROOT / "core").rglob("*.py"))
GRAPH = {module_name(p): imports_of(p) for p in CORE_FILES}


def closure(start: str) -> set[str]:
    """All modules reachable from ``start`` through ``core`` modules (external ones included as leaves).
    ``core/__init__.py`` resolves its names lazily, so importing a submodule does not drag it in."""
    seen, todo = set(), [start]
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        for dep in GRAPH.get(m, ()):
            if dep.startswith("core.") and dep not in GRAPH:
                dep = dep.rpartition(".")[0]          # `from core.serve import card` -> core.serve.card exists
            if dep in GRAPH and dep != "core":
                todo.append(dep)
            elif not dep.startswith("core"):
                seen.add(dep)
    return seen


def hits(mods: set[str], banned: tuple[str, ...]) -> list[str]:
    return sorted(m for m in mods if any(m == b or m.startswith(b + ".") for b in banned))


def test_the_groups_exist():
    for group in ("ml", "nn", "cnn", "pipeline", "serve"):
        assert (ROOT / "core" / group / "__init__.py").is_file(), group
    flat = sorted(p.name for p in (ROOT / "core").glob("*.py"))
    # Besides the package itself only private helpers every group shares (core/_common.py,
    # core/_validation.py) may live at the top.
    assert [f for f in flat if not f.startswith("_")] == [], f"modules left in the flat core/: {flat}"


@pytest.mark.parametrize("mod", sorted(GRAPH))
def test_core_never_imports_a_ui_framework(mod):
    assert not hits(GRAPH[mod], UI), f"{mod} imports {hits(GRAPH[mod], UI)}"


@pytest.mark.parametrize("mod", sorted(m for m in GRAPH if m.startswith("core.serve")))
def test_serve_needs_no_torch_and_no_pipeline(mod):
    reach = closure(mod)
    assert not hits(reach, TORCH), f"{mod} reaches {hits(reach, TORCH)}"
    bad = sorted(m for m in reach if m.startswith(("core.pipeline", "core.cnn", "core.ml", "core.nn")))
    assert not bad, f"{mod} reaches {bad}"


@pytest.mark.parametrize("mod", sorted(m for m in GRAPH if m.startswith(("core.ml", "core.nn"))))
def test_lessons_never_import_the_pipeline_or_serving(mod):
    bad = sorted(m for m in closure(mod) if m.startswith(("core.pipeline", "core.serve")))
    assert not bad, f"{mod} reaches {bad}"


def test_demo_imports_only_serve():
    demo_files = sorted((ROOT / "demos").rglob("*.py"))
    assert demo_files
    for f in demo_files:
        mods = imports_of(f)
        assert not hits(mods, TORCH), f"{f.name} imports {hits(mods, TORCH)}"
        core_mods = {m for m in mods if m.startswith("core.")}
        assert all(m.startswith("core.serve") for m in core_mods), f"{f.name} imports {core_mods}"
        for m in core_mods:
            m = m if m in GRAPH else m.rpartition(".")[0]
            assert not hits(closure(m), TORCH)


def test_at_run_time_serving_and_the_demo_load_no_torch():
    code = ("import sys, runpy; import core.serve.infer, core.serve.explain, core.serve.card, "
            "core.serve.preprocess; import demos.app; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('torch', 'torchvision', 'streamlit') "
            "or m.startswith('core.pipeline')]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_flat_names_still_resolve():
    import core

    assert core.regression.__name__ == "core.ml.regression"
    assert core.infer.__name__ == "core.serve.infer"
    assert core.train_tasks is core.tasks
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        core.nope  # noqa: B018
