"""The state of each database's automatic backups on this computer: the last failure, until a backup succeeds.

Kept in the data dir as ``backup-status.json`` (one entry per database file), not in the database:

* a backup fails when the disk or the database itself is in trouble ("disk I/O error", a full disk): a
  write into that same database would fail in exactly the cases the user must hear about;
* the exit backup runs while SmileDesk quits: a small file written in one ``os.replace`` needs no
  transaction and no open window;
* automatic backups are made by this computer of a SQLite file on this computer (a database server is
  backed up with pg_dump), like the list of backup folders (``backup-folders.txt``) kept next to it.

The next start and the administration page read it (``backups.last_failure``).
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

from desktop_app.core import paths
from desktop_app.safety.models import BackupFailure, BackupKind

log = logging.getLogger(__name__)
STATUS_FILE = "backup-status.json"


def _file() -> Path:
    return paths.data_dir() / STATUS_FILE


def _key(db_path: Path) -> str:
    try:
        return str(Path(db_path).resolve())
    except OSError:
        return str(db_path)


def _load() -> dict[str, dict]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, dict]) -> None:
    target = _file()
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        # The data dir cannot be written either: the log is all that is left (and the next backup tries again).
        log.exception("could not write %s", target)


def record_failure(db_path: Path, kind: BackupKind | str, detail: str, *, now: datetime | None = None) -> BackupFailure:
    data = _load()
    key = _key(db_path)
    failures = int(data.get(key, {}).get("failures", 0)) + 1
    at = now or datetime.now()
    data[key] = {"kind": str(kind), "at": at.isoformat(timespec="seconds"), "detail": detail, "failures": failures}
    _save(data)
    return BackupFailure(BackupKind(kind), at, detail, failures)


def record_success(db_path: Path) -> None:
    data = _load()
    if data.pop(_key(db_path), None) is not None:
        _save(data)


def last_failure(db_path: Path) -> BackupFailure | None:
    entry = _load().get(_key(db_path))
    if not isinstance(entry, dict):
        return None
    try:
        return BackupFailure(BackupKind(entry["kind"]), datetime.fromisoformat(entry["at"]), str(entry.get("detail", "")),
                             int(entry.get("failures", 1)))
    except (KeyError, ValueError, TypeError):
        return None
