import numpy as np
import pytest
from PIL import Image

from core.pipeline import data


def test_data_root_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("DL_DATA_DIR", raising=False)
    assert data.data_root() == data.data_root("data")
    monkeypatch.setenv("DL_DATA_DIR", str(tmp_path))
    assert data.data_root() == tmp_path
    assert data.data_root("elsewhere").name == "elsewhere"


def test_mnist_missing_offline_gives_one_clear_message(tmp_path):
    with pytest.raises(data.DataNotFoundError) as e:
        data.load_mnist(root=tmp_path)
    msg = str(e.value)
    assert "MNIST/raw/train-images-idx3-ubyte" in msg and "DL_DATA_DIR" in msg
    assert "Traceback" not in msg


def test_mnist_download_failure_offline_is_the_same_clear_error(tmp_path, monkeypatch):
    from torchvision import datasets

    def boom(*a, **k):
        raise RuntimeError("network unreachable")
    monkeypatch.setattr(datasets.MNIST, "download", boom)
    with pytest.raises(data.DataNotFoundError, match="Expected layout"):
        data.load_mnist(root=tmp_path, download=True)


def _make_pets(root, n=40):
    for cls in data.PET_CLASSES:
        d = root / "PetImages" / cls
        d.mkdir(parents=True)
        for i in range(n):
            Image.new("RGB", (8, 8), (i, 0, 0)).save(d / f"{i}.jpg")
    (root / "PetImages" / "Cat" / "bad.jpg").write_bytes(b"not a jpeg")
    (root / "PetImages" / "Dog" / "empty.jpg").write_bytes(b"")


def test_pets_split_is_deterministic_disjoint_and_skips_corrupt(tmp_path, caplog):
    _make_pets(tmp_path)
    s1 = data.pets_split(tmp_path, test_fraction=0.25, seed=0)
    s2 = data.pets_split(tmp_path, test_fraction=0.25, seed=0)
    assert s1.train_files == s2.train_files and s1.test_files == s2.test_files
    assert s1.skipped == 2 and "skipped 2" in caplog.text
    assert not set(s1.train_files) & set(s1.test_files)
    assert len(s1.train_files) + len(s1.test_files) == 80
    assert 5 <= len(s1.test_files) <= 35  # ~25 % of 80
    assert set(np.unique(s1.train_labels)) == {0, 1}
    # the side a file lands on depends on its name only, not on the other files
    (tmp_path / "PetImages" / "Cat" / "0.jpg").unlink()
    s3 = data.pets_split(tmp_path, test_fraction=0.25, seed=0)
    assert set(s3.test_files) == set(s1.test_files) - {tmp_path / "PetImages" / "Cat" / "0.jpg"}


def test_pets_missing_is_clear(tmp_path):
    with pytest.raises(data.DataNotFoundError, match="PetImages/Cat"):
        data.pets_split(tmp_path)


def test_is_test_file_validates_fraction():
    with pytest.raises(ValueError, match="test_fraction"):
        data.is_test_file("Cat/1.jpg", test_fraction=1.5)


@pytest.mark.data
def test_real_mnist_loads(data_root_real):
    x, y = data.mnist_arrays(train=False, root=data_root_real)
    assert x.shape == (10000, 28, 28) and x.dtype == np.uint8
    assert np.bincount(y).min() > 800
