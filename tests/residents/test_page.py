"""The residents page driven as a person would: search as you type, add, fix an error, edit, reveal."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.residents import service
from desktop_app.residents.models import Resident, ResidentCreate
from desktop_app.residents.page import ResidentsPage


def seed(engine, admin):
    with session_scope(engine) as s:
        for name, idn, phone in [("曾小明", "11010519491231002X", "13812345678"), ("单田芳", "", "055162341111"),
                                 ("张三", "", "13900001111")]:
            service.create_resident(s, actor=admin, data=ResidentCreate(name=name, id_number=idn, phone=phone))


def shown_names(page):
    return [page.model.row(i).name for i in range(page.model.rowCount())]


def test_search_as_you_type_pinyin_initials(qtbot, ctx, engine, admin, app_fonts):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    assert page.count_label.text() == "3 residents"
    qtbot.keyClicks(page.search, "zxm")
    qtbot.waitUntil(lambda: shown_names(page) == ["曾小明"], timeout=2000)
    assert "1 found" in page.count_label.text()
    assert page.model.data(page.model.index(0, 3)) == "1101**********002X"
    page.search.clear()
    qtbot.waitUntil(lambda: len(shown_names(page)) == 3, timeout=2000)


def test_add_resident_with_an_error_then_fixed(qtbot, ctx, engine, admin, app_fonts):
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.name.setText("李喆")
    qtbot.keyClicks(dialog.id_number, "110105194912310021")  # wrong check digit
    qtbot.keyClicks(dialog.phone, "13812345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "check character" in dialog.error.text()
    assert dialog.id_number.hasFocus() or not dialog.isActiveWindow()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Resident)).all() == []
    dialog.id_number.setText("11010519491231002X")
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: shown_names(page) == ["李喆"], timeout=2000)
    with session_scope(engine, write=False) as s:
        stored = s.exec(select(Resident)).one()
    assert (stored.name, stored.phone, stored.gender) == ("李喆", "13812345678", "F")


def test_edit_keeps_masked_numbers_and_reveal_is_audited(qtbot, ctx, engine, admin, app_fonts):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    zeng = next(page.model.row(i) for i in range(page.model.rowCount()) if page.model.row(i).name == "曾小明")
    dialog = page.edit(zeng.id)
    assert dialog.id_number.text() == "1101**********002X" and dialog.id_number.isReadOnly()
    dialog.grid.setText("第3网格")
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with session_scope(engine, write=False) as s:
        r = s.get(Resident, zeng.id)
    assert (r.grid, r.id_number, r.phone) == ("第3网格", "11010519491231002X", "13812345678")
    dialog = page.edit(zeng.id)
    qtbot.mouseClick(dialog.reveal_id, Qt.MouseButton.LeftButton)
    assert dialog.id_number.text() == "11010519491231002X" and not dialog.id_number.isReadOnly()
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()) == 1
    dialog.reject()


def test_filter_by_tag(qtbot, ctx, engine, admin, app_fonts):
    with session_scope(engine) as s:
        service.create_resident(s, actor=admin, data=ResidentCreate(name="老王", id_number="110105193001010013", lives_alone=True))
        service.create_resident(s, actor=admin, data=ResidentCreate(name="小李", id_number="110105200001010016"))
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.tag.setCurrentIndex(page.tag.findData("lives_alone"))
    assert shown_names(page) == ["老王"]
    assert page.count_label.text() == "1 residents"
