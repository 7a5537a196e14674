"""core.pipeline.drawn_digits: the non-MNIST held-out digit sets (issue 16)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.pipeline import drawn_digits as dd

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("which", [s for s in dd.SETS if s != "fonts"])
def test_every_set_is_balanced_deterministic_and_decodable(which):
    a = list(dd.generate(which, per_digit=2, seed=3))
    b = list(dd.generate(which, per_digit=2, seed=3))
    assert [label for _, label in a] == [label for _, label in b] and len(a) == 20
    assert np.bincount([label for _, label in a], minlength=10).tolist() == [2] * 10
    for (im1, _), (im2, _) in zip(a, b, strict=True):
        assert isinstance(im1, Image.Image) and np.array_equal(np.asarray(im1), np.asarray(im2))
    other = list(dd.generate(which, per_digit=2, seed=4))
    assert any(not np.array_equal(np.asarray(x), np.asarray(y)) for (x, _), (y, _) in zip(a, other, strict=True))


def test_transparent_set_keeps_its_ink_only_in_alpha():
    img, _ = next(dd.generate("transparent", per_digit=1))
    rgba = np.asarray(img)
    assert img.mode == "RGBA" and rgba[..., :3].max() == 0
    assert rgba[..., 3].min() == 0 and rgba[..., 3].max() == 255


def test_every_digit_has_ink_inside_the_canvas():
    rng = np.random.default_rng(0)
    for digit in range(10):
        for style in range(len(dd.TEMPLATES[digit])):
            paths = dd.stroke_paths(digit, style, dd.random_pen(rng), rng)
            pts = np.vstack(paths)
            assert pts.min() > -0.2 and pts.max() < 1.2, (digit, style)


def test_catmull_rom_passes_through_its_points():
    pts = np.array([[0.0, 0.0], [1.0, 2.0], [3.0, 1.0], [4.0, 4.0]])
    curve = dd.catmull_rom(pts, per_segment=5)
    for p in pts:
        assert np.min(np.linalg.norm(curve - p, axis=1)) < 1e-12


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="unknown drawn-digit set"):
        list(dd.generate("napkin"))
    with pytest.raises(ValueError, match="per_digit"):
        list(dd.generate("blocky", per_digit=0))
    with pytest.raises(ValueError, match="digit must be 0-9"):
        dd.stroke_paths(10, 0, dd.Pen(), np.random.default_rng(0))


def test_the_served_digit_model_reads_pen_strokes():
    """A real check of the committed model through the serving path (not a fixed number): thick pen
    strokes on white are the demo's everyday input."""
    from core.serve.infer import load_model

    model = load_model(ROOT / "models" / "mnist.json", ["CPUExecutionProvider"])
    res = dd.evaluate(model, sets=("strokes_thick",), per_digit=5)
    r = res["strokes_thick"]
    assert r["n"] == 50 and r["correct"] == 50 - sum(r["confusions"].values())
    assert r["accuracy"] >= 0.9, r


def test_compare_tables_an_unexported_checkpoint_beside_a_served_card(fake_mnist, tmp_path):
    """The recipe-choosing table: one row per model, the served card's figures equal evaluate/score's."""
    from core.pipeline import optdigits
    from core.pipeline import train as T
    from core.serve.infer import load_model

    out = tmp_path / "run"
    assert T.main(["lenet5", "--epochs", "1", "--batch-size", "32", "--device", "cpu",
                   "--data-dir", str(fake_mnist), "--out", str(out)]) == 0
    card = ROOT / "models" / "mnist.json"
    lines = dd.compare([out / "final.pt", card], seeds=(0,), per_digit=1).splitlines()
    assert len(lines) == 4 and lines[0].startswith("| model | MNIST test | drawn sets, mean (seed 0)")
    ckpt_row, card_row = lines[2].split(" | "), lines[3].split(" | ")
    final = dd.CheckpointModel(out / "final.pt")
    assert ckpt_row[1] == f"{100 * final.card['metrics']['test']['accuracy']:.2f} %"
    served = load_model(card, ["CPUExecutionProvider"])
    drawn = np.mean([r["accuracy"] for r in dd.evaluate(served, per_digit=1, seed=0).values()])
    eight = dd.score(served, list(optdigits.generate("optdigits_8px")))["accuracy"]
    assert card_row[1] == f"{100 * served.card['metrics']['test']['accuracy']:.2f} %"
    assert card_row[2] == f"{100 * drawn:.2f}" and card_row[3].startswith(f"{100 * eight:.1f} / ")


def test_paper_table_rows_match_score_on_the_same_photos():
    """--paper: one row per card and paper model; its accuracy is :func:`score` of the same photos with
    that ``background``, and the fitted paper reads shaded pages at least as well as one grey level."""
    from core.serve.infer import Model, load_model

    card = ROOT / "models" / "mnist.json"
    table = dd.paper_models([card], seeds=(3,), per_digit=2).splitlines()
    assert len(table) == 4 and [r.split(" | ")[1] for r in table[2:]] == ["border", "local"]
    base = load_model(card, ["CPUExecutionProvider"])
    photos = list(dd.generate("photographed", 2, 3))
    accs = []
    for row, background in zip(table[2:], ("border", "local"), strict=True):
        m = Model(card={**base.card, "preprocess": {**base.card["preprocess"], "background": background}},
                  session=base.session)
        accs.append(dd.score(m, photos)["accuracy"])
        assert f"| {100 * accs[-1]:.1f} % |" in row, row
    assert accs[1] >= accs[0]
