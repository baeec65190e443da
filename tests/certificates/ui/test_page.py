"""The certificates page driven as a person would: issue, preview, print, reprint, revoke, verify, batch, save."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
from printing_helpers import DialogChoices, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
from shiboken6 import isValid
from sqlmodel import select

from desktop_app.certificates import issuing, register, requests
from desktop_app.certificates.models import Certificate, CertificatePrint, Verdict
from desktop_app.certificates.register import render_certificate
from desktop_app.certificates.ui import dialogs
from desktop_app.certificates.ui.page import CertificatesPage
from desktop_app.core.db import session_scope
from desktop_app.interfaces import Services
from desktop_app.ui import fit
from desktop_app.ui.printing import backend
from tests.certificates.helpers import honour, pdf_text, service_record


@pytest.fixture
def page(qtbot, ctx, app_fonts, wait_ops):
    p = CertificatesPage(ctx)
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    wait_ops()
    return p


def issue(ctx, content, **kw):
    with session_scope(ctx.engine) as s:
        return issuing.issue_certificate(s, actor=ctx.actor, content=content, **kw)


def click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def column_texts(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_issue_a_certificate_and_see_it_previewed(qtbot, page, ctx, wait_ops):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.issue_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.kind.setCurrentIndex(dlg.kind.findData("honour"))
    assert dlg.title_edit.isVisibleTo(dlg) and not dlg.hours.isVisibleTo(dlg)
    dlg.name.setText("李建国")
    dlg.title_edit.setText("优秀志愿者")
    qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.preview.isVisible() and dlg.preview_doc.pageCount() == 1  # a specimen, nothing issued yet
    assert page.register.model.rowCount() == 0
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(Certificate)).all() == []
    qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    assert column_texts(page.register.model, 2) == ["李建国"]
    number = page.register.model.row(0).number
    assert page.register.selected_ids() == [page.register.model.row(0).id]
    assert page.register.doc.pageCount() == 1  # the PDF is shown in the QPdfView
    assert number in page.register.preview_label.text()


def test_issue_dialog_opens_wide_enough_to_read_and_makes_room_for_the_specimen(qtbot, page, wait_ops, monkeypatch):
    """It opened at its least size: the search box's hint cut to "居民：姓名、拼…", and the specimen squeezed."""
    from PySide6.QtCore import QRect

    monkeypatch.setattr(fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1366, 768 - 40))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.issue_dialog
    box = dlg.picker.box
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText()), box.width()
    width = dlg.width()
    dlg.kind.setCurrentIndex(dlg.kind.findData("honour"))
    dlg.name.setText("李建国")
    dlg.title_edit.setText("优秀志愿者")
    qtbot.mouseClick(dlg.preview_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.preview.isVisible()
    assert dlg.width() >= width + 420 and box.width() >= box.fontMetrics().horizontalAdvance(box.placeholderText())
    room = fit.client_room(fit.available_geometry(dlg))
    assert dlg.width() <= room.width() and dlg.height() <= room.height()


def test_issue_dialog_shows_what_is_wrong(qtbot, page, wait_ops):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.issue_dialog
    dlg.name.setText("张桂芳")
    qtbot.keyClicks(dlg.id_number, "110105194912310021")  # wrong check digit
    dlg.organisation.setText("小红帽巡逻队")
    dlg.content.setText("巡逻")
    dlg.hours.setValue(30)
    qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.isVisible()
    assert "ID number" in dlg.error_box.text() or "身份证" in dlg.error_box.text()
    assert page.register.model.rowCount() == 0


@pytest.mark.slow  # a private CUPS server (tests/cups_server.py)
def test_print_then_reprint_with_reason(qtbot, page, ctx, cups_printer, monkeypatch, wait_ops):
    cert = issue(ctx, service_record())
    page.refresh()
    wait_ops()
    click_row(qtbot, page.register.table, 0)
    wait_ops()
    patch_print_dialog(monkeypatch, DialogChoices(copies=2))
    qtbot.mouseClick(page.register.print_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)
    with session_scope(ctx.engine, write=False) as s:
        certificate = render_certificate(s, actor=ctx.actor, certificate_id=cert.id)
    job = page.register.print_op.result.job
    assert pdf_pages(cups_printer.printed(job)) == pdf_pages(certificate) * 2  # two copies of a one-page certificate
    assert column_texts(page.register.model, 6) == ["1"]

    # second print: a reprint; an empty reason is refused, nothing logged
    monkeypatch.setattr(dialogs.AskReason, "ask", classmethod(lambda cls, parent, title, label: "  "))
    qtbot.mouseClick(page.register.print_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.register.last_box is not None and page.register.last_box.isVisible()
    page.register.last_box.close()
    monkeypatch.setattr(dialogs.AskReason, "ask", classmethod(lambda cls, parent, title, label: "原件遗失"))
    patch_print_dialog(monkeypatch, DialogChoices(copies=1))
    qtbot.mouseClick(page.register.print_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)
    with session_scope(ctx.engine, write=False) as s:
        log = s.exec(select(CertificatePrint).where(CertificatePrint.certificate_id == cert.id)).all()
    assert [(p.how, p.copies, p.reason) for p in log] == [("print", 2, ""), ("reprint", 1, "原件遗失")]
    assert "原件遗失" in page.register.preview_label.text()


@pytest.mark.slow
def test_a_printer_that_refuses_leaves_the_print_register_alone(qtbot, page, ctx, cups_printer, monkeypatch, wait_ops):
    issue(ctx, honour())
    page.refresh()
    wait_ops()
    click_row(qtbot, page.register.table, 0)
    wait_ops()
    cups_printer.run("cupsdisable")  # the printer is off: CUPS stops the queue
    patch_print_dialog(monkeypatch)
    qtbot.mouseClick(page.register.print_button, Qt.MouseButton.LeftButton)
    wait_ops(60000)
    assert "offline or paused" in page.register.last_box.text()
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(CertificatePrint)).all() == []
    assert column_texts(page.register.model, 6) == ["0"]


def test_cancelled_print_dialog_logs_nothing(qtbot, page, ctx, monkeypatch, wait_ops):
    issue(ctx, honour())
    page.refresh()
    wait_ops()
    click_row(qtbot, page.register.table, 0)
    wait_ops()
    monkeypatch.setattr(backend, "printer_names", lambda: ["办公室打印机"])
    choices = patch_print_dialog(monkeypatch, DialogChoices(accept=False))
    qtbot.mouseClick(page.register.print_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert len(choices.shown) == 1 and choices.shown[0]["paper"] == "A4" and choices.shown[0]["landscape"]
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(CertificatePrint)).all() == []


def test_revoke_and_verify_at_the_desk(qtbot, page, ctx, monkeypatch, wait_ops):
    cert = issue(ctx, honour())
    payload = json.loads(cert.content_json)["qr"]
    page.refresh()
    wait_ops()
    # a scanner types the QR payload and Enter
    qtbot.keyClicks(page.verify_input, payload)
    qtbot.keyClick(page.verify_input, Qt.Key.Key_Return)
    wait_ops()
    assert page.verify_result.property("verdict") == Verdict.VALID
    assert cert.number in page.verify_result.text()
    # the verdict and what was signed are shown whole, on their own line at 1366 wide (not clipped beside the input)
    page.resize(1366, 700)
    qtbot.waitUntil(lambda: page.width() == 1366)
    result = page.verify_result
    assert result.isVisible() and result.height() >= result.heightForWidth(result.width())
    assert result.geometry().top() > page.verify_input.geometry().bottom()

    click_row(qtbot, page.register.table, 0)
    wait_ops()
    monkeypatch.setattr(dialogs.AskReason, "ask", classmethod(lambda cls, parent, title, label: "颁发对象有误"))
    qtbot.mouseClick(page.register.revoke_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert column_texts(page.register.model, 8) == ["revoked"]
    assert "颁发对象有误" in page.register.preview_label.text()

    page.verify_input.clear()
    qtbot.keyClicks(page.verify_input, cert.number)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.verify_result.property("verdict") == Verdict.REVOKED
    assert "颁发对象有误" in page.verify_result.text()

    page.verify_input.clear()
    qtbot.keyClicks(page.verify_input, payload[:-2] + ("AA" if not payload.endswith("AA") else "BB"))
    qtbot.keyClick(page.verify_input, Qt.Key.Key_Return)
    wait_ops()
    assert page.verify_result.property("verdict") == Verdict.TAMPERED


def test_batch_without_a_source_says_so(qtbot, page, ctx, wait_ops):
    ctx.services = Services()
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.batch_dialog
    assert not dlg.find_button.isEnabled()
    assert "No source of volunteer hours" in dlg.status.text()


def test_batch_from_volunteer_hours(qtbot, page, ctx, tmp_path, monkeypatch, wait_ops):
    calls = []

    def source(s, *, actor, start, end, min_hours):
        calls.append((start, end, min_hours))
        rows = [
            dict(resident_id=None, name=n, id_number="", organisation="小红帽巡逻队", period_start=start,
                 period_end=date(2026, 6, 30), hours=h, service_content="巡逻")
            for n, h in (("赵一", 20.0), ("钱二", 35.5), ("孙三", 88.0), ("李四", 12.0))
        ]
        return [r for r in rows if r["hours"] >= min_hours]

    ctx.services = Services(volunteer_hours=SimpleNamespace(hours_certificate_contents=source))
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.batch_dialog
    dlg.start.setDate(dlg.start.date().fromString("2026-01-01", "yyyy-MM-dd"))
    dlg.end.setDate(dlg.end.date().fromString("2026-06-30", "yyyy-MM-dd"))
    qtbot.mouseClick(dlg.find_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert calls[-1] == (date(2026, 1, 1), date(2026, 6, 30), 20.0)
    assert dlg.table.rowCount() == 3
    dlg.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # leave 钱二 out
    target = tmp_path / "batch.pdf"
    monkeypatch.setattr(dialogs.AskFile, "save", classmethod(lambda cls, parent, caption, default, filters: str(target)))
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: dlg.handle.finished, timeout=20000)
    assert dlg.handle.error is None
    pages = pdf_text(target.read_bytes())
    assert len(pages) == 2 and "赵一" in pages[0] and "孙三" in pages[1]
    with session_scope(ctx.engine, write=False) as s:
        assert sorted(c.recipient_name for c in s.exec(select(Certificate))) == ["孙三", "赵一"]
    dlg.reject()
    wait_ops()
    assert page.register.model.rowCount() == 2


def test_batch_cancel_issues_nothing(qtbot, page, ctx, tmp_path, monkeypatch, wait_ops):
    def source(s, *, actor, start, end, min_hours):
        return [dict(resident_id=None, name=f"志愿者{chr(0x4e00 + i)}", organisation="巡逻队", period_start=date(2026, 1, 1),
                     period_end=date(2026, 6, 30), hours=30.0, service_content="巡逻") for i in range(40)]

    ctx.services = Services(volunteer_hours=SimpleNamespace(hours_certificate_contents=source))
    qtbot.mouseClick(page.batch_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.batch_dialog
    qtbot.mouseClick(dlg.find_button, Qt.MouseButton.LeftButton)
    wait_ops()
    monkeypatch.setattr(dialogs.AskFile, "folder", classmethod(lambda cls, parent, caption: str(tmp_path / "each")))
    qtbot.mouseClick(dlg.each_file, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg.run()
    dlg.handle.cancel()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dlg.handle.finished, timeout=20000)
    assert dlg.handle.cancelled
    with session_scope(ctx.engine, write=False) as s:
        assert s.exec(select(Certificate)).all() == []


def test_save_selected_as_pdf(qtbot, page, ctx, tmp_path, monkeypatch, wait_ops):
    a = issue(ctx, honour(recipient_name="周一"))
    b = issue(ctx, honour(recipient_name="吴二"))
    page.refresh()
    wait_ops()
    page.register.table.selectAll()
    wait_ops()
    target = tmp_path / "two.pdf"
    monkeypatch.setattr(dialogs.AskFile, "save", classmethod(lambda cls, parent, caption, default, filters: str(target)))
    qtbot.mouseClick(page.register.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: page.register.save_handle.finished, timeout=20000)
    pages = pdf_text(target.read_bytes())
    assert len(pages) == 2
    assert b.number in pages[0] and a.number in pages[1]  # in register order, newest first
    with session_scope(ctx.engine, write=False) as s:
        assert sorted(p.how for p in s.exec(select(CertificatePrint))) == ["pdf", "pdf"]


def test_requests_tab_issues_the_queue(qtbot, page, ctx, wait_ops):
    with session_scope(ctx.engine) as s:
        requests.request_certificate(s, actor=ctx.actor, content=honour(recipient_name="郑三", source="passports", source_ref="p1"))
    page.refresh()
    wait_ops()
    assert page.tabs.tabText(1).endswith("(1)")
    assert "1 certificate request" in page.warnings.text()
    assert page.requests is None  # the queue is read when its tab is first shown
    page.tabs.setCurrentIndex(1)
    wait_ops()
    click_row(qtbot, page.requests.requests_table, 0)
    wait_ops()
    qtbot.mouseClick(page.requests.issue_requests_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.tabs.currentIndex() == 0
    assert column_texts(page.register.model, 2) == ["郑三"]
    assert page.requests.requests_model.rowCount() == 0


def test_front_desk_sees_only_what_it_may_do(qtbot, ctx, make_actor, app_fonts, wait_ops):
    ctx.actor = make_actor("front_desk")
    p = CertificatesPage(ctx)
    qtbot.addWidget(p)
    assert not p.new_button.isVisibleTo(p) and not p.register.revoke_button.isVisibleTo(p)
    assert not p.settings_button.isVisibleTo(p) and not p.export_button.isVisibleTo(p)
    assert p.register.print_button.isVisibleTo(p) and p.verify_input.isVisibleTo(p)


def test_template_settings_dialog_changes_new_certificates(qtbot, page, ctx, tmp_path, monkeypatch, wait_ops):
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    img = QImage(64, 64, QImage.Format.Format_ARGB32)
    img.fill(QColor("#A61B29"))
    img.save(str(logo))
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.settings_dialog
    dlg.signatory.setText("负责人：王芳")
    dlg.colour.clear()
    qtbot.keyClicks(dlg.colour, "#1F4E79")
    monkeypatch.setattr(dialogs.AskFile, "open", classmethod(lambda cls, parent, caption, filters: str(logo)))
    qtbot.mouseClick(dlg.findChild(type(page.new_button), "logoButton"), Qt.MouseButton.LeftButton)
    wait_ops()
    dlg.orientation.setCurrentIndex(dlg.orientation.findData("portrait"))
    dlg.save()
    wait_ops()
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    cert = issue(ctx, honour())
    with session_scope(ctx.engine, write=False) as s:
        data = register.render_certificate(s, actor=ctx.actor, certificate_id=cert.id)
    [text] = pdf_text(data)
    assert "负责人：王芳" in text
    snap = json.loads(cert.content_json)["template"]
    assert snap["colour"] == "#1F4E79" and snap["orientation"] == "portrait" and snap["logo"]
    import io

    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert float(box.height) > float(box.width)


def test_export_then_mark_entered(qtbot, page, ctx, tmp_path, monkeypatch, wait_ops):
    issue(ctx, service_record())
    page.refresh()
    wait_ops()
    assert column_texts(page.register.model, 7) == ["—"]
    target = tmp_path / "records.xlsx"
    monkeypatch.setattr(dialogs.AskFile, "save", classmethod(lambda cls, parent, caption, default, filters: str(target)))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert target.exists()
    assert "1 service record" in page.last_box.text()
    click_row(qtbot, page.register.table, 0)
    wait_ops()
    qtbot.mouseClick(page.register.entered_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert column_texts(page.register.model, 7) == ["✓"]


def test_issue_for_a_resident_found_by_pinyin(qtbot, page, ctx, wait_ops):
    from desktop_app import residents
    from desktop_app.residents.models import ResidentCreate

    with session_scope(ctx.engine) as s:
        r = residents.create_resident(s, actor=ctx.actor, data=ResidentCreate(name="张桂芳", id_number="11010519491231002X"))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_ops()
    dlg = page.issue_dialog
    qtbot.keyClicks(dlg.picker.box, "zgf")  # pinyin initials, as typed at the desk
    dlg.picker.box.flush()
    qtbot.keyClick(dlg.picker.box, Qt.Key.Key_Return)
    wait_ops()
    assert dlg.name.text() == "张桂芳" and dlg.resident_id == r.id
    assert "1101" in dlg.id_number.placeholderText()  # masked, from the record
    dlg.organisation.setText("小红帽巡逻队")
    dlg.content.setText("巡逻")
    dlg.start.setDate(dlg.start.date().fromString("2026-01-01", "yyyy-MM-dd"))
    dlg.end.setDate(dlg.end.date().fromString("2026-03-31", "yyyy-MM-dd"))
    dlg.hours.setValue(42.5)
    qtbot.mouseClick(dlg.issue_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert not hasattr(dlg, "error_box")  # Enter in the resident search chose the resident; it did not try to issue
    assert not (isValid(dlg) and dlg.isVisible())  # closed, and deleted
    with session_scope(ctx.engine, write=False) as s:
        cert = s.exec(select(Certificate)).one()
    assert cert.resident_id == r.id and cert.id_number == "11010519491231002X"
    with session_scope(ctx.engine, write=False) as s:
        [text] = pdf_text(register.render_certificate(s, actor=ctx.actor, certificate_id=cert.id))
    assert "1101**********002X" in text and "42.5小时" in text


def test_cancel_a_request_from_the_queue(qtbot, page, ctx, monkeypatch, wait_ops):
    from desktop_app.certificates.models import CertificateRequest, RequestStatus

    with session_scope(ctx.engine) as s:
        req = requests.request_certificate(s, actor=ctx.actor, content=honour(recipient_name="冯四"))
    page.tabs.setCurrentIndex(1)
    wait_ops()
    click_row(qtbot, page.requests.requests_table, 0)
    monkeypatch.setattr(dialogs.AskReason, "ask", classmethod(lambda cls, parent, title, label: "本人不需要"))
    qtbot.mouseClick(page.requests.cancel_request_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.requests.requests_model.rowCount() == 0
    assert page.tabs.tabText(1).endswith("(0)")
    with session_scope(ctx.engine, write=False) as s:
        assert s.get(CertificateRequest, req.id).status == RequestStatus.CANCELLED


def test_arrowing_through_the_register_draws_only_the_certificate_it_stops_on(qtbot, page, ctx, wait_ops, monkeypatch):
    """Issue 21: each selected row drew its PDF (ReportLab, seconds the first time) even while the arrow
    key was held down; now the preview draws once the selection rests."""
    from desktop_app.certificates.ui import register_tab

    for name in ("甲一", "乙二", "丙三", "丁四"):
        issue(ctx, honour(recipient_name=name))
    page.register.refresh()
    wait_ops()
    drawn = []
    real = register_tab.render_certificate
    monkeypatch.setattr(register_tab, "render_certificate",
                        lambda s, *, actor, certificate_id: drawn.append(certificate_id) or real(
                            s, actor=actor, certificate_id=certificate_id))
    table = page.register.table
    click_row(qtbot, table, 0)
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    wait_ops()
    last = page.register.model.row(3)
    assert drawn == [last.id]
    assert page.register.doc.pageCount() == 1 and last.number in page.register.preview_label.text()


def test_a_revisit_keeps_the_preview_of_an_unchanged_certificate_and_redraws_a_changed_one(
        qtbot, page, ctx, wait_ops, monkeypatch):
    """Issue 21: every visit of the page drew the selected certificate's PDF again (and blanked it meanwhile)."""
    from desktop_app.certificates.ui import register_tab

    cert = issue(ctx, honour(recipient_name="甲一"))
    issue(ctx, honour(recipient_name="乙二"))
    page.register.refresh()
    wait_ops()
    page.register.select_certificate(cert.id)
    wait_ops()
    assert page.register.doc.pageCount() == 1
    drawn, blanked = [], []
    real = register_tab.render_certificate
    monkeypatch.setattr(register_tab, "render_certificate",
                        lambda s, *, actor, certificate_id: drawn.append(certificate_id) or real(
                            s, actor=actor, certificate_id=certificate_id))
    page.register.doc.statusChanged.connect(lambda status: blanked.append(status))
    history = page.register.preview_label.text().splitlines()
    page.refresh()  # what a revisit does
    wait_ops()
    assert drawn == [] and blanked == [] and page.register.doc.pageCount() == 1
    assert page.register.selected_ids() == [cert.id]
    with session_scope(ctx.engine) as s:
        register.record_output(s, actor=ctx.actor, certificate_id=cert.id, how="pdf")
    page.refresh()
    wait_ops()
    assert drawn == [] and blanked == []  # saved as PDF elsewhere: the same paper, its history grew
    assert page.register.preview_label.text().splitlines()[:-1] == history  # and a line for the PDF saved
    with session_scope(ctx.engine) as s:
        register.revoke_certificate(s, actor=ctx.actor, certificate_id=cert.id, reason="颁发对象有误")
    page.refresh()
    wait_ops()
    assert drawn == [cert.id]  # revoked since: the paper itself changed, it is drawn again
    assert "颁发对象有误" in page.register.preview_label.text()
    page.register.kind_filter.setCurrentIndex(page.register.kind_filter.findData("service"))  # lists neither
    wait_ops()
    assert page.register.selected_ids() == [] and page.register.doc.pageCount() == 0
