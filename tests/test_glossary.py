"""One Korean term per concept: no rejected spelling anywhere learners read Korean text.

Scans every translation table (``dashboard/i18n/*.py``), the Gradio demo (``demos/*.py``) and the model
cards (``models/*.json``), and ``core/ml`` (whose optimizer descriptions pages show), for the variants listed in ``dashboard.i18n.glossary``.
"""
from pathlib import Path

import pytest

from dashboard.i18n import translate
from dashboard.i18n.glossary import GLOSSARY, variants
from tests.conftest import ROOT

SCANNED = sorted([p for p in (ROOT / "dashboard" / "i18n").glob("*.py") if p.name != "glossary.py"]
                 + list((ROOT / "demos").glob("*.py")) + list((ROOT / "models").glob("*.json"))
                 # core.ml's Korean strings (optimizer descriptions, surface names) are shown on pages 4-5
                 + list((ROOT / "core" / "ml").glob("*.py")))


def test_scanned_files_exist():
    names = {p.name for p in SCANNED}
    assert {"ml.py", "nn.py", "common.py", "app.py"} <= names
    assert any(p.suffix == ".json" for p in SCANNED)


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(Path(p).relative_to(ROOT)))
def test_no_variant_spelling(path):
    text = path.read_text(encoding="utf-8")
    found = [f"line {text.count(chr(10), 0, text.index(v)) + 1}: {v!r} -> use {term!r}"
             for v, term in variants().items() if v in text]
    assert not found, "\n".join(found)


def test_glossary_is_consistent():
    terms = [e["ko"] for e in GLOSSARY]
    assert len(terms) == len(set(terms)), "one entry per term"
    for entry in GLOSSARY:
        assert entry["source"] in {"lecture", "밑바닥", "standard"}
        for v in entry["variants"]:
            # a variant inside a correct term would reject the term itself
            assert not any(v in term for term in terms), (v, entry["ko"])
    chosen = {e["en"]: e["ko"] for e in GLOSSARY}
    assert chosen["epoch"] == "에폭" and chosen["local minimum"] == "지역 최솟값"
    assert chosen["mini-batch"] == "미니배치" and chosen["stochastic gradient descent"] == "확률적 경사 하강법"


def test_optimizer_names_follow_the_lecture():
    # The lecture's table: 확률적 경사 하강법, 모멘텀, 네스테로프 모멘텀, 아다그라드, 알엠에스프롭, 아담.
    names = {n: translate(f"p05.name.{n}", "ko") for n in ("momentum", "nesterov", "adagrad", "rmsprop", "adam")}
    assert names == {"momentum": "모멘텀", "nesterov": "네스테로프 모멘텀", "adagrad": "아다그라드",
                     "rmsprop": "알엠에스프롭", "adam": "아담"}
    assert translate("p05.sgd.run.sgd", "ko").startswith("확률적 경사 하강법")
    # the race's first runner is full-batch gradient descent, and says so
    assert "SGD" not in translate("p05.name.gd", "ko") and "전체 배치" in translate("p05.name.gd", "ko")
