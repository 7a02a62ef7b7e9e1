"""Crickets: a tray countdown for interviews, and a calm guide when nobody calls."""

__version__ = "0.1.0"
