"""Two real processes scanning the same passport for the same activity at once: exactly one award."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlmodel import func, select

from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.passports.models import MonthTotal, StampEntry

from .conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import date
    sys.path.insert(0, {root!r})
    from desktop_app.core import auth
    from desktop_app.core.db import make_engine, run_transaction, session_scope, url_for
    from desktop_app.features import import_all_models
    from desktop_app.passports import kiosk, stamps

    import_all_models()
    db, code, activity_id, start_at, rounds, no_precheck = sys.argv[1:7]
    if no_precheck == "1":
        # Leave only the database's UNIQUE constraint between the two writers.
        stamps._existing_award = lambda *a, **k: None
    engine = make_engine(url_for(db))  # the SQLite file, or the PostgreSQL server the suite runs on
    with session_scope(engine, write=False) as s:
        actor = auth.kiosk_actor(s)
    awarded = already = 0
    while time.time() < float(start_at):
        time.sleep(0.001)
    for _ in range(int(rounds)):
        r = run_transaction(engine, lambda s: kiosk.kiosk_check_in(
            s, actor=actor, code=code, activity_id=int(activity_id), today=date({y}, {m}, {d})), attempts=20)
        awarded += r.awarded
        already += r.already
    print(awarded, already)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("no_precheck", ["0", "1"])
def test_two_processes_award_exactly_once(engine, db_arg, admin, passport, activity, no_precheck):
    with session_scope(engine) as s:
        auth.kiosk_actor(s)  # create the kiosk account before the race
    script = WRITER.format(root=str(ROOT), y=TODAY.year, m=TODAY.month, d=TODAY.day)
    start_at = time.time() + 2.5  # both interpreters are up and waiting by then
    rounds = "10"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, db_arg, passport.number, str(activity.id), str(start_at), rounds, no_precheck],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    results = [tuple(map(int, out.split())) for out, _ in outs]
    assert sum(a for a, _ in results) == activity.stamps  # one award of 2 stamps in all
    assert sum(b for _, b in results) == 2 * int(rounds) - 1  # every other scan was "already stamped"
    with session_scope(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(StampEntry)).one() == 1
        assert s.exec(select(MonthTotal.earned)).one() == activity.stamps
