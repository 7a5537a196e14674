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


GATES: dict[str, Callable[[Mapping[str, Any]], Any]] = {"pet_gate": PetGate.from_card}


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
