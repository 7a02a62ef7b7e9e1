import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crickets import resources


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    resources.root.cache_clear()
    yield
    resources.root.cache_clear()


def test_checkout_layout_is_found() -> None:
    assert resources.root() == Path(__file__).resolve().parents[2] / "resources"


def test_frozen_bundle_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resources" / "templates").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.root() == tmp_path / "resources"


def test_installed_wheel_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "crickets"
    (package / "_resources" / "templates").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.root() == package / "_resources"


def test_missing_resources_name_every_place_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "a" / "b" / "crickets")
    with pytest.raises(FileNotFoundError, match="looked in"):
        resources.root()
