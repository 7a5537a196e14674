"""Choose and record each served model's "I don't know" gate and its calibration (issue 19).

For a card in ``models/``: run the served ONNX model on *validation* images (in-distribution: a
validation slice of the training data; out-of-distribution: ``core.pipeline.ood_sets`` and the other
task's images), choose the gate's thresholds there, fit temperature scaling on the in-distribution
validation logits, then report rates on held-out images that chose nothing, and write it all into
the card's ``"ood"`` and ``"calibration"`` sections.

    python -m core.pipeline.honesty pets --data-dir ../shared/data
    python -m core.pipeline.honesty mnist --data-dir ../shared/data      # and lenet5, pets_scratch

``mnist`` / ``lenet5``: the digit gate (``core.serve.ood.DigitGate``: input statistics + max logit
and energy, a logistic model fitted here) and temperature scaling. ``pets_scratch``: temperature
scaling only, on its own validation slice.

Never tuned on a test split: the thresholds and ``T`` see only validation images.
"""
from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from core._common import atomic_write_text
from core.serve import calibration as cal
from core.serve.card import validate_card, wilson_ci
from core.serve.ood import DIGIT_FEATURES, DigitGate, PetGate, digit_features, digit_image_stats
from core.serve.preprocess import PreprocessError, prepare

log = logging.getLogger(__name__)


def run_outputs(session, card: dict, images: Iterable, batch: int = 16) -> dict[str, np.ndarray]:
    """All outputs of the served graph for ``images`` (anything ``prepare`` reads), concatenated."""
    names = [o.name for o in session.get_outputs()]
    chunks: dict[str, list] = {n: [] for n in names}
    buf: list[np.ndarray] = []

    def flush():
        if buf:
            outs = session.run(None, {session.get_inputs()[0].name: np.concatenate(buf)})
            for n, o in zip(names, outs, strict=True):
                chunks[n].append(o)
            buf.clear()

    for img in images:
        buf.append(prepare(img, card)[0])
        if len(buf) == batch:
            flush()
    flush()
    return {n: np.concatenate(v) for n, v in chunks.items() if v}


def pet_validation_files(data_dir, n: int, seed: int = 0, val_fraction: float = 0.1) -> tuple[list, np.ndarray]:
    """``n`` photos (and labels) of the transfer model's own validation slice of the *training* photos
    (the same seeded permutation ``core.pipeline.transfer`` chose its options on), spread evenly."""
    from core.pipeline.data import pets_split

    split = pets_split(data_dir, test_fraction=0.1, seed=0)
    perm = np.random.default_rng(seed).permutation(len(split.train_files))
    va = perm[:max(1, int(round(val_fraction * len(split.train_files))))]
    pick = va[np.linspace(0, len(va) - 1, min(n, len(va))).round().astype(int)]
    return [split.train_files[i] for i in pick], split.train_labels[pick]


def pet_test_files(data_dir, n: int) -> tuple[list, np.ndarray]:
    from core.pipeline.data import pets_split

    split = pets_split(data_dir, test_fraction=0.1, seed=0)
    pick = np.linspace(0, len(split.test_files) - 1, min(n, len(split.test_files))).round().astype(int)
    return [split.test_files[i] for i in pick], split.test_labels[pick]


def not_pets(split: str, data_dir, per_kind: int, n_digits: int) -> dict[str, list]:
    """Out-of-distribution images for the pet endpoint, by family."""
    from PIL import Image

    from core.pipeline import drawn_digits, ood_sets
    from core.pipeline.data import mnist_arrays

    seed = ood_sets.SPLIT_SEEDS[split]
    images, _ = mnist_arrays(train=split == "val", root=data_dir)
    rng = np.random.default_rng(seed)
    mnist = [Image.fromarray(255 - images[i], "L") for i in rng.choice(len(images), n_digits, replace=False)]
    drawn = [img for img, _ in drawn_digits.generate("strokes_thick", per_digit=max(1, n_digits // 10), seed=seed)]
    return {"textures": [img for img, _ in ood_sets.textures(per_kind, split)],
            "package_photos": ood_sets.package_photos(split),
            "digits": mnist + drawn}


def choose_pet_thresholds(mass_in, margin_in, mass_out, margin_out, max_reject_in: float = 0.005
                          ) -> tuple[float, float, float, float]:
    """The (mass, margin) thresholds that reject the most validation outsiders while rejecting at
    most ``max_reject_in`` of the validation pets (unknown iff mass < τ_m and margin < τ_g).
    Returns ``(τ_m, τ_g, in-rejection, out-rejection)`` on the validation images."""
    best = (0.0, 0.0, 0.0, 0.0)
    for tm in np.unique(np.concatenate([[0.0], np.quantile(mass_in, np.linspace(0, 0.3, 61)), [1.0]])):
        for tg in np.unique(np.concatenate([[0.0], np.quantile(margin_in, np.linspace(0, 0.3, 61))])):
            rin = float(np.mean((mass_in < tm) & (margin_in < tg)))
            rout = float(np.mean((mass_out < tm) & (margin_out < tg)))
            if rin <= max_reject_in and (rout, -tm - tg) > (best[3], -best[0] - best[1]):
                best = (float(tm), float(tg), rin, rout)
    return best


def _rate(rejected: np.ndarray) -> dict:
    k, n = int(rejected.sum()), int(rejected.size)
    return {"n": n, "rejected": k, "rate": k / n, "ci95": list(wilson_ci(k, n))}


def fit_pets(card_path: Path, data_dir, n_in: int = 400, per_kind: int = 10, n_digits: int = 40) -> dict:
    from core.serve.infer import create_session

    card = json.loads(card_path.read_text(encoding="utf-8"))
    session = create_session(card_path.parent / card["file"], ["CPUExecutionProvider"])
    t0 = time.perf_counter()
    files, labels = pet_validation_files(data_dir, n_in)
    val_in = run_outputs(session, card, files)
    val_out_by = {k: run_outputs(session, card, v) for k, v in not_pets("val", data_dir, per_kind, n_digits).items()}
    val_out = {k: np.concatenate([o[k] for o in val_out_by.values()]) for k in ("logits", "imagenet_logits")}
    card["ood"] = {"method": "pet_gate", "mass_threshold": 0.0, "margin_threshold": 0.0}
    gate = PetGate.from_card(card)
    m_in, g_in = gate.scores(val_in)
    m_out, g_out = gate.scores(val_out)
    tm, tg, rin, rout = choose_pet_thresholds(m_in, g_in, m_out, g_out)
    card["ood"] = {
        "method": "pet_gate", "mass_threshold": tm, "margin_threshold": tg,
        "rule": "unknown iff ImageNet dog+cat probability mass < mass_threshold and "
                "|logit_dog - logit_cat| < margin_threshold",
        "chosen_on": f"validation: {len(files)} photos of the transfer model's validation slice of the "
                     f"training photos; {len(val_out['logits'])} outsiders (synthetic textures, package "
                     "photos, MNIST training digits, drawn digits seed 100); at most 0.5 % of the "
                     "validation pets rejected",
        "validation": {"pets_rejected": rin, "outsiders_rejected": rout},
    }
    gate = PetGate.from_card(card)

    def rejected(outs):
        return np.array([v.unknown for v in gate.decide(outs)])

    test_files, test_labels = pet_test_files(data_dir, n_in)
    test_in = run_outputs(session, card, test_files)
    test_out_by = {k: run_outputs(session, card, v) for k, v in not_pets("test", data_dir, per_kind, n_digits).items()}
    card["ood"]["test"] = {"pets (held-out split)": _rate(rejected(test_in)),
                           **{k: _rate(rejected(v)) for k, v in test_out_by.items()}}
    card["calibration"] = cal.calibration_report(val_in["logits"], labels, fitted_on=card["ood"]["chosen_on"].split(";")[0])
    test_p = cal.softmax(test_in["logits"], card["calibration"]["temperature"])
    card["calibration"]["ece_test_before"] = cal.expected_calibration_error(cal.softmax(test_in["logits"]), test_labels)
    card["calibration"]["ece_test_after"] = cal.expected_calibration_error(test_p, test_labels)
    card["ood"]["seconds"] = round(time.perf_counter() - t0, 1)
    validate_card(card)
    atomic_write_text(card_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    return {"ood": card["ood"], "calibration": {k: v for k, v in card["calibration"].items()
                                                if not k.startswith("reliability")}}


# --------------------------------------------------------------------------- digits
# The digit gate's image statistics use the recipe's own paper model, so that a digit photographed
# in uneven light is judged on its ink and not on the shading (core.serve.preprocess.paper_level).
INK_BACKGROUND = "local"
MNIST_VAL = slice(54000, 60000)   # the last 10 % of MNIST's training set: the digits' validation slice


def _mnist_images(images: np.ndarray, idx: np.ndarray) -> list:
    """MNIST digits as a user may hand them over: half bright-on-dark arrays, half dark-on-white images."""
    from PIL import Image

    return [images[i] if j % 2 == 0 else Image.fromarray(255 - images[i], "L") for j, i in enumerate(idx)]


def digit_sets(split: str, data_dir, n_mnist: int, per_digit: int, per_kind: int, n_pets: int
               ) -> tuple[dict[str, list], dict[str, list], dict[str, np.ndarray]]:
    """``(digits by family, outsiders by family, digit labels by family)`` for the digit gate.

    ``"val"`` (chooses): MNIST training digits of :data:`MNIST_VAL`, drawn digits seed 100, pet
    training photos, textures and package photos ``"val"``. ``"test"`` (reports only): MNIST test
    digits, drawn digits seed 200, held-out pet photos, textures and package photos ``"test"``."""
    from core.pipeline import drawn_digits, ood_sets
    from core.pipeline.data import mnist_arrays

    seed = ood_sets.SPLIT_SEEDS[split]
    images, labels = mnist_arrays(train=split == "val", root=data_dir)
    pool = np.arange(len(images))[MNIST_VAL] if split == "val" else np.arange(len(images))
    idx = np.sort(np.random.default_rng(seed).choice(pool, min(n_mnist, len(pool)), replace=False))
    drawn = [pair for which in drawn_digits.SETS for pair in drawn_digits.generate(which, per_digit, seed)]
    pets = (pet_validation_files if split == "val" else pet_test_files)(data_dir, n_pets)[0]
    return ({"mnist": _mnist_images(images, idx), "drawn": [img for img, _ in drawn]},
            {"pet_photos": pets, "textures": [img for img, _ in ood_sets.textures(per_kind, split)],
             "package_photos": ood_sets.package_photos(split)},
            {"mnist": labels[idx], "drawn": np.array([y for _, y in drawn])})


def digit_inputs(images: Sequence, card: dict) -> tuple[list[dict], np.ndarray, np.ndarray]:
    """``(image stats, network inputs (N', 1, H, W), readable mask (N,))``: an image the recipe refuses
    (an empty canvas, e.g. a flat colour) is already an error answer, never a digit."""
    from core.serve.preprocess import load_image

    stats, xs, ok = [], [], []
    for src in images:
        try:
            img = load_image(src)
            x = prepare(img, card)[0]
        except PreprocessError:
            ok.append(False)
            continue
        stats.append(digit_image_stats(img, background=INK_BACKGROUND))
        xs.append(x)
        ok.append(True)
    return stats, (np.concatenate(xs) if xs else np.zeros((0,))), np.array(ok, bool)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, iters: int = 50) -> tuple[np.ndarray, float]:
    """Class-balanced L2-regularised logistic regression by Newton's method: ``(w, b)`` for
    standardised ``x (N, F)`` and ``y (N,)`` in {0, 1}."""
    n, f = x.shape
    a = np.concatenate([x, np.ones((n, 1))], axis=1)                  # (N, F+1)
    sw = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1))
    w = np.zeros(f + 1)
    reg = np.full(f + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -50, 50)))
        grad = a.T @ (sw * (p - y)) + reg * w
        hess = (a * (sw * p * (1 - p))[:, None]).T @ a + np.diag(reg) + 1e-9 * np.eye(f + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def run_batches(session, x: np.ndarray, batch: int = 256) -> np.ndarray:
    """The first output (logits) of ``session`` for ``x``, in batches."""
    name = session.get_inputs()[0].name
    return np.concatenate([session.run(None, {name: x[i:i + batch]})[0] for i in range(0, len(x), batch)])


class DigitRun:
    """One digit model's gate inputs for one split: features and logits of the readable images, by family."""

    def __init__(self, session, card: dict, families: dict[str, list]):
        self.feats, self.ok, self.logits = {}, {}, {}
        for k, imgs in families.items():
            stats, x, ok = digit_inputs(imgs, card)
            z = run_batches(session, x) if ok.any() else np.zeros((0, len(card["classes"])))
            self.feats[k] = digit_features(stats, z) if ok.any() else np.zeros((0, len(DIGIT_FEATURES)))
            self.ok[k], self.logits[k] = ok, z

    def rejected(self, gate: DigitGate, k: str) -> np.ndarray:
        """(N,) bool: refused (an error for an unreadable image, or the gate's unknown)."""
        out = np.ones(len(self.ok[k]), bool)
        if len(self.feats[k]):
            out[self.ok[k]] = gate.probability(self.feats[k]) < gate.threshold
        return out


def gate_cost_ms(gate: DigitGate, images: Sequence, logits: np.ndarray) -> float:
    """Median extra CPU time (process time: robust to a loaded machine) per request of the gate:
    the decoded upload's statistics plus the decision."""
    from core.serve.preprocess import load_image

    times = []
    for img, z in zip(images, logits, strict=False):
        img = load_image(img)
        t0 = time.process_time()
        gate.decide({"logits": z[None]}, gate.image_stats(img))
        times.append(time.process_time() - t0)
    return 1000 * float(np.median(times))


TEST_NAMES = {"mnist": "MNIST test digits", "drawn": "drawn digits seed 200", "pet_photos": "held-out pet photos",
              "textures": "textures 'test'", "package_photos": "package photos 'test'"}


def fit_digits(card_path: Path, data_dir, n_mnist: int = 1000, per_digit: int = 5, per_kind: int = 20,
               n_pets: int = 300, max_reject_in: float = 0.005) -> dict:
    """Fit the digit gate and the temperature of one digit model card and write both into it."""
    from core.serve.infer import create_session

    card = json.loads(card_path.read_text(encoding="utf-8"))
    session = create_session(card_path.parent / card["file"], ["CPUExecutionProvider"])
    t0 = time.perf_counter()
    ins, outs, val_labels = digit_sets("val", data_dir, n_mnist, per_digit, per_kind, n_pets)
    val = DigitRun(session, card, {**ins, **outs})
    f_in = np.concatenate([val.feats[k] for k in ins])
    f_out = np.concatenate([val.feats[k] for k in outs])
    x = np.concatenate([f_in, f_out])
    y = np.concatenate([np.ones(len(f_in)), np.zeros(len(f_out))])
    mean, std = x.mean(0), x.std(0) + 1e-9
    w, b = fit_logistic((x - mean) / std, y)
    gate = DigitGate(tuple(mean), tuple(std), tuple(w), b, 0.0, INK_BACKGROUND)
    # the highest threshold that rejects at most max_reject_in of each in-distribution family
    threshold = float(min(np.quantile(gate.probability(val.feats[k]), max_reject_in) for k in ins))
    gate = DigitGate(tuple(mean), tuple(std), tuple(w), b, threshold, INK_BACKGROUND)
    n_val = {k: len(v) for k, v in {**ins, **outs}.items()}
    card["ood"] = {
        "method": "digit_gate", "features": list(DIGIT_FEATURES),
        "mean": [float(v) for v in mean], "std": [float(v) for v in std],
        "weights": [float(v) for v in w], "bias": b, "threshold": threshold, "ink_background": INK_BACKGROUND,
        "rule": "unknown iff sigmoid(weights . (features - mean) / std + bias) < threshold; image features "
                "from a <= 64 px thumbnail of the upload (core.serve.ood.digit_image_stats), max logit and "
                "energy from the same forward pass; an empty canvas stays an error",
        "chosen_on": f"validation: MNIST training digits {n_val['mnist']} (indices 54000-59999, half inverted) "
                     f"and drawn digits seed 100 ({n_val['drawn']}) as digits; pet training photos "
                     f"({n_val['pet_photos']}), synthetic textures 'val' ({n_val['textures']}), package photos "
                     f"'val' ({n_val['package_photos']}) as outsiders; class-balanced logistic regression, "
                     f"threshold = the highest rejecting at most {100 * max_reject_in:g} % of each digit family",
        "validation": {k: _rate(val.rejected(gate, k)) for k in n_val},
    }
    ins_t, outs_t, test_labels = digit_sets("test", data_dir, 3 * n_mnist, per_digit, per_kind, n_pets)
    test = DigitRun(session, card, {**ins_t, **outs_t})
    card["ood"]["test"] = {TEST_NAMES[k]: _rate(test.rejected(gate, k)) for k in {**ins_t, **outs_t}}
    card["ood"]["extra_ms_cpu"] = round(gate_cost_ms(
        gate, outs_t["pet_photos"][:40] + ins_t["drawn"][:40],
        np.concatenate([test.logits["pet_photos"][:40], test.logits["drawn"][:40]])), 2)
    # Temperature on the drawn digits of seed 100: the committed model was trained on all 60000 MNIST
    # training digits and gets them all right, so a slice of them drives T to its lower bound.
    card["calibration"] = cal.calibration_report(
        val.logits["drawn"], val_labels["drawn"][val.ok["drawn"]],
        fitted_on=f"drawn digits seed 100 ({int(val.ok['drawn'].sum())}, core.pipeline.drawn_digits, all sets); "
                  "not MNIST's training digits: all were seen in training and T would hit its lower bound")
    add_test_ece(card, test.logits["drawn"], test_labels["drawn"][test.ok["drawn"]], TEST_NAMES["drawn"])
    t = card["calibration"]["temperature"]
    zm, ym = test.logits["mnist"], test_labels["mnist"][test.ok["mnist"]]
    card["calibration"]["ece_mnist_test_before"] = cal.expected_calibration_error(cal.softmax(zm), ym)
    card["calibration"]["ece_mnist_test_after"] = cal.expected_calibration_error(cal.softmax(zm, t), ym)
    card["ood"]["seconds"] = round(time.perf_counter() - t0, 1)
    validate_card(card)
    atomic_write_text(card_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    return {"ood": {k: v for k, v in card["ood"].items() if k in ("threshold", "validation", "test", "extra_ms_cpu")},
            "calibration": _short(card["calibration"])}


def add_test_ece(card: dict, logits: np.ndarray, labels: np.ndarray, what: str) -> None:
    """ECE before/after the card's temperature on held-out ``logits`` (reported, never fitted)."""
    t = card["calibration"]["temperature"]
    card["calibration"]["ece_test_before"] = cal.expected_calibration_error(cal.softmax(logits), labels)
    card["calibration"]["ece_test_after"] = cal.expected_calibration_error(cal.softmax(logits, t), labels)
    card["calibration"]["test_set"] = f"{what} ({len(labels)})"


def _short(c: dict) -> dict:
    return {k: v for k, v in c.items() if not k.startswith("reliability")}


def calibrate_pets_scratch(card_path: Path, data_dir, n_in: int = 400) -> dict:
    """Temperature scaling only (no gate) for the from-scratch pets model, on the validation slice of
    the training photos (:func:`pet_validation_files`)."""
    from core.serve.infer import create_session

    card = json.loads(card_path.read_text(encoding="utf-8"))
    session = create_session(card_path.parent / card["file"], ["CPUExecutionProvider"])
    files, labels = pet_validation_files(data_dir, n_in)
    z = run_outputs(session, card, files)["logits"]
    card["calibration"] = cal.calibration_report(
        z, labels, fitted_on=f"{len(files)} photos of the validation slice of the training photos "
                             "(core.pipeline.honesty.pet_validation_files; seen in training: the committed "
                             "model was trained on all training photos)")
    test_files, test_labels = pet_test_files(data_dir, n_in)
    add_test_ece(card, run_outputs(session, card, test_files)["logits"], test_labels, "held-out pet photos")
    validate_card(card)
    atomic_write_text(card_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    return {"calibration": _short(card["calibration"])}


def main(argv: Sequence[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("name", choices=["pets", "mnist", "lenet5", "pets_scratch"])
    p.add_argument("--models-dir", default="models")
    p.add_argument("--data-dir", default=None)
    p.add_argument("--n-in", type=int, default=400)
    args = p.parse_args(argv)
    card_path = Path(args.models_dir) / f"{args.name}.json"
    if args.name in ("mnist", "lenet5"):
        return fit_digits(card_path, args.data_dir)
    if args.name == "pets_scratch":
        return calibrate_pets_scratch(card_path, args.data_dir, args.n_in)
    return fit_pets(card_path, args.data_dir, args.n_in)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(json.dumps(main(), indent=1))
