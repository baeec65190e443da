"""Exports from a list: the file is named after the page, its tab and the filter shown (not the column list, the
measured fault: "来访登记 编号, 受理, 来访人, 类别-20261205.xlsx"); dates keep their year and numbers stay numbers."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox, QTableView

from desktop_app.core.db import session_scope


@pytest.fixture
def window(qtbot, ctx, app_fonts, wait_ops):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(ctx, load_features())
    qtbot.addWidget(win)
    yield win
    wait_ops()


def _export(qtbot, monkeypatch, view: QTableView, out, wait_ops) -> str:
    """Ctrl+E's action on ``view`` as a person runs it; returns the file name the save dialog suggested."""
    from desktop_app.ui import export_action

    asked = []

    def ask(cls, parent, caption, suggested, filters):
        asked.append(suggested)
        return str(out)

    monkeypatch.setattr(export_action.SavePath, "ask", classmethod(ask))
    action = next(a for a in view.actions() if a.objectName() == "exportToExcel")
    action.trigger()
    wait_ops()
    qtbot.waitUntil(lambda: view.window().findChild(QMessageBox, "messageBox") is not None)
    for box in view.window().findChildren(QMessageBox, "messageBox"):
        box.done(0)
    return asked[0]


def test_desk_export_is_named_after_the_page_and_view_with_dates_and_numbers_typed(
        qtbot, qapp, window, engine, admin, tmp_path, monkeypatch, wait_ops):
    from openpyxl import load_workbook

    from desktop_app.desk import visits
    from desktop_app.ui import translation

    with session_scope(engine) as s:
        for who in ("王秀英", "李建国"):
            visits.create_record(s, actor=admin, category_code="request", summary="楼道灯坏了", walk_in_name=who)
    translation.install(qapp, "zh_CN")
    try:
        page = window.show_page("desk")
        wait_ops()
        today = date.today()
        suggested = _export(qtbot, monkeypatch, page.table, tmp_path / "today.xlsx", wait_ops)
        assert suggested == f"来访登记-今日登记-{today:%Y%m%d}.xlsx"
        page.view.setCurrentIndex(page.view.findData("all"))  # all records from a date: the date is in the name
        wait_ops()
        suggested_all = _export(qtbot, monkeypatch, page.table, tmp_path / "all.xlsx", wait_ops)
        assert suggested_all.startswith("来访登记-") and f"-{today.isoformat()}-" in suggested_all, suggested_all
    finally:
        translation.install(qapp, "en")
    ws = load_workbook(tmp_path / "today.xlsx").active
    rows = [[c for c in row] for row in ws.iter_rows(min_row=4)]  # title, subtitle, headings
    assert len(rows) == 2
    number, received, due = rows[0][0], rows[0][1], rows[0][6]
    assert isinstance(number.value, int)
    assert isinstance(received.value, datetime) and received.value.date() == today  # the year is there
    assert "yyyy" in received.number_format
    assert isinstance(due.value, datetime | date) and due.value.year >= today.year and "yyyy" in due.number_format


def test_a_filtered_list_says_its_filter_in_the_file_name(qtbot, window, engine, admin, tmp_path, monkeypatch,
                                                          wait_ops):
    from desktop_app import residents as service
    from desktop_app.residents.models import ResidentCreate

    with session_scope(engine) as s:
        service.create_resident(s, actor=admin, data=ResidentCreate(name="曾小明", id_number="11010519491231002X"))
    page = window.show_page("residents")
    wait_ops()
    view = page.findChild(QTableView, "residentsTable")
    today = f"{date.today():%Y%m%d}"
    assert _export(qtbot, monkeypatch, view, tmp_path / "a.xlsx", wait_ops) == f"Residents-{today}.xlsx"
    page.tag.setCurrentIndex(page.tag.findData("elderly_60"))
    wait_ops()
    shown = page.tag.currentText()
    assert _export(qtbot, monkeypatch, view, tmp_path / "b.xlsx", wait_ops) == f"Residents-{shown}-{today}.xlsx"


@pytest.mark.parametrize(("parts", "name"), [
    (("来访登记", "今日登记"), "来访登记-今日登记"),
    (("证书", "", "证书登记", "已撤销"), "证书-证书登记-已撤销"),
    (("Residents", "a/b: c*?"), "Residents-a b c"),
    (("来访登记", "来访登记"), "来访登记"),
    (("x" * 100,), "x" * 80),
])
def test_file_title_keeps_what_a_windows_file_name_can_hold(parts, name):
    from desktop_app.ui.export_action import file_title

    assert file_title(*parts) == name
