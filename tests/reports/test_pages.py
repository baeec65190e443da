"""The reports page, the import dialog and the export action, driven as a person would."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTableView
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.reports.ui import dialogs, import_dialog
from desktop_app.residents.models import Resident
from desktop_app.ui import export_action, ops
from desktop_app.ui.printing import AskSavePath

from .conftest import make_id, write_xlsx

ZHANG = make_id(date(1948, 3, 5), 11)


@pytest.fixture
def register(tmp_path):
    return write_xlsx(tmp_path / "居民台账.xlsx", [
        ["逍遥津社区居民台账", None, None, None],
        ["姓名", "身份证号", "联系电话", "住址"],
        ["张三", ZHANG, 13812345678, "逍遥津小区3栋2单元301室"],
        ["李四", make_id(date(1952, 11, 20), 22, male=False), "13912345678", "逍遥津小区5栋"],
        ["王五", "340102480305123", "13811112222", ""],
    ], merges=["A1:D1"])


def _wait(qtbot, handle):
    if not handle.finished:
        with qtbot.waitSignal(handle.done, timeout=20000):
            pass


def _close_boxes(widget):
    for box in widget.findChildren(QMessageBox):
        box.close()


def test_import_dialog_check_then_import(qtbot, app_fonts, ctx, register, monkeypatch, wait_ops):
    from desktop_app.reports.ui.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    monkeypatch.setattr(dialogs.AskFile, "open", classmethod(lambda cls, *a: str(register)))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    wait_ops(20000)
    assert dialog.sheet.header_row == 2
    assert dialog.current_mapping() == {0: "name", 1: "id_number", 2: "phone", 3: "address"}
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_ops(20000)
    first, *rest = dialog.counts.text().splitlines()
    assert first == "2 to add, 0 to update, 0 to skip, 1 rejected"
    assert any("batches" in line for line in rest)  # what Cancel would keep is said before importing
    shown = [[dialog.report_model.index(r, c).data() for c in range(4)] for r in range(dialog.report_model.rowCount())]
    assert shown[0][0] == "5" and shown[0][1] == "reject" and "15-digit" in shown[0][3]  # rejections shown first
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(Resident)).all() == []  # the check wrote nothing
    dialog.set_field(3, "")  # a changed mapping needs a new check
    assert not dialog.import_button.isEnabled()
    dialog.set_field(3, "address")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    wait_ops(20000)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_ops(20000)
    assert dialog.result.added == 2
    with session_scope(ctx.engine, write=False) as s:
        people = {r.name: r for r in s.exec(select(Resident))}
    assert set(people) == {"张三", "李四"} and people["张三"].room == "301"
    _close_boxes(page)


def test_import_dialog_remembers_a_chosen_column(qtbot, app_fonts, ctx, tmp_path, wait_ops):
    path = write_xlsx(tmp_path / "odd.xlsx", [["老人名字", "号码"], ["张三", ZHANG]])
    d = import_dialog.ImportDialog(ctx, path)
    qtbot.addWidget(d)
    wait_ops(20000)
    assert d.current_mapping() == {0: "name"}
    d.set_field(1, "id_number")
    d.check()
    wait_ops(20000)
    d.do_import()
    wait_ops(20000)
    again = import_dialog.ImportDialog(ctx, path)
    qtbot.addWidget(again)
    wait_ops(20000)
    assert again.current_mapping() == {0: "name", 1: "id_number"}
    again.check()
    wait_ops(20000)
    assert again.plan.counts["skip"] == 1 and not again.import_button.isEnabled()  # twice: nothing to do
    _close_boxes(d)


def test_cancelled_import_writes_nothing(qtbot, app_fonts, ctx, register, monkeypatch, wait_ops):
    import threading

    from desktop_app.reports import importing as importer

    d = import_dialog.ImportDialog(ctx, register)
    qtbot.addWidget(d)
    wait_ops(20000)
    d.check()
    wait_ops(20000)
    go = threading.Event()
    original = importer.apply_import

    def held(*args, **kwargs):  # the worker waits until Cancel was pressed, so the test does not race it
        go.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(importer, "apply_import", held)
    handle = d.do_import()
    handle.cancel()  # as the progress dialog's Cancel button does
    go.set()
    _wait(qtbot, handle)
    assert handle.cancelled
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(Resident)).all() == []
    assert d.import_button.isEnabled() and "nothing was written" in d.counts.text()


def test_reports_page_saves_pdf_and_excel(qtbot, app_fonts, ctx, tmp_path, monkeypatch, wait_ops):
    from pypdf import PdfReader

    from desktop_app.core.models import AuditEntry
    from desktop_app.reports.ui.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    page.year.setValue(2026)
    page.month.setCurrentIndex(9)
    wait_ops()
    assert page.title.text().endswith("2026-10")
    assert page.model.rowCount() > 5
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(AskSavePath, "ask", classmethod(lambda cls, parent, suggested: str(out)))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)  # Print report…: its preview
    qtbot.waitUntil(lambda: page.preview.paper is not None, timeout=20000)
    assert page.preview.print_button.isDefault()
    qtbot.mouseClick(page.preview.save_button, Qt.MouseButton.LeftButton)  # Save as PDF…, the secondary action
    wait_ops()
    assert "Monthly work report" in PdfReader(out).pages[0].extract_text()
    page.preview.close()
    xlsx = tmp_path / "figures.xlsx"
    monkeypatch.setattr(dialogs.AskFile, "save", classmethod(lambda cls, *a: str(xlsx)))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, page.op)
    wait_ops()
    assert load_workbook(xlsx).sheetnames[0] == "Summary"
    with session_scope(ctx.engine, write=False) as s:  # both files left the program: both audited
        exports = s.exec(select(AuditEntry.entity).where(AuditEntry.action == "export")).all()
    assert sorted(exports) == ["figures 2026-10", "report 2026-10"]
    page.kind.setCurrentIndex(1)
    wait_ops()
    assert page.title.text().endswith("2026") and not page.month.isEnabled()
    _close_boxes(page)


@pytest.mark.slow  # a private CUPS server (tests/cups_server.py)
def test_report_prints_as_previewed(qtbot, app_fonts, ctx, cups_printer, monkeypatch, wait_ops):
    from desktop_app.reports.ui.page import ReportsPage

    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    page.year.setValue(2026)
    page.month.setCurrentIndex(9)
    wait_ops()
    patch_print_dialog(monkeypatch)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    click_print(qtbot, page.preview, wait_ops)
    assert_printed_as_made(cups_printer, page.preview)
    page.preview.close()


def test_export_action_writes_what_the_view_shows(qtbot, app_fonts, engine, ctx, make_actor, tmp_path, monkeypatch, wait_ops):
    """The residents list as a coordinator sees it (masked numbers), through any page's QTableView."""
    from desktop_app import residents as residents
    from desktop_app.residents.models import ResidentCreate
    from desktop_app.residents.ui.page import ResidentsPage

    with session_scope(engine) as s:
        residents.create_resident(s, actor=ctx.actor, data=ResidentCreate(name="张三", id_number=ZHANG, phone="13812345678"))
    coordinator = make_actor("coordinator")
    ctx.actor = coordinator
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    view = page.findChild(QTableView)
    view.setColumnHidden(6, True)  # a hidden column is not exported
    action = export_action.add_export_action(view, ctx, "居民名单")
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(export_action.SavePath, "ask", classmethod(lambda cls, *a: str(out)))
    action.trigger()
    qtbot.waitUntil(ops.idle)  # the list is read and written off the GUI thread
    ws = load_workbook(out).active
    header = [c.value for c in ws[3]]
    row = [c.value for c in ws[4]]
    assert header[0] == "Name" and "Grid" not in header
    assert row[0] == "张三" and "**" in row[header.index("ID number")] and ZHANG not in row
    assert row[header.index("Phone")] == "138****5678"
    from desktop_app.core.models import AuditEntry

    with session_scope(engine, write=False) as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "export")).one().actor_name == coordinator.username
    _close_boxes(view.window())


def test_kiosk_gets_no_export_action(qtbot, app_fonts, ctx, make_actor):
    ctx.actor = make_actor("kiosk")
    view = QTableView()
    qtbot.addWidget(view)
    assert export_action.add_export_action(view, ctx, "x") is None
    assert view.actions() == []


@pytest.mark.parametrize("role, can_import, can_print", [
    ("admin", True, True), ("coordinator", True, True), ("front_desk", False, True),
])
def test_page_shows_what_the_role_may_do(qtbot, app_fonts, ctx, make_actor, role, can_import, can_print):
    from desktop_app.reports.ui.page import ReportsPage

    ctx.actor = make_actor(role)
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    assert page.import_button.parentWidget().isVisibleTo(page) is can_import
    assert page.pdf_button.isVisibleTo(page) is can_print


def _month_shown(page) -> tuple[int, int]:
    return page.year.value(), page.month.currentData()


def test_the_page_opens_on_last_month_or_on_this_month_of_a_new_station(qtbot, app_fonts, ctx, engine, admin, wait_ops):
    """A monthly report is made for last month; a station in its first month has nothing there, and the page
    opens on this month instead of a report of zeros."""
    from datetime import UTC, datetime, timedelta

    from desktop_app import desk
    from desktop_app.reports.models import ReportPeriod
    from desktop_app.reports.ui.page import ReportsPage

    today = date.today()
    last = today.replace(day=1) - timedelta(days=1)
    empty = ReportsPage(ctx)
    qtbot.addWidget(empty)
    wait_ops(20000)
    assert _month_shown(empty) == (last.year, last.month)  # nothing anywhere: the usual month
    with session_scope(engine) as s:
        desk.create_record(s, actor=admin, category_code="consultation", summary="问路", walk_in_name="路人",
                           received_at=datetime.now(UTC))
    page = ReportsPage(ctx)
    qtbot.addWidget(page)
    wait_ops(20000)
    assert _month_shown(page) == (today.year, today.month)
    assert page.figures.period == ReportPeriod.month(today.year, today.month)  # and its figures are shown
