"""The kiosk keeps stamping while the database server is unreachable (issue 22 item 3).

A check-in the kiosk could not send is kept in a small SQLite file on the kiosk PC (``ScanQueue``: the
passport number, the day of the scan, and the activity when the resident chose one) and replayed with
``replay_scan`` when the server answers again. Replaying is idempotent: a stamp is one row per resident,
activity and day (the ledger's UNIQUE constraint), so a scan replayed twice, or one whose first attempt did
reach the server before the connection broke, awards once. The stamp keeps the day of the scan, not the day
of the replay; the daily limit and the activity's rules are checked then, as for any check-in. A scan the
server refuses on replay (a void card, over the limit) is dropped and logged: the resident was told at the
kiosk that the check-in would be recorded "if the card is valid".
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session

from desktop_app.core import paths
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.passports import codes
from desktop_app.passports.kiosk import kiosk_check_in, kiosk_scan
from desktop_app.passports.permissions import KIOSK_USE
from desktop_app.passports.stamps import StampResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueuedScan:
    id: int
    code: str
    day: date
    activity_id: int | None  # None: the one activity of that day (as a scan at the kiosk does)
    scanned_at: str


def queue_path(database_url: str, station_id: int | None) -> Path:
    """One file per server database and station, in the kiosk PC's data folder (never the password)."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    where = f"{url.host}:{url.port}/{url.database}"
    digest = hashlib.sha1(where.encode("utf-8")).hexdigest()[:12]
    return paths.data_dir() / "kiosk-queue" / f"scans-{digest}-{station_id or 0}.sqlite3"


class ScanQueue:
    """Check-ins waiting for the server, in order; durable (synchronous=FULL) before the kiosk says "kept"."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS scan (id INTEGER PRIMARY KEY, code TEXT NOT NULL, day TEXT NOT NULL, "
                         "activity_id INTEGER, scanned_at TEXT NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=15)
        conn.execute("PRAGMA synchronous=FULL")
        return conn

    def add(self, code: str, day: date, activity_id: int | None) -> int:
        """Keep a check-in (the number is checked for its form first: a misread scan is refused at once)."""
        number = codes.parse_code(code)
        with self._connect() as conn:
            cur = conn.execute("INSERT INTO scan (code, day, activity_id, scanned_at) VALUES (?, ?, ?, ?)",
                               (number, day.isoformat(), activity_id, utcnow().isoformat()))
            return int(cur.lastrowid or 0)

    def pending(self) -> list[QueuedScan]:
        with self._connect() as conn:
            rows = conn.execute("SELECT id, code, day, activity_id, scanned_at FROM scan ORDER BY id").fetchall()
        return [QueuedScan(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4]) for r in rows]

    def remove(self, scan_id: int) -> None:
        with self._connect() as conn:
            conn.execute("DELETE FROM scan WHERE id = ?", (scan_id,))

    def __len__(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT count(*) FROM scan").fetchone()[0])


def replay_scan(s: Session, *, actor: Actor, scan: QueuedScan) -> StampResult | None:
    """Record a kept check-in now, as of its day. Returns the stamp (``already`` when it was recorded before:
    never a second award), or None when that day had no single activity to check in to. A refusal (a void
    or unknown card, a limit) raises as at the kiosk."""
    require(actor, KIOSK_USE)
    if scan.activity_id is not None:
        return kiosk_check_in(s, actor=actor, code=scan.code, activity_id=scan.activity_id, today=scan.day)
    outcome = kiosk_scan(s, actor=actor, code=scan.code, today=scan.day)
    if outcome.refusal is not None:
        raise outcome.refusal
    return outcome.result


def describe(scan: QueuedScan) -> str:
    """For the log: which check-in (the number's last four digits only)."""
    kept = datetime.fromisoformat(scan.scanned_at)
    return f"check-in of passport …{scan.code[-4:]} on {scan.day.isoformat()} (kept at {kept:%H:%M})"
