""""Check yourself" (issue 15, part 3): every exercise generator × 50 seeds against an independent
computation (numpy / scikit-learn / torch, never ``core``), the templates format in both languages,
typed answers are graded, and the widget paths run in AppTest (right, wrong, new numbers)."""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from sklearn.metrics import accuracy_score, f1_score, log_loss, precision_score, recall_score
from streamlit.testing.v1 import AppTest

from core.nn import exercises as ex
from dashboard.i18n import LANGS, translate
from dashboard.ui import page_files, page_number

SEEDS = range(50)


# float64 torch references in this module only (see tests/conftest.py's float64_torch)
pytestmark = pytest.mark.usefixtures("float64_torch")


def _labels(cm: dict) -> tuple[np.ndarray, np.ndarray]:
    """A confusion matrix as two label vectors, so scikit-learn can recount it."""
    y_true = [0] * (cm["tn"] + cm["fp"]) + [1] * (cm["fn"] + cm["tp"])
    y_pred = [0] * cm["tn"] + [1] * cm["fp"] + [0] * cm["fn"] + [1] * cm["tp"]
    return np.array(y_true), np.array(y_pred)


def _close(a, b, tol=1e-9):
    assert math.isclose(float(a), float(b), rel_tol=tol, abs_tol=tol), (a, b)


KIND = {"dogcat": 0, "mnist": 0, "spam": 0, "covid": 0, "score": 1, "price": 1, "temperature": 1, "height": 1}


def independent(e: ex.Exercise) -> dict[str, float]:
    """The answers of ``e`` recomputed from its question's numbers alone."""
    g = e.given
    match e.id:
        case "p01.kind":
            return {"choice": KIND[g["task"]]}
        case "p02.pr":
            yt, yp = _labels(g)
            return {"precision": precision_score(yt, yp), "recall": recall_score(yt, yp)}
        case "p02.f1":
            yt, yp = _labels(g)
            return {"accuracy": accuracy_score(yt, yp), "f1": f1_score(yt, yp)}
        case "p03.ab":
            a, b = np.polyfit(g["x"], g["y"], 1)
            return {"a": a, "b": b}
        case "p03.mse":
            p = g["a"] * np.array(g["x"]) + g["b"]
            return {"mse": np.mean((p - np.array(g["y"])) ** 2)}
        case "p04.gd":
            x = torch.tensor(float(g["x0"]), requires_grad=True)
            opt = torch.optim.SGD([x], lr=g["lr"])
            out = []
            for _ in range(2):
                opt.zero_grad()
                ((x - g["c"]) ** 2).backward()
                opt.step()
                out.append(x.item())
            return {"x1": out[0], "x2": out[1]}
        case "p05.momentum":
            x = torch.tensor([g["x0"]], requires_grad=True)
            opt = torch.optim.SGD([x], lr=g["lr"], momentum=g["mu"])
            for grad in (g["g1"], g["g2"]):
                x.grad = torch.tensor([grad])
                opt.step()
            return {"x2": x.item()}
        case "p05.adam":
            x = torch.tensor([g["x0"]], requires_grad=True)
            opt = torch.optim.Adam([x], lr=g["lr"])
            x.grad = torch.tensor([g["g"]])
            opt.step()
            return {"x1": x.item()}
        case "p06.predict":
            from sklearn.linear_model import LinearRegression
            X = np.column_stack([g["x1"], g["x2"]])
            lr = LinearRegression().fit(X, g["y"])
            # the question shows the coefficients rounded to 2 decimals; they must be the fit's
            assert np.allclose([g["a1"], g["a2"], g["b"]], [*lr.coef_, lr.intercept_], atol=0.005 + 1e-9)
            return {"y": g["a1"] * g["n1"] + g["a2"] * g["n2"] + g["b"]}
        case "p07.bce":
            p = 1 / (1 + math.exp(-(g["a"] * g["x"] + g["b"])))
            return {"p": p, "loss": log_loss([g["t"]], [p], labels=[0, 1])}
        case "p08.grad":
            z = g["w"] * g["x"] + g["b"]
            return {"dw": 2 * z * g["x"], "db": 2 * z}
        case "p09.update":
            w, x = np.array([g["w1"], g["w2"]]), np.array([g["x1"], g["x2"]])
            y_hat = 1 if w @ x + g["b"] >= 0 else 0
            d = g["lr"] * (g["y"] - y_hat)
            return {"w1": w[0] + d * x[0], "w2": w[1] + d * x[1], "b": g["b"] + d}
        case "p10.forward":
            x = torch.tensor([g["x1"], g["x2"]], dtype=torch.float64)
            W = torch.tensor([[g["w11"], g["w21"]], [g["w12"], g["w22"]]])
            h = torch.sigmoid(W @ x + torch.tensor([g["b1"], g["b2"]]))
            y = torch.sigmoid(h @ torch.tensor([g["w31"], g["w32"]]) + g["b3"])
            return {"n1": h[0].item(), "y": y.item()}
        case "p11.factor":
            W1 = torch.tensor(g["W1"])
            W2 = torch.tensor(g["W2"], requires_grad=True)
            a3 = torch.sigmoid(W2 @ torch.sigmoid(W1 @ torch.tensor(g["x"])))
            (0.5 * ((a3 - torch.tensor(g["y"])) ** 2).sum()).backward()
            return {"grad": W2.grad[0, 0].item()}
        case "p12.slopes":
            z = torch.tensor(g["z"], requires_grad=True)
            out = {}
            for name, fn in (("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu)):
                (d,) = torch.autograd.grad(fn(z), z)
                out[name] = d.item()
            return out
        case "p12.vanish":
            return {"factor": 0.25 ** g["n"]}
        case "p13.bn":
            x = torch.tensor(g["x"], dtype=torch.float64)[:, None]
            y = torch.nn.functional.batch_norm(x, None, None, torch.tensor([g["gamma"]]),
                                               torch.tensor([g["beta"]]), training=True, eps=1e-5)
            return {"mean": x.mean().item(), "var": x.var(unbiased=False).item(), "y1": y[0, 0].item()}
        case "p14.size" | "p15.layer":
            conv = torch.nn.Conv2d(g["c_in"], g["f"], g["k"], stride=g["s"], padding=g["p"], device="meta")
            size = conv(torch.empty(1, g["c_in"], g["n"], g["n"], device="meta")).shape[-1]
            return {"size": size, "params": sum(p.numel() for p in conv.parameters())}
        case "p14.window":
            x = torch.tensor(g["x"], dtype=torch.float64)[None, None]
            k = torch.tensor(g["k"], dtype=torch.float64)[None, None]
            return {"value": torch.nn.functional.conv2d(x, k)[0, 0, g["i"], g["j"]].item()}
        case "p15.vgg":
            stage = torch.nn.Sequential(torch.nn.Conv2d(g["c_in"], g["f"], 3, padding=1),
                                        torch.nn.Conv2d(g["f"], g["f"], 3, padding=1), torch.nn.MaxPool2d(2)
                                        ).to("meta")
            size = stage(torch.empty(1, g["c_in"], g["n"], g["n"], device="meta")).shape[-1]
            return {"params": sum(p.numel() for p in stage.parameters()), "pooled": size}
    raise AssertionError(f"no independent computation for {e.id}")


GENERATORS = [(page, gen) for page, gens in ex.EXERCISES.items() for gen in gens]


@pytest.mark.parametrize(("page", "gen"), GENERATORS, ids=[g.__name__ for _, g in GENERATORS])
def test_generator_against_independent_computation(page, gen):
    seen = set()
    for seed in SEEDS:
        e = gen(seed)
        assert e.id.startswith(f"p{page}."), e.id
        want = independent(e)
        assert set(want) == set(e.answers), (e.id, want, e.answers)
        for name, value in want.items():
            _close(e.answers[name], value, tol=1e-7)
        # the shown solution states the answers it grades with (as rounded in its text)
        assert set(e.answers) <= set(e.steps) | {"choice"}, e.id
        for name in e.answers:
            if name in e.steps:
                _close(e.steps[name], e.answers[name], tol=1e-12)
        assert ex.check(e, {k: repr(float(v)) for k, v in e.answers.items()}).all_right
        seen.add(repr(e.given))
    assert len(seen) > 5, f"{gen.__name__}: the numbers barely change with the seed"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("page", "gen"), GENERATORS, ids=[g.__name__ for _, g in GENERATORS])
def test_templates_format_in_both_languages(page, gen, lang):
    for seed in range(10):
        e = gen(seed)
        values = dict(e.given) | dict(e.steps)
        if "task" in values:
            values |= {"task_text": translate(f"ex.task.{values['task']}", lang)}
        if "kind" in values:
            values |= {"kind_text": translate(f"ex.choice.{values['kind']}", lang),
                       "why": translate(f"ex.why.{values['kind']}", lang)}
        q = translate(f"{e.key}.q", lang, **values)
        sol = translate(f"{e.key}.sol", lang, **values)
        assert "{" not in q and "{" not in sol
        for name in e.answers:
            assert translate(f"{e.key}.f.{name}", lang)


def test_every_lecture_page_has_exercises_and_calls_self_check():
    lecture = [f for f in page_files() if page_number(f).isdigit() and int(page_number(f)) <= 15]
    assert len(lecture) == 15
    for f in lecture:
        num = page_number(f)
        assert 1 <= len(ex.EXERCISES[num]) <= 3, num
        assert f.read_text(encoding="utf-8").rstrip().splitlines()[-1].startswith(
            f'from dashboard.ui import self_check; self_check("{num}")'), f.name


@pytest.mark.parametrize(("text", "value"), [("0.75", 0.75), (".75", 0.75), ("3/4", 0.75), ("75%", 0.75),
                                             ("1,234", 1234.0), ("−2.5", -2.5), ("1e-3", 0.001),
                                             ("0.25^3", 0.015625), ("", None), ("abc", None), ("1/0", None)])
def test_parse_number(text, value):
    assert ex.parse_number(text) == value


def test_check_grades_by_the_asked_decimals():
    e = ex.precision_recall(0)
    p, r = e.answers["precision"], e.answers["recall"]
    assert ex.check(e, {"precision": f"{p:.3f}", "recall": f"{r:.3f}"}).all_right
    wrong = ex.check(e, {"precision": f"{p + 0.01:.3f}", "recall": f"{r:.3f}"})
    assert not wrong.all_right and wrong.right == {"precision": False, "recall": True}
    assert ex.check(e, {"precision": "", "recall": "x"}).missing == ["precision", "recall"]


# --------------------------------------------------------------------------- AppTest
def _page(num: str, lang: str = "ko") -> AppTest:
    f = next(f for f in page_files() if page_number(f) == num)
    at = AppTest.from_file(str(f), default_timeout=90)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def _answer(at: AppTest, num: str, i: int, values: dict[str, str]) -> AppTest:
    seed = at.session_state[f"check{num}_seed"]
    for name, v in values.items():
        at.text_input(key=f"check{num}_{i}_{seed}_{name}").input(v)
    submit = [b for b in at.button if b.label == translate("ui.check.submit", at.session_state["lang"])]
    submit[i].click()
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_p02_right_wrong_and_new_numbers(lang):
    at = _page("02", lang)
    seed = at.session_state["check02_seed"]
    e = ex.precision_recall(seed)
    assert any(translate("ex.p02.pr.q", lang, **e.given) in m.value for m in at.markdown)
    # wrong answer: an error with the worked solution computed by core
    at = _answer(at, "02", 0, {"precision": "0.001", "recall": f"{e.answers['recall']:.3f}"})
    assert at.error and translate("ui.check.wrong", lang) in at.error[0].value
    sol = translate("ex.p02.pr.sol", lang, **(e.given | e.steps))
    assert any(sol in m.value for m in at.markdown)
    # right answer
    at = _answer(at, "02", 0, {"precision": f"{e.answers['precision']:.3f}", "recall": f"{e.answers['recall']:.3f}"})
    assert [s.value for s in at.success] == [translate("ui.check.right", lang)]
    assert not at.error
    # new numbers: a new seed, new question, the old feedback gone
    at.button(key="check02_new").click()
    at.run()
    new_seed = at.session_state["check02_seed"]
    assert new_seed != seed and not at.success
    e2 = ex.precision_recall(new_seed)
    assert any(translate("ex.p02.pr.q", lang, **e2.given) in m.value for m in at.markdown)


def test_p01_choice_right_and_wrong():
    at = _page("01", "en")
    seed = at.session_state["check01_seed"]
    e = ex.task_kind(seed)
    right = e.choices[int(e.answers["choice"])]
    wrong = next(c for c in e.choices if c != right)
    at.radio(key=f"check01_0_{seed}_choice").set_value(wrong)
    next(b for b in at.button if b.label == "Check").click()
    at.run()
    assert at.error and not at.success
    at.radio(key=f"check01_0_{seed}_choice").set_value(right)
    next(b for b in at.button if b.label == "Check").click()
    at.run()
    assert at.success and not at.error


@pytest.mark.parametrize("num", ["14", "15"])
def test_cnn_pages_answer_right(num):
    at = _page(num, "en")
    seed = at.session_state[f"check{num}_seed"]
    for i, e in enumerate(ex.for_page(num, seed)):
        at = _answer(at, num, i, {k: f"{v:.0f}" for k, v in e.answers.items()})
    assert len(at.success) == len(ex.EXERCISES[num]) and not at.error


def test_famous_layers_table_matches_the_registry():
    """``core.nn.exercises.FAMOUS_LAYERS`` is written out (core.nn imports no torch); every row must be a
    real conv of the registry's model, seen with that input size at the paper's input shape."""
    from core.cnn import lecture_tables as lt
    from core.cnn import model_info

    registry = {"LeNet-5": "lenet5", "AlexNet": "alexnet", "ZFNet": "zfnet", "VGG-16": "vgg16"}
    seen: dict[str, set] = {}
    for net, name in registry.items():
        model, found = lt.meta_model(name), set()
        hooks = [m.register_forward_hook(
            lambda m, i, o, found=found: found.add((i[0].shape[-1], m.in_channels, m.kernel_size[0], m.stride[0],
                                                    m.padding[0], m.out_channels)))
            for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
        model(torch.empty(1, *model_info(name).input_shape, device="meta"))
        for h in hooks:
            h.remove()
        seen[net] = found
    for net, layer, n, c_in, k, s, p, f in ex.FAMOUS_LAYERS:
        assert (n, c_in, k, s, p, f) in seen[net], f"{net} {layer}: {(n, c_in, k, s, p, f)} not in {seen[net]}"
