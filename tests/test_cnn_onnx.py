"""Every registered model exports to ONNX (torch.onnx's dynamo exporter) and ONNX Runtime agrees with PyTorch.

Big models run at their registered ``test_input_shape`` with 10 classes, so the suite stays fast on a
2-core CPU; none is skipped.
"""
from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
import torch

from core import cnn

# Models whose export + session creation takes more than a few seconds on 2 CPU cores (≥ 50M parameters).
SLOW = {"alexnet", "zfnet", "vgg16", "resnet152"}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n
                                  for n in cnn.list_models()])
def test_onnx_export_matches_pytorch(name):
    torch.manual_seed(0)
    info = cnn.model_info(name)
    model = cnn.build(name, num_classes=10).eval()
    x = torch.randn(2, *(info.test_input_shape or info.input_shape))
    with torch.no_grad():
        expected = model(x).numpy()
        program = torch.onnx.export(model, (x,), dynamo=True, verbose=False)
    session = ort.InferenceSession(program.model_proto.SerializeToString(), providers=["CPUExecutionProvider"])
    (got,) = session.run(None, {session.get_inputs()[0].name: x.numpy()})
    assert got.shape == expected.shape == (2, 10)
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
