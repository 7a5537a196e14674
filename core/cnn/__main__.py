"""Command line for the famous-CNN tables.

    python -m core.cnn list                                  # every registered model, with its parameters
    python -m core.cnn summary vgg16 [--input 3,224,224]     # the lecture-style layer table
    python -m core.cnn summary googlenet --blocks Inception  # one row per Inception module

Models are built on the ``meta`` device: shapes and counts without allocating weights.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import torch.nn as nn

from . import list_models, model_info
from .lecture_tables import meta_model
from .summary import summarize


def _shape(text: str) -> tuple[int, ...]:
    try:
        shape = tuple(int(v) for v in text.replace("x", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected C,H,W such as 3,224,224, got {text!r}") from None
    if not shape or min(shape) < 1:
        raise argparse.ArgumentTypeError(f"expected positive sizes such as 3,224,224, got {text!r}")
    return shape


def _block_types(model: nn.Module, names: Sequence[str]) -> tuple[type[nn.Module], ...]:
    """Module classes named on the command line, looked up among the model's own modules."""
    found = {type(m).__name__: type(m) for m in model.modules()}
    missing = [n for n in names if n not in found]
    if missing:
        raise SystemExit(f"no module class {', '.join(missing)} in this model; it has: {', '.join(sorted(found))}")
    return tuple(found[n] for n in names)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.cnn", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="registered models with year and parameter count")
    p = sub.add_parser("summary", help="layer-by-layer table of one model")
    p.add_argument("model", choices=list_models())
    p.add_argument("--input", type=_shape, default=None, help="one sample's C,H,W (default: the paper's)")
    p.add_argument("--num-classes", type=int, default=None)
    p.add_argument("--blocks", nargs="*", default=(), metavar="CLASS",
                   help="module classes to show as one row each, e.g. Inception Bottleneck")
    args = parser.parse_args(argv)

    if args.command == "list":
        header = f"{'model':<20} {'family':<18} {'year':>4}  {'input':<11} {'parameters':>13}  paper"
        print(header)
        print("-" * len(header))
        for name in list_models():
            info = model_info(name)
            params = sum(p.numel() for p in meta_model(name).parameters())
            shape = "×".join(map(str, info.input_shape))
            print(f"{name:<20} {info.family:<18} {info.year or '':>4}  {shape:<11} {params:>13,}  {info.paper or ''}")
        return 0

    info = model_info(args.model)
    model = meta_model(args.model, num_classes=args.num_classes)
    print(summarize(model, args.input or info.input_shape, blocks=_block_types(model, args.blocks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
