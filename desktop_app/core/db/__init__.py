"""One place for the database: engines, transactions, encryption at rest, station scoping, migrations.

* ``make_engine(url)`` (engine.py) — SQLite file (default, in the user data dir) or PostgreSQL by URL.
* ``session_scope(engine)`` (session.py) — one transaction per use case.
* cipher.py — SQLCipher passphrases and keyed connections; files.py — copies of a live file, fsync.
* statistics.py — the planner's statistics (ANALYZE) after migrating, demo data, imports, and periodically.
* scoping.py — ``station_scope`` / ``in_station``; migrations.py — ``open_database`` migrates on open.

Import from ``desktop_app.core.db``; the modules are how the package is kept readable, not an API.
"""

from desktop_app.core.db.cipher import (
    ENCRYPTED_CACHE_KIB,
    KDF_ITER,
    KEY_ENV,
    MIN_PASSPHRASE,
    PLAIN_HEADER,
    EncryptionUnavailable,
    KeyRequired,
    WrongKey,
    check_key,
    cipher_module,
    connect_file,
    database_errors,
    database_key,
    encryption_available,
    file_is_encrypted,
    set_database_key,
    set_key_lookup,
    sql_text,
)
from desktop_app.core.db.engine import (
    BUSY_TIMEOUT_MS,
    default_url,
    is_sqlite,
    make_engine,
    sqlite_path,
    url_for,
)
from desktop_app.core.db.errors import ServerUnreachable, is_unreachable, storage_error
from desktop_app.core.db.files import copy_database, fsync_dir, fsync_file, key_of
from desktop_app.core.db.migrations import (
    alembic_config,
    current_heads,
    is_up_to_date,
    migrate,
    open_database,
    pending_migrations,
    script_heads,
)
from desktop_app.core.db.scoping import in_station, station_scope
from desktop_app.core.db.session import run_transaction, session_scope
from desktop_app.core.db.statistics import ensure_statistics, has_statistics, refresh_statistics
from desktop_app.core.db.types import AwareDateTime

__all__ = [
    "BUSY_TIMEOUT_MS", "ENCRYPTED_CACHE_KIB", "KDF_ITER", "KEY_ENV", "MIN_PASSPHRASE", "PLAIN_HEADER",
    "AwareDateTime", "EncryptionUnavailable", "KeyRequired", "ServerUnreachable", "WrongKey",
    "alembic_config", "check_key", "cipher_module", "connect_file", "copy_database", "current_heads",
    "database_errors", "database_key", "default_url", "encryption_available", "ensure_statistics", "file_is_encrypted",
    "fsync_dir", "fsync_file", "has_statistics", "in_station", "is_sqlite", "is_unreachable", "is_up_to_date", "key_of",
    "make_engine", "migrate", "open_database", "pending_migrations", "refresh_statistics", "run_transaction",
    "script_heads", "session_scope",
    "set_database_key", "set_key_lookup", "sql_text", "sqlite_path", "station_scope", "storage_error", "url_for",
]
