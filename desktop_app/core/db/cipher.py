"""Encryption at rest (SQLCipher 4 through sqlcipher3): passphrases, keyed connections to a file.

A SQLite file that does not start with "SQLite format 3\\0" is a SQLCipher file; it is opened with
sqlcipher3 and the passphrase from ``database_key`` (given in this process, SMILEDESK_DB_KEY, or
remembered on this computer through ``set_key_lookup``). The passphrase never appears in a URL, log or
message.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.db.errors import storage_error
from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

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


def sql_text(text: str) -> str:
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
        conn.execute(f"PRAGMA key = {raw or sql_text(key)}")
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
