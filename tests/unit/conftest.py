"""Shared builders for the unit tests: no Qt, no files outside tmp_path, no real clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crickets.domain.interview import Interview
from crickets.domain.settings import Settings

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)  # a Wednesday


def make_interview(
    local: datetime = datetime(2026, 12, 1, 14, 0), zone: str = "America/New_York", **kw: object
) -> Interview:
    return Interview(local_start=local, zone=zone, **{"id": 1, "company": "Acme", **kw})  # type: ignore[arg-type]


@pytest.fixture
def settings() -> Settings:
    return Settings()
