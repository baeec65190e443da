"""Hypothesis over service inputs: any input either works or is refused with a SmileDeskError, and a
refused use case writes nothing (every table has the same rows as before).

Residents, accounts and the safety services are fuzzed field by field; every feature service is also
fuzzed generically: each public ``verb(s, *, actor, ...)`` whose parameters are plain values (str, int,
float, bool, date, datetime, optional) is called with arbitrary values.
"""

from __future__ import annotations

import inspect
import os
import typing
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, func, select

from desktop_app import residents as residents
from desktop_app.core.clock import utcnow
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.residents.models import Resident, ResidentCreate, ResidentSearchKey

# No shrinking: a failure prints the example as found; shrinking slow database examples took minutes.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)

text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "张三", "欧阳　娜娜", "𠀾燊", "Zhang San", "110101199003077", "11010119900307001X",
                     "110101199003070014", "13800138000", "138 0013 8000", "+86 138-0013-8000", "\x00", "\u202e",
                     "a" * 51, "测" * 10001, "2026-02-30", "1889-12-31"]),
)
dates = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)))


_TABLES: dict[str, MetaData] = {}


def row_counts(engine) -> dict[str, int]:
    key = str(engine.url)
    if key not in _TABLES:
        _TABLES.clear()
        _TABLES[key] = MetaData()
        _TABLES[key].reflect(engine)
    meta = _TABLES[key]
    with engine.connect() as conn:
        return {name: conn.execute(select(func.count()).select_from(t)).scalar() for name, t in meta.tables.items()}


resident_inputs = st.builds(
    ResidentCreate,
    name=text, gender=st.sampled_from(["", "M", "F", "X", "男", "m"]), birth_date=dates, id_number=text,
    phone=text, community=text, compound=text, building=text, unit=text, room=text, grid=text,
    lives_alone=st.booleans(), disabled=st.booleans(), emergency_contact=text, emergency_phone=text,
    notes=text, consent_date=dates,
)


def test_create_and_update_resident_never_crash_or_half_write(engine, admin):
    @FUZZ
    @given(data=resident_inputs, update=resident_inputs, allow_similar=st.booleans())
    def run(data, update, allow_similar):
        before = row_counts(engine)
        try:
            with session_scope(engine) as s:
                r = residents.create_resident(s, actor=admin, data=data, allow_similar=allow_similar)
                rid = r.id
        except SmileDeskError:
            assert row_counts(engine) == before
            return
        after = row_counts(engine)
        assert after["resident"] == before["resident"] + 1
        assert after["audit_entry"] == before["audit_entry"] + 1
        with session_scope(engine, write=False) as s:
            assert s.execute(select(func.count()).select_from(ResidentSearchKey).where(ResidentSearchKey.resident_id == rid)).scalar() >= 1
        try:
            with session_scope(engine) as s:
                residents.update_resident(s, actor=admin, resident_id=rid, data=update)
        except SmileDeskError:
            assert row_counts(engine) == after
            with session_scope(engine, write=False) as s:
                assert s.get(Resident, rid).name == r.name

    run()


def test_search_and_lists_never_crash(engine, admin):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三", phone="13800138000"))

    @FUZZ
    @given(q=text, tag=text, grid=text, limit=st.integers(min_value=0, max_value=500))
    def run(q, tag, grid, limit):
        with session_scope(engine, write=False) as s:
            residents.search(s, actor=admin, q=q, limit=limit)
        try:  # PostgreSQL refuses NUL characters in a filter value: a StorageError, not a crash
            with session_scope(engine, write=False) as s:
                flt = residents.ResidentFilter(tag=tag, grid=grid)
                residents.list_page(s, actor=admin, flt=flt, limit=limit)
                residents.count(s, actor=admin, flt=flt)
        except SmileDeskError:
            assert "\x00" in tag + grid

    run()


@pytest.mark.slow
def test_safety_services_never_crash_or_half_write(engine, admin, tmp_path):
    from desktop_app.safety import backups, personal_data, privacy, stations

    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="李四")).id

    @FUZZ
    @given(folder=text, name=text, code=text, reason=text, field=text, username=text)
    def run(folder, name, code, reason, field, username):
        calls = [
            lambda s: backups.set_backup_folder(s, actor=admin, folder=folder.replace("\x00", "") and str(tmp_path / "f") + "/" + folder.replace("\x00", "").replace("/", "_")[:40]),
            lambda s: backups.set_backup_folder(s, actor=admin, folder=folder),
            lambda s: stations.add_station(s, actor=admin, name=name, code=code),
            lambda s: stations.assign_station(s, actor=admin, username=username, station_id=None),
            lambda s: privacy.reveal(s, actor=admin, resident_id=rid, field=field),
        ]
        for call in calls:
            before = row_counts(engine)
            try:
                with session_scope(engine) as s:
                    call(s)
            except SmileDeskError:
                assert row_counts(engine) == before
        before = row_counts(engine)
        try:
            with session_scope(engine) as s:
                personal_data.erase_resident(s, actor=admin, resident_id=rid + 1000, reason=reason)
        except SmileDeskError:
            assert row_counts(engine) == before

    run()


def test_account_services_never_crash_or_half_write(engine, admin):
    from desktop_app.core import auth

    @FUZZ
    @given(username=text, display=text, role=text, password=text)
    def run(username, display, role, password):
        before = row_counts(engine)
        try:
            with session_scope(engine) as s:
                auth.create_staff(s, actor=admin, username=username, display_name=display, role=role, password=password)
        except SmileDeskError:
            assert row_counts(engine) == before

    run()


# --- every feature service, generically -------------------------------------------------------------

SIMPLE = {
    str: text,
    int: st.one_of(st.integers(min_value=-5, max_value=5), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    float: st.floats(allow_nan=True, allow_infinity=True),
    bool: st.booleans(),
    date: dates.filter(lambda d: d is not None),
    datetime: st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(utcnow().tzinfo)),
}


def _strategy(annotation):
    if annotation in SIMPLE:
        return SIMPLE[annotation]
    args = typing.get_args(annotation)
    if args and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and inner[0] in SIMPLE:
            return st.one_of(st.none(), SIMPLE[inner[0]])
    return None


def fuzzable_use_cases():
    """(name, function, {param: strategy}) for every use case whose inputs are plain values."""
    from desktop_app import features

    found = []
    for mod in features.modules("service"):
        key = mod.__name__.split(".")[1]
        if key == "safety":
            continue  # fuzzed above with meaningful folders
        for name, fn in sorted(vars(mod).items()):
            if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != mod.__name__:
                continue
            sig = inspect.signature(fn)
            params = list(sig.parameters.values())
            if not params or params[0].name != "s" or "actor" not in sig.parameters:
                continue
            try:
                hints = typing.get_type_hints(fn)
            except Exception:
                continue
            strategies = {}
            ok = True
            for p in params[1:]:
                if p.name == "actor":
                    continue
                strat = _strategy(hints.get(p.name))
                if strat is None:
                    if p.default is inspect.Parameter.empty:
                        ok = False
                        break
                    continue
                strategies[p.name] = strat
            if ok:
                found.append((f"{key}.{name}", fn, strategies))
    return found


# Residents always; the other features' use cases when SMILEDESK_FUZZ_ALL=1 (slow: ~8 min for all of them,
# and features still being built fail it — docs/safety.md lists what it found).
FUZZ_ALL = os.environ.get("SMILEDESK_FUZZ_ALL") == "1"
USE_CASES = [u for u in fuzzable_use_cases() if FUZZ_ALL or u[0].startswith("residents.")]


@pytest.mark.slow
@pytest.mark.parametrize("name,fn,strategies", USE_CASES, ids=[u[0] for u in USE_CASES])
def test_feature_use_case_never_crashes_or_half_writes(engine, admin, name, fn, strategies):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=admin, data=ResidentCreate(name="王五", phone="13900139000"))

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), phases=PHASES)
    @given(st.fixed_dictionaries(strategies))
    def run(kwargs):
        before = row_counts(engine)
        try:
            with session_scope(engine) as s:
                fn(s, actor=admin, **kwargs)
        except SmileDeskError:
            assert row_counts(engine) == before

    run()
