"""Anew: a private, self-hosted breakup-recovery coach."""

__version__ = "0.1.0"
