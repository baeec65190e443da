"""Files only this user may read: the data folder 0700, every file the app writes 0600 (POSIX).

A station PC is shared (a volunteer's account, a family member's): the database, its WAL, backups, logs,
exports, keys and anchors hold residents' ID numbers, so no other account on the computer may read them.
``restrict_umask`` makes every file the process creates private from the start (SQLite gives the -wal and
-shm files the database file's own mode); ``private_file`` / ``private_dir`` repair what an older version,
a copy or another tool left readable. On Windows the data folder is under the user's profile
(%LOCALAPPDATA%), whose permissions already admit only that user and the administrators: nothing to do.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
POSIX = sys.platform != "win32"


def restrict_umask() -> None:
    """Every file and folder this process creates from now on: readable by this user only."""
    if POSIX:
        os.umask(0o077)


def private_file(path: Path | str) -> None:
    """Make ``path`` 0600 (missing file: nothing to do; a file we cannot change: left as it is)."""
    if not POSIX:
        return
    try:
        if (os.stat(path).st_mode & 0o777) != FILE_MODE:
            os.chmod(path, FILE_MODE)
    except OSError:
        pass


def private_dir(path: Path | str) -> Path:
    """Create ``path`` if needed and make it 0700; returns it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        try:
            if (path.stat().st_mode & 0o777) != DIR_MODE:
                os.chmod(path, DIR_MODE)
        except OSError:
            pass
    return path


def database_files(path: Path | str) -> list[Path]:
    """A SQLite file and its companions (-wal, -shm, -journal) that exist."""
    base = Path(path)
    out = [base] if base.exists() else []
    for side in ("-wal", "-shm", "-journal"):
        extra = Path(f"{base}{side}")
        if extra.exists():
            out.append(extra)
    return out


def private_database(path: Path | str) -> None:
    """The database file, its WAL and shared-memory files and its folder: this user's only."""
    for f in database_files(path):
        private_file(f)


def write_private(target: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` to ``target`` atomically (a .part file renamed over it), created 0600."""
    partial = target.with_name(target.name + ".part")
    # O_BINARY: on Windows a text-mode descriptor would turn 0x0A bytes into CR LF.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), FILE_MODE)
    try:
        os.write(fd, data)
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)
    private_file(partial)  # an existing .part left by a crash keeps its old mode through O_TRUNC
    os.replace(partial, target)
