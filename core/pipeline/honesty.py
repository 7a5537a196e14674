"""Choose and record each served model's "I don't know" gate and its calibration (issue 19).

For a card in ``models/``: run the served ONNX model on *validation* images (in-distribution: a
validation slice of the training data; out-of-distribution: ``core.pipeline.ood_sets`` and the other
task's images), choose the gate's thresholds there, fit temperature scaling on the in-distribution
validation logits, then report rates on held-out images that chose nothing, and write it all into
the card's ``"ood"`` and ``"calibration"`` sections.

    python -m core.pipeline.honesty pets --data-dir ../shared/data

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
from core.serve.ood import PetGate
from core.serve.preprocess import prepare

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


def main(argv: Sequence[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("name", choices=["pets"])
    p.add_argument("--models-dir", default="models")
    p.add_argument("--data-dir", default=None)
    p.add_argument("--n-in", type=int, default=400)
    args = p.parse_args(argv)
    return fit_pets(Path(args.models_dir) / f"{args.name}.json", args.data_dir, args.n_in)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(json.dumps(main(), indent=1))
