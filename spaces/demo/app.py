"""Hugging Face Space entry point (the Gradio SDK runs ``python app.py`` from this folder's root).

It runs ``demos/app.py`` exactly as ``python demos/app.py`` does. Spaces set
``GRADIO_SERVER_NAME=0.0.0.0`` and ``GRADIO_SERVER_PORT=7860``; the demo also binds 0.0.0.0 by itself
when ``SPACE_ID`` is set. Written by ``scripts/space.py build demo``.
"""
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # `core` and `demos` are packages in this folder
runpy.run_path(str(HERE / "demos" / "app.py"), run_name="__main__")
