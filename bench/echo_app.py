"""The Gradio floor: a trivial endpoint with the demo's input and output, served like the demo.

``/predict`` takes an image file (``gr.Image(type="filepath")``, ``preprocess=False``, exactly as the
demo's ``/predict_digit``) and returns a constant label through ``gr.Label``, with the demo's queue
settings (``demos.app.DemoConfig``: ``concurrency``, ``max_queue``) and launch settings. Everything a
request costs here (upload, queue, event loop, serialisation) the demo pays too; what the demo costs
beyond it is preprocessing and inference.

    GRADIO_SERVER_PORT=7861 python bench/echo_app.py
"""
from __future__ import annotations

import gradio as gr

from demos.app import DemoConfig, launch


def echo(image, model_name: str | None = None) -> dict[str, float]:
    """The cheapest handler with the demo's signature: no decoding, no model."""
    if image is None:
        raise gr.Error("no image was given", print_exception=False)
    return {"echo": 1.0}


def build(cfg: DemoConfig | None = None) -> gr.Blocks:
    cfg = cfg or DemoConfig()
    with gr.Blocks(analytics_enabled=False) as demo:
        image = gr.Image(type="filepath", label="image")
        label = gr.Label(label="confidences")
        gr.Button().click(echo, [image], label, api_name="predict", preprocess=False)
    demo.queue(default_concurrency_limit=cfg.concurrency, max_size=cfg.max_queue)
    return demo


if __name__ == "__main__":
    config = DemoConfig.from_env()
    launch(build(config), config)
