"""Issue 14, pages 14-15: the numbers the lecture's CNN sections state or imply, computed in core."""
import numpy as np
import pytest
import torch

from core.cnn import lecture_extras as le


def test_zfnet_variants_paper_and_lecture():
    paper, lecture = le.zfnet_rows("paper"), le.zfnet_rows("lecture")
    maps = {r["layer"]: r["map"] for r in lecture}
    for layer, volume in le.ZFNET_LECTURE_VOLUMES:       # the lecture's table 8.1, ZFNet column
        assert maps[layer] == volume
    pmaps = {r["layer"]: r["map"] for r in paper}
    for layer, volume in le.ZFNET_PAPER_VOLUMES:         # the paper's Fig. 3
        assert pmaps[layer] == volume
    tot = le.zfnet_totals()
    assert tot == {"paper": 62_357_608, "lecture": 107_627_624}
    with pytest.raises(ValueError):
        le.meta_model("zfnet", variant="wide")


def test_zfnet_input_is_224_not_227():
    sizes = le.zfnet_input_sizes()
    assert sizes[224] == (55, 55, 96) and sizes[227] == (56, 56, 96)
    assert (le.ZFNET_TEXT_INPUT, le.ZFNET_TABLE_INPUT) == (227, 224)


@pytest.mark.parametrize("c", [1, 64, 512])
def test_vgg_two_3x3_see_5x5_three_see_7x7(c):
    rows = {r["layers"]: r for r in le.vgg_stacks(c)}
    assert (rows[2]["field"], rows[3]["field"]) == (5, 7)
    assert (rows[2]["stacked"], rows[2]["single"]) == (18 * c * c, 25 * c * c)
    assert (rows[3]["stacked"], rows[3]["single"]) == (27 * c * c, 49 * c * c)
    # the receptive field, checked by pushing a single pixel through the stack
    x = torch.zeros(1, 1, 15, 15)
    x[0, 0, 7, 7] = 1
    conv = torch.nn.Conv2d(1, 1, 3, padding=1, bias=False)
    torch.nn.init.ones_(conv.weight)
    with torch.no_grad():
        y = conv(conv(conv(x)))
    assert int((y[0, 0].sum(dim=0) > 0).sum()) == 7


def test_inception3a_with_and_without_reduction():
    from core.cnn import lecture_tables as lt

    r = le.inception3a_reduction()
    assert r["with"]["weights"] == lt.inception3a()["conv_weights"] == 163_328
    assert r["with"]["macs"] == lt.inception3a()["macs"] == 128_049_152        # the lecture's "128M"
    assert r["without"]["weights"] == 393_216 and r["without"]["macs"] == 308_281_344
    assert r["with"]["out_channels"] == r["without"]["out_channels"] == 256
    assert r["saving"]["macs"] == pytest.approx(2.4075, abs=1e-4)


def test_se_block_and_fire_module_parameters():
    from core.cnn.squeezenet import FireModule

    r = le.se_vs_fire()
    assert r["se"]["params"] == 2 * 128 * 128 // 16 + 128 // 16 + 128 == 2_184
    assert r["fire"]["params"] == 97 * 16 + 17 * 64 + (9 * 16 + 1) * 64 == 11_920
    y = FireModule(96, 16, 64, 64)(torch.randn(2, 96, 9, 9))
    assert y.shape == (2, 128, 9, 9)


def test_lrn_matches_torch_with_the_papers_constants():
    x = np.random.default_rng(0).normal(size=(8, 4, 4)) * 10
    ref = torch.nn.LocalResponseNorm(5, alpha=5 * 1e-4, beta=0.75, k=2.0)(torch.tensor(x)[None])[0].numpy()
    np.testing.assert_allclose(le.local_response_norm(x), ref, rtol=1e-12)
    # one very large channel damps its neighbours (lateral inhibition across channels), not the far ones
    a = np.ones((7, 1, 1))
    a[3] = 100
    b = le.local_response_norm(a)[:, 0, 0]
    assert b[1] < 0.8 * b[0] and b[5] < 0.8 * b[6] and b[0] == pytest.approx(b[6])  # 1, 5: within n/2 of 3


@pytest.mark.parametrize("n, k, s, padding, expected", [
    (28, 5, 1, "same", 28), (28, 5, 1, "valid", 24), (32, 5, 1, "valid", 28), (7, 3, 2, "same", 4),
    (7, 3, 2, "valid", 3), (14, 2, 2, "valid", 7)])
def test_keras_padding_output_size(n, k, s, padding, expected):
    assert le.keras_output_size(n, k, s, padding) == expected
    if padding == "same" and s == 1:
        conv = torch.nn.Conv2d(1, 1, k, padding=le.same_padding(k))
        assert conv(torch.zeros(1, 1, n, n)).shape[-1] == expected


def test_the_lectures_gap_keras_summary():
    rows = {name: params for name, _, _, params, _ in le.keras_gap_model()}
    assert rows["dense"] == 64_500 and rows["dense_1"] == 5_010
    assert sum(rows.values()) == le.GAP_LECTURE["total"] == 326_534
    assert sum(p.numel() for p in le.keras_gap_torch().parameters()) == 326_534
    shown = [(n, shape) for n, _, shape, _, s in le.keras_gap_model() if s]
    assert shown[0] == ("max_pooling2d_1", (None, 7, 7, 128)) and shown[1] == ("global_average_pooling2d", (None, 128))
    assert le.gap_vs_flatten() == {"gap": 64_500, "flatten": 3_136_500}
