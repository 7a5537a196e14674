"""Strings of the shell: navigation, language switch, home page, shared helpers."""
STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"ko": "딥러닝 Part 1 · 직접 만져 보는 강의", "en": "Deep Learning Part 1 · learn by touching"},
    "app.lang": {"ko": "언어 · Language", "en": "언어 · Language"},
    "app.section.ml": {"ko": "머신러닝 기초", "en": "Machine-learning basics"},
    "app.section.nn": {"ko": "신경망과 CNN", "en": "Neural networks and CNNs"},
    "app.section.home": {"ko": "시작", "en": "Start"},
    "home.title": {"ko": "홈", "en": "Home"},
    "home.intro": {
        "ko": "강의 **「딥러닝 - Part1」**의 모든 개념을 슬라이더로 직접 움직여 보세요. 화면의 모든 숫자는 "
              "`core/` 패키지의 코드가 계산하며, 각 페이지 아래의 **코드 보기**에서 그 코드를 읽을 수 있습니다. "
              "같은 코드로 학습한 CNN은 Gradio 데모에서 여러분의 손글씨와 사진으로 시험해 볼 수 있습니다.",
        "en": "Move every idea of the lecture **\"Deep Learning - Part 1\"** with a slider. Every number on "
              "screen is computed by the `core/` package, whose source you can read under **Show the code** "
              "on each page. CNNs trained by the same code can be tried on your own drawing or photo in "
              "the Gradio demo."},
    "home.pages": {"ko": "페이지 목록", "en": "Pages"},
    "home.no_pages": {"ko": "아직 강의 페이지가 없습니다.", "en": "No lecture pages yet."},
    "home.demo": {"ko": "Gradio 데모 열기", "en": "Open the Gradio demo"},
    "ui.show_code": {"ko": "코드 보기 · 이 페이지가 호출하는 `core` 함수", "en": "Show the code · the `core` functions this page calls"},
    "ui.formula": {"ko": "수식", "en": "Formula"},
    "ui.erratum": {"ko": "강의 노트 바로잡기 · Lecture erratum", "en": "Lecture erratum · 강의 노트 바로잡기"},
    "ui.erratum.lecture": {"ko": "강의 노트", "en": "The lecture printed"},
    "ui.erratum.correct": {"ko": "바른 값", "en": "Correct"},
}
