"""Hosting (issue 18): what ``scripts/space.py build`` writes for each Hugging Face Space, and a rehearsal.

The fast checks read a built folder against the Spaces rules (front matter, entry point, lean
requirements, the ``core`` subset, LFS for binaries, the Docker-Space rules). The rehearsals (slow)
build a folder, create a fresh virtual environment from *only* that folder's requirements, start the
app the way the Space does (from the folder's root, with the Space's environment variables, as an
unprivileged uid 1000 when the tests run as root, the folder read-only, HOME unwritable, a private
/tmp) and drive it: ``gradio_client`` on both demo endpoints, headless Chromium on every dashboard page
with page 16's live training. Measured sizes and times go to ``test-artifacts/space_rehearsal.json``.
"""
from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import ARTIFACTS, ROOT, real_data_root, settle_streamlit

# the real-browser fixtures (Debian chromium driven by Playwright), shared with tests/browser/

_spec = importlib.util.spec_from_file_location("space", ROOT / "scripts" / "space.py")
space = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(space)

PINS = space.project_pins()
DEMO_SPACE = "rehearsal/dl-demo"
STDLIB = set(sys.stdlib_module_names)


def front_matter(readme: Path) -> dict:
    text = readme.read_text()
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert m, f"{readme} has no YAML front matter at its top"
    return yaml.safe_load(m.group(1))


def req_names(folder: Path) -> dict[str, str]:
    out = {}
    for line in (folder / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            out[re.sub(r"\[.*\]", "", name).lower()] = version
    return out


def imported_modules(folder: Path) -> set[str]:
    """Top-level names of every module imported by a .py file in ``folder``."""
    names = set()
    for p in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text())):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def lfs_patterns(folder: Path) -> list[str]:
    return [line.split()[0] for line in (folder / ".gitattributes").read_text().splitlines()
            if "filter=lfs" in line and not line.startswith("#")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("spaces")
    return {"demo": space.build("demo", base / "demo"),
            "gpu": space.build("demo", base / "gpu", gpu=True),
            "dashboard": space.build("dashboard", base / "dashboard", demo_space=DEMO_SPACE)}


# --------------------------------------------------------------------------- the folders (fast)
def test_demo_front_matter_is_a_gradio_space(built):
    fm = front_matter(built["demo"] / "README.md")
    assert fm["sdk"] == "gradio"
    assert fm["sdk_version"] == PINS["gradio"]  # the Space installs exactly the tested Gradio
    assert fm["python_version"] == "3.11" and isinstance(fm["python_version"], str)
    assert fm["app_file"] == "app.py" and (built["demo"] / "app.py").is_file()
    assert fm["suggested_hardware"] == "cpu-basic"
    assert 0 < len(fm["short_description"]) <= 60  # the Hub's limit
    assert (built["demo"] / ".python-version").read_text().strip() == "3.11"


def test_demo_installs_no_torch_and_carries_only_core_serve(built):
    folder = built["demo"]
    assert req_names(folder) == {"gradio": PINS["gradio"], "numpy": PINS["numpy"], "pillow": PINS["pillow"],
                                 "onnxruntime": PINS["onnxruntime-gpu"]}
    core = sorted(p.relative_to(folder).as_posix() for p in (folder / "core").rglob("*.py"))
    assert core == ["core/__init__.py"] + sorted(
        p.relative_to(ROOT).as_posix() for p in (ROOT / "core" / "serve").rglob("*.py")
        if "__pycache__" not in p.parts and p.name not in space.DASHBOARD_ONLY_SERVE)
    assert {p.name for p in (folder / "demos").glob("*.py")} == {p.name for p in (ROOT / "demos").glob("*.py")}
    third_party = imported_modules(folder) - STDLIB - {"core", "demos", "__future__"}
    assert third_party <= {"gradio", "numpy", "PIL", "onnxruntime"}, third_party
    assert sorted(p.name for p in (folder / "models").glob("*.onnx")) == sorted(
        p.name for p in (ROOT / "models").glob("*.onnx"))
    assert list((folder / "demos" / "examples").glob("*.png")) and not (folder / "dashboard").exists()


def test_demo_gpu_variant(built):
    folder = built["gpu"]
    assert f"onnxruntime-gpu[cuda,cudnn]=={PINS['onnxruntime-gpu']}" in (folder / "requirements.txt").read_text()
    # never the CPU package beside the GPU one (they clash), and no torch
    assert set(req_names(folder)) == {"gradio", "numpy", "pillow", "onnxruntime-gpu"}
    assert front_matter(folder / "README.md")["suggested_hardware"] == "t4-small"


def test_dashboard_front_matter_is_a_docker_space(built):
    fm = front_matter(built["dashboard"] / "README.md")
    assert fm["sdk"] == "docker" and fm["app_port"] == 8501
    assert "app_file" not in fm and "sdk_version" not in fm
    assert 0 < len(fm["short_description"]) <= 60


def test_dashboard_carries_all_of_core_and_cpu_torch_pins(built):
    folder = built["dashboard"]
    want = {p.relative_to(ROOT).as_posix() for p in (ROOT / "core").rglob("*.py") if "__pycache__" not in p.parts}
    assert {p.relative_to(folder).as_posix() for p in (folder / "core").rglob("*.py")} == want
    reqs = req_names(folder)
    assert reqs["torch"] == PINS["torch"] and reqs["torchvision"] == PINS["torchvision"]
    assert "gradio" not in reqs and not any(n.startswith(("nvidia", "onnxruntime-gpu", "triton")) for n in reqs)
    third_party = imported_modules(folder / "dashboard") - STDLIB - {"core", "dashboard", "__future__"}
    assert third_party <= {"streamlit", "altair", "pandas", "numpy", "torch", "streamlit_drawable_canvas"}, third_party


def test_dashboard_dockerfile_follows_docker_space_rules(built):
    folder = built["dashboard"]
    text = (folder / "Dockerfile").read_text()
    lines = [ln.strip() for ln in text.replace("\\\n", " ").splitlines() if ln.strip() and not ln.startswith("#")]
    assert lines[0].startswith("FROM python:3.11")
    assert "RUN useradd -m -u 1000 user" in lines and "USER user" in lines
    assert lines.index("USER user") < min(i for i, ln in enumerate(lines) if ln.startswith(("COPY", "RUN pip")))
    assert all("--chown=user" in ln for ln in lines if ln.startswith("COPY"))
    assert re.search(r"ENV HOME=/home/user\b", text)
    assert f"torch=={PINS['torch']} torchvision=={PINS['torchvision']}" in text
    assert "ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu" in text
    assert f"ARG DEMO_URL=https://huggingface.co/spaces/{DEMO_SPACE}" in text and "ENV DEMO_URL=$DEMO_URL" in text
    assert "/_stcore/health" in text and any(ln.startswith("HEALTHCHECK") for ln in lines)
    assert "RUN python fetch_mnist.py" in text and "DL_DATA_DIR=" in text
    cmd = json.loads(next(ln for ln in lines if ln.startswith("CMD"))[3:])
    assert cmd[:3] == ["streamlit", "run", "dashboard/app.py"] and "--server.port=8501" in cmd
    ignore = (folder / ".dockerignore").read_text().split()
    assert ".venv" in ignore and ".git" in ignore


def test_every_binary_and_large_file_is_in_lfs(built):
    for name, folder in built.items():
        must = space.lfs_files(folder)
        assert any(r.endswith(".onnx") for r in must)
        big = [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size > 1_000_000]
        assert big, name
        patterns = lfs_patterns(folder)
        for p in big:
            rel = p.relative_to(folder).as_posix()
            assert space.lfs_covered(rel, patterns), f"{name}: {rel} ({p.stat().st_size:,} B) not in LFS"
        assert all(space.lfs_covered(r, patterns) for r in must), name


def test_gitattributes_name_a_large_file_no_pattern_covers(tmp_path, monkeypatch):
    (tmp_path / "weights.dat").write_bytes(b"\0" * 1_500_000)
    (tmp_path / "notes.txt").write_text("x" * 10)
    text = space.gitattributes(tmp_path)
    assert "weights.dat filter=lfs diff=lfs merge=lfs -text" in text and "notes.txt" not in text


def test_procfiles_have_one_web_process(built):
    for name, folder in built.items():
        procs = [ln for ln in (folder / "Procfile").read_text().splitlines() if ln and not ln.startswith("#")]
        assert len(procs) == 1 and procs[0].startswith("web: ") and "$PORT" in procs[0], name
    root = [ln for ln in (ROOT / "Procfile").read_text().splitlines() if ln and not ln.startswith("#")]
    assert [ln.split(":")[0] for ln in root] == ["web"]
    assert (ROOT / ".python-version").read_text().strip() == "3.11"


def _cli(*args, env=None):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "space.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_refuses_clearly(tmp_path):
    r = _cli("build", "dashboard", str(tmp_path / "d"))
    assert r.returncode == 2 and "--demo-space" in r.stderr and not (tmp_path / "d").exists()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    r = _cli("build", "demo", str(tmp_path / "full"))
    assert r.returncode == 2 and "not empty" in r.stderr


def test_push_without_a_token_says_so_and_uploads_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env.update(HF_HOME=str(tmp_path / "hf"), HF_HUB_OFFLINE="1")  # no stored token, no network
    r = _cli("push", "demo", "--repo", "someone/dl-demo", env=env)
    assert r.returncode == 2, r.stderr
    assert "no Hugging Face token" in r.stderr and "HF_TOKEN" in r.stderr and "Nothing was uploaded" in r.stderr


def test_push_creates_the_space_and_uploads_exactly_the_built_folder(monkeypatch):
    hub = pytest.importorskip("huggingface_hub")
    calls = {}

    class FakeApi:
        def __init__(self, token):
            calls["token"] = token

        def create_repo(self, repo_id, **kw):
            calls["create"] = (repo_id, kw)

        def upload_folder(self, *, folder_path, **kw):
            folder = Path(folder_path)
            calls["upload"] = kw
            calls["files"] = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
            calls["sdk"] = front_matter(folder / "README.md")["sdk"]
            return "commit"

    monkeypatch.setenv("HF_TOKEN", "hf_fake")
    monkeypatch.setattr(hub, "HfApi", FakeApi)
    assert space.push("dashboard", "someone/dl-dash", demo_space=DEMO_SPACE) == \
        "https://huggingface.co/spaces/someone/dl-dash"
    assert calls["token"] == "hf_fake"
    assert calls["create"] == ("someone/dl-dash", {"repo_type": "space", "space_sdk": "docker", "private": False,
                                                   "exist_ok": True})
    assert calls["upload"]["repo_id"] == "someone/dl-dash" and calls["upload"]["repo_type"] == "space"
    assert calls["upload"]["delete_patterns"] == "*"  # the Space becomes exactly the folder
    assert calls["sdk"] == "docker" and {"Dockerfile", ".gitattributes", "README.md"} <= set(calls["files"])


def test_demo_binds_all_interfaces_on_a_space(monkeypatch):
    pytest.importorskip("gradio")
    from demos.app import DemoConfig

    monkeypatch.delenv("GRADIO_SERVER_NAME", raising=False)
    monkeypatch.delenv("SPACE_ID", raising=False)
    assert DemoConfig.from_env().server_name == "127.0.0.1"
    monkeypatch.setenv("SPACE_ID", "someone/dl-demo")
    assert DemoConfig.from_env().server_name == "0.0.0.0"
    monkeypatch.setenv("GRADIO_SERVER_NAME", "127.0.0.1")
    assert DemoConfig.from_env().server_name == "127.0.0.1"


# --------------------------------------------------------------------------- rehearsal helpers
UID = 1000  # Docker Spaces run as uid 1000; so does the rehearsal when the tests run as root
MEASURED = ARTIFACTS / "space_rehearsal.json"


def _record(key: str, value) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    data = json.loads(MEASURED.read_text()) if MEASURED.exists() else {}
    data[key] = value
    MEASURED.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def _interpreter() -> str:
    """A Python 3.11 that an unprivileged user may run (pyenv's often lives under a 0700 /root)."""
    for cand in ("/usr/bin/python3.11", getattr(sys, "_base_executable", sys.executable)):
        if cand and Path(cand).exists() and subprocess.run(
                [cand, "-c", "import venv, ensurepip"], capture_output=True).returncode == 0:
            return cand
    pytest.skip("no Python 3.11 with venv/ensurepip to build a Space's environment from")


def _drop_privileges(python: str) -> dict:
    """Popen arguments that run the app as uid 1000 when we are root and it can read ``python``."""
    if os.geteuid() != 0:
        return {}
    probe = subprocess.run([python, "-c", "1"], user=UID, group=UID, extra_groups=[], capture_output=True)
    return {"user": UID, "group": UID, "extra_groups": []} if probe.returncode == 0 else {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _du_mb(path: Path) -> int:
    return int(subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True).stdout.split()[0])


def _pip(venv: Path, *args: str, timeout: float = 1800) -> float:
    """Run the venv's pip with this machine's pip settings and cache; return the seconds it took."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    t0 = time.perf_counter()
    r = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *args], env=env, capture_output=True,
                       text=True, timeout=timeout)
    assert r.returncode == 0, f"pip install {' '.join(args)} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return round(time.perf_counter() - t0, 1)


def _seal(folder: Path) -> None:
    """The app folder read-only, as far as permissions go (root ignores them; uid 1000 does not)."""
    for p in [folder, *folder.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
                | (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH if p.is_dir() else 0))


def _unseal(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)


class Sandbox:
    """A world-readable work folder with an unwritable HOME and a private /tmp for uid 1000."""

    def __init__(self, name: str):
        self.dir = Path(tempfile.mkdtemp(prefix=f"space-{name}-"))
        self.dir.chmod(0o755)
        self.home = self.dir / "home"
        self.home.mkdir()
        self.home.chmod(0o555)
        self.tmp = self.dir / "tmp"
        self.tmp.mkdir()
        if os.geteuid() == 0:
            os.chown(self.tmp, UID, UID)
        self.tmp.chmod(0o700 if os.geteuid() == 0 else 0o755)

    def cleanup(self):
        for p in self.dir.rglob("*"):
            if p.is_dir() and not p.is_symlink():
                p.chmod(0o755)
        shutil.rmtree(self.dir, ignore_errors=True)


def _start(cmd: list[str], cwd: Path, env: dict, health_url: str, log: Path, priv: dict,
           timeout: float = 300) -> tuple[subprocess.Popen, float]:
    fh = open(log, "w")  # noqa: SIM115 - closed by _stop
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=fh, stderr=subprocess.STDOUT, **priv)
    proc.log = fh
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            fh.close()
            pytest.fail(f"{cmd[0]} exited with {proc.returncode} before answering:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(health_url, timeout=2) as r:
                if r.status == 200:
                    return proc, round(time.perf_counter() - t0, 1)
        except OSError:
            time.sleep(0.3)
    _stop(proc)
    pytest.fail(f"{health_url} did not answer within {timeout}s:\n{log.read_text()[-4000:]}")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    proc.log.close()


def _writes_into(folder: Path, since: float) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.stat().st_mtime > since]


# --------------------------------------------------------------------------- demo rehearsal
@pytest.mark.slow
@pytest.mark.timeout(1800)  # a fresh install; minutes on a loaded 2-core machine
def test_demo_space_rehearsal():
    """Build, install from the folder's requirements only (< 1 GB), start as the Gradio SDK does, call the API."""
    from gradio_client import Client, handle_file

    python = _interpreter()
    box = Sandbox("demo")
    proc = None
    try:
        folder = space.build("demo", box.dir / "space")
        venv = box.dir / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300)
        seconds = _pip(venv, "-r", str(folder / "requirements.txt"))
        size_requirements = _du_mb(venv)
        # Hugging Face's Gradio SDK adds the `spaces` package (gradio's Spaces reloader imports it).
        seconds += _pip(venv, "spaces", f"gradio=={PINS['gradio']}")  # never lets it move the pinned Gradio
        size = _du_mb(venv)
        _record("demo", {"install_s": seconds, "venv_mb_requirements": size_requirements, "venv_mb": size,
                         "python": python})
        assert size < 1000, f"the demo Space's environment is {size} MB (limit 1 GB)"
        r = subprocess.run([str(venv / "bin" / "python"), "-c", "import torch"], capture_output=True)
        assert r.returncode != 0, "torch is installed in the demo Space"

        _seal(folder)
        priv = _drop_privileges(str(venv / "bin" / "python"))
        port = _free_port()
        author, name = DEMO_SPACE.split("/")
        env = {"PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin", "HOME": str(box.home), "TMPDIR": str(box.tmp),
               "GRADIO_TEMP_DIR": str(box.tmp / "gradio"), "LANG": "C.UTF-8", "PYTHONUNBUFFERED": "1",
               # what a Gradio Space sets
               "SYSTEM": "spaces", "SPACE_ID": DEMO_SPACE, "SPACE_AUTHOR_NAME": author, "SPACE_REPO_NAME": name,
               "SPACE_HOST": f"{author}-{name}.hf.space", "GRADIO_SERVER_NAME": "0.0.0.0",
               "GRADIO_SERVER_PORT": str(port)}
        ARTIFACTS.mkdir(exist_ok=True)
        started = time.time()
        proc, cold = _start([str(venv / "bin" / "python"), "app.py"], folder, env, f"http://127.0.0.1:{port}/",
                            ARTIFACTS / "space_demo.log", priv)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        ex = ROOT / "demos" / "examples"
        t0 = time.perf_counter()
        digit = client.predict(handle_file(str(ex / "digit_7_mnist.png")), api_name="/predict_digit")
        first_ms = round(1000 * (time.perf_counter() - t0))
        assert digit["label"] == "7", digit
        assert client.predict(handle_file(str(ex / "digit_3_mnist.png")), api_name="/predict_digit")["label"] == "3"
        assert client.predict(handle_file(str(ex / "cat_1.jpg")), api_name="/predict_pet")["label"] == "cat"
        assert client.predict(handle_file(str(ex / "dog_1.jpg")), api_name="/predict_pet")["label"] == "dog"
        assert _writes_into(folder, started) == [], "the demo wrote into its app folder"
        _record("demo_run", {"cold_start_s": cold, "first_predict_ms": first_ms, "uid": priv.get("user", os.geteuid())})
    finally:
        if proc is not None:
            _stop(proc)
        if (box.dir / "space").exists():
            _unseal(box.dir / "space")
        box.cleanup()


# --------------------------------------------------------------------------- dashboard rehearsal
def _dockerfile(folder: Path) -> tuple[dict[str, str], list[str], list[str]]:
    """The Dockerfile's ENV values, CMD and pip command lines (so the rehearsal runs what the image runs)."""
    text = (folder / "Dockerfile").read_text().replace("\\\n", " ")
    env, args, pips, cmd = {}, {}, [], []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("ARG ") and "=" in line:
            k, v = line[4:].split("=", 1)
            args[k] = v
        elif line.startswith("ENV "):
            for k, v in re.findall(r"(\w+)=(\S+)", line[4:]):
                env[k] = re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), args.get(m.group(1), "")), v)
        elif line.startswith("RUN ") and "pip install" in line:
            pips += [part.strip() for part in line[4:].split("&&")]
        elif line.startswith("CMD "):
            cmd = json.loads(line[4:])
    return env, cmd, pips


@pytest.fixture(scope="module")
def dashboard_space(chromium_path):
    """The dashboard Space built, installed from its own requirements, started as its image starts it.

    Asks for ``chromium_path`` first: without Chromium the rehearsal skips before the long install."""
    python = _interpreter()
    box = Sandbox("dashboard")
    proc = None
    try:
        folder = space.build("dashboard", box.dir / "space", demo_space=DEMO_SPACE)
        image_env, cmd, pips = _dockerfile(folder)
        venv = box.dir / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=300)
        # The Dockerfile's two pip steps. Its torch step uses PyTorch's CPU-only index, which this offline
        # machine cannot reach: here the same versions come from the machine's configured index (the
        # CUDA build of torch 2.14.1, bigger but the same code).
        assert len(pips) == 2 and "--index-url" in pips[0] and pips[1].endswith("-r requirements.txt")
        torch_args = [a for a in pips[0].split() if re.match(r"^torch(vision)?==", a)]
        assert len(torch_args) == 2
        torch_s = _pip(venv, *torch_args)
        rest_s = _pip(venv, "-r", str(folder / "requirements.txt"))
        _record("dashboard", {"install_torch_s": torch_s, "install_rest_s": rest_s, "venv_mb": _du_mb(venv),
                              "torch_build": "CUDA wheel from the local index (the image uses the CPU index)"})

        _seal(folder)
        priv = _drop_privileges(str(venv / "bin" / "python"))
        port = _free_port()
        data = real_data_root()
        env = dict(image_env)
        env.update({"PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin", "HOME": str(box.home),
                    "TMPDIR": str(box.tmp), "LANG": "C.UTF-8", "PYTHONPATH": str(folder),
                    "DL_MODELS_DIR": str(folder / "models"),
                    "DL_DATA_DIR": str(data) if data else str(box.dir / "no-data")})
        argv = [str(venv / "bin" / cmd[0])] + [f"--server.port={port}" if a.startswith("--server.port=") else a
                                               for a in cmd[1:]]
        ARTIFACTS.mkdir(exist_ok=True)
        started = time.time()
        proc, cold = _start(argv, folder, env, f"http://127.0.0.1:{port}/_stcore/health",
                            ARTIFACTS / "space_dashboard.log", priv)
        _record("dashboard_run", {"cold_start_s": cold, "uid": priv.get("user", os.geteuid()),
                                  "mnist": str(data) if data else None})
        yield {"url": f"http://127.0.0.1:{port}", "folder": folder, "env": env, "data": data,
               "started": started}
    finally:
        if proc is not None:
            _stop(proc)
        if (box.dir / "space").exists():
            _unseal(box.dir / "space")
        box.cleanup()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.timeout(3600)  # torch's install: 8 min here under load (pip's own timeout is 30 min)
def test_dashboard_space_rehearsal(dashboard_space, page):
    """Every page opens without an error box; page 16 links to the demo Space and trains live."""
    from dashboard.i18n import translate
    from dashboard.ui import page_files, page_number, page_slug

    url = dashboard_space["url"]
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:  # the image's HEALTHCHECK
        assert r.read().decode().strip() == "ok"
    shots = ARTIFACTS / "space"
    shots.mkdir(parents=True, exist_ok=True)
    pages = [("home", "", translate("app.title", "ko"))] + [
        (f.stem, page_slug(f), translate(f"p{page_number(f)}.title", "ko")) for f in page_files()]
    for stem, path, title in pages:
        page.goto(f"{url}/{path}")
        page.get_by_role("heading", name=re.compile(re.escape(title))).first.wait_for(timeout=120_000)
        settle_streamlit(page, 120_000)
        assert page.locator('[data-testid="stException"]').count() == 0, f"error box on {stem}"
    page.screenshot(path=str(shots / "dashboard_p16.png"), full_page=True)
    # the demo link points at the demo Space, not localhost
    demo = f"https://huggingface.co/spaces/{DEMO_SPACE}"
    assert page.get_by_role("link", name=translate("p16.demo.button", "ko")).first.get_attribute("href") == demo
    page.goto(url)
    assert page.get_by_role("link", name=translate("home.demo", "ko")).first.get_attribute("href") == demo
    page.goto(f"{url}/{page_slug(page_files()[-1])}")
    page.get_by_role("heading", name=re.compile(re.escape(pages[-1][2]))).first.wait_for(timeout=120_000)
    settle_streamlit(page, 120_000)

    if dashboard_space["data"] is None:
        pytest.skip("every page and both demo links passed; MNIST not found (DL_DATA_DIR or ../shared/data), "
                    "so page 16's live training was not rehearsed")
    t0 = time.perf_counter()
    page.get_by_role("button", name=translate("p16.live.start", "ko")).click()
    page.get_by_text(translate("p16.live.test_acc", "ko")).first.wait_for(timeout=300_000)
    settle_streamlit(page, 120_000)
    _record("dashboard_p16_training_s", round(time.perf_counter() - t0, 1))
    page.screenshot(path=str(shots / "dashboard_p16_trained.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert _writes_into(dashboard_space["folder"], dashboard_space["started"]) == [], \
        "the dashboard wrote into its app folder"


