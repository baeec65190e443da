"""Printed papers: route sheets, labels, statements, the subsidy claim (PDF text read back with pypdf)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from desktop_app.core.db import session_scope
from desktop_app.meals import excel, pdf
from desktop_app.meals.deliveries import Route, assign_route, routes
from desktop_app.meals.orders import day_orders, generate_orders
from desktop_app.meals.statements import claim_details, month_statements, subsidy_claim

from .helpers import MONDAY, make_recipient


def _text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


@pytest.fixture
def day_with_routes(engine, admin, people):
    make_recipient(engine, admin, people["王秀英"], top_up=50000, low_salt=True, soft=True,
                   delivery_notes="耳背，请用力敲门", avoid="不吃香菜")
    make_recipient(engine, admin, people["李建国"], top_up=50000, halal=True)
    make_recipient(engine, admin, people["张桂兰"], top_up=50000)
    with session_scope(engine) as s:
        assign_route(s, actor=admin, compound="幸福小区", volunteer_resident_id=people["赵志强"])
        generate_orders(s, actor=admin, day=MONDAY, meals=("lunch",))
        return routes(s, actor=admin, day=MONDAY, meal="lunch")


def test_route_sheet_lists_volunteer_and_stops_in_order(day_with_routes, tmp_path):
    path = pdf.route_sheets(day_with_routes, tmp_path / "routes.pdf", station="逍遥津社区")
    pages = _text(path)
    assert len(pages) == 2  # one page per compound
    first = pages[0]
    assert "赵志强" in first and "13905510004" in first and "幸福小区" in first
    assert first.index("王秀英") < first.index("李建国")  # building 1 before building 2
    assert "耳背，请用力敲门" in first and "不吃香菜" in first and "low salt" in first
    assert "Signature" in first
    assert "张桂兰" in pages[1] and "not assigned" in pages[1]
    assert "139****0001" in first and "13905510001" not in first  # recipients' phones masked


def test_route_sheet_breaks_long_routes_over_pages(engine, admin, tmp_path, day_with_routes):
    route = day_with_routes[0]
    long = Route(route.compound, route.meal, route.day, route.volunteer_name, route.volunteer_phone,
                         route.stops * 40)
    pages = _text(pdf.route_sheets([long], tmp_path / "long.pdf"))
    assert len(pages) >= 3
    assert all("赵志强" in p for p in pages)  # volunteer on every page
    assert "80" in pages[-1]


def test_labels_carry_name_room_and_diet(engine, admin, day_with_routes, tmp_path):
    with session_scope(engine, write=False) as s:
        rows = day_orders(s, actor=admin, day=MONDAY, include_cancelled=False)
    text = _text(pdf.labels(rows, tmp_path / "labels.pdf"))[0]
    for name in ("王秀英", "李建国", "张桂兰"):
        assert name in text
    assert "301室" in text and "halal/no pork" in text


def test_labels_skip_the_places_already_used_on_a_sheet(engine, admin, day_with_routes, tmp_path):
    """A partly used sheet: the labels start after the used places, and run over to a new sheet."""
    with session_scope(engine, write=False) as s:
        rows = day_orders(s, actor=admin, day=MONDAY, include_cancelled=False)
    assert len(_text(pdf.labels(rows, tmp_path / "fresh.pdf"))) == 1
    pages = _text(pdf.labels(rows, tmp_path / "used.pdf", skip=pdf.LABELS_PER_SHEET - 1))
    assert len(pages) == 2  # the last free place of sheet one, then sheet two
    assert sum(name in pages[0] for name in ("王秀英", "李建国", "张桂兰")) == 1
    assert sum(name in pages[1] for name in ("王秀英", "李建国", "张桂兰")) == 2
    placed = PdfReader(str(tmp_path / "used.pdf")).pages[0]
    ys = []
    placed.extract_text(visitor_text=lambda text, cm, tm, font, size: ys.append(tm[5]) if text.strip() else None)
    assert max(ys) < 841.89 / 8 + 24  # the one label sits in the bottom row: the places above stay empty


def test_kitchen_sheet_is_an_a5_page_of_counts_and_avoid_notes(engine, admin, day_with_routes):
    from desktop_app.meals import kitchen_pdf
    from desktop_app.meals.orders import kitchen_sheet

    with session_scope(engine, write=False) as s:
        sheet = kitchen_sheet(s, actor=admin, day=MONDAY)
    reader = PdfReader(__import__("io").BytesIO(kitchen_pdf.kitchen_sheet(sheet, station="逍遥津社区")))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 148 and round(float(box.height) / 72 * 25.4) == 210  # A5
    text = reader.pages[0].extract_text()
    assert "逍遥津社区" in text and "Kitchen sheet" in text and "2026-03-02 Mon" in text
    assert "Meals 3 0" in text.replace("\n", " ")  # three lunches, no dinner
    assert "halal/no pork 1 0" in text.replace("\n", " ")
    assert "王秀英" in text and "不吃香菜" in text


def test_statement_and_claim(engine, admin, people, tmp_path):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=50000)
    make_recipient(engine, admin, people["张桂兰"], top_up=50000)
    day = date(2026, 3, 1)
    while day.month == 3:
        with session_scope(engine) as s:
            generate_orders(s, actor=admin, day=day, meals=("lunch",))
        day += timedelta(days=1)
    with session_scope(engine, write=False) as s:
        sts = month_statements(s, actor=admin, year=2026, month=3)
        cl = subsidy_claim(s, actor=admin, year=2026, month=3)
        details = claim_details(s, actor=admin, year=2026, month=3)
    pages = _text(pdf.statements(sts, tmp_path / "st.pdf", station="逍遥津社区"))
    assert len(pages) >= 2
    mine = [p for p in pages if "王秀英" in p]
    assert "500.00" in mine[0] and f"{(50000 - 31 * 1200) / 100:.2f}" in "".join(mine)
    assert rid
    text = _text(pdf.claim(cl, tmp_path / "claim.pdf", station="逍遥津社区"))[0]
    assert "85岁以上" in text and "特困/低保" in text and "市级财政" in text
    assert f"{(31 * 600 + 31 * 1000) / 100:.2f}" in text
    from openpyxl import load_workbook

    wb = load_workbook(excel.claim_xlsx(cl, details, tmp_path / "claim.xlsx", station="逍遥津社区"))
    summary = wb.worksheets[0]
    values = [row for row in summary.iter_rows(values_only=True) if row and row[0] == "Total"]
    assert values and values[0][6] == pytest.approx(496.0) and values[0][4] == 62
    people_rows = list(wb.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert sorted(r[0] for r in people_rows) == ["张桂兰", "王秀英"]
