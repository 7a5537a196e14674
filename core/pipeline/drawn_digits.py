"""Held-out digits that are *not* MNIST: drawing-like sets to choose the digit recipe with.

MNIST's test set says how well a model reads MNIST; a learner's sketch on a canvas, a photo of a
digit written with a thin pen, or a digit typed in a font are different inputs. These sets are
generated (seeded, no download) in the ways people really hand a digit to the demo:

- ``strokes_thick`` / ``strokes_thin``: pen strokes from hand-written stroke templates (several
  writing styles per digit: a 1 with and without a flag, an open and a closed 4, a 7 with a bar,
  a 9 with a straight or a curved tail), randomly slanted, stretched and wobbled, dark ink on a
  white 280 × 280 canvas -- as the Sketchpad or a scanned note gives them;
- ``blocky``: the same strokes drawn at 12-16 px and upscaled with nearest-neighbour (pixel art,
  low-resolution screenshots);
- ``small_offcentre``: a small digit somewhere off-centre on a large canvas;
- ``rotated``: rotated by 15-30 degrees either way;
- ``transparent``: RGBA PNGs whose background is fully transparent and whose ink is only alpha;
- ``fonts``: digits typed in the system's TrueType fonts (DejaVu, Liberation, Nanum, ... --
  whatever ``fonts_available()`` finds; the set is empty, not faked, where none is installed);
- ``photographed``: a pen digit on a page photographed in uneven light -- grey-to-cream paper
  darkened by up to 130 levels from one side, blue-black ink, sensor noise, a little blur, saved
  as a JPEG of quality 50-85.

Each image is a PIL image exactly as a user's file would decode, so an evaluation sends it through
the same ``core.serve`` preprocessing as the demo. Never use these sets to train: they are for
choosing between recipes and for the card's ``metrics.extra``.
"""
from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# --------------------------------------------------------------------------- stroke templates
# Each digit: writing styles; each style: strokes; each stroke: ("curve" | "line", points) in a unit
# box, x to the right, y downwards. "curve" passes a Catmull-Rom spline through the points, "line"
# keeps the corners (the 4's and 7's elbows are corners when people write them).
Stroke = tuple[str, tuple[tuple[float, float], ...]]

TEMPLATES: dict[int, tuple[tuple[Stroke, ...], ...]] = {
    0: (
        (("curve", ((0.5, 0.07), (0.3, 0.16), (0.22, 0.5), (0.3, 0.84), (0.5, 0.93), (0.7, 0.84),
                    (0.78, 0.5), (0.7, 0.16), (0.5, 0.07), (0.42, 0.1))),),
        (("curve", ((0.55, 0.08), (0.33, 0.2), (0.27, 0.55), (0.4, 0.9), (0.62, 0.88), (0.74, 0.55),
                    (0.68, 0.2), (0.52, 0.08))),),
    ),
    1: (
        (("line", ((0.5, 0.07), (0.5, 0.93))),),
        (("line", ((0.32, 0.25), (0.55, 0.07), (0.55, 0.93))),),
        (("line", ((0.32, 0.25), (0.52, 0.07), (0.52, 0.93))), ("line", ((0.32, 0.93), (0.72, 0.93)))),
    ),
    2: (
        (("curve", ((0.24, 0.3), (0.34, 0.13), (0.54, 0.07), (0.72, 0.18), (0.72, 0.38), (0.55, 0.6),
                    (0.25, 0.9))), ("line", ((0.25, 0.9), (0.8, 0.9)))),
        (("curve", ((0.26, 0.22), (0.5, 0.07), (0.7, 0.2), (0.64, 0.45), (0.22, 0.92), (0.5, 0.86),
                    (0.8, 0.92))),),
    ),
    3: (
        (("curve", ((0.25, 0.15), (0.5, 0.07), (0.72, 0.18), (0.68, 0.38), (0.45, 0.48), (0.72, 0.6),
                    (0.74, 0.8), (0.5, 0.93), (0.24, 0.85))),),
        (("line", ((0.25, 0.08), (0.75, 0.08), (0.45, 0.42))),
         ("curve", ((0.45, 0.42), (0.7, 0.55), (0.74, 0.78), (0.5, 0.93), (0.24, 0.85)))),
    ),
    4: (
        (("line", ((0.62, 0.07), (0.2, 0.64), (0.82, 0.64))), ("line", ((0.64, 0.36), (0.64, 0.93)))),
        (("line", ((0.3, 0.07), (0.25, 0.56), (0.8, 0.56))), ("line", ((0.66, 0.1), (0.66, 0.93)))),
    ),
    5: (
        (("line", ((0.72, 0.08), (0.3, 0.08), (0.27, 0.45))),
         ("curve", ((0.27, 0.45), (0.48, 0.39), (0.7, 0.48), (0.75, 0.7), (0.6, 0.9), (0.4, 0.93),
                    (0.23, 0.84)))),
        (("line", ((0.3, 0.08), (0.27, 0.45))),
         ("curve", ((0.27, 0.45), (0.5, 0.4), (0.72, 0.55), (0.7, 0.8), (0.48, 0.93), (0.25, 0.85))),
         ("line", ((0.3, 0.08), (0.74, 0.08)))),
    ),
    6: (
        (("curve", ((0.68, 0.09), (0.45, 0.2), (0.3, 0.45), (0.27, 0.7), (0.4, 0.9), (0.6, 0.9),
                    (0.72, 0.72), (0.62, 0.55), (0.42, 0.53), (0.29, 0.65))),),
        (("curve", ((0.6, 0.07), (0.38, 0.3), (0.28, 0.62), (0.36, 0.88), (0.58, 0.92), (0.7, 0.74),
                    (0.56, 0.58), (0.34, 0.64))),),
    ),
    7: (
        (("line", ((0.22, 0.1), (0.78, 0.1), (0.42, 0.93))),),
        (("line", ((0.22, 0.1), (0.78, 0.1), (0.45, 0.93))), ("line", ((0.38, 0.52), (0.72, 0.52)))),
        (("line", ((0.22, 0.22), (0.26, 0.1), (0.78, 0.1), (0.5, 0.93))),),
    ),
    8: (
        (("curve", ((0.62, 0.13), (0.44, 0.07), (0.29, 0.19), (0.37, 0.38), (0.63, 0.55), (0.72, 0.76),
                    (0.55, 0.93), (0.35, 0.9), (0.28, 0.72), (0.4, 0.56), (0.63, 0.4), (0.7, 0.22),
                    (0.6, 0.12))),),
        (("curve", ((0.5, 0.48), (0.3, 0.34), (0.34, 0.12), (0.5, 0.07), (0.67, 0.13), (0.68, 0.33),
                    (0.5, 0.48), (0.27, 0.66), (0.33, 0.89), (0.5, 0.93), (0.7, 0.88), (0.74, 0.66),
                    (0.5, 0.48))),),
    ),
    9: (
        (("curve", ((0.7, 0.3), (0.56, 0.11), (0.35, 0.14), (0.28, 0.32), (0.4, 0.48), (0.6, 0.46),
                    (0.7, 0.3))), ("line", ((0.7, 0.3), (0.67, 0.93)))),
        (("curve", ((0.7, 0.3), (0.56, 0.11), (0.35, 0.14), (0.28, 0.32), (0.4, 0.48), (0.6, 0.46),
                    (0.7, 0.3), (0.72, 0.6), (0.62, 0.85), (0.45, 0.93), (0.3, 0.87))),),
    ),
}

# New sets go at the end: a set's random stream is seeded by its place in this tuple.
SETS = ("strokes_thick", "strokes_thin", "blocky", "small_offcentre", "rotated", "transparent", "fonts",
        "photographed")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:/Windows/Fonts")


def catmull_rom(points: np.ndarray, per_segment: int = 12) -> np.ndarray:
    """A Catmull-Rom spline through ``points`` ``(P, 2)`` -> ``(M, 2)``; the ends are repeated so
    the curve starts and stops at the first and last point."""
    p = np.vstack([points[:1], points, points[-1:]])                     # (P + 2, 2)
    t = np.linspace(0, 1, per_segment, endpoint=False)[:, None]          # (S, 1)
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        out.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    out.append(points[-1:])
    return np.vstack(out)


@dataclass(frozen=True)
class Pen:
    """How one digit is written: the random style of one sample."""

    slant: float = 0.0        # shear of x by y (italic writing)
    stretch: tuple[float, float] = (1.0, 1.0)
    wobble: float = 0.0       # std of the per-point jitter, in units of the box
    rotate_deg: float = 0.0


def random_pen(rng: np.random.Generator) -> Pen:
    return Pen(slant=float(rng.uniform(-0.3, 0.3)),
               stretch=(float(rng.uniform(0.75, 1.2)), float(rng.uniform(0.85, 1.1))),
               wobble=float(rng.uniform(0.005, 0.025)), rotate_deg=float(rng.uniform(-8, 8)))


def stroke_paths(digit: int, style: int, pen: Pen, rng: np.random.Generator) -> list[np.ndarray]:
    """The strokes of ``digit`` in writing style ``style`` under ``pen``, as ``(M, 2)`` arrays in the
    unit box (centred on 0.5, 0.5)."""
    if digit not in TEMPLATES:
        raise ValueError(f"digit must be 0-9, got {digit!r}")
    styles = TEMPLATES[digit]
    strokes = styles[style % len(styles)]
    a = math.radians(pen.rotate_deg)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    shape = np.array([[pen.stretch[0], -pen.slant], [0.0, pen.stretch[1]]]) @ rot.T
    paths = []
    for kind, pts in strokes:
        p = np.asarray(pts, dtype=np.float64)
        p = p + rng.normal(0, pen.wobble, p.shape)
        p = catmull_rom(p) if kind == "curve" else p
        paths.append((p - 0.5) @ shape.T + 0.5)
    return paths


def render_strokes(paths: list[np.ndarray], size: int, width: float, box: tuple[float, float, float, float],
                   ink: int = 0, paper: int = 255) -> Image.Image:
    """Draw ``paths`` (unit box) into the pixel ``box`` = (x0, y0, x1, y1) of a ``size`` × ``size``
    greyscale canvas with round pen ends."""
    img = Image.new("L", (size, size), paper)
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    w = max(1, int(round(width)))
    r = width / 2
    for p in paths:
        xy = [(x0 + u * (x1 - x0), y0 + v * (y1 - y0)) for u, v in p]
        draw.line(xy, fill=ink, width=w, joint="curve")
        for x, y in (xy[0], xy[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)
    return img


def fonts_available() -> list[Path]:
    """TrueType fonts on this system whose digits render (regular faces first, de-duplicated)."""
    found = []
    for d in FONT_DIRS:
        root = Path(d)
        if root.is_dir():
            found += sorted(p for p in root.rglob("*.tt[fc]") if "Math" not in p.name)
    return found


def _stroke_sample(digit: int, rng: np.random.Generator, which: str) -> Image.Image:
    pen = random_pen(rng)
    style = int(rng.integers(0, len(TEMPLATES[digit])))
    if which == "rotated":
        pen = Pen(pen.slant, pen.stretch, pen.wobble,
                  float(rng.choice([-1, 1]) * rng.uniform(15, 30)))
    paths = stroke_paths(digit, style, pen, rng)
    if which == "blocky":
        small = int(rng.integers(12, 17))
        img = render_strokes(paths, small, width=max(1.0, small / 9), box=(2, 1, small - 2, small - 1))
        return img.resize((280, 280), Image.NEAREST)
    if which == "small_offcentre":
        side = int(rng.integers(40, 80))
        x0, y0 = int(rng.integers(5, 400 - side - 5)), int(rng.integers(5, 300 - side - 5))
        img = render_strokes(paths, 400, width=max(2.0, side / 12), box=(x0, y0, x0 + side, y0 + side))
        return img.crop((0, 0, 400, 300))
    width = float(rng.uniform(16, 28)) if which in ("strokes_thick", "transparent") else float(rng.uniform(2, 5))
    if which in ("rotated", "photographed"):
        width = float(rng.uniform(8, 20)) if which == "rotated" else float(rng.uniform(6, 14))
    img = render_strokes(paths, 280, width=width, box=(40, 30, 240, 250))
    if which == "photographed":
        return _photographed(img, rng)
    if which == "transparent":
        alpha = Image.eval(img, lambda v: 255 - v)                  # ink only in alpha
        rgba = Image.new("RGBA", img.size, (0, 0, 0, 0))
        rgba.putalpha(alpha)
        return rgba
    return img


def _photographed(ink: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A white-paper drawing as a phone photo of it: paper lit unevenly, coloured ink, JPEG."""
    a = 1.0 - np.asarray(ink, np.float64) / 255.0  # (H, W) ink cover in [0, 1]
    h, w = a.shape
    yy, xx = np.mgrid[0:h, 0:w]
    angle = rng.uniform(0, 2 * np.pi)  # light from one side: a linear falloff across the page
    ramp = np.clip(np.cos(angle) * (xx / w - 0.5) + np.sin(angle) * (yy / h - 0.5) + 0.5, 0, 1)
    paper = rng.uniform(190, 235) - rng.uniform(0, 130) * ramp  # (H, W)
    pen = np.array([rng.uniform(10, 60), rng.uniform(10, 60), rng.uniform(40, 140)])  # blue-black
    rgb = paper[..., None] * (1 - a[..., None]) + pen * a[..., None]  # (H, W, 3)
    rgb = rgb * np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.85, 0.95)])  # warm light
    rgb += rng.normal(0, 4, rgb.shape)
    img = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.5, 1.5))))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(rng.integers(50, 86)))
    buf.seek(0)
    return Image.open(buf)


def _font_sample(digit: int, font: Path, rng: np.random.Generator) -> Image.Image:
    size = int(rng.integers(120, 200))
    f = ImageFont.truetype(str(font), size)
    img = Image.new("L", (280, 280), 255)
    draw = ImageDraw.Draw(img)
    draw.text((140, 140), str(digit), fill=0, font=f, anchor="mm")
    return img


def generate(which: str, per_digit: int = 20, seed: int = 0) -> Iterator[tuple[Image.Image, int]]:
    """Yield ``(image, label)`` for one held-out set, ``per_digit`` images of each digit (for
    ``fonts``: one per digit and font found, up to ``per_digit`` fonts). Deterministic in ``seed``."""
    if which not in SETS:
        raise ValueError(f"unknown drawn-digit set {which!r}; expected one of {SETS}")
    if per_digit < 1:
        raise ValueError(f"per_digit must be >= 1, got {per_digit}")
    rng = np.random.default_rng([seed, SETS.index(which)])
    if which == "fonts":
        fonts = fonts_available()
        pick = rng.permutation(len(fonts))[:per_digit] if fonts else []
        for i in pick:
            for digit in range(10):
                yield _font_sample(digit, fonts[i], rng), digit
        return
    for _ in range(per_digit):
        for digit in range(10):
            yield _stroke_sample(digit, rng, which), digit


def score(model, samples: list[tuple[Image.Image, int]]) -> dict:
    """Accuracy of a served ``core.serve.infer.Model`` on ``(image, label)`` pairs, each sent through
    the card's own preprocessing (exactly what ``/predict_digit`` does with an uploaded file).
    Returns ``{"n", "correct", "accuracy", "ci95", "confusions": {"9->3": count, ...}}``, the
    confusions commonest first."""
    from core.serve.card import wilson_ci
    from core.serve.preprocess import prepare

    if not samples:
        raise ValueError("no samples to score")
    x = np.concatenate([prepare(img, model.card)[0] for img, _ in samples])   # (N, 1, H, W)
    y = np.array([label for _, label in samples])
    pred = model.predict(x).argmax(1)
    wrong = [f"{a}->{b}" for a, b in zip(y.tolist(), pred.tolist(), strict=True) if a != b]
    correct = len(y) - len(wrong)
    return {"n": len(y), "correct": correct, "accuracy": correct / len(y),
            "ci95": list(wilson_ci(correct, len(y))),
            "confusions": dict(sorted(Counter(wrong).items(), key=lambda kv: (-kv[1], kv[0])))}


def evaluate(model, sets: tuple[str, ...] = SETS, per_digit: int = 30, seed: int = 0) -> dict[str, dict]:
    """:func:`score` of a served model on each held-out set: ``{set: {"n", "correct", "accuracy",
    "ci95", "confusions"}}``."""
    out = {}
    for which in sets:
        samples = list(generate(which, per_digit=per_digit, seed=seed))
        if samples:                                     # e.g. no fonts installed: no set, not a fake one
            out[which] = score(model, samples)
    return out


class CheckpointModel:
    """A trained ``final.pt`` read through its own recipe exactly as the served model would be: lets
    :func:`score` and :func:`evaluate` compare training recipes before anything is exported."""

    def __init__(self, checkpoint):
        from core.pipeline.export import load_checkpoint, rebuild

        ckpt = load_checkpoint(checkpoint)
        self.net = rebuild(ckpt)
        self.card = {"name": str(checkpoint), "preprocess": ckpt["preprocess"],
                     "metrics": {"test": ckpt["metrics"]["test"]}}

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Logits ``(N, 10)`` for model inputs ``x`` ``(N, 1, H, W)``."""
        import torch

        with torch.no_grad():
            return self.net(torch.from_numpy(np.asarray(x, np.float32))).numpy()


def compare(paths, seeds: tuple[int, ...] = (0, 7), per_digit: int = 30) -> str:
    """A Markdown table comparing digit models — exported cards (``models/mnist.json``) or unexported
    checkpoints (``runs/…/final.pt``) — on MNIST's test set (as recorded), the mean of the drawn sets
    at each seed and the two optdigits views, with optdigits' commonest confusions.

        python -m core.pipeline.drawn_digits --compare models/mnist.json runs/mnist/final.pt
    """
    from core.pipeline import optdigits
    from core.serve.infer import load_model

    seed_cols = " / ".join(f"seed {s}" for s in seeds)
    lines = [f"| model | MNIST test | drawn sets, mean ({seed_cols}) | optdigits 8 px / upscaled | optdigits' top errors |",
             "|---|---|---|---|---|"]
    for path in paths:
        model = (CheckpointModel(path) if str(path).endswith(".pt")
                 else load_model(path, ["CPUExecutionProvider"]))
        drawn = [np.mean([r["accuracy"] for r in evaluate(model, per_digit=per_digit, seed=s).values()])
                 for s in seeds]
        views = [score(model, list(optdigits.generate(v))) for v in optdigits.VIEWS]
        errors = Counter()
        for v in views:
            errors.update(v["confusions"])
        lines.append(f"| {path} | {100 * model.card['metrics']['test']['accuracy']:.2f} % | "
                     + " / ".join(f"{100 * a:.2f}" for a in drawn) + " | "
                     + " / ".join(f"{100 * v['accuracy']:.1f}" for v in views) + " | "
                     + ", ".join(f"{k} ({n})" for k, n in errors.most_common(3)) + " |")
    return "\n".join(lines)


def paper_models(cards, seeds: tuple[int, ...] = (0, 7), per_digit: int = 30) -> str:
    """A Markdown table of digit cards on the ``photographed`` set under each paper model of the digit
    recipe (``background`` "border": one grey level; "local": the fitted paper), each through the card's
    own gate: the network's accuracy per seed and how many photos the gate answered "unknown". Pass a
    card from before the fitted paper (``git show 47ad6ee:models/mnist.json`` beside the same ``.onnx``)
    to rerun the README's before/after figures:

        python -m core.pipeline.drawn_digits --paper before/mnist.json models/mnist.json
    """
    from core.serve.infer import Model, load_model, predict_image

    samples = [pair for seed in seeds for pair in generate("photographed", per_digit, seed)]
    n = len(samples) // len(seeds)
    lines = [f"| card | paper | gate's ink map | accuracy ({' / '.join(f'seed {s}' for s in seeds)}) "
             f"| answered \"unknown\" (of {len(samples)}) |", "|---|---|---|---|---|"]
    for path in cards:
        base = load_model(path, ["CPUExecutionProvider"])
        for background in ("border", "local"):
            card = {**base.card, "preprocess": {**base.card["preprocess"], "background": background}}
            model = Model(card=card, session=base.session)
            preds = [predict_image(model, img) for img, _ in samples]
            right = np.array([p.index == y for p, (_, y) in zip(preds, samples, strict=True)])  # (S * n,)
            acc = " / ".join(f"{100 * right[i * n:(i + 1) * n].mean():.1f} %" for i in range(len(seeds)))
            ink = getattr(model.gate, "ink_background", "no gate")
            lines.append(f"| {path} | {background} | {ink} | {acc} | {sum(p.unknown for p in preds)} |")
    return "\n".join(lines)


def record_in_card(card_path, per_digit: int = 30, seed: int = 0, with_optdigits: bool = True) -> dict:
    """Write :func:`evaluate` of the served model into its card's ``metrics.extra`` (one entry per
    set: n, accuracy, ci95, the commonest confusions, how generated), and with ``with_optdigits``
    the real-handwriting views of :mod:`core.pipeline.optdigits`; return it.

        python -m core.pipeline.drawn_digits models/mnist.json [--per-digit 30] [--seed 0]
    """
    import json

    from core._common import atomic_write_text
    from core.serve.card import validate_card
    from core.serve.infer import load_model

    card_path = Path(card_path)
    model = load_model(card_path, ["CPUExecutionProvider"])
    card = json.loads(card_path.read_text(encoding="utf-8"))
    extra = card.setdefault("metrics", {}).setdefault("extra", {})
    def entry(split: str, r: dict) -> dict:
        return {"split": split, **{k: r[k] for k in ("n", "correct", "accuracy", "ci95")},
                "confusions": dict(list(r["confusions"].items())[:5])}

    for which, r in evaluate(model, per_digit=per_digit, seed=seed).items():
        extra[f"drawn_{which}"] = entry(
            f"core.pipeline.drawn_digits.generate({which!r}, per_digit={per_digit}, seed={seed}) "
            "through the card's preprocessing (non-MNIST drawing-like digits)", r)
    if with_optdigits:
        from core.pipeline import optdigits

        for view in optdigits.VIEWS:
            extra[view] = entry(f"{optdigits.SOURCE}, core.pipeline.optdigits.generate({view!r}) through the "
                                "card's preprocessing (real handwriting, not MNIST)",
                                score(model, list(optdigits.generate(view))))
    validate_card(card)
    atomic_write_text(card_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    return extra


if __name__ == "__main__":
    import argparse
    import json

    p = argparse.ArgumentParser(prog="python -m core.pipeline.drawn_digits",
                                description="record accuracy on the drawn-digit sets and the optdigits views in a digit model's card")
    p.add_argument("cards", nargs="+", help="model cards (with --compare also runs/…/final.pt checkpoints)")
    p.add_argument("--per-digit", type=int, default=30)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--compare", action="store_true",
                   help="print a table comparing the models (drawn sets at seeds 0 and 7, optdigits); write nothing")
    p.add_argument("--paper", action="store_true",
                   help="print the cards' accuracy and 'unknown' answers on photographed pages under each "
                        "paper model (border, local); write nothing")
    a = p.parse_args()
    if a.paper:
        print(paper_models(a.cards, per_digit=a.per_digit))
        raise SystemExit(0)
    if a.compare:
        print(compare(a.cards, per_digit=a.per_digit))
        raise SystemExit(0)
    for c in a.cards:
        out = record_in_card(c, a.per_digit, a.seed)
        print(c, json.dumps({k: round(v["accuracy"], 4) for k, v in out.items()}))
