"""Gradio demo (placeholder until the models land): says which model files are missing."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gradio as gr  # noqa: E402

MODELS = ROOT / "models"
EXPECTED = ["mnist.onnx", "lenet5.onnx", "pets.onnx", "pets_scratch.onnx"]


def build() -> gr.Blocks:
    missing = [m for m in EXPECTED if not (MODELS / m).exists()]
    with gr.Blocks(title="Deep Learning Part 1 · demo") as demo:
        gr.Markdown("# 딥러닝 Part 1 데모 · Deep Learning Part 1 demo")
        if missing:
            gr.Markdown("**모델 파일이 없습니다 · model files missing:** "
                        + ", ".join(f"`models/{m}`" for m in missing))
    return demo


if __name__ == "__main__":
    build().launch(server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
                   server_port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
