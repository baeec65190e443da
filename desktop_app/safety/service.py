"""Data-safety use cases: backups (manual, on exit, daily), restore, encryption, privacy requests, stations.

Qt-free. Backups and restore work on the SQLite file behind an engine; on PostgreSQL the server is
backed up with pg_dump (docs/postgres.md) and these functions say so with a StorageError.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from desktop_app.core import audit, paths
from desktop_app.core.auth import MANAGE_SETTINGS, STAFF, Actor, Permission, Role, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import database_key, file_is_encrypted, session_scope, sqlite_path
from desktop_app.core.errors import ConflictError, NotFound, StorageError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StaffUser, Station, StationSetting
from desktop_app.safety import backup, privacy

MAKE_BACKUP = Permission(QT_TRANSLATE_NOOP("Permissions", "back up the database"), STAFF)
RESTORE_BACKUP = Permission(QT_TRANSLATE_NOOP("Permissions", "restore the database from a backup"), {Role.ADMIN})
ENCRYPT_DATABASE = Permission(QT_TRANSLATE_NOOP("Permissions", "encrypt or decrypt the database"), {Role.ADMIN})
MANAGE_STATIONS = Permission(QT_TRANSLATE_NOOP("Permissions", "manage the sub-district's stations"), {Role.ADMIN})

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
    """A manual backup into ``folder`` (default: the station's folder); audited."""
    require(actor, MAKE_BACKUP)
    source = _db_file(engine)
    target_dir = Path(folder) if folder else _folder_for(engine, actor.station_id)
    made = backup.make_backup(source, target_dir, kind="manual", now=now)
    remember_folder(made.parent)
    with session_scope(engine) as s:
        audit.record(s, actor=actor, action="backup", entity="database", entity_id="", after={"file": str(made)})
    return made


def automatic_backup(engine: Engine, *, kind: str, station_id: int | None = None, now: datetime | None = None) -> Path | None:
    """The exit or daily backup into the station's folder, rotated (None on PostgreSQL or for a new file).

    When the chosen folder (a USB drive) is missing, the backup goes to the data dir instead of not at all.
    """
    source = sqlite_path(engine)
    if source is None or not source.exists():
        return None
    folder = _folder_for(engine, station_id)
    if kind == "daily" and not backup.daily_due(folder, now):
        return None
    try:
        made = backup.automatic_backup(source, folder, kind=kind, now=now)
    except StorageError:
        fallback = paths.backups_dir()
        if folder == fallback:
            raise
        made = backup.automatic_backup(source, fallback, kind=kind, now=now)
    remember_folder(made.parent)
    return made


def check_backup(engine: Engine, backup_file: Path | str) -> None:
    """``backup.verify_backup`` with the passphrase of the engine's database: the backups of an encrypted
    database are encrypted with it."""
    target = sqlite_path(engine)
    key = database_key(target) if target is not None and file_is_encrypted(target) else None
    backup.verify_backup(Path(backup_file), key=key)


def restore_backup(engine: Engine, *, actor: Actor, backup_file: Path | str, now: datetime | None = None) -> Path | None:
    """Replace the database with a verified backup; the replaced database is kept as a backup.

    After the copy the schema is brought up to date (an older backup is migrated) and the restore is
    written to the audit log of the restored database. Returns the kept copy of the replaced database.
    """
    require(actor, RESTORE_BACKUP)
    target = _db_file(engine)
    keep_dir = _folder_for(engine, actor.station_id)
    key = database_key(target) if file_is_encrypted(target) else None
    backup.verify_backup(Path(backup_file), key=key)
    engine.dispose()  # no pooled connection keeps the old pages
    kept = backup.restore(target, Path(backup_file), keep_dir=keep_dir, now=now, key=key)
    engine.dispose()
    from desktop_app import features
    from desktop_app.core.db import migrate

    features.import_all_models()
    migrate(engine, backup=False)
    with session_scope(engine) as s:
        features.ensure_reference_data(s)
        audit.record(s, actor=actor, action="restore", entity="database", entity_id="",
                     after={"from": str(backup_file), "kept": str(kept) if kept else ""})
    return kept



# --- encryption at rest ---------------------------------------------------------------------------


def is_encrypted(engine: Engine) -> bool:
    path = sqlite_path(engine)
    return path is not None and file_is_encrypted(path)


def _backup_folders(engine: Engine, path: Path, station_id: int | None) -> list[Path]:
    out: list[Path] = []
    for folder in [_folder_for(engine, station_id), *remembered_folders(), paths.backups_dir(), path.parent / "backups"]:
        if folder not in out:
            out.append(folder)
    return out


def plain_backup_files(engine: Engine, station_id: int | None) -> list[Path]:
    """Backups of this database that are not encrypted (to offer deleting them when encrypting)."""
    from desktop_app.safety import encryption

    path = sqlite_path(engine)
    return [] if path is None else encryption.plain_backups(*_backup_folders(engine, path, station_id))


def _record_conversion(path: Path, key: str | None, *, actor: Actor, action: str, done) -> None:
    """The audit entry, written into the converted database (never the passphrase)."""
    from desktop_app.core.db import make_engine

    converted = make_engine(f"sqlite:///{path}", key=key)
    after = {"tables": done.tables, "rows": done.rows}
    if done.deleted_backups:
        after["plain_backups_deleted"] = [str(p) for p in done.deleted_backups]
    try:
        with session_scope(converted) as s:
            audit.record(s, actor=actor, action=action, entity="database", entity_id="", after=after)
    finally:
        converted.dispose()


def encrypt_database(engine: Engine, *, actor: Actor, passphrase: str, remember: bool = False,
                     delete_plain_backups: bool = False, progress=None):
    """Encrypt the SQLite database behind ``engine`` (which is disposed: open the file again with the
    passphrase). ``remember`` keeps the passphrase on this computer (safety.keys) for unattended start.
    ``delete_plain_backups``: after an encrypted backup of the encrypted database is made, the backups made
    before (plain copies of residents' data) are deleted. Returns ``encryption.Converted``, listing the
    backups that are still plain."""
    from desktop_app.core.db import cipher_module
    from desktop_app.safety import encryption, keys

    require(actor, ENCRYPT_DATABASE)
    path = _db_file(engine)
    cipher_module()
    encryption.check_passphrase(passphrase)
    folders = _backup_folders(engine, path, actor.station_id)
    engine.dispose()
    done = encryption.encrypt_file(path, passphrase, progress=progress)
    try:
        if remember:
            keys.remember(path, passphrase)
        else:
            keys.forget(path)
    except OSError as exc:
        raise backup._os_error(exc, keys.key_dir()) from exc
    plain = encryption.plain_backups(*folders)
    if delete_plain_backups and plain:
        # First an encrypted backup to take their place, in the station's folder (or the data dir's).
        try:
            made = backup.make_backup(path, folders[0], kind="manual", key=passphrase)
        except StorageError:
            made = backup.make_backup(path, paths.backups_dir(), kind="manual", key=passphrase)
        remember_folder(made.parent)
        for old in plain:
            try:
                old.unlink()
                done.deleted_backups.append(old)
            except OSError:
                pass
        plain = [p for p in plain if p not in done.deleted_backups]
    _record_conversion(path, passphrase, actor=actor, action="encrypt", done=done)
    done.plain_backups = plain
    return done


def decrypt_database(engine: Engine, *, actor: Actor, passphrase: str | None = None, progress=None):
    """Turn the encrypted database behind ``engine`` back into a plain SQLite file (``engine`` is disposed);
    the passphrase remembered on this computer is forgotten."""
    from desktop_app.safety import encryption, keys

    require(actor, ENCRYPT_DATABASE)
    path = _db_file(engine)
    engine.dispose()
    done = encryption.decrypt_file(path, passphrase, progress=progress)
    keys.forget(path)
    _record_conversion(path, None, actor=actor, action="decrypt", done=done)
    return done

# --- privacy requests -----------------------------------------------------------------------------


def _resident_or_404(s: Session, resident_id: int):
    from desktop_app.residents.models import Resident

    resident = s.get(Resident, resident_id)
    if resident is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))
    return resident


def _check_station(actor: Actor, resident) -> None:
    if actor.station_id is not None and resident.station_id != actor.station_id:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That resident no longer exists."))


def export_resident(s: Session, *, actor: Actor, resident_id: int) -> dict[str, Any]:
    """Everything SmileDesk holds about one resident, by feature (the person's access request); audited."""
    require(actor, privacy.EXPORT_PERSONAL)
    resident = _resident_or_404(s, resident_id)
    _check_station(actor, resident)
    if resident.erased:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This resident's personal data was erased; there is nothing left to export."))
    sections: dict[str, Any] = {}
    for key, mod in privacy.providers():
        sections[key] = mod.export(s, resident_id)
    data = {
        "format": "smiledesk-personal-data/1",
        "resident_id": resident_id,
        "exported_at": utcnow().isoformat(),
        "exported_by": actor.username,
        "sections": sections,
    }
    audit.record(s, actor=actor, action="export", entity="resident", entity_id=resident_id,
                 after={"sections": sorted(sections)})
    return data


def export_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=audit._default)


def write_export(data: dict[str, Any], folder: Path | str, *, station_name: str = "") -> tuple[Path, Path]:
    """The export as JSON and PDF files in ``folder``; returns (json, pdf)."""
    from desktop_app.safety import pdf

    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"resident-{data['resident_id']}-personal-data-{datetime.now():%Y%m%d-%H%M%S}"
        json_path = folder / f"{stem}.json"
        json_path.write_text(export_json(data), encoding="utf-8")
        pdf_path = pdf.render_export(data, folder / f"{stem}.pdf", station_name=station_name)
    except OSError as exc:
        raise backup._os_error(exc, folder) from exc
    return json_path, pdf_path


def erase_resident(s: Session, *, actor: Actor, resident_id: int, reason: str = "") -> list[str]:
    """Anonymise a resident everywhere (erasure request); statistics and ledgers keep their rows.

    Other features erase first (they may look the person up), residents last. Returns the feature keys
    that erased something. Audited as "erase" without any personal value in the entry.
    """
    require(actor, privacy.ERASE_PERSONAL)
    resident = _resident_or_404(s, resident_id)
    _check_station(actor, resident)
    if resident.erased:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This resident's personal data was already erased."))
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Reason"), QT_TRANSLATE_NOOP("Errors", "keep it under 200 characters."))
    done = []
    ordered = privacy.providers()
    for key, mod in [p for p in ordered if p[0] != "residents"] + [p for p in ordered if p[0] == "residents"]:
        mod.erase(s, resident_id)
        done.append(key)
    s.flush()
    audit.record(s, actor=actor, action="erase", entity="resident", entity_id=resident_id,
                 after={"features": done, "reason": reason})
    return done


# --- stations (several stations on one PostgreSQL database) ---------------------------------------


def _require_sub_district(actor: Actor) -> None:
    require(actor, MANAGE_STATIONS)
    if actor.station_id is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Only a sub-district administrator (an administrator without a station) can do this."))


STAFF_VIEW = Permission(QT_TRANSLATE_NOOP("Permissions", "see stations"), STAFF)


def list_stations(s: Session, *, actor: Actor) -> list[Station]:
    require(actor, STAFF_VIEW)
    q = select(Station).order_by(Station.id)
    if actor.station_id is not None:
        q = q.where(Station.id == actor.station_id)
    return list(s.exec(q))


def add_station(s: Session, *, actor: Actor, name: str, code: str, sub_district: str = "") -> Station:
    _require_sub_district(actor)
    name = (name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Station name"), QT_TRANSLATE_NOOP("Errors", "enter the station's name (1–100 characters)."))
    code = (code or "").strip().upper()
    if not (1 <= len(code) <= 10 and code.isascii() and code.isalnum()):
        raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Station code"), QT_TRANSLATE_NOOP("Errors", "use 1–10 letters or digits, e.g. SQK."))
    if s.exec(select(Station).where(Station.code == code)).first():
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "The station code {code} is taken; choose another."), code=code)
    station = Station(name=name, code=code, sub_district=(sub_district or "").strip()[:100])
    s.add(station)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="station", entity_id=station.id, after=station)
    return station


def assign_station(s: Session, *, actor: Actor, username: str, station_id: int | None) -> StaffUser:
    """Put an account in a station; ``None`` makes an administrator a sub-district administrator."""
    _require_sub_district(actor)
    user = s.exec(select(StaffUser).where(StaffUser.username == (username or "").strip())).first()
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That account no longer exists."))
    if station_id is None:
        if user.role != Role.ADMIN.value:
            raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Only administrators can see all stations; choose a station for this account."))
    elif s.get(Station, station_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no station {id}."), id=station_id)
    before = {"station_id": user.station_id}
    user.station_id = station_id
    s.add(user)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="staff_user", entity_id=user.id, before=before, after={"station_id": station_id})
    return user


def residents_by_station(s: Session, *, actor: Actor) -> dict[int | None, int]:
    """Resident counts per station the actor may see; a sub-district administrator sees every station."""
    from sqlmodel import func

    from desktop_app.core.db import station_scope
    from desktop_app.residents.models import Resident

    require(actor, STAFF_VIEW)
    q = select(Resident.station_id, func.count()).where(Resident.erased == False).group_by(Resident.station_id)  # noqa: E712
    q = station_scope(q, Resident.station_id, actor)
    return {sid: n for sid, n in s.exec(q)}
