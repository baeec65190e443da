"""Planner statistics: the query planner always has them (issue 21).

Without ``sqlite_stat1`` SQLite guesses, and on a big database it guesses wrong: the residents list picked
the station index and sorted every resident for each 200-row page (1.3 s at 1,000,000 residents). The
app refreshes the statistics

* after migrating (``migrations.open_database``), and when a database that has none is opened,
* after demo data is written (``demo.load``) and after an import (``reports.importing.apply_import``),
* and periodically while the app runs (``app.schedule_statistics``, on a worker thread).

SQLite: ``ANALYZE`` with ``PRAGMA analysis_limit`` (a sample of each index: about 0.3 s on the 1.7 GB
demo database instead of 6.5 s for a full pass; the estimates are as good for choosing plans). PostgreSQL:
``ANALYZE`` (autovacuum does it too; an import should not wait for it).

The hot queries also have indexes that make their plans the same with or without statistics (the
migrations of issue 21): statistics are the second line, not the only one.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy.engine import Engine

from desktop_app.core.db.engine import is_sqlite

log = logging.getLogger(__name__)

ANALYSIS_LIMIT = 20000  # rows sampled per index (SQLite); 0 would read every row


def has_statistics(engine: Engine) -> bool:
    """Has the database been analysed at least once? (PostgreSQL: always, autovacuum keeps them.)"""
    if not is_sqlite(engine):
        return True
    with engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar())


def refresh_statistics(engine: Engine) -> float:
    """Analyse every table now; returns the seconds it took. Safe to run while the app reads and writes
    (SQLite: one short write transaction; readers go on under WAL)."""
    started = time.perf_counter()
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        conn.exec_driver_sql("ANALYZE")
    took = time.perf_counter() - started
    log.info("planner statistics refreshed in %.2f s", took)
    return took


def ensure_statistics(engine: Engine) -> bool:
    """Analyse a database that has never been analysed; True when it was."""
    if has_statistics(engine):
        return False
    refresh_statistics(engine)
    return True
