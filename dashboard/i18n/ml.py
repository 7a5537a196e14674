"""Strings of pages 1–8 (the machine-learning half). Keys are prefixed ``pNN.``."""
STRINGS: dict[str, dict[str, str]] = {}
