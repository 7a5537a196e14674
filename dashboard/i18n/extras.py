"""Strings of the explorables added by issue 15: the "check yourself" exercises at the end of every
lecture page (``ui.check.*``, ``ex.*``; numbers from ``core.nn.exercises``) and the CNN explainer
page (``p15a.*``). Questions are formatted with an exercise's ``given``, solutions with
``given | steps``."""
STRINGS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------------ self-check frame
    "ui.check.title": {"ko": "스스로 확인하기", "en": "Check yourself"},
    "ui.check.intro": {
        "ko": "강의의 예제를 새 숫자로 풀어 보세요. 답을 입력하고 **확인**을 누르면 바로 채점되고 풀이가 나옵니다. "
              "풀이의 숫자는 이 페이지가 쓰는 `core` 함수가 계산합니다.",
        "en": "The lecture's worked examples with new numbers. Type your answer and press **Check**: you get "
              "immediate feedback and the worked solution, computed by the same `core` functions as this page."},
    "ui.check.submit": {"ko": "확인", "en": "Check"},
    "ui.check.new": {"ko": "새 숫자로", "en": "New numbers"},
    "ui.check.right": {"ko": "정답입니다!", "en": "Correct!"},
    "ui.check.wrong": {"ko": "아직 아닙니다 — 풀이를 확인해 보세요.", "en": "Not yet — compare with the worked solution."},
    "ui.check.missing": {"ko": "숫자를 입력해 주세요 (예: 0.75, 3/4, 75%).",
                         "en": "Please type a number (e.g. 0.75, 3/4, 75%)."},
    "ui.check.field_right": {"ko": ":material/check: {label}: {got}", "en": ":material/check: {label}: {got}"},
    "ui.check.field_wrong": {"ko": ":material/close: {label}: {got} (정답 {want})",
                           "en": ":material/close: {label}: {got} (answer {want})"},
    "ui.check.solution": {"ko": "풀이", "en": "Worked solution"},
    "ui.check.decimals": {"ko": "소수점 아래 {d}자리까지 맞으면 정답", "en": "Counted right to {d} decimals"},
    "ui.check.integer": {"ko": "정수로 답하세요", "en": "Answer with a whole number"},
    "ui.check.choose": {"ko": "고르세요", "en": "Choose"},
    # ------------------------------------------------------------------ page 1
    "ex.choice.classification": {"ko": "분류", "en": "classification"},
    "ex.choice.regression": {"ko": "회귀", "en": "regression"},
    "ex.task.dogcat": {"ko": "사진이 개인지 고양이인지 맞히기", "en": "telling whether a photo shows a dog or a cat"},
    "ex.task.mnist": {"ko": "손글씨 숫자(MNIST)가 0–9 중 무엇인지 맞히기", "en": "reading a handwritten digit (MNIST), 0–9"},
    "ex.task.spam": {"ko": "이메일이 스팸인지 아닌지 가리기", "en": "deciding whether an e-mail is spam"},
    "ex.task.covid": {"ko": "코로나 검사 결과가 양성인지 음성인지 판정하기", "en": "calling a COVID test positive or negative"},
    "ex.task.score": {"ko": "공부한 시간으로 시험 성적(점수) 예측하기", "en": "predicting an exam score from hours of study"},
    "ex.task.price": {"ko": "면적과 위치로 집값 예측하기", "en": "predicting a house price from its size and location"},
    "ex.task.temperature": {"ko": "내일의 기온(°C) 예측하기", "en": "forecasting tomorrow's temperature (°C)"},
    "ex.task.height": {"ko": "부모의 키로 자녀의 키(cm) 예측하기", "en": "predicting a child's height (cm) from the parents'"},
    "ex.p01.kind.q": {"ko": "지도 학습 문제입니다: **{task_text}**. 분류와 회귀 중 어느 쪽일까요?",
                      "en": "A supervised-learning task: **{task_text}**. Classification or regression?"},
    "ex.p01.kind.f.choice": {"ko": "문제 유형", "en": "Kind of task"},
    "ex.p01.kind.sol": {
        "ko": "답이 정해진 범주(클래스) 중 하나이면 **분류**, 연속된 수치이면 **회귀**입니다. "
              "'{task_text}'의 답은 {why} → **{kind_text}**.",
        "en": "If the answer is one of a fixed set of categories (classes) it is **classification**; if it is a "
              "continuous number it is **regression**. The answer to '{task_text}' is {why} → **{kind_text}**."},
    "ex.why.classification": {"ko": "범주 중 하나", "en": "one of a few categories"},
    "ex.why.regression": {"ko": "연속된 수치", "en": "a continuous number"},
    # ------------------------------------------------------------------ page 2
    "ex.p02.pr.q": {
        "ko": "새 진단 키트의 혼동 행렬: TN = {tn}, FP = {fp}, FN = {fn}, TP = {tp}. 정밀도와 재현율은?",
        "en": "A new test kit's confusion matrix: TN = {tn}, FP = {fp}, FN = {fn}, TP = {tp}. "
              "What are its precision and recall?"},
    "ex.p02.pr.f.precision": {"ko": "정밀도 (Precision)", "en": "Precision"},
    "ex.p02.pr.f.recall": {"ko": "재현율 (Recall)", "en": "Recall"},
    "ex.p02.pr.sol": {
        "ko": "정밀도 = TP / (TP + FP) = {tp} / {tp_fp} = **{precision:.4f}**  \n"
              "재현율 = TP / (TP + FN) = {tp} / {tp_fn} = **{recall:.4f}**",
        "en": "Precision = TP / (TP + FP) = {tp} / {tp_fp} = **{precision:.4f}**  \n"
              "Recall = TP / (TP + FN) = {tp} / {tp_fn} = **{recall:.4f}**"},
    "ex.p02.f1.q": {
        "ko": "혼동 행렬 TN = {tn}, FP = {fp}, FN = {fn}, TP = {tp}의 정확도와 F1 점수는?",
        "en": "For TN = {tn}, FP = {fp}, FN = {fn}, TP = {tp}: what are the accuracy and the F1 score?"},
    "ex.p02.f1.f.accuracy": {"ko": "정확도 (Accuracy)", "en": "Accuracy"},
    "ex.p02.f1.f.f1": {"ko": "F1 점수", "en": "F1 score"},
    "ex.p02.f1.sol": {
        "ko": "정확도 = (TP + TN) / 전체 = ({tp} + {tn}) / {total} = **{accuracy:.4f}**  \n"
              "정밀도 = {precision:.4f}, 재현율 = {recall:.4f}  \n"
              "F1 = 2·P·R / (P + R) = **{f1:.4f}**",
        "en": "Accuracy = (TP + TN) / all = ({tp} + {tn}) / {total} = **{accuracy:.4f}**  \n"
              "Precision = {precision:.4f}, recall = {recall:.4f}  \n"
              "F1 = 2·P·R / (P + R) = **{f1:.4f}**"},
    # ------------------------------------------------------------------ page 3
    "ex.p03.ab.q": {
        "ko": "공부한 시간 x = {x}, 성적 y = {y}. 최소제곱법으로 y = ax + b의 a와 b를 구하세요.",
        "en": "Hours studied x = {x}, scores y = {y}. Find a and b of y = ax + b by least squares."},
    "ex.p03.ab.f.a": {"ko": "기울기 a", "en": "Slope a"},
    "ex.p03.ab.f.b": {"ko": "절편 b", "en": "Intercept b"},
    "ex.p03.ab.sol": {
        "ko": "mean(x) = {x_mean:g}, mean(y) = {y_mean:g}  \n"
              "a = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = {sum_dx_dy:g} / {sum_dx_sq:g} = **{a:.4f}**  \n"
              "b = mean(y) − mean(x)·a = {y_mean:g} − {x_mean:g}·{a:.4f} = **{b:.4f}**",
        "en": "mean(x) = {x_mean:g}, mean(y) = {y_mean:g}  \n"
              "a = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)² = {sum_dx_dy:g} / {sum_dx_sq:g} = **{a:.4f}**  \n"
              "b = mean(y) − mean(x)·a = {y_mean:g} − {x_mean:g}·{a:.4f} = **{b:.4f}**"},
    "ex.p03.mse.q": {
        "ko": "직선 y = {a}x + {b}로 x = {x}의 성적 y = {y}를 예측할 때 평균 제곱 오차(MSE)는?",
        "en": "The line y = {a}x + {b} predicts the scores y = {y} at x = {x}. What is its mean squared error?"},
    "ex.p03.mse.f.mse": {"ko": "MSE", "en": "MSE"},
    "ex.p03.mse.sol": {
        "ko": "예측 p = {p}, 오차 p − y = {err}  \nMSE = (1/4) Σ (p − y)² = **{mse:.2f}**",
        "en": "Predictions p = {p}, errors p − y = {err}  \nMSE = (1/4) Σ (p − y)² = **{mse:.2f}**"},
    # ------------------------------------------------------------------ page 4
    "ex.p04.gd.q": {
        "ko": "f(x) = (x − {c})²에서 x₀ = {x0}, 학습률 λ = {lr}로 경사 하강법 x_(k+1) = x_k − λ f′(x_k)를 두 번 "
              "적용하면 x₁, x₂는?",
        "en": "Gradient descent x_(k+1) = x_k − λ f′(x_k) on f(x) = (x − {c})² from x₀ = {x0} with λ = {lr}: "
              "what are x₁ and x₂?"},
    "ex.p04.gd.f.x1": {"ko": "x₁", "en": "x₁"},
    "ex.p04.gd.f.x2": {"ko": "x₂", "en": "x₂"},
    "ex.p04.gd.sol": {
        "ko": "f′(x) = 2(x − {c})  \nf′(x₀) = {g0:g} → x₁ = {x0} − {lr}·{g0:g} = **{x1:.4f}**  \n"
              "f′(x₁) = {g1:.4f} → x₂ = **{x2:.4f}**",
        "en": "f′(x) = 2(x − {c})  \nf′(x₀) = {g0:g} → x₁ = {x0} − {lr}·{g0:g} = **{x1:.4f}**  \n"
              "f′(x₁) = {g1:.4f} → x₂ = **{x2:.4f}**"},
    # ------------------------------------------------------------------ page 5
    "ex.p05.momentum.q": {
        "ko": "모멘텀 SGD (lr = {lr}, μ = {mu}; b ← μb + g, x ← x − lr·b, 처음 b = g): x₀ = {x0}, 기울기 g₁ = {g1}, "
              "g₂ = {g2}. 두 걸음 뒤의 x₂는?",
        "en": "SGD with momentum (lr = {lr}, μ = {mu}; b ← μb + g, x ← x − lr·b, first b = g): x₀ = {x0}, "
              "gradients g₁ = {g1}, g₂ = {g2}. What is x₂ after two steps?"},
    "ex.p05.momentum.f.x2": {"ko": "x₂", "en": "x₂"},
    "ex.p05.momentum.sol": {
        "ko": "b₁ = g₁ = {b1:g}, x₁ = {x0} − {lr}·{b1:g} = {x1:.4f}  \n"
              "b₂ = {mu}·{b1:g} + {g2} = {b2:.4f}, x₂ = {x1:.4f} − {lr}·{b2:.4f} = **{x2:.4f}**",
        "en": "b₁ = g₁ = {b1:g}, x₁ = {x0} − {lr}·{b1:g} = {x1:.4f}  \n"
              "b₂ = {mu}·{b1:g} + {g2} = {b2:.4f}, x₂ = {x1:.4f} − {lr}·{b2:.4f} = **{x2:.4f}**"},
    "ex.p05.adam.q": {
        "ko": "Adam (lr = {lr}, β₁ = 0.9, β₂ = 0.999)의 첫 걸음: x₀ = {x0}, 기울기 g = {g}. x₁은?",
        "en": "Adam's first step (lr = {lr}, β₁ = 0.9, β₂ = 0.999): x₀ = {x0}, gradient g = {g}. What is x₁?"},
    "ex.p05.adam.f.x1": {"ko": "x₁", "en": "x₁"},
    "ex.p05.adam.sol": {
        "ko": "m = 0.1·g = {m:g}, v = 0.001·g² = {v:.6g}  \n편향 보정: m̂ = m/0.1 = {m_hat:g}, v̂ = v/0.001 = {v_hat:.6g}  \n"
              "x₁ = x₀ − lr·m̂/(√v̂ + ε) = x₀ − lr·sign(g) = **{x1:.4f}** — 첫 걸음의 크기는 기울기 크기와 상관없이 lr입니다.",
        "en": "m = 0.1·g = {m:g}, v = 0.001·g² = {v:.6g}  \nBias correction: m̂ = m/0.1 = {m_hat:g}, "
              "v̂ = v/0.001 = {v_hat:.6g}  \n"
              "x₁ = x₀ − lr·m̂/(√v̂ + ε) = x₀ − lr·sign(g) = **{x1:.4f}** — the first step is lr long, whatever the "
              "gradient's size."},
    # ------------------------------------------------------------------ page 6
    "ex.p06.predict.q": {
        "ko": "공부 시간 x₁ = {x1}, 과외 x₂ = {x2}, 성적 y = {y}에 맞춘 다중 선형 회귀는 "
              "y = {a1}·x₁ + {a2}·x₂ + {b}입니다 (계수는 반올림). 공부 {n1}시간, 과외 {n2}회인 학생의 예상 성적은?",
        "en": "Multiple regression fitted to hours x₁ = {x1}, tutoring x₂ = {x2}, scores y = {y} gives "
              "y = {a1}·x₁ + {a2}·x₂ + {b} (rounded). What score does it predict for {n1} hours and {n2} tutoring "
              "sessions?"},
    "ex.p06.predict.f.y": {"ko": "예상 성적", "en": "Predicted score"},
    "ex.p06.predict.sol": {
        "ko": "ŷ = {a1}·{n1} + {a2}·{n2} + {b} = **{y:.2f}**",
        "en": "ŷ = {a1}·{n1} + {a2}·{n2} + {b} = **{y:.2f}**"},
    # ------------------------------------------------------------------ page 7
    "ex.p07.bce.q": {
        "ko": "로지스틱 회귀 y = σ(ax + b), a = {a}, b = {b}. 공부 {x}시간인 학생의 합격 확률 p와, 실제 결과가 "
              "t = {t}일 때 이 한 명의 교차 엔트로피 오차는?",
        "en": "Logistic regression y = σ(ax + b) with a = {a}, b = {b}. What is the pass probability p after {x} "
              "hours, and the cross-entropy loss of this one student whose outcome is t = {t}?"},
    "ex.p07.bce.f.p": {"ko": "확률 p", "en": "Probability p"},
    "ex.p07.bce.f.loss": {"ko": "오차 L", "en": "Loss L"},
    "ex.p07.bce.sol": {
        "ko": "z = ax + b = {z:.4f}, p = 1 / (1 + e^(−z)) = **{p:.4f}**  \n"
              "L = −[t·log p + (1 − t)·log(1 − p)] = −log({p_t:.4f}) = **{loss:.4f}**",
        "en": "z = ax + b = {z:.4f}, p = 1 / (1 + e^(−z)) = **{p:.4f}**  \n"
              "L = −[t·log p + (1 − t)·log(1 − p)] = −log({p_t:.4f}) = **{loss:.4f}**"},
    # ------------------------------------------------------------------ page 8
    "ex.p08.grad.q": {
        "ko": "y = (w·x + b)², w = {w}, x = {x}, b = {b}. PyTorch의 `y.backward()`가 계산하는 ∂y/∂w와 ∂y/∂b는?",
        "en": "y = (w·x + b)² with w = {w}, x = {x}, b = {b}. What do ∂y/∂w and ∂y/∂b come out as after "
              "PyTorch's `y.backward()`?"},
    "ex.p08.grad.f.dw": {"ko": "∂y/∂w", "en": "∂y/∂w"},
    "ex.p08.grad.f.db": {"ko": "∂y/∂b", "en": "∂y/∂b"},
    "ex.p08.grad.sol": {
        "ko": "z = w·x + b = {z}, y = z² = {y:g}  \n연쇄 법칙: ∂y/∂w = 2z·x = **{dw:g}**, ∂y/∂b = 2z·1 = **{db:g}** "
              "(autograd가 기록한 그래프로 계산한 값)",
        "en": "z = w·x + b = {z}, y = z² = {y:g}  \nChain rule: ∂y/∂w = 2z·x = **{dw:g}**, ∂y/∂b = 2z·1 = **{db:g}** "
              "(the values autograd computes on the graph it recorded)"},
    # ------------------------------------------------------------------ page 9
    "ex.p09.update.q": {
        "ko": "퍼셉트론 w = ({w1}, {w2}), b = {b}, 학습률 η = {lr}. 입력 x = ({x1}, {x2}), 정답 y = {y}를 보고 "
              "규칙 w ← w + η(y − ŷ)x, b ← b + η(y − ŷ)로 한 번 고친 뒤의 w₁, w₂, b는?",
        "en": "Perceptron w = ({w1}, {w2}), b = {b}, learning rate η = {lr}. After one update on input "
              "x = ({x1}, {x2}) with target y = {y} by w ← w + η(y − ŷ)x, b ← b + η(y − ŷ): what are w₁, w₂, b?"},
    "ex.p09.update.f.w1": {"ko": "w₁", "en": "w₁"},
    "ex.p09.update.f.w2": {"ko": "w₂", "en": "w₂"},
    "ex.p09.update.f.b": {"ko": "b", "en": "b"},
    "ex.p09.update.sol": {
        "ko": "z = w·x + b = {z:.2f} → ŷ = step(z) = {y_hat}, 오차 y − ŷ = {err}  \n"
              "w₁ = **{w1:.2f}**, w₂ = **{w2:.2f}**, b = **{b:.2f}** (오차가 0이면 그대로)",
        "en": "z = w·x + b = {z:.2f} → ŷ = step(z) = {y_hat}, error y − ŷ = {err}  \n"
              "w₁ = **{w1:.2f}**, w₂ = **{w2:.2f}**, b = **{b:.2f}** (unchanged when the error is 0)"},
    # ------------------------------------------------------------------ page 10
    "ex.p10.forward.q": {
        "ko": "2-2-1 신경망 (시그모이드 σ): 입력 (x₁, x₂) = ({x1}, {x2}), w₁₁ = {w11}, w₂₁ = {w21}, b₁ = {b1}, "
              "w₁₂ = {w12}, w₂₂ = {w22}, b₂ = {b2}, w₃₁ = {w31}, w₃₂ = {w32}, b₃ = {b3}. "
              "n₁ = σ(x₁w₁₁ + x₂w₂₁ + b₁)과 출력 y_out은?",
        "en": "A 2-2-1 network (sigmoid σ): input (x₁, x₂) = ({x1}, {x2}), w₁₁ = {w11}, w₂₁ = {w21}, b₁ = {b1}, "
              "w₁₂ = {w12}, w₂₂ = {w22}, b₂ = {b2}, w₃₁ = {w31}, w₃₂ = {w32}, b₃ = {b3}. "
              "What are n₁ = σ(x₁w₁₁ + x₂w₂₁ + b₁) and the output y_out?"},
    "ex.p10.forward.f.n1": {"ko": "n₁", "en": "n₁"},
    "ex.p10.forward.f.y": {"ko": "y_out", "en": "y_out"},
    "ex.p10.forward.sol": {
        "ko": "n₁ = σ({z1:.2f}) = **{n1:.4f}**, n₂ = σ({z2:.2f}) = {n2:.4f}  \n"
              "y_out = σ(n₁w₃₁ + n₂w₃₂ + b₃) = σ({z3:.4f}) = **{y:.4f}**",
        "en": "n₁ = σ({z1:.2f}) = **{n1:.4f}**, n₂ = σ({z2:.2f}) = {n2:.4f}  \n"
              "y_out = σ(n₁w₃₁ + n₂w₃₂ + b₃) = σ({z3:.4f}) = **{y:.4f}**"},
    # ------------------------------------------------------------------ page 11
    "ex.p11.factor.q": {
        "ko": "강의의 2-2-2 신경망 (편향 없음, 시그모이드): x = {x}, 목표 y = {y}, W⁽¹⁾ = {W1}, W⁽²⁾ = {W2} "
              "(W[j][i]: i → j). ∂J/∂w⁽²⁾₁,₁ (은닉 1 → 출력 1)은?",
        "en": "The lecture's 2-2-2 network (no biases, sigmoid): x = {x}, target y = {y}, W⁽¹⁾ = {W1}, "
              "W⁽²⁾ = {W2} (W[j][i]: from i to j). What is ∂J/∂w⁽²⁾₁,₁ (hidden 1 → output 1)?"},
    "ex.p11.factor.f.grad": {"ko": "∂J/∂w⁽²⁾₁,₁", "en": "∂J/∂w⁽²⁾₁,₁"},
    "ex.p11.factor.sol": {
        "ko": "순전파: a⁽²⁾ = {a2}, a⁽³⁾ = {a3}  \n"
              "∂J/∂w = (a⁽³⁾₁ − y₁) · a⁽³⁾₁(1 − a⁽³⁾₁) · a⁽²⁾₁ = {err:.4f} · {dsig:.4f} · a⁽²⁾₁ = **{grad:.5f}**",
        "en": "Forward: a⁽²⁾ = {a2}, a⁽³⁾ = {a3}  \n"
              "∂J/∂w = (a⁽³⁾₁ − y₁) · a⁽³⁾₁(1 − a⁽³⁾₁) · a⁽²⁾₁ = {err:.4f} · {dsig:.4f} · a⁽²⁾₁ = **{grad:.5f}**"},
    # ------------------------------------------------------------------ page 12
    "ex.p12.slopes.q": {
        "ko": "z = {z}에서 시그모이드, tanh, ReLU의 기울기(도함수 값)는?",
        "en": "What are the slopes (derivatives) of sigmoid, tanh and ReLU at z = {z}?"},
    "ex.p12.slopes.f.sigmoid": {"ko": "σ′(z)", "en": "σ′(z)"},
    "ex.p12.slopes.f.tanh": {"ko": "tanh′(z)", "en": "tanh′(z)"},
    "ex.p12.slopes.f.relu": {"ko": "ReLU′(z)", "en": "ReLU′(z)"},
    "ex.p12.slopes.sol": {
        "ko": "σ(z) = {s:.4f} → σ′ = σ(1 − σ) = **{sigmoid:.4f}**  \ntanh(z) = {th:.4f} → tanh′ = 1 − tanh² = "
              "**{tanh:.4f}**  \nReLU′ = 1 (z > 0) 또는 0 (z ≤ 0) = **{relu:g}**",
        "en": "σ(z) = {s:.4f} → σ′ = σ(1 − σ) = **{sigmoid:.4f}**  \ntanh(z) = {th:.4f} → tanh′ = 1 − tanh² = "
              "**{tanh:.4f}**  \nReLU′ = 1 (z > 0) or 0 (z ≤ 0) = **{relu:g}**"},
    "ex.p12.vanish.q": {
        "ko": "시그모이드 층 {n}개를 거꾸로 지나는 기울기는, 가장 좋은 경우에도 몇 배로 줄어들까요? (σ′의 최댓값을 생각하세요)",
        "en": "Going back through {n} sigmoid layers, by what factor is the gradient multiplied at best? "
              "(Think of σ′'s largest value.)"},
    "ex.p12.vanish.f.factor": {"ko": "배율", "en": "Factor"},
    "ex.p12.vanish.sol": {
        "ko": "σ′의 최댓값은 σ′(0) = {peak:g}. 층마다 곱해지므로 {peak:g}^{n} = **{factor:.6g}** — 기울기 소실.",
        "en": "σ′ peaks at σ′(0) = {peak:g}; one factor per layer gives {peak:g}^{n} = **{factor:.6g}** — the "
              "vanishing gradient."},
    # ------------------------------------------------------------------ page 13
    "ex.p13.bn.q": {
        "ko": "미니배치 x = {x}에 배치 정규화 (γ = {gamma}, β = {beta}, ε = 1e-5). 배치 평균, 분산(N으로 나눔), "
              "그리고 첫 값 x₁의 출력 y₁은?",
        "en": "Batch normalisation of the mini-batch x = {x} (γ = {gamma}, β = {beta}, ε = 1e-5). What are the "
              "batch mean, the variance (divided by N) and the output y₁ of the first value?"},
    "ex.p13.bn.f.mean": {"ko": "평균 μ", "en": "Mean μ"},
    "ex.p13.bn.f.var": {"ko": "분산 σ²", "en": "Variance σ²"},
    "ex.p13.bn.f.y1": {"ko": "y₁", "en": "y₁"},
    "ex.p13.bn.sol": {
        "ko": "μ = **{mean:.4f}**, σ² = **{var:.4f}**  \nx̂₁ = ({x1} − μ) / √(σ² + ε) = {x_hat:.4f}  \n"
              "y₁ = γx̂₁ + β = **{y1:.4f}**",
        "en": "μ = **{mean:.4f}**, σ² = **{var:.4f}**  \nx̂₁ = ({x1} − μ) / √(σ² + ε) = {x_hat:.4f}  \n"
              "y₁ = γx̂₁ + β = **{y1:.4f}**"},
    # ------------------------------------------------------------------ page 14
    "ex.p14.size.q": {
        "ko": "{n}×{n}×{c_in} 입력에 {k}×{k} 필터 {f}개, 스트라이드 {s}, 패딩 {p}. 출력 크기(한 변)와 파라미터 수는?",
        "en": "A {n}×{n}×{c_in} input, {f} filters of {k}×{k}, stride {s}, padding {p}. What is the output size "
              "(one side) and the number of parameters?"},
    "ex.p14.size.f.size": {"ko": "출력 크기", "en": "Output size"},
    "ex.p14.size.f.params": {"ko": "파라미터 수", "en": "Parameters"},
    "ex.p14.size.sol": {
        "ko": "⌊(n − k + 2p) / s⌋ + 1 = ⌊{num} / {s}⌋ + 1 = **{size}**  \n(k·k·C_in + 1)·F = {per_filter} · {f} = **{params:,}**",
        "en": "⌊(n − k + 2p) / s⌋ + 1 = ⌊{num} / {s}⌋ + 1 = **{size}**  \n(k·k·C_in + 1)·F = {per_filter} · {f} = **{params:,}**"},
    "ex.p14.window.q": {
        "ko": "입력 {x}에 커널 {k}로 합성곱(스트라이드 1, 패딩 0)을 합니다. 출력의 ({i}, {j}) 칸(0부터 셈)의 값은?",
        "en": "Convolve the input {x} with the kernel {k} (stride 1, no padding). What is output cell ({i}, {j}) "
              "(counting from 0)?"},
    "ex.p14.window.f.value": {"ko": "출력 값", "en": "Output value"},
    "ex.p14.window.sol": {
        "ko": "창의 원소별 곱 = {products}, 모두 더하면 **{value:g}**",
        "en": "Elementwise products of the window = {products}; their sum is **{value:g}**"},
    # ------------------------------------------------------------------ page 15
    "ex.p15.layer.q": {
        "ko": "{net}의 {layer}: 입력 {n}×{n}×{c_in}, {k}×{k} 필터 {f}개, 스트라이드 {s}, 패딩 {p}. 출력 크기와 파라미터 수는?",
        "en": "{net}'s {layer}: input {n}×{n}×{c_in}, {f} filters of {k}×{k}, stride {s}, padding {p}. "
              "Output size and parameter count?"},
    "ex.p15.layer.f.size": {"ko": "출력 크기", "en": "Output size"},
    "ex.p15.layer.f.params": {"ko": "파라미터 수", "en": "Parameters"},
    "ex.p15.layer.sol": {
        "ko": "⌊({num}) / {s}⌋ + 1 = **{size}** → {size}×{size}×{f}  \n({k}·{k}·{c_in} + 1)·{f} = **{params:,}**",
        "en": "⌊({num}) / {s}⌋ + 1 = **{size}** → {size}×{size}×{f}  \n({k}·{k}·{c_in} + 1)·{f} = **{params:,}**"},
    "ex.p15.vgg.q": {
        "ko": "VGG식 단계: {n}×{n}×{c_in} 입력 → 3×3 합성곱 {f}개 (패딩 1) → 3×3 합성곱 {f}개 (패딩 1) → 2×2 최대 풀링. "
              "두 합성곱의 파라미터 합과 풀링 후 크기(한 변)는?",
        "en": "A VGG-style stage: {n}×{n}×{c_in} input → {f} 3×3 convs (pad 1) → {f} 3×3 convs (pad 1) → 2×2 max "
              "pooling. Total parameters of the two convs, and the size (one side) after pooling?"},
    "ex.p15.vgg.f.params": {"ko": "파라미터 수", "en": "Parameters"},
    "ex.p15.vgg.f.pooled": {"ko": "풀링 후 크기", "en": "Size after pooling"},
    "ex.p15.vgg.sol": {
        "ko": "(3·3·{c_in} + 1)·{f} = {p1:,}, (3·3·{f} + 1)·{f} = {p2:,} → **{params:,}**  \n"
              "3×3·패딩 1은 크기를 지킵니다: {size} → 풀링 **{pooled}**",
        "en": "(3·3·{c_in} + 1)·{f} = {p1:,}, (3·3·{f} + 1)·{f} = {p2:,} → **{params:,}**  \n"
              "3×3 with padding 1 keeps the size: {size} → pooling **{pooled}**"},
    # ------------------------------------------------------------------ page 15a: CNN explainer
    "p15a.title": {"ko": "CNN 들여다보기: 학습된 모델의 층별 출력", "en": "Inside a trained CNN, layer by layer"},
    "p15a.intro": {
        "ko": "데모가 실제로 서비스하는 숫자 인식 CNN(커밋된 LeNet-5와 현대식 MNIST 모델)을 여러분의 숫자 하나로 열어 봅니다. "
              "모든 층의 모든 특징 맵, 첫 층이 학습한 커널, 풀링, 펼친 벡터, 소프트맥스까지 — 그리고 특징 맵의 한 칸을 골라 "
              "14쪽의 합성곱 합을 **학습된 커널의 실제 숫자**로 계산해 봅니다. 모든 값은 커밋된 ONNX 파일에서 바로 계산합니다 "
              "(학습 없음, 전처리는 데모와 같은 모델 카드 설정).",
        "en": "Open up the digit CNNs that the demo really serves (the committed LeNet-5 and the modern MNIST net) on "
              "one digit of yours: every feature map of every layer, the kernels the first layer learned, pooling, the "
              "flattened vector and the softmax — then pick one cell of a feature map and redo page 14's convolution "
              "sum with the **trained kernel's real numbers**. Everything is computed from the committed ONNX files "
              "(no training; preprocessing as in the demo, from the model card)."},
    "p15a.model": {"ko": "모델", "en": "Model"},
    "p15a.model.lenet5": {"ko": "LeNet-5 (고전)", "en": "LeNet-5 (classic)"},
    "p15a.model.mnist": {"ko": "현대식 MNIST CNN", "en": "Modern MNIST CNN"},
    "p15a.source": {"ko": "입력", "en": "Input"},
    "p15a.source.draw": {"ko": "직접 그리기", "en": "Draw"},
    "p15a.source.mnist": {"ko": "MNIST 테스트 숫자", "en": "MNIST test digit"},
    "p15a.source.example": {"ko": "예시 이미지", "en": "Example image"},
    "p15a.source.upload": {"ko": "이미지 올리기", "en": "Upload"},
    "p15a.draw_hint": {"ko": "검은 칸에 숫자 하나를 크게 그리세요.", "en": "Draw one large digit on the black square."},
    "p15a.no_mnist": {"ko": "MNIST 데이터를 찾지 못했습니다 (DL_DATA_DIR). 예시 이미지나 업로드를 쓰세요.",
                      "en": "MNIST data not found (DL_DATA_DIR). Use an example image or an upload."},
    "p15a.mnist_index": {"ko": "테스트 숫자 번호 (0–9999)", "en": "Test digit number (0–9999)"},
    "p15a.mnist_random": {"ko": "무작위", "en": "Random"},
    "p15a.mnist_label": {"ko": "정답 레이블: **{label}**", "en": "True label: **{label}**"},
    "p15a.example": {"ko": "예시", "en": "Example"},
    "p15a.upload": {"ko": "손글씨 숫자 사진 (PNG, JPG …)", "en": "A photo of a handwritten digit (PNG, JPG …)"},
    "p15a.need_input": {"ko": "숫자를 그리거나 고르거나 올리면 모든 층이 여기에 나타납니다.",
                        "en": "Draw, pick or upload a digit and every layer appears here."},
    "p15a.input_caption": {"ko": "네트워크 입력 ({shape}, 카드의 전처리 후)",
                           "en": "Network input ({shape}, after the card's preprocessing)"},
    "p15a.prediction": {"ko": "예측", "en": "Prediction"},
    "p15a.confidence": {"ko": "소프트맥스 확률 {p} %", "en": "softmax probability {p} %"},
    "p15a.time": {"ko": "전처리 + 모든 층 + 그림", "en": "Preprocess + all layers + pictures"},
    "p15a.time_note": {"ko": "전처리 {pre} ms, ONNX Runtime 한 번 실행 {run} ms로 특징 맵 {n}개 층을 모두 얻습니다 (CPU).",
                       "en": "Preprocessing {pre} ms; one ONNX Runtime run of {run} ms returns all {n} feature-map "
                             "layers (CPU)."},
    "p15a.kernels.title": {"ko": "첫 층이 학습한 커널", "en": "The kernels the first layer learned"},
    "p15a.kernels.text": {
        "ko": "첫 합성곱 층의 {k}×{k} 커널 {f}개입니다. 빨강은 양수, 파랑은 음수 가중치: 대부분 방향이 있는 경계(밝음→어두움)를 "
              "찾는 모양으로 학습되었습니다. 14쪽의 '경계 검출' 커널과 비교해 보세요.",
        "en": "The first convolution's {f} kernels of {k}×{k}. Red is a positive, blue a negative weight: most learned "
              "to detect an oriented edge (bright→dark). Compare them with page 14's hand-made edge kernels."},
    "p15a.kernels.caption": {"ko": "{f}개의 {k}×{k} 커널", "en": "{f} kernels of {k}×{k}"},
    "p15a.kernels.pick": {"ko": "숫자로 볼 커널", "en": "Kernel to read in numbers"},
    "p15a.kernels.numbers": {"ko": "커널 {i}의 가중치", "en": "Weights of kernel {i}"},
    "p15a.maps.title": {"ko": "모든 층의 특징 맵", "en": "Every feature map of every layer"},
    "p15a.maps.text": {
        "ko": "한 줄이 한 층, 작은 그림 하나가 채널 하나입니다. 합성곱은 경계·획을 찾고, 활성화 함수는 음수를 줄이거나 "
              "자르며, 풀링은 크기를 절반으로 줄입니다. 층이 깊어질수록 맵은 작아지고 채널은 많아집니다. "
              "(색: 층마다 같은 눈금, 빨강 양수 · 파랑 음수)",
        "en": "One row per layer, one small picture per channel. Convolutions find edges and strokes, the "
              "activation squashes or cuts negatives, pooling halves the size; deeper maps are smaller and more "
              "numerous. (Colours: one scale per layer, red positive, blue negative.)"},
    "p15a.maps.range": {"ko": "값 {lo} … {hi}", "en": "values {lo} … {hi}"},
    "p15a.op.Conv": {"ko": "합성곱", "en": "Convolution"},
    "p15a.op.Tanh": {"ko": "tanh", "en": "tanh"},
    "p15a.op.Relu": {"ko": "ReLU", "en": "ReLU"},
    "p15a.op.AveragePool": {"ko": "평균 풀링", "en": "Average pooling"},
    "p15a.op.MaxPool": {"ko": "최대 풀링", "en": "Max pooling"},
    "p15a.pool.title": {"ko": "풀링의 효과", "en": "What pooling does"},
    "p15a.pool.text.AveragePool": {
        "ko": "{k}×{k} 평균 풀링(스트라이드 {s}): {before} → {after}. 네 칸의 평균이라 맵이 부드럽게 작아집니다.",
        "en": "{k}×{k} average pooling (stride {s}): {before} → {after}. Each output is the mean of four cells, so "
              "the map shrinks smoothly."},
    "p15a.pool.text.MaxPool": {
        "ko": "{k}×{k} 최대 풀링(스트라이드 {s}): {before} → {after}. 네 칸 중 가장 강한 반응만 남습니다.",
        "en": "{k}×{k} max pooling (stride {s}): {before} → {after}. Only the strongest of four responses survives."},
    "p15a.pool.channel": {"ko": "채널", "en": "Channel"},
    "p15a.cell.title": {"ko": "특징 맵의 한 칸 = 실제 커널 숫자로 한 합성곱 합",
                        "en": "One feature-map cell = a convolution sum with the real kernel numbers"},
    "p15a.cell.text": {
        "ko": "합성곱 층과 칸을 고르세요. 왼쪽은 그 칸이 보는 입력 영역(수용 영역, 노란 테두리)이고, 오른쪽은 14쪽과 같은 "
              "계산 — 입력 창 × 학습된 커널, 원소별 곱, 합 — 입니다. 모든 입력 채널의 합에 편향을 더하면 ONNX Runtime이 "
              "계산한 값과 같습니다. (현대식 모델은 배치 정규화가 합성곱에 합쳐져 저장되어 있어, 보이는 커널과 편향이 "
              "실제로 실행되는 숫자입니다.)",
        "en": "Pick a convolution layer and a cell. Left: the part of the input that cell sees (its receptive field, "
              "yellow frame). Right: page 14's computation — input window × trained kernel, elementwise products, "
              "sum. Summed over every input channel plus the bias, it equals the value ONNX Runtime computed. (In the "
              "modern net the exporter folded batch norm into the convolution, so the kernel and bias shown are the "
              "numbers that actually run.)"},
    "p15a.cell.layer": {"ko": "합성곱 층", "en": "Convolution layer"},
    "p15a.cell.channel": {"ko": "출력 채널", "en": "Output channel"},
    "p15a.cell.row": {"ko": "행 i", "en": "Row i"},
    "p15a.cell.col": {"ko": "열 j", "en": "Column j"},
    "p15a.cell.field": {"ko": "입력의 수용 영역: {h}×{w} 픽셀 (행 {r0}–{r1}, 열 {c0}–{c1})",
                        "en": "Receptive field on the input: {h}×{w} pixels (rows {r0}–{r1}, columns {c0}–{c1})"},
    "p15a.cell.map": {"ko": "특징 맵 채널 {c}, 칸 ({r}, {q})", "en": "Feature map channel {c}, cell ({r}, {q})"},
    "p15a.cell.in_channel": {"ko": "입력 채널 (모두 {n}개; 기여가 가장 큰 것부터)",
                             "en": "Input channel ({n} in all; the largest contribution first)"},
    "p15a.cell.patch": {"ko": "입력 창 (채널 {c})", "en": "Input window (channel {c})"},
    "p15a.cell.kernel": {"ko": "학습된 커널 (채널 {c})", "en": "Trained kernel (channel {c})"},
    "p15a.cell.products": {"ko": "원소별 곱", "en": "Elementwise products"},
    "p15a.cell.channel_sum": {"ko": "입력 채널 {c}의 곱의 합: **{s}**", "en": "Sum of the products for input channel {c}: **{s}**"},
    "p15a.cell.sum": {
        "ko": "입력 채널 {n}개의 합: {sums}, 편향 b = {bias}  \n→ 합계 **{total}** · ONNX Runtime이 계산한 칸의 값 **{value}**",
        "en": "Sums over the {n} input channels: {sums}, bias b = {bias}  \n→ total **{total}** · the cell's value "
              "computed by ONNX Runtime **{value}**"},
    "p15a.flat.title": {"ko": "펼친 벡터", "en": "The flattened vector"},
    "p15a.flat.text": {"ko": "마지막 특징 맵을 한 줄로 펼친 {n}차원 벡터 — 완전 연결층(분류기)의 입력입니다.",
                       "en": "The last feature map laid out as one {n}-dimensional vector — the input of the fully "
                             "connected classifier."},
    "p15a.flat.index": {"ko": "성분 번호", "en": "Component"},
    "p15a.flat.value": {"ko": "값", "en": "Value"},
    "p15a.softmax.title": {"ko": "소프트맥스", "en": "Softmax"},
    "p15a.softmax.text": {"ko": "마지막 층의 점수(로짓) z를 확률로 바꿉니다. 데모의 예측과 같은 값입니다.",
                          "en": "Turns the last layer's scores (logits) z into probabilities — the same numbers the "
                                "demo predicts."},
    "p15a.softmax.digit": {"ko": "숫자", "en": "Digit"},
    "p15a.softmax.p": {"ko": "확률", "en": "Probability"},
    "p15a.colors": {"ko": "색 눈금: 파랑 = 음수, 흰색 = 0, 빨강 = 양수", "en": "Colour key: blue = negative, white = 0, red = positive"},
}
