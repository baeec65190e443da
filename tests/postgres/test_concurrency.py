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
