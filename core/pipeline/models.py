"""One record per trained model: what its card says beyond the weights (lecture: "CNN 실습").

Training (:mod:`core.pipeline.tasks`, :mod:`core.pipeline.transfer`), export and the dashboard all
read :data:`MODELS`; nothing else lists titles, defaults, class display names, recipes or data
descriptions. Normalisation constants are not repeated here: the recipes' defaults are MNIST's and
ImageNet's, and the EfficientNet-Lite statistics belong to its weights (:mod:`core.cnn.efficientnet_lite`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.cnn.efficientnet_lite import LITE_MEAN, LITE_STD
from core.serve.recipes import DigitSketch, Photo, Recipe

# 48-px crops of a 56-px resize: chosen so a from-scratch run fits a shared 2-core CPU (see the
# training report); on a GPU raise both (e.g. 144/128) — the card records whatever was used.
PET_CACHE_SIZE, PET_CROP = 56, 48
MNIST_FLAGGED_ONES = 2500   # flagged 1s added to the mnist model's training set (core.pipeline.digit_styles)

DIGITS = tuple(str(i) for i in range(10))
PETS = ("cat", "dog")
PET_DISPLAY = {"cat": {"ko": "고양이", "en": "cat"}, "dog": {"ko": "개", "en": "dog"}}
DATA = {
    "digit": {"name": "MNIST", "source": "http://yann.lecun.com/exdb/mnist/ (official 60k/10k split)",
              "train_n": 60000, "test_n": 10000},
    "pet": {"name": "Microsoft Kaggle Cats and Dogs (PetImages)",
            "source": "https://www.microsoft.com/en-us/download/details.aspx?id=54765 "
                      "(held-out split: core.pipeline.data.pets_split(root, test_fraction=0.1, seed=0))"},
}


@dataclass(frozen=True)
class ModelRecord:
    """Card metadata of one trained model that its checkpoint does not carry."""

    name: str
    task: str                                   # "digit" | "pet"
    title: dict[str, str]                       # {"ko", "en"}
    classes: tuple[str, ...]
    recipe: Recipe                              # the inference recipe; copied into the card
    default: bool = False                       # the demo's first choice for its task
    display: dict[str, dict[str, str]] = field(default_factory=dict)  # class name → {"ko", "en"}
    data_added: str | None = None               # what training adds to the data set's own images

    @property
    def data(self) -> dict:
        """The card's ``data`` description (the held-out ``test_n`` is filled in by export)."""
        data = dict(DATA[self.task])
        if self.data_added:
            data["added_to_training"] = self.data_added
        return data

    @property
    def preprocess(self) -> dict:
        return self.recipe.to_card()


def record(name: str, task: str | None = None) -> ModelRecord:
    """The record of ``name``; an unlisted name (an experiment) gets its own name as title."""
    if name in MODELS:
        return MODELS[name]
    if task not in DATA:
        raise ValueError(f"unknown model {name!r}: give its task ({' or '.join(DATA)}) or add a "
                         "record to core.pipeline.models.MODELS")
    return ModelRecord(name=name, task=task, title={"ko": name, "en": name}, classes=(),
                       recipe=DigitSketch() if task == "digit" else Photo(),
                       display=PET_DISPLAY if task == "pet" else {})


def class_entries(classes: Sequence, task: str, display: dict[str, dict[str, str]] | None = None
                  ) -> list[dict]:
    """Card ``classes``: index, name (lower case), Korean/English display names."""
    display = PET_DISPLAY if display is None and task == "pet" else (display or {})
    out = []
    for i, c in enumerate(classes):
        name = str(c).lower()
        out.append({"index": i, "name": name, "display": dict(display.get(name, {"ko": str(c), "en": str(c)}))})
    return out


MODELS: dict[str, ModelRecord] = {r.name: r for r in (
    ModelRecord("mnist", "digit", {"ko": "현대식 MNIST CNN", "en": "Modern MNIST CNN"}, DIGITS,
                DigitSketch(pad_to=28), default=True,
                data_added=f"{MNIST_FLAGGED_ONES:,} of MNIST's training 1s with a drawn flag (core.pipeline.digit_styles.flagged_ones, "
                           "seed 0; core.pipeline.models.MNIST_FLAGGED_ONES); the test set is untouched"),
    ModelRecord("lenet5", "digit", {"ko": "LeNet-5 (고전)", "en": "LeNet-5 (classic)"}, DIGITS,
                DigitSketch(pad_to=32)),
    ModelRecord("pets", "pet", {"ko": "EfficientNet-Lite0 전이 학습", "en": "EfficientNet-Lite0 transfer learning"},
                PETS, Photo(resize=224, crop=224, mean=LITE_MEAN, std=LITE_STD), default=True,
                display=PET_DISPLAY),
    ModelRecord("pets_scratch", "pet", {"ko": "처음부터 학습한 CNN", "en": "CNN trained from scratch"}, PETS,
                Photo(resize=PET_CACHE_SIZE, crop=PET_CROP),  # ImageNet statistics: Photo's defaults
                display=PET_DISPLAY),
)}
