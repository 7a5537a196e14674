"""Transfer learning pieces: logistic head vs scikit-learn, trunk/tail split, fine-tuning, preprocessing."""
import numpy as np
import pytest
import torch
from PIL import Image

from core import cnn
from core._common import confusion_counts
from core.pipeline.transfer import (
    TAP_BLOCK,
    Tail,
    TransferConfig,
    TrunkTaps,
    finetune_tail,
    fit_linear_head,
    load_photos,
    photo_preprocess,
)


def test_fit_linear_head_matches_sklearn_multinomial():
    """mean CE + l2·‖W‖² is scikit-learn's ½‖W‖² + C·ΣCE with C = 1 / (2·l2·N)."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    n, d, k, l2 = 300, 5, 3, 1e-2
    x = rng.standard_normal((n, d))
    y = (x @ rng.standard_normal((d, k)) + 0.5 * rng.standard_normal((n, k))).argmax(1)
    w, b = fit_linear_head(x, y, l2, n_classes=k)
    ref = LogisticRegression(C=1 / (2 * l2 * n), tol=1e-12, max_iter=10_000).fit(x, y)
    p = torch.softmax(torch.from_numpy(x @ w.T + b), 1).numpy()
    np.testing.assert_allclose(p, ref.predict_proba(x), atol=1e-6)
    np.testing.assert_allclose(w, ref.coef_, atol=1e-5)


def test_confusion_matrix_matches_sklearn():
    from sklearn.metrics import confusion_matrix as sk_cm

    rng = np.random.default_rng(1)
    t, p = rng.integers(0, 3, 50), rng.integers(0, 3, 50)
    np.testing.assert_array_equal(confusion_counts(t, p, 3), sk_cm(t, p, labels=[0, 1, 2]))


@pytest.fixture(scope="module")
def net():
    torch.manual_seed(0)
    m = cnn.build("efficientnet_lite0", num_classes=2).double().eval()
    # Non-trivial BN statistics so that the split has something to get wrong.
    for mod in m.modules():
        if isinstance(mod, torch.nn.BatchNorm2d):
            mod.running_mean.uniform_(-0.1, 0.1)
            mod.running_var.uniform_(0.5, 1.5)
    return m


def test_trunk_taps_and_tail_recompose_the_network(net):
    x = torch.randn(2, 3, 64, 64, dtype=torch.float64)
    with torch.no_grad():
        tap, feats = TrunkTaps(net)(x)
        assert tap.shape == (2, 192, 2, 2)                   # input of the last MBConv at 1/32
        torch.testing.assert_close(feats, net.features(x), rtol=1e-12, atol=1e-12)
        torch.testing.assert_close(Tail(net)(tap), net(x), rtol=1e-12, atol=1e-12)


def test_finetune_changes_only_the_tail_and_keeps_bn_statistics():
    torch.manual_seed(0)
    m = cnn.build("efficientnet_lite0", num_classes=2)
    before = {k: v.clone() for k, v in m.state_dict().items()}
    taps = np.random.default_rng(0).standard_normal((16, 192, 2, 2)).astype(np.float32)
    y = np.arange(16) % 2
    cfg = TransferConfig(finetune_epochs=1, finetune_batch_size=8, finetune_lr=1e-2)
    hist = finetune_tail(m, taps, y, cfg, val=(taps, y))
    assert hist["epoch"] == [1] and np.isfinite(hist["train_loss"][0]) and 0 <= hist["val_acc"][0] <= 1
    after = m.state_dict()
    tail_prefixes = (f"blocks.{TAP_BLOCK}.", "head.", "classifier.")
    for k, v in before.items():
        changed = not torch.equal(v, after[k])
        if "running_" in k or "num_batches" in k or not k.startswith(tail_prefixes):
            assert not changed, f"{k} must stay frozen"
    assert not torch.equal(before["classifier.weight"], after["classifier.weight"])
    assert not torch.equal(before["head.0.weight"], after["head.0.weight"])


def test_photo_preprocess_is_lite_normalisation(tmp_path):
    """A 180×180 photo → 224×224, (v − 127) / 128 per pixel value v: a flat image stays flat."""
    for v in (0, 127, 255):
        Image.new("RGB", (180, 180), (v, v, v)).save(tmp_path / f"{v}.png")
    x = load_photos([tmp_path / f"{v}.png" for v in (0, 127, 255)], photo_preprocess(224))
    assert x.shape == (3, 3, 224, 224) and x.dtype == np.float32
    np.testing.assert_allclose(x[:, 0, 100, 100], [(v - 127) / 128 for v in (0, 127, 255)], atol=1e-6)
    np.testing.assert_allclose(x.std(axis=(1, 2, 3)), 0, atol=1e-6)


def test_photo_preprocess_spec_is_a_valid_card_recipe():
    from core.serve.card import _validate_preprocess

    _validate_preprocess(photo_preprocess(224), [None, 3, 224, 224])
    with pytest.raises(ValueError, match="crop"):
        _validate_preprocess(photo_preprocess(224), [None, 3, 192, 192])
