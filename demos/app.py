"""Gradio demo: draw a digit, show a pet photo — the lecture's CNNs served with ONNX Runtime.

Lecture sections: "CNN 실습 · MNIST" and "전이 학습 · 개 vs 고양이". The demo never computes anything
itself: preprocessing, inference and saliency are ``core.serve.preprocess``, ``core.serve.infer`` and
``core.serve.explain``; this file only lays out the page and turns their results and errors into Gradio
values. It never imports torch.

Run: ``python demos/app.py`` (``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT``, default
127.0.0.1:7860, 0.0.0.0 on a Hugging Face Space, i.e. when ``SPACE_ID`` is set; ``DL_MODELS_DIR`` overrides ``models/``; ``DL_FORCE_CPU=1`` forces the CPU). Named API: ``/predict_digit`` and ``/predict_pet`` (an image file in, label
confidences out), e.g. with ``gradio_client``::

    from gradio_client import Client, handle_file
    client = Client("http://127.0.0.1:7860/")
    client.predict(handle_file("seven.png"), api_name="/predict_digit")
    # {'label': '7', 'confidences': [{'label': '7', 'confidence': 0.99}, ...]}
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import gradio as gr  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from core.serve.explain import explain  # noqa: E402
from core.serve.infer import Model, Prediction, load_models, models_dir, models_for, predict_image  # noqa: E402
from core.serve.preprocess import EmptyDrawingError, PreprocessError  # noqa: E402
from demos.i18n import paragraph, tr  # noqa: E402
from demos.sketchpad import sketch_image  # noqa: E402

log = logging.getLogger("demos.app")

EXAMPLES_DIR = ROOT / "demos" / "examples"
EXPECTED = {"digit": ("mnist", "lenet5"), "pet": ("pets", "pets_scratch")}
TASK_TITLE = {task: tr(f"task.{task}") for task in ("digit", "pet")}
SELECT_BRUSH_JS = """() => {
  const pick = (tries) => {
    const b = document.querySelector('#digit-sketch button[aria-label="Brush"]');
    if (b && !b.classList.contains('selected')) { b.click(); }
    else if (!b && tries > 0) { setTimeout(() => pick(tries - 1), 500); }
  };
  setTimeout(() => pick(20), 500);
}"""


@dataclass(frozen=True)
class DemoConfig:
    """Server settings; every field can be overridden by the environment in :func:`from_env`."""

    server_name: str = "127.0.0.1"
    server_port: int = 7860
    max_file_size: str = "10mb"
    concurrency: int = 2  # one inference per CPU core of a small machine; the queue holds the rest
    max_queue: int = 64
    preview_scale: int = 6  # 28 px → 168 px, nearest neighbour: the pixels the network saw
    saliency_grid: int = 5  # 5 × 5 overlapping occlusion patches: 25 forward passes per photo

    @classmethod
    def from_env(cls) -> DemoConfig:
        d = cls()
        # Hugging Face Spaces set GRADIO_SERVER_NAME=0.0.0.0; should one not, SPACE_ID (always set there)
        # still makes the demo reachable from outside its container.
        host = "0.0.0.0" if os.environ.get("SPACE_ID") else d.server_name
        return cls(server_name=os.environ.get("GRADIO_SERVER_NAME", host),
                   server_port=int(os.environ.get("GRADIO_SERVER_PORT", d.server_port)),
                   max_file_size=os.environ.get("DEMO_MAX_FILE_SIZE", d.max_file_size),
                   concurrency=int(os.environ.get("DEMO_CONCURRENCY", d.concurrency)))


# --------------------------------------------------------------------------- text
def _pct(p: float) -> str:
    return f"{100 * p:.2f} %"


def choice_label(model: Model) -> str:
    """Radio label: bilingual title and the card's test accuracy."""
    title = model.card.get("title", {})
    acc = model.accuracy
    return (f"{title.get('ko', model.name)} · {title.get('en', model.name)}"
            + (f" — {tr('accuracy')} {_pct(acc)}" if acc is not None else ""))


def class_display(cls: dict) -> str:
    d = cls.get("display", {})
    ko, en = d.get("ko", cls["name"]), d.get("en", cls["name"])
    return ko if ko == en else f"{ko} · {en}"


def honest_md(r: Prediction) -> str:
    """One line saying why the answer is "unknown" (empty when the model answered)."""
    return f"**{r.display_label}** — {r.reason}  \n" if r.unknown else ""


def timing_md(r: Prediction, extra_ms: dict[str, float] | None = None) -> str:
    parts = [f"{tr('time.inference')} **{r.ms:.1f} ms**", f"{tr('time.preprocess')} {r.preprocess_ms:.1f} ms"]
    parts += [f"{k} {v:.0f} ms" for k, v in (extra_ms or {}).items()]
    return " · ".join(parts) + f"  \n{tr('time.provider')}: `{r.provider}` · {tr('model')}: `{r.model}`"


def card_md(model: Model) -> str:
    """One model card for the About tab: accuracy with n and 95 % CI, data, hardware, provider."""
    c = model.card
    test = c.get("metrics", {}).get("test", {})
    data, train = c.get("data", {}), c.get("training", {})
    lines = [f"### {c.get('title', {}).get('ko', model.name)} · {c.get('title', {}).get('en', model.name)} "
             f"(`{model.name}`)"]
    if "accuracy" in test:
        ci = test.get("ci95")
        ci_txt = f", 95 % CI {_pct(ci[0])} – {_pct(ci[1])}" if ci else ""
        lines.append(f"- {tr('accuracy')}: **{_pct(test['accuracy'])}** (n = {test.get('n', '?'):,}{ci_txt})"
                     f" — {test.get('split', 'test set')}")
    if data:
        lines.append(f"- {tr('card.data')}: {data.get('name', '?')} — train {data.get('train_n', '?'):,} / "
                     f"test {data.get('test_n', '?'):,}")
    if train:
        wall = train.get("wall_time_s")
        lines.append(f"- {tr('card.training')}: {train.get('hardware', train.get('device', '?'))}"
                     + (f", {wall / 60:.1f} min" if isinstance(wall, (int, float)) else "")
                     + (f", {train['epochs']} epochs" if "epochs" in train else "")
                     + (f", {train['date']}" if "date" in train else ""))
    lines.append(f"- {tr('card.arch')}: `{c.get('architecture', '?')}`, "
                 f"{c.get('params', 0):,} parameters, ONNX opset {c.get('opset', '?')}, "
                 f"sha256 `{str(c['sha256'])[:12]}…`")
    lines.append(f"- {tr('card.provider')}: `{model.provider}` ({tr('card.session')} {model.load_ms:.0f} ms)")
    return "\n".join(lines)


def missing_md(task: str, models: dict[str, Model], errors: dict[str, str]) -> str:
    """Which expected model files of a task are missing or refused, and why (empty if none)."""
    lines = []
    for name in EXPECTED[task]:
        if name not in models:
            why = errors.get(name, f"models/{name}.onnx and models/{name}.json not found")
            lines.append(f"- `{name}`: {why}")
    lines += [f"- {why}" for key, why in errors.items() if key == "models"]
    if not lines:
        return ""
    head = tr("missing.some") if models_for(models, task) else tr("missing.all")
    return head + "\n" + "\n".join(lines)


# --------------------------------------------------------------------------- components
def honest_label(**kwargs) -> gr.Label:
    """A ``gr.Label`` that can put "모르겠어요 · unknown" on top while still listing every class's
    confidence: a value ``{"label": str, "confidences": {class: p}}`` keeps its own label (a plain
    ``gr.Label`` always promotes the most probable class). The named API returns the usual
    ``{"label", "confidences": [...]}`` shape. (An instance override, not a subclass: Gradio writes
    a ``.pyi`` file next to the source of every component subclass, which fails on a read-only Space.)"""
    label = gr.Label(**kwargs)
    plain = label.postprocess

    def postprocess(value):
        if isinstance(value, dict) and isinstance(value.get("confidences"), dict) and "label" in value:
            data = plain(value["confidences"])
            return type(data)(label=str(value["label"]), confidences=data.confidences)
        return plain(value)

    label.postprocess = postprocess
    return label


# --------------------------------------------------------------------------- handlers
class Handlers:
    """The event functions, bound to the models loaded once at start."""

    def __init__(self, models: dict[str, Model], errors: dict[str, str], cfg: DemoConfig):
        self.models, self.errors, self.cfg = models, errors, cfg

    def _model(self, task: str, name: str | None) -> Model:
        candidates = models_for(self.models, task)
        if not candidates:
            missing = ", ".join(f"models/{n}.onnx" for n in EXPECTED[task])
            raise gr.Error(tr("error.no_model", task=task, missing=missing), print_exception=False)
        if name in (None, ""):
            return candidates[0]
        if name not in self.models or self.models[name].task != task:
            raise gr.Error(tr("error.unknown_model", task=task, name=name, choices=[m.name for m in candidates]),
                           print_exception=False)
        return self.models[name]

    @staticmethod
    def _run(model: Model, image) -> Prediction:
        try:
            return predict_image(model, sketch_image(image), top_k=len(model.classes))
        except PreprocessError as e:
            raise gr.Error(str(e), print_exception=False) from None

    @staticmethod
    def _confidences(model: Model, r: Prediction, bilingual: bool) -> dict:
        """{class: p}, or — when the model's gate says the input is neither of its classes —
        ``{"label": "모르겠어요 · unknown", "confidences": {class: p}}`` (see :func:`honest_label`)."""
        names = {c["name"]: (class_display(c) if bilingual else c["name"]) for c in model.classes}
        conf = {names[n]: p for n, p in r.probs.items()}
        return {"label": r.display_label, "confidences": conf} if r.unknown else conf

    def _preview(self, preview: np.ndarray) -> Image.Image:
        s = self.cfg.preview_scale
        return Image.fromarray(preview).resize((preview.shape[1] * s, preview.shape[0] * s), Image.NEAREST)

    # -- digits
    def digit(self, image, model_name: str | None):
        """Sketch or upload → (label, what the network saw, timing)."""
        if image is None:
            return None, None, ""
        model = self._model("digit", model_name)
        try:
            # The Sketchpad's editor dict is flattened here, in the demo: core only reads images.
            r = predict_image(model, sketch_image(image), top_k=3)
        except EmptyDrawingError as e:  # not an error: the canvas was just cleared
            return None, None, str(e)
        except PreprocessError as e:
            raise gr.Error(str(e), print_exception=False) from None
        return self._confidences(model, r, True), self._preview(r.preview), honest_md(r) + timing_md(r)

    def api_digit(self, image, model_name: str | None = None) -> dict[str, float]:
        """Named API ``/predict_digit``: an image file → {digit: probability}."""
        if image is None:
            raise gr.Error(tr("error.no_image"), print_exception=False)
        model = self._model("digit", model_name)
        return self._confidences(model, self._run(model, image), bilingual=False)

    # -- pets
    def pet(self, image, model_name: str | None, method: str | bool = "cam"):
        """Photo → (label, "where the model looked" overlay, timing). ``method``: ``"cam"`` (one
        pass, the default; models without a CAM output fall back to occlusion), ``"occlusion"``
        (the lecture's ZFNet experiment, 26 passes) or ``"none"``."""
        if image is None:
            return None, None, ""
        if isinstance(method, bool):                       # older callers: show_saliency flag
            method = "cam" if method else "none"
        model = self._model("pet", model_name)
        r = self._run(model, image)
        extra, heat_img = {}, None
        if method != "none":
            if method == "cam" and r.cam is None:
                method = "occlusion"          # pets_scratch has no CAM output
            t0 = time.perf_counter()
            heat_img = explain(model, r, method=method, grid=self.cfg.saliency_grid)
            extra[f"saliency · {method}"] = 1000 * (time.perf_counter() - t0)
        return self._confidences(model, r, True), heat_img, honest_md(r) + timing_md(r, extra)

    def api_pet(self, image, model_name: str | None = None) -> dict[str, float]:
        """Named API ``/predict_pet``: an image file → {"cat": p, "dog": 1 − p}."""
        if image is None:
            raise gr.Error(tr("error.no_image"), print_exception=False)
        model = self._model("pet", model_name)
        return self._confidences(model, self._run(model, image), bilingual=False)


# --------------------------------------------------------------------------- layout
def _picker(task: str, models: dict[str, Model]) -> gr.Radio:
    ms = models_for(models, task)
    return gr.Radio(choices=[(choice_label(m), m.name) for m in ms], value=ms[0].name if ms else None,
                    label=tr("model"), visible=len(ms) > 1)


def _digit_tab(h: Handlers, models, errors):
    gr.Markdown(paragraph("digit.intro"))
    if msg := missing_md("digit", models, errors):
        gr.Markdown(msg)
    picker = _picker("digit", models)
    with gr.Row():
        with gr.Column():
            sketch = gr.Sketchpad(
                label=tr("digit.draw"), type="pil", image_mode="RGBA", canvas_size=(280, 280),
                brush=gr.Brush(default_size=11, colors=["#000000"], color_mode="fixed"),  # 22 px wide
                eraser=gr.Eraser(default_size=16), layers=False, elem_id="digit-sketch")
            draw_btn = gr.Button(tr("digit.predict"), variant="primary")
        with gr.Column():
            label = honest_label(num_top_classes=3, label=tr("digit.top3"))
            seen = gr.Image(label=tr("digit.seen"), type="pil", format="png",
                            interactive=False, height=200)
            info = gr.Markdown()
    # Below the drawing row, not under the canvas: on a phone the columns stack, and the prediction
    # should come right after the canvas and its button, not after the upload box and the examples.
    with gr.Row():
        with gr.Column():
            upload = gr.Image(label=tr("digit.upload"), type="filepath",
                              sources=["upload", "clipboard"], height=200)
        with gr.Column():
            digit_examples = sorted(EXAMPLES_DIR.glob("digit_*.png"))
            if digit_examples:
                gr.Examples([[str(p)] for p in digit_examples], inputs=[upload],
                            label=tr("examples"))
    outs = [label, seen, info]
    common = {"outputs": outs, "api_visibility": "undocumented", "show_progress": "hidden"}
    sketch.change(h.digit, [sketch, picker], trigger_mode="always_last", **common)
    draw_btn.click(h.digit, [sketch, picker], **common)
    # preprocess=False: the handler receives the uploaded file's path and decodes it itself, so a
    # broken file gets our clear message instead of a decoder traceback.
    upload.change(h.digit, [upload, picker], preprocess=False, **common)
    picker.change(h.digit, [sketch, picker], **common)
    return picker


def _pet_tab(h: Handlers, models, errors):
    gr.Markdown(paragraph("pet.intro"))
    if msg := missing_md("pet", models, errors):
        gr.Markdown(msg)
    picker = _picker("pet", models)
    with gr.Row():
        with gr.Column():
            photo = gr.Image(label=tr("pet.photo"), type="filepath", sources=["upload", "webcam", "clipboard"],
                             height=300)
            show_sal = gr.Radio(choices=[(tr("pet.saliency.cam"), "cam"), (tr("pet.saliency.occlusion"), "occlusion"),
                                         (tr("pet.saliency.none"), "none")], value="cam", label=tr("pet.saliency"))
            pet_examples = sorted(EXAMPLES_DIR.glob("cat_*.jpg")) + sorted(EXAMPLES_DIR.glob("dog_*.jpg"))
            if pet_examples:
                gr.Examples([[str(p)] for p in pet_examples], inputs=[photo], label=tr("examples"))
        with gr.Column():
            label = honest_label(num_top_classes=2, label=tr("pet.prediction"))
            heat = gr.Image(label=tr("pet.heat"), type="pil", format="png",
                            interactive=False, height=300)
            info = gr.Markdown()
    common = {"outputs": [label, heat, info], "api_visibility": "undocumented", "preprocess": False}
    photo.change(h.pet, [photo, picker, show_sal], **common)
    picker.change(h.pet, [photo, picker, show_sal], **common)
    show_sal.change(h.pet, [photo, picker, show_sal], **common)
    return picker


def _about_tab(models, errors):
    gr.Markdown(paragraph("about.head"))
    for task in ("digit", "pet"):
        gr.Markdown(f"## {TASK_TITLE[task]}")
        for m in models_for(models, task):
            gr.Markdown(card_md(m))
        if msg := missing_md(task, models, errors):
            gr.Markdown(msg)


def build_demo(folder: str | os.PathLike | None = None, cfg: DemoConfig | None = None) -> gr.Blocks:
    """The whole app; models are loaded (and their sessions created) once, here, from ``folder``
    (default :func:`core.serve.infer.models_dir`: ``$DL_MODELS_DIR`` or ``models/``)."""
    cfg = cfg or DemoConfig()
    models, errors = load_models(folder or models_dir())
    h = Handlers(models, errors, cfg)
    with gr.Blocks(title=tr("app.title"), analytics_enabled=False) as demo:
        gr.Markdown(f"# {tr('app.title')}\n{tr('app.subtitle')}")
        # "wrap": on a phone the tabs wrap onto a second row instead of hiding behind a "⋯" menu
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab(TASK_TITLE["digit"]):
                digit_picker = _digit_tab(h, models, errors)
            with gr.Tab(TASK_TITLE["pet"]):
                pet_picker = _pet_tab(h, models, errors)
            with gr.Tab(tr("tab.about")):
                _about_tab(models, errors)
        # The named API: an image file in, confidences out (hidden components, no layout).
        with gr.Column(visible=False):
            api_digit_in = gr.Image(type="filepath", label="image")
            api_pet_in = gr.Image(type="filepath", label="image")
            api_digit_out = honest_label(label="confidences")
            api_pet_out = honest_label(label="confidences")
            api_digit_btn, api_pet_btn = gr.Button(), gr.Button()
        api_digit_btn.click(h.api_digit, [api_digit_in, digit_picker], api_digit_out, api_name="predict_digit",
                            preprocess=False)
        api_pet_btn.click(h.api_pet, [api_pet_in, pet_picker], api_pet_out, api_name="predict_pet",
                          preprocess=False)
        # Gradio 6 opens the Sketchpad with no tool selected ("select the draw tool to start");
        # a learner should be able to draw at once, so the brush is picked when the page loads.
        demo.load(None, js=SELECT_BRUSH_JS)
    demo.queue(default_concurrency_limit=cfg.concurrency, max_size=cfg.max_queue)
    return demo


def launch(demo: gr.Blocks, cfg: DemoConfig, **kwargs):
    """Launch with the safety settings: upload size limit, no extra served paths."""
    return demo.launch(server_name=cfg.server_name, server_port=cfg.server_port,
                       max_file_size=cfg.max_file_size, allowed_paths=None, **kwargs)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    config = DemoConfig.from_env()
    launch(build_demo(models_dir(), config), config)
