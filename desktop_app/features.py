"""Which features this build has, in navigation order, found by the modules each one provides.

A feature ``key`` is a package ``desktop_app/<key>/`` that may provide, each optional:
  models.py     SQLModel tables (imported before migrations and metadata comparisons)
  reference.py  ``ensure(session)`` — reference data every database needs (idempotent)
  guards.py     ``TABLES`` — its append-only tables (core.db.guards keeps their triggers in place)
  calendar_follow.py  ``FOLLOWER`` — what moves in the feature when the work calendar changes
  demo.py       ``generate(engine, *, scale, seed, progress)`` — demo records for ``smiledesk demo``
  feature.py    ``FEATURE`` — its page for the main window (Qt; imported only by app.py)
Nothing that is not built is shown: a feature without feature.py has no page.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

FEATURE_KEYS = (
    "dashboard", "residents", "desk", "rosters", "meals", "passports", "certificates", "reports", "admin", "safety",
)


def enabled_keys() -> tuple[str, ...]:
    """All features, or only those named in SMILEDESK_FEATURES (comma-separated; for development)."""
    import os

    only = os.environ.get("SMILEDESK_FEATURES", "").strip()
    if not only:
        return FEATURE_KEYS
    wanted = {k.strip() for k in only.split(",")}
    return tuple(k for k in FEATURE_KEYS if k in wanted)


def module(key: str, name: str, *, always: bool = False) -> ModuleType | None:
    """Module ``name`` of feature ``key`` (e.g. its demo or cli), or None when this build lacks it."""
    if not always and key not in enabled_keys():
        return None
    full = f"desktop_app.{key}.{name}"
    try:
        spec = importlib.util.find_spec(full)
    except ModuleNotFoundError:
        return None
    if spec is None:
        return None
    return importlib.import_module(full)


class _LazyAPI:
    """A feature's API imported when first used (importing services at start-up costs time)."""

    def __init__(self, full: str) -> None:
        self._full = full

    def __getattr__(self, name: str):
        return getattr(importlib.import_module(self._full), name)


def api(key: str, module: str = "") -> _LazyAPI | None:
    """The public API of feature ``key`` (``module`` within it while features are being moved), imported on
    first use; None when the feature is not in this build. app.py builds ``interfaces.Services`` from it."""
    full = f"desktop_app.{key}" + (f".{module}" if module else "")
    if key not in enabled_keys():
        return None
    try:
        if importlib.util.find_spec(full) is None:
            return None
    except ModuleNotFoundError:
        return None
    return _LazyAPI(full)


def modules(name: str) -> list[ModuleType]:
    return [m for key in FEATURE_KEYS if (m := module(key, name)) is not None]


def import_all_models() -> None:
    import desktop_app.core.models  # noqa: F401

    # Every table, whatever SMILEDESK_FEATURES says: migrations cover all features.
    for key in FEATURE_KEYS:
        module(key, "models", always=True)


def ensure_reference_data(session) -> None:
    from desktop_app.core import reference

    reference.ensure_reference_data(session)
    for mod in modules("reference"):
        mod.ensure(session)


def declare_guards() -> None:
    """Every feature's append-only tables (``<feature>/guards.py``; tiny modules, no models imported), whatever
    SMILEDESK_FEATURES says: the tables exist in every database."""
    from desktop_app.core.db import guards

    for key in FEATURE_KEYS:
        mod = module(key, "guards", always=True)
        if mod is not None:
            guards.declare(*mod.TABLES)


def calendar_followers() -> list:
    """What each feature of this build moves when the work calendar changes (``<feature>/calendar_follow.py``)."""
    return [mod.FOLLOWER for mod in modules("calendar_follow")]


def open_app_database(url: str | None = None):
    """The engine for ``url`` with every feature's tables migrated, its append-only triggers in place and
    reference data present.

    On a sub-district server a station's (or the office's) login may not migrate: the owner's ``smiledesk
    migrate`` does that and the reference data; such a login only checks the schema is current. A server
    that cannot be reached raises ServerUnreachable (translated, no driver text)."""
    from sqlalchemy.exc import DBAPIError

    from desktop_app.core.db import storage_error
    from desktop_app.core.db.errors import _from_postgres, unreadable_database

    try:
        return _open_app_database(url)
    except DBAPIError as exc:
        if _from_postgres(exc):
            raise storage_error(exc) from exc
        # a damaged or foreign SQLite file: name it and the way out (smiledesk check, restore)
        raise (unreadable_database(exc, url) or storage_error(exc)) from exc


def _open_app_database(url: str | None):
    from desktop_app.core.db import is_up_to_date, make_engine, open_database, rls, session_scope

    declare_guards()
    probe = make_engine(url)
    if probe.dialect.name == "postgresql" and rls.login_kind(probe) not in ("owner", "other"):
        if not is_up_to_date(probe):
            from desktop_app.core.errors import StorageError
            from desktop_app.core.i18n import QT_TRANSLATE_NOOP

            probe.dispose()
            raise StorageError(QT_TRANSLATE_NOOP(
                "Errors", "The database on the server is older than this SmileDesk. The sub-district's IT staff upgrade "
                          "it with the owner's account (smiledesk migrate, docs/postgres.md); then start again."))
        return probe
    if not is_up_to_date(probe):
        import_all_models()  # only needed to migrate (Alembic's env imports them too); costly at start-up
    probe.dispose()
    engine = open_database(url, run_migrations=True)
    with session_scope(engine) as s:
        stamp = reference_stamp()
        if _stored_stamp(s) != stamp:  # seeding imports every feature's models: only when something changed
            for mod in modules("reference"):
                mod.ensure(s)
            _store_stamp(s, stamp)
    return engine


REFERENCE_STAMP_KEY = "reference.stamp"


def reference_stamp() -> str:
    """Changes when the app version, the enabled features or any reference data source changes."""
    import hashlib
    from pathlib import Path

    from desktop_app import __version__
    from desktop_app.core import paths

    root = Path(__file__).resolve().parent
    parts = [__version__, ",".join(enabled_keys())]
    files = sorted(root.glob("*/reference.py")) + sorted((paths.db_dir() / "reference").glob("*"))
    for f in files:
        st = f.stat()
        parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("|".join(parts).encode()).hexdigest()


def _stored_stamp(s) -> str | None:
    from sqlmodel import select

    from desktop_app.core.models import StationSetting

    row = s.exec(select(StationSetting.value).where(StationSetting.station_id == None,  # noqa: E711
                                                    StationSetting.key == REFERENCE_STAMP_KEY)).first()
    return row


def _store_stamp(s, stamp: str) -> None:
    from sqlmodel import select

    from desktop_app.core.models import StationSetting

    row = s.exec(select(StationSetting).where(StationSetting.station_id == None,  # noqa: E711
                                              StationSetting.key == REFERENCE_STAMP_KEY)).first()
    if row is None:
        row = StationSetting(station_id=None, key=REFERENCE_STAMP_KEY, value=stamp)
    row.value = stamp
    s.add(row)
