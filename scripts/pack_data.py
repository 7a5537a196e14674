"""Pack the training data compactly so it can travel with the code to a GPU machine (issue 6).

    python scripts/pack_data.py pack   [--data-dir DIR] [--out pack] [--pet-size 160] [--quality 90]
    python scripts/pack_data.py unpack [--src pack] [--to data]

``pack`` writes ``pack/MNIST/raw/*.gz`` (the four idx files gzipped, ~11 MB) and
``pack/PetImages/{Cat,Dog}/*.jpg`` re-encoded with the shorter side at most ``--pet-size``
(undecodable photos are left out, as ``core.pipeline.data.pets_split`` would skip them), plus
``pack/manifest.json`` with counts, sizes and SHA-256s. File names are kept, so the
deterministic held-out split (a hash of the file name) is the same on the packed copy.

``unpack`` gunzips MNIST (torchvision reads the raw idx files) and copies the photos into a
data root usable as ``--data-dir`` / ``DL_DATA_DIR``. ``pack/`` and ``data/`` are git-ignored.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from core.pipeline import data as D  # noqa: E402


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def pack_mnist(data_root: Path, out: Path) -> dict:
    """Gzip the four MNIST idx files into ``out/MNIST/raw``; returns ``{name: sha256 of the .gz}``."""
    src, dst = data_root / "MNIST" / "raw", out / "MNIST" / "raw"
    dst.mkdir(parents=True, exist_ok=True)
    missing = D.mnist_missing(data_root)
    if missing:
        raise FileNotFoundError(f"MNIST files missing under {src}: {', '.join(missing)}")
    digests = {}
    for name in D.MNIST_FILES:
        gz = dst / f"{name}.gz"
        if (src / f"{name}.gz").exists():
            shutil.copyfile(src / f"{name}.gz", gz)
        else:
            # mtime=0: the same input always gives the same bytes (stable sha256 in the manifest)
            with open(src / name, "rb") as f_in, gzip.GzipFile(gz, "wb", compresslevel=9, mtime=0) as f_out:
                shutil.copyfileobj(f_in, f_out)
        digests[gz.name] = _sha256(gz)
    return digests


def pack_pets(data_root: Path, out: Path, size: int = 160, quality: int = 90) -> dict:
    """Re-encode every decodable PetImages photo with its shorter side at most ``size`` px."""
    if size < 32:
        raise ValueError(f"--pet-size must be at least 32 px, got {size}")
    split = D.pets_split(data_root, test_fraction=0.1, seed=0)  # verifies and skips corrupt files
    counts = {"train": len(split.train_files), "test": len(split.test_files), "skipped": split.skipped}
    for f in split.train_files + split.test_files:  # one decode/encode per file: inherently sequential
        dst = out / "PetImages" / f.parent.name / f.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        im = D.load_rgb(f)
        if min(im.size) > size:
            im = D.load_rgb(f, size=size)
        im.save(dst, format="JPEG", quality=quality)
    return counts


def _folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def pack(data_dir: str | None, out: str, pet_size: int, quality: int) -> dict:
    data_root, out_p = D.data_root(data_dir), Path(out)
    manifest = {"mnist": pack_mnist(data_root, out_p),
                "pets": pack_pets(data_root, out_p, pet_size, quality),
                "pet_size": pet_size, "jpeg_quality": quality}
    manifest["bytes"] = _folder_bytes(out_p)
    (out_p / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def unpack(src: str, to: str) -> Path:
    src_p, to_p = Path(src), Path(to)
    raw = to_p / "MNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for gz in sorted((src_p / "MNIST" / "raw").glob("*.gz")):
        with gzip.open(gz, "rb") as f_in, open(raw / gz.stem, "wb") as f_out:
            shutil.copyfileobj(f_in, f_out)
    if (src_p / "PetImages").is_dir():
        shutil.copytree(src_p / "PetImages", to_p / "PetImages", dirs_exist_ok=True)
    return to_p


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    pk = sub.add_parser("pack", help="data root → compact pack/")
    pk.add_argument("--data-dir", help="data root (default $DL_DATA_DIR or ./data)")
    pk.add_argument("--out", default="pack")
    pk.add_argument("--pet-size", type=int, default=160, help="max shorter side of the photos, px")
    pk.add_argument("--quality", type=int, default=90, help="JPEG quality of the re-encoded photos")
    up = sub.add_parser("unpack", help="pack/ → a data root for --data-dir")
    up.add_argument("--src", default="pack")
    up.add_argument("--to", default="data")
    a = p.parse_args(argv)
    if a.cmd == "pack":
        m = pack(a.data_dir, a.out, a.pet_size, a.quality)
        print(f"packed into {a.out}: {m['pets']} photos, {m['bytes'] / 1e6:.1f} MB in all")
    else:
        print(f"unpacked into {unpack(a.src, a.to)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
