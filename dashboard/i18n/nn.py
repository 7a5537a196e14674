"""Strings of pages 9–16 (neural networks and CNNs). Keys are prefixed ``pNN.``."""
STRINGS: dict[str, dict[str, str]] = {}
