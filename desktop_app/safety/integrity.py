"""The start-up check: is the SQLite file readable and intact? If not, which backup can replace it.

Qt-free; ``safety.dialogs.DamagedDatabaseDialog`` shows a ``Problem`` to the user. An encrypted file
is checked with its passphrase (``core.db.database_key``: asked for at start-up before this check runs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop_app.core import db
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.safety import backup_files
from desktop_app.safety.models import ProblemKind

DAMAGED, UNREADABLE, EMPTY = ProblemKind.DAMAGED, ProblemKind.UNREADABLE, ProblemKind.EMPTY

MESSAGES = {
    DAMAGED: QT_TRANSLATE_NOOP("Errors", "The database file {path} is damaged ({detail})."),
    UNREADABLE: QT_TRANSLATE_NOOP("Errors", "The database file {path} cannot be opened ({detail})."),
}


@dataclass
class Problem:
    kind: ProblemKind
    db_path: Path
    detail: str
    backup: backup_files.BackupInfo | None = None
    folders: list[Path] = field(default_factory=list)

    def text(self) -> str:
        return translate("Errors", MESSAGES[self.kind], path=str(self.db_path), detail=self.detail)


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, in-memory or a URL that cannot be parsed)."""
    try:
        parsed = make_url(url)
    except Exception:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.get_driver_name() == "pysqlcipher":
        return None
    if not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def backup_folders(db_path: Path, extra: tuple[Path | str, ...] = ()) -> list[Path]:
    """Where backups of ``db_path`` may be: chosen folders first, then the data dir's and the file's own."""
    from desktop_app.core import paths
    from desktop_app.safety.backups import remembered_folders

    out: list[Path] = []
    for folder in [*extra, *remembered_folders(), paths.backups_dir(), db_path.parent / "backups"]:
        if folder and Path(folder) not in out:
            out.append(Path(folder))
    return out


# Above this size PRAGMA quick_check takes noticeable time (0.35 s for 137 MB, 4 s for 1.7 GB): start-up runs fast_check and the
# full check runs on a worker thread once the window is open (safety.dialogs.check_in_background).
FULL_CHECK_MAX_BYTES = 32 * 2**20


def needs_background_check(url: str) -> bool:
    path = sqlite_file(url)
    return path is not None and path.exists() and path.stat().st_size > FULL_CHECK_MAX_BYTES


def _open(path: Path):
    """(connection, None) or (None, (kind, detail)): a plain file with sqlite3, an encrypted one with its
    passphrase through sqlcipher3."""
    if not os.access(path, os.R_OK):
        return None, (UNREADABLE, "permission denied")
    try:
        return db.connect_file(path, readonly=True, timeout=15), None
    except db.EncryptionUnavailable as exc:
        return None, (UNREADABLE, exc.text())
    except db.KeyRequired:
        return None, (DAMAGED, "not a SQLite database, or an encrypted one whose passphrase was not given")
    except db.database_errors() as exc:
        return None, (UNREADABLE, str(exc))


def fast_check(path: Path) -> tuple[str, str] | None:
    """Header and schema only (milliseconds): catches a file that is not a database or a damaged schema."""
    conn, problem = _open(path)
    if conn is None:
        return problem
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except db.database_errors() as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return None
        return DAMAGED, text
    finally:
        conn.close()
    return None


def quick_check(path: Path) -> tuple[str, str] | None:
    """(kind, detail) when the file is damaged or cannot be opened, else None."""
    conn, problem = _open(path)
    if conn is None:
        return problem
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except db.database_errors() as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return None  # another process is writing: it is being used, not damaged
        if "unable to open" in text or "readonly" in text:
            return UNREADABLE, text
        return DAMAGED, text
    finally:
        conn.close()
    if rows != ["ok"]:
        return DAMAGED, "; ".join(rows[:3])
    return None


def startup_check(url: str, *, extra_dirs: tuple[Path | str, ...] = (), full: bool = True) -> Problem | None:
    """A quick integrity check of the SQLite file behind ``url`` (PostgreSQL: None, the server checks).

    A new (missing or empty) file is fine. For a damaged file the Problem names the newest backup that
    passes verification, searched in ``extra_dirs`` (e.g. a USB folder) and the usual backup folders.
    """
    path = sqlite_file(url)
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    found = quick_check(path) if full else fast_check(path)
    if found is None:
        return None
    kind, detail = found
    folders = backup_folders(path, extra_dirs)
    key = db.database_key(path) if db.file_is_encrypted(path) else None
    return Problem(kind, path, detail, backup_files.newest_good_backup(*folders, key=key), folders)


def recover(problem: Problem, chosen: Path | None = None) -> Path | None:
    """Put the newest good backup (or ``chosen``) in place of the damaged file; the damaged one is kept."""
    source = chosen or (problem.backup.path if problem.backup else None)
    if source is None:
        raise ValueError("no backup to restore")
    # Kept next to the database (same drive: the damaged file is moved, not copied).
    key = db.database_key(problem.db_path) if db.file_is_encrypted(problem.db_path) else None
    return backup_files.restore(problem.db_path, Path(source), keep_dir=problem.db_path.parent / "backups", key=key)
