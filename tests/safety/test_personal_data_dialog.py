"""A resident's copy of their personal data from the administration page (PIPL art. 45): find the resident,
print the copy (its preview, a real print system) or save it as PDF or JSON; every copy audited."""

from __future__ import annotations

import json
from datetime import date

import pytest
from printing_helpers import assert_printed_as_made, click_print, patch_print_dialog, pdf_pages
from PySide6.QtCore import Qt
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
