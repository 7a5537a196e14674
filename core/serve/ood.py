"""Honest answers: when is an input neither a digit nor a dog or a cat?

A softmax always sums to 1 over the classes it knows, so a selfie sent to a dog-vs-cat model still
comes back "cat 90 %". Each served model therefore carries a *gate* in its card (``card["ood"]``)
that looks at the same forward pass and decides whether to answer at all. Gates are registered
by ``method`` name (:data:`GATES`) and built once per loaded model (:func:`gate_for`).

``pet_gate`` (the pets models whose graph also outputs ``imagenet_logits``, see
``core.pipeline.pet_outputs``): the ImageNet network the pets model was fine-tuned from already
knows 118 dog breeds and 5 domestic cats. The input is *unknown* when both

- the ImageNet probability mass on those 123 classes is below ``mass_threshold``, and
- the pets head's own margin ``|logit_dog − logit_cat|`` is below ``margin_threshold``

(both thresholds chosen on validation images, recorded in the card with how). The reason names the
ImageNet network's own top guess: "this looks like a *cheetah*, not a dog or a cat".

``digit_gate`` (the digit models): a drawing is ink on plain paper, a photo or a texture is not.
:meth:`DigitGate.image_stats` measures the raw upload on a ≤ 64 px thumbnail (colourfulness,
fraction of mid-grey ink, ink fraction, edge density, border ink, contrast), the forward pass adds
the network's max logit and energy, and a small logistic model (weights, standardisation and
threshold in the card, fitted by ``core.pipeline.honesty``) gives ``P(digit drawing)``; below
``threshold`` the answer is *unknown*.

The verdict never hides the class confidences: the caller still shows them, with the label
"모르겠어요 · unknown" on top.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

UNKNOWN_LABEL = "모르겠어요 · unknown"


@dataclass(frozen=True)
class Verdict:
    """A gate's decision for one input. ``score``: higher = more in-distribution."""

    unknown: bool
    score: float
    reason_ko: str = ""
    reason_en: str = ""
    guess: str | None = None          # e.g. the ImageNet top class, for the reason line

    @property
    def reason(self) -> str:
        return f"{self.reason_ko} · {self.reason_en}" if self.reason_ko else self.reason_en


def softmax(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def imagenet_pet_mass(imagenet_logits: np.ndarray, dogs: tuple[int, int], cats: tuple[int, int]) -> np.ndarray:
    """``(N,)`` probability the ImageNet head gives to the dog classes ``dogs[0]..dogs[1]`` plus the
    cat classes ``cats[0]..cats[1]`` (inclusive ranges) for ``(N, 1000)`` logits."""
    p = softmax(imagenet_logits)
    if p.ndim != 2 or p.shape[1] != 1000:
        raise ValueError(f"imagenet_logits must be (N, 1000), got {p.shape}")
    return p[:, dogs[0]:dogs[1] + 1].sum(1) + p[:, cats[0]:cats[1] + 1].sum(1)


@dataclass(frozen=True)
class PetGate:
    """See the module docstring. Built from ``card["ood"]`` and the card's ``imagenet_logits`` output."""

    mass_threshold: float
    margin_threshold: float
    dogs: tuple[int, int]
    cats: tuple[int, int]
    categories: tuple[str, ...]

    @classmethod
    def from_card(cls, card: Mapping[str, Any]) -> PetGate:
        spec = card["ood"]
        extra = {o["kind"]: o for o in card.get("extra_outputs", [])}
        if "imagenet_logits" not in extra:
            raise ValueError(f"model card {card.get('name')!r}: the pet gate needs an 'imagenet_logits' "
                             "extra output (rebuild with `python -m core.pipeline.pet_outputs`)")
        im = extra["imagenet_logits"]
        return cls(float(spec["mass_threshold"]), float(spec["margin_threshold"]),
                   tuple(im["imagenet_dogs"]), tuple(im["imagenet_cats"]), tuple(im["categories"]))

    def scores(self, outputs: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """``(mass (N,), margin (N,))`` from a forward pass's outputs."""
        mass = imagenet_pet_mass(outputs["imagenet_logits"], self.dogs, self.cats)
        logits = np.asarray(outputs["logits"], dtype=np.float64)          # (N, 2)
        margin = np.abs(logits[:, 1] - logits[:, 0])
        return mass, margin

    def decide(self, outputs: Mapping[str, np.ndarray], stats: Mapping[str, float] | None = None) -> list[Verdict]:
        mass, margin = self.scores(outputs)
        top = softmax(outputs["imagenet_logits"]).argmax(1)
        out = []
        for m, g, t in zip(mass, margin, top, strict=True):
            unknown = bool(m < self.mass_threshold and g < self.margin_threshold)
            guess = self.categories[int(t)]
            reason = (f"'{guess}'처럼 보여요 — 개나 고양이가 아니에요", f"this looks like a '{guess}', not a dog or a cat"
                      ) if unknown else ("", "")
            out.append(Verdict(unknown, float(m), reason[0], reason[1], guess))
        return out


# --------------------------------------------------------------------------- digits
DIGIT_IMAGE_FEATURES = ("colourfulness", "mid_grey", "ink_fraction", "edge_density", "border_ink", "contrast")
DIGIT_NET_FEATURES = ("max_logit", "energy")
DIGIT_FEATURES = DIGIT_IMAGE_FEATURES + DIGIT_NET_FEATURES
STATS_SIDE = 64          # image statistics are measured on a thumbnail this size: cheap and scale-free


def digit_image_stats(image: Any, side: int = STATS_SIDE, background: str = "border") -> dict[str, float]:
    """Input statistics of a raw upload (anything :func:`core.serve.preprocess.load_image` reads)
    that separate a drawing (ink on plain paper) from a photo, a texture or noise, measured on a
    ``side`` px thumbnail with the digit recipe's own ink map:

    - ``colourfulness``: Hasler & Süsstrunk (2003) on the RGB picture (over white paper), / 255;
    - ``mid_grey``: fraction of pixels whose ink (stretched to its peak) lies in (0.15, 0.85) —
      a pen stroke is bimodal (paper or ink), a photo is mostly in between;
    - ``ink_fraction``: fraction of pixels with ink > 0.5; ``edge_density``: mean |gradient| of the
      ink; ``border_ink``: mean ink on the outer 2-px frame (a drawing's paper reaches the edges);
    - ``contrast``: the ink's peak / 255.

    ``background`` is the ink map's paper model (``"border"`` or ``"local"``, see
    :func:`core.serve.preprocess._ink_map`): a gate must be fed the one it was fitted on.
    """
    from PIL import Image

    from core.serve.preprocess import _ink_map, load_image

    img = load_image(image)                                          # upright, mode L/LA/RGB/RGBA
    if max(img.size) > side:
        img = img.reduce(-(-max(img.size) // side))                 # box-average to <= side px
    if img.mode in ("LA", "RGBA"):
        rgb = Image.alpha_composite(Image.new("RGBA", img.size, "white"), img.convert("RGBA")).convert("RGB")
    else:
        rgb = img.convert("RGB")
    a = np.asarray(rgb, dtype=np.float64)                           # (h, w, 3)
    rg, yb = a[..., 0] - a[..., 1], 0.5 * (a[..., 0] + a[..., 1]) - a[..., 2]
    colourful = (np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean())) / 255.0
    ink = _ink_map(img, background)                                  # (h, w) in [0, 255]
    peak = float(ink.max())
    n = ink / peak if peak > 0 else ink
    gy, gx = np.abs(np.diff(n, axis=0)).mean() if n.shape[0] > 1 else 0.0, \
        np.abs(np.diff(n, axis=1)).mean() if n.shape[1] > 1 else 0.0
    frame = np.ones(n.shape, bool)
    frame[2:-2, 2:-2] = False
    return {"colourfulness": float(colourful), "mid_grey": float(np.mean((n > 0.15) & (n < 0.85))),
            "ink_fraction": float(np.mean(n > 0.5)), "edge_density": float(gy + gx),
            "border_ink": float(n[frame].mean()), "contrast": peak / 255.0}


def digit_net_stats(logits: np.ndarray) -> np.ndarray:
    """``(N, 2)``: max logit and energy (log-sum-exp of the logits, Liu et al. 2020) per row."""
    z = np.asarray(logits, dtype=np.float64)                         # (N, C)
    m = z.max(axis=1)
    return np.stack([m, m + np.log(np.exp(z - m[:, None]).sum(1))], axis=1)


def digit_features(stats: Mapping[str, float] | list, logits: np.ndarray) -> np.ndarray:
    """``(N, len(DIGIT_FEATURES))`` from image stats (one dict, or one per row) and ``(N, C)`` logits."""
    rows = [stats] if isinstance(stats, Mapping) else list(stats)
    img = np.array([[float(r[k]) for k in DIGIT_IMAGE_FEATURES] for r in rows])   # (N, 6)
    return np.concatenate([img, digit_net_stats(logits)], axis=1)


@dataclass(frozen=True)
class DigitGate:
    """``P(drawing) = sigmoid(w · (f − mean) / std + b)`` over :data:`DIGIT_FEATURES`; unknown below
    ``threshold``. Weights, standardisation and threshold come from ``card["ood"]``."""

    mean: tuple[float, ...]
    std: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    # the ink map the statistics were fitted on (core.serve.preprocess._ink_map); cards from before
    # it was recorded were fitted on "border"
    ink_background: str = "border"

    @classmethod
    def from_card(cls, card: Mapping[str, Any]) -> DigitGate:
        spec = card["ood"]
        if list(spec.get("features", [])) != list(DIGIT_FEATURES):
            raise ValueError(f"model card {card.get('name')!r}: digit_gate features must be {list(DIGIT_FEATURES)}, "
                             f"got {spec.get('features')}")
        vecs = [tuple(float(v) for v in spec[k]) for k in ("mean", "std", "weights")]
        if any(len(v) != len(DIGIT_FEATURES) for v in vecs) or min(vecs[1]) <= 0:
            raise ValueError(f"model card {card.get('name')!r}: digit_gate mean/std/weights need "
                             f"{len(DIGIT_FEATURES)} numbers each (std > 0)")
        background = spec.get("ink_background", "border")
        if background not in ("border", "local"):
            raise ValueError(f"model card {card.get('name')!r}: digit_gate ink_background must be 'border' "
                             f"or 'local', got {background!r}")
        return cls(*vecs, float(spec["bias"]), float(spec["threshold"]), background)

    def image_stats(self, image: Any) -> dict[str, float]:
        """:func:`digit_image_stats` of a raw upload, on the ink map this gate was fitted on."""
        return digit_image_stats(image, background=self.ink_background)

    def probability(self, features: np.ndarray) -> np.ndarray:
        """``(N,)`` P(digit drawing) for ``(N, F)`` features."""
        z = (np.asarray(features, np.float64) - np.array(self.mean)) / np.array(self.std)
        return 1.0 / (1.0 + np.exp(-np.clip(z @ np.array(self.weights) + self.bias, -50, 50)))

    def decide(self, outputs: Mapping[str, np.ndarray], stats: Mapping[str, float] | list | None = None
               ) -> list[Verdict]:
        if stats is None:
            raise ValueError("the digit gate needs the raw image's statistics (image_stats)")
        p = self.probability(digit_features(stats, outputs["logits"]))
        out = []
        for q in p:
            unknown = bool(q < self.threshold)
            reason = ("손으로 쓴 숫자처럼 보이지 않아요 (사진·무늬·잡음?)",
                      "this does not look like a drawn digit (a photo, a texture or noise?)") if unknown else ("", "")
            out.append(Verdict(unknown, float(q), reason[0], reason[1]))
        return out


GATES: dict[str, Callable[[Mapping[str, Any]], Any]] = {"pet_gate": PetGate.from_card,
                                                        "digit_gate": DigitGate.from_card}


def register_gate(method: str, factory: Callable[[Mapping[str, Any]], Any]) -> None:
    """Add a gate ``method`` (a factory from a card to an object with ``decide(outputs, stats)``)."""
    if method in GATES:
        raise ValueError(f"gate {method!r} is already registered")
    GATES[method] = factory


def gate_for(card: Mapping[str, Any]):
    """The card's gate, or ``None`` for a card without an ``"ood"`` section (it always answers)."""
    spec = card.get("ood")
    if spec is None:
        return None
    method = spec.get("method")
    if method not in GATES:
        raise ValueError(f"model card {card.get('name')!r}: unknown ood method {method!r}; "
                         f"expected one of {sorted(GATES)}")
    return GATES[method](card)
