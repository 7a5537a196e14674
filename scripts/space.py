"""Assemble and push the project's two Hugging Face Spaces: the Gradio demo and the Streamlit dashboard.

    python scripts/space.py build demo OUT                      # Gradio Space, CPU onnxruntime, no torch
    python scripts/space.py build demo OUT --gpu                # the same on a GPU Space (onnxruntime-gpu)
    python scripts/space.py build dashboard OUT --demo-space OWNER/DEMO   # Docker Space, CPU-only torch
    python scripts/space.py push demo --repo OWNER/NAME
    python scripts/space.py push dashboard --repo OWNER/NAME --demo-space OWNER/DEMO

``build`` copies exactly what one Space needs into OUT (offline): its own ``README.md`` whose YAML
front matter is the Space's configuration, the entry point (``app.py``, or a ``Dockerfile``), a lean
``requirements.txt`` whose pins come from the project's ``requirements.txt``, the part of ``core`` the
app imports, the models, a ``Procfile`` and ``.python-version`` for Heroku-style hosts, and a
``.gitattributes`` that stores every binary file (and anything over 1 MB) with LFS/Xet. ``push`` builds
into a temporary folder and uploads it with ``huggingface_hub`` (the only step that needs the internet
and a token with write access: ``HF_TOKEN`` or ``hf auth login``).

ZeroGPU is not supported: it attaches a GPU only while a ``@spaces.GPU`` function runs and is made
for PyTorch, while the demo serves ONNX Runtime sessions created once at start; on a ZeroGPU Space the
demo would run on its CPU. Use ``cpu-basic`` (default) or a GPU Space with ``--gpu``.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "spaces"
KINDS = ("demo", "dashboard")
SDK = {"demo": "gradio", "dashboard": "docker"}
PYTHON_VERSION = "3.11"
LFS_LIMIT = 1_000_000  # bytes: anything larger goes to LFS/Xet whatever its kind
# Stored with LFS/Xet by pattern (Hugging Face's own defaults for these kinds).
LFS_PATTERNS = ("*.onnx", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.pt", "*.pth", "*.bin",
                "*.npy", "*.npz", "*.zip", "*.gz", "*.parquet")
IGNORED_PARTS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints"}

# Packages each Space installs; versions are the project's pins (requirements.txt), never restated here.
DEMO_PACKAGES = ("gradio", "numpy", "pillow")
DASHBOARD_PACKAGES = ("torch", "torchvision", "numpy", "pillow", "streamlit", "altair", "pandas", "onnx",
                      "streamlit-drawable-canvas")
DASHBOARD_ONLY_SERVE = ("layers.py",)  # core/serve modules the demo never imports
ORT = "onnxruntime"  # the CPU package; its version is the project's onnxruntime-gpu pin


class SpaceError(RuntimeError):
    """A build or push that cannot be done; the message says why and what to do."""


# --------------------------------------------------------------------------- pins
def project_pins(path: Path = ROOT / "requirements.txt") -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line (names lower-case, ``_`` as ``-``)."""
    pins = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*==\s*([^\s;#]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(3)
    return pins


def requirements(kind: str, gpu: bool = False) -> str:
    pins = project_pins()
    ort_version = pins.get("onnxruntime-gpu") or pins["onnxruntime"]
    if kind == "demo":
        head = ("# Demo Space: the Gradio app and ONNX Runtime; no torch (written by scripts/space.py)."
                if not gpu else
                "# Demo Space, GPU variant: onnxruntime-gpu with its CUDA/cuDNN wheels; no torch.")
        lines = [f"{n}=={pins[n]}" for n in DEMO_PACKAGES]
        lines.append(f"onnxruntime-gpu[cuda,cudnn]=={ort_version}" if gpu else f"{ORT}=={ort_version}")
    else:
        head = ("# Dashboard Space (written by scripts/space.py). The Dockerfile installs torch/torchvision\n"
                "# from PyTorch's CPU-only index first; these pins are then already satisfied.")
        lines = [f"{n}=={pins[n]}" for n in DASHBOARD_PACKAGES] + [f"{ORT}=={ort_version}"]
    return head + "\n" + "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- files
def _files(*patterns: str) -> list[Path]:
    out = []
    for pat in patterns:
        for p in sorted(ROOT.glob(pat)):
            if p.is_file() and not IGNORED_PARTS & set(p.relative_to(ROOT).parts) and p.suffix != ".pyc":
                out.append(p)
    return out


def source_files(kind: str) -> list[Path]:
    """Project files a Space carries, at the same relative paths."""
    models = _files("models/*.onnx", "models/*.json", "models/README.md")
    if kind == "demo":
        # core.serve only: numpy, pillow, onnxruntime (tests/test_architecture.py keeps it so) --
        # less the dashboard's layer-by-layer explainer, which also needs the `onnx` package.
        serve = [p for p in _files("core/serve/**/*.py") if p.name not in DASHBOARD_ONLY_SERVE]
        return _files("core/__init__.py") + serve + _files("demos/*.py", "demos/examples/*") + models
    return _files("core/**/*.py", "dashboard/**/*") + models


def _fill(text: str, values: dict[str, str]) -> str:
    for k, v in values.items():
        text = text.replace("{{" + k + "}}", v)
    if left := re.findall(r"\{\{[A-Z_]+\}\}", text):
        raise SpaceError(f"template placeholder(s) not filled: {sorted(set(left))}")
    return text


def is_binary(path: Path) -> bool:
    with open(path, "rb") as f:
        return b"\0" in f.read(8192)


def lfs_files(folder: Path) -> list[str]:
    """Paths (relative, '/') that must be in LFS: every binary file and every file over 1 MB."""
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and ".git" not in p.relative_to(folder).parts and (
                p.stat().st_size > LFS_LIMIT or is_binary(p)):
            out.append(p.relative_to(folder).as_posix())
    return out


def lfs_covered(rel: str, patterns: list[str]) -> bool:
    """Whether a .gitattributes pattern matches ``rel`` the way git does for these simple patterns."""
    import fnmatch

    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in pat else name, pat) for pat in patterns)


def gitattributes(folder: Path) -> str:
    lines = ["# Written by scripts/space.py: binaries and files over 1 MB are stored with LFS/Xet,",
             "# as the Hugging Face Hub requires."]
    lines += [f"{pat} filter=lfs diff=lfs merge=lfs -text" for pat in LFS_PATTERNS]
    extra = [rel for rel in lfs_files(folder) if not lfs_covered(rel, list(LFS_PATTERNS))]
    lines += [f"{rel} filter=lfs diff=lfs merge=lfs -text" for rel in extra]
    return "\n".join(lines) + "\n"


def procfile(kind: str) -> str:
    if kind == "demo":
        return "web: GRADIO_SERVER_NAME=0.0.0.0 GRADIO_SERVER_PORT=$PORT python app.py\n"
    return ("web: PYTHONPATH=. streamlit run dashboard/app.py --server.port=$PORT --server.address=0.0.0.0 "
            "--server.headless=true --browser.gatherUsageStats=false\n")


def demo_url_for(demo_space: str | None, demo_url: str | None) -> str:
    if demo_url:
        return demo_url
    if demo_space:
        if not re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", demo_space):
            raise SpaceError(f"--demo-space must be OWNER/NAME, got {demo_space!r}")
        return f"https://huggingface.co/spaces/{demo_space}"
    raise SpaceError("the dashboard links to the demo: give --demo-space OWNER/NAME (the demo Space) "
                     "or --demo-url URL")


# --------------------------------------------------------------------------- build
def build(kind: str, out: str | os.PathLike, *, gpu: bool = False, demo_space: str | None = None,
          demo_url: str | None = None, force: bool = False) -> Path:
    """Assemble the ``kind`` Space into ``out`` (created; must be empty unless ``force``)."""
    if kind not in KINDS:
        raise SpaceError(f"unknown Space {kind!r}; choose one of {KINDS}")
    if gpu and kind != "demo":
        raise SpaceError("--gpu is for the demo; the dashboard Space runs on the CPU")
    pins = project_pins()
    values = {"GRADIO_VERSION": pins["gradio"], "TORCH_VERSION": pins["torch"],
              "TORCHVISION_VERSION": pins["torchvision"],
              "HARDWARE": "t4-small" if gpu else "cpu-basic",
              "RUNTIME": "onnxruntime-gpu, CUDA provider" if gpu else "onnxruntime, CPU"}
    if kind == "dashboard":
        values["DEMO_URL"] = demo_url_for(demo_space, demo_url)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise SpaceError(f"{out} is not empty (use --force to replace its contents)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    for src in source_files(kind):
        dst = out / src.relative_to(ROOT)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
    tdir = TEMPLATES / kind
    for src in sorted(tdir.rglob("*")):
        if src.is_file() and not IGNORED_PARTS & set(src.relative_to(tdir).parts):
            dst = out / src.relative_to(tdir)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(_fill(src.read_text(), values))
    (out / "requirements.txt").write_text(requirements(kind, gpu))
    (out / "Procfile").write_text(procfile(kind))
    (out / ".python-version").write_text(PYTHON_VERSION + "\n")
    (out / ".gitattributes").write_text(gitattributes(out))
    return out


def summary(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    lfs = lfs_files(folder)
    return (f"{folder}: {len(files)} files, {size / 1e6:.1f} MB; LFS/Xet: {len(lfs)} files "
            f"({sum((folder / r).stat().st_size for r in lfs) / 1e6:.1f} MB)")


# --------------------------------------------------------------------------- push
def hf_token() -> str | None:
    token = os.environ.get("HF_TOKEN")
    if token:
        return token
    try:
        from huggingface_hub import get_token
    except ImportError as e:
        raise SpaceError("push needs huggingface_hub (pip install huggingface_hub)") from e
    return get_token()


def push(kind: str, repo: str, *, gpu: bool = False, demo_space: str | None = None,
         demo_url: str | None = None, private: bool = False) -> str:
    """Build ``kind`` into a temporary folder and make the Space ``repo`` exactly that folder."""
    if not re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", repo):
        raise SpaceError(f"--repo must be OWNER/NAME, got {repo!r}")
    token = hf_token()
    if not token:
        raise SpaceError("no Hugging Face token: set HF_TOKEN to a token with write access "
                         "(https://huggingface.co/settings/tokens) or run `hf auth login`. Nothing was uploaded.")
    from huggingface_hub import HfApi

    with tempfile.TemporaryDirectory(prefix=f"space-{kind}-") as tmp:
        folder = build(kind, Path(tmp) / kind, gpu=gpu, demo_space=demo_space, demo_url=demo_url)
        print(summary(folder))
        api = HfApi(token=token)
        api.create_repo(repo, repo_type="space", space_sdk=SDK[kind], private=private, exist_ok=True)
        # delete_patterns: files of an earlier push that this build no longer has are removed.
        info = api.upload_folder(repo_id=repo, repo_type="space", folder_path=str(folder),
                                 commit_message=f"Deploy the {kind} (scripts/space.py)", delete_patterns="*")
    url = f"https://huggingface.co/spaces/{repo}"
    print(f"pushed: {url} ({getattr(info, 'oid', info)})")
    return url


# --------------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("build", "push"):
        p = sub.add_parser(name)
        p.add_argument("kind", choices=KINDS)
        if name == "build":
            p.add_argument("out", help="folder to write (created; must be empty unless --force)")
            p.add_argument("--force", action="store_true", help="replace OUT's contents")
        else:
            p.add_argument("--repo", required=True, help="the Space, OWNER/NAME")
            p.add_argument("--private", action="store_true")
        p.add_argument("--gpu", action="store_true", help="demo only: onnxruntime-gpu on a GPU Space")
        p.add_argument("--demo-space", help="dashboard only: the demo Space OWNER/NAME (its link target)")
        p.add_argument("--demo-url", help="dashboard only: the demo's URL, instead of --demo-space")
    a = ap.parse_args(argv)
    try:
        if a.cmd == "build":
            print(summary(build(a.kind, a.out, gpu=a.gpu, demo_space=a.demo_space, demo_url=a.demo_url,
                                force=a.force)))
        else:
            push(a.kind, a.repo, gpu=a.gpu, demo_space=a.demo_space, demo_url=a.demo_url, private=a.private)
    except SpaceError as e:
        print(f"space.py {a.cmd}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
