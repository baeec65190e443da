"""Backups of the SQLite file with the online backup API, their rotation, verification and restore.

Qt-free. A backup is a complete SQLite file named ``smiledesk-YYYYmmdd-HHMMSS-<kind>.sqlite3``:

* kinds ``exit`` and ``daily`` are automatic and rotated: the newest backup of each of the 7 newest
  days, of each of the 4 newest ISO weeks and of each of the 12 newest months is kept, the rest deleted;
* kinds ``manual``, ``pre-restore`` and ``damaged`` are never deleted automatically.

A backup is written to a temporary name, checked with ``PRAGMA integrity_check`` and only then renamed,
so a half-written file (disk full, USB stick pulled out) never looks like a backup. Beside it,
``<backup>.manifest.json`` anchors the audit log: each chain's count and newest hash as the copy holds them
(``core.audit_anchors``), so a database whose newest entries were deleted later is told by ``smiledesk check``.
Backups and manifests are readable by this user only (0600).

The backup of an encrypted (SQLCipher) database is encrypted with the same passphrase; files are opened
through ``core.db.connect_file``, which picks sqlite3 or sqlcipher3 by the file's first bytes.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.core import db, private
from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.safety.models import AUTOMATIC, BackupKind

PREFIX = "smiledesk-"
SUFFIX = ".sqlite3"
KINDS = tuple(BackupKind)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_NAME = re.compile(r"^smiledesk-(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.sqlite3$")
# Tables every SmileDesk database has, whatever features it was built with.
CORE_TABLES = ("alembic_version", "station", "staff_user", "audit_entry", "resident")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local wall-clock time, as in the name
    kind: BackupKind
    size: int

    @property
    def automatic(self) -> bool:
        return self.kind in AUTOMATIC


def backup_name(kind: str, when: datetime, seq: int = 0) -> str:
    if kind not in KINDS:
        raise ValueError(kind)
    stamp = when.strftime("%Y%m%d-%H%M%S")
    return f"{PREFIX}{stamp}{f'-{seq}' if seq else ''}-{kind}{SUFFIX}"


def parse_name(path: Path) -> BackupInfo | None:
    m = _NAME.match(path.name)
    if not m or m.group(3) not in KINDS:
        return None
    try:
        taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, taken, BackupKind(m.group(3)), size)


def list_backups(*folders: Path) -> list[BackupInfo]:
    """Backups found in the folders, newest first (unreadable folders are skipped)."""
    seen: set[Path] = set()
    out: list[BackupInfo] = []
    for folder in folders:
        if folder is None:
            continue
        try:
            entries = list(Path(folder).iterdir())
        except OSError:
            continue
        for p in entries:
            info = parse_name(p)
            if info is not None and p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(info)
    out.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return out


def _storage(message: str, **params) -> StorageError:
    return StorageError(message, **params)


def _os_error(exc: OSError, folder: Path) -> StorageError:
    import errno

    if exc.errno == errno.ENOSPC:
        return _storage(QT_TRANSLATE_NOOP("Errors", "The backup folder {folder} is full; no backup was made. Free some space or choose another folder."), folder=str(folder))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _storage(QT_TRANSLATE_NOOP("Errors", "The backup folder {folder} cannot be written to; no backup was made. Check that the drive is plugged in and not write-protected."), folder=str(folder))
    return _storage(QT_TRANSLATE_NOOP("Errors", "The backup could not be written to {folder}: {detail}"), folder=str(folder), detail=exc.strerror or str(exc))


def _sqlite_error(exc: BaseException, folder: Path) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return _os_error(OSError(28, "No space left on device"), folder)
    if "readonly" in text or "unable to open" in text or "read-only" in text:
        return _os_error(OSError(13, "Permission denied"), folder)
    return _storage(QT_TRANSLATE_NOOP("Errors", "The backup could not be written to {folder}: {detail}"), folder=str(folder), detail=str(exc))


def make_backup(source: Path, folder: Path, *, kind: str = BackupKind.MANUAL, now: datetime | None = None, key: str | None = None) -> Path:
    """A verified copy of the database ``source`` in ``folder``; raises StorageError on failure."""
    now = now or datetime.now()
    folder = Path(folder)
    source = Path(source)
    if not source.exists():
        raise _storage(QT_TRANSLATE_NOOP("Errors", "There is no database file at {path} to back up."), path=str(source))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    seq = 0
    while (target := folder / backup_name(kind, now, seq)).exists():
        seq += 1
    partial = target.with_name(target.name + ".part")
    try:
        key = db.key_of(source, key)
        db.copy_database(source, partial, key=key)
        problems = integrity_problems(partial, key=key)
        if problems:
            raise _storage(QT_TRANSLATE_NOOP("Errors", "The copy failed its check ({detail}); the database itself may be damaged."), detail=problems[0])
        db.fsync_file(partial)
        private.private_file(partial)
        _write_manifest(partial, target, kind=str(kind), key=key)
        os.replace(partial, target)
    except OSError as exc:
        raise _os_error(exc, folder) from exc
    except db.database_errors() as exc:
        raise _sqlite_error(exc, folder) from exc
    finally:
        for leftover in (partial, Path(str(partial) + "-journal")):
            try:
                leftover.unlink()
            except OSError:
                pass
    return target


def _write_manifest(copy: Path, target: Path, *, kind: str, key: str | None) -> None:
    """The audit anchor of the copy (its chains' heads as the copy holds them) beside the backup."""
    from desktop_app.core import audit_anchors

    conn = db.connect_file(copy, key=key, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"audit_entry", "audit_meta"} <= tables:
            return  # a database from before the keyed chain: nothing to anchor
        heads = audit_anchors.heads_of(lambda sql: conn.execute(sql).fetchall())
    finally:
        conn.close()
    audit_anchors.write_manifest(target, heads, kind=kind)


# --- checking a file ------------------------------------------------------------------------------


def integrity_problems(path: Path, *, quick: bool = False, key: str | None = None) -> list[str]:
    """``PRAGMA integrity_check`` (or quick_check) on a file; empty list = intact.

    An encrypted file is checked with ``key`` (or the known passphrase; KeyRequired when there is none)."""
    try:
        conn = db.connect_file(path, key=key, readonly=True, timeout=15)
    except db.database_errors() as exc:
        return [str(exc)]
    try:
        if not quick and db.file_is_encrypted(path):
            # integrity_check revisits pages; each miss of the page cache decrypts again (137 MB: 29 s with the
            # default 2 MB cache, 12 s with 64 MB; a plain file takes 8 s).
            conn.execute("PRAGMA cache_size = -65536")
        rows = [r[0] for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
    except db.database_errors() as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop_app.core import paths

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.db_dir() / "migrations"))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def verify_backup(path: Path, *, key: str | None = None) -> None:
    """Raise StorageError unless ``path`` is an intact SmileDesk database this version understands.

    An encrypted backup is opened with ``key`` (the database's passphrase) or SMILEDESK_DB_KEY."""
    path = Path(path)
    if not path.is_file():
        raise _storage(QT_TRANSLATE_NOOP("Errors", "{path} does not exist or is not a file."), path=str(path))
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != db.PLAIN_HEADER:
        # Not plain SQLite: a SQLCipher file (a random salt in front) or not a database at all.
        key = key or db.database_key(path)
        if len(header) < 16 or not key or not db.encryption_available():
            raise _storage(QT_TRANSLATE_NOOP("Errors", "{path} is not a SmileDesk backup (it is not a database file, or it is encrypted and no passphrase for it was given)."), path=path.name)
        try:
            db.check_key(path, key)
        except db.WrongKey:
            raise _storage(QT_TRANSLATE_NOOP("Errors", "{path} is not a SmileDesk backup of this database: it is not a database file, or it is encrypted with another passphrase."), path=path.name) from None
    else:
        key = None
    problems = integrity_problems(path, key=key)
    if problems:
        raise _storage(QT_TRANSLATE_NOOP("Errors", "{path} is damaged and cannot be restored ({detail})."), path=path.name, detail=problems[0])
    conn = db.connect_file(path, key=key, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t for t in CORE_TABLES if t not in tables]
        if missing:
            raise _storage(QT_TRANSLATE_NOOP("Errors", "{path} is not a SmileDesk database (no {table} table)."), path=path.name, table=missing[0])
        revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()
    unknown = revisions - known_revisions()
    if unknown:
        raise _storage(
            QT_TRANSLATE_NOOP("Errors", "{path} was made by a newer SmileDesk (schema {revision}); update SmileDesk before restoring it."),
            path=path.name, revision=sorted(unknown)[0],
        )


def newest_good_backup(*folders: Path, key: str | None = None) -> BackupInfo | None:
    """The newest backup in the folders that passes ``verify_backup`` (encrypted ones: with ``key``)."""
    for info in list_backups(*folders):
        try:
            verify_backup(info.path, key=key)
        except StorageError:
            continue
        return info
    return None


# --- rotation -------------------------------------------------------------------------------------


def to_keep(backups: list[BackupInfo], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[Path]:
    """Grandfather-father-son: the newest automatic backup of each of the newest days, weeks and months."""
    auto = sorted((b for b in backups if b.automatic), key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep: set[Path] = set()
    for count, bucket in (
        (daily, lambda b: b.taken_at.date()),
        (weekly, lambda b: b.taken_at.isocalendar()[:2]),
        (monthly, lambda b: (b.taken_at.year, b.taken_at.month)),
    ):
        seen: list = []
        for b in auto:  # newest first: the first of each bucket is its newest backup
            key = bucket(b)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(b.path)
    keep.update(b.path for b in backups if not b.automatic)
    return keep


def rotate(folder: Path, **limits: int) -> list[Path]:
    """Delete automatic backups the rotation no longer keeps; returns the deleted files."""
    backups = list_backups(Path(folder))
    keep = to_keep(backups, **limits)
    removed = []
    from desktop_app.core.audit_anchors import manifest_path

    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
                manifest_path(b.path).unlink(missing_ok=True)
            except OSError:
                pass
    return removed


def daily_due(folder: Path, now: datetime | None = None) -> bool:
    """No backup of any kind was made today in ``folder``."""
    today = (now or datetime.now()).date()
    return not any(b.taken_at.date() == today for b in list_backups(Path(folder)))


def automatic_backup(source: Path, folder: Path, *, kind: str, now: datetime | None = None) -> Path:
    """An ``exit`` or ``daily`` backup followed by rotation of the folder."""
    if kind not in AUTOMATIC:
        raise ValueError(kind)
    made = make_backup(source, folder, kind=kind, now=now)
    rotate(folder)
    return made


# --- restore --------------------------------------------------------------------------------------


def _move_aside(db_path: Path, keep_dir: Path, now: datetime) -> Path:
    """Move a database that cannot be read (with its -wal/-shm) into ``keep_dir`` as a ``damaged`` copy."""
    keep_dir.mkdir(parents=True, exist_ok=True)
    seq = 0
    while (target := keep_dir / backup_name(BackupKind.DAMAGED, now, seq)).exists():
        seq += 1
    shutil.move(str(db_path), str(target))
    for side in ("-wal", "-shm"):
        extra = Path(str(db_path) + side)
        if extra.exists():
            shutil.move(str(extra), str(target) + side)
    return target


def restore(db_path: Path, backup_file: Path, *, keep_dir: Path, now: datetime | None = None,
            key: str | None = None) -> Path | None:
    """Replace the database at ``db_path`` with ``backup_file``.

    The backup is verified first (nothing is touched if it fails). The database being replaced is kept
    in ``keep_dir``: as a ``pre-restore`` backup when it can be read, otherwise moved there as ``damaged``.
    Returns that kept copy (None when there was no database). Other connections should be closed; an open
    connection sees the restored data because the copy goes through SQLite itself.

    An encrypted database stays encrypted (``key``: its passphrase, also tried on an encrypted backup);
    a plain backup restored into it is encrypted first, an encrypted one into a plain database decrypted.
    """
    now = now or datetime.now()
    db_path, backup_file, keep_dir = Path(db_path), Path(backup_file), Path(keep_dir)
    verify_backup(backup_file, key=key)
    backup_key = db.key_of(backup_file, key)
    db_key = db.key_of(db_path, key) if db_path.exists() else backup_key
    kept: Path | None = None
    if db_path.exists():
        if not integrity_problems(db_path, quick=True, key=db_key):
            kept = make_backup(db_path, keep_dir, kind=BackupKind.PRE_RESTORE, now=now, key=db_key)
        else:
            try:
                kept = _move_aside(db_path, keep_dir, now)
            except OSError as exc:
                raise _os_error(exc, keep_dir) from exc
    staged = db_path.with_name(db_path.name + ".restoring-source")
    try:
        if db_path.exists():
            source, source_key = backup_file, backup_key
            if bool(backup_key) != bool(db_key):
                # SQLite's backup API copies pages between files of one kind only: convert the backup first.
                from desktop_app.safety import encryption

                conversion_key = db_key or backup_key
                assert conversion_key is not None  # one of the two files is encrypted
                db.copy_database(backup_file, staged, key=backup_key)
                encryption._convert(staged, encrypt=bool(db_key), key=conversion_key, progress=None)
                source, source_key = staged, db_key
            # Through SQLite: one write transaction on the live file, rolled back if interrupted.
            src = db.connect_file(source, key=source_key, readonly=True)
            try:
                dst = db.connect_file(db_path, key=db_key, timeout=15)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        else:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            partial = db_path.with_name(db_path.name + ".restoring")
            try:
                db.copy_database(backup_file, partial, key=backup_key)
                db.fsync_file(partial)
                os.replace(partial, db_path)
            finally:
                if partial.exists():
                    partial.unlink()
    except OSError as exc:
        raise _os_error(exc, db_path.parent) from exc
    except db.database_errors() as exc:
        raise _sqlite_error(exc, db_path.parent) from exc
    finally:
        for leftover in (staged, Path(f"{staged}-journal")):
            leftover.unlink(missing_ok=True)
    return kept
