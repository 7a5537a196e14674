"""The examples in the lessons' docstrings (core.ml, core.nn and their shared helpers) are run here.

Modules that import torch (core.ml.frameworks, core.nn.backprop) are left out: their examples would
cost a torch import for every run of this light test, and they compare against torch themselves in
their own tests.
"""
import doctest
import importlib
import re

import pytest

from tests.conftest import ROOT

FILES = sorted([*(ROOT / "core" / "ml").glob("*.py"), *(ROOT / "core" / "nn").glob("*.py"),
                ROOT / "core" / "_common.py", ROOT / "core" / "_validation.py"])
TORCH = re.compile(r"^\s*(import torch|from torch)", re.M)
MODULES = [".".join(p.relative_to(ROOT).with_suffix("").parts) for p in FILES
           if p.name != "__init__.py" and not TORCH.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def test_the_lesson_examples_exist():
    """The README's first example is a doctest, and the lessons carry examples at all."""
    import core.ml.regression as regression

    finder = doctest.DocTestFinder()
    assert any("least_squares(x, y)" in ex.source for t in finder.find(regression) for ex in t.examples)
    total = sum(len(t.examples) for name in MODULES for t in finder.find(importlib.import_module(name)))
    assert total >= 25, total
