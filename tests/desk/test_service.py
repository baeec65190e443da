"""Desk services: deadlines in working days, figures on known data, reference data, input checks, linking."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import func, select

from desktop_app.core import workdays
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, NotFound, ValidationError
from desktop_app.core.models import AuditEntry
from desktop_app.desk import category_list, day_figures, lists, loop, overdue, reference, visits
from desktop_app.desk.models import DeskCategory, DeskDayFigure, ServiceEvent, ServiceRecord, Status


def local(y, m, d, hh=10, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm).astimezone()


def _create(engine, actor, code="request", **kw):
    kw.setdefault("walk_in_name", "张三")
    kw.setdefault("summary", "楼道灯坏了")
    with session_scope(engine) as s:
        return visits.create_record(s, actor=actor, category_code=code, **kw)


# --- deadlines ------------------------------------------------------------------------------------


def test_request_received_before_national_day_is_due_ten_working_days_later(engine, admin):
    rec = _create(engine, admin, received_at=local(2026, 9, 30))
    # 1–7 Oct are holidays, Sat 10 Oct is an adjusted workday: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 Oct
    assert rec.due_at.astimezone().date() == date(2026, 10, 20)
    assert rec.due_at.astimezone().time().hour == 23


def test_consultation_over_labour_day_counts_two_working_days(engine, admin):
    with session_scope(engine) as s:
        category_list.update_category(s, actor=admin, code="consultation", on_the_spot=False)
    rec = _create(engine, admin, code="consultation", received_at=local(2026, 4, 30))
    assert rec.due_at.astimezone().date() == date(2026, 5, 7)  # 1–5 May off: 6 and 7 May
    assert rec.status == "received"


def test_deadline_beyond_the_calendar_does_not_crash_and_follows_station_edits(engine, admin, monkeypatch):
    monkeypatch.setattr(visits, "utcnow", lambda: datetime(2027, 3, 1, 2, 0, tzinfo=UTC))
    # 2027 is not in the seeded calendar: the weekday rule applies, Fri 1 Jan 2027 counts as a workday
    rec = _create(engine, admin, code="complaint", received_at=local(2026, 12, 24))
    assert rec.due_at.astimezone().date() == date(2027, 1, 14)
    with session_scope(engine) as s:
        workdays.set_year(s, actor=admin, holidays=[(date(2027, 1, 1), "元旦")], workdays=[])
    rec2 = _create(engine, admin, code="complaint", received_at=local(2026, 12, 24))
    assert rec2.due_at.astimezone().date() == date(2027, 1, 15)
    rec3 = _create(engine, admin, code="request", received_at=local(2027, 2, 26))
    assert rec3.due_at.astimezone().date() == date(2027, 3, 12)


def test_deadline_state_due_soon_and_overdue(engine, admin):
    cal = workdays.WorkCalendar()
    rec = _create(engine, admin, code="request", received_at=local(2026, 11, 2))  # due Mon 16 Nov
    assert rec.due_at.astimezone().date() == date(2026, 11, 16)
    assert overdue.deadline_state(rec, local(2026, 11, 10), cal) == "open"
    assert overdue.deadline_state(rec, local(2026, 11, 13), cal) == "due_soon"  # Friday: due on the next workday
    assert overdue.deadline_state(rec, local(2026, 11, 16, 9), cal) == "due_soon"
    assert overdue.deadline_state(rec, local(2026, 11, 17), cal) == "overdue"


# --- figures -----------------------------------------------------------------------------------------


def _walk(engine, actor, rid, *, to, at=None, satisfaction="satisfied"):
    with session_scope(engine) as s:
        loop.start_record(s, actor=actor, record_id=rid, at=at)
        if to == "in_progress":
            return
        loop.resolve_record(s, actor=actor, record_id=rid, result="已处理", at=at)
        if to == "resolved":
            return
        loop.follow_up_record(s, actor=actor, record_id=rid, satisfaction=satisfaction, contact_method="phone",
                            comment="还是不行" if satisfaction == "dissatisfied" else "", at=at)
        if to == "followed_up":
            return
        loop.close_record(s, actor=actor, record_id=rid, at=at)


def test_figures_on_known_data(engine, admin):
    march = local(2026, 3, 10)
    late = march + timedelta(days=40)
    # consultation x3: on the spot, closed on time, not followed up
    for _ in range(3):
        _create(engine, admin, code="consultation", received_at=march)
    # requests: one closed on time (satisfied), one closed late (basically satisfied), one reopened, one open
    a = _create(engine, admin, received_at=march).id
    _walk(engine, admin, a, to="closed", at=march + timedelta(days=1))
    b = _create(engine, admin, received_at=march).id
    _walk(engine, admin, b, to="closed", at=late, satisfaction="basically_satisfied")
    c = _create(engine, admin, received_at=march).id
    _walk(engine, admin, c, to="followed_up", at=march + timedelta(days=2), satisfaction="dissatisfied")
    _create(engine, admin, received_at=march)
    # outside the period
    _create(engine, admin, code="consultation", received_at=local(2026, 4, 1))
    with session_scope(engine, write=False) as s:
        rows = day_figures.category_figures(s, actor=admin, start=date(2026, 3, 1), end=date(2026, 3, 31))
        check = day_figures.category_figures_from_records(s, actor=admin, start=date(2026, 3, 1), end=date(2026, 3, 31))
        cats = {c.code: c.id for c in category_list.categories(s)}
    assert rows == check
    by_cat = {r.category_id: r for r in rows}
    consult, request, total = by_cat[cats["consultation"]], by_cat[cats["request"]], rows[-1]
    assert (consult.received, consult.closed, consult.closed_on_time, consult.followed_up) == (3, 3, 3, 0)
    assert (request.received, request.closed, request.closed_on_time) == (4, 2, 1)
    assert (request.followed_up, request.satisfied) == (3, 2)
    assert request.on_time_rate == 0.5 and request.satisfaction_rate == pytest.approx(2 / 3)
    assert (total.received, total.closed, total.open) == (7, 5, 2)
    assert consult.satisfaction_rate is None
    # the reopened one, resolved again and rated satisfied, now counts as satisfied (latest rating)
    with session_scope(engine) as s:
        loop.resolve_record(s, actor=admin, record_id=c, result="已彻底修好", at=march + timedelta(days=3))
        loop.follow_up_record(s, actor=admin, record_id=c, satisfaction="satisfied", contact_method="visit",
                            at=march + timedelta(days=4))
    with session_scope(engine, write=False) as s:
        rows = day_figures.category_figures(s, actor=admin, start=date(2026, 3, 1), end=date(2026, 3, 31))
        assert rows == day_figures.category_figures_from_records(s, actor=admin, start=date(2026, 3, 1), end=date(2026, 3, 31))
    request = {r.category_id: r for r in rows}[cats["request"]]
    assert (request.followed_up, request.satisfied) == (3, 3)


def test_figures_refuse_a_backwards_period(engine, admin):
    with pytest.raises(ValidationError) as err, session_scope(engine, write=False) as s:
        day_figures.category_figures(s, actor=admin, start=date(2026, 3, 31), end=date(2026, 3, 1))
    assert "swap the dates" in err.value.text()


def test_rebuild_day_figures_matches_what_the_service_kept(engine, admin):
    for code in ("request", "consultation", "complaint"):
        _create(engine, admin, code=code, received_at=local(2026, 6, 1))
    with session_scope(engine, write=False) as s:
        kept = day_figures.category_figures(s, actor=admin, start=date(2026, 1, 1), end=date(2026, 12, 31))
    with session_scope(engine) as s:
        assert day_figures.rebuild_day_figures(s, actor=admin) == 3
    with session_scope(engine, write=False) as s:
        assert day_figures.category_figures(s, actor=admin, start=date(2026, 1, 1), end=date(2026, 12, 31)) == kept


def test_demo_small_is_consistent(engine, admin):
    from desktop_app.desk import demo

    demo.generate(engine, scale="small", seed=5)
    with session_scope(engine, write=False) as s:
        n = s.exec(select(func.count()).select_from(ServiceRecord)).one()
        start, end = date.today() - timedelta(days=400), date.today()
        assert day_figures.category_figures(s, actor=admin, start=start, end=end) == day_figures.category_figures_from_records(s, actor=admin, start=start, end=end)
        assert s.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "service_record")).one() == 0
        closed = s.exec(select(func.count()).select_from(ServiceRecord).where(ServiceRecord.status == Status.CLOSED)).one()
        page = lists.list_page(s, actor=admin, limit=50)
    assert n == 3000 and 0 < closed < n
    assert [r.received_at for r in page] == sorted((r.received_at for r in page), reverse=True)


@pytest.mark.parametrize("clock", [(0, 5), (8, 40), (23, 55)])
def test_the_demo_made_at_any_hour_has_todays_visits_today(engine, admin, clock):
    """Made five minutes after midnight, the demo's visits of the day were dated the evening before (an hour
    before "now"), while the day figures counted them today: the desk's "received today" list was empty, a
    record could not be chosen, and CI failed when it ran after midnight. Every day's visits stay on that day,
    none after the clock, and each day's figures match its records."""
    from desktop_app.desk import demo

    now = datetime.combine(date(2026, 5, 20), datetime.min.time().replace(hour=clock[0], minute=clock[1])).astimezone()
    demo.generate(engine, scale="small", seed=5, now=now)
    with session_scope(engine, write=False) as s:
        today = lists.list_day(s, actor=admin, day=now.date())
        latest = s.exec(select(func.max(ServiceRecord.received_at))).one()
        by_day = [(day_figures.category_figures(s, actor=admin, start=d, end=d),
                   day_figures.category_figures_from_records(s, actor=admin, start=d, end=d))
                  for d in (now.date(), now.date() - timedelta(days=1))]
    assert today, "no visit received today"
    assert latest.replace(tzinfo=UTC) <= now
    assert all(kept == counted for kept, counted in by_day)


# --- reference data ---------------------------------------------------------------------------------


def test_categories_are_seeded_with_translatable_names_and_station_edits_survive(engine, admin):
    rows = reference.read_reference()
    assert [r["code"] for r in rows] == list(category_list.CATEGORY_CODES)
    assert {r["name"] for r in rows} == set(reference.SEEDED_NAMES)
    with session_scope(engine, write=False) as s:
        cats = {c.code: c for c in category_list.categories(s)}
    assert cats["consultation"].deadline_workdays == 2 and cats["consultation"].on_the_spot
    assert cats["request"].deadline_workdays == 10 and cats["complaint"].deadline_workdays == 15
    with session_scope(engine) as s:
        category_list.update_category(s, actor=admin, code="request", deadline_workdays=7, name="居民诉求")
        category_list.update_category(s, actor=admin, code="other", active=False)
    with session_scope(engine) as s:
        assert reference.ensure(s) == 0
        cats = {c.code: c for c in category_list.categories(s, include_inactive=True)}
        assert (cats["request"].deadline_workdays, cats["request"].name) == (7, "居民诉求")
        assert "other" not in {c.code for c in category_list.categories(s)}
    with pytest.raises(ValidationError) as err:
        _create(engine, admin, code="other")
    assert "no longer in use" in err.value.text()
    with pytest.raises(ValidationError), session_scope(engine) as s:
        category_list.update_category(s, actor=admin, code="request", deadline_workdays=-1)


def test_service_modules_do_not_import_qt():
    code = (
        "import sys; import desktop_app.desk, desktop_app.desk.loop, desktop_app.desk.lists, desktop_app.desk.overdue, "
        "desktop_app.desk.demo, desktop_app.desk.reference, desktop_app.desk.cli; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- bad input: specific messages, nothing written -----------------------------------------------------


def _counts(engine) -> tuple[int, int, int, int]:
    with session_scope(engine, write=False) as s:
        return (
            s.exec(select(func.count()).select_from(ServiceRecord)).one(),
            s.exec(select(func.count()).select_from(ServiceEvent)).one(),
            s.exec(select(func.count()).select_from(AuditEntry)).one(),
            s.exec(select(func.coalesce(func.sum(DeskDayFigure.received), 0))).one(),
        )


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"received_at": datetime.now(UTC) + timedelta(days=1)}, "Received at", "in the future"),
        ({"summary": "   "}, "Summary", "blank"),
        ({"category_code": "parking"}, "Category", "not a known category"),
        ({"channel": "fax"}, "Channel", "not a channel"),
        ({"walk_in_name": ""}, "Visitor", "nobody chosen"),
        ({"walk_in_name": "  "}, "Visitor", "nobody chosen"),
        ({"category_code": ""}, "Category", "not chosen; press the category's number key"),
        ({"walk_in_phone": "12345"}, "Walk-in phone", "not a valid mainland number"),
        ({"walk_in_name": "张3"}, "Walk-in name", "cannot be part of a name"),
        ({"received_at": datetime(1999, 5, 1, tzinfo=UTC)}, "Received at", "2000"),
    ],
)
def test_create_refuses_bad_input_with_specific_messages(engine, admin, kwargs, field, words):
    args = {"category_code": "request", "summary": "楼道灯坏了", "walk_in_name": "张三", **kwargs}
    before = _counts(engine)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        visits.create_record(s, actor=admin, **args)
    assert err.value.field == field and words in err.value.text()
    assert _counts(engine) == before


FORM = [("walk_in_name", "Visitor"), ("category_code", "Category"), ("summary", "Summary")]  # the desk form's order


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(empty=st.sets(st.sampled_from([key for key, _ in FORM]), min_size=1), blank=st.sampled_from(["", " ", "\u3000"]))
def test_what_is_missing_is_named_in_the_order_of_the_form(engine, admin, empty, blank):
    """However many of who / category / summary are left empty, the message names the first in the form's order
    (the field the cursor goes to) and lists the others after it, in order; nothing is written."""
    args = {"category_code": "request", "summary": "楼道灯坏了", "walk_in_name": "张三"}
    args.update({key: blank for key in empty})
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        visits.create_record(s, actor=admin, **args)
    names = [label for key, label in FORM if key in empty]
    assert err.value.field == names[0]
    text = err.value.text()
    assert "“”" not in text
    if len(names) > 1:
        assert text.endswith("Still empty as well: " + ", ".join(names[1:]) + "."), text
    else:
        assert "Still empty" not in text
    assert _counts(engine)[0] == 0


def test_resident_and_walk_in_together_or_missing_resident_are_refused(engine, admin):
    with pytest.raises(ValidationError) as err:
        _create(engine, admin, resident_id=1, walk_in_name="张三")
    assert "keep only one" in err.value.text()
    with pytest.raises(NotFound):
        _create(engine, admin, resident_id=999, walk_in_name="")
    assert _counts(engine)[0] == 0


def test_step_inputs_are_checked(engine, admin):
    rid = _create(engine, admin).id
    before = _counts(engine)
    cases = [
        (lambda s: loop.dispatch_record(s, actor=admin, record_id=rid, assignee=" "), "Dispatched to"),
        (lambda s: loop.start_record(s, actor=admin, record_id=rid, at=datetime.now(UTC) + timedelta(hours=2)), "Time of the step"),
        (lambda s: loop.start_record(s, actor=admin, record_id=rid, at=datetime(2020, 1, 1, tzinfo=UTC)), "Time of the step"),
        (lambda s: loop.escalate_record(s, actor=admin, record_id=rid, note=""), "Note"),
    ]
    for call, field in cases:
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            call(s)
        assert err.value.field == field
    _walk(engine, admin, rid, to="resolved")
    before = _counts(engine)
    for kw, field in [
        ({"satisfaction": "great", "contact_method": "phone"}, "Satisfaction"),
        ({"satisfaction": "satisfied", "contact_method": "pigeon"}, "Contacted by"),
        ({"satisfaction": "dissatisfied", "contact_method": "phone", "comment": ""}, "Resident's comment"),
    ]:
        with pytest.raises(ValidationError) as err, session_scope(engine) as s:
            loop.follow_up_record(s, actor=admin, record_id=rid, **kw)
        assert err.value.field == field
    assert _counts(engine) == before
    with pytest.raises(NotFound), session_scope(engine) as s:
        loop.close_record(s, actor=admin, record_id=424242)


def test_escalation_list_and_escalate(engine, admin):
    old = _create(engine, admin, code="complaint", received_at=datetime.now(UTC) - timedelta(days=60)).id
    _create(engine, admin, code="request")
    done = _create(engine, admin, code="consultation", received_at=datetime.now(UTC) - timedelta(days=60)).id
    with session_scope(engine, write=False) as s:
        assert [r.id for r in overdue.overdue(s, actor=admin)] == [old]
    with session_scope(engine) as s:
        loop.escalate_record(s, actor=admin, record_id=old, note="本周内办结")
    with session_scope(engine, write=False) as s:
        row = lists.get_row(s, actor=admin, record_id=old)
        assert row.escalated_at is not None and row.status == "received"
        assert lists.timeline(s, actor=admin, record_id=old)[-1].kind == "escalated"
    with pytest.raises(ConflictError), session_scope(engine) as s:
        loop.escalate_record(s, actor=admin, record_id=done, note="x")


def test_linking_repeats_and_residents(engine, admin):
    from desktop_app.residents import create_resident
    from desktop_app.residents.models import ResidentCreate

    with session_scope(engine) as s:
        rid = create_resident(s, actor=admin, data=ResidentCreate(name="李四", phone="13955123456")).id
    first = _create(engine, admin, resident_id=rid, walk_in_name="", received_at=datetime.now(UTC) - timedelta(days=5)).id
    walk = _create(engine, admin, walk_in_name="李四", walk_in_phone="13955123456").id
    other = _create(engine, admin, walk_in_name="王五", received_at=datetime.now(UTC) - timedelta(days=9)).id
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        visits.link_repeat(s, actor=admin, record_id=walk, repeat_of_id=first)
    assert "different people" in err.value.text()
    with session_scope(engine) as s:
        visits.link_resident(s, actor=admin, record_id=walk, resident_id=rid)
        assert [r.id for r in lists.repeat_candidates(s, actor=admin, record_id=walk)] == [first]
        visits.link_repeat(s, actor=admin, record_id=walk, repeat_of_id=first)
    with pytest.raises(ValidationError), session_scope(engine) as s:
        visits.link_repeat(s, actor=admin, record_id=first, repeat_of_id=walk)  # the newer one cannot be the original
    with pytest.raises(ValidationError), session_scope(engine) as s:
        visits.link_repeat(s, actor=admin, record_id=first, repeat_of_id=first)
    with pytest.raises(ConflictError), session_scope(engine) as s:
        visits.link_resident(s, actor=admin, record_id=walk, resident_id=rid)
    with session_scope(engine, write=False) as s:
        rec = lists.get_record(s, actor=admin, record_id=walk)
        assert (rec.resident_id, rec.repeat_of_id) == (rid, first)
        assert [e.kind for e in lists.timeline(s, actor=admin, record_id=walk)][-2:] == ["resident_linked", "linked"]
        assert lists.open_requests_of(s, actor=admin, resident_id=rid)[0].id == walk
        assert other not in [r.id for r in lists.repeat_candidates(s, actor=admin, record_id=walk)]


def test_every_change_is_audited(engine, admin):
    rid = _create(engine, admin).id
    _walk(engine, admin, rid, to="closed")
    with session_scope(engine, write=False) as s:
        actions = list(s.exec(select(AuditEntry.action).where(AuditEntry.entity == "service_record",
                                                               AuditEntry.entity_id == str(rid)).order_by(AuditEntry.id)))
    assert actions == ["create", "start", "resolve", "follow_up", "close"]


def test_create_record_api_for_patrol_findings(engine, admin):
    """The rosters feature opens a desk record for a patrol finding with this call."""
    rec = _create(engine, admin, code="request", channel="patrol", summary="电动车楼道充电", walk_in_name="",
                  details="3栋2单元一楼")
    assert (rec.channel, rec.status, rec.details) == ("patrol", "received", "3栋2单元一楼")
    with session_scope(engine, write=False) as s:
        assert s.get(DeskCategory, rec.category_id).code == "request"
        assert lists.get_row(s, actor=admin, record_id=rec.id).person == ""
    with pytest.raises(ValidationError):  # at the desk somebody is always behind a request
        _create(engine, admin, code="request", channel="walk_in", walk_in_name="")


def test_keyset_pages_cover_every_record_once_in_order(engine, admin):
    base = datetime.now(UTC) - timedelta(days=30)
    with session_scope(engine) as s:
        for i in range(23):
            # pairs of records share a receipt time: the id breaks the tie
            visits.create_record(s, actor=admin, category_code="request" if i % 3 else "consultation", summary=f"事项{i}",
                             walk_in_name="张三", received_at=base + timedelta(hours=i // 2))
    with session_scope(engine, write=False) as s:
        pages, key = [], None
        while True:
            page = lists.list_page(s, actor=admin, before=key, limit=5)
            if not page:
                break
            pages.extend(page)
            key = (page[-1].received_at, page[-1].id)
        opened, key = [], None
        while True:
            page = lists.list_open(s, actor=admin, after=key, limit=4)
            if not page:
                break
            opened.extend(page)
            key = (page[-1].due_at, page[-1].id)
        jump = lists.list_page(s, actor=admin, until_day=(base + timedelta(hours=3)).astimezone().date(), limit=100)
    assert [(r.received_at, r.id) for r in pages] == sorted(((r.received_at, r.id) for r in pages), reverse=True)
    assert len(pages) == len({r.id for r in pages}) == 23
    assert all(r.status != Status.CLOSED for r in opened) and len(opened) == len({r.id for r in opened}) == 15
    assert [(r.due_at, r.id) for r in opened] == sorted((r.due_at, r.id) for r in opened)
    assert all(r.received_at.astimezone().date() <= (base + timedelta(hours=3)).astimezone().date() for r in jump)
