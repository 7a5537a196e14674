"""Fetch MNIST into ``$DL_DATA_DIR/MNIST/raw`` while the image is built (page 16's live training reads it).

Hugging Face builds Docker Spaces with internet access, so the image carries MNIST (about 55 MB unpacked).
This never fails the build: where MNIST cannot be fetched it says so and where MNIST is expected, and
page 16 then shows the same path with its own message instead of training.
"""
import os
import sys
from pathlib import Path

root = Path(os.environ.get("DL_DATA_DIR", "data")).expanduser()
try:
    from torchvision import datasets

    for train in (True, False):
        datasets.MNIST(root=str(root), train=train, download=True)
    for gz in (root / "MNIST" / "raw").glob("*.gz"):
        gz.unlink()  # the unpacked files are what torchvision reads; keep the image small
    print(f"MNIST ready under {root}/MNIST/raw")
except Exception as e:  # noqa: BLE001 - offline, mirror down, disk full: the app still starts
    print(f"WARNING: MNIST could not be fetched ({type(e).__name__}: {e}).\n"
          f"The dashboard starts anyway; page 16's live training needs {root}/MNIST/raw/"
          "{train,t10k}-{images-idx3,labels-idx1}-ubyte (copy them there, or set DL_DATA_DIR).",
          file=sys.stderr)
