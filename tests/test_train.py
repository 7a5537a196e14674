"""core.pipeline.train / core.pipeline.tasks: augmentation against references, metrics, outputs, CLI, mini_train.

A tiny synthetic MNIST in the real idx file format (written by :func:`write_idx_mnist`) keeps
these tests independent of the data set; class k is a bright 6×6 square at cell (k % 5, k // 5)
of a 5×2 grid plus noise, learnable in a few steps, so the tests can check that training learns.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PIL import Image

from core.pipeline import tasks as TT
from core.pipeline import train as T
from core.pipeline.mini_train import mini_train
from core.serve import card as card_lib
from tests.conftest import synthetic_digits


# --------------------------------------------------------------------------- fixtures (shared)
# --------------------------------------------------------------------------- augmentation vs references
def test_random_crop_matches_per_image_slicing():
    x = torch.arange(4 * 3 * 9 * 9, dtype=torch.float64).reshape(4, 3, 9, 9)
    gen = torch.Generator().manual_seed(3)
    out = TT.random_crop(x, 5, gen)
    # replay the generator to recover the offsets the vectorised gather used
    gen = torch.Generator().manual_seed(3)
    oy, ox = torch.randint(0, 5, (4,), generator=gen), torch.randint(0, 5, (4,), generator=gen)
    ref = torch.stack([x[i, :, oy[i]:oy[i] + 5, ox[i]:ox[i] + 5] for i in range(4)])
    assert out.shape == (4, 3, 5, 5)
    torch.testing.assert_close(out, ref, rtol=0, atol=0)
    with pytest.raises(ValueError, match="crop size"):
        TT.random_crop(x, 10, gen)


def test_center_crop_matches_torchvision():
    from torchvision.transforms import CenterCrop

    x = torch.rand(2, 3, 72, 71, dtype=torch.float64)
    torch.testing.assert_close(TT.center_crop(x, 64), CenterCrop(64)(x), rtol=0, atol=0)


def test_random_affine_without_motion_is_the_identity():
    x = torch.rand(3, 1, 28, 28, dtype=torch.float64)
    gen = torch.Generator().manual_seed(0)
    same = TT.random_affine(x, gen, degrees=0.0, scale=(1.0, 1.0), translate=0.0)
    torch.testing.assert_close(same, x, rtol=0, atol=1e-12)


def test_random_affine_rotation_against_manual_grid():
    x = torch.rand(2, 1, 28, 28, dtype=torch.float64)
    gen = torch.Generator().manual_seed(5)
    out = TT.random_affine(x, gen, degrees=30.0, scale=(0.8, 1.2), translate=0.2)
    gen = torch.Generator().manual_seed(5)
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(2, generator=gen, dtype=torch.float64)  # noqa: E731
    a, s, tx, ty = torch.deg2rad(u(-30, 30)), u(0.8, 1.2), u(-0.2, 0.2), u(-0.2, 0.2)
    ref = []
    for i in range(2):  # per-image reference with an explicit matrix
        c, si, k = float(np.cos(a[i].item())), float(np.sin(a[i].item())), 1 / s[i].item()
        th = torch.tensor([[[c * k, -si * k, tx[i].item()], [si * k, c * k, ty[i].item()]]], dtype=torch.float64)
        g = F.affine_grid(th, [1, 1, 28, 28], align_corners=False)
        ref.append(F.grid_sample(x[i:i + 1], g, align_corners=False))
    torch.testing.assert_close(out, torch.cat(ref), rtol=0, atol=1e-12)


def test_flip_and_jitter_ranges():
    x = torch.rand(64, 3, 8, 8, dtype=torch.float64)
    f = TT.random_flip(x, torch.Generator().manual_seed(0))
    flipped = (f == x.flip(3)).flatten(1).all(1)
    kept = (f == x).flatten(1).all(1)
    assert (flipped | kept).all() and 10 < int(flipped.sum()) < 54
    j = TT.color_jitter(x, torch.Generator().manual_seed(0))
    assert j.min() >= 0 and j.max() <= 1 and not torch.equal(j, x)


def test_pet_and_digit_transforms_shapes():
    gen = torch.Generator().manual_seed(0)
    s, c = TT.PET_CACHE_SIZE, TT.PET_CROP
    pets = torch.randint(0, 256, (5, 3, s, s), dtype=torch.uint8)
    assert TT.pet_train(pets, gen).shape == (5, 3, c, c)
    ev = TT.pet_eval(pets)
    ref = (TT.center_crop(pets, c).double() / 255 - torch.tensor(TT.IMAGENET_MEAN).view(1, 3, 1, 1)) \
        / torch.tensor(TT.IMAGENET_STD).view(1, 3, 1, 1)
    torch.testing.assert_close(ev.double(), ref, rtol=0, atol=1e-5)
    digits = torch.randint(0, 256, (5, 1, 28, 28), dtype=torch.uint8)
    lenet_in = TT.digit_eval(digits, pad_to=32)
    assert lenet_in.shape == (5, 1, 32, 32)
    # the padding is background (0 before normalisation)
    torch.testing.assert_close(lenet_in[:, :, :2].double(), torch.full((5, 1, 2, 32), -0.1307 / 0.3081,
                                                                        dtype=torch.float64), rtol=0, atol=1e-6)


def _strokes(n: int = 6) -> torch.Tensor:
    """``(n, 1, 28, 28)`` float in [0, 1]: a 3-px bright bar on 0, placed differently per image."""
    x = torch.zeros(n, 1, 28, 28, dtype=torch.float64)
    for i in range(n):
        x[i, 0, 6 + i:22, 12 + i % 3:15 + i % 3] = 1.0
    return x


def test_dilate_and_erode_match_max_pool_and_change_stroke_width():
    x = torch.rand(4, 1, 28, 28, dtype=torch.float64) * (torch.rand(4, 1, 28, 28) > 0.7)
    torch.testing.assert_close(TT.dilate(x), F.max_pool2d(x, 3, 1, 1), rtol=0, atol=0)
    torch.testing.assert_close(TT.erode(x), -F.max_pool2d(-x, 3, 1, 1), rtol=0, atol=0)
    bars = _strokes()
    ink = bars.sum((1, 2, 3))
    assert (TT.dilate(bars).sum((1, 2, 3)) > ink).all()                   # wider strokes: more ink
    assert (TT.erode(bars).sum((1, 2, 3)) < ink).all()                    # thinner: less
    assert (TT.erode(bars).sum((1, 2, 3)) > 0).all()                      # a 3-px bar keeps its 1-px core


_DIGIT_AUGS = {
    "elastic": (lambda x, g, p: TT.random_elastic(x, g, p=p)),
    "stroke": (lambda x, g, p: TT.random_stroke_width(x, g, p_dilate=p / 2, p_erode=p / 2)),
    "lowres": (lambda x, g, p: TT.random_lowres(x, g, p=p)),
}


@pytest.mark.parametrize("name", sorted(_DIGIT_AUGS))
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_digit_augmentations_shape_dtype_determinism_and_identity(name, dtype):
    aug = _DIGIT_AUGS[name]
    x = _strokes(8).to(dtype)
    a = aug(x, torch.Generator().manual_seed(4), 1.0)
    b = aug(x, torch.Generator().manual_seed(4), 1.0)
    assert a.shape == x.shape and a.dtype == dtype
    torch.testing.assert_close(a, b, rtol=0, atol=0)                       # same seed, same images
    assert not torch.equal(a, x)                                           # p = 1 changes them
    assert a.min() >= 0 and a.max() <= 1 + 1e-6
    same = aug(x, torch.Generator().manual_seed(4), 0.0)
    torch.testing.assert_close(same, x, rtol=0, atol=0)                    # p = 0 is the identity


def test_random_stroke_width_thickens_and_thins_the_chosen_images():
    x = _strokes(8)
    ink = x.sum((1, 2, 3))
    thick = TT.random_stroke_width(x, torch.Generator().manual_seed(0), p_dilate=1.0, p_erode=0.0)
    thin = TT.random_stroke_width(x, torch.Generator().manual_seed(0), p_dilate=0.0, p_erode=1.0)
    assert (thick.sum((1, 2, 3)) > ink).all() and (thin.sum((1, 2, 3)) < ink).all()
    # an erosion that would wipe a 1-px stroke out is skipped
    hair = torch.zeros(1, 1, 28, 28, dtype=torch.float64)
    hair[0, 0, 5:23, 14] = 1.0
    kept = TT.random_stroke_width(hair, torch.Generator().manual_seed(0), p_dilate=0.0, p_erode=1.0)
    torch.testing.assert_close(kept, hair, rtol=0, atol=0)


def test_random_lowres_is_blocky():
    x = torch.rand(16, 1, 28, 28, dtype=torch.float64)
    out = TT.random_lowres(x, torch.Generator().manual_seed(1), p=1.0, sizes=(14, 14))
    # 14 px back to 28 by nearest: every 2×2 block is one value
    torch.testing.assert_close(out, out[..., ::2, ::2].repeat_interleave(2, -2).repeat_interleave(2, -1),
                               rtol=0, atol=0)


def test_digit_train_is_deterministic_and_lenet5_stays_clean():
    digits = torch.randint(0, 256, (32, 1, 28, 28), dtype=torch.uint8)
    a = TT.digit_train(digits, torch.Generator().manual_seed(9))
    b = TT.digit_train(digits, torch.Generator().manual_seed(9))
    assert a.shape == (32, 1, 28, 28) and a.dtype == torch.float32
    torch.testing.assert_close(a, b, rtol=0, atol=0)
    lenet = TT.TASKS["lenet5"]
    torch.testing.assert_close(lenet.train_transform(digits, torch.Generator().manual_seed(9)),
                               TT.digit_eval(digits, pad_to=32), rtol=0, atol=0)


# --------------------------------------------------------------------------- metrics
@pytest.mark.parametrize("k,n", [(0, 10), (3, 10), (9953, 10000), (10, 10), (1, 1)])
def test_wilson_interval_matches_scipy(k, n):
    from scipy.stats import binomtest

    ref = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    lo, hi = card_lib.wilson_ci(k, n)
    assert lo == pytest.approx(ref.low, abs=1e-12) and hi == pytest.approx(ref.high, abs=1e-12)
    with pytest.raises(ValueError, match="n must be positive"):
        card_lib.wilson_ci(0, 0)


def test_evaluate_confusion_matrix_matches_sklearn():
    from sklearn.metrics import confusion_matrix

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4, 3))
    x = torch.randint(0, 256, (50, 1, 2, 2), dtype=torch.uint8)
    y = torch.randint(0, 3, (50,))
    ev = T.evaluate(model, x, y, lambda t: t.float() / 255, torch.device("cpu"), 3, batch_size=7)
    pred = model(x.float() / 255).argmax(1)
    assert ev["n"] == 50 and ev["accuracy"] == pytest.approx(float((pred == y).double().mean()))
    assert ev["confusion_matrix"] == confusion_matrix(y, pred, labels=[0, 1, 2]).tolist()
    ref_loss = F.cross_entropy(model(x.float() / 255).double(), y).item()
    assert ev["loss"] == pytest.approx(ref_loss, rel=1e-5)


def test_epoch_batches_partition_the_data_across_ranks():
    b0 = T.epoch_batches(100, 8, epoch=2, seed=0, world=2, rank=0)
    b1 = T.epoch_batches(100, 8, epoch=2, seed=0, world=2, rank=1)
    assert len(b0) == len(b1) == 50 // 8 and all(len(b) == 8 for b in b0 + b1)
    seen0, seen1 = {i for b in b0 for i in b}, {i for b in b1 for i in b}
    assert not seen0 & seen1
    assert T.epoch_batches(100, 8, 3, 0, 1, 0) != T.epoch_batches(100, 8, 2, 0, 1, 0)  # reshuffled per epoch
    assert T.epoch_batches(5, 8, 0, 0, 1, 0) == [T.epoch_batches(5, 8, 0, 0, 1, 0)[0]]  # tiny data: one batch


# --------------------------------------------------------------------------- devices, RNG, checkpoints
def test_select_device(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert T.select_device("auto").type == "cpu"
    with pytest.raises(ValueError, match="cuda"):
        T.select_device("cuda")
    with pytest.raises(ValueError, match="device must be"):
        T.select_device("tpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert T.select_device("auto") == torch.device("cuda", 1)
    assert T.select_device("cpu").type == "cpu"


def test_amp_switches_off_cleanly_on_cpu():
    scaler = torch.amp.GradScaler("cuda", enabled=False)  # what train() builds on the CPU
    w = torch.nn.Parameter(torch.ones(3))
    opt = torch.optim.SGD([w], lr=0.1)
    with torch.autocast("cpu", enabled=False):
        loss = (w * 2).sum()
    assert loss.dtype == torch.float32
    scaler.scale(loss).backward()
    scaler.step(opt)
    scaler.update()
    torch.testing.assert_close(w.detach(), torch.full((3,), 0.8))
    assert isinstance(scaler.state_dict(), dict)


def test_rng_state_roundtrip_through_weights_only(tmp_path):
    import random

    T.seed_everything(7)
    state = T.rng_state()
    T.atomic_save({"rng": state}, tmp_path / "s.pt")
    a = (torch.rand(3), np.random.rand(3), random.random())
    T.set_rng_state(torch.load(tmp_path / "s.pt", weights_only=True)["rng"])
    b = (torch.rand(3), np.random.rand(3), random.random())
    assert torch.equal(a[0], b[0]) and np.array_equal(a[1], b[1]) and a[2] == b[2]
    assert not (tmp_path / "s.pt.tmp").exists()


def test_hardware_name_names_the_cpu():
    name = T.hardware_name(torch.device("cpu"))
    assert "CPU" in name and name.split("-core")[0].isdigit()


# --------------------------------------------------------------------------- CLI and a real (tiny) run
def test_parse_args_defaults_and_validation():
    cfg, a = T.parse_args(["mnist"])
    spec = TT.TASKS["mnist"]
    assert (cfg.epochs, cfg.batch_size, cfg.lr, cfg.seed, cfg.out) == (spec.epochs, spec.batch_size, spec.lr, 0,
                                                                       "runs/mnist")
    cfg, _ = T.parse_args(["lenet5", "--epochs", "2", "--lr", "0.01", "--limit", "64", "--out", "x"])
    assert (cfg.epochs, cfg.lr, cfg.limit, cfg.out) == (2, 0.01, 64, "x")
    with pytest.raises(ValueError, match="--epochs must be positive"):
        T.parse_args(["mnist", "--epochs", "0"])
    with pytest.raises(SystemExit):
        T.parse_args(["imagenet"])


def test_train_writes_complete_outputs(fake_mnist, tmp_path):
    out = tmp_path / "run"
    argv = ["lenet5", "--epochs", "3", "--batch-size", "32", "--lr", "1e-2", "--device", "auto",
            "--data-dir", str(fake_mnist), "--out", str(out)]
    assert T.main(argv) == 0
    final = torch.load(out / "final.pt", weights_only=True)
    assert final["arch"] == "lenet5" and final["task"] == "digit" and final["classes"] == list("0123456789")
    assert final["preprocess"]["pad_to"] == 32 and final["preprocess"]["mean"] == [0.1307]
    test = final["metrics"]["test"]
    assert test["n"] == 64 and test["ci95"][0] <= test["accuracy"] <= test["ci95"][1]
    assert np.array(test["confusion_matrix"]).sum() == 64
    assert test["accuracy"] > 0.5                     # chance is 0.1: it learned
    tr = final["training"]
    assert tr["device"] == "cpu" and tr["amp"] is False and tr["epochs"] == 3 and tr["seed"] == 0
    assert tr["command"].startswith("python -m core.pipeline.train lenet5") and "CPU" in tr["hardware"]
    model = T.cnn.build("lenet5", num_classes=10)
    model.load_state_dict(final["state_dict"])        # the weights load into a fresh registry model
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["metrics"]["test"]["accuracy"] == test["accuracy"] and len(metrics["history"]["epoch"]) == 3
    assert json.loads((out / "config.json").read_text())["epochs"] == 3
    with Image.open(out / "curve.png") as im:
        assert im.size == (900, 380) and len(im.getcolors(1 << 16)) > 3
    ck = torch.load(out / "checkpoint.pt", weights_only=True)
    assert ck["epoch"] == 3 and ck["step"] == 0


def test_mini_train_yields_progress_then_test_accuracy():
    x, y = synthetic_digits(192, 0)
    tx, ty = synthetic_digits(64, 1)
    events = list(mini_train(x, y, epochs=2, batch_size=32, lr=1e-2, arch="lenet5",
                               test_images=tx, test_labels=ty))
    steps, last = events[:-1], events[-1]
    assert [e["step"] for e in steps] == list(range(1, 13)) and steps[0]["total_steps"] == 12
    assert all(np.isfinite(e["loss"]) and 0 <= e["acc"] <= 1 for e in steps)
    assert last["done"] and last["test_acc"] > 0.5
    again = list(mini_train(x, y, epochs=2, batch_size=32, lr=1e-2, arch="lenet5"))
    assert [e["loss"] for e in again[:-1]] == [e["loss"] for e in steps]   # seeded
    assert again[-1]["test_acc"] is None
    with pytest.raises(ValueError, match="uint8"):
        next(mini_train(x.astype(np.float32), y))
    with pytest.raises(ValueError, match="labels"):
        next(mini_train(x, y[:5]))


def test_practical_nets_shapes_and_registry():
    from core import cnn

    for name in ("mnist_net", "pets_net"):
        info = cnn.model_info(name)
        assert info.famous is False and info.tags == ("practical",)
        net = cnn.build(name).eval()
        assert net(torch.zeros(2, *info.input_shape)).shape == (2, info.num_classes)
        assert net(torch.zeros(2, *info.test_input_shape)).shape == (2, info.num_classes)
    with pytest.raises(ValueError, match="widths"):
        cnn.build("mnist_net", widths=(8, 16))
    with pytest.raises(ValueError, match="equal length"):
        cnn.build("pets_net", widths=(8, 16), blocks=(1,))


def test_pack_then_unpack_roundtrips_mnist_and_resizes_photos(fake_mnist, tmp_path):
    import importlib.util

    from core.pipeline import data as D

    spec = importlib.util.spec_from_file_location("pack_data", Path(__file__).parent.parent / "scripts" / "pack_data.py")
    pack_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pack_data)
    root = tmp_path / "root"
    shutil.copytree(fake_mnist / "MNIST", root / "MNIST")
    rng = np.random.default_rng(0)
    for cls in ("Cat", "Dog"):
        (root / "PetImages" / cls).mkdir(parents=True)
        for i in range(3):
            Image.fromarray(rng.integers(0, 256, (200, 300, 3), dtype=np.uint8)).save(root / "PetImages" / cls / f"{i}.jpg")
        (root / "PetImages" / cls / "broken.jpg").write_bytes(b"not a jpeg")
    assert pack_data.main(["pack", "--data-dir", str(root), "--out", str(tmp_path / "pack"), "--pet-size", "64"]) == 0
    manifest = json.loads((tmp_path / "pack" / "manifest.json").read_text())
    assert manifest["pets"]["skipped"] == 2 and manifest["pets"]["train"] + manifest["pets"]["test"] == 6
    assert sorted(manifest["mnist"]) == sorted(f"{n}.gz" for n in D.MNIST_FILES)
    assert pack_data.main(["unpack", "--src", str(tmp_path / "pack"), "--to", str(tmp_path / "data")]) == 0
    for train in (True, False):
        a, b = D.mnist_arrays(train, root), D.mnist_arrays(train, tmp_path / "data")
        assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    with Image.open(tmp_path / "data" / "PetImages" / "Dog" / "0.jpg") as im:
        assert im.size == (96, 64)                     # shorter side 64, aspect kept
    split = D.pets_split(tmp_path / "data")            # the same names → the same held-out split
    assert len(split.train_files) + len(split.test_files) == 6 and split.skipped == 0


def test_pets_task_hands_its_options_to_core_transfer(monkeypatch):
    from core.pipeline import train, transfer

    seen = {}
    monkeypatch.setattr(transfer, "main", lambda argv: seen.setdefault("argv", argv) and 0)
    assert train.main(["pets", "--limit", "8", "--finetune-epochs", "1"]) == 0
    assert seen["argv"] == ["--limit", "8", "--finetune-epochs", "1"]


@pytest.mark.parametrize("correct_all", [True, False])
def test_evaluate_interval_is_exact_at_0_and_100_percent(correct_all):
    """Issue 13's bug: a 100 % held-out accuracy gave an upper bound of 0.9999999999999999 in
    training and the card validator rejected it. One Wilson interval now: exactly 1.0 / 0.0."""
    n = 10
    y = torch.arange(n) % 2
    logits = F.one_hot(y if correct_all else 1 - y, 2).double() * 5.0

    class Fixed(torch.nn.Module):
        def forward(self, x):
            return logits[: len(x)]

    m = T.evaluate(Fixed(), torch.zeros(n, 1, 2, 2, dtype=torch.uint8), y, lambda x: x.double(),
                   torch.device("cpu"), num_classes=2)
    lo, hi = m["ci95"]
    if correct_all:
        assert m["accuracy"] == 1.0 and hi == 1.0 and lo < 1.0
    else:
        assert m["accuracy"] == 0.0 and lo == 0.0 and hi > 0.0
    assert (lo, hi) == card_lib.wilson_ci(m["correct"], n)
