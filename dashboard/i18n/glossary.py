"""One Korean term per concept, across every page, the Gradio demo and the model cards.

The lecture's own terms come first (확률적 경사 하강법, 오차역전파, 기울기 소실, 합성곱, 풀링, 모멘텀, …). Where the
lecture names no Korean term, the Korean edition of 『밑바닥부터 시작하는 딥러닝』 decides (에폭, 미니배치,
배치 정규화, 가중치 감소, 활성화 함수, 손실 함수, 패딩, 스트라이드). Each entry lists the spellings that must
not appear in Korean text; ``tests/test_glossary.py`` scans every translation table
(``dashboard/i18n/*.py``), ``demos/*.py`` and ``models/*.json`` and fails on any of them.

Entries: ``{"en": concept, "ko": the term, "source": "lecture" | "밑바닥" | "standard", "variants": [...]}``.
A variant must not be a substring of correct text elsewhere (e.g. "활성 함수" would not match "활성화 함수").
"""
from __future__ import annotations

GLOSSARY: tuple[dict, ...] = (
    # ---- the lecture's terms
    {"en": "stochastic gradient descent", "ko": "확률적 경사 하강법", "source": "lecture",
     "variants": ["확률적 경사하강법", "확률적경사하강법", "확률적 기울기 하강법", "스토캐스틱 경사 하강법"]},
    {"en": "gradient descent", "ko": "경사 하강법", "source": "lecture",
     "variants": ["경사하강법", "기울기 하강법", "그래디언트 디센트"]},
    {"en": "momentum", "ko": "모멘텀", "source": "lecture", "variants": ["모멘텀법", "운동량 방법"]},
    {"en": "Nesterov momentum (NAG)", "ko": "네스테로프 모멘텀", "source": "lecture",
     "variants": ["네스테로프 가속 경사", "네스테로프 가속 모멘텀", "네스터로프"]},
    {"en": "Adagrad", "ko": "아다그라드", "source": "lecture", "variants": ["에이다그라드", "아다그래드", "애더그래드"]},
    {"en": "RMSProp", "ko": "알엠에스프롭", "source": "lecture", "variants": ["알엠에스프랍", "RMS프롭", "알엠에스프로프"]},
    {"en": "Adam", "ko": "아담", "source": "lecture", "variants": ["애덤", "아담 옵티마이저"]},
    {"en": "local minimum", "ko": "지역 최솟값", "source": "lecture",
     "variants": ["국소 최솟값", "국소 최소값", "국소최솟값", "지역 최소값", "지역최솟값", "로컬 미니멈"]},
    {"en": "global minimum", "ko": "전역 최솟값", "source": "standard",
     "variants": ["전역 최소값", "대역 최솟값", "글로벌 미니멈"]},
    {"en": "backpropagation", "ko": "오차역전파", "source": "lecture",
     "variants": ["오류 역전파", "오류역전파", "역전파법", "백프로퍼게이션"]},
    {"en": "vanishing gradient", "ko": "기울기 소실", "source": "lecture",
     "variants": ["기울기 소멸", "그래디언트 소실", "경사 소실", "그레이디언트 소실"]},
    {"en": "convolution", "ko": "합성곱", "source": "lecture", "variants": ["컨볼루션", "콘볼루션", "컨벌루션", "회선곱"]},
    {"en": "pooling", "ko": "풀링", "source": "lecture", "variants": ["폴링 층", "풀링레이어"]},
    {"en": "learning rate", "ko": "학습률", "source": "lecture", "variants": ["학습율", "러닝 레이트", "러닝레이트"]},
    {"en": "mean squared error", "ko": "평균 제곱 오차", "source": "lecture",
     "variants": ["평균제곱오차", "평균 자승 오차", "평균 제곱 에러"]},
    {"en": "root mean squared error", "ko": "평균 제곱근 오차", "source": "lecture",
     "variants": ["평균제곱근오차", "제곱근 평균 제곱 오차", "평균 제곱근 에러"]},
    {"en": "least squares", "ko": "최소제곱법", "source": "lecture", "variants": ["최소 자승법", "최소자승법"]},
    {"en": "recall", "ko": "재현율", "source": "standard", "variants": ["재현률"]},
    {"en": "confusion matrix", "ko": "혼동 행렬", "source": "standard", "variants": ["혼동행렬", "오차 행렬", "오차행렬"]},
    {"en": "cross-entropy", "ko": "교차 엔트로피", "source": "standard",
     "variants": ["크로스 엔트로피", "크로스엔트로피", "교차엔트로피"]},
    # ---- no Korean term in the lecture: 『밑바닥부터 시작하는 딥러닝』 (Korean edition)
    {"en": "epoch", "ko": "에폭", "source": "밑바닥", "variants": ["에포크", "에포치", "에퐄"]},
    {"en": "mini-batch", "ko": "미니배치", "source": "밑바닥", "variants": ["미니 배치", "미니-배치"]},
    {"en": "batch normalization", "ko": "배치 정규화", "source": "밑바닥",
     "variants": ["배치정규화", "배치 노멀라이제이션", "일괄 정규화", "배치 표준화"]},
    {"en": "weight decay", "ko": "가중치 감소", "source": "밑바닥", "variants": ["가중치 감쇠", "가중치감소", "웨이트 디케이"]},
    {"en": "activation function", "ko": "활성화 함수", "source": "밑바닥",
     "variants": ["활성 함수", "활성함수", "활성화함수", "액티베이션 함수"]},
    {"en": "loss function", "ko": "손실 함수", "source": "밑바닥", "variants": ["손실함수", "로스 함수", "손실 펑션"]},
    {"en": "padding", "ko": "패딩", "source": "밑바닥", "variants": ["덧대기", "패딩값 채우기"]},
    {"en": "stride", "ko": "스트라이드", "source": "밑바닥", "variants": ["스트라이트", "보폭(stride)", "간격(stride)"]},
    {"en": "dropout", "ko": "드롭아웃", "source": "밑바닥", "variants": ["드랍아웃", "드롭 아웃"]},
    {"en": "hyperparameter", "ko": "하이퍼파라미터", "source": "밑바닥",
     "variants": ["하이퍼 파라미터", "초매개변수", "초모수"]},
)


def variants() -> dict[str, str]:
    """Every rejected spelling -> the term to use instead."""
    return {v: entry["ko"] for entry in GLOSSARY for v in entry["variants"]}
