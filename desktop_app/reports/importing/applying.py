"""Writing an import in batches: each batch one transaction, whole or nothing, none held for long.

Residents are written through residents.service (update_resident always; create_resident for up to
BULK_THRESHOLD new residents). Above that, new residents are written in bulk — the same cleaned values
(residents.service.clean_many / _clean), the same search keys and sort key, one audit entry per batch
listing its new ids — because create_resident costs ~20 ms a row (ORM objects for ~20 search keys and a
flushed audit entry each), i.e. ~17 minutes for 50,000 rows. Volunteers and meal recipients go through
rosters' add_volunteer / set_member_role and meals' create_recipient / update_recipient.

A batch is sized to take about ``BATCH_SECONDS`` (one second); between batches the import looks for residents someone
else changed since it matched the rows, and matches the rest again if there are any. Cancel (or an error)
keeps the batches already written and says so: importing the file again skips what is there.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.errors import Cancelled, ConflictError, NotFound, SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import GONE, pk, table_of
from desktop_app.reports.importing.fields import Kind, remember_mapping
from desktop_app.reports.importing.matching import match
from desktop_app.reports.importing.plan import (
    BULK_THRESHOLD,
    RESIDENT_VALUE_KEYS,
    ImportPlan,
    ImportResult,
    Step,
    gc_paused,
)
from desktop_app.reports.permissions import IMPORT_REGISTERS

BATCH_SECONDS = 1.0
STOPPED = QT_TRANSLATE_NOOP(
    "Errors", "The import stopped at row {row}: {detail} The {written} rows before it were written ({added} added, "
              "{updated} updated). Correct the row and import the file again: what is already there is skipped.")


@contextmanager
def _tuned(conn):
    """The import's own SQLite connection while it runs. 850,000 search-key rows and seven resident indexes do not
    fit SQLite's default 2 MB page cache (pages would be written out and read back batch after batch): 256 MB.
    No checkpoint after each batch (each would copy the same index pages into the database file again): one
    when the import ends. And synchronous=NORMAL: a batch's commit does not wait for the disk (a power cut can
    lose the last batches, whole, never half of one; importing again adds them); the import's closing audit
    entry is written through another connection with the usual FULL, which makes everything before it durable.
    Other connections keep their settings."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.dbapi_connection
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    checkpoint = raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    synchronous = raw.execute("PRAGMA synchronous").fetchone()[0]
    if -262144 < cache < 65536:
        raw.execute("PRAGMA cache_size = -262144")
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    raw.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(cache)}")
        raw.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
        raw.execute(f"PRAGMA synchronous = {int(synchronous)}")
        raw.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _changed_since(s: Session, actor: Actor, since) -> int:
    """Residents written (created or changed) since ``since``: one count, no rows fetched."""
    from sqlalchemy import func

    from desktop_app.residents import Resident

    q = select(func.count()).select_from(Resident).where((Resident.updated_at >= since) | (Resident.created_at >= since))
    if actor.station_id is not None:
        q = q.where(or_(col(Resident.station_id) == actor.station_id, col(Resident.station_id).is_(None)))
    return s.exec(q).one()

STATISTICS_AFTER_ROWS = 500  # an import this big refreshes the planner's statistics at once (else periodically)


@gc_paused
def apply_import(engine, *, actor: Actor, plan: ImportPlan, progress: Progress = NO_PROGRESS, bulk: bool | None = None,
                 remember: bool = True, batch: int | None = None) -> ImportResult:
    """Import the plan's rows (rejected rows left out), committing batch by batch.

    The rows are matched again against the database as it is now (it may have changed since the dry run).
    ``batch`` fixes the rows per batch (tests); by default a batch takes about BATCH_SECONDS. Cancel keeps
    the batches written before it (the result says up to which row); any other error stops the import
    with a message saying where and what was written."""
    from desktop_app.core.db import refresh_statistics, session_scope

    require(actor, IMPORT_REGISTERS)
    label = translate("Import", "Writing")
    since = utcnow()
    with session_scope(engine, write=False) as s:
        match(s, actor=actor, plan=plan, progress=progress)
    if remember:
        with session_scope(engine) as s:
            remember_mapping(s, actor=actor, kind=plan.kind, labels=plan.labels, mapping=plan.mapping)
    steps = list(plan.steps)
    use_bulk = bulk if bulk is not None else sum(1 for st in steps if st.resident_id is None) > BULK_THRESHOLD
    size = batch or (2000 if use_bulk else 20)
    total = len(steps)
    mine = 0  # residents this import wrote since `since` (the batch before)
    name_keys: dict = {}  # the bulk writer's pinyin keys per distinct name, kept across batches
    touched: list[int] = []
    added = updated = done = last_row = 0
    cancelled = False
    with engine.connect() as conn, _tuned(conn):  # one connection: its page cache stays warm between batches
        while steps:
            chunk = steps[:size]
            started = time.perf_counter()
            try:
                progress(done, total, label)
                with session_scope(conn) as s:
                    if _changed_since(s, actor, since) > mine:  # someone else wrote residents meanwhile
                        match(s, actor=actor, plan=plan)  # written rows now match as unchanged: the rest is decided anew
                        steps = list(plan.steps)
                        total = done + len(steps)
                        chunk = steps[:size]
                    since = utcnow()  # what this batch writes is stamped from here on
                    written = _write_batch(s, actor, plan.kind, chunk, bulk=use_bulk, name_keys=name_keys)
                    check = getattr(progress, "check", None)
                    if check is not None:
                        check()  # Cancel pressed during the batch: it is rolled back (no callback inside a transaction)
            except Cancelled:
                cancelled = True
                break
            except SmileDeskError as exc:
                at = chunk[0].cand.row if chunk else last_row
                raise ConflictError(STOPPED, row=at, detail=exc.text(), written=added + updated, added=added,
                                    updated=updated) from exc
            mine = sum(1 for kind, _rid in written if kind in ("add", "update"))  # resident rows this batch wrote
            for st, (kind, rid) in zip(chunk, written, strict=True):
                touched.append(rid)
                added += kind == "add"
                updated += kind in ("update", "part")
                last_row = max(last_row, st.cand.row)
            done += len(chunk)
            steps = steps[len(chunk):]
            if batch is None:
                elapsed = max(time.perf_counter() - started, 1e-3)
                size = max(10, min(20000, int(size * BATCH_SECONDS / elapsed)))
    counts = plan.counts
    if added + updated >= STATISTICS_AFTER_ROWS:
        refresh_statistics(engine)  # thousands of new residents: the planner's figures must follow (issue 21)
    with session_scope(engine) as s:
        audit.record(s, actor=actor, action="import", entity=plan.kind, entity_id=plan.file_name[:50], after={
            "file": plan.file_name, "sheet": plan.sheet_name, "kind": plan.kind, "added": added, "updated": updated,
            "skip": counts["skip"], "reject": counts["reject"], "cancelled": cancelled, "last_row": last_row})
    if not cancelled:
        try:
            progress(total, total, label)
        except Cancelled:  # pressed after the last batch was written: everything is there
            pass
    return ImportResult(added, updated, counts["skip"], counts["reject"], tuple(touched), cancelled=cancelled,
                        last_row=last_row, not_written=len(steps) if cancelled else 0)


def _write_batch(s: Session, actor: Actor, kind: str, chunk: list[Step], *, bulk: bool,
                 name_keys: dict) -> list[tuple[str, int]]:
    """One batch in the caller's transaction: (what was done, resident id) per step."""
    from desktop_app import residents
    from desktop_app.residents import ResidentCreate

    adds = [st for st in chunk if st.resident_id is None]
    new_ids: dict[int, int] = {}
    if bulk and adds:
        for st, rid in zip(adds, _bulk_add(s, actor, adds, name_keys=name_keys), strict=True):
            new_ids[id(st)] = rid
    out = []
    for st in chunk:
        what = ("add" if st.resident_id is None else "update" if st.resident_values is not None
                else "part" if st.part else "none")  # "part": only the volunteer / meal-recipient part changes
        if id(st) in new_ids:
            rid = new_ids[id(st)]
        elif st.resident_id is None:
            assert st.resident_values is not None  # a step that adds a resident carries its values (plan.Step)
            rid = pk(residents.create_resident(s, actor=actor, data=ResidentCreate(**_create_fields(st.resident_values)),
                                               allow_similar=True).id)
        else:
            rid = st.resident_id
            if st.resident_values is not None:
                residents.update_resident(s, actor=actor, resident_id=rid,
                                          data=ResidentCreate(**_create_fields(st.resident_values)))
        if st.part:
            _write_part(s, actor, kind, st, rid)
        out.append((what, rid))
    return out


def _create_fields(values: dict[str, Any]) -> dict[str, Any]:
    from desktop_app.residents import ResidentCreate

    allowed = set(ResidentCreate.model_fields)
    return {k: ("" if v is None and k not in ("birth_date", "consent_date") else v) for k, v in values.items() if k in allowed}


def _write_part(s: Session, actor: Actor, kind: str, st: Step, resident_id: int) -> None:
    part = st.part or {}
    op = part.get("op")
    if kind == Kind.VOLUNTEERS:
        from desktop_app import rosters

        if op == "add":
            v = rosters.volunteer_for_resident(s, actor=actor, resident_id=resident_id)
            rosters.add_volunteer(s, actor=actor, resident_id=resident_id, team_id=part["team_id"], role=part["role"],
                                  joined_on=part.get("joined_on") or (v.joined_on if v else None))
        elif op == "role":
            v = rosters.volunteer_for_resident(s, actor=actor, resident_id=resident_id)
            if v is None:  # matched as a volunteer; erased since (the batch re-matches after such changes)
                raise NotFound(GONE)
            rosters.set_member_role(s, actor=actor, team_id=part["team_id"], volunteer_id=pk(v.id), role=part["role"])
    elif kind == Kind.MEAL_RECIPIENTS:
        from desktop_app import meals
        from desktop_app.meals import MealRecipientBase, MealRecipientCreate

        if op == "add":
            meals.create_recipient(s, actor=actor, data=MealRecipientCreate(resident_id=resident_id, **part["data"]))
        elif op == "update":
            meals.update_recipient(s, actor=actor, recipient_id=part["recipient_id"], data=MealRecipientBase(**part["data"]))


def _bulk_add(s: Session, actor: Actor, adds: list[Step], *, name_keys: dict) -> list[int]:
    """New residents in bulk: the values residents.service._clean produced, the search keys and sort key
    residents.service writes, one audit entry with every new id (see the module docstring for why)."""
    from sqlalchemy import insert

    from desktop_app.core import search_keys
    from desktop_app.core.clock import utcnow
    from desktop_app.residents import Resident, ResidentSearchKey

    now = utcnow()
    rt = table_of(Resident)
    conn = s.connection()
    raw = conn.connection.dbapi_connection  # SQLite: search keys are plain ints and text, no type processing needed
    assert raw is not None  # the connection of this session's open transaction
    key_sql = f"INSERT INTO {ResidentSearchKey.__tablename__} (resident_id, kind, key) VALUES (?, ?, ?)"
    # pypinyin is the slow part of a resident's keys: registers repeat names (and surnames), so each distinct
    # name is read once. search_keys.person_keys(name, phone, id) == name_keys(name) | number_keys(phone, id).
    name_cache: dict[str, tuple[str, list[tuple[int, str]]]] = name_keys

    def keys_of(name: str) -> tuple[str, list[tuple[int, str]]]:
        hit = name_cache.get(name)
        if hit is None:
            keys, sort_key = search_keys.name_keys_and_sort_key(name)
            hit = name_cache[name] = (sort_key, [(kind, key[:60]) for key, kind in sorted(keys)])
        return hit

    sqlite = conn.dialect.name == "sqlite"
    names = [*RESIDENT_VALUE_KEYS, "station_id", "sort_key", "erased", "created_at", "updated_at"]
    bound = [(i, rt.c[c].type._cached_bind_processor(conn.dialect)) for i, c in enumerate(names)]  # the ORM's conversions
    procs = [(i, proc) for i, proc in bound if proc is not None]
    res_sql = f"INSERT INTO {rt.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    ids: list[int] = []
    batch = 5000
    for start in range(0, len(adds), batch):
        chunk = adds[start:start + batch]
        rows = []
        for st in chunk:
            v = st.resident_values
            assert v is not None  # a step that adds a resident carries its values (plan.Step)
            row = [v.get(k) for k in RESIDENT_VALUE_KEYS]
            row += (actor.station_id, keys_of(v["name"])[0], False, now, now)
            rows.append(row)
        if sqlite:
            for row in rows:
                for i, proc in procs:
                    row[i] = proc(row[i])
            # One executemany through the driver; inside this writing transaction (BEGIN IMMEDIATE) nobody else
            # inserts, so the new rowids follow the current largest one (the table has no AUTOINCREMENT).
            first = (raw.execute(f"SELECT coalesce(max(id), 0) FROM {rt.name}").fetchone()[0] or 0) + 1
            cur = raw.cursor()
            try:
                cur.executemany(res_sql, rows)
            finally:
                cur.close()
            new_ids = list(range(first, first + len(rows)))
            check = raw.execute(f"SELECT count(*), max(id) FROM {rt.name} WHERE id >= ?", (first,)).fetchone()
            if tuple(check) != (len(rows), new_ids[-1]):
                raise RuntimeError(f"bulk insert ids out of step: {check} vs {len(rows)} from {first}")
        else:
            result = conn.execute(insert(rt).returning(rt.c.id, sort_by_parameter_order=True),
                                  [dict(zip(names, row, strict=True)) for row in rows])
            new_ids = [r[0] for r in result]
        keys = []
        for rid, st in zip(new_ids, chunk, strict=True):
            v = st.resident_values
            assert v is not None  # as above
            keys += [(rid, kind, key) for kind, key in keys_of(v["name"])[1]]
            keys += [(rid, kind, key[:60]) for key, kind in search_keys.number_keys(v["phone"], v["id_number"])]
        if keys and sqlite:
            # In resident order (the order the rows and their foreign keys are already in the page cache).
            cur = raw.cursor()
            try:
                cur.executemany(key_sql, keys)
            finally:
                cur.close()
        elif keys:  # PostgreSQL: its driver's parameter style, batched by SQLAlchemy
            conn.execute(insert(table_of(ResidentSearchKey)),
                         [{"resident_id": rid, "kind": kind, "key": key} for rid, kind, key in keys])
        ids.extend(new_ids)
    audit.record(s, actor=actor, action="import_create", entity="resident", entity_id=f"{len(ids)} new",
                 after={"ids": ids})
    return ids
