"""Data access for the two data sets the lecture's CNNs are trained on.

- MNIST, read by ``torchvision.datasets.MNIST`` from ``ROOT/MNIST/raw/…``.
- Microsoft's "Kaggle Cats and Dogs" photos, read from ``ROOT/PetImages/{Cat,Dog}/*.jpg``
  (the layout of the public download), with a deterministic held-out split by a seeded hash
  of the file name and corrupt files skipped and counted.

The data root is ``--data-dir`` (passed as ``root``), else ``$DL_DATA_DIR``, else ``./data``.
Nothing here downloads at import time; :func:`download_pets` is a helper for real users.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

PET_CLASSES = ("Cat", "Dog")  # folder names; class index = position (ImageFolder's sorted order)
PETS_URL = ("https://download.microsoft.com/download/3/E/1/"
            "3E1C3F21-ECDB-4869-8368-6DEBA77B919F/kagglecatsanddogs_5340.zip")
MNIST_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
               "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


class DataNotFoundError(FileNotFoundError):
    """The data set is not where it was expected; the message names the expected layout."""


def data_root(root: str | os.PathLike | None = None) -> Path:
    """Resolve the data root: explicit ``root`` > ``$DL_DATA_DIR`` > ``./data``."""
    if root is not None:
        return Path(root).expanduser()
    return Path(os.environ.get("DL_DATA_DIR", "data")).expanduser()


# --------------------------------------------------------------------------- MNIST
def mnist_missing(root: str | os.PathLike | None = None) -> list[str]:
    """Names of the MNIST raw files missing under ``ROOT/MNIST/raw`` (gzipped copies count)."""
    raw = data_root(root) / "MNIST" / "raw"
    return [f for f in MNIST_FILES if not (raw / f).exists() and not (raw / f"{f}.gz").exists()]


def _mnist_message(root: Path, missing: Sequence[str]) -> str:
    return (f"MNIST not found under {root.resolve()} (missing: {', '.join(missing)}).\n"
            f"Expected layout: {root}/MNIST/raw/train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (or the .gz files).\n"
            "Set DL_DATA_DIR or --data-dir to the folder that contains MNIST/, "
            "or pass download=True on a machine with internet access.")


def load_mnist(train: bool = True, root: str | os.PathLike | None = None, download: bool = False,
               transform=None):
    """Return ``torchvision.datasets.MNIST`` for the train (60,000) or test (10,000) split.

    Raises :class:`DataNotFoundError` with one clear message when the files are missing and
    ``download`` is False or the download fails (offline).
    """
    from torchvision import datasets  # torch only where a loader is asked for

    root = data_root(root)
    missing = mnist_missing(root)
    if missing and not download:
        raise DataNotFoundError(_mnist_message(root, missing))
    try:
        return datasets.MNIST(root=str(root), train=train, download=bool(missing) and download,
                              transform=transform)
    except (RuntimeError, OSError) as e:  # torchvision's "Dataset not found" or a failed download
        raise DataNotFoundError(_mnist_message(root, mnist_missing(root)) + f"\n({e})") from None


def mnist_arrays(train: bool = True, root: str | os.PathLike | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """MNIST as uint8 arrays ``images (N, 28, 28)`` and int64 ``labels (N,)``."""
    ds = load_mnist(train=train, root=root)
    return ds.data.numpy(), ds.targets.numpy().astype(np.int64)


# --------------------------------------------------------------------------- PetImages
@dataclass(frozen=True)
class PetSplit:
    """File lists of one deterministic split. ``labels``: 0 = cat, 1 = dog."""

    train_files: list[Path]
    train_labels: np.ndarray
    test_files: list[Path]
    test_labels: np.ndarray
    skipped: int = 0


def is_test_file(relative_name: str, test_fraction: float = 0.1, seed: int = 0) -> bool:
    """Whether a file belongs to the held-out split: a seeded SHA-256 of its name, not its order.

    The same name always lands on the same side, whatever files are added or removed.
    """
    if not 0.0 < test_fraction < 1.0:
        raise ValueError(f"test_fraction must be in (0, 1), got {test_fraction}")
    h = hashlib.sha256(f"{seed}:{relative_name}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64 < test_fraction


def _decodes(path: Path) -> bool:
    from PIL import Image

    try:
        if path.stat().st_size == 0:
            return False
        with Image.open(path) as im:
            im.verify()
        return True
    except Exception:  # noqa: BLE001 - any decoder failure means "skip this file"
        return False


def pets_split(root: str | os.PathLike | None = None, test_fraction: float = 0.1, seed: int = 0,
               verify: bool = True) -> PetSplit:
    """List PetImages and split it deterministically. Undecodable files are skipped and counted.

    ``verify=True`` opens every file's header (about 10 s for 25k files); the count of skipped
    files is logged once.
    """
    base = data_root(root) / "PetImages"
    dirs = [base / c for c in PET_CLASSES]
    if not all(d.is_dir() for d in dirs):
        raise DataNotFoundError(
            f"PetImages not found under {base.resolve()}.\nExpected layout: {base}/Cat/*.jpg and "
            f"{base}/Dog/*.jpg (the Microsoft 'Kaggle Cats and Dogs' download; core.pipeline.data.download_pets "
            "fetches it on a machine with internet access). Set DL_DATA_DIR or --data-dir.")
    train, test, skipped = ([], []), ([], []), 0
    for label, d in enumerate(dirs):
        for p in sorted(d.iterdir(), key=lambda q: q.name):
            if p.suffix.lower() not in (".jpg", ".jpeg", ".png"):
                continue
            if verify and not _decodes(p):
                skipped += 1
                continue
            side = test if is_test_file(f"{d.name}/{p.name}", test_fraction, seed) else train
            side[0].append(p)
            side[1].append(label)
    if skipped:
        log.warning("PetImages: skipped %d file(s) that do not decode", skipped)
    return PetSplit(train[0], np.array(train[1], np.int64), test[0], np.array(test[1], np.int64),
                    skipped)


def load_rgb(path: str | os.PathLike, size: int | None = None):
    """Open an image as RGB (PIL), optionally resized so its shorter side is ``size``."""
    from PIL import Image, ImageOps

    with Image.open(path) as im:
        im = ImageOps.exif_transpose(im).convert("RGB")
    if size is not None:
        w, h = im.size
        s = size / min(w, h)
        im = im.resize((max(size, round(w * s)), max(size, round(h * s))), Image.BILINEAR)
    return im


def download_pets(root: str | os.PathLike | None = None, url: str = PETS_URL) -> Path:  # pragma: no cover
    """Download and unpack the public Microsoft archive into ``ROOT/PetImages`` (needs internet)."""
    import urllib.request
    import zipfile

    root = data_root(root)
    root.mkdir(parents=True, exist_ok=True)
    zpath = root / "kagglecatsanddogs.zip"
    if not zpath.exists():
        log.warning("downloading %s (about 800 MB)…", url)
        urllib.request.urlretrieve(url, zpath)  # noqa: S310
    with zipfile.ZipFile(zpath) as z:
        z.extractall(root)
    return root / "PetImages"
