"""Strings of pages 9–16 (neural networks and CNNs). Keys are prefixed ``pNN.``."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ page 9
    "p09.title": {"ko": "퍼셉트론 · 편향-분산", "en": "Perceptron · bias and variance"},
    "p09.intro": {
        "ko": "퍼셉트론은 입력에 가중치를 곱해 더하고 계단 함수로 0 또는 1을 내는 가장 단순한 신경망입니다. "
              "틀릴 때만 가중치를 고치는 규칙으로 AND·OR 같은 논리 게이트를 배웁니다. 아래쪽에서는 모델이 너무 "
              "단순하거나(편향) 너무 복잡할 때(분산) 생기는 일을 다항식 차수로 확인합니다.",
        "en": "The perceptron is the simplest neural network: a weighted sum of the inputs through a step "
              "function gives 0 or 1. A rule that changes the weights only after a mistake learns logic gates "
              "such as AND and OR. Further down, a polynomial's degree shows what happens when a model is too "
              "simple (bias) or too flexible (variance)."},
    "p09.perc.title": {"ko": "퍼셉트론 학습 규칙, 한 걸음씩", "en": "The perceptron rule, one update at a time"},
    "p09.perc.text": {
        "ko": "점선이 결정 경계 w₁x₁ + w₂x₂ + b = 0입니다. 슬라이더로 학습을 한 샘플씩 되감아 보세요: 예측이 "
              "맞으면(y − ŷ = 0) 아무것도 바뀌지 않고, 틀리면 경계가 그 점 쪽으로 움직입니다. 검은 테두리가 지금 "
              "본 샘플입니다.",
        "en": "The dashed line is the decision boundary w₁x₁ + w₂x₂ + b = 0. Replay training one sample at a "
              "time with the slider: a correct prediction (y − ŷ = 0) changes nothing, a wrong one moves the "
              "boundary towards that point. The sample just seen has a black outline."},
    "p09.gate": {"ko": "논리 게이트", "en": "Logic gate"},
    "p09.lr": {"ko": "학습률 η", "en": "Learning rate η"},
    "p09.seed": {"ko": "난수 시드 (초기 가중치·순서)", "en": "Random seed (initial weights, order)"},
    "p09.step": {"ko": "학습 단계 (샘플 하나 = 한 단계)", "en": "Training step (one sample per step)"},
    "p09.initial": {"ko": "**초기 상태**: 작은 무작위 가중치, b = 0.", "en": "**Initial state**: small random weights, b = 0."},
    "p09.update": {"ko": "에폭 {epoch} · 입력 x = {x}, 정답 y = {y}, 예측 ŷ = {y_hat} → 오차 y − ŷ = **{error}**",
                   "en": "Epoch {epoch} · input x = {x}, target y = {y}, prediction ŷ = {y_hat} → error y − ŷ = **{error}**"},
    "p09.changed": {"ko": "틀렸으므로 w와 b를 η(y − ŷ)x만큼 고쳤습니다.", "en": "Wrong, so w and b moved by η(y − ŷ)x."},
    "p09.unchanged": {"ko": "맞혔으므로 가중치는 그대로입니다.", "en": "Correct, so the weights stay as they are."},
    "p09.acc_final": {"ko": "학습 후 정확도", "en": "Accuracy after training"},
    "p09.n_updates": {"ko": "전체 {n}단계, {epochs}에폭 (오류가 없는 에폭에서 멈춤)",
                      "en": "{n} steps in {epochs} epochs (stops after an epoch without errors)"},
    "p09.history": {"ko": "모든 단계의 가중치 표", "en": "Weights after every step"},
    "p09.bv.title": {"ko": "편향과 분산: 다항식 차수", "en": "Bias and variance: the polynomial degree"},
    "p09.bv.text": {
        "ko": "잡음이 섞인 곡선에서 뽑은 적은 학습 데이터에 다항식을 맞춥니다. 차수가 낮으면 곡선을 따라가지 "
              "못하고(과소적합, 높은 편향), 차수가 높으면 잡음까지 외워 새 데이터에서 크게 틀립니다(과적합, 높은 "
              "분산). 학습 오차는 차수가 오를수록 계속 줄지만, 테스트 오차는 U자 모양입니다.",
        "en": "A polynomial is fitted to a few noisy samples of a curve. A low degree cannot follow the curve "
              "(underfitting, high bias); a high degree memorises the noise and errs badly on new data "
              "(overfitting, high variance). The training error keeps falling with the degree, the test error "
              "is U-shaped."},
    "p09.bv.degree": {"ko": "다항식 차수", "en": "Polynomial degree"},
    "p09.bv.train": {"ko": "학습 오차", "en": "training error"},
    "p09.bv.test": {"ko": "테스트 오차", "en": "test error"},
    "p09.bv.fit": {"ko": "{degree}차 다항식 (점선: 참 곡선, 점: 학습 데이터)",
                   "en": "Degree-{degree} fit (dashed: true curve, dots: training data)"},
    "p09.bv.errors": {"ko": "차수별 학습·테스트 오차 (로그)", "en": "Training and test error by degree (log)"},
    "p09.bv.train_mse": {"ko": "학습 MSE", "en": "Training MSE"},
    "p09.bv.test_mse": {"ko": "테스트 MSE", "en": "Test MSE"},
    "p09.bv.best": {"ko": "테스트 오차가 가장 작은 차수", "en": "Degree with the lowest test error"},
    "p09.bv.under": {"ko": "**과소적합**: 모델이 너무 단순해 학습 데이터조차 잘 맞추지 못합니다 (편향이 큼).",
                     "en": "**Underfitting**: the model is too simple to fit even the training data (high bias)."},
    "p09.bv.over": {"ko": "**과적합**: 학습 오차는 작지만 테스트 오차가 커집니다 — 잡음을 외웠습니다 (분산이 큼).",
                    "en": "**Overfitting**: small training error but a growing test error — it memorised the noise "
                          "(high variance)."},
    "p09.bv.right": {"ko": "**적절한 복잡도**: 테스트 오차가 가장 작은 차수입니다.",
                     "en": "**Right complexity**: the degree with the lowest test error."},
    "p09.dart.title": {"ko": "편향-분산 다트판: 학습 세트를 바꿔 가며 다시 맞추기",
                       "en": "The bias–variance dartboard: refit on many training sets"},
    "p09.dart.text": {
        "ko": "강의의 Fig. 1(다트판)을 곡선으로 옮겼습니다. 같은 참 곡선에서 학습 데이터 15개를 새로 뽑을 때마다 "
              "다항식을 다시 맞춥니다. 가는 선 하나가 학습 세트 하나의 결과(다트 한 발), 굵은 선이 그 평균입니다. "
              "**편향**은 평균 곡선이 참 곡선(점선)에서 떨어진 정도, **분산**은 가는 선들이 퍼진 정도, **잡음** σ²는 "
              "어떤 모델도 줄일 수 없는 데이터의 흩어짐입니다. 위 식의 세 항을 차수마다 실제로 계산했습니다.",
        "en": "The lecture's Fig. 1 (the dartboard) for curves. Each time 15 new training points are drawn from "
              "the same true curve, the polynomial is fitted again. Each thin line is one training set's fit "
              "(one dart), the thick line their average. **Bias** is how far the average fit is from the true "
              "curve (dashed), **variance** how widely the thin lines spread, **noise** σ² the scatter of the "
              "data that no model can remove. The three terms of the formula above, computed for every degree."},
    "p09.dart.degree": {"ko": "다트판의 다항식 차수", "en": "Degree on the dartboard"},
    "p09.dart.sets": {"ko": "학습 세트 수", "en": "Training sets"},
    "p09.dart.chart": {"ko": "{degree}차 다항식, 학습 세트 {n}개 (굵은 선: 평균, 점선: 참 곡선)",
                       "en": "Degree {degree}, {n} training sets (thick: average fit, dashed: true curve)"},
    "p09.dart.decomp": {"ko": "차수별 편향², 분산, 잡음 (로그)", "en": "Bias², variance and noise by degree (log)"},
    "p09.dart.term": {"ko": "항", "en": "term"},
    "p09.dart.bias2": {"ko": "편향²", "en": "bias²"},
    "p09.dart.variance": {"ko": "분산", "en": "variance"},
    "p09.dart.noise": {"ko": "잡음 σ²", "en": "noise σ²"},
    "p09.dart.total": {"ko": "기대 테스트 오차", "en": "expected test error"},
    "p09.dart.note": {
        "ko": "차수가 낮으면 편향²이 대부분이고(과소적합: 낮은 분산, 높은 편향), 차수가 높으면 분산이 폭발합니다"
              "(과적합: 낮은 편향, 높은 분산). 세 항의 합이 가장 작은 차수가 최적입니다.",
        "en": "At low degrees bias² dominates (underfitting: low variance, high bias); at high degrees the "
              "variance explodes (overfitting: low bias, high variance). The best degree has the smallest sum."},
    # ------------------------------------------------------------------ page 10
    "p10.title": {"ko": "XOR 문제", "en": "The XOR problem"},
    "p10.intro": {
        "ko": "XOR은 두 입력이 서로 다를 때만 1입니다. 네 점을 평면에 찍으면 같은 색끼리 대각선에 놓여, 어떤 "
              "직선 하나로도 나눌 수 없습니다(선형 분리 불가능). 그래서 퍼셉트론 하나로는 풀 수 없고, 은닉층을 "
              "둔 다층 퍼셉트론(MLP)이 필요합니다.",
        "en": "XOR is 1 only when its two inputs differ. Plotted on the plane, the points of each colour sit on "
              "a diagonal, and no single straight line separates them (not linearly separable). One perceptron "
              "cannot solve it; a multilayer perceptron (MLP) with a hidden layer can."},
    "p10.fail.title": {"ko": "퍼셉트론 하나는 실패한다", "en": "A single perceptron fails"},
    "p10.fail.text": {
        "ko": "퍼셉트론 규칙으로 에폭을 늘려 가며 학습해도 경계는 계속 흔들릴 뿐, 네 점을 모두 맞히는 직선은 "
              "나오지 않습니다. 정확도는 많아야 75%입니다.",
        "en": "However many epochs the perceptron rule runs, the line only keeps moving: no line gets all four "
              "points right. The accuracy is at most 75 %."},
    "p10.fail.epochs": {"ko": "퍼셉트론 에폭 수", "en": "Perceptron epochs"},
    "p10.seed": {"ko": "난수 시드", "en": "Random seed"},
    "p10.fail.acc": {"ko": "퍼셉트론 정확도", "en": "Perceptron accuracy"},
    "p10.fail.weights": {"ko": "마지막 가중치: w₁ = {w1}, w₂ = {w2}, b = {b}",
                         "en": "Final weights: w₁ = {w1}, w₂ = {w2}, b = {b}"},
    "p10.fail.chart": {"ko": "퍼셉트론의 결정 경계 (점선)", "en": "The perceptron's decision boundary (dashed)"},
    "p10.mlp.title": {"ko": "2-2-1 MLP는 풀어낸다", "en": "A 2-2-1 MLP solves it"},
    "p10.mlp.text": {
        "ko": "은닉 뉴런 두 개가 각자 직선 하나씩(대략 OR과 NAND)을 만들고, 출력 뉴런이 그 둘을 AND로 묶습니다. "
              "시그모이드와 경사 하강법(역전파)으로 학습하는 동안의 결정 영역을 에폭 슬라이더로 되감아 보세요. "
              "시드에 따라 지역 최솟값에 갇혀 75%나 50%에 머무는 경우도 있습니다 — 시드를 바꿔 보세요.",
        "en": "Each of the two hidden neurons draws one line (roughly OR and NAND) and the output neuron ANDs "
              "them. Rewind the decision regions during training (sigmoid, gradient descent with "
              "backpropagation) with the epoch slider. Some seeds get stuck in a local minimum at 75 % or "
              "50 % — try changing the seed."},
    "p10.lr": {"ko": "학습률 η", "en": "Learning rate η"},
    "p10.epoch": {"ko": "에폭", "en": "Epoch"},
    "p10.mlp.chart": {"ko": "에폭 {epoch}의 결정 영역 (파랑: y = 1)", "en": "Decision regions at epoch {epoch} (blue: y = 1)"},
    "p10.mlp.acc": {"ko": "MLP 정확도", "en": "MLP accuracy"},
    "p10.mlp.loss": {"ko": "손실 J", "en": "Loss J"},
    "p10.mlp.note": {
        "ko": "처음에는 경계가 직선에 가깝다가, 은닉층이 입력 공간을 휘어 놓으면서 두 직선 사이의 띠 모양 "
              "영역 하나가 생깁니다. 은닉층이 XOR을 선형 분리 가능한 문제로 바꾼 것입니다.",
        "en": "The boundary starts almost straight; as the hidden layer bends the input space, a band-shaped "
              "region appears. The hidden layer has turned XOR into a linearly separable problem."},
    # ------------------------------------------------------------------ page 11
    "p11.title": {"ko": "오차역전파", "en": "Backpropagation"},
    "p11.intro": {
        "ko": "역전파는 출력의 오차를 연쇄 법칙으로 뒤에서부터 한 층씩 나누어 각 가중치의 기울기를 구합니다. "
              "구조는 강의의 2-2-2 신경망(편향 없음, 시그모이드 φ)입니다. 강의는 이 신경망을 기호로만 "
              "보여 주므로, 기본 숫자(x, y, W)는 널리 쓰이는 역전파 풀이 예제(Matt Mazur, 2015)에서 가져오고 강의에 "
              "맞춰 편향을 뺐습니다. 학습률도 강의와 다릅니다: 예제의 η = 0.5를 기본값으로 쓰지만, 강의의 갱신식 "
              "w ← w − δ·a에는 η가 없어 η = 1과 같습니다. 입력·정답·가중치·학습률을 고치면 모든 숫자가 다시 "
              "계산됩니다.",
        "en": "Backpropagation splits the output error backwards, layer by layer, with the chain rule, and "
              "gets the gradient of every weight. The network is the lecture's 2-2-2 one (no biases, sigmoid φ). "
              "The lecture gives it only in symbols, so the default numbers (x, y, W) come from a widely used "
              "worked example (Matt Mazur, 2015), with its biases dropped to match the lecture. The learning "
              "rate differs too: the example's η = 0.5 is the default here, while the lecture's updates "
              "w ← w − δ·a have no η at all, i.e. η = 1. Edit the inputs, targets, weights and learning rate "
              "and every number is recomputed."},
    "p11.network": {"ko": "순전파는 왼쪽에서 오른쪽, 역전파는 오른쪽에서 왼쪽입니다.",
                    "en": "The forward pass runs left to right, the backward pass right to left."},
    "p11.inputs": {"ko": "입력, 정답, 가중치", "en": "Inputs, targets, weights"},
    "p11.lr": {"ko": "학습률 η", "en": "Learning rate η"},
    "p11.W1": {"ko": "W⁽¹⁾: 입력 i → 은닉 j", "en": "W⁽¹⁾: input i → hidden j"},
    "p11.W2": {"ko": "W⁽²⁾: 은닉 i → 출력 j", "en": "W⁽²⁾: hidden i → output j"},
    "p11.convention": {"ko": "행 j는 받는 뉴런, 열 i는 보내는 뉴런입니다 (W[j, i]). 그래서 z = W a 입니다.",
                       "en": "Row j is the receiving neuron, column i the sending one (W[j, i]), so z = W a."},
    "p11.steps": {"ko": "한 단계씩: 순전파, 그리고 역전파", "en": "Step by step: forward, then backward"},
    "p11.step": {"ko": "어디까지 보일까요?", "en": "Show up to"},
    "p11.forward": {"ko": "순전파", "en": "forward"},
    "p11.backward": {"ko": "역전파", "en": "backward"},
    "p11.step.z2": {"ko": "은닉층 입력 z⁽²⁾", "en": "hidden input z⁽²⁾"},
    "p11.step.a2": {"ko": "은닉층 출력 a⁽²⁾", "en": "hidden output a⁽²⁾"},
    "p11.step.z3": {"ko": "출력층 입력 z⁽³⁾", "en": "output input z⁽³⁾"},
    "p11.step.a3": {"ko": "출력 a⁽³⁾", "en": "output a⁽³⁾"},
    "p11.step.J": {"ko": "비용 J", "en": "cost J"},
    "p11.step.delta3": {"ko": "출력층 오차 δ⁽³⁾", "en": "output error δ⁽³⁾"},
    "p11.step.dJ_dW2": {"ko": "기울기 ∂J/∂W⁽²⁾", "en": "gradient ∂J/∂W⁽²⁾"},
    "p11.step.delta2": {"ko": "은닉층 오차 δ⁽²⁾", "en": "hidden error δ⁽²⁾"},
    "p11.step.dJ_dW1": {"ko": "기울기 ∂J/∂W⁽¹⁾", "en": "gradient ∂J/∂W⁽¹⁾"},
    "p11.step.update": {"ko": "가중치 갱신", "en": "weight update"},
    "p11.cost": {"ko": "비용 J", "en": "Cost J"},
    "p11.w1_11": {"ko": "갱신된 W⁽¹⁾[1,1]", "en": "Updated W⁽¹⁾[1,1]"},
    "p11.w2_11": {"ko": "갱신된 W⁽²⁾[1,1]", "en": "Updated W⁽²⁾[1,1]"},
    "p11.check": {"ko": "PyTorch 자동 미분과 비교", "en": "Check against PyTorch autograd"},
    "p11.check.text": {
        "ko": "같은 신경망을 PyTorch로 만들어 `J.backward()`로 구한 기울기입니다. 손으로 유도한 역전파와 "
              "float64 반올림 오차 수준까지 같습니다.",
        "en": "The same network built in PyTorch, gradients from `J.backward()`. They equal the hand-derived "
              "backpropagation up to float64 rounding."},
    "p11.check.weight": {"ko": "가중치", "en": "weight"},
    "p11.check.ours": {"ko": "역전파 (직접 구현)", "en": "backprop (ours)"},
    "p11.check.max": {"ko": "최대 차이 |Δ|", "en": "Largest difference |Δ|"},
    "p11.source": {"ko": "숫자의 출처: [A Step by Step Backpropagation Example]({url}) (편향 0.35, 0.60 제외). "
                         "강의의 갱신식과 같게 보려면 학습률을 1로 바꾸세요.",
                   "en": "Numbers from [A Step by Step Backpropagation Example]({url}) (biases 0.35, 0.60 "
                         "dropped). Set the learning rate to 1 to follow the lecture's updates."},
    "p11.warmup.title": {"ko": "준비 운동: f(x, y) = xy의 편미분", "en": "Warm-up: the partial derivatives of f(x, y) = xy"},
    "p11.warmup.text": {
        "ko": "편미분은 한 변수만 움직이고 나머지는 상수로 취급합니다. x로 미분하면 y가 상수라서 ∂f/∂x = y, "
              "y로 미분하면 x가 상수라서 ∂f/∂y = x입니다. 역전파의 곱셈 노드가 바로 이 규칙입니다: 곱셈 노드는 "
              "흘러온 기울기에 *다른 쪽* 입력을 곱해 돌려보냅니다.",
        "en": "A partial derivative moves one variable and treats the others as constants. Differentiating by "
              "x holds y constant, so ∂f/∂x = y; by y, x is constant, so ∂f/∂y = x. This is exactly backprop's "
              "multiply node: it sends back the incoming gradient times the *other* input."},
    "p11.warmup.numeric": {"ko": "수치 미분 (중심 차분)으로 확인: ∂f/∂x ≈ {dx}, ∂f/∂y ≈ {dy}",
                           "en": "Checked by central differences: ∂f/∂x ≈ {dx}, ∂f/∂y ≈ {dy}"},
    "p11.err.xy.said": {"ko": "f(x, y) = xy, ∂y/∂x = y,  ∂x/∂y = x", "en": "f(x, y) = xy, ∂y/∂x = y,  ∂x/∂y = x"},
    "p11.err.xy.correct": {"ko": "∂f/∂x = y,  ∂f/∂y = x", "en": "∂f/∂x = y,  ∂f/∂y = x"},
    "p11.err.xy.why": {"ko": "미분하는 대상은 f입니다. x와 y는 서로 독립인 변수라서 ∂y/∂x = 0입니다.",
                       "en": "It is f that is differentiated; x and y are independent, so ∂y/∂x = 0."},
    "p11.chain.title": {"ko": "강의의 세 인수 연쇄 법칙: w⁽²⁾₁₁", "en": "The lecture's three-factor chain rule: w⁽²⁾₁₁"},
    "p11.chain.text": {
        "ko": "강의처럼 스칼라 인수 세 개를 하나씩 계산해 곱하면, 벡터식 δ⁽³⁾ a⁽²⁾ᵀ의 (1, 1) 성분과 같습니다. "
              "앞의 두 인수의 곱이 δ⁽³⁾₁입니다.",
        "en": "Computing the lecture's three scalar factors one by one and multiplying them gives the (1, 1) "
              "entry of the vector form δ⁽³⁾ a⁽²⁾ᵀ. The first two factors multiply to δ⁽³⁾₁."},
    "p11.chain.scalar": {"ko": "스칼라 세 인수의 곱 (강의)", "en": "Product of the three factors (lecture)"},
    "p11.chain.vector": {"ko": "벡터식 [δ⁽³⁾ a⁽²⁾ᵀ]₁₁", "en": "Vector form [δ⁽³⁾ a⁽²⁾ᵀ]₁₁"},
    "p11.err.sup.said": {
        "ko": "∂J/∂w⁽¹⁾₁₁ = ∂J/∂a⁽¹⁾₁ × ∂a⁽²⁾₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂w⁽¹⁾₁₁,  ∂J/∂a⁽¹⁾₁ = ∂J₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂a⁽¹⁾₁ + "
              "∂J₂/∂z⁽²⁾₂ × ∂z⁽²⁾₂/∂a⁽¹⁾₁",
        "en": "∂J/∂w⁽¹⁾₁₁ = ∂J/∂a⁽¹⁾₁ × ∂a⁽²⁾₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂w⁽¹⁾₁₁,  ∂J/∂a⁽¹⁾₁ = ∂J₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂a⁽¹⁾₁ + "
              "∂J₂/∂z⁽²⁾₂ × ∂z⁽²⁾₂/∂a⁽¹⁾₁"},
    "p11.err.sup.correct": {
        "ko": "∂J/∂w⁽¹⁾₁₁ = ∂J/∂a⁽²⁾₁ × ∂a⁽²⁾₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂w⁽¹⁾₁₁,  ∂J/∂a⁽²⁾₁ = ∂J₁/∂z⁽³⁾₁ × ∂z⁽³⁾₁/∂a⁽²⁾₁ + "
              "∂J₂/∂z⁽³⁾₂ × ∂z⁽³⁾₂/∂a⁽²⁾₁ = δ⁽³⁾₁ w⁽²⁾₁₁ + δ⁽³⁾₂ w⁽²⁾₂₁",
        "en": "∂J/∂w⁽¹⁾₁₁ = ∂J/∂a⁽²⁾₁ × ∂a⁽²⁾₁/∂z⁽²⁾₁ × ∂z⁽²⁾₁/∂w⁽¹⁾₁₁,  ∂J/∂a⁽²⁾₁ = ∂J₁/∂z⁽³⁾₁ × ∂z⁽³⁾₁/∂a⁽²⁾₁ + "
              "∂J₂/∂z⁽³⁾₂ × ∂z⁽³⁾₂/∂a⁽²⁾₁ = δ⁽³⁾₁ w⁽²⁾₁₁ + δ⁽³⁾₂ w⁽²⁾₂₁"},
    "p11.err.sup.why": {
        "ko": "w⁽¹⁾₁₁은 은닉 뉴런 a⁽²⁾₁을 거쳐 출력 z⁽³⁾에 영향을 줍니다. 강의의 위첨자가 한 층씩 밀려 있고, 그 "
              "다음 줄의 결과 δ⁽³⁾₁w⁽²⁾₁₁ + δ⁽³⁾₂w⁽²⁾₂₁은 바르게 적혀 있습니다. 아래 표의 ∂J/∂W⁽¹⁾가 그 값입니다.",
        "en": "w⁽¹⁾₁₁ reaches the output z⁽³⁾ through the hidden unit a⁽²⁾₁. The lecture's superscripts are one "
              "layer off; the next line's result δ⁽³⁾₁w⁽²⁾₁₁ + δ⁽³⁾₂w⁽²⁾₂₁ is right. ∂J/∂W⁽¹⁾ below is its value."},
    "p11.err.eta.said": {"ko": "가중치 w = w − δ·a (학습률 없음)", "en": "w = w − δ·a (no learning rate)"},
    "p11.err.eta.correct": {"ko": "w ← w − η·δ·a (강의의 식은 η = 1인 경우)", "en": "w ← w − η·δ·a (the lecture's is η = 1)"},
    "p11.err.eta.why": {
        "ko": "경사 하강법의 갱신에는 학습률 η가 곱해집니다. 이 페이지의 기본값은 η = 0.5입니다. η = 1일 때 "
              "갱신된 W⁽²⁾[1,1]은 {w_lecture}, η = {lr}일 때는 {w_page}입니다.",
        "en": "A gradient-descent update is scaled by the learning rate η; this page's default is η = 0.5. With "
              "η = 1 the updated W⁽²⁾[1,1] is {w_lecture}, with η = {lr} it is {w_page}."},
    # ------------------------------------------------------------------ page 12
    "p12.title": {"ko": "기울기 소실 · 활성화 함수", "en": "Vanishing gradients · activation functions"},
    "p12.intro": {
        "ko": "역전파는 층마다 활성화 함수의 **미분값**을 곱해 갑니다. 그 값이 1보다 작으면 앞쪽 층으로 갈수록 "
              "기울기가 기하급수적으로 작아져 학습이 멈춥니다 — **기울기 소실**. 아래에서 활성화 함수와 그 "
              "미분을 비교하고, 깊은 신경망에서 층별 기울기 크기를 직접 확인해 보세요.",
        "en": "Backpropagation multiplies by the activation's **derivative** at every layer. When that factor is "
              "below 1 the gradient shrinks geometrically towards the first layers and learning stalls — "
              "**vanishing gradients**. Compare activations and their derivatives below, then look at the "
              "per-layer gradient sizes of a deep network."},
    "p12.act.title": {"ko": "활성화 함수와 미분", "en": "Activations and their derivatives"},
    "p12.act.text": {
        "ko": "시그모이드의 미분은 최댓값이 0.25, tanh는 1이지만 양 끝에서 0으로 포화됩니다. ReLU는 양수 구간에서 "
              "미분이 정확히 1이라 곱해도 줄지 않습니다. ELU·SELU·swish·mish는 음수 구간을 부드럽게 만든 변형입니다.",
        "en": "The sigmoid's derivative peaks at 0.25; tanh's reaches 1 but saturates to 0 at both ends. ReLU's "
              "derivative is exactly 1 for positive inputs, so products of it do not shrink. ELU, SELU, swish "
              "and mish are smooth variants for the negative side."},
    "p12.act.choose": {"ko": "활성화 함수 선택", "en": "Activations to plot"},
    "p12.act.range": {"ko": "x 범위", "en": "x range"},
    "p12.act.none": {"ko": "활성화 함수를 하나 이상 고르세요.", "en": "Pick at least one activation."},
    "p12.act.legend": {"ko": "활성화 함수", "en": "Activation"},
    "p12.act.f": {"ko": "함수값 f(x)", "en": "Value f(x)"},
    "p12.act.df": {"ko": "미분 f′(x)", "en": "Derivative f′(x)"},
    "p12.act.peak": {"ko": "구간 내 f′ 최댓값", "en": "max f′ in the range"},
    "p12.act.note": {
        "ko": "표의 최댓값이 1보다 작은 함수(시그모이드 0.25)는 층을 지날 때마다 기울기를 최소 그만큼 줄입니다.",
        "en": "A function whose largest derivative is below 1 (sigmoid: 0.25) shrinks the gradient by at least "
              "that factor at every layer."},
    "p12.van.title": {"ko": "깊은 신경망의 층별 기울기", "en": "Per-layer gradients of a deep network"},
    "p12.van.text": {
        "ko": "초기화 직후의 깊은 MLP에 한 배치를 넣고 역전파하여 각 층 가중치의 기울기 노름 ‖∂L/∂W‖를 잽니다. "
              "세로축은 로그 눈금입니다: 직선으로 떨어지면 기하급수적 소실입니다.",
        "en": "A deep MLP right after initialisation gets one batch; backpropagation gives each layer's weight "
              "gradient norm ‖∂L/∂W‖. The vertical axis is logarithmic: a straight fall means geometric "
              "vanishing."},
    "p12.van.depth": {"ko": "층 수", "en": "Depth (layers)"},
    "p12.van.activation": {"ko": "활성화 함수", "en": "Activation"},
    "p12.van.init": {"ko": "가중치 초기화", "en": "Weight initialisation"},
    "p12.van.width": {"ko": "층의 폭", "en": "Layer width"},
    "p12.init.xavier": {"ko": "Xavier (Glorot)", "en": "Xavier (Glorot)"},
    "p12.init.he": {"ko": "He (Kaiming)", "en": "He (Kaiming)"},
    "p12.van.layer": {"ko": "층 (1 = 입력 쪽)", "en": "Layer (1 = input side)"},
    "p12.van.norm": {"ko": "‖∂L/∂W‖ (로그)", "en": "‖∂L/∂W‖ (log)"},
    "p12.van.chart": {"ko": "{act}, {depth}층: 층별 기울기 노름", "en": "{act}, {depth} layers: gradient norm per layer"},
    "p12.van.first": {"ko": "첫 층 기울기 노름", "en": "First layer's gradient norm"},
    "p12.van.last": {"ko": "마지막 층 기울기 노름", "en": "Last layer's gradient norm"},
    "p12.van.ratio": {"ko": "첫 층 / 마지막 층", "en": "First / last"},
    "p12.van.note": {
        "ko": "시그모이드는 층이 깊어질수록 첫 층의 기울기가 몇 자릿수씩 작아집니다. ReLU에 He 초기화를 쓰면 "
              "층별 노름이 거의 일정하게 유지됩니다 — 그래서 깊은 CNN은 ReLU와 He 초기화(그리고 배치 정규화, "
              "잔차 연결)를 씁니다.",
        "en": "With the sigmoid the first layer's gradient loses orders of magnitude as depth grows. ReLU with "
              "He initialisation keeps the norms nearly level — which is why deep CNNs use ReLU with He "
              "initialisation (plus batch normalisation and residual connections)."},
    "p12.dead.title": {"ko": "죽은 ReLU 뉴런: 학습률이 클수록 늘어난다", "en": "Dead ReLU neurons: more as the learning rate grows"},
    "p12.dead.text": {
        "ko": "강의: \"dead neuron: 학습 속도(학습률)가 빠르거나 … 해당 뉴런은 어떤 자료가 입력되어도 갱신되지 "
              "않는다.\" 같은 ReLU 신경망(은닉층 2개 × 32, He 초기화)을 같은 초기값에서 학습률만 바꿔 30단계 학습한 "
              "뒤, 모든 입력에서 z ≤ 0인(출력과 기울기가 늘 0인) 은닉 뉴런을 셉니다. 큰 한 걸음이 편향을 크게 음수로 "
              "밀면 그 뉴런은 다시 살아나지 못합니다.",
        "en": "The lecture: \"dead neuron: when the learning rate is large … the neuron is not updated whatever "
              "the input.\" The same ReLU network (2 hidden layers × 32, He initialisation) is trained for 30 "
              "steps from the same initial weights with different learning rates; then the hidden units with "
              "z ≤ 0 on every input (output and gradient always 0) are counted. One big step that pushes a "
              "bias far negative kills a unit for good."},
    "p12.dead.lr": {"ko": "학습률 η", "en": "learning rate η"},
    "p12.dead.count": {"ko": "죽은 뉴런 수 (전체 {total}개 중)", "en": "dead units (of {total})"},
    "p12.dead.chart": {"ko": "학습률별 죽은 ReLU 뉴런", "en": "Dead ReLU units by learning rate"},
    "p12.dead.at_max": {"ko": "η = {lr}에서 죽은 뉴런", "en": "Dead units at η = {lr}"},
    "p12.dead.diverged": {"ko": "η = {lr}에서는 손실이 발산했습니다(수치 넘침).", "en": "At η = {lr} the loss diverged (overflow)."},
    "p12.err.selu.said": {"ko": "ELU, SeLU: 알파 값이 1이 아닌 경우 SeLU라고 부름(2016)",
                          "en": "ELU, SeLU: called SeLU when alpha is not 1 (2016)"},
    "p12.err.selu.correct": {
        "ko": "SELU(x) = λ·ELU_α(x), α ≈ 1.6733, λ ≈ 1.0507로 고정 (Klambauer et al., 2017). ELU는 Clevert et al. (2015)",
        "en": "SELU(x) = λ·ELU_α(x) with fixed α ≈ 1.6733, λ ≈ 1.0507 (Klambauer et al., 2017); ELU is Clevert et al. (2015)"},
    "p12.err.selu.why": {
        "ko": "α만 바꾼 ELU는 여전히 ELU입니다. SELU는 층을 지나도 평균 0, 분산 1이 유지되도록(자기 정규화) α와 "
              "스케일 λ를 함께 정한 함수입니다.",
        "en": "An ELU with another α is still an ELU. SELU fixes α together with a scale λ so that activations "
              "keep mean 0 and variance 1 from layer to layer (self-normalising)."},
    "p12.err.swish.said": {"ko": "swish : Mobilenet 학습 시 사용(2017)", "en": "swish: used to train MobileNet (2017)"},
    "p12.err.swish.correct": {
        "ko": "swish는 Ramachandran et al. (2017)이 찾은 함수이고, MobileNet 계열에서는 MobileNetV3 (2019)가 근사형 "
              "hard-swish를 씁니다",
        "en": "swish is from Ramachandran et al. (2017); in the MobileNet family it is MobileNetV3 (2019) that uses "
              "its approximation, hard-swish"},
    "p12.err.swish.why": {"ko": "MobileNet v1(2017)과 v2(2018)의 활성화 함수는 ReLU와 ReLU6입니다.",
                          "en": "MobileNet v1 (2017) and v2 (2018) use ReLU and ReLU6."},
    # ------------------------------------------------------------------ page 13
    "p13.title": {"ko": "배치 정규화", "en": "Batch normalisation"},
    "p13.intro": {
        "ko": "배치 정규화(BN)는 미니배치마다 각 특성을 평균 0, 분산 1로 맞춘 뒤 학습 가능한 γ(크기)와 β(이동)로 "
              "다시 조정합니다. 층의 입력 분포가 안정되어 더 큰 학습률로 더 빨리 학습할 수 있습니다.",
        "en": "Batch normalisation (BN) shifts and scales each feature of a mini-batch to mean 0 and variance 1, "
              "then rescales it with a learnable γ (scale) and β (shift). Layer inputs stay in a stable range, "
              "so training can use larger learning rates and converges faster."},
    "p13.steps.title": {"ko": "네 단계: 평균, 분산, 정규화, 크기·이동", "en": "Four steps: mean, variance, normalise, scale and shift"},
    "p13.steps.text": {
        "ko": "아래 미니배치는 한 특성의 값 m개입니다. 배치의 평균과 표준편차를 바꿔도 정규화된 x̂의 분포는 "
              "늘 같은 자리(평균 0, 분산 1)에 옵니다. 마지막 단계의 γ와 β만이 출력의 위치와 폭을 정합니다.",
        "en": "The mini-batch below holds m values of one feature. Whatever its mean and spread, the normalised "
              "x̂ always lands in the same place (mean 0, variance 1). Only γ and β of the last step decide "
              "where the output sits and how wide it is."},
    "p13.batch": {"ko": "배치 크기 m", "en": "Batch size m"},
    "p13.batch_mean": {"ko": "입력의 평균", "en": "Input mean"},
    "p13.batch_std": {"ko": "입력의 표준편차", "en": "Input standard deviation"},
    "p13.seed": {"ko": "난수 시드", "en": "Random seed"},
    "p13.step1": {"ko": "① 배치 평균 μ_B", "en": "① batch mean μ_B"},
    "p13.step2": {"ko": "② 배치 분산 σ²_B", "en": "② batch variance σ²_B"},
    "p13.step3": {"ko": "③ 정규화", "en": "③ normalise"},
    "p13.step4": {"ko": "④ 크기·이동", "en": "④ scale and shift"},
    "p13.count": {"ko": "개수", "en": "count"},
    "p13.hist.x": {"ko": "입력 x", "en": "Input x"},
    "p13.hist.xhat": {"ko": "정규화 x̂", "en": "Normalised x̂"},
    "p13.hist.y": {"ko": "출력 y = γx̂ + β", "en": "Output y = γx̂ + β"},
    "p13.steps.note": {
        "ko": "γ = √(σ²_B + ε), β = μ_B로 두면 원래 입력이 그대로 복원됩니다. 즉 BN은 표현력을 잃지 않으면서 "
              "분포를 \"학습으로 정하게\" 합니다. 추론 때는 배치 대신 학습 중 모은 이동 평균(running mean/var)을 씁니다.",
        "en": "Setting γ = √(σ²_B + ε) and β = μ_B gives back the original input, so BN loses no expressive "
              "power: the network *learns* where to put the distribution. At inference the running mean and "
              "variance collected during training replace the batch statistics."},
    "p13.table": {"ko": "배치의 모든 값 보기", "en": "Every value of the batch"},
    "p13.exp.title": {"ko": "BN이 있을 때와 없을 때의 학습 곡선", "en": "Training curves with and without BN"},
    "p13.exp.text": {
        "ko": "같은 깊은 MLP({depth}층, 폭 {width}, {activation})를 같은 초기값·학습률·미니배치 순서로 두 번 학습합니다: 한 번은 각 "
              "은닉층 뒤에 BN을 넣고, 한 번은 빼고. 과제는 원 안과 밖의 점을 가르는 합성 데이터 분류이며 NumPy로 "
              "몇 초 안에 계산됩니다(결과는 캐시).",
        "en": "The same deep MLP ({depth} layers of {width} {activation} units) is trained twice with the same initial weights, learning "
              "rate and mini-batch order: once with BN after every hidden layer, once without. The task is a "
              "synthetic one — points inside vs outside a circle — computed in NumPy in seconds (and cached)."},
    "p13.exp.seed": {"ko": "실험 시드", "en": "Experiment seed"},
    "p13.exp.running": {"ko": "BN 유무 비교 학습 중…", "en": "Training with and without BN…"},
    "p13.exp.with": {"ko": "BN 있음", "en": "with BN"},
    "p13.exp.without": {"ko": "BN 없음", "en": "without BN"},
    "p13.exp.epoch": {"ko": "에폭", "en": "epoch"},
    "p13.exp.loss": {"ko": "학습 손실 (로그)", "en": "training loss (log)"},
    "p13.exp.final_with": {"ko": "마지막 손실 · BN 있음", "en": "Final loss · with BN"},
    "p13.exp.final_without": {"ko": "마지막 손실 · BN 없음", "en": "Final loss · without BN"},
    "p13.exp.acc_with": {"ko": "마지막 정확도 · BN 있음", "en": "Final accuracy · with BN"},
    "p13.exp.acc_without": {"ko": "마지막 정확도 · BN 없음", "en": "Final accuracy · without BN"},
    "p13.exp.note": {
        "ko": "BN이 있는 쪽의 손실이 더 빨리 떨어집니다. 각 층의 입력이 늘 정규화되어 있으니 시그모이드가 "
              "포화되지 않고, 기울기가 앞쪽 층까지 살아서 전달됩니다.",
        "en": "The loss with BN falls faster: every layer's input stays normalised, the activations do not "
              "saturate, and the gradient survives down to the first layers."},
    "p13.why.title": {"ko": "왜 배치 정규화인가: 내부 공변량 변화와 화이트닝", "en": "Why batch norm: internal covariate shift and whitening"},
    "p13.why.text": {
        "ko": "학습 중에는 앞 층의 가중치가 계속 바뀌므로, 뒤 층이 받는 입력의 분포도 계속 바뀝니다(**내부 공변량 "
              "변화**, internal covariate shift). 입력을 **화이트닝**하면(평균 0, 분산 1에 더해 특성 간 상관까지 0) "
              "분포가 고정되지만, 미니배치마다 공분산 행렬과 그 역제곱근을 구해야 해서 비싸고, 역전파도 그 계산을 "
              "거쳐야 합니다. 그래서 BN은 (강의의 가정 1) 특성마다 따로 평균과 분산만 맞춥니다. 아래 두 특성은 "
              "상관계수 0.8입니다: BN 뒤에도 상관은 남고, 화이트닝은 상관까지 없앱니다.",
        "en": "During training the earlier layers' weights keep changing, so the distribution a later layer "
              "receives keeps shifting (**internal covariate shift**). **Whitening** the inputs (mean 0, "
              "variance 1 *and* no correlation between features) would fix the distribution, but needs the "
              "covariance matrix and its inverse square root for every mini-batch — expensive, and backprop has "
              "to go through it. So BN (the lecture's assumption 1) normalises each feature on its own, mean and "
              "variance only. The two features below have correlation 0.8: it survives BN, whitening removes it."},
    "p13.why.corr_in": {"ko": "입력의 상관계수", "en": "Input correlation"},
    "p13.why.corr_bn": {"ko": "BN 뒤 상관계수", "en": "Correlation after BN"},
    "p13.why.corr_white": {"ko": "화이트닝 뒤 상관계수", "en": "Correlation after whitening"},
    "p13.why.cost": {"ko": "곱셈 수, 미니배치 64 × 특성 512: BN {bn} vs 화이트닝 {white} (약 {ratio}배)",
                     "en": "Multiplications for a mini-batch of 64 × 512 features: BN {bn} vs whitening {white} "
                           "(about {ratio}×)"},
    "p13.err.ics.said": {"ko": "불안정화의 원인 : Internal Covariance Shift", "en": "Cause of instability: Internal Covariance Shift"},
    "p13.err.ics.correct": {"ko": "Internal Covariate Shift (내부 공변량 변화; Ioffe & Szegedy, 2015)",
                            "en": "Internal Covariate Shift (Ioffe & Szegedy, 2015)"},
    "p13.err.ics.why": {"ko": "covariate(공변량)는 층의 입력 변수를 뜻합니다. 공분산(covariance)과는 다른 말입니다.",
                        "en": "A covariate is an input variable of the layer; covariance is a different thing."},
    "p13.order.title": {"ko": "강의의 추천 순서", "en": "The lecture's recommended order"},
    "p13.order.text": {
        "ko": "강의의 CNN 추천 구조입니다. BN은 합성곱(선형 변환) 바로 뒤, 활성화 함수 앞에 둡니다(BN 논문 §3.2). "
              "합성곱의 편향은 BN의 β가 대신하므로 보통 `bias=False`로 둡니다. 드롭아웃과 풀링은 그 뒤에 옵니다.",
        "en": "The lecture's recommended CNN block. BN goes right after the convolution (a linear map) and "
              "before the activation (the BN paper, §3.2); the convolution's bias is usually dropped "
              "(`bias=False`) because BN's β takes its place. Dropout and pooling come after."},
    # ------------------------------------------------------------------ page 14
    "p14.title": {"ko": "합성곱 연산", "en": "The convolution operation"},
    "p14.intro": {
        "ko": "합성곱층은 작은 필터(커널)를 입력 위로 밀면서, 겹치는 칸끼리 곱해 더한 값 하나를 출력합니다. "
              "같은 필터를 모든 위치에서 쓰므로(가중치 공유) 파라미터가 적고, 위치가 바뀌어도 같은 패턴을 찾습니다.",
        "en": "A convolution layer slides a small filter (kernel) over the input; at each position it multiplies "
              "the overlapping cells and adds them up into one output value. The same filter is used "
              "everywhere (weight sharing), so there are few parameters and a pattern is found wherever it is."},
    "p14.conv.title": {"ko": "슬라이딩 윈도우, 한 걸음씩", "en": "The sliding window, step by step"},
    "p14.conv.text": {
        "ko": "입력과 커널의 숫자를 직접 고칠 수 있습니다. 빨간 테두리가 지금 위치의 윈도우, 가운데 그림이 칸별 "
              "곱, 오른쪽이 지금까지 채운 출력입니다. 패딩 p는 가장자리에 0을 두르고, 스트라이드 s는 한 번에 "
              "움직이는 칸 수입니다.",
        "en": "Edit the numbers of the input and of the kernel. The red frame is the current window, the middle "
              "grid the cell-by-cell products, the right grid the output filled so far. Padding p surrounds the "
              "input with zeros; stride s is how many cells the window moves at a time."},
    "p14.size": {"ko": "입력 크기 n", "en": "Input size n"},
    "p14.kernel": {"ko": "커널 프리셋", "en": "Kernel preset"},
    "p14.kernel.edge": {"ko": "에지 검출 (라플라시안, 8방향)", "en": "edge detection (8-neighbour Laplacian)"},
    "p14.kernel.sobel_x": {"ko": "소벨 (세로 에지)", "en": "Sobel (vertical edges)"},
    "p14.kernel.sobel_y": {"ko": "소벨 (가로 에지)", "en": "Sobel (horizontal edges)"},
    "p14.kernel.blur": {"ko": "블러 (평균)", "en": "blur (box average)"},
    "p14.kernel.gaussian_blur": {"ko": "가우시안 블러", "en": "Gaussian blur"},
    "p14.kernel.sharpen": {"ko": "샤프닝", "en": "sharpen"},
    "p14.kernel.identity": {"ko": "항등", "en": "identity"},
    "p14.stride": {"ko": "스트라이드 s", "en": "Stride s"},
    "p14.padding": {"ko": "패딩 p", "en": "Padding p"},
    "p14.edit_input": {"ko": "입력 X (고칠 수 있음)", "en": "Input X (editable)"},
    "p14.edit_kernel": {"ko": "커널 K (고칠 수 있음)", "en": "Kernel K (editable)"},
    "p14.step": {"ko": "윈도우 위치 (단계)", "en": "Window position (step)"},
    "p14.position": {"ko": "출력 위치 (행, 열)", "en": "Output position (row, col)"},
    "p14.value": {"ko": "이 위치의 출력값", "en": "Output value here"},
    "p14.out_size": {"ko": "출력 크기", "en": "Output size"},
    "p14.chart.input": {"ko": "입력 (패딩 포함)", "en": "Input (with padding)"},
    "p14.chart.product": {"ko": "윈도우 ⊙ 커널", "en": "Window ⊙ kernel"},
    "p14.chart.output": {"ko": "출력 (지금까지)", "en": "Output (so far)"},
    "p14.step_sum": {"ko": "곱한 값들을 모두 더하면 **{value}** — 출력의 한 칸이 됩니다.",
                     "en": "Adding all the products gives **{value}** — one cell of the output."},
    "p14.formulas.title": {"ko": "출력 크기와 파라미터 수", "en": "Output size and number of parameters"},
    "p14.formulas.text": {
        "ko": "기본값은 강의의 AlexNet 첫 층입니다: 227×227×3 입력, 11×11 필터 96개, 스트라이드 4 → 55×55×96, "
              "파라미터 34,944개. 크기가 나누어떨어지지 않으면 PyTorch처럼 내림합니다.",
        "en": "The defaults are the lecture's AlexNet first layer: a 227×227×3 input, 96 filters of 11×11, "
              "stride 4 → 55×55×96 with 34,944 parameters. When the size does not divide evenly it is rounded "
              "down, as in PyTorch."},
    "p14.calc_size": {"ko": "계산된 출력 크기", "en": "Computed output size"},
    "p14.cin": {"ko": "입력 채널", "en": "Input channels"},
    "p14.ksize": {"ko": "커널 크기", "en": "Kernel size"},
    "p14.filters": {"ko": "필터 수", "en": "Filters"},
    "p14.params": {"ko": "파라미터 수 (편향 포함)", "en": "Parameters (with biases)"},
    "p14.pool.title": {"ko": "풀링", "en": "Pooling"},
    "p14.pool.text": {
        "ko": "풀링은 파라미터 없이 특성 맵을 줄입니다. 강의의 4×4 예제에 2×2 창, 스트라이드 2를 쓰면 최대 "
              "풀링은 각 창의 최댓값, 평균 풀링은 평균을 남깁니다.",
        "en": "Pooling shrinks a feature map without any parameter. On the lecture's 4×4 example with a 2×2 "
              "window and stride 2, max pooling keeps each window's maximum and average pooling its mean."},
    "p14.pool.input": {"ko": "입력 4×4", "en": "Input 4×4"},
    "p14.pool.max": {"ko": "최대 풀링 2×2", "en": "Max pooling 2×2"},
    "p14.pool.avg": {"ko": "평균 풀링 2×2", "en": "Average pooling 2×2"},
    "p14.gap.example": {"ko": "전역 평균 풀링: 4×4 예제", "en": "Global average pooling: the 4×4 example"},
    "p14.gap.output": {"ko": "이 출력의 전역 평균 풀링(GAP)", "en": "Global average pooling (GAP) of this output"},
    "p14.gap.text": {
        "ko": "전역 평균 풀링(GAP)은 채널마다 특성 맵 전체를 숫자 하나로 평균냅니다. GoogLeNet과 ResNet은 "
              "마지막 특성 맵에 GAP를 써서 파라미터가 많은 완전연결층을 대신합니다.",
        "en": "Global average pooling (GAP) averages each channel's whole feature map into a single number. "
              "GoogLeNet and ResNet apply it to the last feature map instead of large fully connected layers."},
    "p14.keras.title": {"ko": "Keras의 Conv2D: 강의의 다섯 인자", "en": "Keras Conv2D: the lecture's five arguments"},
    "p14.keras.text": {
        "ko": "강의는 합성곱층을 Keras 코드로 설명합니다. 같은 층을 PyTorch로 쓰면 `nn.Conv2d(in_channels, "
              "filters, kernel_size, padding=...)` 입니다. 예: 강의의 LeNet-5 첫 층.",
        "en": "The lecture explains the convolution layer in Keras code. The same layer in PyTorch is "
              "`nn.Conv2d(in_channels, filters, kernel_size, padding=...)`. Example: the lecture's LeNet-5 first layer."},
    "p14.keras.arg": {"ko": "인자", "en": "argument"},
    "p14.keras.meaning": {"ko": "뜻", "en": "meaning"},
    "p14.keras.example": {"ko": "LeNet-5 C1의 값", "en": "LeNet-5 C1's value"},
    "p14.keras.input_shape": {"ko": "입력 이미지의 (높이, 너비, 채널). 첫 층에만 씁니다.",
                              "en": "(height, width, channels) of the input image; only on the first layer."},
    "p14.keras.filters": {"ko": "필터 수 = 출력 특성 맵(activation map)의 수", "en": "number of filters = output feature maps"},
    "p14.keras.kernel_size": {"ko": "필터의 (높이, 너비)", "en": "(height, width) of each filter"},
    "p14.keras.padding": {"ko": "\"valid\": 패딩 없음, \"same\": 0을 둘러 (스트라이드 1에서) 입력과 같은 크기",
                          "en": "\"valid\": no padding; \"same\": zeros around so the size is kept (at stride 1)"},
    "p14.keras.activation": {"ko": "합성곱 뒤의 활성화 함수", "en": "activation after the convolution"},
    "p14.keras.pad_text": {
        "ko": "`padding=\"valid\"`는 0을 두르지 않아 ⌊(n − k)/s⌋ + 1, `padding=\"same\"`은 ⌈n/s⌉입니다(홀수 k, "
              "스트라이드 1이면 양쪽에 (k − 1)/2칸). 강의의 LeNet-5는 'valid'라서 32 → 28이 됩니다.",
        "en": "`padding=\"valid\"` adds no zeros: ⌊(n − k)/s⌋ + 1; `padding=\"same\"` gives ⌈n/s⌉ (for odd k at "
              "stride 1, (k − 1)/2 zeros per side). The lecture's LeNet-5 uses 'valid', so 32 → 28."},
    "p14.keras.valid": {"ko": "padding=\"valid\" 출력", "en": "padding=\"valid\" output"},
    "p14.keras.same": {"ko": "padding=\"same\" 출력", "en": "padding=\"same\" output"},
    "p14.keras.same_pad": {"ko": "\"same\"이 두르는 0 (한쪽, s = 1)", "en": "zeros per side for \"same\" (s = 1)"},
    "p14.gapk.title": {"ko": "강의의 전역 평균 풀링 예제: Keras model.summary()", "en": "The lecture's GAP example: Keras model.summary()"},
    "p14.gapk.text": {
        "ko": "강의는 이 요약의 마지막 부분만 보여 줍니다(굵게 표시한 행). 앞부분은 강의에 없으므로, 합계 326,534가 "
              "정확히 나오는 구성(28×28×1 입력, 5×5 'same' 합성곱 32·64·128개, 2×2 풀링 두 번)으로 재구성했습니다. "
              "파라미터 수는 이미지 크기와 무관합니다. GAP가 (7, 7, 128)을 (1, 1, 128)로 바꾸므로 첫 Dense는 "
              "128 × 500 + 500 = 64,500개면 됩니다.",
        "en": "The lecture shows only the end of this summary (the rows marked as shown). The earlier layers are "
              "not in the lecture; they are reconstructed as a stack that gives its total 326,534 exactly "
              "(28×28×1 input, 5×5 'same' convolutions with 32, 64 and 128 filters, two 2×2 poolings). "
              "Parameter counts do not depend on the image size. GAP turns (7, 7, 128) into (1, 1, 128), so the "
              "first Dense needs only 128 × 500 + 500 = 64,500."},
    "p14.gapk.layer": {"ko": "Layer (type)", "en": "Layer (type)"},
    "p14.gapk.shape": {"ko": "Output Shape", "en": "Output Shape"},
    "p14.gapk.params": {"ko": "Param #", "en": "Param #"},
    "p14.gapk.shown": {"ko": "강의에 보임", "en": "in the lecture"},
    "p14.gapk.total": {"ko": "Total params", "en": "Total params"},
    "p14.gapk.flatten": {"ko": "GAP 대신 Flatten이면 첫 Dense", "en": "First Dense after Flatten instead"},
    "p14.gapk.gap": {"ko": "GAP 뒤 첫 Dense", "en": "First Dense after GAP"},
    # ------------------------------------------------------------------ page 15
    "p15.title": {"ko": "유명한 CNN 모델", "en": "Famous CNN models"},
    "p15.intro": {
        "ko": "LeNet-5(1998)부터 SENet(2017)까지, 강의에 나온 CNN을 이 저장소의 PyTorch 코드로 다시 만들었습니다. "
              "모델을 고르면 층마다 출력 크기, 파라미터 수, 메모리, 곱셈-누산(MAC) 횟수를 계산해 보여 주고, 강의 "
              "슬라이드의 숫자와 나란히 비교합니다.",
        "en": "From LeNet-5 (1998) to SENet (2017), the lecture's CNNs rebuilt in this repository's PyTorch code. "
              "Pick a model to see each layer's output shape, parameters, memory and multiply-accumulates "
              "(MACs), computed, and compared side by side with the lecture's slides."},
    "p15.pick": {"ko": "모델", "en": "Model"},
    "p15.info": {"ko": "**{family}** · {year} · 입력 {shape} · 논문: {paper}",
                 "en": "**{family}** · {year} · input {shape} · paper: {paper}"},
    "p15.computing": {"ko": "층별 표를 계산하는 중…", "en": "Computing the per-layer table…"},
    "p15.total_params": {"ko": "전체 파라미터", "en": "Total parameters"},
    "p15.total_macs": {"ko": "곱셈-누산 (이미지 1장)", "en": "MACs (one image)"},
    "p15.total_memory": {"ko": "활성값 메모리 (float32)", "en": "Activation memory (float32)"},
    "p15.n_rows": {"ko": "표의 층 수", "en": "Rows in the table"},
    "p15.col.layer": {"ko": "층", "en": "layer"},
    "p15.col.type": {"ko": "종류", "en": "type"},
    "p15.col.shape": {"ko": "출력 크기", "en": "output shape"},
    "p15.col.params": {"ko": "파라미터", "en": "parameters"},
    "p15.col.memory": {"ko": "메모리", "en": "memory"},
    "p15.col.macs": {"ko": "MAC", "en": "MACs"},
    "p15.table_note": {
        "ko": "출력 크기는 (C, H, W), 메모리는 그 층 출력의 float32 크기(1 KB = 10³ 바이트)입니다. 가중치는 만들지 "
              "않고(meta 장치) 모양만 계산하므로 VGG16도 즉시 나옵니다.",
        "en": "Output shape is (C, H, W); memory is the float32 size of the layer's output (1 KB = 10³ bytes). The "
              "models are built on the meta device — shapes only, no weights — so even VGG16 is instant."},
    "p15.aux_note": {"ko": "전체 {total}개에는 학습 때만 쓰는 보조 분류기가 포함됩니다. 보조 분류기를 빼면 {without}개입니다.",
                     "en": "The total {total} includes the auxiliary classifiers used only in training; without "
                           "them it is {without}."},
    "p15.lecture.title": {"ko": "강의의 숫자와 비교", "en": "The lecture's numbers side by side"},
    "p15.lec.total": {"ko": "강의/참고 파라미터 수", "en": "Lecture / reference parameters"},
    "p15.our.total": {"ko": "우리 모델의 파라미터 수", "en": "Our model's parameters"},
    "p15.lec.params": {"ko": "강의 파라미터", "en": "lecture params"},
    "p15.our.params": {"ko": "우리 파라미터", "en": "our params"},
    "p15.lec.size": {"ko": "강의 맵 크기", "en": "lecture map size"},
    "p15.our.size": {"ko": "우리 맵 크기", "en": "our map size"},
    "p15.lec.map": {"ko": "강의 특성 맵 (H×W×C)", "en": "lecture feature map (H×W×C)"},
    "p15.our.map": {"ko": "우리 특성 맵 (H×W×C)", "en": "our feature map (H×W×C)"},
    "p15.lec.act": {"ko": "강의 활성값 수", "en": "lecture activations"},
    "p15.our.act": {"ko": "우리 활성값 수", "en": "our activations"},
    "p15.lec.weights": {"ko": "강의 가중치 (편향 제외)", "en": "lecture weights (no biases)"},
    "p15.our.weights": {"ko": "우리 가중치 (편향 제외)", "en": "our weights (no biases)"},
    "p15.lec.lenet": {
        "ko": "강의의 층별 파라미터(156, 2,416, 48,120, 10,164, 850 → 61,706)가 그대로 나옵니다. 원 논문과 달리 "
              "S2–C3 부분 연결표, RBF 출력층, 학습 가능한 풀링 계수는 쓰지 않았습니다.",
        "en": "The lecture's per-layer counts (156, 2,416, 48,120, 10,164, 850 → 61,706) come out exactly. Unlike "
              "the 1998 paper there is no sparse S2–C3 connection table, no RBF output layer and no trainable "
              "pooling coefficients."},
    "p15.alex.groups": {"ko": "원 논문처럼 GPU 2개로 나누기 (groups = 2)", "en": "Split over two GPUs as in the paper (groups = 2)"},
    "p15.alex.total_lecture": {"ko": "강의 합계", "en": "Lecture total"},
    "p15.alex.total_ours": {"ko": "우리 합계", "en": "Our total"},
    "p15.alex.note": {
        "ko": "강의는 모든 합성곱이 이전 층 전체와 연결된 것으로 셉니다(62,378,344개). 원 논문은 GPU 두 개에 "
              "나누어 conv2·conv4·conv5가 절반의 채널만 보므로 그 층들의 가중치가 절반이 되어 60,965,224개입니다.",
        "en": "The lecture counts every convolution as connected to the whole previous layer (62,378,344). The "
              "paper split the network over two GPUs, so conv2, conv4 and conv5 see only half of the channels "
              "and have half the weights: 60,965,224."},
    "p15.vgg.printed": {"ko": "강의에 인쇄된 합계", "en": "Lecture's printed total"},
    "p15.vgg.true": {"ko": "표의 행을 실제로 더한 값", "en": "The rows actually summed"},
    "p15.vgg.bytes": {"ko": "float32 메모리 (이미지 1장)", "en": "float32 memory (one image)"},
    "p15.vgg.explain": {
        "ko": "강의의 VGG16 메모리 표에서 각 행의 값은 맞지만 합계는 틀렸습니다. 행을 모두 더하면 {printed}가 아니라 "
              "{total}개(인쇄된 반올림 값의 합으로도 {rows_sum}), float32로 약 {mb} MB입니다. \"{printed} ≈ "
              "{printed_mb} MB\"는 널리 쓰이는 강의 슬라이드에서 옮겨진 계산 실수입니다 (24M × 4 B라 해도 96 MB가 "
              "됩니다). 역전파를 위해 저장하는 값까지 치면 실제 학습 메모리는 이보다 큽니다.",
        "en": "The lecture's VGG16 memory table has correct rows but a wrong total. Its rows add up to {total} "
              "values (even the rounded printed labels sum to {rows_sum}), about {mb} MB in float32 — not "
              "\"{printed} ≈ {printed_mb} MB\", an arithmetic slip carried over from a widely used course "
              "slide (24M × 4 B would even be 96 MB). Training needs more than this, since backpropagation "
              "keeps extra values."},
    "p15.vgg.weights": {
        "ko": "가중치(편향 제외)는 {weights}개로 강의와 같고, 편향까지 더하면 {params}개 ≈ {printed}입니다. "
              "대부분이 첫 완전연결층(7×7×512 → 4096)에 있습니다.",
        "en": "The weights without biases, {weights}, match the lecture; with biases {params} ≈ {printed}. "
              "Most of them sit in the first fully connected layer (7×7×512 → 4096)."},
    "p15.inc.shape": {"ko": "인셉션 (3a)", "en": "Inception (3a)"},
    "p15.inc.weights": {"ko": "합성곱 가중치 (편향 제외)", "en": "Conv weights (no biases)"},
    "p15.inc.weights_help": {"ko": "1×1 병목이 없으면 훨씬 많아집니다.", "en": "Without the 1×1 bottlenecks it would be far more."},
    "p15.inc.macs": {"ko": "곱셈-누산 (MAC)", "en": "Multiply-accumulates"},
    "p15.inc.note": {
        "ko": "강의의 \"{lecture_k}\"는 1K = 1024로 센 값({k}K)이고, \"{lecture_m}\"은 {m}M MAC입니다.",
        "en": "The lecture's \"{lecture_k}\" counts 1K = 1024 ({k}K) and its \"{lecture_m}\" is {m}M MACs."},
    "p15.year.title": {"ko": "연도별 파라미터 수", "en": "Parameters by year"},
    "p15.year.text": {
        "ko": "레지스트리에 등록된 모든 유명 모델의 파라미터 수(로그 눈금)입니다. 2014년 VGG16이 정점이고, 이후 "
              "GoogLeNet과 ResNet은 더 깊으면서도 파라미터는 훨씬 적습니다.",
        "en": "Parameters (log scale) of every famous model in the registry. VGG16 (2014) is the peak; GoogLeNet "
              "and ResNet go deeper with far fewer parameters."},
    "p15.year.year": {"ko": "발표 연도", "en": "year"},
    "p15.year.params": {"ko": "파라미터 수 (로그)", "en": "parameters (log)"},
    "p15.year.family": {"ko": "계열", "en": "family"},
    "p15.year.note": {
        "ko": "파라미터를 줄인 비결: 큰 완전연결층 대신 전역 평균 풀링, 1×1 합성곱 병목, 그리고 잔차 연결로 "
              "깊이를 늘리는 것입니다.",
        "en": "How parameters went down: global average pooling instead of large fully connected layers, 1×1 "
              "bottleneck convolutions, and residual connections that make depth affordable."},
    "p15.blocks.title": {"ko": "인셉션, 잔차, SE 블록", "en": "Inception, residual and SE blocks"},
    "p15.blocks.inception": {
        "ko": "**인셉션 (GoogLeNet)**: 1×1, 3×3, 5×5 합성곱과 풀링을 나란히 적용하고 채널 방향으로 이어 붙입니다. "
              "큰 합성곱 앞의 1×1 합성곱이 채널을 줄여(병목) 계산량을 크게 줄입니다.",
        "en": "**Inception (GoogLeNet)**: 1×1, 3×3 and 5×5 convolutions and a pooling run side by side and are "
              "concatenated along the channels. A 1×1 convolution before the big ones reduces the channels "
              "(a bottleneck) and cuts the cost."},
    "p15.blocks.residual": {
        "ko": "**잔차 블록 (ResNet)**: 블록은 입력에 더할 차이 F(x)만 배웁니다. 지름길(x)을 통해 기울기가 "
              "그대로 흐르므로(ReLU 앞에서 ∂y/∂x에 I가 더해짐) 152층도 학습됩니다.",
        "en": "**Residual block (ResNet)**: the block learns only the change F(x) added to its input. The "
              "shortcut passes the gradient straight through (before the ReLU an identity I is added to ∂y/∂x), so even 152 "
              "layers train."},
    "p15.blocks.se": {
        "ko": "**SE 블록 (SENet)**: 채널마다 전역 평균(squeeze)을 내고, 작은 2층 신경망이 채널별 중요도 s ∈ (0, 1)을 "
              "계산해(excitation) 각 채널에 곱합니다. 적은 파라미터로 채널 주의(attention)를 더합니다.",
        "en": "**SE block (SENet)**: each channel is averaged globally (squeeze), a tiny two-layer network "
              "computes a per-channel weight s ∈ (0, 1) (excitation), and each channel is multiplied by it — "
              "channel attention for few parameters."},
    "p15.vgg.err.said": {"ko": "TOTAL memory: 24M * 4 bytes ~ 93MB / image", "en": "TOTAL memory: 24M * 4 bytes ~ 93MB / image"},
    "p15.vgg.err.correct": {"ko": "{total}개 ≈ {mb} MB (float32, 이미지 1장, 순전파)", "en": "{total} values ≈ {mb} MB (float32, one image, forward)"},
    "p15.vgg.plus.said": {"ko": "weights: (3*3*3)+64 = 1,728, (3*3*64)+64 = 36,864, …",
                          "en": "weights: (3*3*3)+64 = 1,728, (3*3*64)+64 = 36,864, …"},
    "p15.vgg.plus.correct": {"ko": "(3·3·3)×64 = 1,728, (3·3·64)×64 = 36,864, …", "en": "(3·3·3)×64 = 1,728, (3·3·64)×64 = 36,864, …"},
    "p15.vgg.plus.why": {"ko": "가중치는 (k·k·C_in) × 필터 수입니다. \"+\"로 계산하면 (3·3·3)+64 = {plus}가 됩니다. 표는 "
                               "편향을 세지 않으므로(\"no bias\") 더하는 항도 없습니다.",
                         "en": "Weights are (k·k·C_in) × filters; with \"+\" (3·3·3)+64 would be {plus}. The table counts "
                               "no biases (\"no bias\"), so there is nothing to add."},
    "p15.stack.title": {"ko": "VGG의 논리: 3×3을 쌓으면", "en": "VGG's argument: stacking 3×3"},
    "p15.stack.text": {
        "ko": "강의: \"3x3 2개 = 5x5 1개, 3x3 3개 = 7x7 1개, 파라미터 수 감소\". 스트라이드 1의 3×3을 n개 쌓으면 "
              "출력 한 칸이 보는 입력 영역(수용 영역)이 (2n + 1)×(2n + 1)입니다. 입력·출력 채널이 모두 C이면 가중치는 "
              "9n·C²개로, 같은 영역을 한 번에 보는 (2n + 1)²·C²개보다 적고 비선형 함수(ReLU)는 n번 들어갑니다.",
        "en": "The lecture: \"two 3×3 = one 5×5, three 3×3 = one 7×7, fewer parameters\". n stacked stride-1 3×3 "
              "convolutions let one output cell see a (2n + 1)×(2n + 1) input region (receptive field). With C "
              "input and C output channels that costs 9n·C² weights instead of (2n + 1)²·C² for one big filter, "
              "and adds n nonlinearities (ReLUs) instead of one."},
    "p15.stack.c": {"ko": "채널 수 C", "en": "Channels C"},
    "p15.stack.layers": {"ko": "3×3 층 수 n", "en": "3×3 layers n"},
    "p15.stack.field": {"ko": "수용 영역", "en": "receptive field"},
    "p15.stack.stacked": {"ko": "3×3 n개의 가중치", "en": "weights, n × 3×3"},
    "p15.stack.single": {"ko": "큰 필터 하나의 가중치", "en": "weights, one big filter"},
    "p15.stack.ratio": {"ko": "비율", "en": "ratio"},
    "p15.zf.variant": {"ko": "ZFNet 3–5층 채널", "en": "ZFNet layers 3–5"},
    "p15.zf.paper": {"ko": "논문 Fig. 3: 384 / 384 / 256", "en": "paper's Fig. 3: 384 / 384 / 256"},
    "p15.zf.lecture": {"ko": "강의 표: 512 / 1024 / 512", "en": "lecture's table: 512 / 1024 / 512"},
    "p15.zf.text": {
        "ko": "강의의 표 8.1은 3–5층을 512 / 1024 / 512로 적습니다. 이는 논문 본문의 구조(Fig. 3: 384 / 384 / 256)가 "
              "아니라, 논문이 Table 2에서 3·4·5층을 넓혀 실험한 변형이며, 널리 쓰이는 강의 노트(CS231n)가 ZFNet을 이렇게 "
              "요약합니다. 두 구조를 바꿔 가며 비교해 보세요. 위의 층별 표는 논문 구조입니다.",
        "en": "The lecture's table 8.1 gives layers 3–5 as 512 / 1024 / 512. That is not the paper's main "
              "architecture (Fig. 3: 384 / 384 / 256) but the variant with wider layers 3, 4, 5 that the paper "
              "tries in its Table 2, which widely used course notes (CS231n) give as ZFNet. Switch between the "
              "two; the per-layer table above is the paper's."},
    "p15.zf.total": {"ko": "이 구조의 파라미터", "en": "Parameters of this variant"},
    "p15.zf.err.said": {"ko": "ZFNet 입력 : (227x227x3)", "en": "ZFNet input: (227x227x3)"},
    "p15.zf.err.correct": {"ko": "224×224×3 (논문 Fig. 3, 강의의 표 8.1)", "en": "224×224×3 (the paper's Fig. 3 and the lecture's own table 8.1)"},
    "p15.zf.err.why": {"ko": "7×7 스트라이드 2의 conv1과 풀링 뒤 224는 55×55×96이 되지만, 227은 {at227}이 됩니다. "
                             "227은 강의의 AlexNet 절에서 옮겨 온 값입니다.",
                       "en": "With conv1 7×7 stride 2 and the pooling, 224 gives 55×55×96 but 227 gives {at227}. "
                             "227 is carried over from the lecture's AlexNet section."},
    "p15.alex.lrn.title": {"ko": "국소 응답 정규화 (LRN)", "en": "Local response normalisation (LRN)"},
    "p15.alex.lrn.text": {
        "ko": "ReLU는 위쪽이 막혀 있지 않아 한 채널이 매우 큰 값을 낼 수 있습니다. AlexNet은 conv1·conv2 뒤에서 "
              "각 위치의 값을 **같은 위치의 이웃 채널 n = 5개**의 제곱합으로 나눕니다(측면 억제). k = 2, α = 10⁻⁴, "
              "β = 0.75. 아래는 한 위치의 채널 7개 중 가운데 하나가 100일 때입니다: 그 이웃 채널들이 눌립니다. VGG "
              "논문 이후로는 효과가 없다고 보아 쓰지 않고, 배치 정규화가 그 자리를 대신했습니다.",
        "en": "ReLU is unbounded above, so one channel can get very large. After conv1 and conv2 AlexNet divides "
              "each value by the sum of squares over the **n = 5 neighbouring channels at the same position** "
              "(lateral inhibition), k = 2, α = 10⁻⁴, β = 0.75. Below, one position's 7 channels with the "
              "middle one at 100: its neighbour channels are damped. Since the VGG paper found no benefit it is "
              "no longer used; batch normalisation took its place."},
    "p15.alex.lrn.channel": {"ko": "채널", "en": "channel"},
    "p15.alex.lrn.before": {"ko": "LRN 전 a", "en": "a before LRN"},
    "p15.alex.lrn.after": {"ko": "LRN 후 b", "en": "b after LRN"},
    "p15.alex.lrn.err.said": {"ko": "매우 높은 한 픽셀이 다른 픽셀에 미치는 영향을 방지", "en": "keeps one very high pixel from affecting other pixels"},
    "p15.alex.lrn.err.correct": {"ko": "같은 위치에서 이웃한 채널(커널 맵) 사이의 정규화", "en": "normalisation across neighbouring channels (kernel maps) at the same position"},
    "p15.alex.lrn.err.why": {"ko": "AlexNet 논문 §3.3: 합은 \"같은 공간 위치의 인접한 n개 커널 맵\"에 대해 구합니다.",
                             "en": "AlexNet paper §3.3: the sum runs over \"n adjacent kernel maps at the same spatial position\"."},
    "p15.alex.err.said": {"ko": "2nd: 256 kernels of size 5×5×48 … 96×5×5×256 + 256 = 614,656 (4th, 5th: 3×3×192 … 384×3×3×…)",
                          "en": "2nd: 256 kernels of size 5×5×48 … 96×5×5×256 + 256 = 614,656 (4th, 5th: 3×3×192 … 384×3×3×…)"},
    "p15.alex.err.correct": {"ko": "5×5×48 커널이면 48×5×5×256 + 256 = {conv2}; 614,656은 5×5×96 커널(나누지 않은 경우)의 값",
                             "en": "with 5×5×48 kernels 48×5×5×256 + 256 = {conv2}; 614,656 is for 5×5×96 kernels (no split)"},
    "p15.alex.err.why": {"ko": "커널 크기는 논문의 GPU 두 대 분할(groups = 2)을, 파라미터 수는 분할하지 않은 구조를 따릅니다. "
                               "위의 토글로 두 경우를 비교하세요.",
                         "en": "The kernel shapes follow the paper's two-GPU split (groups = 2), the counts an unsplit "
                               "network. Compare both with the toggle above."},
    "p15.alex.fc.said": {"ko": "6th: FC 4096 → 4096×4096 + 4096 = 16,781,312, 7th: FC 4096 → 4096×1000 + 1000 = 4,097,000",
                         "en": "6th: FC 4096 → 4096×4096 + 4096 = 16,781,312, 7th: FC 4096 → 4096×1000 + 1000 = 4,097,000"},
    "p15.alex.fc.correct": {"ko": "FC6 = (6×6×256)×4096 + 4096 = 37,752,832, FC7 = 16,781,312, FC8 = 4,097,000",
                            "en": "FC6 = (6×6×256)×4096 + 4096 = 37,752,832, FC7 = 16,781,312, FC8 = 4,097,000"},
    "p15.alex.fc.why": {"ko": "강의는 각 완전연결층의 파라미터를 한 줄 위(앞 층의 제목 아래)에 적어, 제목과 숫자가 한 층씩 어긋납니다.",
                        "en": "The lecture prints each FC layer's count one line early (under the previous layer's "
                              "heading), so headings and numbers are one layer apart."},
    "p15.inc.red.title": {"ko": "1×1 축소가 있을 때와 없을 때: 인셉션 (3a)", "en": "With and without the 1×1 reductions: inception (3a)"},
    "p15.inc.red.text": {
        "ko": "강의: \"1x1 convolution layer를 통해 연산량 감소 효과\". 3×3과 5×5 합성곱이 192채널 전체를 바로 "
              "읽으면(논문 Fig. 2a의 단순한 모듈, 출력은 같은 28×28×256) 얼마나 드는지 계산했습니다.",
        "en": "The lecture: \"1×1 convolutions reduce the computation\". Computed: the same block when the 3×3 "
              "and 5×5 convolutions read all 192 channels directly (the paper's naive module, Fig. 2a, same "
              "28×28×256 output)."},
    "p15.inc.red.with": {"ko": "1×1 축소 있음 (GoogLeNet)", "en": "with 1×1 reductions (GoogLeNet)"},
    "p15.inc.red.without": {"ko": "1×1 축소 없음", "en": "without 1×1 reductions"},
    "p15.inc.red.case": {"ko": "구조", "en": "block"},
    "p15.inc.red.weights": {"ko": "가중치 (편향 제외)", "en": "weights (no biases)"},
    "p15.inc.red.macs": {"ko": "곱셈-누산 (MAC)", "en": "multiply-accumulates (MACs)"},
    "p15.inc.red.saving": {"ko": "1×1 축소로 가중치와 MAC가 {x}배 줄어듭니다.", "en": "The 1×1 reductions cut weights and MACs by {x}×."},
    "p15.fire.title": {"ko": "SE 블록과 fire 모듈은 다른 것", "en": "The SE block and the fire module are different things"},
    "p15.fire.err.said": {
        "ko": "SE Block(fire module) … More efficient distributed training, Less overhead when exporting new models to "
              "clients, Feasible FPGA and embedded deployment",
        "en": "SE Block(fire module) … More efficient distributed training, Less overhead when exporting new models to "
              "clients, Feasible FPGA and embedded deployment"},
    "p15.fire.err.correct": {
        "ko": "fire 모듈과 이 세 가지 장점은 SqueezeNet(Iandola et al., 2016)의 것입니다. SENet의 SE 블록은 채널별 "
              "재보정(squeeze → excitation → scale)입니다",
        "en": "The fire module and these three benefits are SqueezeNet's (Iandola et al., 2016). SENet's SE block is "
              "channel re-calibration (squeeze → excitation → scale)"},
    "p15.fire.err.why": {"ko": "세 문장은 SqueezeNet 논문 서론의 \"작은 CNN의 장점\"입니다.",
                         "en": "The three sentences are the SqueezeNet paper's introduction: the advantages of small CNNs."},
    "p15.fire.text": {
        "ko": "**fire 모듈 (SqueezeNet)**: 1×1 합성곱으로 채널을 확 줄이고(squeeze), 1×1과 3×3 합성곱 두 갈래로 다시 "
              "늘려(expand) 이어 붙입니다. 목적은 파라미터 절약입니다. **SE 블록**은 특성 맵의 모양을 바꾸지 않고 "
              "채널마다 0–1 사이의 가중치를 곱할 뿐입니다. 둘 다 128채널 맵에서 파라미터를 셌습니다.",
        "en": "**Fire module (SqueezeNet)**: a 1×1 convolution squeezes the channels, then two branches, 1×1 and 3×3, "
              "expand them again and are concatenated — to save parameters. The **SE block** keeps the feature map's "
              "shape and only multiplies each channel by a weight in (0, 1). Both counted on 128-channel maps."},
    "p15.fire.se": {"ko": "SE 블록 (C = 128, r = 16)", "en": "SE block (C = 128, r = 16)"},
    "p15.fire.fire": {"ko": "fire 모듈 (fire2: 96 → 16 → 64 + 64)", "en": "Fire module (fire2: 96 → 16 → 64 + 64)"},
    "p15.res.err.said": {"ko": "\"F(x)\"를 최소화(0) 하는 것을 목적으로 한다. 즉, \"H(x)-x\"(=residual)를 최소화 하는 것이다.",
                         "en": "The aim is to minimise \"F(x)\" (to 0), i.e. to minimise \"H(x)-x\" (the residual)."},
    "p15.res.err.correct": {
        "ko": "학습의 목적은 여전히 손실 최소화입니다. 블록이 H(x) 대신 잔차 F(x) = H(x) − x를 배우도록 바꾼 것이고, "
              "항등 사상이 최적에 가까우면 F(x)를 0 쪽으로 보내기가 쉽다는 것이 논문의 가설입니다",
        "en": "Training still minimises the loss. The block is re-parametrised to learn the residual F(x) = H(x) − x "
              "instead of H(x); the paper's hypothesis is that when the identity is nearly optimal, pushing F(x) "
              "towards 0 is easier"},
    "p15.res.err.why": {"ko": "He et al. (2015) §3.1. F(x)가 0이 되도록 강제하는 항은 손실 어디에도 없습니다.",
                        "en": "He et al. (2015), §3.1. No term of the loss forces F(x) to 0."},
    "p15.inc.err.said": {"ko": "inception (3a) … params {lecture_k}", "en": "inception (3a) … params {lecture_k}"},
    "p15.inc.err.correct": {"ko": "{weights}개 ≈ {k1000}K (1K = 1,000; 편향 제외)", "en": "{weights} ≈ {k1000}K (1K = 1,000; no biases)"},
    # ------------------------------------------------------------------ page 16
    "p16.title": {"ko": "우리 모델", "en": "Our models"},
    "p16.intro": {
        "ko": "이 저장소의 코드로 직접 학습해 ONNX로 내보낸 모델들입니다. 모델 카드(`models/*.json`)에 적힌 "
              "정확도와 신뢰구간, 혼동 행렬, 학습 곡선, 학습한 하드웨어와 시간을 그대로 보여 줍니다. 아래에서는 "
              "MNIST 신경망을 작은 부분집합으로 몇 초 동안 직접 학습시켜 볼 수 있습니다.",
        "en": "Models trained with this repository's code and exported to ONNX. Their model cards "
              "(`models/*.json`) give the accuracy with its confidence interval, the confusion matrix, the "
              "training curves and the hardware and time used — shown here as they are. Below, you can train "
              "an MNIST network on a small subset for a few seconds yourself."},
    "p16.cards.title": {"ko": "모델 카드", "en": "Model cards"},
    "p16.cards.text": {"ko": "정확도는 학습에 쓰지 않은 테스트 세트에서 잰 값이며, 괄호는 95% 윌슨 신뢰구간입니다.",
                       "en": "Accuracies are measured on a test set never used for training; the interval is "
                             "the 95 % Wilson interval."},
    "p16.cards.missing": {"ko": "아직 내보내지 않은 모델: {models}",
                          "en": "Not exported here yet: {models}"},
    "p16.cards.none": {"ko": "아직 모델이 없습니다: `{folder}`에 모델 카드(*.json)가 없습니다. 모델을 학습하고 "
                             "내보내면(`python -m core.pipeline.train …`, `python -m core.pipeline.export …`) 여기에 나타납니다.",
                       "en": "No models yet: there is no model card (*.json) in `{folder}`. Train and export a "
                             "model (`python -m core.pipeline.train …`, `python -m core.pipeline.export …`) and it appears here."},
    "p16.cards.broken": {"ko": "모델 카드 `{name}`을(를) 읽을 수 없습니다: {error}",
                         "en": "Cannot read the model card `{name}`: {error}"},
    "p16.col.model": {"ko": "모델", "en": "model"},
    "p16.col.task": {"ko": "과제", "en": "task"},
    "p16.col.arch": {"ko": "구조", "en": "architecture"},
    "p16.col.params": {"ko": "파라미터", "en": "parameters"},
    "p16.col.acc": {"ko": "테스트 정확도", "en": "test accuracy"},
    "p16.col.ci": {"ko": "95% 신뢰구간", "en": "95 % CI"},
    "p16.task.digit": {"ko": "손글씨 숫자", "en": "handwritten digit"},
    "p16.task.pet": {"ko": "개 vs 고양이", "en": "dog vs cat"},
    "p16.pick": {"ko": "자세히 볼 모델", "en": "Model to inspect"},
    "p16.acc": {"ko": "테스트 정확도", "en": "Test accuracy"},
    "p16.ci": {"ko": "95% 신뢰구간 (윌슨)", "en": "95 % interval (Wilson)"},
    "p16.n": {"ko": "테스트 이미지 수 n", "en": "Test images n"},
    "p16.params": {"ko": "파라미터 수", "en": "Parameters"},
    "p16.split": {"ko": "평가: {split} · 데이터: {data}", "en": "Evaluated on: {split} · data: {data}"},
    "p16.device": {"ko": "학습 장치", "en": "Device"},
    "p16.wall": {"ko": "학습 시간", "en": "Training time"},
    "p16.wall.value": {"ko": "{minutes}분", "en": "{minutes} min"},
    "p16.epochs": {"ko": "에폭", "en": "Epochs"},
    "p16.hardware": {"ko": "하드웨어: {hardware} · 날짜: {date} · 명령: `{command}`",
                     "en": "Hardware: {hardware} · date: {date} · command: `{command}`"},
    "p16.cm.title": {"ko": "혼동 행렬 (행: 정답, 열: 예측)", "en": "Confusion matrix (rows: true, columns: predicted)"},
    "p16.cm.true": {"ko": "정답", "en": "true"},
    "p16.cm.pred": {"ko": "예측", "en": "predicted"},
    "p16.no_history": {"ko": "이 카드에는 학습 곡선이 없습니다.", "en": "This card has no training curves."},
    "p16.card_json": {"ko": "모델 카드 원문 (JSON)", "en": "The raw model card (JSON)"},
    "p16.live.title": {"ko": "직접 학습해 보기: MNIST 미니 학습", "en": "Train one yourself: a mini MNIST run"},
    "p16.live.text": {
        "ko": "MNIST 학습 이미지 앞부분 n장으로 작은 CNN을 처음부터 학습하고, 테스트 이미지 1,000장으로 "
              "정확도를 잽니다. CPU에서 수 초에서 수십 초가 걸립니다. 전체 60,000장으로 여러 에폭 학습한 위의 "
              "모델과 비교해 보세요: 데이터와 학습 시간이 정확도를 만듭니다.",
        "en": "A small CNN is trained from scratch on the first n MNIST training images and tested on 1,000 "
              "test images — seconds to tens of seconds on a CPU. Compare it with the models above, trained on "
              "all 60,000 images for several epochs: data and training time make the accuracy."},
    "p16.live.n": {"ko": "학습 이미지 수 n", "en": "Training images n"},
    "p16.live.epochs": {"ko": "에폭", "en": "Epochs"},
    "p16.live.lr": {"ko": "학습률 (AdamW)", "en": "Learning rate (AdamW)"},
    "p16.live.start": {"ko": "학습 시작", "en": "Start training"},
    "p16.live.progress": {"ko": "학습 중…", "en": "Training…"},
    "p16.live.hint": {"ko": "버튼을 누르면 학습이 시작됩니다. 페이지를 열기만 해서는 아무것도 학습하지 않습니다.",
                      "en": "Press the button to start. Opening the page trains nothing."},
    "p16.live.no_data": {"ko": "MNIST 데이터를 찾지 못했습니다. DL_DATA_DIR을 MNIST/가 있는 폴더로 지정하세요.\n\n{error}",
                         "en": "MNIST was not found. Point DL_DATA_DIR at the folder that contains MNIST/.\n\n{error}"},
    "p16.live.step": {"ko": "학습 단계 (미니배치)", "en": "step (mini-batch)"},
    "p16.live.loss": {"ko": "학습 손실", "en": "training loss"},
    "p16.live.chart": {"ko": "{arch} 학습 손실: 이미지 {n}장, {epochs}에폭",
                       "en": "{arch} training loss: {n} images, {epochs} epoch(s)"},
    "p16.live.arch": {"ko": "신경망", "en": "Network"},
    "p16.live.last_loss": {"ko": "마지막 미니배치 손실", "en": "Last mini-batch loss"},
    "p16.live.test_acc": {"ko": "테스트 정확도 (1,000장)", "en": "Test accuracy (1,000 images)"},
    "p16.demo.title": {"ko": "Gradio 데모", "en": "The Gradio demo"},
    "p16.demo.text": {"ko": "위의 모델들로 직접 그린 숫자와 개·고양이 사진을 분류해 보세요.",
                      "en": "Try the models above on a digit you draw or on a photo of a dog or a cat."},
    "p16.demo.button": {"ko": "Gradio 데모 열기", "en": "Open the Gradio demo"},
    # page 16: calibration, the "I don't know" gate, extra held-out sets (issues 16, 19)
    "p16.extra.title": {"ko": "**MNIST 밖의 손글씨** — 직접 만든 검증 세트(`drawn_`: 펜 획, 픽셀 아트, 회전, 투명 PNG, "
                              "글꼴, 그늘진 종이를 찍은 사진)와 다른 출처의 실제 손글씨(`optdigits_`: UCI optdigits, 13명이 쓴 8 × 8 숫자)의 정확도",
                        "en": "**Digits that are not MNIST** — accuracy on our own held-out sets (`drawn_`: pen strokes, "
                              "pixel art, rotated, transparent PNG, fonts, a photo of a page in uneven light) and on real handwriting from another source "
                              "(`optdigits_`: UCI optdigits, 8 × 8 digits by 13 writers)"},
    "p16.extra.set": {"ko": "세트", "en": "set"},
    "p16.cal.text": {"ko": "**보정(calibration)** — 모델이 \"90 %\"라고 할 때 정말 열 번 중 아홉 번 맞을까요? 검증 세트에서 "
                           "온도 T 하나를 맞춰 로짓을 T로 나눕니다(온도 스케일링, Guo 외 2017). 예측한 클래스는 바뀌지 않고 "
                           "확신의 크기만 바뀝니다. ECE(기대 보정 오차)는 신뢰도 구간마다 |정확도 − 신뢰도|의 가중 평균입니다.",
                     "en": "**Calibration** — when the model says \"90 %\", is it right 9 times out of 10? One temperature T "
                           "is fitted on a validation split and the logits are divided by it (temperature scaling, Guo et al. "
                           "2017): the predicted class never changes, only how sure the model says it is. ECE (expected "
                           "calibration error) is the bin-weighted mean of |accuracy − confidence|."},
    "p16.cal.temperature": {"ko": "온도 T", "en": "temperature T"},
    "p16.cal.ece": {"ko": "ECE (검증)", "en": "ECE (validation)"},
    "p16.cal.ece_test": {"ko": "ECE (평가 세트)", "en": "ECE (held-out)"},
    "p16.cal.fitted": {"ko": "T를 맞춘 데이터: {fitted_on} (n = {n})", "en": "T fitted on: {fitted_on} (n = {n})"},
    "p16.cal.title": {"ko": "신뢰도 그림 (reliability diagram)", "en": "Reliability diagram"},
    "p16.cal.before": {"ko": "보정 전", "en": "before"},
    "p16.cal.after": {"ko": "보정 후", "en": "after"},
    "p16.cal.confidence": {"ko": "신뢰도 (구간 평균)", "en": "confidence (bin mean)"},
    "p16.cal.accuracy": {"ko": "정확도", "en": "accuracy"},
    "p16.ood.text": {"ko": "**모르겠어요** — 입력이 이 모델의 클래스 어느 것도 아니면 데모는 \"모르겠어요 · unknown\"이라고 답합니다. "
                           "규칙: {rule}. 문턱값을 고른 데이터: {chosen_on}. 아래는 문턱값 선택에 쓰지 않은 이미지에서 잰 거절 비율입니다.",
                     "en": "**I don't know** — when the input is none of this model's classes the demo answers \"모르겠어요 · "
                           "unknown\". Rule: {rule}. Thresholds chosen on: {chosen_on}. Below: rejection rates measured "
                           "on images that chose nothing."},
    "p16.ood.set": {"ko": "이미지 묶음", "en": "images"},
    "p16.ood.rejected": {"ko": "\"모르겠어요\" 비율", "en": "answered \"unknown\""},
    # page 15: ZFNet's occlusion experiment beside CAM (issue 16)
    "p15.zf.look.text": {"ko": "**모델은 어디를 보았을까?** ZFNet 논문은 이미지의 한 부분을 회색 사각형으로 가리고 정답 확률이 얼마나 "
                               "떨어지는지 재었습니다(가림 실험: 5×5 격자면 26번의 순전파). 마지막 특징 맵 뒤에 전역 평균 풀링과 "
                               "선형층만 있는 모델이라면, 선형층의 가중치를 특징 맵에 곱하기만 해도 같은 질문에 답할 수 있습니다"
                               "(클래스 활성화 맵 CAM, Zhou 외 2016: 순전파 한 번). 우리 개·고양이 모델로 둘을 나란히 비교해 보세요.",
                         "en": "**Where did the model look?** The ZFNet paper covered one part of the image with a grey square "
                               "and measured how much the right class's probability dropped (occlusion: 26 forward passes "
                               "for a 5×5 grid). For a network that ends in global average pooling and a linear layer, the "
                               "layer's weights applied to the last feature maps answer the same question (class activation "
                               "map, CAM, Zhou et al. 2016: one forward pass). Compare both on our dog-vs-cat model."},
    "p15.zf.look.photo": {"ko": "예시 사진", "en": "example photo"},
    "p15.zf.look.cam": {"ko": "CAM · 답: {label} · {ms} ms", "en": "CAM · answer: {label} · {ms} ms"},
    "p15.zf.look.occ": {"ko": "가림 실험 (ZFNet) · {ms} ms", "en": "occlusion (ZFNet) · {ms} ms"},
    "p15.zf.look.none": {"ko": "models/pets.json 또는 예시 사진이 없습니다.", "en": "models/pets.json or the example photos are missing."},
}
