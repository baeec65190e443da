"""One place for the database: engine from a URL, SQLite pragmas, transactions, migrations on open.

* ``make_engine(url)`` — SQLite file (default, in the user data dir) or PostgreSQL by URL.
* ``session_scope(engine)`` — one transaction per use case; commit on success, roll back on error.
  On SQLite a writing scope starts with ``BEGIN IMMEDIATE`` so two processes queue on busy_timeout
  instead of failing with "database is locked" halfway through.
* ``open_database(url)`` — engine + Alembic migrations (a timestamped copy is made first when a
  migration is pending on an existing SQLite file).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import DateTime, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine

from desktop_app.core import paths
from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")

BUSY_TIMEOUT_MS = 15000


class AwareDateTime(TypeDecorator):
    """A timezone-aware datetime stored as UTC (SQLite keeps it as sortable UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware one is required")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def default_url() -> str:
    env = os.environ.get("SMILEDESK_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{paths.default_database_path()}"


def url_for(db: str | os.PathLike | None) -> str:
    """`--db` accepts a file path or a full SQLAlchemy URL."""
    if db is None:
        return default_url()
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    if not is_sqlite(engine):
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    url = url or default_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        # Take transaction control away from the sqlite3 module so BEGIN is ours (see "begin").
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One transaction: everything inside commits together or not at all.

    ``write=False`` declares a read: on SQLite it starts a deferred transaction, so readers never
    queue behind writers. A read scope must not write. If one does anyway (a use case that should
    have asked for a writing scope), the write is kept rather than silently lost; under the test
    suite (SMILEDESK_STRICT_SCOPES=1) it raises so the caller gets fixed.
    """
    bind = engine.execution_options(sqlite_immediate=True) if (write and is_sqlite(engine)) else engine
    with Session(bind, expire_on_commit=False) as session:
        if not write:
            event.listen(session, "after_flush", _mark_written)
        try:
            yield session
            if not write and session.info.get("wrote") and os.environ.get("SMILEDESK_STRICT_SCOPES") == "1":
                raise AssertionError("a read scope (session_scope(write=False)) wrote to the database; "
                                     "open it with write=True")
            # Commit a read scope too: unlike rollback, commit with expire_on_commit=False leaves
            # loaded objects usable after the scope.
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise storage_error(exc) from exc
        except DataError as exc:  # PostgreSQL refuses a value SQLite takes (e.g. a NUL character in text)
            session.rollback()
            raise StorageError(
                QT_TRANSLATE_NOOP("Errors", "The database refused a value that contains characters it cannot store; nothing was saved. Retype it."),
            ) from exc
        except BaseException:
            session.rollback()
            raise


def _mark_written(session, _flush_context) -> None:
    if session.new or session.dirty or session.deleted:
        session.info["wrote"] = True


def run_transaction(engine: Engine, work: Callable[[Session], T], *, attempts: int = 5) -> T:
    """Run ``work`` in one writing transaction, retrying the whole of it when the database is busy."""
    delay = 0.05
    for attempt in range(attempts):
        try:
            with session_scope(engine) as session:
                return work(session)
        except StorageError as exc:
            if getattr(exc, "busy", False) and attempt < attempts - 1:
                time.sleep(delay)
                delay *= 2
                continue
            raise
    raise AssertionError("unreachable")


def storage_error(exc: BaseException) -> StorageError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        err = StorageError(QT_TRANSLATE_NOOP("Errors", "The database is busy in another window or computer; try again in a moment."))
        err.busy = True  # type: ignore[attr-defined]
        return err
    if "disk" in text and "full" in text or "database or disk is full" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was saved. Free some space and try again."))
    if "readonly" in text or "read-only" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database folder is read-only; nothing was saved. Check the folder's permissions."))
    if "unable to open database file" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database file cannot be opened; nothing was saved. Check that its folder exists and may be written to."))
    if "malformed" in text or "not a database" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database file is damaged. Restore the newest backup."))
    return StorageError(QT_TRANSLATE_NOOP("Errors", "The database refused the change: {detail}"), detail=str(exc).splitlines()[0])


# --- stations ---------------------------------------------------------------------------------


def station_scope(query, column, actor):
    """Limit ``query`` to rows of the actor's station (``column`` is the table's station_id).

    Staff belong to one station and see its rows; an actor without a station (a sub-district
    administrator on a shared PostgreSQL database, or the system) sees every station, so counts
    made through the same query roll up across stations.
    """
    station_id = getattr(actor, "station_id", None)
    if station_id is None:
        return query
    return query.where(column == station_id)


def in_station(actor, station_id) -> bool:
    """May ``actor`` see a row that belongs to ``station_id``? (the same rule as ``station_scope``)."""
    own = getattr(actor, "station_id", None)
    return own is None or station_id == own


# --- migrations -------------------------------------------------------------------------------


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.db_dir() / "migrations"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def script_heads() -> set[str]:
    """Head revisions of db/migrations, read from the files without importing alembic (fast start)."""
    import re

    revisions: set[str] = set()
    parents: set[str] = set()
    rev_re = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
    down_re = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.M)
    for path in (paths.db_dir() / "migrations" / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = rev_re.search(text)
        if not rev:
            continue
        revisions.add(rev.group(1))
        down = down_re.search(text)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def current_heads(engine: Engine) -> set[str]:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def is_up_to_date(engine: Engine) -> bool:
    """True when the database is at every head revision (checked without importing alembic)."""
    heads = script_heads()
    return bool(heads) and current_heads(engine) == heads


def pending_migrations(engine: Engine) -> bool:
    if is_up_to_date(engine):
        return False
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current != set(script.get_heads())


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API (consistent even while in use)."""
    source_path = sqlite_path(engine)
    if source_path is None:
        raise ValueError("not a SQLite file database")
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(engine: Engine, *, backup: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the pre-migration backup, if one was made."""
    from alembic import command

    made = None
    if not pending_migrations(engine):
        return None
    db_file = sqlite_path(engine)
    if backup and db_file is not None and db_file.exists() and db_file.stat().st_size > 0:
        with engine.connect() as conn:
            has_tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
        if has_tables:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            made = backup_sqlite(engine, db_file.parent / "backups" / f"{db_file.stem}-pre-migration-{stamp}.sqlite3")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
    return made


def open_database(url: str | None = None, *, run_migrations: bool = True) -> Engine:
    """Engine for the URL with the schema up to date and reference data in place."""
    engine = make_engine(url)
    if run_migrations and not is_up_to_date(engine):
        migrate(engine)
    from desktop_app.core import reference

    with session_scope(engine) as s:
        reference.ensure_reference_data(s)
    return engine
