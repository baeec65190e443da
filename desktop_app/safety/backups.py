"""Backups of the station's database: where they go, back up now, the automatic ones, restore.

Qt-free use cases over ``safety.backup_files`` (copies, verification, rotation). Backups and restore work on
the SQLite file behind an engine; on PostgreSQL the server is backed up with pg_dump (docs/postgres.md)
and these functions say so with a StorageError. A failed automatic backup is kept in ``backup_status``
until a backup succeeds, so the user is told (``last_failure``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from desktop_app.core import audit, paths
from desktop_app.core.auth import MANAGE_SETTINGS, Actor, require
from desktop_app.core.db import database_key, file_is_encrypted, session_scope, sqlite_path
from desktop_app.core.errors import SmileDeskError, StorageError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.safety import backup_files, backup_status
from desktop_app.safety.models import BackupFailure, BackupKind
from desktop_app.safety.permissions import BACKUP_ELSEWHERE, MAKE_BACKUP, RESTORE_BACKUP

BACKUP_FOLDER_KEY = "backup.folder"
F_FOLDER = QT_TRANSLATE_NOOP("Fields", "Backup folder")


# --- where backups go -----------------------------------------------------------------------------


def _setting(s: Session, station_id: int | None, key: str) -> StationSetting | None:
    return s.exec(select(StationSetting).where(StationSetting.station_id == station_id, StationSetting.key == key)).first()


def backup_folder(s: Session, station_id: int | None) -> Path:
    """The station's chosen backup folder (e.g. a USB drive), else the data dir's backups folder."""
    row = _setting(s, station_id, BACKUP_FOLDER_KEY)
    if row is not None and row.value.strip():
        return Path(row.value.strip())
    return paths.backups_dir()


def set_backup_folder(s: Session, *, actor: Actor, folder: str) -> Path:
    """Choose the station's backup folder ("" = the default); it must exist and be writable now."""
    require(actor, MANAGE_SETTINGS)
    text = (folder or "").strip()
    if text:
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # "~user" of an unknown user
            path = Path(text)
        if not path.is_absolute() or "\x00" in text:
            raise ValidationError(F_FOLDER, QT_TRANSLATE_NOOP("Errors", "give the full path of the folder, e.g. E:\\SmileDesk-backups."))
        probe = path / ".smiledesk-write-test"
        try:
            path.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"ok")
            probe.unlink()
        except (OSError, ValueError):
            raise ValidationError(F_FOLDER, QT_TRANSLATE_NOOP("Errors", "{folder} cannot be written to; plug in the drive or choose another folder."), folder=str(path)) from None
        text = str(path)
    row = _setting(s, actor.station_id, BACKUP_FOLDER_KEY)
    before = row.value if row else ""
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=BACKUP_FOLDER_KEY, value=text)
    else:
        row.value = text
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="station_setting", entity_id=BACKUP_FOLDER_KEY, before={"folder": before}, after={"folder": text})
    return backup_folder(s, actor.station_id)


FOLDERS_FILE = "backup-folders.txt"


def remember_folder(folder: Path) -> None:
    """Note a folder backups went to, outside the database: when the database is damaged, the start-up
    check still knows where to look (integrity.backup_folders)."""
    try:
        listing = paths.data_dir() / FOLDERS_FILE
        known = remembered_folders()
        if Path(folder) not in known:
            listing.write_text("\n".join(str(p) for p in [Path(folder), *known][:10]) + "\n", encoding="utf-8")
    except OSError:
        pass


def remembered_folders() -> list[Path]:
    try:
        text = (paths.data_dir() / FOLDERS_FILE).read_text(encoding="utf-8")
    except OSError:
        return []
    return [Path(line) for line in text.splitlines() if line.strip()]


def _db_file(engine: Engine) -> Path:
    path = sqlite_path(engine)
    if path is None:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "This database is on a server; back it up on the server (pg_dump), not from a station."))
    return path


def _folder_for(engine: Engine, station_id: int | None) -> Path:
    from sqlalchemy.exc import DBAPIError

    try:
        with session_scope(engine, write=False) as s:
            return backup_folder(s, station_id)
    except (StorageError, DBAPIError):  # DBAPIError: an engine opened before the file was encrypted (exit backup)
        return paths.backups_dir()


# --- backups --------------------------------------------------------------------------------------


def backup_now(engine: Engine, *, actor: Actor, folder: Path | str | None = None, now: datetime | None = None) -> Path:
    """A manual backup into ``folder`` (default: the station's folder); audited. Any other folder than the
    station's is an administrator's choice (BACKUP_ELSEWHERE): a backup holds every number unmasked."""
    require(actor, MAKE_BACKUP)
    source = _db_file(engine)
    station_folder = _folder_for(engine, actor.station_id)
    target_dir = Path(folder) if folder else station_folder
    if _resolved(target_dir) not in {_resolved(station_folder), _resolved(paths.backups_dir())}:
        require(actor, BACKUP_ELSEWHERE)
    made = backup_files.make_backup(source, target_dir, kind=BackupKind.MANUAL, now=now)
    remember_folder(made.parent)
    backup_status.record_success(source)
    with session_scope(engine) as s:
        audit.record(s, actor=actor, action="backup", entity="database", entity_id="", after={"file": str(made)})
    return made


def _resolved(folder: Path) -> Path:
    try:
        return Path(folder).expanduser().resolve()
    except OSError:
        return Path(folder)


def automatic_backup(engine: Engine, *, kind: str, station_id: int | None = None, now: datetime | None = None) -> Path | None:
    """The exit or daily backup into the station's folder, rotated (None on PostgreSQL or for a new file).

    When the chosen folder (a USB drive) is missing, the backup goes to the data dir instead of not at all.
    A failure is kept (``backup_status``) and shown to the user until a backup succeeds, then raised.
    """
    source = sqlite_path(engine)
    if source is None or not source.exists():
        return None
    try:
        folder = _folder_for(engine, station_id)
        if kind == BackupKind.DAILY and not backup_files.daily_due(folder, now):
            return None
        try:
            made = backup_files.automatic_backup(source, folder, kind=kind, now=now)
        except StorageError:
            fallback = paths.backups_dir()
            if folder == fallback:
                raise
            made = backup_files.automatic_backup(source, fallback, kind=kind, now=now)
    except Exception as exc:
        backup_status.record_failure(source, kind, _failure_detail(exc), now=now)
        raise
    remember_folder(made.parent)
    backup_status.record_success(source)
    return made


def _failure_detail(exc: Exception) -> str:
    if isinstance(exc, SmileDeskError):
        return exc.text()
    return f"{type(exc).__name__}: {exc}"


def last_failure(engine: Engine) -> BackupFailure | None:
    """The failed automatic backup of the engine's database, until a backup of it succeeds (None: all well)."""
    source = sqlite_path(engine)
    return None if source is None else backup_status.last_failure(source)


def check_backup(engine: Engine, backup_file: Path | str) -> None:
    """``backup_files.verify_backup`` with the passphrase of the engine's database: the backups of an encrypted
    database are encrypted with it."""
    target = sqlite_path(engine)
    key = database_key(target) if target is not None and file_is_encrypted(target) else None
    backup_files.verify_backup(Path(backup_file), key=key)


def restore_backup(engine: Engine, *, actor: Actor, backup_file: Path | str, now: datetime | None = None) -> Path | None:
    """Replace the database with a verified backup; the replaced database is kept as a backup.

    After the copy the schema is brought up to date (an older backup is migrated) and the restore is
    written to the audit log of the restored database. Returns the kept copy of the replaced database.
    """
    require(actor, RESTORE_BACKUP)
    target = _db_file(engine)
    keep_dir = _folder_for(engine, actor.station_id)
    key = database_key(target) if file_is_encrypted(target) else None
    backup_files.verify_backup(Path(backup_file), key=key)
    engine.dispose()  # no pooled connection keeps the old pages
    kept = backup_files.restore(target, Path(backup_file), keep_dir=keep_dir, now=now, key=key)
    engine.dispose()
    from desktop_app import features
    from desktop_app.core.db import migrate

    features.import_all_models()
    migrate(engine, backup=False)
    from desktop_app.core import audit_anchors

    with session_scope(engine) as s:
        features.ensure_reference_data(s)
        audit.record(s, actor=actor, action="restore", entity="database", entity_id="",
                     after={"from": str(backup_file), "kept": str(kept) if kept else ""})
    with session_scope(engine, write=False) as s:
        db_id, chains, legacy = audit_anchors.heads_from_session(s)
    if db_id is not None:  # this PC follows the restored database from now on (older anchors: superseded)
        audit_anchors.reset(db_id, chains, legacy)
    return kept



