import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ARTIFACTS = ROOT / "test-artifacts"


def real_data_root() -> Path | None:
    """The real data root (DL_DATA_DIR, else ../shared/data) or None when absent."""
    for cand in (os.environ.get("DL_DATA_DIR"), str(ROOT.parent / "shared" / "data")):
        if cand and (Path(cand) / "MNIST" / "raw").is_dir():
            return Path(cand)
    return None


@pytest.fixture
def data_root_real() -> Path:
    root = real_data_root()
    if root is None:
        pytest.skip("real data sets not found (set DL_DATA_DIR to the folder with MNIST/ and PetImages/)")
    return root


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
