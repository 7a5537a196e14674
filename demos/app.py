"""Gradio demo: draw a digit, show a pet photo — the lecture's CNNs served with ONNX Runtime.

Lecture sections: "CNN 실습 · MNIST" and "전이 학습 · 개 vs 고양이". The demo never computes anything
itself: preprocessing, inference and saliency are ``core.serve.preprocess``, ``core.serve.infer`` and
``core.serve.explain``; this file only lays out the page and turns their results and errors into Gradio
values. It never imports torch.

Run: ``python demos/app.py`` (``GRADIO_SERVER_NAME`` / ``GRADIO_SERVER_PORT``, default
127.0.0.1:7860; ``DL_MODELS_DIR`` overrides ``models/``; ``DL_FORCE_CPU=1`` forces the CPU). Named API: ``/predict_digit`` and ``/predict_pet`` (an image file in, label
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

from core.serve.explain import occlusion, overlay  # noqa: E402
from core.serve.infer import Model, load_models, models_for, predict_image  # noqa: E402
from core.serve.preprocess import EmptyDrawingError, PreprocessError  # noqa: E402

log = logging.getLogger("demos.app")

MODELS_DIR = ROOT / "models"
EXAMPLES_DIR = ROOT / "demos" / "examples"
EXPECTED = {"digit": ("mnist", "lenet5"), "pet": ("pets", "pets_scratch")}
TASK_TITLE = {"digit": "손글씨 숫자 · MNIST", "pet": "개 vs 고양이 · Dog vs Cat"}
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
        return cls(server_name=os.environ.get("GRADIO_SERVER_NAME", d.server_name),
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
            + (f" — 정확도 · accuracy {_pct(acc)}" if acc is not None else ""))


def class_display(cls: dict) -> str:
    d = cls.get("display", {})
    ko, en = d.get("ko", cls["name"]), d.get("en", cls["name"])
    return ko if ko == en else f"{ko} · {en}"


def timing_md(r: dict, extra_ms: dict[str, float] | None = None) -> str:
    parts = [f"추론 · inference **{r['ms']:.1f} ms**", f"전처리 · preprocessing {r['preprocess_ms']:.1f} ms"]
    parts += [f"{k} {v:.0f} ms" for k, v in (extra_ms or {}).items()]
    return " · ".join(parts) + f"  \n실행 장치 · provider: `{r['provider']}` · 모델 · model: `{r['model']}`"


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
        lines.append(f"- 정확도 · accuracy: **{_pct(test['accuracy'])}** (n = {test.get('n', '?'):,}{ci_txt})"
                     f" — {test.get('split', 'test set')}")
    if data:
        lines.append(f"- 데이터 · data: {data.get('name', '?')} — train {data.get('train_n', '?'):,} / "
                     f"test {data.get('test_n', '?'):,}")
    if train:
        wall = train.get("wall_time_s")
        lines.append(f"- 학습 · training: {train.get('hardware', train.get('device', '?'))}"
                     + (f", {wall / 60:.1f} min" if isinstance(wall, (int, float)) else "")
                     + (f", {train['epochs']} epochs" if "epochs" in train else "")
                     + (f", {train['date']}" if "date" in train else ""))
    lines.append(f"- 구조 · architecture: `{c.get('architecture', '?')}`, "
                 f"{c.get('params', 0):,} parameters, ONNX opset {c.get('opset', '?')}, "
                 f"sha256 `{str(c['sha256'])[:12]}…`")
    lines.append(f"- 실행 장치 · provider in use: `{model.provider}` (세션 생성 · session load "
                 f"{model.load_ms:.0f} ms)")
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
    head = ("**이 모델은 지금 사용할 수 없습니다 · these models are not available:**" if
            models_for(models, task) else
            "**모델 파일이 없습니다 · model files missing — this tab cannot predict yet:**")
    return head + "\n" + "\n".join(lines)


# --------------------------------------------------------------------------- handlers
class Handlers:
    """The event functions, bound to the models loaded once at start."""

    def __init__(self, models: dict[str, Model], errors: dict[str, str], cfg: DemoConfig):
        self.models, self.errors, self.cfg = models, errors, cfg

    def _model(self, task: str, name: str | None) -> Model:
        candidates = models_for(self.models, task)
        if not candidates:
            missing = ", ".join(f"models/{n}.onnx" for n in EXPECTED[task])
            raise gr.Error(f"모델이 없습니다 · no {task} model is loaded ({missing}); "
                           "see the About tab", print_exception=False)
        if name in (None, ""):
            return candidates[0]
        if name not in self.models or self.models[name].task != task:
            raise gr.Error(f"알 수 없는 모델 · unknown {task} model {name!r}; choose one of "
                           f"{[m.name for m in candidates]}", print_exception=False)
        return self.models[name]

    @staticmethod
    def _run(model: Model, image) -> dict:
        try:
            return predict_image(model, image, top_k=len(model.classes))
        except PreprocessError as e:
            raise gr.Error(str(e), print_exception=False) from None

    @staticmethod
    def _confidences(model: Model, r: dict, bilingual: bool) -> dict[str, float]:
        names = {c["name"]: (class_display(c) if bilingual else c["name"]) for c in model.classes}
        return {names[n]: p for n, p in r["probs"].items()}

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
            r = predict_image(model, image, top_k=3)
        except EmptyDrawingError as e:  # not an error: the canvas was just cleared
            return None, None, str(e)
        except PreprocessError as e:
            raise gr.Error(str(e), print_exception=False) from None
        return self._confidences(model, r, True), self._preview(r["preview"]), timing_md(r)

    def api_digit(self, image, model_name: str | None = None) -> dict[str, float]:
        """Named API ``/predict_digit``: an image file → {digit: probability}."""
        if image is None:
            raise gr.Error("이미지가 없습니다 · no image was given", print_exception=False)
        model = self._model("digit", model_name)
        return self._confidences(model, self._run(model, image), bilingual=False)

    # -- pets
    def pet(self, image, model_name: str | None, show_saliency: bool = True):
        """Photo → (label, saliency overlay, timing)."""
        if image is None:
            return None, None, ""
        model = self._model("pet", model_name)
        r = self._run(model, image)
        extra, heat_img = {}, None
        if show_saliency:
            t0 = time.perf_counter()
            heat_img = overlay(r["preview"], occlusion(model, r["x"], grid=self.cfg.saliency_grid))
            extra["saliency · occlusion"] = 1000 * (time.perf_counter() - t0)
        return self._confidences(model, r, True), heat_img, timing_md(r, extra)

    def api_pet(self, image, model_name: str | None = None) -> dict[str, float]:
        """Named API ``/predict_pet``: an image file → {"cat": p, "dog": 1 − p}."""
        if image is None:
            raise gr.Error("이미지가 없습니다 · no image was given", print_exception=False)
        model = self._model("pet", model_name)
        return self._confidences(model, self._run(model, image), bilingual=False)


# --------------------------------------------------------------------------- layout
def _picker(task: str, models: dict[str, Model]) -> gr.Radio:
    ms = models_for(models, task)
    return gr.Radio(choices=[(choice_label(m), m.name) for m in ms], value=ms[0].name if ms else None,
                    label="모델 · model", visible=len(ms) > 1)


def _digit_tab(h: Handlers, models, errors):
    gr.Markdown("캔버스에 0–9 숫자를 그리거나 이미지를 올리세요. 모델이 실제로 본 28×28 이미지도 함께 보여 줍니다.  \n"
                "Draw a digit 0–9 or upload an image; the 28×28 image the model really saw is shown too.")
    if msg := missing_md("digit", models, errors):
        gr.Markdown(msg)
    picker = _picker("digit", models)
    with gr.Row():
        with gr.Column():
            sketch = gr.Sketchpad(
                label="그리기 · draw", type="pil", image_mode="RGBA", canvas_size=(280, 280),
                brush=gr.Brush(default_size=11, colors=["#000000"], color_mode="fixed"),  # 22 px wide
                eraser=gr.Eraser(default_size=16), layers=False, elem_id="digit-sketch")
            draw_btn = gr.Button("예측 · Predict", variant="primary")
        with gr.Column():
            label = gr.Label(num_top_classes=3, label="예측 · prediction (top 3)")
            seen = gr.Image(label="모델이 본 28×28 입력 · what the model saw", type="pil", format="png",
                            interactive=False, height=200)
            info = gr.Markdown()
    # Below the drawing row, not under the canvas: on a phone the columns stack, and the prediction
    # should come right after the canvas and its button, not after the upload box and the examples.
    with gr.Row():
        with gr.Column():
            upload = gr.Image(label="또는 이미지 올리기 · or upload an image", type="filepath",
                              sources=["upload", "clipboard"], height=200)
        with gr.Column():
            digit_examples = sorted(EXAMPLES_DIR.glob("digit_*.png"))
            if digit_examples:
                gr.Examples([[str(p)] for p in digit_examples], inputs=[upload],
                            label="예시 · examples")
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
    gr.Markdown("사진을 올리거나 웹캠으로 찍거나 예시를 누르세요. 오른쪽 그림은 모델이 어디를 보았는지(가림 실험) 보여 줍니다.  \n"
                "Upload a photo, take one with the webcam or click an example; the heatmap shows where "
                "the model looked (occlusion saliency).")
    if msg := missing_md("pet", models, errors):
        gr.Markdown(msg)
    picker = _picker("pet", models)
    with gr.Row():
        with gr.Column():
            photo = gr.Image(label="사진 · photo", type="filepath", sources=["upload", "webcam", "clipboard"],
                             height=300)
            show_sal = gr.Checkbox(value=True, label="어디를 보았나 계산 · compute saliency (≈ 1 s)")
            pet_examples = sorted(EXAMPLES_DIR.glob("cat_*.jpg")) + sorted(EXAMPLES_DIR.glob("dog_*.jpg"))
            if pet_examples:
                gr.Examples([[str(p)] for p in pet_examples], inputs=[photo], label="예시 · examples")
        with gr.Column():
            label = gr.Label(num_top_classes=2, label="예측 · prediction")
            heat = gr.Image(label="모델이 본 곳 · where the model looked", type="pil", format="png",
                            interactive=False, height=300)
            info = gr.Markdown()
    common = {"outputs": [label, heat, info], "api_visibility": "undocumented", "preprocess": False}
    photo.change(h.pet, [photo, picker, show_sal], **common)
    picker.change(h.pet, [photo, picker, show_sal], **common)
    return picker


def _about_tab(models, errors):
    gr.Markdown("## 모델 카드 · model cards\n정확도는 각 카드의 테스트 세트 결과입니다 (95 % 신뢰구간 포함).  \n"
                "Accuracy is each card's held-out test result, with its 95 % confidence interval.")
    for task in ("digit", "pet"):
        gr.Markdown(f"## {TASK_TITLE[task]}")
        for m in models_for(models, task):
            gr.Markdown(card_md(m))
        if msg := missing_md(task, models, errors):
            gr.Markdown(msg)


def build_demo(models_dir: str | os.PathLike = MODELS_DIR, cfg: DemoConfig | None = None) -> gr.Blocks:
    """The whole app; models are loaded (and their sessions created) once, here."""
    cfg = cfg or DemoConfig()
    models, errors = load_models(models_dir)
    h = Handlers(models, errors, cfg)
    with gr.Blocks(title="딥러닝 Part 1 데모 · Deep Learning Part 1 demo", analytics_enabled=False) as demo:
        gr.Markdown("# 딥러닝 Part 1 데모 · Deep Learning Part 1 demo\n"
                    "강의에서 학습한 CNN을 ONNX Runtime으로 실행합니다 · the lecture's CNNs, served with ONNX Runtime.")
        # "wrap": on a phone the tabs wrap onto a second row instead of hiding behind a "⋯" menu
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab(TASK_TITLE["digit"]):
                digit_picker = _digit_tab(h, models, errors)
            with gr.Tab(TASK_TITLE["pet"]):
                pet_picker = _pet_tab(h, models, errors)
            with gr.Tab("정보 · About"):
                _about_tab(models, errors)
        # The named API: an image file in, confidences out (hidden components, no layout).
        with gr.Column(visible=False):
            api_digit_in = gr.Image(type="filepath", label="image")
            api_pet_in = gr.Image(type="filepath", label="image")
            api_digit_out = gr.Label(label="confidences")
            api_pet_out = gr.Label(label="confidences")
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
    launch(build_demo(os.environ.get("DL_MODELS_DIR", MODELS_DIR), config), config)
