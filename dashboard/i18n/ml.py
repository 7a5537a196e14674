"""Strings of pages 1–8 (the machine-learning half). Keys are prefixed ``pNN.``."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ page 1
    "p01.title": {"ko": "인공지능 · 머신러닝 · 딥러닝", "en": "AI · machine learning · deep learning"},
    "p01.intro": {
        "ko": "세 단어는 자주 섞여 쓰이지만 포함 관계가 있습니다. **인공지능**은 사람처럼 판단하는 기계를 만드는 "
              "모든 시도, **머신러닝**은 그중 규칙을 직접 짜 넣는 대신 *데이터에서 규칙을 배우는* 방법, "
              "**딥러닝**은 머신러닝 가운데 여러 층의 인공 신경망으로 특징까지 스스로 배우는 방법입니다.",
        "en": "The three words are often used interchangeably, but they nest. **Artificial intelligence** is "
              "every attempt to make machines decide like people; **machine learning** is the part that "
              "*learns the rules from data* instead of having them written by hand; **deep learning** is the "
              "part of machine learning that uses many-layered neural networks to learn even the features."},
    "p01.err.ml.lecture": {"ko": "머신러닝 — \"컴퓨터가 스스로 학습하여 인공지능의 성능을 항상 시키는 기술 방법\"",
                           "en": "Machine learning — \"컴퓨터가 스스로 학습하여 인공지능의 성능을 항상 시키는 기술 방법\" "
                                 "(항상 = 'always')"},
    "p01.err.ml.correct": {"ko": "컴퓨터가 스스로 학습하여 인공지능의 성능을 **향상**시키는 기술",
                           "en": "a technique by which a computer learns by itself to **improve** (향상) an AI's performance"},
    "p01.err.ml.why": {"ko": "'항상'(늘)은 '향상'(나아지게 함)의 오타입니다.", "en": "'항상' (always) is a typo for '향상' (improve)."},
    "p01.nest.header": {"ko": "AI ⊃ ML ⊃ DL", "en": "AI ⊃ ML ⊃ DL"},
    "p01.nest.ai": {"ko": "인공지능", "en": "Artificial intelligence"},
    "p01.nest.ml": {"ko": "머신러닝", "en": "Machine learning"},
    "p01.nest.dl": {"ko": "딥러닝", "en": "Deep learning"},
    "p01.nest.ai.ex": {"ko": "규칙 기반 전문가 시스템, 탐색(체스)", "en": "rule-based expert systems, search (chess)"},
    "p01.nest.ml.ex": {"ko": "선형·로지스틱 회귀, 결정 트리, SVM", "en": "linear/logistic regression, decision trees, SVMs"},
    "p01.nest.dl.ex": {"ko": "CNN, RNN, 트랜스포머", "en": "CNNs, RNNs, transformers"},
    "p01.nest.caption": {
        "ko": "원 위에 마우스를 올리면 각 영역의 대표 예가 보입니다.",
        "en": "Hover over a circle to see typical examples of each field."},
    "p01.weak.header": {"ko": "약한 인공지능과 강한 인공지능", "en": "Weak and strong AI"},
    "p01.weak.title": {"ko": "약한 AI (Narrow AI)", "en": "Weak AI (narrow AI)"},
    "p01.weak.body": {
        "ko": "한 가지 일을 사람만큼, 혹은 사람보다 잘 해냅니다. 바둑 두기, 얼굴 인식, 번역, 스팸 걸러내기 — "
              "오늘날 우리가 쓰는 AI는 모두 여기에 속합니다. 자기가 하는 일을 '이해'하지는 않습니다.",
        "en": "Does one task as well as, or better than, a person: playing Go, recognising faces, translating, "
              "filtering spam. Every AI in use today is of this kind; it does not 'understand' what it does."},
    "p01.strong.title": {"ko": "강한 AI (General AI)", "en": "Strong AI (general AI)"},
    "p01.strong.body": {
        "ko": "사람처럼 처음 보는 어떤 문제든 스스로 이해하고 풀어내는 범용 지능입니다. 아직 존재하지 않으며, "
              "언제 가능할지는 연구자들 사이에서도 의견이 갈립니다.",
        "en": "A general intelligence that understands and solves any new problem on its own, as a person "
              "does. It does not exist yet, and researchers disagree on when, or whether, it will."},
    "p01.types.header": {"ko": "머신러닝의 세 갈래", "en": "Three kinds of machine learning"},
    "p01.types.pick": {"ko": "학습 방식을 골라 보세요", "en": "Pick a kind of learning"},
    "p01.type.supervised": {"ko": "지도 학습", "en": "Supervised"},
    "p01.type.unsupervised": {"ko": "비지도 학습", "en": "Unsupervised"},
    "p01.type.reinforcement": {"ko": "강화 학습", "en": "Reinforcement"},
    "p01.type.supervised.desc": {
        "ko": "**정답(레이블)이 붙은 데이터**로 배웁니다. 입력 x와 정답 y의 쌍을 보고, 새 x가 들어왔을 때 y를 "
              "맞히는 함수를 찾습니다. y가 숫자면 **회귀**, 범주면 **분류**입니다.",
        "en": "Learns from **labelled data**: pairs of an input x and its answer y, to find a function that "
              "predicts y for a new x. A numeric y makes it **regression**, a category makes it "
              "**classification**."},
    "p01.type.unsupervised.desc": {
        "ko": "**정답 없이** 데이터만 보고 그 안의 구조를 찾습니다. 비슷한 것끼리 묶거나(군집화), 정보를 "
              "적은 차원으로 요약합니다(차원 축소).",
        "en": "Finds structure in data **without answers**: groups similar items (clustering) or summarises "
              "the data in fewer dimensions (dimensionality reduction)."},
    "p01.type.reinforcement.desc": {
        "ko": "**환경과 주고받으며** 배웁니다. 에이전트가 행동하고 보상을 받으며, 오랫동안 받을 보상의 합이 "
              "가장 커지도록 행동 방식(정책)을 고쳐 나갑니다.",
        "en": "Learns by **interacting with an environment**: an agent acts, receives rewards, and improves "
              "its way of acting (its policy) to maximise the reward collected over time."},
    "p01.type.supervised.examples": {
        "ko": "공부 시간 → 시험 점수 예측 (회귀, 3쪽)\n공부 시간 → 합격/불합격 (분류, 7쪽)\n"
              "손글씨 이미지 → 숫자 0–9 (MNIST, CNN)\n흉부 X선 → 질병 유무",
        "en": "study hours → exam score (regression, page 3)\nstudy hours → pass/fail (classification, page 7)\n"
              "handwritten image → digit 0–9 (MNIST, CNNs)\nchest X-ray → disease or not"},
    "p01.type.unsupervised.examples": {
        "ko": "구매 기록으로 고객 무리 나누기\n뉴스 기사를 주제별로 묶기\n정상 거래와 동떨어진 이상 거래 찾기\n"
              "고차원 데이터를 2차원 지도로 그리기",
        "en": "segment customers by their purchases\ngroup news articles by topic\n"
              "spot transactions far from the normal ones\ndraw high-dimensional data as a 2-D map"},
    "p01.type.reinforcement.examples": {
        "ko": "알파고: 이기면 보상을 받는 바둑\n넘어지지 않고 걷는 법을 배우는 로봇\n게임 점수를 최대로 하는 플레이\n"
              "사람의 선호를 보상으로 삼아 챗봇 다듬기 (RLHF)",
        "en": "AlphaGo: Go with a reward for winning\na robot learning to walk without falling\n"
              "playing a video game for the highest score\ntuning a chatbot with human preferences as reward (RLHF)"},
    "p01.types.data": {"ko": "주어지는 것", "en": "What it gets"},
    "p01.type.supervised.data": {"ko": "입력 x와 정답 y", "en": "inputs x and answers y"},
    "p01.type.unsupervised.data": {"ko": "입력 x만", "en": "inputs x only"},
    "p01.type.reinforcement.data": {"ko": "상태, 행동, 보상", "en": "states, actions, rewards"},
    "p01.types.examples": {"ko": "예", "en": "Examples"},
    "p01.types.count": {"ko": "예시 수", "en": "Examples shown"},
    "p01.flow.header": {"ko": "머신러닝 작업 흐름", "en": "The machine-learning workflow"},
    "p01.flow.body": {
        "ko": "모델 만들기는 한 번에 끝나지 않습니다. 평가 결과가 나쁘면 데이터나 모델 단계로 돌아가 과정을 되풀이합니다.",
        "en": "Building a model is not a single pass: when the evaluation disappoints, we go back to the data "
              "or the model and go round again."},
    "p01.flow.collect": {"ko": "1. 데이터 수집", "en": "1. Collect data"},
    "p01.flow.prepare": {"ko": "2. 전처리 · 분할\\n(학습/검증/테스트)", "en": "2. Clean · split\\n(train/val/test)"},
    "p01.flow.model": {"ko": "3. 모델 선택", "en": "3. Choose a model"},
    "p01.flow.train": {"ko": "4. 학습\\n(손실 최소화)", "en": "4. Train\\n(minimise the loss)"},
    "p01.flow.evaluate": {"ko": "5. 평가\\n(2쪽)", "en": "5. Evaluate\\n(page 2)"},
    "p01.flow.deploy": {"ko": "6. 배포 · 예측", "en": "6. Deploy · predict"},
    "p01.flow.retry": {"ko": "부족하면 다시", "en": "not good enough"},
    # ------------------------------------------------------------------ page 8
    "p08.title": {"ko": "딥러닝과 프레임워크", "en": "Deep learning and frameworks"},
    "p08.intro": {
        "ko": "신경망의 아이디어는 1950년대부터 있었는데, 왜 2010년대에 와서야 꽃을 피웠을까요? 그리고 "
              "PyTorch 같은 프레임워크는 우리가 쓴 식에서 어떻게 기울기를 자동으로 구할까요?",
        "en": "Neural networks date back to the 1950s, so why did they only flourish in the 2010s? And how "
              "does a framework such as PyTorch get the gradients of the formula we write, automatically?"},
    "p08.why.header": {"ko": "왜 지금 딥러닝인가", "en": "Why deep learning now"},
    "p08.why.data": {"ko": "📦 데이터", "en": "📦 Data"},
    "p08.why.data.body": {
        "ko": "인터넷과 스마트폰이 사진·글·음성을 쏟아 냈고, ImageNet(1,400만 장)처럼 레이블이 붙은 큰 "
              "데이터셋이 생겼습니다. 층이 깊은 모델은 데이터가 많을수록 진가를 발휘합니다.",
        "en": "The internet and smartphones produced photos, text and speech in bulk, and large labelled "
              "sets such as ImageNet (14 million images) appeared. Deep models shine when data is plentiful."},
    "p08.why.gpu": {"ko": "⚡ GPU", "en": "⚡ GPUs"},
    "p08.why.gpu.body": {
        "ko": "신경망 계산의 대부분은 행렬 곱입니다. 수천 개의 코어로 같은 연산을 동시에 하는 GPU가 이 일을 "
              "CPU보다 수십 배 빠르게 해내면서, 몇 달 걸리던 학습이 며칠로 줄었습니다 (AlexNet, 2012).",
        "en": "Most of a network's work is matrix multiplication. GPUs run the same operation on thousands of "
              "cores at once and do it tens of times faster than CPUs, so months of training became days "
              "(AlexNet, 2012)."},
    "p08.why.algo": {"ko": "🧠 알고리즘", "en": "🧠 Algorithms"},
    "p08.why.algo.body": {
        "ko": "ReLU는 기울기 소실을 줄였고, 드롭아웃·배치 정규화는 깊은 망의 학습을 안정시켰으며, 아담(Adam) 같은 "
              "최적화 기법(5쪽)은 학습을 빠르게 했습니다. 그리고 오픈소스 프레임워크 덕분에 누구나 이 모든 것을 쓸 수 "
              "있게 되었습니다.",
        "en": "ReLU eased vanishing gradients, dropout and batch normalisation made deep networks train "
              "reliably, and optimisers such as Adam (page 5) made training fast. Open-source frameworks "
              "then put all of it in everyone's hands."},
    "p08.graph.header": {"ko": "정적 그래프와 동적 그래프", "en": "Static and dynamic graphs"},
    "p08.static.title": {"ko": "Define-and-Run (정적 그래프)", "en": "Define-and-run (static graph)"},
    "p08.static.body": {
        "ko": "TensorFlow 1, Theano 방식. 먼저 기호로 계산 그래프 전체를 **정의**하고, 그다음 세션에서 숫자를 "
              "넣어 **실행**합니다. 그래프를 미리 알기 때문에 최적화·배포에 유리하지만, `if`나 `for` 같은 "
              "분기는 `tf.cond` 같은 그래프 연산으로 따로 표현해야 하고 디버깅이 어렵습니다.",
        "en": "The TensorFlow 1 / Theano way: first **define** the whole computation graph with symbols, then "
              "**run** it in a session by feeding numbers. Knowing the graph in advance helps optimisation "
              "and deployment, but `if` and `for` must be expressed as graph operations such as `tf.cond`, "
              "and debugging is hard."},
    "p08.dynamic.title": {"ko": "Define-by-Run (동적 그래프)", "en": "Define-by-run (dynamic graph)"},
    "p08.dynamic.body": {
        "ko": "PyTorch(및 TF 2의 즉시 실행) 방식. 평범한 파이썬 코드가 **실행되는 순간** 연산 하나하나가 "
              "그래프에 기록됩니다(`grad_fn`). 파이썬의 `if`·`for`가 그대로 그래프 모양을 정하고, 중간값을 "
              "`print`로 바로 볼 수 있습니다. `y.backward()`는 기록된 그래프를 거꾸로 따라가며 기울기를 구합니다.",
        "en": "The PyTorch (and TF 2 eager) way: each operation is recorded in a graph (`grad_fn`) **as the "
              "ordinary Python code runs**. Python's `if` and `for` decide the graph's shape, and any "
              "intermediate value can simply be printed. `y.backward()` walks the recorded graph backwards to "
              "get the gradients."},
    "p08.err.tf.lecture": {
        "ko": "텐서플로 — \"Static Graph(모델을 구축하고, 같은 그래프를 학습 시 반복적 사용)\", \"Define-and-Run\"",
        "en": "TensorFlow — \"Static Graph (build the model, reuse the same graph while training)\", \"Define-and-Run\""},
    "p08.err.tf.correct": {
        "ko": "그것은 TensorFlow 1.x의 방식입니다. 강의(2020년 12월)보다 1년 넘게 앞선 TensorFlow 2.0(2019년 9월)부터는 "
              "즉시 실행(eager execution, define-by-run)이 기본이고, 정적 그래프는 `@tf.function`으로 골라 씁니다.",
        "en": "that is TensorFlow 1.x. Since TensorFlow 2.0 (September 2019, over a year before the lecture of "
              "December 2020) eager execution (define-by-run) is the default, and a static graph is opted into "
              "with `@tf.function`."},
    "p08.err.tf.why": {
        "ko": "출처: TensorFlow 2.0 릴리스 노트와 TensorFlow 가이드 「Effective TensorFlow 2」(tensorflow.org).",
        "en": "Source: the TensorFlow 2.0 release notes and the TensorFlow guide \"Effective TensorFlow 2\" (tensorflow.org)."},
    "p08.keras.header": {"ko": "케라스(Keras): 최소한의 코드로 만드는 고수준 API", "en": "Keras: a high-level API, the least code"},
    "p08.keras.body": {
        "ko": "강의의 세 번째 프레임워크입니다. 케라스는 층을 쌓듯 모델을 적고(`Sequential`), `compile`과 `fit` 두 "
              "줄로 손실 함수·옵티마이저·학습 반복을 맡깁니다. TensorFlow 2에서는 `tf.keras`로 들어 있고, Keras 3는 "
              "TensorFlow·JAX·PyTorch를 백엔드로 고를 수 있습니다. 아래는 같은 작은 CNN을 케라스와 PyTorch로 쓴 것입니다: "
              "PyTorch는 학습 반복을 직접 씁니다.",
        "en": "The lecture's third framework. Keras writes a model as a stack of layers (`Sequential`) and hands the "
              "loss function, optimizer and training loop to two lines, `compile` and `fit`. TensorFlow 2 ships it as "
              "`tf.keras`; Keras 3 runs on TensorFlow, JAX or PyTorch. Below, the same small CNN in Keras and in "
              "PyTorch, where the training loop is written out."},
    "p08.nets.header": {"ko": "CNN과 RNN", "en": "CNNs and RNNs"},
    "p08.nets.body": {
        "ko": "강의는 두 가지를 한 줄씩 소개합니다. **CNN**은 데이터의 특징을 추출해 특징들의 패턴을 파악하며(영상), "
              "**RNN**은 반복적이고 순차적인 데이터 학습에 특화되어 있습니다(음성, 텍스트). 둘 다 **같은 가중치를 "
              "되풀이해 씁니다**: CNN은 작은 필터 하나를 이미지의 모든 위치에, RNN은 같은 행렬을 모든 시점에 씁니다. "
              "그래서 이미지가 커지거나 문장이 길어져도 가중치 수는 그대로입니다. 크기를 바꿔 완전 연결층과 비교해 보세요.",
        "en": "The lecture gives each one line. A **CNN** extracts features and finds patterns among them (images); "
              "an **RNN** specialises in repeated, sequential data (speech, text). Both **reuse the same weights**: "
              "a CNN slides one small filter over every position of the image, an RNN applies the same matrices at "
              "every time step. So a larger image or a longer sentence needs no more weights. Change the sizes and "
              "compare with a fully connected layer."},
    "p08.nets.cnn": {"ko": "CNN: 합성곱 필터", "en": "CNN: a convolution filter"},
    "p08.nets.cnn.body": {
        "ko": "입력: 격자(이미지). 3×3 필터가 이웃한 픽셀만 보고 특징(모서리, 무늬)을 뽑으며 이미지 위를 미끄러집니다. "
              "층을 쌓을수록 더 넓은 영역의 패턴을 봅니다 (13–15쪽).",
        "en": "Input: a grid (an image). A 3×3 filter looks only at neighbouring pixels to pick out a feature (an "
              "edge, a texture) and slides over the image; stacked layers see patterns over wider areas (pages 13–15)."},
    "p08.nets.rnn": {"ko": "RNN: 순환하는 은닉 상태", "en": "RNN: a recurring hidden state"},
    "p08.nets.rnn.body": {
        "ko": "입력: 차례(음성, 글자, 단어). 매 시점 t에 입력 x_t와 앞 시점의 은닉 상태 h_{t−1}을 함께 받아 새 상태 h_t를 "
              "만듭니다. h_t가 지금까지 읽은 내용을 요약해 다음 시점으로 넘깁니다.",
        "en": "Input: a sequence (speech, characters, words). At each step t it takes the input x_t together with the "
              "previous hidden state h_{t−1} and makes a new state h_t, which carries a summary of everything read so "
              "far to the next step."},
    "p08.nets.side": {"ko": "이미지 한 변 (픽셀, RGB)", "en": "image side (pixels, RGB)"},
    "p08.nets.filters": {"ko": "필터 수", "en": "filters"},
    "p08.nets.length": {"ko": "차례의 길이 T", "en": "sequence length T"},
    "p08.nets.hidden": {"ko": "은닉 상태 크기", "en": "hidden size"},
    "p08.nets.col.layer": {"ko": "층", "en": "layer"},
    "p08.nets.col.params": {"ko": "가중치 수", "en": "weights"},
    "p08.nets.col.grows": {"ko": "입력이 커지면", "en": "as the input grows"},
    "p08.nets.conv": {"ko": "합성곱층 3×3, RGB → {f}채널", "en": "conv 3×3, RGB → {f} channels"},
    "p08.nets.dense_img": {"ko": "완전 연결층, 펼친 이미지 {side}×{side}×3 → {f}", "en": "dense, flattened {side}×{side}×3 image → {f}"},
    "p08.nets.rnn_layer": {"ko": "RNN층, 단어 벡터 {e} → 은닉 {h}", "en": "RNN, word vector {e} → hidden {h}"},
    "p08.nets.dense_seq": {"ko": "완전 연결층, 펼친 차례 {T}×{e} → {h}", "en": "dense, flattened {T}×{e} sequence → {h}"},
    "p08.nets.same": {"ko": "그대로", "en": "unchanged"},
    "p08.nets.grows": {"ko": "함께 커짐", "en": "grows with it"},
    "p08.autograd.header": {"ko": "PyTorch가 실제로 기록한 그래프", "en": "The graph PyTorch actually recorded"},
    "p08.autograd.body": {
        "ko": "아래 그래프는 그림이 아니라, 식을 계산한 뒤 `y.grad_fn`에서 시작해 `next_functions`를 따라가며 "
              "읽어 낸 진짜 autograd 그래프입니다. 화살표는 기울기가 흐르는 방향(출력 → 파라미터)입니다. "
              "`x`는 데이터라서 기울기를 구하지 않으므로 잎 노드가 없습니다. **분기** 식에서 w·x + b의 부호를 "
              "바꿔 보세요: 같은 코드인데 기록되는 그래프가 달라집니다 — 이것이 define-by-run입니다.",
        "en": "This is not a drawing: after evaluating the formula we start at `y.grad_fn` and follow "
              "`next_functions` to read the real autograd graph. Arrows point the way gradients flow "
              "(output → parameters). `x` is data, so no gradient is kept for it and it has no leaf. In the "
              "**branch** formula, flip the sign of w·x + b: the same code records a different graph — "
              "that is define-by-run."},
    "p08.expr": {"ko": "식", "en": "Formula"},
    "p08.expr.square": {"ko": "제곱 (w·x + b)²", "en": "square (w·x + b)²"},
    "p08.expr.sigmoid": {"ko": "시그모이드 σ(w·x + b)", "en": "sigmoid σ(w·x + b)"},
    "p08.expr.branch": {"ko": "분기 (파이썬 if)", "en": "branch (Python if)"},
    "p08.value": {"ko": "y 값", "en": "value of y"},
    "p08.grad": {"ko": "∂y/∂{name}", "en": "∂y/∂{name}"},
    "p08.nodes": {"ko": "기록된 연산 수", "en": "operations recorded"},
    "p08.gpu.header": {"ko": "왜 GPU인가: 행렬 곱 시간 재기", "en": "Why GPUs: timing a matrix multiply"},
    "p08.gpu.body": {
        "ko": "n×n 행렬 두 개를 곱하는 데는 약 2n³번의 곱셈·덧셈이 듭니다. 버튼을 누르면 이 컴퓨터에서 NumPy, "
              "PyTorch(CPU), 그리고 GPU가 있으면 PyTorch(CUDA)로 float32 행렬 곱을 재서 초당 연산 수(GFLOP/s)를 "
              "비교합니다. 작은 행렬에서는 호출 비용이 커서 차이가 작고, 행렬이 클수록 GPU의 병렬성이 드러납니다.",
        "en": "Multiplying two n×n matrices takes about 2n³ multiply-adds. The button times a float32 matrix "
              "product on this computer with NumPy, PyTorch (CPU) and, when a GPU is present, PyTorch (CUDA), "
              "and compares the operations per second (GFLOP/s). For small matrices the call overhead "
              "dominates; the bigger the matrices, the more a GPU's parallelism shows."},
    "p08.machine": {"ko": "이 컴퓨터: {name}", "en": "This machine: {name}"},
    "p08.sizes": {"ko": "행렬 크기 n", "en": "matrix sizes n"},
    "p08.run": {"ko": "시간 재기", "en": "Run the timing"},
    "p08.press": {"ko": "버튼을 눌러 측정을 시작하세요 (몇 초 이내).", "en": "Press the button to measure (a few seconds at most)."},
    "p08.no_gpu": {
        "ko": "이 컴퓨터에는 CUDA GPU가 없어 CPU끼리만 비교합니다. GPU가 있는 컴퓨터에서는 세 번째 선이 나타납니다.",
        "en": "No CUDA GPU on this machine, so only the CPU back-ends are compared. On a GPU machine a third line appears."},
    "p08.col.device": {"ko": "장치", "en": "device"},
    "p08.col.size": {"ko": "행렬 크기 n", "en": "matrix size n"},
    "p08.col.ms": {"ko": "시간 (ms)", "en": "time (ms)"},
    "p08.col.gflops": {"ko": "GFLOP/s", "en": "GFLOP/s"},
    # ------------------------------------------------------------------ page 2
    "p02.title": {"ko": "모델 평가", "en": "Evaluating a model"},
    "p02.intro": {
        "ko": "분류기가 얼마나 좋은지는 숫자 하나로 말하기 어렵습니다. 강의의 코로나 진단 키트 예(10명 검사)로 "
              "**혼동 행렬**과 정확도·정밀도·재현율·F1을 계산하고, 판정 기준(임계값)을 움직이며 **ROC 곡선**과 "
              "**AUC**가 무엇을 뜻하는지 살펴봅니다.",
        "en": "How good a classifier is cannot be told by one number. With the lecture's COVID test-kit example "
              "(ten people tested) we build the **confusion matrix** and compute accuracy, precision, recall and "
              "F1, then move the decision threshold to see what the **ROC curve** and the **AUC** mean."},
    "p02.cm.header": {"ko": "혼동 행렬 (직접 바꿔 보세요)", "en": "Confusion matrix (edit it)"},
    "p02.cm.body": {
        "ko": "행은 실제 상태, 열은 키트의 판정입니다. 처음 값은 강의의 예입니다. 실제 음성 3명 중 1명은 음성으로 "
              "바르게 판정했고(TN) 2명은 양성으로 잘못 판정했습니다(FP). 실제 양성 7명 중에서는 6명을 잡아냈고(TP) "
              "1명을 놓쳤습니다(FN).",
        "en": "Rows are the true condition, columns the kit's verdict. The starting values are the lecture's: of "
              "3 truly negative people the kit rightly called 1 negative (TN) and wrongly called 2 positive (FP); "
              "of 7 truly positive people it caught 6 (TP) and missed 1 (FN)."},
    "p02.err.header": {"ko": "강의의 풀이 문장 바로잡기", "en": "The lecture's glosses, corrected"},
    "p02.err.accuracy.lecture": {
        "ko": "Accuracy: (1+6)/(1+2+1+6) — \"검사 키트가 전체 사람 중 양성(6명)은 양성, 음성(4명)은 음성으로 분류했다.\"",
        "en": "Accuracy: (1+6)/(1+2+1+6) — \"the kit classified, of everyone, the positives (6) as positive and the "
              "negatives (4) as negative.\""},
    "p02.err.accuracy.correct": {
        "ko": "정확도 = (TP + TN)/전체 = {correct}/{total}. 실제 양성 {actual_pos}명 중 {tp}명을 양성으로, 실제 음성 "
              "{actual_neg}명 중 {tn}명을 음성으로, 모두 {correct}명을 바르게 분류했습니다.",
        "en": "Accuracy = (TP + TN)/all = {correct}/{total}. Of {actual_pos} actual positives {tp} were called "
              "positive, of {actual_neg} actual negatives {tn} was called negative: {correct} classified correctly."},
    "p02.err.accuracy.why": {
        "ko": "강의의 혼동 행렬에서 실제 양성은 {actual_pos}명(TP {tp} + FN {fn}), 실제 음성은 {actual_neg}명"
              "(TN {tn} + FP {fp})입니다. '음성 4명'은 어느 칸의 합도 아니고, 바르게 판정한 음성은 {tn}명뿐입니다.",
        "en": "The lecture's matrix has {actual_pos} actual positives (TP {tp} + FN {fn}) and {actual_neg} actual "
              "negatives (TN {tn} + FP {fp}). 'Negatives (4)' is no total of the matrix, and only {tn} negative "
              "was classified correctly."},
    "p02.err.recall.lecture": {
        "ko": "Recall: 6/(6+1) — \"실제로 양성(6명), 음성(1명)인 사람 중 검사 키트가 양성(6명)을 찾아냈다.\"",
        "en": "Recall: 6/(6+1) — \"of the people actually positive (6) and negative (1), the kit found the "
              "positives (6).\""},
    "p02.err.recall.correct": {
        "ko": "재현율 = TP/(TP + FN) = {tp}/{actual_pos}. 실제 양성 {actual_pos}명(양성으로 판정된 {tp}명 + 음성으로 "
              "잘못 판정된 {fn}명) 중 {tp}명을 찾아냈습니다.",
        "en": "Recall = TP/(TP + FN) = {tp}/{actual_pos}. Of {actual_pos} actual positives ({tp} called positive + "
              "{fn} wrongly called negative) the kit found {tp}."},
    "p02.err.recall.why": {
        "ko": "분모의 1은 FN, 곧 실제로는 양성인데 음성으로 판정된 사람입니다. '음성(1명)'이라고 쓰면 실제 음성인 "
              "사람처럼 읽히지만, 실제 음성은 재현율의 계산에 들어가지 않습니다.",
        "en": "The 1 in the denominator is the FN: a person who is actually positive but was called negative. "
              "Calling them 'negative (1)' reads as an actually negative person, and those never enter recall."},
    "p02.cm.actual_neg": {"ko": "실제 음성", "en": "actually negative"},
    "p02.cm.actual_pos": {"ko": "실제 양성", "en": "actually positive"},
    "p02.cm.pred_neg": {"ko": "음성으로 판정", "en": "predicted negative"},
    "p02.cm.pred_pos": {"ko": "양성으로 판정", "en": "predicted positive"},
    "p02.cm.tn": {"ko": "TN (참 음성)", "en": "TN (true negative)"},
    "p02.cm.fp": {"ko": "FP (거짓 양성)", "en": "FP (false positive)"},
    "p02.cm.fn": {"ko": "FN (거짓 음성)", "en": "FN (false negative)"},
    "p02.cm.tp": {"ko": "TP (참 양성)", "en": "TP (true positive)"},
    "p02.cm.reset": {"ko": "강의 예로 되돌리기", "en": "Back to the lecture's example"},
    "p02.cm.empty": {"ko": "네 칸이 모두 0이면 평가할 것이 없습니다.", "en": "With all four cells at 0 there is nothing to evaluate."},
    "p02.m.accuracy": {"ko": "정확도", "en": "Accuracy"},
    "p02.m.precision": {"ko": "정밀도", "en": "Precision"},
    "p02.m.recall": {"ko": "재현율 (민감도, TPR)", "en": "Recall (sensitivity, TPR)"},
    "p02.m.specificity": {"ko": "특이도", "en": "Specificity"},
    "p02.m.f1": {"ko": "F1 점수", "en": "F1 score"},
    "p02.m.fpr": {"ko": "거짓 양성 비율 (FPR)", "en": "False-positive rate (FPR)"},
    "p02.m.explain": {
        "ko": "**정밀도**는 '양성이라고 한 것 중 진짜 양성의 비율', **재현율**은 '진짜 양성 중 잡아낸 비율'입니다. "
              "진단 키트에서는 환자를 놓치는 FN이 특히 위험하므로 재현율이 중요합니다. F1은 둘의 조화 평균입니다.",
        "en": "**Precision** is 'of those called positive, how many really are'; **recall** is 'of the real "
              "positives, how many were caught'. For a test kit a missed patient (FN) is especially costly, "
              "so recall matters. F1 is their harmonic mean."},
    "p02.roc.header": {"ko": "임계값과 ROC 곡선", "en": "The threshold and the ROC curve"},
    "p02.roc.body": {
        "ko": "분류기는 보통 점수(확률)를 내고, **점수 ≥ 임계값**이면 양성이라고 판정합니다. 아래에서 음성·양성 "
              "{n}명씩의 점수가 두 정규분포를 따른다고 하고, 임계값을 움직여 보세요. 임계값을 낮추면 더 많이 "
              "잡아내지만(TPR↑) 헛경보도 늘어납니다(FPR↑). 모든 임계값의 (FPR, TPR)을 이은 것이 ROC 곡선, "
              "그 아래 넓이가 AUC입니다 (0.5 = 동전 던지기, 1 = 완벽).",
        "en": "A classifier usually outputs a score (a probability) and says positive when **score ≥ threshold**. "
              "Below, the scores of {n} negatives and {n} positives follow two normal distributions; move the "
              "threshold. Lowering it catches more positives (TPR↑) but raises more false alarms (FPR↑). The "
              "(FPR, TPR) pairs of all thresholds form the ROC curve; the area under it is the AUC "
              "(0.5 = a coin flip, 1 = perfect)."},
    "p02.roc.mu_neg": {"ko": "음성 점수 평균", "en": "mean score of negatives"},
    "p02.roc.mu_pos": {"ko": "양성 점수 평균", "en": "mean score of positives"},
    "p02.roc.sd_neg": {"ko": "음성 점수 표준편차", "en": "std of negatives' scores"},
    "p02.roc.sd_pos": {"ko": "양성 점수 표준편차", "en": "std of positives' scores"},
    "p02.roc.threshold": {"ko": "임계값", "en": "threshold"},
    "p02.roc.score": {"ko": "점수", "en": "score"},
    "p02.roc.count": {"ko": "사람 수", "en": "count"},
    "p02.roc.class": {"ko": "실제", "en": "truth"},
    "p02.roc.neg": {"ko": "음성", "en": "negative"},
    "p02.roc.pos": {"ko": "양성", "en": "positive"},
    "p02.roc.auc": {"ko": "AUC", "en": "AUC"},
    "p02.roc.here": {"ko": "현재 임계값", "en": "current threshold"},
    "p02.roc.fpr_axis": {"ko": "FPR (거짓 양성 비율)", "en": "FPR (false-positive rate)"},
    "p02.roc.tpr_axis": {"ko": "TPR (재현율)", "en": "TPR (recall)"},
    "p02.roc.counts": {
        "ko": "이 임계값에서: TN {tn}, FP {fp}, FN {fn}, TP {tp}",
        "en": "At this threshold: TN {tn}, FP {fp}, FN {fn}, TP {tp}"},
    # ------------------------------------------------------------------ page 3
    "p03.title": {"ko": "선형 회귀", "en": "Linear regression"},
    "p03.intro": {
        "ko": "공부한 시간이 늘면 점수도 오를까요? 네 학생의 기록에 **직선 y = ax + b**를 맞춰 봅니다. "
              "'잘 맞는다'는 것은 실제 점수와 직선의 예측 사이의 차이(**오차**)가 작다는 뜻이고, 그 크기를 "
              "**평균 제곱 오차**(MSE)로 잽니다. 기울기 a와 절편 b를 움직여 MSE를 가장 작게 만들어 보세요.",
        "en": "Does studying longer raise the score? We fit a **line y = ax + b** to four students' records. "
              "'Fits well' means the gaps (**errors**) between the real scores and the line's predictions are "
              "small, measured by the **mean squared error (MSE)**. Move the slope a and intercept b to make "
              "the MSE as small as you can."},
    "p03.data": {"ko": "데이터 (표를 고치거나 행을 더해 보세요)", "en": "Data (edit the table or add rows)"},
    "p03.col.x": {"ko": "공부 시간 x", "en": "study hours x"},
    "p03.col.y": {"ko": "점수 y", "en": "score y"},
    "p03.a": {"ko": "기울기 a", "en": "slope a"},
    "p03.b": {"ko": "절편 b", "en": "intercept b"},
    "p03.mse": {"ko": "MSE (지금 직선)", "en": "MSE (your line)"},
    "p03.mse_best": {"ko": "MSE (최소제곱 직선)", "en": "MSE (least-squares line)"},
    "p03.rmse": {"ko": "RMSE (지금 직선)", "en": "RMSE (your line)"},
    "p03.rmse_best": {"ko": "RMSE (최소제곱 직선)", "en": "RMSE (least-squares line)"},
    "p03.rmse_note": {
        "ko": "**평균 제곱근 오차**(RMSE)는 MSE의 제곱근입니다. MSE는 점수²의 단위라 크기를 느끼기 어렵지만, RMSE는 "
              "점수와 같은 단위라서 '예측이 평균적으로 몇 점쯤 빗나가는가'로 읽을 수 있습니다.",
        "en": "The **root mean squared error (RMSE)** is the square root of the MSE. The MSE is in points², hard "
              "to picture; the RMSE is in points, readable as 'how many points a prediction is typically off'."},
    "p03.err.rmse.lecture": {
        "ko": "제목 \"[평균 제곱근 오차]\" 아래에 평균 제곱 오차(MSE) = (1/n) Σ (p_i − y_i)² 의 식",
        "en": "the heading \"[평균 제곱근 오차]\" (root mean squared error) over the formula of the mean "
              "squared error, MSE = (1/n) Σ (p_i − y_i)²"},
    "p03.err.rmse.correct": {
        "ko": "그 식은 평균 제곱 오차(MSE)이고, 평균 제곱근 오차는 RMSE = √MSE 입니다. 강의의 최소제곱 직선에서 "
              "MSE = {mse}, RMSE = {rmse}.",
        "en": "that formula is the mean squared error (MSE); the root mean squared error is RMSE = √MSE. For the "
              "lecture's least-squares line MSE = {mse} and RMSE = {rmse}."},
    "p03.err.rmse.why": {
        "ko": "'제곱근(root)'은 평균한 뒤 씌우는 √ 를 가리킵니다 (Hyndman & Koehler, 2006, 예측 오차 지표의 정의).",
        "en": "The 'root' is the √ taken after averaging (Hyndman & Koehler, 2006, definitions of forecast-error measures)."},
    "p03.err.index.lecture": {
        "ko": "a = Σ_{i=1}^n (x − mean(x))(y − mean(y)) / Σ_{i=1}^n (x − mean(x))²  (합 안에 첨자 i가 없음)",
        "en": "a = Σ_{i=1}^n (x − mean(x))(y − mean(y)) / Σ_{i=1}^n (x − mean(x))²  (no index i inside the sums)"},
    "p03.err.index.correct": {
        "ko": "a = Σ_i (x_i − x̄)(y_i − ȳ) / Σ_i (x_i − x̄)² = {a}, b = ȳ − a x̄ = {b}",
        "en": "a = Σ_i (x_i − x̄)(y_i − ȳ) / Σ_i (x_i − x̄)² = {a}, b = ȳ − a x̄ = {b}"},
    "p03.err.index.why": {
        "ko": "합의 i번째 항에는 i번째 학생의 x_i, y_i가 들어가야 합니다. 아래 표의 각 행이 그 항입니다.",
        "en": "The i-th term of each sum uses the i-th student's x_i and y_i; each row of the table below is one term."},
    "p03.snap": {"ko": "최소제곱 해로 옮기기", "en": "Jump to the least-squares answer"},
    "p03.bad_data": {"ko": "데이터를 확인하세요: {msg}", "en": "Check the data: {msg}"},
    "p03.legend": {"ko": "선", "en": "line"},
    "p03.yours": {"ko": "지금 직선", "en": "your line"},
    "p03.best": {"ko": "최소제곱 직선", "en": "least-squares line"},
    "p03.residual_note": {
        "ko": "빨간 세로 선이 각 학생의 오차(실제 − 예측)입니다. MSE는 이 길이들을 제곱해 평균한 값입니다.",
        "en": "The red vertical segments are each student's error (actual − predicted); the MSE is the mean "
              "of their squares."},
    "p03.ls.header": {"ko": "최소제곱법: 공식을 한 단계씩", "en": "Least squares, one step at a time"},
    "p03.ls.body": {
        "ko": "MSE를 a와 b로 미분해 0으로 놓으면 답이 공식으로 나옵니다. 먼저 x와 y의 평균을 구하고, 각 값이 "
              "평균에서 얼마나 떨어져 있는지(편차)를 계산한 뒤, 편차의 곱과 제곱을 더합니다.",
        "en": "Setting the derivatives of the MSE with respect to a and b to zero gives the answer in closed "
              "form. First the means of x and y, then each value's deviation from its mean, then the sums of "
              "the deviations' products and squares."},
    # ------------------------------------------------------------------ page 4
    "p04.title": {"ko": "경사 하강법", "en": "Gradient descent"},
    "p04.intro": {
        "ko": "MSE를 가장 작게 만드는 a, b를 공식 없이 찾으려면? 안개 낀 산에서 발밑의 기울기만 보고 내려가듯, "
              "**기울기(미분값)의 반대 방향으로 조금씩** 움직입니다. 한 번에 얼마나 움직일지가 **학습률 λ**입니다. "
              "너무 작으면 한참 걸리고, 너무 크면 골짜기를 건너뛰어 오히려 멀어집니다(발산).",
        "en": "How do we find the a and b with the smallest MSE without a formula? Like walking down a foggy "
              "mountain by feeling the slope underfoot, we move **a little against the gradient (the "
              "derivative)** each step. How far we move is the **learning rate λ**. Too small and it takes "
              "forever; too large and we jump over the valley and end up further away (divergence)."},
    "p04.fn": {"ko": "함수", "en": "function"},
    "p04.fn.square": {"ko": "f(x) = x²", "en": "f(x) = x²"},
    "p04.fn.quartic": {"ko": "f(x) = x⁴ (바닥이 평평함)", "en": "f(x) = x⁴ (flat bottom)"},
    "p04.fn.wavy": {"ko": "f(x) = x² + 2 sin 3x (골짜기 여러 개)", "en": "f(x) = x² + 2 sin 3x (several valleys)"},
    "p04.x0": {"ko": "시작점 x₀", "en": "start x₀"},
    "p04.lr": {"ko": "학습률 λ", "en": "learning rate λ"},
    "p04.steps": {"ko": "반복 횟수", "en": "steps"},
    "p04.gd.header": {"ko": "경사 하강법", "en": "Gradient descent"},
    "p04.newton.header": {"ko": "뉴턴 방법", "en": "Newton's method"},
    "p04.newton.body": {
        "ko": "기울기뿐 아니라 **곡률**(2차 미분)까지 써서, 지금 위치에서 함수를 포물선으로 근사하고 그 꼭짓점으로 "
              "곧장 건너뜁니다. 학습률이 필요 없고 2차 함수는 **한 번에** 풉니다. 대신 2차 미분을 구해야 하고, "
              "곡률이 음수인 곳에서는 최솟값이 아니라 최댓값 쪽으로 갈 수도 있습니다.",
        "en": "Uses the **curvature (second derivative)** as well as the slope: it approximates the function "
              "by a parabola at the current point and jumps straight to its vertex. No learning rate, and a "
              "quadratic is solved in **one step**. The price: it needs the second derivative, and where the "
              "curvature is negative it may head for a maximum instead of a minimum."},
    "p04.final_x": {"ko": "마지막 x", "en": "final x"},
    "p04.final_f": {"ko": "마지막 f(x)", "en": "final f(x)"},
    "p04.reached": {"ko": "|f′(x)| < 10⁻³ 도달", "en": "|f′(x)| < 10⁻³ reached"},
    "p04.reached.at": {"ko": "{k}번째", "en": "at step {k}"},
    "p04.reached.never": {"ko": "아직", "en": "not yet"},
    "p04.regime.diverge": {
        "ko": "**너무 큼: 발산.** 한 걸음이 골짜기 너머까지 건너뛰어 f(x)가 오히려 커집니다. "
              "x²에서는 x가 매번 (1 − 2λ)배가 되므로 λ > 1이면 |x|가 커집니다.",
        "en": "**Too large: diverging.** Each step jumps past the valley and f(x) grows. On x², x is multiplied "
              "by (1 − 2λ) each step, so λ > 1 makes |x| grow."},
    "p04.regime.good": {
        "ko": "**적당함.** 기울기가 거의 0인 곳(최솟값)에 도착했습니다.",
        "en": "**Good.** We reached a point where the slope is almost 0 (a minimum)."},
    "p04.regime.slow": {
        "ko": "**아직 가는 중.** 학습률이 너무 작아 한참 걸리거나, 골짜기 양쪽을 오가며 진동하고 있습니다. "
              "λ나 반복 횟수를 늘려 보세요.",
        "en": "**Still on the way.** Either the learning rate is so small that it crawls, or it oscillates "
              "across the valley. Try a larger λ or more steps."},
    "p04.col.step": {"ko": "단계", "en": "step"},
    "p04.col.method": {"ko": "방법", "en": "method"},
    "p04.newton.flat": {"ko": "뉴턴 방법이 멈췄습니다: {msg}", "en": "Newton's method stopped: {msg}"},
    "p04.iterates": {"ko": "처음 몇 단계의 x", "en": "x over the first steps"},
    "p04.mse.header": {"ko": "강의의 문제: MSE(a, b)를 경사 하강법으로", "en": "The lecture's problem: MSE(a, b) by gradient descent"},
    "p04.mse.body": {
        "ko": "3쪽의 공부 시간 데이터에서 MSE를 a와 b의 함수로 보면 그릇 모양의 지형이 됩니다. 경사 하강법은 "
              "(a₀, b₀) = ({a0}, {b0})에서 출발해, 매 단계 전체 데이터(4명)로 구한 기울기의 반대 방향으로 움직여 "
              "최소제곱법의 답 a = 2.3, b = 79(◆)에 도착합니다. 지형이 한쪽으로 길쭉해서, 처음에는 골짜기 바닥까지 "
              "빠르게 내려간 뒤 바닥을 따라 천천히 나아갑니다.",
        "en": "On page 3's study-hours data the MSE, seen as a function of a and b, is a bowl-shaped surface. "
              "Gradient descent starts at (a₀, b₀) = ({a0}, {b0}) and steps against the gradient of all the data "
              "(four students) each time, arriving at the least-squares answer a = 2.3, b = 79 (◆). The bowl is "
              "long and narrow: the path drops quickly to the valley floor, then creeps along it."},
    "p04.mse.lr": {"ko": "학습률 λ", "en": "learning rate λ"},
    "p04.mse.epochs": {"ko": "반복 횟수 (전체 데이터로 갱신)", "en": "steps (updates on all the data)"},
    "p04.mse.a": {"ko": "도착한 a", "en": "a reached"},
    "p04.mse.b": {"ko": "도착한 b", "en": "b reached"},
    "p04.mse.loss": {"ko": "마지막 MSE", "en": "final MSE"},
    "p04.mse.map": {"ko": "MSE(a, b) 지형 위의 경로 (진할수록 MSE가 큼, ◆ = 최소제곱 해)",
                    "en": "The path on the MSE(a, b) surface (darker = larger MSE, ◆ = least squares)"},
    "p04.mse.run": {"ko": "경사 하강법", "en": "gradient descent"},
    "p04.mse.curve": {"ko": "단계별 MSE (로그 눈금)", "en": "MSE per step (log scale)"},
    "p04.mse.a_axis": {"ko": "기울기 a", "en": "slope a"},
    "p04.mse.b_axis": {"ko": "절편 b", "en": "intercept b"},
    "p04.mse.diverged": {
        "ko": "학습률이 너무 커서 발산했습니다. 이 지형에서는 λ가 약 0.032(= 2/61.7)보다 작아야 합니다.",
        "en": "The learning rate is too large and the run diverged: on this surface λ must stay below about "
              "0.032 (= 2/61.7)."},
    # ------------------------------------------------------------------ page 5
    "p05.title": {"ko": "고급 경사 하강법", "en": "Beyond plain gradient descent"},
    "p05.intro": {
        "ko": "강의의 표는 경사 하강법을 고친 여섯 가지 방법을 소개합니다. 먼저 **확률적 경사 하강법(SGD)**: 매 단계 "
              "전체 데이터 대신 **무작위로 뽑은 일부 데이터**(미니배치)의 기울기로 움직입니다. 그다음 경주에서, 전체 "
              "데이터의 기울기로 움직이는 경사 하강법은 길쭉한 골짜기에서 지그재그로 흔들리고 평평한 곳에서는 거의 "
              "멈춥니다. 그래서 **관성**을 더하거나(모멘텀, 네스테로프 모멘텀) 변수마다 **보폭을 따로** 조절하는 "
              "(아다그라드, 알엠에스프롭) 방법이 나왔고, 아담은 둘을 합쳤습니다. 갱신 규칙은 PyTorch의 `torch.optim`과 "
              "똑같습니다.",
        "en": "The lecture's table lists six ways to improve gradient descent. First **stochastic gradient descent "
              "(SGD)**: each step follows the gradient of a **randomly drawn part of the data (a mini-batch)** instead "
              "of all of it. Then the race: gradient descent on all the data zig-zags in long valleys and nearly "
              "stalls on flat ground. Adding **inertia** (Momentum, Nesterov momentum) or a **separate step size** "
              "per variable (Adagrad, RMSProp) fixes that, and Adam combines both. The update rules are exactly "
              "those of PyTorch's `torch.optim`."},
    "p05.sgd.header": {"ko": "확률적 경사 하강법: 데이터의 일부로 한 걸음", "en": "Stochastic gradient descent: one step per part of the data"},
    "p05.sgd.body": {
        "ko": "3쪽의 공부 시간 데이터(4명)로 직선 ŷ = ax + b를 맞춥니다. **배치 경사 하강법**은 매 단계 4명 모두의 "
              "MSE 기울기를, **확률적 경사 하강법**은 무작위로 고른 1명의 기울기를, **미니배치**는 그 사이(배치 크기 "
              "슬라이더)를 씁니다. 한 에폭(데이터 한 바퀴)마다 순서를 새로 섞고(시드 고정), 갱신은 각 배치로 "
              "`torch.optim.SGD`를 한 번 부른 것과 같습니다. 한 명의 기울기는 전체의 기울기와 방향이 달라서 경로가 "
              "흔들리지만, 한 에폭에 여러 번 움직이므로 처음에는 더 빨리 다가갑니다. 학습률이 그대로이면 끝까지 "
              "최솟값(◆) 둘레를 맴돕니다.",
        "en": "We fit the line ŷ = ax + b to page 3's study-hours data (four students). **Batch gradient descent** "
              "uses the MSE gradient of all four each step, **stochastic gradient descent** that of one student "
              "drawn at random, **mini-batch** something in between (the batch-size slider). Each epoch (one pass "
              "over the data) reshuffles the order (seeded), and each update equals one call of "
              "`torch.optim.SGD` on that batch. One student's gradient points elsewhere than the whole data's, so "
              "the path is noisy; but it moves several times per epoch, so it gets close sooner. With a fixed "
              "learning rate it keeps wandering around the minimum (◆)."},
    "p05.sgd.batch": {"ko": "미니배치 크기", "en": "mini-batch size"},
    "p05.sgd.lr": {"ko": "학습률 λ", "en": "learning rate λ"},
    "p05.sgd.epochs": {"ko": "에폭 수", "en": "epochs"},
    "p05.sgd.seed": {"ko": "시드 (섞는 순서)", "en": "seed (shuffle order)"},
    "p05.sgd.run.batch": {"ko": "배치 경사 하강법 (4명 전부)", "en": "batch GD (all 4)"},
    "p05.sgd.run.sgd": {"ko": "확률적 경사 하강법 (1명)", "en": "SGD (1 example)"},
    "p05.sgd.run.mini": {"ko": "미니배치 ({m}명)", "en": "mini-batch ({m})"},
    "p05.sgd.map": {"ko": "(a, b) 평면의 MSE 지형 위의 경로 (◆ = 최소제곱 해 a = 2.3, b = 79)",
                    "en": "Paths on the MSE over the (a, b) plane (◆ = least squares, a = 2.3, b = 79)"},
    "p05.sgd.loss": {"ko": "갱신마다 전체 데이터의 MSE (가로축: 에폭, 점 하나 = 갱신 한 번)",
                     "en": "MSE on all the data after every update (x: epochs; one point = one update)"},
    "p05.sgd.runner": {"ko": "방법", "en": "method"},
    "p05.sgd.updates": {"ko": "갱신 횟수", "en": "updates"},
    "p05.sgd.final": {"ko": "마지막 (a, b)", "en": "final (a, b)"},
    "p05.sgd.final_mse": {"ko": "마지막 MSE", "en": "final MSE"},
    "p05.sgd.jitter": {"ko": "마지막 에폭의 흔들림 (a의 표준편차)", "en": "wobble in the last epoch (std of a)"},
    "p05.race.header": {"ko": "옵티마이저 경주", "en": "The optimizer race"},
    "p05.race.gd_note": {
        "ko": "경주의 첫 번째 주자는 **경사 하강법**(전체 배치)입니다: 이 지형에는 뽑을 데이터가 없어 매 단계 정확한 "
              "기울기를 쓰므로, 전체 데이터를 한 번에 넣은 `torch.optim.SGD`와 같고 확률적이지 않습니다.",
        "en": "The race's first runner is **gradient descent (full batch)**: these surfaces have no data to sample, "
              "so every step uses the exact gradient — `torch.optim.SGD` fed the whole data at once, nothing "
              "stochastic."},
    "p05.marble": {
        "ko": "**구슬이 구덩이를 넘는 이유.** 오른쪽 가장자리(x = {x0})에서 출발하면 x ≈ 1.86에 얕은 구덩이(지역 "
              "최솟값)가 있고, 언덕 너머 x ≈ −2.11에 더 깊은 바닥(전역 최솟값, ★)이 있습니다. 경사 하강법은 매 "
              "걸음이 지금 기울기에만 비례하므로, 구덩이 바닥에서 기울기가 0이 되면 멈춥니다. 모멘텀은 지난 걸음을 "
              "μ = {mu}배씩 누적한 속도 b ← μb + g로 움직입니다. 내리막에서 쌓인 속도는 기울기가 0인 구덩이 바닥에서도 "
              "남아 있어, 구슬이 '조금 올라갔다가' 언덕을 넘어 계속 내려갑니다(강의의 표). 네스테로프 모멘텀도 같은 "
              "속도로 넘어가고, 바닥 근처에서는 미리 본 기울기로 브레이크를 걸어 덜 흔들립니다. 아다그라드·"
              "알엠에스프롭·아담은 보폭을 기울기 크기로 나눠 조절하므로, 이 설정에서는 관성이 모자라 첫 구덩이에 "
              "머뭅니다. μ를 0.8로 낮춰 보세요: 관성이 모자라 모멘텀도 구덩이에 남습니다.",
        "en": "**Why the marble rolls over.** Starting on the right rim (x = {x0}), there is a shallow dip (a local "
              "minimum) at x ≈ 1.86 and, over a hump, a deeper floor at x ≈ −2.11 (the global minimum, ★). "
              "Gradient descent steps in proportion to the current slope only, so it stops where the slope is 0 "
              "at the bottom of the dip. Momentum moves by a velocity b ← μb + g that keeps μ = {mu} of every past "
              "step: speed gathered on the way down is still there where the slope is 0, so the marble 'climbs a "
              "little' and rolls on over the hump (the lecture's table). Nesterov momentum rolls over too, and "
              "near the bottom brakes with the gradient it looks ahead at. Adagrad, RMSProp and Adam scale their "
              "steps by the gradient's size and, at these settings, lack the inertia: they stay in the first dip. "
              "Lower μ to 0.8 and momentum, too, lacks the speed and stays in the dip."},
    "p05.surface": {"ko": "지형 (손실 함수)", "en": "surface (loss function)"},
    "p05.opts": {"ko": "옵티마이저", "en": "optimizers"},
    "p05.total": {"ko": "전체 단계 수", "en": "total steps"},
    "p05.step": {"ko": "보여 줄 단계 (경주 되감기)", "en": "step shown (rewind the race)"},
    "p05.lr_scale": {"ko": "학습률 배율 (각자의 기본 학습률 × 배율)", "en": "learning-rate scale (each default lr × scale)"},
    "p05.momentum": {"ko": "모멘텀 μ (모멘텀, 네스테로프 모멘텀)", "en": "momentum μ (Momentum, NAG)"},
    "p05.alpha": {"ko": "알엠에스프롭 감쇠 α", "en": "RMSProp decay α"},
    "p05.beta1": {"ko": "아담 β₁", "en": "Adam β₁"},
    "p05.beta2": {"ko": "아담 β₂", "en": "Adam β₂"},
    "p05.start_x": {"ko": "출발점 x", "en": "start x"},
    "p05.start_y": {"ko": "출발점 y", "en": "start y"},
    "p05.hyper": {"ko": "하이퍼파라미터", "en": "Hyperparameters"},
    "p05.map": {"ko": "지형 위의 경로 (색이 진할수록 높은 곳, ★ = 최솟값)", "en": "Paths on the surface (darker = higher, ★ = minimum)"},
    "p05.loss": {"ko": "단계별 손실 f(x, y)", "en": "loss f(x, y) per step"},
    "p05.col.optimizer": {"ko": "옵티마이저", "en": "optimizer"},
    "p05.col.lr": {"ko": "학습률", "en": "learning rate"},
    "p05.col.final": {"ko": "최종 손실", "en": "final loss"},
    "p05.col.point": {"ko": "최종 위치", "en": "final point"},
    "p05.col.what": {"ko": "하는 일", "en": "what it does"},
    "p05.col.defaults": {"ko": "기본 하이퍼파라미터", "en": "default hyperparameters"},
    "p05.col.step": {"ko": "단계", "en": "step"},
    "p05.col.loss": {"ko": "손실", "en": "loss"},
    "p05.diverged": {"ko": "발산", "en": "diverged"},
    "p05.table": {"ko": "강의의 표: 각 옵티마이저가 하는 일", "en": "The lecture's table: what each optimizer does"},
    "p05.results": {"ko": "지금 단계의 결과", "en": "Standing at the shown step"},
    "p05.none": {"ko": "옵티마이저를 하나 이상 고르세요.", "en": "Pick at least one optimizer."},
    "p05.name.gd": {"ko": "경사 하강법 (전체 배치)", "en": "Gradient descent (full batch)"},
    "p05.name.momentum": {"ko": "모멘텀", "en": "Momentum"},
    "p05.name.nesterov": {"ko": "네스테로프 모멘텀", "en": "Nesterov momentum (NAG)"},
    "p05.name.adagrad": {"ko": "아다그라드", "en": "Adagrad"},
    "p05.name.rmsprop": {"ko": "알엠에스프롭", "en": "RMSProp"},
    "p05.name.adam": {"ko": "아담", "en": "Adam"},
    # ------------------------------------------------------------------ page 6
    "p06.title": {"ko": "다중 선형 회귀", "en": "Multiple linear regression"},
    "p06.intro": {
        "ko": "점수에 영향을 주는 것이 공부 시간만은 아닙니다. 과외 시간까지 넣으면 직선이 **평면** "
              "ŷ = a₁x₁ + a₂x₂ + b가 됩니다. 정확한 답은 정규방정식으로 한 번에 구할 수 있고, 경사 하강법으로도 "
              "같은 답에 다가갈 수 있습니다. 두 방법의 결과를 나란히 비교해 보세요.",
        "en": "Study time is not the only thing behind a score. Adding hours of private tutoring turns the line "
              "into a **plane** ŷ = a₁x₁ + a₂x₂ + b. The exact answer comes in one go from the normal "
              "equations, and gradient descent creeps towards the same answer. Compare the two side by side."},
    "p06.data": {"ko": "데이터", "en": "Data"},
    "p06.col.hours": {"ko": "공부 시간 x₁", "en": "study hours x₁"},
    "p06.col.tutoring": {"ko": "과외 시간 x₂", "en": "tutoring hours x₂"},
    "p06.col.score": {"ko": "점수 y", "en": "score y"},
    "p06.lr": {"ko": "학습률 λ", "en": "learning rate λ"},
    "p06.epochs": {"ko": "에폭 수 (전체 데이터로 갱신한 횟수)", "en": "epochs (updates on the whole data)"},
    "p06.coef": {"ko": "계수 비교", "en": "Coefficients side by side"},
    "p06.exact": {"ko": "정확한 해 (정규방정식)", "en": "exact (normal equations)"},
    "p06.gd": {"ko": "경사 하강법", "en": "gradient descent"},
    "p06.param": {"ko": "파라미터", "en": "parameter"},
    "p06.a1": {"ko": "a₁ (공부 시간)", "en": "a₁ (study hours)"},
    "p06.a2": {"ko": "a₂ (과외 시간)", "en": "a₂ (tutoring)"},
    "p06.b": {"ko": "b (절편)", "en": "b (intercept)"},
    "p06.mse": {"ko": "MSE", "en": "MSE"},
    "p06.gd_a1": {"ko": "경사 하강법 a₁", "en": "GD a₁"},
    "p06.gd_a2": {"ko": "경사 하강법 a₂", "en": "GD a₂"},
    "p06.gd_b": {"ko": "경사 하강법 b", "en": "GD b"},
    "p06.gd_loss": {"ko": "경사 하강법 MSE", "en": "GD MSE"},
    "p06.loss_curve": {"ko": "에폭별 MSE (로그 눈금)", "en": "MSE per epoch (log scale)"},
    "p06.epoch": {"ko": "에폭", "en": "epoch"},
    "p06.path": {"ko": "계수가 움직인 길", "en": "How the coefficients moved"},
    "p06.diverged": {
        "ko": "학습률이 너무 커서 MSE가 무한대로 커졌습니다(발산). x의 값이 클수록 기울기도 커지므로 λ를 줄여야 합니다.",
        "en": "The learning rate is too large and the MSE blew up (divergence). Larger x values mean larger "
              "gradients, so λ has to be smaller."},
    "p06.plane": {"ko": "맞춘 평면: 색 = 예측 점수, 점 = 실제 학생", "en": "The fitted plane: colour = predicted score, dots = the students"},
    "p06.plane_source": {"ko": "평면에 쓸 계수", "en": "coefficients for the plane"},
    "p06.pred": {"ko": "예측 점수", "en": "predicted score"},
    "p06.gd_note": {
        "ko": "경사 하강법은 원래 단위 그대로 MSE의 기울기를 따라갑니다. 에폭이 적으면 아직 정확한 해에 못 미치고, "
              "기본값(λ = 0.01, 5,000 에폭)이면 소수 넷째 자리까지 같아집니다.",
        "en": "Gradient descent follows the MSE's gradient in the original units. With few epochs it falls short "
              "of the exact answer; with the defaults (λ = 0.01, 5,000 epochs) they agree to four decimals."},
    # ------------------------------------------------------------------ page 7
    "p07.title": {"ko": "로지스틱 회귀", "en": "Logistic regression"},
    "p07.intro": {
        "ko": "이번엔 점수가 아니라 **합격/불합격**(1/0)을 예측합니다. 직선은 0과 1 밖으로 뻗어 나가므로, 직선의 "
              "값 z = ax + b를 **시그모이드** σ(z)에 넣어 0과 1 사이의 **확률**로 바꿉니다. a는 곡선의 **가파름**, "
              "b는 곡선의 **위치**를 정합니다. 손실은 MSE 대신 **교차 엔트로피**를 씁니다.",
        "en": "Now we predict **pass (1) / fail (0)** instead of a score. A line runs off beyond 0 and 1, so its "
              "value z = ax + b goes through the **sigmoid** σ(z) and becomes a **probability** between 0 and 1. "
              "a sets the curve's **steepness**, b its **position**. The loss is the **cross-entropy** instead "
              "of the MSE."},
    "p07.data": {"ko": "데이터", "en": "Data"},
    "p07.data.lecture": {"ko": "강의의 표 (6명: 2, 4, …, 12시간)", "en": "the lecture's table (6 students: 2, 4, …, 12 h)"},
    "p07.data.every_hour": {"ko": "더 촘촘한 예 (2–12시간 매시간 11명, 강의에 없음)",
                            "en": "a denser set (every hour 2–12, 11 students; not in the lecture)"},
    "p07.table.hours": {"ko": "공부한 시간", "en": "hours studied"},
    "p07.table.passed": {"ko": "합격 여부 (1 = 합격)", "en": "passed (1 = yes)"},
    "p07.err.ce.lecture": {
        "ko": "L = −(1/N) Σ t_i log(y_i) + (1 − t_i) log(1 − y_i)  그리고  오차 = −평균(y·log y + (1−y)·log(1−y))",
        "en": "L = −(1/N) Σ t_i log(y_i) + (1 − t_i) log(1 − y_i)  and  error = −mean(y·log y + (1−y)·log(1−y))"},
    "p07.err.ce.correct": {
        "ko": "L = −(1/N) Σ_i [ t_i log y_i + (1 − t_i) log(1 − y_i) ]: 대괄호가 두 항을 함께 묶고, t_i는 정답(0/1), "
              "y_i는 예측 확률입니다. 지금 곡선으로 이 데이터에서 L = {loss}.",
        "en": "L = −(1/N) Σ_i [ t_i log y_i + (1 − t_i) log(1 − y_i) ]: the bracket takes both terms into the sum, "
              "t_i is the label (0/1), y_i the predicted probability. For your curve on this data, L = {loss}."},
    "p07.err.ce.why": {
        "ko": "괄호가 없으면 −(1/N) Σ가 첫 항에만 걸리는 것으로 읽힙니다. 둘째 줄처럼 정답과 예측을 모두 y로 쓰면 "
              "−평균(y log y + (1−y) log(1−y))은 예측만의 함수(엔트로피)가 되어 정답과 상관이 없어집니다 "
              "(Bishop, 『Pattern Recognition and Machine Learning』, 2006, 식 4.90).",
        "en": "Without the bracket, −(1/N) Σ reads as applying to the first term only. Writing both the label and "
              "the prediction as y, as the second line does, makes −mean(y log y + (1−y) log(1−y)) a function of "
              "the prediction alone (its entropy), blind to the labels (Bishop, Pattern Recognition and Machine "
              "Learning, 2006, eq. 4.90)."},
    "p07.a": {"ko": "a (가파름)", "en": "a (steepness)"},
    "p07.b": {"ko": "b (위치)", "en": "b (shift)"},
    "p07.hours": {"ko": "공부 시간", "en": "study hours"},
    "p07.passed": {"ko": "합격 확률 / 합격 여부", "en": "probability of passing / passed"},
    "p07.loss": {"ko": "교차 엔트로피 (지금 곡선)", "en": "cross-entropy (your curve)"},
    "p07.half": {"ko": "확률 0.5가 되는 시간 (−b/a)", "en": "hours where p = 0.5 (−b/a)"},
    "p07.accuracy": {"ko": "정확도 (p ≥ 0.5 → 합격)", "en": "accuracy (p ≥ 0.5 → pass)"},
    "p07.flat": {"ko": "a = 0이면 곡선이 평평해 0.5가 되는 지점이 없습니다.", "en": "With a = 0 the curve is flat and never crosses 0.5 at one point."},
    "p07.ce.header": {"ko": "교차 엔트로피: 파란 곡선과 빨간 곡선", "en": "Cross-entropy: the blue and the red curve"},
    "p07.ce.body": {
        "ko": "실제로 합격한 학생(y = 1)에게는 **−log p**(파란 선): p가 1에 가까우면 손실이 0, 0에 가까우면 끝없이 "
              "커집니다. 불합격한 학생(y = 0)에게는 반대로 **−log(1 − p)**(빨간 선)입니다. 점은 지금 곡선이 각 학생에게 "
              "준 확률과 그 손실이며, 위의 교차 엔트로피는 이 점들의 평균입니다. 자신 있게 틀릴수록 크게 벌을 받습니다.",
        "en": "For a student who passed (y = 1) the loss is **−log p** (blue): zero when p is near 1, without bound "
              "as p nears 0. For one who failed (y = 0) it is **−log(1 − p)** (red), the mirror image. The dots are "
              "the probability your curve gives each student and its loss; the cross-entropy above is their mean. "
              "Being confidently wrong is punished hardest."},
    "p07.p": {"ko": "예측 확률 p", "en": "predicted probability p"},
    "p07.ce_loss": {"ko": "손실", "en": "loss"},
    "p07.curve": {"ko": "곡선", "en": "curve"},
    "p07.y1": {"ko": "y = 1: −log p", "en": "y = 1: −log p"},
    "p07.y0": {"ko": "y = 0: −log(1 − p)", "en": "y = 0: −log(1 − p)"},
    "p07.gd.header": {"ko": "경사 하강법으로 맞추기", "en": "Fitting by gradient descent"},
    "p07.gd.body": {
        "ko": "교차 엔트로피의 기울기는 시그모이드를 거치고도 간단합니다: ∂L/∂a = 평균((p − y)·x), ∂L/∂b = 평균(p − y). "
              "이 데이터는 {lo}시간과 {hi}시간 사이에서 완벽히 나뉘므로 학습을 오래 할수록 곡선이 계속 가팔라지지만, "
              "0.5가 되는 지점은 {lo}과 {hi} 사이에 자리 잡습니다.",
        "en": "The gradient of the cross-entropy stays simple through the sigmoid: ∂L/∂a = mean((p − y)·x), "
              "∂L/∂b = mean(p − y). This data splits perfectly between {lo} and {hi} hours, so the longer we train "
              "the steeper the curve gets, while the 0.5 point settles between {lo} and {hi}."},
    "p07.lr": {"ko": "학습률", "en": "learning rate"},
    "p07.epochs": {"ko": "에폭 수", "en": "epochs"},
    "p07.fit_a": {"ko": "학습된 a", "en": "fitted a"},
    "p07.fit_b": {"ko": "학습된 b", "en": "fitted b"},
    "p07.fit_half": {"ko": "학습된 0.5 지점", "en": "fitted 0.5 point"},
    "p07.fit_loss": {"ko": "학습 후 손실", "en": "loss after training"},
    "p07.use_fit": {"ko": "학습된 a, b를 위 슬라이더로", "en": "Put the fitted a, b on the sliders above"},
    "p07.loss_curve": {"ko": "에폭별 교차 엔트로피", "en": "cross-entropy per epoch"},
    "p07.epoch": {"ko": "에폭", "en": "epoch"},
    "p07.yours": {"ko": "지금 곡선", "en": "your curve"},
    "p07.fitted": {"ko": "학습된 곡선", "en": "fitted curve"},
}
