"""EfficientNet-Lite0: architecture, TF-SAME padding, pretrained load, ImageNet sanity on real photos."""
import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from core import cnn
from core.cnn.efficientnet_lite import (
    LITE_MEAN,
    LITE_STD,
    ConvBNAct,
    EfficientNetLite,
    MBConv,
    load_pretrained,
    pretrained_state_dict,
    same_padding,
)

CAT_CLASSES = range(281, 286)   # ImageNet: tabby, tiger cat, Persian, Siamese, Egyptian cat
DOG_CLASSES = range(151, 269)   # ImageNet: the dog breeds


@pytest.fixture(scope="module")
def pretrained() -> EfficientNetLite:
    torch.manual_seed(0)
    return load_pretrained(cnn.build("efficientnet_lite0")).eval()


def test_registered_as_practical():
    info = cnn.model_info("efficientnet_lite0")
    assert not info.famous and "practical" in info.tags
    assert info.input_shape == (3, 224, 224) and info.num_classes == 1000


def test_lite0_parameter_count_and_shapes():
    m = cnn.build("efficientnet_lite0").eval()
    # EfficientNet-Lite0 as published: 4,652,008 parameters (4.65 M); B0 has 5.29 M with SE/swish.
    assert sum(p.numel() for p in m.parameters()) == 4_652_008
    assert not any(isinstance(x, nn.SiLU | nn.Sigmoid) for x in m.modules())   # no swish, no SE gates
    x = torch.randn(2, 3, 64, 64)
    with torch.no_grad():
        assert m(x).shape == (2, 1000)
        assert m.features(x).shape == (2, 1280)
    assert cnn.build("efficientnet_lite0", num_classes=2).classifier.out_features == 2


@pytest.mark.parametrize("kernel,stride,size", [(3, 2, 8), (5, 2, 8), (3, 1, 7), (5, 1, 6)])
def test_same_padding_matches_tensorflow_rule(kernel, stride, size):
    """Against TF's SAME definition written out: total = max((⌈n/s⌉−1)·s + k − n, 0), before = total // 2."""
    total = max((-(-size // stride) - 1) * stride + kernel - size, 0)
    before = total // 2
    torch.manual_seed(0)
    x = torch.randn(1, 4, size, size, dtype=torch.float64)
    conv = ConvBNAct(4, 4, kernel, stride, act=False).double().eval()
    w = next(m for m in conv if isinstance(m, nn.Conv2d)).weight
    ref = F.conv2d(F.pad(x, (before, total - before, before, total - before)), w, stride=stride)
    assert same_padding(kernel, stride)[:2] == (before, total - before)
    with torch.no_grad():
        got = nn.Sequential(*list(conv)[:-1])(x)  # drop BN: compare the padded convolution only
    torch.testing.assert_close(got, ref, rtol=1e-12, atol=1e-12)


def test_mbconv_residual_only_when_shapes_agree():
    assert MBConv(16, 16, 3, 1, 6).use_residual
    assert not MBConv(16, 24, 3, 1, 6).use_residual
    assert not MBConv(16, 16, 3, 2, 6).use_residual
    assert isinstance(MBConv(32, 16, 3, 1, 1).expand, nn.Identity)


def test_pretrained_load_maps_all_296_tensors_one_to_one(pretrained):
    src = pretrained_state_dict()
    assert len(src) == 296
    dst = pretrained.state_dict()
    assert len(dst) == 296
    for (sk, sv), (dk, dv) in zip(src.items(), dst.items(), strict=True):
        assert sv.shape == dv.shape, (sk, dk)
        assert torch.equal(sv, dv), (sk, dk)


def test_pretrained_load_keeps_new_classifier():
    m = cnn.build("efficientnet_lite0", num_classes=2)
    w = m.classifier.weight.clone()
    load_pretrained(m, classifier=False)
    assert torch.equal(m.classifier.weight, w)
    stem_bn = next(x for x in m.stem if isinstance(x, nn.BatchNorm2d))
    assert torch.equal(stem_bn.running_var, pretrained_state_dict()["_bn0.running_var"])


def test_pretrained_load_rejects_wrong_shapes():
    sd = dict(pretrained_state_dict())
    sd["_blocks.3._depthwise_conv.weight"] = torch.zeros(144, 1, 3, 3)  # really 5×5
    with pytest.raises(ValueError, match="shape mismatch"):
        load_pretrained(cnn.build("efficientnet_lite0"), state_dict=sd)
    sd.pop("_conv_head.weight")
    with pytest.raises(ValueError, match="tensors"):
        load_pretrained(cnn.build("efficientnet_lite0"), state_dict=sd)


def _photos(root, folder: str, names: list[str]) -> torch.Tensor:
    from core.pipeline.transfer import load_photos, photo_preprocess

    files = [root / "PetImages" / folder / n for n in names]
    for f in files:
        if not f.exists():
            pytest.skip(f"{f} not in this copy of PetImages")
    return torch.from_numpy(load_photos(files, photo_preprocess(224)))


@pytest.mark.data
@pytest.mark.slow
def test_imagenet_top5_of_real_cats_and_dogs(pretrained, data_root_real):
    """The proof the weights landed right: ImageNet top-5 holds a cat class (281–285) for cat photos and
    a dog breed (151–268) for dog photos; with the Lite normalisation (x·255 − 127) / 128."""
    assert np.allclose(LITE_MEAN, 127 / 255) and np.allclose(LITE_STD, 128 / 255)
    names = ["1.jpg", "10.jpg", "100.jpg", "1000.jpg", "10000.jpg"]
    cats, dogs = _photos(data_root_real, "Cat", names), _photos(data_root_real, "Dog", names)
    with torch.no_grad():
        top5_cat = pretrained(cats).topk(5).indices
        top5_dog = pretrained(dogs).topk(5).indices
    cat_hits = [any(int(c) in CAT_CLASSES for c in row) for row in top5_cat]
    dog_hits = [any(int(c) in DOG_CLASSES for c in row) for row in top5_dog]
    assert all(cat_hits), top5_cat.tolist()
    assert all(dog_hits), top5_dog.tolist()
    # A randomly initialised network does not do this: the check can fail.
    torch.manual_seed(0)
    rand = cnn.build("efficientnet_lite0").eval()
    with torch.no_grad():
        rand_top5 = rand(cats).topk(5).indices
    assert sum(any(int(c) in CAT_CLASSES for c in row) for row in rand_top5) < len(names)


def test_flip_tta_averages_the_mirror_image_logits():
    torch.manual_seed(0)
    plain = cnn.build("efficientnet_lite0", num_classes=2).double().eval()
    tta = cnn.build("efficientnet_lite0", num_classes=2, flip_tta=True).double().eval()
    tta.load_state_dict(plain.state_dict())          # no extra parameters: same checkpoint format
    x = torch.randn(2, 3, 64, 64, dtype=torch.float64)
    with torch.no_grad():
        expected = (plain(x) + plain(x.flip(3))) / 2
        torch.testing.assert_close(tta(x), expected, rtol=1e-12, atol=1e-12)
        torch.testing.assert_close(tta(x.flip(3)), tta(x), rtol=1e-12, atol=1e-12)  # mirror-invariant
