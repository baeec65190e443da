"""Data safety keeps no tables of its own: its states, and the shapes its use cases hand back.

Backups are files (``backup_files``); what the start-up check finds is a ``Problem`` (``integrity``); a failed
automatic backup is kept in the data dir until one succeeds (``backup_status``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class BackupKind(StrEnum):
    """Why a backup was made (the last part of its file name)."""

    EXIT = "exit"  # automatic, when SmileDesk closes
    DAILY = "daily"  # automatic, once a day
    MANUAL = "manual"  # Back up now, the command line, before encrypting
    PRE_RESTORE = "pre-restore"  # the database a restore replaced
    DAMAGED = "damaged"  # a damaged database moved aside by a restore


AUTOMATIC = (BackupKind.EXIT, BackupKind.DAILY)  # rotated; the others are never deleted automatically


class ProblemKind(StrEnum):
    """What the start-up check found wrong with the database file."""

    DAMAGED = "damaged"  # not a database, or its pages are corrupt
    UNREADABLE = "unreadable"  # cannot be opened: permissions, a missing drive
    EMPTY = "empty"  # 0 bytes, or a database without SmileDesk's tables (killed before its first migration)


@dataclass(frozen=True)
class BackupFailure:
    """The last automatic backup of a database failed (kept until a backup of it succeeds)."""

    kind: BackupKind
    at: datetime  # local wall-clock time of the latest failure
    detail: str  # what went wrong, as the user was told
    failures: int = 1  # failed attempts since the last backup that succeeded
