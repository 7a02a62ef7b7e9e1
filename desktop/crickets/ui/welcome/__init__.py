"""The welcome window shown once, at the first start."""
