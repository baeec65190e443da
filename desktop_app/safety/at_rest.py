"""Encryption at rest: encrypt or decrypt the station's SQLite database (permission, conversion, audit).

Qt-free use cases over ``safety.encryption`` (the file conversion) and ``safety.keys`` (remembering the
passphrase on this computer). The engine is disposed: the app opens the file again afterwards.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from desktop_app.core import audit, paths
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import file_is_encrypted, session_scope, sqlite_path
from desktop_app.core.errors import StorageError
from desktop_app.safety import backup_files
from desktop_app.safety.backups import _db_file, _folder_for, remember_folder, remembered_folders
from desktop_app.safety.models import BackupKind
from desktop_app.safety.permissions import ENCRYPT_DATABASE


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
        raise backup_files._os_error(exc, keys.key_dir()) from exc
    plain = encryption.plain_backups(*folders)
    if delete_plain_backups and plain:
        # First an encrypted backup to take their place, in the station's folder (or the data dir's).
        try:
            made = backup_files.make_backup(path, folders[0], kind=BackupKind.MANUAL, key=passphrase)
        except StorageError:
            made = backup_files.make_backup(path, paths.backups_dir(), kind=BackupKind.MANUAL, key=passphrase)
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

