"""The Store is one class composed of repositories, and each repository stands on its own.

Every test below but the first builds a bare :class:`Database` and one repository over it,
with no :class:`Store` at all: a repository needs nothing but the database it is given.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Status
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.storage import repositories
from crickets.storage.codec import PlainCodec
from crickets.storage.database import Database
from crickets.storage.errors import StoreReadOnly
from crickets.storage.repositories.action_log import LoggedActions
from crickets.storage.repositories.app_state import StateValues
from crickets.storage.repositories.interviews import Interviews
from crickets.storage.repositories.kept_invitations import KeptInvitations
from crickets.storage.repositories.maintenance import Maintenance
from crickets.storage.repositories.settings import SettingsAndProfile
from crickets.storage.store import Store
from tests.builders import make_interview

AT = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path, clock=FixedClock(AT))
    yield database
    database.close()


def test_the_store_is_one_class_composed_of_its_repositories(tmp_path: Path) -> None:
    assert Store.__mro__ == (Store, object)
    store = Store.open(tmp_path)
    try:
        parts = {
            "interviews": Interviews,
            "settings": SettingsAndProfile,
            "log": LoggedActions,
            "kept_invitations": KeptInvitations,
            "state": StateValues,
            "maintenance": Maintenance,
        }
        for name, kind in parts.items():
            assert type(getattr(store, name)) is kind
        assert all(getattr(store, name)._db is store.database for name in parts)
    finally:
        store.close()


def test_no_repository_inherits_anything() -> None:
    modules = [
        importlib.import_module(f"{repositories.__name__}.{found.name}")
        for found in pkgutil.iter_modules(repositories.__path__)
    ]
    classes = [
        cls
        for module in modules
        for _name, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__
    ]
    assert len(classes) == len(modules) == 6  # one repository per module
    assert all(cls.__mro__ == (cls, object) for cls in classes)


def test_interviews_alone(db: Database) -> None:
    interviews = Interviews(db)
    added = interviews.add(make_interview(id=None, ics_uid="uid@example.com"))
    assert added.id is not None
    assert interviews.list() == [added]
    interviews.update(replace(added, status=Status.CANCELLED))
    assert interviews.find_by_uid("uid@example.com") == replace(added, status=Status.CANCELLED)
    assert interviews.delete(added.id) is True
    assert interviews.get(added.id) is None


def test_settings_and_profile_alone(db: Database) -> None:
    settings = SettingsAndProfile(db)
    assert settings.load_profile() == Profile()
    settings.save_settings(Settings(sound=False))
    settings.save_profile(Profile("Sam Lee", "sam@example.com"))
    assert settings.load_settings() == Settings(sound=False)
    assert settings.load_profile().email == "sam@example.com"


def test_the_action_log_and_kept_invitations_alone(db: Database) -> None:
    interview = Interviews(db).add(make_interview(id=None))
    assert interview.id is not None
    log, kept = LoggedActions(db), KeptInvitations(db)
    logged = log.log_action(Action(interview.id, AT, ActionKind.NOTE, "left a message"))
    assert logged.id is not None
    assert log.actions(interview.id) == [logged]
    kept.save_invitation(interview.id, b"BEGIN:VCALENDAR")
    assert kept.load_invitation(interview.id) == b"BEGIN:VCALENDAR"
    assert kept.invitations() == {interview.id: b"BEGIN:VCALENDAR"}


def test_app_state_alone(db: Database) -> None:
    state = StateValues(db)
    assert state.get_state("k") is None
    assert state.ensure_state("k", "first") == "first"
    assert state.ensure_state("k", "second") == "first"
    with db.write():
        state.record_state("joined", "yes")  # inside the open write, not a second one
    assert state.get_state("joined") == "yes"


def test_maintenance_alone(db: Database) -> None:
    maintenance = Maintenance(db)
    assert maintenance.quick_check() == ()
    assert not maintenance.has_user_data()
    empty = maintenance.fingerprint()
    StateValues(db).set_state("k", "v")  # bookkeeping is not the person's data
    assert maintenance.fingerprint() == empty
    Interviews(db).add(make_interview(id=None))
    assert maintenance.has_user_data()
    assert maintenance.fingerprint() != empty
    assert (maintenance.sealed_row_count(), maintenance.plain_row_count()) == (0, 1)


def test_every_repository_shares_the_database_codec(db: Database) -> None:
    interviews = Interviews(db)
    added = interviews.add(make_interview(id=None, ics_uid="uid@example.com"))

    class Shouting(PlainCodec):
        def lookup_token(self, text: str) -> str:
            return text.upper()

    db.use_codec(Shouting())
    assert interviews.find_by_uid("uid@example.com") is None  # the token is the codec's
    db.use_codec(PlainCodec())
    assert interviews.find_by_uid("uid@example.com") == added


def test_a_read_only_database_refuses_every_write(tmp_path: Path) -> None:
    Database.open(tmp_path).close()
    database = Database.open(tmp_path, read_only=True)
    try:
        with pytest.raises(StoreReadOnly):
            StateValues(database).set_state("k", "v")
        StateValues(database).record_state("k", "v")  # quietly keeps nothing
        assert StateValues(database).get_state("k") is None
    finally:
        database.close()


def test_the_demos_short_timings_survive_a_round_trip(tmp_path: Path) -> None:
    """Each stored setting is checked alone for its type and all of them together for how
    they sit with each other: one-minute timings are fine beside each other, not beside
    the defaults, and must not be taken for damage."""
    from crickets.demo import DEMO_SETTINGS

    store = Store.open(tmp_path)
    store.settings.save_settings(DEMO_SETTINGS)
    assert store.settings.load_settings() == DEMO_SETTINGS
    assert store.unreadable() == []
    store.close()
