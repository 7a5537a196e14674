"""Strings of the neural-network playground (page 10a, after the XOR page)."""

STRINGS = {
    "p10a.title": {"ko": "신경망 놀이터", "en": "Neural-network playground"},
    "p10a.intro": {
        "ko": "XOR을 푼 다층 퍼셉트론을 이제 직접 설계해 봅니다. 데이터, 층과 뉴런 수, 활성화 함수, 학습률, 배치 크기, "
              "L2, 배치 정규화, 옵티마이저를 고르고 **재생**을 누르면 네트워크가 학습하는 모습이 실시간으로 그려집니다. "
              "각 뉴런의 출력 지도, 가중치(선의 굵기와 색), 죽은 ReLU 수, 층별 기울기 노름까지 볼 수 있습니다. "
              "모든 계산은 강의의 NumPy 순전파·역전파(`core.nn.mlp`)가 합니다.",
        "en": "Now design the multilayer perceptron that solved XOR yourself. Pick the data, the layers and neurons, "
              "the activation, learning rate, batch size, L2, batch norm and optimizer, press **play** and watch the "
              "network learn. Every neuron's output map, the weights (line width and colour), the dead-ReLU count and "
              "each layer's gradient norm are drawn as it trains. All the math is the lecture's NumPy forward and "
              "backward pass (`core.nn.mlp`)."},
    # data
    "p10a.data": {"ko": "데이터", "en": "Data"},
    "p10a.dataset": {"ko": "데이터셋", "en": "Data set"},
    "p10a.ds.xor": {"ko": "XOR (사분면)", "en": "XOR (quadrants)"},
    "p10a.ds.circle": {"ko": "원", "en": "Circle"},
    "p10a.ds.spiral": {"ko": "두 나선", "en": "Two spirals"},
    "p10a.ds.gauss": {"ko": "가우시안 두 덩어리", "en": "Two Gaussian blobs"},
    "p10a.ds.xor_table": {"ko": "강의의 XOR 진리표 (점 4개)", "en": "The lecture's XOR truth table (4 points)"},
    "p10a.noise": {"ko": "잡음", "en": "Noise"},
    "p10a.split": {"ko": "학습 데이터 비율 (%)", "en": "Training share (%)"},
    "p10a.seed": {"ko": "난수 시드", "en": "Random seed"},
    "p10a.table_note": {
        "ko": "진리표의 점 4개는 학습과 평가에 모두 쓰입니다 (떼어 둘 데이터가 없음). 잡음과 비율은 적용되지 않습니다.",
        "en": "The truth table's four points are used for training and testing alike (nothing to hold out); "
              "noise and split do not apply."},
    # network
    "p10a.net": {"ko": "네트워크", "en": "Network"},
    "p10a.layers": {"ko": "은닉층 수", "en": "Hidden layers"},
    "p10a.width": {"ko": "{i}층 뉴런 수", "en": "Neurons in layer {i}"},
    "p10a.activation": {"ko": "활성화 함수", "en": "Activation"},
    "p10a.bn": {"ko": "배치 정규화", "en": "Batch norm"},
    "p10a.bn_help": {"ko": "배치 크기 1에서는 분산이 없어 쓸 수 없습니다.",
                     "en": "Not available with batch size 1 (one sample has no variance)."},
    "p10a.optimizer": {"ko": "옵티마이저", "en": "Optimizer"},
    "p10a.opt.sgd": {"ko": "SGD", "en": "SGD"},
    "p10a.opt.momentum": {"ko": "모멘텀 (0.9)", "en": "Momentum (0.9)"},
    "p10a.opt.adam": {"ko": "Adam", "en": "Adam"},
    "p10a.lr": {"ko": "학습률", "en": "Learning rate"},
    "p10a.batch": {"ko": "배치 크기", "en": "Batch size"},
    "p10a.l2": {"ko": "L2 정규화 λ", "en": "L2 regularisation λ"},
    "p10a.settings_note": {
        "ko": "데이터나 네트워크 구조를 바꾸면 새 네트워크로 처음부터 시작합니다. 학습률·배치 크기·L2·옵티마이저는 "
              "학습 중에도 바로 적용됩니다.",
        "en": "Changing the data or the network's structure starts a fresh network; learning rate, batch size, L2 and "
              "optimizer apply at once, even while training."},
    # training
    "p10a.play": {"ko": "재생", "en": "Play"},
    "p10a.pause": {"ko": "일시정지", "en": "Pause"},
    "p10a.step": {"ko": "한 단계 (1 에폭)", "en": "One step (1 epoch)"},
    "p10a.reset": {"ko": "처음부터", "en": "Reset"},
    "p10a.epoch": {"ko": "에폭", "en": "Epoch"},
    "p10a.train_loss": {"ko": "학습 손실", "en": "Training loss"},
    "p10a.test_loss": {"ko": "평가 손실", "en": "Test loss"},
    "p10a.train_acc": {"ko": "학습 정확도", "en": "Training accuracy"},
    "p10a.test_acc": {"ko": "평가 정확도", "en": "Test accuracy"},
    "p10a.diagram": {"ko": "네트워크: 뉴런마다 출력 지도, 선의 굵기·색 = 가중치 (파랑 +, 빨강 −)",
                     "en": "The network: each neuron's output map; line width and colour = weight (blue +, red −)"},
    "p10a.diagram_note": {
        "ko": "각 지도는 입력 평면 전체에서 그 뉴런의 출력 φ(z)이며, 뉴런마다 자기 범위로 색을 맞췄습니다 "
              "(파랑 = 큼, 빨강 = 작음, 흰색 = 변화 없음). 검은 테두리는 모든 학습 점에서 φ′(z) = 0인 **죽은 뉴런**입니다.",
        "en": "Each map is that neuron's output φ(z) over the whole input plane, coloured over its own range "
              "(blue = high, red = low, white = constant). A black frame marks a **dead neuron**: φ′(z) = 0 on every "
              "training point."},
    "p10a.input": {"ko": "입력", "en": "Input"},
    "p10a.layer": {"ko": "{i}층", "en": "Layer {i}"},
    "p10a.output": {"ko": "출력", "en": "Output"},
    "p10a.region": {"ko": "결정 영역 P(y = 1) — ● 학습, ○ 평가", "en": "Decision region P(y = 1) — ● train, ○ test"},
    "p10a.curves": {"ko": "학습·평가 손실 (이진 교차 엔트로피)", "en": "Training and test loss (binary cross-entropy)"},
    "p10a.split_name": {"ko": "구분", "en": "Split"},
    "p10a.train": {"ko": "학습", "en": "train"},
    "p10a.test": {"ko": "평가", "en": "test"},
    "p10a.loss": {"ko": "손실", "en": "Loss"},
    "p10a.health": {"ko": "TF 플레이그라운드에 없는 것: 죽은 뉴런과 층별 기울기",
                    "en": "Beyond TF Playground: dead neurons and each layer's gradient"},
    "p10a.health_note": {
        "ko": "점은 지금 가중치에서 학습 데이터 전체의 ‖∂J/∂W‖입니다 (로그 축). 시그모이드로 층을 깊게 쌓으면 "
              "앞쪽 층의 값이 작아지는 **기울기 소실**을, ReLU에 큰 학습률을 주면 **죽은 ReLU**가 늘어나는 것을 볼 수 있습니다.",
        "en": "Points are ‖∂J/∂W‖ of the whole training set at the current weights (log axis). Stack sigmoid layers "
              "and the first layers' values shrink — the **vanishing gradient**; give ReLU a large learning rate and "
              "**dead ReLUs** pile up."},
    "p10a.grad_norm": {"ko": "기울기 노름 ‖∂J/∂W‖", "en": "Gradient norm ‖∂J/∂W‖"},
    "p10a.weight_layer": {"ko": "가중치 층", "en": "Weight layer"},
    "p10a.dead": {"ko": "{i}층 죽은 뉴런", "en": "Dead in layer {i}"},
    "p10a.no_hidden": {"ko": "은닉층이 없으면 로지스틱 회귀와 같습니다: 직선 경계 하나뿐입니다.",
                       "en": "With no hidden layer this is logistic regression: a single straight boundary."},
    "p10a.code": {"ko": "코드 보기: 방금 실행된 NumPy 순전파·역전파와 업데이트",
                  "en": "Show the code: the NumPy forward, backward and update that just ran"},
}
