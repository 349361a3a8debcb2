"""Prioritise: portfolio management of digitalisation initiatives for Danish municipalities."""

__version__ = "0.1.0"
