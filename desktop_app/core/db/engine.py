"""Engines: a SQLite file (default, in the user data dir) or PostgreSQL by URL, with SQLite's pragmas."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import create_engine

from desktop_app.core import paths
from desktop_app.core.db.cipher import (
    ENCRYPTED_CACHE_KIB,
    KeyRequired,
    WrongKey,
    _has_content,
    cipher_module,
    connect_file,
    database_key,
    file_is_encrypted,
    set_database_key,
)
from desktop_app.core.db.errors import storage_error

BUSY_TIMEOUT_MS = 15000


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
            _private(path)
            if file_is_encrypted(path) or (key and not _has_content(path)):
                return _encrypted_engine(path, key, echo=echo)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _install_sqlite_hooks(engine)
        return engine
    return server_engine(url, echo=echo)


@dataclass(frozen=True)
class ServerTimeouts:
    """How long a PC waits on the database server before it says so (seconds). A value given in the URL
    (``connect_timeout``, ``options=-c statement_timeout=…``) wins over these.

    ``answer`` is the PC's own limit for any one reply: a server that is frozen (its host still answers TCP,
    so keepalives cannot tell) would otherwise be waited for forever. It is longer than ``statement``, so a
    slow statement is stopped by the server first, with its own message."""

    connect: float = 5
    statement: float = 30
    lock: float = 10
    idle_in_transaction: float = 60
    answer: float = 40
    keepalive_idle: int = 10
    keepalive_interval: int = 5
    keepalive_count: int = 3


TIMEOUTS = ServerTimeouts()


def server_engine(url: str, *, echo: bool = False, timeouts: ServerTimeouts | None = None, **kwargs) -> Engine:
    """A PostgreSQL engine whose every connection has the timeouts of ``timeouts`` (connect, keepalive,
    statement, lock, idle in a transaction, and the PC's own limit for a reply)."""
    t = timeouts or TIMEOUTS
    parsed = make_url(url)
    query = dict(parsed.query)
    connect_args: dict[str, object] = {}
    if "connect_timeout" not in query:
        connect_args["connect_timeout"] = max(1, int(round(t.connect)))
    for key, value in (("keepalives", 1), ("keepalives_idle", t.keepalive_idle),
                       ("keepalives_interval", t.keepalive_interval), ("keepalives_count", t.keepalive_count),
                       # unacknowledged data (the cable pulled mid-write): give up when keepalives would
                       ("tcp_user_timeout", 1000 * (t.keepalive_idle + t.keepalive_interval * t.keepalive_count))):
        if key not in query:
            connect_args[key] = value
    given = str(query.get("options", ""))
    options = [given] if given else []
    for name, seconds in (("statement_timeout", t.statement), ("lock_timeout", t.lock),
                          ("idle_in_transaction_session_timeout", t.idle_in_transaction)):
        if name not in given:
            options.append(f"-c {name}={int(seconds * 1000)}")
    connect_args["options"] = " ".join(options)
    engine = create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args, **kwargs)
    answer = max(t.answer, t.statement + 1)

    @event.listens_for(engine, "do_connect")
    def _connect(dialect, _record, cargs, cparams):
        conn = _answering_connection().connect(*cargs, **cparams)
        conn._smiledesk_answer = answer
        return conn

    return engine


@contextmanager
def without_time_limits(conn):
    """Inside a transaction on ``conn`` (a SQLAlchemy Connection): no statement timeout and no limit on the
    server's answer — for migrations and the owner's maintenance, which may rightly take minutes."""
    if conn.dialect.name != "postgresql":
        yield
        return
    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
    conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
    raw = conn.connection.dbapi_connection
    before = getattr(raw, "_smiledesk_answer", None)
    raw._smiledesk_answer = None
    try:
        yield
    finally:
        raw._smiledesk_answer = before


_ANSWERING = None


def _answering_connection():
    """psycopg's Connection with a limit on every wait for the server (psycopg waits forever otherwise)."""
    global _ANSWERING
    if _ANSWERING is None:
        import psycopg
        from psycopg import errors as pg_errors

        class AnsweringConnection(psycopg.Connection):
            _smiledesk_answer: float | None = None

            def wait(self, gen, interval=0.1, timeout=None):
                limit = timeout if timeout is not None else self._smiledesk_answer
                try:
                    return super().wait(gen, interval=interval, timeout=limit)
                except pg_errors._WaitTimeout:
                    if timeout is not None:
                        raise
                    # The server said nothing for `limit` seconds: the connection is in an unknown state.
                    self.pgconn.finish()
                    raise psycopg.OperationalError(
                        f"the server did not answer within {limit:g} s; connection closed") from None

        _ANSWERING = AnsweringConnection
    return _ANSWERING


def _private(path: Path) -> None:
    """The database file and its -wal/-shm: this user's only. An existing file now (an older version left it
    readable); a new one as soon as SQLite has made it (``_install_sqlite_hooks``), before the first page is
    written — SQLite gives the -wal and -shm files the database file's own mode."""
    from desktop_app.core import private

    private.private_database(path)


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
    path = sqlite_path(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        if path is not None:
            _private(path)  # made by this connect: 0600 before the WAL pragma makes its -wal and -shm
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
