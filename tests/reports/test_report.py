"""Period figures, the report PDF (text read back with pypdf), the Excel workbook and list export, the CLI."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.core.db import session_scope
from desktop_app.core.db.scoping import counted_station
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.reports import excel, pdf
from desktop_app.reports.models import ReportPeriod
from desktop_app.reports.period_report import period_figures, record_saved
from desktop_app.reports.periods import check_period, parse_period

MONTH = ReportPeriod.month(2026, 10)


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 10, day, hour, tzinfo=UTC)


@pytest.fixture
def station_data(engine, admin):
    """October 2026: five desk records (two consultations closed on the spot, three requests), stamps."""
    from desktop_app import desk, residents
    from desktop_app.passports import activities as passports_activities
    from desktop_app.passports import stamps as passports_stamps
    from desktop_app.passports.models import ActivityCreate
    from desktop_app.residents.models import ResidentCreate

    with session_scope(engine) as s:
        for i in range(2):
            desk.create_record(s, actor=admin, category_code="consultation", summary=f"咨询 {i}", walk_in_name="路人",
                               received_at=_at(3 + i))
        for i in range(3):
            desk.create_record(s, actor=admin, category_code="request", summary=f"楼道灯坏了 {i}", walk_in_name="王阿姨",
                               received_at=_at(10 + i))
        r1 = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三", phone="13812345678"))
        r2 = residents.create_resident(s, actor=admin, data=ResidentCreate(name="李四", phone="13912345678"))
        act = passports_activities.create_activity(s, actor=admin, data=ActivityCreate(
            name="垃圾分类宣传", start_date=date(2026, 10, 1), end_date=date(2026, 10, 31), kind="daily", stamps=2))
        for rid in (r1.id, r2.id):
            passports_stamps.award_stamp(s, actor=admin, resident_id=rid, activity_id=act.id, today=date(2026, 10, 8))
    return {"residents": (r1.id, r2.id)}


def test_period_figures_count_desk_and_stamps(engine, admin, station_data):
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=MONTH, now=datetime(2026, 11, 1, tzinfo=UTC))
    assert f.desk.total.received == 5
    assert f.desk.total.closed == 2  # the consultations, settled on the spot
    assert [(x.category, x.received) for x in f.desk.lines] == [("Consultation", 2), ("Request", 3)]
    assert f.desk.open_now == 3
    assert f.stamps.earned == 4 and f.stamps.residents == 2
    assert f.period.label == "2026-10"  # "2026年10月" in Chinese (tests/test_papers_language.py)
    assert [p.month for p in f.monthly] == [5, 6, 7, 8, 9, 10] and f.monthly[-1].desk_received == 5
    assert f.monthly[-1].stamps == 4
    with session_scope(engine, write=False) as s:
        before = period_figures(s, actor=admin, period=ReportPeriod.month(2026, 9))
    assert before.desk.total.received == 0 and before.stamps.earned == 0


def test_desk_figures_are_the_desks_own(engine, admin, station_data):
    from desktop_app import desk as desk

    with session_scope(engine, write=False) as s:
        ours = period_figures(s, actor=admin, period=MONTH).desk.total
        theirs = desk.category_figures(s, actor=admin, start=MONTH.start, end=MONTH.last_day)[-1]
    assert (ours.received, ours.closed, ours.closed_on_time, ours.followed_up, ours.satisfied) == (
        theirs.received, theirs.closed, theirs.closed_on_time, theirs.followed_up, theirs.satisfied)


def test_a_feature_missing_from_the_build_is_left_out(engine, admin, station_data, monkeypatch):
    monkeypatch.setenv("SMILEDESK_FEATURES", "residents,desk,reports")
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=MONTH)
    assert f.desk is not None and f.stamps is None and f.meals is None and f.patrol is None and f.certificates is None
    data = pdf.build_report(f)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    assert "Desk records" in text and "Smile passports" not in text


def test_report_pdf_holds_the_figures(engine, admin, station_data):
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=MONTH, now=datetime(2026, 11, 1, tzinfo=UTC))
    data = pdf.build_report(f, made_by="王主任")
    reader = PdfReader(BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "逍遥津社区党群服务中心" in text and "2026-10 Monthly work report" in text  # the CJK font is embedded and searchable
    assert "Monthly work report" in text
    assert "Consultation" in text and "Request" in text
    assert "40.0%" in text  # closure rate 2 of 5
    fonts = {str(font) for page in reader.pages for font in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts  # text is drawn with embedded fonts
    # the charts are vector drawings: no raster images anywhere in the file
    assert all(not page.images for page in reader.pages)
    assert b"/Subtype /Image" not in data


def test_annual_report_has_twelve_months(engine, admin, station_data):
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=ReportPeriod.year(2026))
    assert len(f.monthly) == 12 and f.monthly[9].desk_received == 5
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.build_report(f))).pages)
    assert "Annual work report" in text and "2026 Annual work report" in text


def test_report_workbook(engine, admin, station_data, tmp_path):
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=MONTH)
    path = excel.export_report(tmp_path / "r.xlsx", f, made_by="王主任")
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Summary", "Desk records"]
    desk_rows = list(wb["Desk records"].iter_rows(min_row=3, values_only=True))
    total = next(r for r in desk_rows if r[0] == "Total")
    assert total[1:4] == (5, 2, 0.4)
    assert wb["Desk records"]["D3"].number_format == "0.0%"
    stamps = {r[0]: r[1] for r in wb["Smile passports"].iter_rows(min_row=3, values_only=True)}
    assert stamps["Stamps awarded"] == 4
    months = list(wb["By month"].iter_rows(min_row=3, values_only=True))
    assert months[-1][0] == "2026-10" and months[-1][1] == 5


def test_export_rows_keeps_text_as_text(tmp_path):
    from desktop_app.core.excel import export_rows

    path = tmp_path / "list.xlsx"
    n = export_rows(path, ["姓名", "身份证号", "电话", "年龄"],
                          [["张三", "1101**********1234", "05516234****", 78], ["李四", "", "0551", 80]],
                          title="居民名单", subtitle="逍遥津")
    assert n == 2
    ws = load_workbook(path).active
    assert ws.title == "居民名单"
    assert [c.value for c in ws[3]] == ["姓名", "身份证号", "电话", "年龄"]
    assert [c.value for c in ws[4]] == ["张三", "1101**********1234", "05516234****", 78]
    assert ws["C5"].value == "0551" and ws["C5"].data_type == "s"  # the leading zero survives
    assert ws.freeze_panes == "A4"


@pytest.mark.parametrize("text, expected", [
    ("2026-10", ReportPeriod.month(2026, 10)), ("2026年10月", ReportPeriod.month(2026, 10)),
    ("２０２６-１０", ReportPeriod.month(2026, 10)), ("2026", ReportPeriod.year(2026)),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "10/2026x", "", "1999-01"])
def test_parse_period_refuses(text):
    with pytest.raises(ValidationError):
        parse_period(text)


@pytest.mark.parametrize("role, allowed", [("admin", True), ("coordinator", True), ("front_desk", True), ("kiosk", False)])
def test_report_permissions(engine, make_actor, role, allowed):
    actor = make_actor(role)
    with session_scope(engine, write=False) as s:
        if allowed:
            period_figures(s, actor=actor, period=MONTH)
        else:
            with pytest.raises(PermissionDenied):
                period_figures(s, actor=actor, period=MONTH)


def test_station_bound_actor_cannot_see_another_station(engine, admin, station_data):
    with session_scope(engine, write=False) as s:
        f = period_figures(s, actor=admin, period=MONTH, station_id=999)
    assert f.station_id == admin.station_id and f.desk.total.received == 5


def test_cli_report_and_import(engine, admin, station_data, db_arg, tmp_path, capsys):
    from desktop_app.cli import main

    from .conftest import make_id, write_xlsx

    out, xlsx = tmp_path / "m.pdf", tmp_path / "m.xlsx"
    assert main(["--db", db_arg, "report", "--month", "2026-10", "--out", str(out), "--xlsx", str(xlsx), "--lang", "en"]) == 0
    assert "Desk records" in PdfReader(out).pages[0].extract_text()
    assert load_workbook(xlsx).sheetnames[0] == "Summary"
    book = write_xlsx(tmp_path / "in.xlsx", [["姓名", "身份证号", "联系电话"], ["王五", make_id(date(1950, 1, 2), 7), "13811112222"],
                                             ["赵六", "340102480305123", ""]])
    assert main(["--db", db_arg, "import", str(book), "--dry-run", "--lang", "en"]) == 1
    printed = capsys.readouterr().out
    assert "1 to add, 0 to update, 0 to skip, 1 rejected" in printed and re.search(r"row 3 +reject", printed)
    assert main(["--db", db_arg, "import", str(book), "--lang", "en"]) == 1  # imported, one row rejected
    assert main(["--db", db_arg, "import", str(book), "--dry-run", "--lang", "en"]) == 1
    assert "0 to add, 0 to update, 1 to skip, 1 rejected" in capsys.readouterr().out


def test_a_saved_report_is_audited(engine, admin):
    from sqlmodel import select

    from desktop_app.core.models import AuditEntry

    with session_scope(engine) as s:
        record_saved(s, actor=admin, what="report", period=MONTH, path="C:\\报表\\逍遥津-2026-10.pdf")
    with session_scope(engine, write=False) as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.entity == "report 2026-10" and '"people": 0' in entry.after
    assert "逍遥津-2026-10.pdf" in entry.after and "报表" not in entry.after  # the file's name, not the folders


def test_a_report_export_needs_the_export_permission(engine, make_actor):
    with session_scope(engine) as s, pytest.raises(PermissionDenied):
        record_saved(s, actor=make_actor("kiosk"), what="report", period=MONTH, path="r.pdf")


def test_welfare_and_overdue_open_counts_use_now(engine, admin, station_data):
    with session_scope(engine, write=False) as s:
        early = period_figures(s, actor=admin, period=MONTH, now=datetime(2026, 10, 13, tzinfo=UTC)).desk
        late = period_figures(s, actor=admin, period=MONTH, now=datetime(2026, 10, 13, tzinfo=UTC) + timedelta(days=60)).desk
    assert early.overdue_now == 0 and late.overdue_now == 3


def test_second_station_filters_by_station(engine, admin, station_data):
    """With two stations the queries filter by station (and agree with the one-station shortcut)."""
    from desktop_app.core.models import Station

    with session_scope(engine, write=False) as s:
        single = period_figures(s, actor=admin, period=MONTH)
    with session_scope(engine) as s:
        s.add(Station(name="杏花村社区服务站", code="XHC"))
    with session_scope(engine, write=False) as s:
        assert counted_station(s, admin) == admin.station_id
        two = period_figures(s, actor=admin, period=MONTH)
    assert (two.stamps.earned, two.stamps.residents) == (single.stamps.earned, single.stamps.residents) == (4, 2)
    assert two.monthly[-1].stamps == single.monthly[-1].stamps == 4
    assert two.desk.total.received == single.desk.total.received == 5


def test_report_periods_are_half_open_and_show_their_last_day():
    month = ReportPeriod.month(2027, 2)
    assert (month.start, month.end, month.last_day, month.label, month.slug) == (
        date(2027, 2, 1), date(2027, 3, 1), date(2027, 2, 28), "2027-02", "2027-02")
    days = ReportPeriod.inclusive(date(2026, 10, 3), date(2026, 10, 9))
    assert (len(days), days.label, days.slug) == (7, "2026-10-03 – 2026-10-09", "20261003-20261009")
    with pytest.raises(ValidationError):
        ReportPeriod.inclusive(date(2026, 10, 9), date(2026, 10, 3))
    with pytest.raises(ValidationError):
        check_period(ReportPeriod.inclusive(date(2020, 1, 1), date(2026, 1, 1)))  # more than five years
