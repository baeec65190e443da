"""A resident's copy of their personal data from the administration page (PIPL art. 45): find the resident,
print the copy (its preview, a real print system) or save it as PDF or JSON; every copy audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlmodel import select

from desktop_app import residents
from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.residents.models import ResidentCreate
from desktop_app.safety.ui import personal_data


@pytest.fixture
def person(engine, admin) -> int:
    with session_scope(engine) as s:
        return residents.create_resident(s, actor=admin, data=ResidentCreate(
            name="欧阳娜娜", phone="13800138000", compound="琥珀山庄", building="3", room="501",
            consent_date=date(2025, 1, 2))).id


def entries(engine, action: str) -> list[AuditEntry]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(AuditEntry).where(AuditEntry.action == action, AuditEntry.entity == "resident")))


@pytest.fixture
def dialog(qtbot, ctx, app_fonts, person, wait_ops):
    from desktop_app.admin.ui.safety_tab import SafetyTab

    tab = SafetyTab(ctx)
    qtbot.addWidget(tab)
    assert tab.personal_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.personal_button, Qt.MouseButton.LeftButton)
    d = tab.personal_dialog
    d.picker.box.setText("欧阳娜娜")
    d.picker.box.flush()
    wait_ops()
    qtbot.keyClick(d.picker.box, Qt.Key.Key_Return)
    wait_ops()
    assert d.resident_id == person and d.print_button.isEnabled()
    yield d  # the tab (the dialog's parent) lives as long as the test


def test_only_who_may_export_personal_data_sees_the_button(qtbot, ctx, app_fonts, make_actor):
    from desktop_app.admin.ui.safety_tab import SafetyTab

    ctx.actor = make_actor("coordinator")
    tab = SafetyTab(ctx)
    qtbot.addWidget(tab)
    assert not tab.personal_button.isVisibleTo(tab)


def test_the_copy_opens_in_its_preview_and_saves_as_json(qtbot, dialog, ctx, person, tmp_path, monkeypatch, wait_ops):
    preview = dialog.print_copy()
    qtbot.waitUntil(lambda: preview.paper is not None, timeout=20000)
    assert "Copyofyourpersonaldata" in pdf_pages(preview.paper.data)[0] and "欧阳娜娜" in pdf_pages(preview.paper.data)[0]
    target = tmp_path / "copy.json"
    monkeypatch.setattr(personal_data.AskJsonPath, "ask", classmethod(lambda cls, *a: str(target)))
    qtbot.mouseClick(dialog.json_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: target.exists())
    assert json.loads(target.read_text(encoding="utf-8"))["resident_id"] == person
    assert len(entries(ctx.engine, "export")) == 2  # the preview's copy and the JSON copy
    assert entries(ctx.engine, "print") == []


@pytest.mark.slow  # a private CUPS server (tests/cups_server.py)
def test_the_copy_prints_as_previewed(qtbot, dialog, ctx, person, cups_printer, monkeypatch, wait_ops):
    patch_print_dialog(monkeypatch)
    preview = dialog.print_copy()
    click_print(qtbot, preview, wait_ops)
    assert_printed_as_made(cups_printer, preview)
    [entry] = entries(ctx.engine, "print")
    assert entry.entity_id == str(person)


# --- erasure (PIPL art. 47): from the same dialog, not only `smiledesk privacy erase` ----------------------------


@pytest.fixture
def walk_ins(engine, admin, person) -> tuple[int, int]:
    """Two visits typed with the resident's name and phone but never linked: one theirs, one a relative's."""
    from desktop_app.desk import visits

    with session_scope(engine) as s:
        ids = [visits.create_record(s, actor=admin, category_code="request", summary=summary,
                                    walk_in_name="欧阳娜娜", walk_in_phone="13800138000").id
               for summary in ("咨询高龄补贴", "替女儿咨询")]
    return ids[0], ids[1]


def _resident(engine, rid):
    from desktop_app.residents.models import Resident

    with session_scope(engine, write=False) as s:
        return s.get(Resident, rid)


def test_an_administrator_erases_a_resident_from_the_dialog(qtbot, dialog, ctx, person, walk_ins, wait_ops):
    from desktop_app.desk.models import ServiceRecord
    from desktop_app.safety.ui.erasure import ErasureDialog

    theirs, relatives = walk_ins
    assert dialog.erase_button.isVisibleTo(dialog) and dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    erasure: ErasureDialog = dialog.erasure
    wait_ops()
    assert "欧阳娜娜" in erasure.findChild(QLabel, "erasureQuestion").text()
    assert erasure.matches.isVisibleTo(erasure) and erasure.matches.count() == 2
    assert not erasure.erase_button.isEnabled()  # not before "cannot be undone" is ticked
    [daughters] = [erasure.matches.item(i) for i in range(2) if "替女儿" in erasure.matches.item(i).text()]
    daughters.setCheckState(Qt.CheckState.Unchecked)  # the visit for a daughter is not the resident's to erase
    erasure.reason.setText("本人申请")
    qtbot.mouseClick(erasure.understood, Qt.MouseButton.LeftButton)
    assert erasure.erase_button.isEnabled()
    with qtbot.waitSignal(erasure.erased, timeout=20000):
        qtbot.mouseClick(erasure.erase_button, Qt.MouseButton.LeftButton)
    wait_ops()

    r = _resident(ctx.engine, person)
    assert r.erased and r.name != "欧阳娜娜" and r.phone == ""
    with session_scope(ctx.engine, write=False) as s:
        assert s.get(ServiceRecord, theirs).walk_in_name == ""
        assert s.get(ServiceRecord, relatives).walk_in_name == "欧阳娜娜"
    [entry] = entries(ctx.engine, "erase")
    assert "本人申请" in (entry.after or "") and "欧阳娜娜" not in (entry.after or "")
    assert dialog.resident_id is None and not dialog.erase_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "欧阳娜娜" in dialog.chosen_label.text() and dialog.picker.box.text() == ""
    qtbot.waitUntil(lambda: dialog.last_box is not None and dialog.last_box.isVisible())


def test_an_erasure_refused_by_the_service_says_why_and_writes_nothing(qtbot, dialog, ctx, person, admin, wait_ops):
    """Another PC erased the resident while this dialog was open: the service's message, in the dialog."""
    from desktop_app.safety import personal_data as service

    erasure = dialog.ask_erasure()
    wait_ops()
    assert erasure.matches_label.text() and not erasure.matches.isVisibleTo(erasure)  # no walk-ins to offer
    with session_scope(ctx.engine) as s:
        service.erase_resident(s, actor=admin, resident_id=person, reason="另一台电脑")
    qtbot.mouseClick(erasure.understood, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(erasure.erase_button, Qt.MouseButton.LeftButton)
    wait_ops()
    qtbot.waitUntil(lambda: erasure.error.isVisibleTo(erasure))
    assert "already erased" in erasure.error.text()
    assert erasure.isVisible() and erasure.erase_button.isEnabled()  # it can be closed, or tried again
    assert len(entries(ctx.engine, "erase")) == 1  # the other PC's


def test_only_an_administrator_sees_the_erase_button(qtbot, ctx, app_fonts, make_actor, monkeypatch):
    """Exporting and erasing are both the administrator's today; should the copy be given to more roles, the
    erase button still follows its own permission (and erase_resident checks it again)."""
    from desktop_app.safety import permissions

    monkeypatch.setattr(ctx, "can", lambda p: p is not permissions.ERASE_PERSONAL)
    d = personal_data.PersonalDataDialog(ctx)
    qtbot.addWidget(d)
    assert not d.erase_button.isVisibleTo(d)
