"""Every meals paper reaches a printer as a person prints it: the page's button, the preview, Print…, the
platform print dialog (patched to accept), a real print system (tests/cups_server.py); the printed PDF has
the document's pages and text. Today's papers prints the morning in order, off the GUI thread."""

from __future__ import annotations

import json
from datetime import date

import pytest
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.meals.deliveries import assign_route
from desktop_app.meals.orders import generate_orders
from desktop_app.ui import printing
from desktop_app.ui.printing import backend
from desktop_app.ui.widgets import qdate

from .helpers import MONDAY, make_recipient


@pytest.fixture
def page(qtbot, ctx, app_fonts):
    from desktop_app.app import make_services
    from desktop_app.meals.ui.page import MealsPage

    ctx.services = make_services()
    p = MealsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    return p


@pytest.fixture
def monday(engine, admin, people, page, wait_ops):
    """Three recipients with Monday's lunch ordered, a volunteer on the first compound's route, the day shown."""
    make_recipient(engine, admin, people["王秀英"], top_up=50000, low_salt=True, avoid="不吃香菜")
    make_recipient(engine, admin, people["李建国"], top_up=50000, halal=True)
    make_recipient(engine, admin, people["张桂兰"], top_up=50000)
    with session_scope(engine) as s:
        assign_route(s, actor=admin, compound="幸福小区", volunteer_resident_id=people["赵志强"])
        generate_orders(s, actor=admin, day=MONDAY, meals=("lunch",))
    page.day.date.setDate(qdate(MONDAY))
    wait_ops()
    return page.day


def prints(engine) -> list[AuditEntry]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == "print").order_by(AuditEntry.id)))


def test_route_sheets_open_in_their_preview(qtbot, monday, wait_ops):
    preview = monday.print_routes()
    qtbot.waitUntil(lambda: preview.paper is not None, timeout=20000)
    assert preview.isVisible() and preview.pages_label.text() == "2 page(s), A4 portrait"  # a page per compound
    text = "".join(pdf_pages(preview.paper.data))
    assert "王秀英" in text and "李建国" in text and "赵志强" in text
    assert preview.paper.people == 3
    assert monday.print_routes() is preview  # a second click raises the same preview


@pytest.mark.slow  # a private CUPS server; each paper is a print job
def test_every_meals_paper_prints_as_previewed(qtbot, monday, page, ctx, cups_printer, monkeypatch, wait_ops):
    patch_print_dialog(monkeypatch)
    for button in (monday.routes_button, monday.kitchen_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        preview = _newest_preview(monday)
        click_print(qtbot, preview, wait_ops)
        assert_printed_as_made(cups_printer, preview)
    kitchen = _newest_preview(monday)
    assert kitchen.pages_label.text().endswith("A5 portrait")
    qtbot.mouseClick(monday.labels_button, Qt.MouseButton.LeftButton)
    labels = _newest_preview(monday)
    qtbot.waitUntil(lambda: labels.paper is not None)
    labels.skip.setValue(2)  # two labels of the sheet in the tray are gone: the paper is made again
    qtbot.waitUntil(lambda: labels.paper is not None and labels.last_op.finished, timeout=20000)
    click_print(qtbot, labels, wait_ops)
    assert_printed_as_made(cups_printer, labels)
    accounts = page.show_tab("accounts")
    wait_ops()
    accounts.month.setDate(qdate(date(2026, 3, 1)))
    for make in (accounts.print_all, accounts.print_claim):
        preview = make()
        click_print(qtbot, preview, wait_ops)
        assert_printed_as_made(cups_printer, preview)
    kinds = [e.entity for e in prints(ctx.engine)]
    assert kinds == ["routes", "kitchen", "labels", "statement", "claim"]
    assert all(json.loads(e.after)["to"] == cups_printer.queue for e in prints(ctx.engine))


def _newest_preview(owner) -> printing.PrintPreview:
    from desktop_app.ui.widgets import open_dialogs

    found = [d for d in open_dialogs(owner) if isinstance(d, printing.PrintPreview) and d.isVisible()]
    assert found
    return found[-1]


@pytest.fixture
def patrol_team(engine, admin):
    from desktop_app.rosters import shifts
    from tests.rosters.helpers import make_team

    team_id, _ = make_team(engine, admin, members=6, leaders=2, today=MONDAY)
    with session_scope(engine) as s:
        shifts.generate_shifts(s, actor=admin, team_id=team_id, start=MONDAY, end=MONDAY)
    return team_id


@pytest.mark.slow
def test_todays_papers_print_the_morning_in_order(qtbot, monday, patrol_team, ctx, cups_printer, wait_ops):
    from desktop_app import meals, rosters

    qtbot.mouseClick(monday.today_button, Qt.MouseButton.LeftButton)
    dialog = _todays(monday)
    assert dialog.printers["labels"].currentText() == cups_printer.queue
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_op is not None and dialog.last_op.finished, timeout=120000)
    wait_ops()
    expected = meals.morning_papers(ctx.engine, actor=ctx.actor, day=MONDAY) + rosters.morning_papers(
        ctx.engine, actor=ctx.actor, day=MONDAY)
    assert [p.kind for p in expected] == ["kitchen", "routes", "labels", "sign_in"]
    entries = prints(ctx.engine)
    assert [e.entity for e in entries] == ["kitchen", "routes", "labels", "roster_team"]
    jobs = [json.loads(e.after)["job"] for e in entries]
    assert jobs == sorted(jobs, key=lambda j: int(j.rsplit("-", 1)[1]))  # sent in that order
    for job, paper in zip(jobs, expected, strict=True):
        assert pdf_pages(cups_printer.printed(job)) == pdf_pages(paper.data)
    assert "4 paper(s) sent to the printers." in dialog.summary.text()
    assert not any(check.isChecked() for check in dialog.checks.values())  # printed: nothing left ticked


@pytest.mark.slow
def test_todays_papers_cancel_stops_before_the_next_paper(qtbot, monday, ctx, cups_printer, monkeypatch, wait_ops):
    qtbot.mouseClick(monday.today_button, Qt.MouseButton.LeftButton)
    dialog = _todays(monday)
    real_send = backend.send

    def send_then_cancel(*args, **kwargs):
        result = real_send(*args, **kwargs)
        dialog.last_op.cancel()  # Cancel pressed while the first paper was printing
        return result

    monkeypatch.setattr(backend, "send", send_then_cancel)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_op is not None and dialog.last_op.finished, timeout=120000)
    wait_ops()
    assert dialog.last_op.cancelled
    assert [e.entity for e in prints(ctx.engine)] == ["kitchen"]
    assert "Cancelled" in dialog.summary.text() and "1 paper(s)" in dialog.summary.text()
    assert not dialog.checks["kitchen"].isChecked() and dialog.checks["routes"].isChecked()


@pytest.mark.slow
def test_todays_papers_on_a_stopped_printer_say_so_and_record_nothing(qtbot, monday, ctx, cups_printer, wait_ops):
    cups_printer.run("cupsdisable")
    qtbot.mouseClick(monday.today_button, Qt.MouseButton.LeftButton)
    dialog = _todays(monday)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_op is not None and dialog.last_op.finished, timeout=60000)
    wait_ops()
    assert prints(ctx.engine) == []
    assert "offline or paused" in dialog.states["routes"].text()
    assert "nothing to print" in dialog.states["sign_in"].text()  # no patrol that day
    assert dialog.checks["routes"].isChecked()  # still to print


def test_todays_papers_with_no_printer_say_what_to_do(qtbot, monday, ctx, wait_ops):
    qtbot.mouseClick(monday.today_button, Qt.MouseButton.LeftButton)
    dialog = _todays(monday)
    assert "No printer is set up on this computer" in dialog.summary.text()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "No printer is set up" in dialog.last_box.text() and dialog.last_op is None
    assert prints(ctx.engine) == []


def _todays(owner) -> printing.TodaysPapers:
    from desktop_app.ui.widgets import open_dialogs

    [dialog] = [d for d in open_dialogs(owner) if isinstance(d, printing.TodaysPapers)]
    return dialog
