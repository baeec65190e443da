"""One place for the database: engine from a URL, SQLite pragmas, transactions, migrations on open.

* ``make_engine(url)`` — SQLite file (default, in the user data dir) or PostgreSQL by URL.
* ``session_scope(engine)`` — one transaction per use case; commit on success, roll back on error.
  On SQLite a writing scope starts with ``BEGIN IMMEDIATE`` so two processes queue on busy_timeout
  instead of failing with "database is locked" halfway through.
* ``open_database(url)`` — engine + Alembic migrations (a timestamped copy is made first when a
  migration is pending on an existing SQLite file).
* Encryption at rest: a SQLite file that does not start with "SQLite format 3\\0" is a SQLCipher file;
  ``make_engine`` opens it with sqlcipher3 and the passphrase from ``database_key`` (given in this
  process, SMILEDESK_DB_KEY, or remembered on this computer through ``set_key_lookup``). The URL
  stays ``sqlite:///path``: the passphrase never appears in ``engine.url``, logs or messages.
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


def make_engine(url: str | None = None, *, echo: bool = False, key: str | None = None) -> Engine:
    """Engine for ``url``. An encrypted SQLite file needs its passphrase (``key`` or ``database_key``);
    ``key`` given for a file that does not exist yet makes a new encrypted database."""
    url = url or default_url()
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            if file_is_encrypted(path) or (key and not _has_content(path)):
                return _encrypted_engine(path, key, echo=echo)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _install_sqlite_hooks(engine)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _encrypted_engine(path: Path, key: str | None, *, echo: bool) -> Engine:
    """A SQLCipher file through the ordinary SQLite dialect: the connections come from sqlcipher3
    (keyed before anything else runs) and SQLAlchemy wraps sqlcipher3's exceptions (``module``)."""
    cipher = cipher_module()
    key = key or database_key(path)
    if not key:
        raise KeyRequired(path)

    def creator():
        conn = connect_file(path, key=key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        # Every page read from disk is decrypted: a larger page cache (32 MB, filled only as used) makes a
        # repeated scan of a big table cost what it costs on a plain file (measured: docs/safety.md).
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
        return conn

    engine = create_engine(f"sqlite:///{path}", echo=echo, creator=creator, module=cipher)
    _install_sqlite_hooks(engine)
    try:  # a wrong passphrase is told now, not at the first query of some page
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except OperationalError as exc:
        engine.dispose()
        raise storage_error(exc) from exc
    except Exception as exc:
        engine.dispose()
        if "not a database" in str(exc):
            raise WrongKey(path) from None
        raise
    set_database_key(path, key)
    return engine


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


# --- encryption at rest (SQLCipher) -------------------------------------------------------------

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_ENV = "SMILEDESK_DB_KEY"
MIN_PASSPHRASE = 8
# SQLCipher 4's key derivation (PBKDF2-HMAC-SHA512, 256 000 rounds over the file's 16-byte salt)
# costs ~0.3 s per connection. It is done once per file and passphrase; connections then get the
# derived key as a raw key (x'...'), which SQLCipher uses as is.
KDF_ITER = 256_000
ENCRYPTED_CACHE_KIB = 32 * 1024
_keys: dict[str, str] = {}
_raw_keys: dict[tuple[str, bytes], str] = {}
_key_lookup: Callable[[Path], str | None] | None = None


class KeyRequired(StorageError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The database {file} is encrypted; enter its passphrase to open it."),
                         file=Path(path).name)


class WrongKey(StorageError):
    def __init__(self, path: Path | str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The passphrase is wrong: it does not unlock the database {file}. Check Caps Lock and the keyboard layout, then try again."),
                         file=Path(path).name)


class EncryptionUnavailable(StorageError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Encryption is not available on this computer: the SQLCipher module (sqlcipher3) is not installed. Install SmileDesk with it, or use this database on a computer that has it."))


def cipher_module():
    """sqlcipher3's DB-API module; EncryptionUnavailable when it is not installed."""
    try:
        import sqlcipher3.dbapi2 as cipher
    except ImportError:
        raise EncryptionUnavailable() from None
    return cipher


def encryption_available() -> bool:
    try:
        cipher_module()
    except EncryptionUnavailable:
        return False
    return True


def database_errors() -> tuple[type[BaseException], ...]:
    """The DB-API error classes a file connection may raise (sqlite3's, and sqlcipher3's once loaded)."""
    import sys

    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def file_is_encrypted(path: Path | str) -> bool:
    """A file of whole pages (a multiple of 512 bytes) that does not start with SQLite's header: SQLCipher
    puts a random salt there. Anything else that is not plain SQLite is a damaged or foreign file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            size = os.fstat(fh.fileno()).st_size
    except OSError:
        return False
    return bool(head) and head != PLAIN_HEADER and size % 512 == 0


def _key_name(path: Path | str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


def set_database_key(path: Path | str, key: str | None) -> None:
    """The passphrase of ``path`` for this process (None forgets it)."""
    if key:
        _keys[_key_name(path)] = key
    else:
        _keys.pop(_key_name(path), None)


def set_key_lookup(lookup: Callable[[Path], str | None] | None) -> None:
    """Install where passphrases remembered on this computer come from (safety.keys.stored_key)."""
    global _key_lookup
    _key_lookup = lookup


def database_key(path: Path | str) -> str | None:
    """The passphrase for ``path``: given in this process, else SMILEDESK_DB_KEY, else remembered here."""
    key = _keys.get(_key_name(path)) or os.environ.get(KEY_ENV) or None
    if key is None and _key_lookup is not None:
        try:
            key = _key_lookup(Path(path)) or None
        except Exception:  # a broken key store must not stop the app: the user is asked instead
            key = None
    return key


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _raw_key(path: Path, key: str) -> str | None:
    """The derived key of an existing encrypted file, as SQLCipher's raw-key literal (cached)."""
    try:
        with open(path, "rb") as fh:
            salt = fh.read(16)
    except OSError:
        return None
    if len(salt) < 16 or salt == PLAIN_HEADER:
        return None
    cached = _raw_keys.get((key, salt))
    if cached is None:
        import hashlib

        derived = hashlib.pbkdf2_hmac("sha512", key.encode("utf-8"), salt, KDF_ITER, 32)
        cached = _raw_keys[(key, salt)] = f"\"x'{derived.hex()}'\""
    return cached


def connect_file(path: Path | str, *, key: str | None = None, readonly: bool = False, timeout: float = 15.0,
                 check_same_thread: bool = True):
    """A DB-API connection to a SQLite file: the stdlib sqlite3 module for a plain file; sqlcipher3,
    keyed, for an encrypted one (or for a new file when ``key`` is given). KeyRequired when the file
    is encrypted and no passphrase is known; a wrong one fails at the first read ("not a database")."""
    path = Path(path)
    target = f"file:{path}?mode=ro" if readonly else str(path)
    if not file_is_encrypted(path) and not (key and not _has_content(path)):
        return sqlite3.connect(target, uri=readonly, timeout=timeout, check_same_thread=check_same_thread)
    cipher = cipher_module()
    key = key or database_key(path)
    if not key:
        raise KeyRequired(path)
    conn = cipher.connect(target, uri=readonly, timeout=timeout, check_same_thread=check_same_thread)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not SQLCipher's log line
        raw = _raw_key(path, key)
        conn.execute(f"PRAGMA key = {raw or _sql_text(key)}")
    except BaseException:
        conn.close()
        raise
    return conn


def check_key(path: Path | str, key: str) -> None:
    """Raise WrongKey unless ``key`` unlocks the encrypted file ``path`` (reads its schema only)."""
    conn = connect_file(path, key=key, readonly=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        if "not a database" in str(exc):
            raise WrongKey(path) from None
        raise storage_error(exc) from None
    finally:
        conn.close()


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
    # An encrypted database's copy is encrypted with the same passphrase.
    key = database_key(source_path) if file_is_encrypted(source_path) else None
    src = connect_file(source_path, key=key)
    try:
        dst = connect_file(target, key=key)
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
