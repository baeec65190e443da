"""Benchmarks of issue 19's safeguards, as ratios against floors measured in the same run.

* ``audit_write``: one committed transaction that writes one keyed audit entry (HMAC, the station's chain
  tail, the per-PC anchor after commit) and, for a resident, encrypts the snapshot with the person's key —
  against the floor of a transaction that inserts one row of the same size into a plain table.
* ``audit_verify``: checking every entry of the log (``core.audit.verify``) against the floor of reading
  every row of the table.
"""

from __future__ import annotations

import os

from bench.common import BenchContext, Result, median, timeit


def _database(ctx: BenchContext, entries: int, name: str):
    from desktop_app.core import audit, auth
    from desktop_app.core.db import session_scope
    from desktop_app.features import open_app_database

    os.environ.setdefault("SMILEDESK_KEY_DIR", str(ctx.workdir / "keys"))
    engine = open_app_database(f"sqlite:///{ctx.workdir / name}")
    with session_scope(engine) as s:
        admin = auth.create_first_admin(s, station_name="基准站", username="admin", display_name="", password="bench-pass-1")
    with session_scope(engine) as s:
        s.connection().exec_driver_sql("CREATE TABLE plain_log (id INTEGER PRIMARY KEY, at TEXT, body TEXT, h TEXT)")
    with session_scope(engine) as s:
        for i in range(entries):
            audit.record(s, actor=admin, action="update", entity="resident", entity_id=i % 500,
                         after={"name": "张晓明", "phone": "13912345819", "i": i})
    return engine, admin


def bench_audit_write(ctx: BenchContext) -> list[Result]:
    from desktop_app.core import audit
    from desktop_app.core.db import session_scope

    engine, admin = _database(ctx, 200 if ctx.quick else 2000, "audit-write.sqlite3")
    n = 50 if ctx.quick else 300
    body = audit.snapshot({"name": "张晓明", "phone": "13912345819", "address": "逍遥津社区3栋2单元501室", "i": 0})

    def plain() -> None:
        for _i in range(n):
            with session_scope(engine) as s:
                s.connection().exec_driver_sql("INSERT INTO plain_log (at, body, h) VALUES (?, ?, ?)",
                                               ("2026-12-01T08:00:00", body, "0" * 64))

    def keyed() -> None:
        for i in range(n):
            with session_scope(engine) as s:
                audit.record(s, actor=admin, action="update", entity="resident", entity_id=i % 500,
                             after={"name": "张晓明", "phone": "13912345819", "address": "逍遥津社区3栋2单元501室", "i": i})

    plain()
    keyed()  # warm: keys made, subject keys cached per session (not across: each transaction reads its own)
    floor = median(timeit(plain, 3)) / n
    value = median(timeit(keyed, 3)) / n
    engine.dispose()
    return [Result("audit_write", value, floor, "s", "a keyed, anchored entry costs one plain insert's commit, a few times over",
                   extra={"per_entry_ms": round(value * 1000, 3), "plain_insert_ms": round(floor * 1000, 3)})]


def bench_audit_verify(ctx: BenchContext) -> list[Result]:
    from sqlalchemy import text

    from desktop_app.core import audit
    from desktop_app.core.db import session_scope

    entries = 2000 if ctx.quick else 20000
    engine, _admin = _database(ctx, entries, "audit-verify.sqlite3")

    def read_all() -> None:
        with session_scope(engine, write=False) as s:
            s.connection().execute(text("SELECT * FROM audit_entry")).fetchall()

    def verify() -> None:
        with session_scope(engine, write=False) as s:
            assert audit.verify(s).problems == []

    floor = median(timeit(read_all, 3))
    value = median(timeit(verify, 3))
    engine.dispose()
    return [Result("audit_verify", value, floor, "s", f"checking {entries} entries: the HMACs and links, over reading them",
                   extra={"entries_per_s": round(entries / value)})]


BENCHMARKS = {"audit_write": bench_audit_write, "audit_verify": bench_audit_verify}
