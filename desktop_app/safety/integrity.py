"""The start-up check: is the SQLite file readable and intact? If not, which backup can replace it.

Qt-free; ``safety.dialogs.DamagedDatabaseDialog`` shows a ``Problem`` to the user. An encrypted file
is checked with its passphrase (``core.db.database_key``: asked for at start-up before this check runs).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from desktop_app.core import db
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Finding, Text, translate
from desktop_app.safety import backup_files
from desktop_app.safety.models import ProblemKind

DAMAGED, UNREADABLE, EMPTY = ProblemKind.DAMAGED, ProblemKind.UNREADABLE, ProblemKind.EMPTY

MESSAGES = {
    DAMAGED: QT_TRANSLATE_NOOP("Errors", "The database file {path} is damaged ({detail})."),
    UNREADABLE: QT_TRANSLATE_NOOP("Errors", "The database file {path} cannot be opened ({detail})."),
    EMPTY: QT_TRANSLATE_NOOP("Errors", "The database file {path} holds no SmileDesk data ({detail})."),
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


def _open(path: Path) -> tuple[Any, tuple[ProblemKind, str] | None]:
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


def fast_check(path: Path) -> tuple[ProblemKind, str] | None:
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


def quick_check(path: Path) -> tuple[ProblemKind, str] | None:
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


def schema_missing(path: Path) -> str | None:
    """Why ``path`` holds no SmileDesk database ("0 bytes", "no tables", ...), or None when it has one (a
    finished first migration). A file that cannot be read is the other checks' business: None."""
    if path.stat().st_size == 0:
        return Text("Checks", QT_TRANSLATE_NOOP("Checks", "0 bytes"))
    conn, problem = _open(path)
    if conn is None:
        return None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return Text("Checks", QT_TRANSLATE_NOOP("Checks", "no tables"))
        if "alembic_version" not in tables:
            return Text("Checks", QT_TRANSLATE_NOOP("Checks", "no SmileDesk schema (no alembic_version table)"))
        if conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 0:
            return Text("Checks", QT_TRANSLATE_NOOP("Checks", "no SmileDesk schema (its first migration never finished)"))
    except db.database_errors():
        return None
    finally:
        conn.close()
    return None


def startup_check(url: str, *, extra_dirs: tuple[Path | str, ...] = (), full: bool = True) -> Problem | None:
    """A quick integrity check of the SQLite file behind ``url`` (PostgreSQL: None, the server checks).

    A missing file is a new station (None: the first-run wizard). For a damaged file the Problem names the
    newest backup that passes verification, searched in ``extra_dirs`` (e.g. a USB folder) and the usual
    backup folders. An empty file (0 bytes, or cut short before its first migration finished) is a Problem
    only when a good backup exists — it may be the station's database lost in a crash; with no backup it is
    a new station too.
    """
    path = sqlite_file(url)
    if path is None or not path.exists():
        return None
    if path.stat().st_size > 0:
        found = quick_check(path) if full else fast_check(path)
        if found is not None:
            kind, detail = found
            folders = backup_folders(path, extra_dirs)
            key = db.database_key(path) if db.file_is_encrypted(path) else None
            return Problem(kind, path, detail, backup_files.newest_good_backup(*folders, key=key), folders)
    empty = schema_missing(path)
    if empty is None:
        return None
    folders = backup_folders(path, extra_dirs)
    key = db.database_key(path) if db.file_is_encrypted(path) else None
    good = backup_files.newest_good_backup(*folders, key=key)
    return None if good is None else Problem(EMPTY, path, empty, good, folders)


def recover(problem: Problem, chosen: Path | None = None) -> Path | None:
    """Put the newest good backup (or ``chosen``) in place of the damaged file; the damaged one is kept."""
    source = chosen or (problem.backup.path if problem.backup else None)
    if source is None:
        raise ValueError("no backup to restore")
    # Kept next to the database (same drive: the damaged file is moved, not copied).
    key = db.database_key(problem.db_path) if db.file_is_encrypted(problem.db_path) else None
    return backup_files.restore(problem.db_path, Path(source), keep_dir=problem.db_path.parent / "backups", key=key)


# --- smiledesk check ------------------------------------------------------------------------------

MAX_TEXT_FINDINGS = 20  # per table: enough to find the rows, not a wall of them


def damaged_text(path: Path) -> list[Finding]:
    """Rows whose text is not valid UTF-8 (written past the program: a disk error, another tool), by table,
    row id and column. Such a row passes SQLite's integrity check; reading it fails wherever it is shown."""
    conn, problem = _open(path)
    if conn is None:
        return []
    found: list[Finding] = []
    try:
        conn.text_factory = bytes
        tables = [r[0].decode() for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        for table in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            columns = [r[1].decode() for r in conn.execute(f"PRAGMA table_info({quoted})")
                       if any(kind in (r[2] or b"").upper() for kind in (b"CHAR", b"TEXT", b"CLOB"))]
            if not columns:
                continue
            names = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
            try:
                rows = conn.execute(f"SELECT rowid, {names} FROM {quoted}")
            except db.database_errors():
                continue  # a table without rowid: none of SmileDesk's
            n = 0
            for row in rows:
                for column, value in zip(columns, row[1:], strict=True):
                    if isinstance(value, bytes):
                        try:
                            value.decode("utf-8")
                        except UnicodeDecodeError:
                            n += 1
                            if n <= MAX_TEXT_FINDINGS:
                                found.append(Finding(QT_TRANSLATE_NOOP(
                                    "Checks", "damaged text: table {table}, row {row}, column {column} is not valid "
                                    "UTF-8 (starts {start}); correct or clear it (e.g. in the program, or restore a "
                                    "backup)"), table=table, row=row[0], column=column, start=repr(value[:16])))
            if n > MAX_TEXT_FINDINGS:
                found.append(Finding(QT_TRANSLATE_NOOP("Checks", "damaged text: table {table}: {n} more rows like these"),
                                     table=table, n=n - MAX_TEXT_FINDINGS))
    finally:
        conn.close()
    return found


def duplicate_id_numbers(s) -> list[Finding]:
    """ID numbers registered more than once in a station (``residents.duplicate_id_numbers``: masked)."""
    from desktop_app import residents

    out = []
    for dup in residents.duplicate_id_numbers(s):
        station = (Text("Checks", QT_TRANSLATE_NOOP("Checks", "the sub-district's own register"))
                   if dup.station_id is None else Finding(QT_TRANSLATE_NOOP("Checks", "station {station}"),
                                                          station=dup.station_id))
        ids = [str(i) for i in dup.resident_ids]
        if dup.set_aside:
            out.append(Finding(QT_TRANSLATE_NOOP(
                "Checks", "duplicate ID number {number} in {station}: set aside by the upgrade into the notes of "
                "residents {ids}; merge or correct them on the residents page"),
                number=dup.id_number_masked, station=station, ids=ids))
        else:
            out.append(Finding(QT_TRANSLATE_NOOP(
                "Checks", "duplicate ID number {number} in {station}: registered for residents {ids}; merge or "
                "correct them on the residents page"), number=dup.id_number_masked, station=station, ids=ids))
    return out


def audit_problems(s, anchor_folders: Iterable[Path] = ()) -> list[Finding]:
    """The audit log checked against itself and against its anchors outside the database: every station's
    keyed chain (entries this PC has no key for are named), this PC's anchor, and the manifests of the
    backups in the usual backup folders and in ``anchor_folders`` (truncation shows there; a server's
    manifests are written by ``smiledesk audit-key anchor`` beside each pg_dump). English as str, translated where shown (Finding.text())."""
    from desktop_app.core import audit, audit_anchors, paths
    from desktop_app.core.db import sqlite_path

    report = audit.verify(s)
    problems = report.all_problems()
    if report.database_id is None:
        return problems
    anchors = []
    pc = audit_anchors.pc_anchor(report.database_id)
    if pc is not None:
        anchors.append(pc)
    db_file = sqlite_path(s.get_bind())
    folders = backup_folders(db_file) if db_file is not None else [*_remembered(), paths.backups_dir()]
    anchors.extend(audit_anchors.manifests([*folders, *anchor_folders], report.database_id))
    problems.extend(audit.check_anchors(s, report, anchors))
    return problems


def _remembered() -> list[Path]:
    from desktop_app.safety.backups import remembered_folders

    return remembered_folders()


def check_database(url: str, anchor_folders: Iterable[Path] = ()) -> list[Finding]:
    """Everything ``smiledesk check`` verifies, as problems (empty: all is well; English as str, ``text()`` in
    the user's language). Creates nothing.

    A SQLite file must exist and hold a SmileDesk schema; then SQLite's integrity check, damaged text,
    pending migrations, the append-only triggers (core.db.guards), the audit chains with their anchors and
    duplicate ID numbers."""
    import desktop_app.core.audit  # noqa: F401  (declares audit_entry append-only)
    from desktop_app.core.db import guards, is_sqlite, make_engine, pending_migrations, session_scope
    from desktop_app.features import declare_guards, import_all_models

    path = sqlite_file(url)
    if path is not None:
        if not path.exists():
            return [Finding(QT_TRANSLATE_NOOP(
                "Checks", "there is no database at {path} (nothing was created); give the right path with --db"),
                path=str(path))]
        if path.is_dir():
            return [Finding(QT_TRANSLATE_NOOP("Checks", "{path} is a folder, not a database file"), path=str(path))]
        empty = schema_missing(path)
        if empty is not None:
            return [Finding(QT_TRANSLATE_NOOP("Checks", "{path} is empty or not a SmileDesk database ({why})"),
                            path=str(path), why=empty)]
    import_all_models()
    engine = make_engine(url)
    problems: list[Finding] = []
    integrity = False
    try:
        if is_sqlite(engine):
            try:
                with engine.connect() as conn:
                    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            except Exception as exc:  # a file that is not a database at all: reported, not raised
                rows = [Finding(QT_TRANSLATE_NOOP("Checks", "cannot read the database: {error}"), error=str(exc))]
            if rows != ["ok"]:  # SQLite's own findings are in English: said as SQLite says them
                integrity = True
                problems.extend(Finding(QT_TRANSLATE_NOOP("Checks", "integrity: {finding}"), finding=r) for r in rows)
            elif path is not None:
                problems.extend(damaged_text(path))
        if not integrity:
            try:
                if pending_migrations(engine):
                    problems.append(Finding(QT_TRANSLATE_NOOP(
                        "Checks", "schema: migrations are pending (run `smiledesk migrate`)")))
                declare_guards()
                problems.extend(guards.verify(engine))
                with session_scope(engine, write=False) as s:
                    problems.extend(audit_problems(s, anchor_folders))
                    problems.extend(duplicate_id_numbers(s))
            except Exception as exc:  # reported, not raised: check is what an administrator runs when in doubt
                problems.append(Finding(QT_TRANSLATE_NOOP("Checks", "cannot check: {error}"), error=str(exc)))
    finally:
        engine.dispose()
    return problems
