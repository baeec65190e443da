"""Encrypting a plain SQLite database with SQLCipher, and decrypting it back.

Qt-free. Both directions work the same way, never in place:

1. the file is switched out of WAL mode (which fails while another program has it open) and, under an
   exclusive lock, copied with ``sqlcipher_export`` into ``<name>.encrypting`` / ``<name>.decrypting``;
2. the copy is checked: ``PRAGMA quick_check`` and the same row count in every table;
3. the old file gets a second name, ``<name>.before-encryption`` / ``.before-decryption`` (a hard link),
   the copy takes the database's name in one atomic rename, and is opened again under it and checked;
4. only then is the old file deleted (a plain copy left on disk would defeat the encryption). If any
   step fails the old file is put back and nothing has changed.

Backups made before encrypting stay plain: ``plain_backups`` lists them so the user can be told.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.core import db
from desktop_app.core.errors import ConflictError, StorageError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

F_PASSPHRASE = QT_TRANSLATE_NOOP("Fields", "Passphrase")
Report = Callable[[int, int, str], None]

STEPS = (
    QT_TRANSLATE_NOOP("SafetyEncryption", "Copying the database…"),
    QT_TRANSLATE_NOOP("SafetyEncryption", "Checking the copy…"),
    QT_TRANSLATE_NOOP("SafetyEncryption", "Putting the copy in place…"),
)


@dataclass
class Converted:
    db_path: Path
    encrypted: bool
    tables: int
    rows: int
    plain_backups: list[Path] = field(default_factory=list)
    deleted_backups: list[Path] = field(default_factory=list)


def check_passphrase(first: str, second: str | None = None) -> str:
    """The passphrase to use, or ValidationError: too short, or the two entries differ."""
    first = first or ""
    if len(first) < db.MIN_PASSPHRASE:
        raise ValidationError(F_PASSPHRASE, QT_TRANSLATE_NOOP("Errors", "use at least {n} characters; a short phrase of several words is easiest to remember."),
                              n=db.MIN_PASSPHRASE)
    if "\x00" in first:
        raise ValidationError(F_PASSPHRASE, QT_TRANSLATE_NOOP("Errors", "it contains a character that cannot be used; type it again."))
    if second is not None and first != second:
        raise ValidationError(F_PASSPHRASE, QT_TRANSLATE_NOOP("Errors", "the two entries are not the same; type it twice again."))
    return first


def _in_use() -> StorageError:
    return StorageError(QT_TRANSLATE_NOOP("Errors", "The database is open in another SmileDesk window or on another computer; close it there first, then try again. Nothing was changed."))


def _counts(conn) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _remove(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _export(db_path: Path, copy: Path, *, encrypt: bool, key: str) -> dict[str, int]:
    """Copy the database into ``copy`` (encrypted with ``key``, or plain); returns the source's row counts."""
    cipher = db.cipher_module()
    _remove(copy)
    if encrypt:
        conn = cipher.connect(str(db_path), timeout=2, isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
    else:
        conn = db.connect_file(db_path, key=key, timeout=2)
        conn.isolation_level = None
    errors = db.database_errors()
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except errors as exc:
            if "not a database" in str(exc):
                raise db.WrongKey(db_path) from None
            if "locked" in str(exc) or "busy" in str(exc):
                raise _in_use() from None
            raise
        if str(mode).lower() != "delete":
            raise _in_use()
        conn.execute(f"ATTACH DATABASE ? AS converted KEY {db.sql_text(key if encrypt else '')}", (str(copy),))
        try:
            conn.execute("BEGIN EXCLUSIVE")  # nobody reads or writes the old file while it is copied
        except errors as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _in_use() from None
            raise
        try:
            conn.execute("SELECT sqlcipher_export('converted')").fetchone()
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
            counts = _counts(conn)
        finally:
            conn.execute("COMMIT")
        conn.execute("DETACH DATABASE converted")
    finally:
        conn.close()
    return counts


def _verify(path: Path, *, key: str | None, expected: dict[str, int], pages: bool = True) -> None:
    """Every page readable (quick_check: with the key, each page decrypts and its HMAC matches) and the
    same row count in every table. The copy's indexes were built by SQLite from the copied rows, so the
    ~4× slower integrity_check adds nothing here (137 MB: 2 s instead of 29 s)."""
    conn = db.connect_file(path, key=key, readonly=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")] if pages else ["ok"]
        if rows != ["ok"]:
            raise StorageError(QT_TRANSLATE_NOOP("Errors", "The converted copy failed its check ({detail}); nothing was changed."), detail=rows[0])
        got = _counts(conn)
    finally:
        conn.close()
    if got != expected:
        differing = sorted(n for n in set(got) | set(expected) if got.get(n) != expected.get(n))
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "The converted copy differs from the database (table {table}); nothing was changed."), table=differing[0])


def _convert(db_path: Path, *, encrypt: bool, key: str, progress: Report | None) -> Converted:
    db_path = Path(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "There is no database file at {path}."), path=str(db_path))
    if db.file_is_encrypted(db_path) == encrypt:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The database is already encrypted.") if encrypt
                            else QT_TRANSLATE_NOOP("Errors", "The database is not encrypted."))
    report = progress or (lambda done, total, label: None)
    suffix = ".encrypting" if encrypt else ".decrypting"
    copy = db_path.with_name(db_path.name + suffix)
    old = db_path.with_name(db_path.name + (".before-encryption" if encrypt else ".before-decryption"))
    new_key = key if encrypt else None
    try:
        report(0, 3, STEPS[0])
        counts = _export(db_path, copy, encrypt=encrypt, key=key)
        report(1, 3, STEPS[1])
        _verify(copy, key=new_key, expected=counts)
        db.fsync_file(copy)
        report(2, 3, STEPS[2])
        _remove(old)
        try:  # the old file kept under a second name until the new one is verified (a hard link: no copy)
            os.link(db_path, old)
        except OSError:  # a file system without hard links (FAT on a USB drive)
            shutil.copy2(db_path, old)
        for side in ("-wal", "-shm", "-journal"):  # never pair the new file with the old one's journal
            Path(f"{db_path}{side}").unlink(missing_ok=True)
        # One atomic rename: at every moment the database's name holds a whole database, old or new.
        os.replace(copy, db_path)
        db.fsync_dir(db_path.parent)
        try:
            _verify(db_path, key=new_key, expected=counts, pages=False)  # the checked copy under its new name
        except BaseException:
            os.replace(old, db_path)
            raise
    except OSError as exc:
        from desktop_app.safety.backup_files import _os_error

        raise _os_error(exc, db_path.parent) from exc
    except db.database_errors() as exc:
        raise db.storage_error(exc) from exc
    finally:
        _remove(copy)
    _remove(old)
    db.set_database_key(db_path, new_key)
    report(3, 3, "")
    return Converted(db_path, encrypt, len(counts), sum(counts.values()))


def encrypt_file(db_path: Path, passphrase: str, *, progress: Report | None = None) -> Converted:
    """Encrypt the plain database at ``db_path`` with ``passphrase`` (no other program may have it open)."""
    return _convert(db_path, encrypt=True, key=check_passphrase(passphrase), progress=progress)


def decrypt_file(db_path: Path, passphrase: str | None = None, *, progress: Report | None = None) -> Converted:
    """Turn the encrypted database at ``db_path`` back into a plain SQLite file."""
    key = passphrase or db.database_key(db_path)
    if not key:
        raise db.KeyRequired(db_path)
    if db.file_is_encrypted(db_path):
        db.check_key(db_path, key)
    return _convert(db_path, encrypt=False, key=key, progress=progress)


def plain_backups(*folders: Path) -> list[Path]:
    """Backups in ``folders`` that are not encrypted (made before the database was encrypted): SmileDesk's
    backups and the copies taken before a migration (``<name>-pre-migration-<time>.sqlite3``)."""
    from desktop_app.safety.backup_files import list_backups

    found = [b.path for b in list_backups(*folders)]
    for folder in folders:
        try:
            found += sorted(Path(folder).glob("*-pre-migration-*.sqlite3"), reverse=True)
        except OSError:
            continue
    out: list[Path] = []
    for path in found:
        if path not in out and path.is_file() and not db.file_is_encrypted(path):
            out.append(path)
    return out
