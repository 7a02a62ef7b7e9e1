"""Fixtures for the unit tests: no Qt, no files outside tmp_path, no real clock.

Plain builders (``make_interview``, ``NOW``) live in tests/builders.py.
"""

from __future__ import annotations

import pytest

from crickets.domain.settings import Settings


@pytest.fixture
def settings() -> Settings:
    return Settings()
