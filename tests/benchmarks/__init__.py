"""Benchmarks with targets (issue 9), run apart from the unit tests:
``python -m tests.benchmarks [--quick] [--json OUT]``."""
