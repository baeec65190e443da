"""Copies of a live SQLite file (the online backup API) and making renames survive a power cut."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.core.db.cipher import KeyRequired, connect_file, database_key, file_is_encrypted


def fsync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` survive a power cut (Windows cannot open a folder; its renames are
    durable on their own)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """The file's bytes on disk, and its folder's entry too (so a rename that follows survives a power cut)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(path.parent)


def key_of(source: Path, key: str | None) -> str | None:
    """The passphrase of an encrypted ``source`` (None for a plain file); KeyRequired when unknown."""
    if not file_is_encrypted(source):
        return None
    key = key or database_key(source)
    if not key:
        raise KeyRequired(source)
    return key


def copy_database(source: Path, target: Path, *, busy_timeout_s: float = 15.0, key: str | None = None) -> None:
    """Copy a live SQLite database to ``target`` with the online backup API (consistent while in use).

    An encrypted source gives a copy encrypted with the same passphrase (``key`` or the known one)."""
    key = key_of(Path(source), key)
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    if not Path(target).exists():  # created this user's only before SQLite writes a byte into it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))
    src = connect_file(source, key=key, readonly=True, timeout=busy_timeout_s)
    try:
        dst = connect_file(target, key=key)
        try:
            src.backup(dst)
            # A backup is a self-contained file: no -wal beside it on a USB stick.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    from desktop_app.core import private

    private.private_file(target)  # a copy of residents' data: this user's only, whatever the umask
