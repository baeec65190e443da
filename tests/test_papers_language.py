"""Every paper the app makes is in the chosen language: made in zh_CN it holds no English word, made in
English no Chinese beyond the data (names, addresses, team and station names)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.ui.i18n_walk import CJK, english_words

# Tables whose text the app writes itself (not data a station entered or the demo made).
NOT_DATA = {"audit_entry", "alembic_version"}


def _data_text(engine) -> set[str]:
    """Every short text the database holds: names, addresses, teams, activities, honour levels, notes, …"""
    from sqlalchemy import String, inspect, text

    out: set[str] = set()
    inspector = inspect(engine)
    with engine.connect() as conn:
        for table in inspector.get_table_names():
            if table in NOT_DATA:
                continue
            for column in inspector.get_columns(table):
                if isinstance(column["type"], String):
                    out |= {r[0] for r in conn.execute(text(f'SELECT DISTINCT "{column["name"]}" FROM "{table}"'))
                            if isinstance(r[0], str) and 0 < len(r[0]) <= 60}
    return out | {"逍遥津"}


def _pdf_text(path: Path | bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(path) if isinstance(path, bytes) else str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def _xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row
                     if isinstance(v, str))


def _papers(engine, actor, folder: Path) -> dict[str, str]:
    """Every kind of paper, made in the language installed now: {what: its text}."""
    from sqlmodel import select

    from desktop_app.core.db import session_scope
    from desktop_app.meals import papers as meal_papers
    from desktop_app.passports import codes
    from desktop_app.passports import pdf as passport_pdf
    from desktop_app.reports import excel as report_excel
    from desktop_app.reports import pdf as report_pdf
    from desktop_app.reports.period_report import period_figures
    from desktop_app.reports.periods import parse_period
    from desktop_app.residents.models import Resident
    from desktop_app.rosters import pdf as roster_pdf
    from desktop_app.rosters.models import Team
    from desktop_app.safety import personal_data

    folder.mkdir(parents=True, exist_ok=True)
    today = date.today()
    out: dict[str, str] = {}
    out["route sheets"] = _pdf_text(meal_papers.route_sheets(engine, actor=actor, day=today, meal="lunch").data)
    out["meal labels"] = _pdf_text(meal_papers.meal_labels(engine, actor=actor, day=today, meal="lunch").data)
    out["kitchen sheet"] = _pdf_text(meal_papers.kitchen(engine, actor=actor, day=today).data)
    out["statements"] = _pdf_text(meal_papers.all_statements(engine, actor=actor, year=today.year,
                                                             month=today.month).data)
    out["subsidy claim"] = _pdf_text(meal_papers.claim(engine, actor=actor, year=today.year, month=today.month).data)
    out["subsidy claim (Excel)"] = _xlsx_text(meal_papers.claim_workbook(engine, actor=actor, year=today.year,
                                                                         month=today.month, folder=folder))
    with session_scope(engine) as s:
        team_id = s.exec(select(Team.id).order_by(Team.id)).first()
        out["roster"] = _pdf_text(roster_pdf.monthly_roster(s, actor=actor, team_id=team_id, year=today.year,
                                                            month=today.month, path=folder / "m.pdf"))
        out["sign-in sheet"] = _pdf_text(roster_pdf.sign_in_sheet(s, actor=actor, team_id=team_id, day=today,
                                                                  path=folder / "d.pdf"))
        out["roster (Excel)"] = _xlsx_text(roster_pdf.excel_roster(s, actor=actor, team_id=team_id, year=today.year,
                                                                    month=today.month, path=folder / "m.xlsx"))
        figures = period_figures(s, actor=actor, period=parse_period(f"{today.year}-{today.month:02d}"))
        data = personal_data.export_resident(s, actor=actor, resident_id=1)
        holder = s.exec(select(Resident.name).order_by(Resident.id)).first()
    out["report"] = _pdf_text(report_pdf.write_report(folder / "report.pdf", figures, made_by="王主任"))
    out["report (Excel)"] = _xlsx_text(report_excel.export_report(folder / "report.xlsx", figures, made_by="王主任"))
    out["personal data"] = _pdf_text(personal_data.write_export(data, folder)[1])
    card = passport_pdf.CardItem(name=holder, number=codes.make_number("382104579"), issued_on=today, station="逍遥津")
    out["passport cards"] = _pdf_text(passport_pdf.render_cards([card]))
    out["passport cover"] = _pdf_text(passport_pdf.render_booklet_cover(card))
    return out


@pytest.mark.slow
def test_every_paper_is_in_the_chosen_language(qapp, demo_db, tmp_path):
    from sqlmodel import select

    from desktop_app.core.auth import Actor
    from desktop_app.core.db import make_engine, session_scope
    from desktop_app.core.models import StaffUser
    from desktop_app.ui import translation

    engine = make_engine(f"sqlite:///{demo_db}")
    with session_scope(engine, write=False) as s:
        actor = Actor.from_user(s.exec(select(StaffUser).where(StaffUser.username == "admin")).one())
    data = _data_text(engine)
    try:
        translation.install(qapp, "zh_CN")
        chinese = _papers(engine, actor, tmp_path / "zh")
        translation.install(qapp, "en")
        english = _papers(engine, actor, tmp_path / "en")
    finally:
        translation.install(qapp, "en")
        engine.dispose()
    wrong = {}
    for what, text in chinese.items():
        words = english_words(text, {"XYJ", "admin"})
        if words:
            wrong[f"{what} (zh_CN)"] = sorted(set(words))
    for what, text in english.items():
        rest = re.sub(r"\s+", "", text)  # a long note wraps onto several lines
        rest = re.sub(r"栋|单元|室", " ", rest)  # an address as the resident's building writes it
        for item in sorted({re.sub(r"\s+", "", d) for d in data}, key=len, reverse=True):
            if item:
                rest = rest.replace(item, " ")
        chinese_left = sorted(set(re.findall(r"[\u3400-\u9fff]+", rest)))
        if CJK.search(rest):
            wrong[f"{what} (en)"] = chinese_left[:20]
    assert wrong == {}, "\n".join(f"{k}: {v}" for k, v in wrong.items())
