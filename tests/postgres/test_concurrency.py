"""Two desk PCs at one station writing at once, and a station's search among many stations (issue 22 item 1)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from desktop_app.core.db import run_transaction, session_scope
from desktop_app.desk import day_figures, loop, visits
from desktop_app.residents import ResidentCreate, create_resident, search

pytestmark = pytest.mark.slow  # a PostgreSQL server of its own


def _two_pcs(sd, work, n: int):
    """``work(engine, pc, i)`` n times on each of two engines (two PCs of station a), started together."""
    engines = [sd.engine("a"), sd.engine("a")]
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def pc(k: int) -> None:
        try:
            start.wait()
            for i in range(n):
                work(engines[k], k, i)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    threads = [threading.Thread(target=pc, args=(k,)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors


def test_two_desk_pcs_of_one_station_keep_exact_day_figures(subdistrict):
    sd = subdistrict
    desk = sd.actors["desk-a"]
    made: list[list[int]] = [[], []]

    def visit(engine, pc, i):
        # The first visit of the day on both PCs at once inserted the day's figures row twice (IntegrityError),
        # and read-modify-write lost counts.
        rec = run_transaction(engine, lambda s: visits.create_record(
            s, actor=desk, category_code="request", summary=f"第{pc}台 第{i}件", walk_in_name="张三"))
        made[pc].append(rec.id)

    _two_pcs(sd, visit, 25)

    def step(engine, pc, i):
        rid = made[pc][i]
        for do in (lambda s: loop.dispatch_record(s, actor=desk, record_id=rid, assignee="网格员"),
                   lambda s: loop.start_record(s, actor=desk, record_id=rid),
                   lambda s: loop.resolve_record(s, actor=desk, record_id=rid, result="修好了"),
                   lambda s: loop.follow_up_record(s, actor=desk, record_id=rid, satisfaction="satisfied",
                                                   contact_method="phone"),
                   lambda s: loop.close_record(s, actor=desk, record_id=rid)):
            run_transaction(engine, do)

    _two_pcs(sd, step, 25)
    today = date.today()
    with session_scope(sd.owner, write=False) as s:
        kept = day_figures.category_figures(s, actor=desk, start=today, end=today)[-1]
        counted = day_figures.category_figures_from_records(s, actor=desk, start=today, end=today)[-1]
    assert kept == counted
    assert (kept.received, kept.closed, kept.followed_up, kept.satisfied) == (50, 50, 50, 50)


def test_a_stations_search_finds_its_matches_among_many_stations(subdistrict):
    """Station a has 10 people named 李…; station b has 60 whose keys sort first. The 50-row limit was taken over
    every station before the station filter: station a saw none of its 10."""
    sd = subdistrict
    with session_scope(sd.owner) as s:
        for i in range(60):
            create_resident(s, actor=sd.actors["desk-b"], data=ResidentCreate(name="李" + chr(0x4E00 + i)))
        for i in range(10):
            create_resident(s, actor=sd.actors["desk-a"], data=ResidentCreate(name="李" + chr(0x9F00 + i)))
    desk_a = sd.actors["desk-a"]
    for engine in (sd.owner, sd.engine("a")):  # the app's own filter, and the server's
        with session_scope(engine, write=False) as s:
            names = [r.name for r in search(s, actor=desk_a, q="李")]
        assert len([n for n in names if ord(n[1]) >= 0x9F00]) == 10
        assert set(names) >= {"李明", "李华"} and not any(0x4E00 <= ord(n[1]) < 0x4E00 + 60 for n in names)


def test_a_long_import_commits_batch_by_batch_and_leaves_other_stations_writing(subdistrict, tmp_path):
    """Issue 22 item 1: one station's import held the sub-district's lock for its whole 800 rows. Between its
    batches nothing is held: what was written is committed (seen by the owner), and another station's PC writes
    at once (with a 1 s lock timeout, so a lock kept across batches would fail here, not hang)."""
    from sqlmodel import func, select

    from desktop_app.core.db.engine import ServerTimeouts
    from desktop_app.core.progress import Progress
    from desktop_app.reports import importing as importer
    from desktop_app.residents.models import Resident
    from tests.reports.conftest import write_xlsx

    sd = subdistrict
    rows = [["姓名", "联系电话"]] + [["赵" + chr(0x5000 + i), f"1370000{i:04d}"] for i in range(30)]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    a = sd.engine("a")
    b = sd.engine("b", timeouts=ServerTimeouts(connect=5, statement=5, lock=1, idle_in_transaction=10, answer=10,
                                               keepalive_idle=5, keepalive_interval=5, keepalive_count=2))
    admin_a = sd.actors["admin-a"]
    sheet = importer.read_sheet(path, kind="residents")
    mapping = importer.guess_mapping(sheet.labels, "residents")
    with session_scope(a, write=False) as s:
        plan = importer.dry_run(s, actor=admin_a, sheet=sheet, mapping=mapping, kind="residents")
    assert plan.counts["add"] == 30

    def station_a_residents() -> int:
        with session_scope(sd.owner, write=False) as s:
            return s.exec(select(func.count()).select_from(Resident).where(Resident.station_id == sd.a)).one()

    before = station_a_residents()
    seen: list[tuple[int, int]] = []

    def between_batches(done, total, label):
        if label != "Writing" or done >= total:
            return
        seen.append((done, station_a_residents() - before))
        with session_scope(b) as s:  # station b's desk, while a's import is under way
            create_resident(s, actor=sd.actors["desk-b"], data=ResidentCreate(name="钱" + chr(0x5000 + done)))

    progress = Progress()
    progress._on_update = between_batches
    result = importer.apply_import(a, actor=admin_a, plan=plan, progress=progress, batch=10)
    assert (result.added, result.cancelled) == (30, False)
    assert seen == [(0, 0), (10, 10), (20, 20)]  # each batch committed before the next began
    with session_scope(sd.owner, write=False) as s:
        assert s.exec(select(func.count()).select_from(Resident).where(Resident.station_id == sd.b)).one() == 2 + 3
