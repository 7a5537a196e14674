"""Benchmarks: `python -m bench` prints the performance table (see README "Performance")."""
