"""The demo's one bilingual table: every text shown to a learner, in Korean and English.

The demo shows both languages at once (a Space has no language switch), so :func:`tr` joins the
two with ``" · "`` (or a line break for paragraphs). Keys are grouped by where the text appears.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # page and tabs
    "app.title": {"ko": "딥러닝 Part 1 데모", "en": "Deep Learning Part 1 demo"},
    "app.subtitle": {"ko": "강의에서 학습한 CNN을 ONNX Runtime으로 실행합니다",
                     "en": "the lecture's CNNs, served with ONNX Runtime."},
    "task.digit": {"ko": "손글씨 숫자", "en": "MNIST"},
    "task.pet": {"ko": "개 vs 고양이", "en": "Dog vs Cat"},
    "tab.about": {"ko": "정보", "en": "About"},
    # digit tab
    "digit.intro": {"ko": "캔버스에 0–9 숫자를 그리거나 이미지를 올리세요. 모델이 실제로 본 28×28 이미지도 함께 보여 줍니다.",
                    "en": "Draw a digit 0–9 or upload an image; the 28×28 image the model really saw is shown too."},
    "digit.draw": {"ko": "그리기", "en": "draw"},
    "digit.predict": {"ko": "예측", "en": "Predict"},
    "digit.upload": {"ko": "또는 이미지 올리기", "en": "or upload an image"},
    "digit.top3": {"ko": "예측", "en": "prediction (top 3)"},
    "digit.seen": {"ko": "모델이 본 28×28 입력", "en": "what the model saw"},
    # pet tab
    "pet.intro": {"ko": "사진을 올리거나 웹캠으로 찍거나 예시를 누르세요. 아래(넓은 화면에서는 오른쪽) 그림은 모델이 어디를 보았는지(클래스 활성화 맵, CAM) 보여 줍니다. 개나 고양이가 아니면 「모르겠어요」라고 답합니다.",
                  "en": "Upload a photo, take one with the webcam or click an example; the heatmap shows where "
                        "the model looked (class activation map, CAM). If the photo shows neither a dog nor a cat, it says \"unknown\"."},
    "pet.photo": {"ko": "사진", "en": "photo"},
    "pet.saliency": {"ko": "어디를 보았나", "en": "where the model looked"},
    "pet.saliency.cam": {"ko": "CAM (한 번에)", "en": "CAM (one pass)"},
    "pet.saliency.occlusion": {"ko": "가림 실험 (ZFNet, ≈ 1 s)", "en": "occlusion (ZFNet, ≈ 1 s)"},
    "pet.saliency.none": {"ko": "끄기", "en": "off"},
    "pet.prediction": {"ko": "예측", "en": "prediction"},
    "pet.heat": {"ko": "모델이 본 곳", "en": "where the model looked"},
    # shared widgets
    "model": {"ko": "모델", "en": "model"},
    "examples": {"ko": "예시", "en": "examples"},
    "accuracy": {"ko": "정확도", "en": "accuracy"},
    # timing line
    "time.inference": {"ko": "추론", "en": "inference"},
    "time.preprocess": {"ko": "전처리", "en": "preprocessing"},
    "time.provider": {"ko": "실행 장치", "en": "provider"},
    # about tab
    "about.head": {"ko": "## 모델 카드 · model cards\n정확도는 각 카드의 테스트 세트 결과입니다 (95 % 신뢰구간 포함).",
                   "en": "Accuracy is each card's held-out test result, with its 95 % confidence interval."},
    "card.data": {"ko": "데이터", "en": "data"},
    "card.training": {"ko": "학습", "en": "training"},
    "card.arch": {"ko": "구조", "en": "architecture"},
    "card.provider": {"ko": "실행 장치", "en": "provider in use"},
    "card.session": {"ko": "세션 생성", "en": "session load"},
    # missing models and errors
    "missing.some": {"ko": "**이 모델은 지금 사용할 수 없습니다", "en": "these models are not available:**"},
    "missing.all": {"ko": "**모델 파일이 없습니다", "en": "model files missing — this tab cannot predict yet:**"},
    "error.no_model": {"ko": "모델이 없습니다", "en": "no {task} model is loaded ({missing}); see the About tab"},
    "error.unknown_model": {"ko": "알 수 없는 모델", "en": "unknown {task} model {name!r}; choose one of {choices}"},
    "error.no_image": {"ko": "이미지가 없습니다", "en": "no image was given"},
}


def tr(key: str, sep: str = " · ", **fmt) -> str:
    """``"<ko><sep><en>"`` for ``key``, both formatted with ``fmt``; a missing key is a ``KeyError``
    naming it (a typo must fail in the tests, not show up as a blank label)."""
    if key not in TEXT:
        raise KeyError(f"demo text {key!r} is not in demos.i18n.TEXT")
    entry = TEXT[key]
    return f"{entry['ko'].format(**fmt)}{sep}{entry['en'].format(**fmt)}"


def paragraph(key: str, **fmt) -> str:
    """Both languages as two Markdown lines (a hard line break between them)."""
    return tr(key, sep="  \n", **fmt)
