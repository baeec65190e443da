"""The residents page driven as a person would: search as you type, add, fix an error, edit, reveal."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from sqlmodel import select

from desktop_app import residents as service
from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry
from desktop_app.residents.models import Resident, ResidentCreate
from desktop_app.residents.ui.page import ResidentsPage
from desktop_app.ui.widgets import open_dialogs


def seed(engine, admin):
    with session_scope(engine) as s:
        for name, idn, phone in [("曾小明", "11010519491231002X", "13812345678"), ("单田芳", "", "055162341111"),
                                 ("张三", "", "13900001111")]:
            service.create_resident(s, actor=admin, data=ResidentCreate(name=name, id_number=idn, phone=phone))


def shown_names(page):
    return [page.model.row(i).name for i in range(page.model.rowCount())]


def test_search_as_you_type_pinyin_initials(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    assert page.count_label.text() == "3 residents"
    qtbot.keyClicks(page.search, "zxm")
    qtbot.waitUntil(lambda: shown_names(page) == ["曾小明"], timeout=2000)
    wait_ops()
    assert "1 found" in page.count_label.text()
    assert page.model.data(page.model.index(0, 3)) == "1101**********002X"
    page.search.clear()
    qtbot.waitUntil(lambda: len(shown_names(page)) == 3, timeout=2000)


def test_add_resident_with_an_error_then_fixed(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.name.setText("李喆")
    qtbot.keyClicks(dialog.id_number, "110105194912310021")  # wrong check digit
    qtbot.keyClicks(dialog.phone, "13812345678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
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


def test_edit_keeps_masked_numbers_and_reveal_is_audited(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    zeng = next(page.model.row(i) for i in range(page.model.rowCount()) if page.model.row(i).name == "曾小明")
    dialog = page.edit(zeng.id)
    wait_ops()
    assert dialog.id_number.text() == "1101**********002X" and dialog.id_number.isReadOnly()
    dialog.grid.setText("第3网格")
    with qtbot.waitSignal(dialog.finished, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with session_scope(engine, write=False) as s:
        r = s.get(Resident, zeng.id)
    assert (r.grid, r.id_number, r.phone) == ("第3网格", "11010519491231002X", "13812345678")
    wait_ops()
    dialog = page.edit(zeng.id)
    wait_ops()
    qtbot.mouseClick(dialog.reveal_id, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dialog.id_number.text() == "11010519491231002X" and not dialog.id_number.isReadOnly()
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(AuditEntry).where(AuditEntry.action == "reveal")).all()) == 1
    dialog.reject()


def test_filter_by_tag(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    with session_scope(engine) as s:
        service.create_resident(s, actor=admin, data=ResidentCreate(name="老王", id_number="110105193001010013", lives_alone=True))
        service.create_resident(s, actor=admin, data=ResidentCreate(name="小李", id_number="110105200001010016"))
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.tag.setCurrentIndex(page.tag.findData("lives_alone"))
    wait_ops()
    assert shown_names(page) == ["老王"]
    assert page.count_label.text() == "1 resident"


def updates_of(engine, resident_id):
    with session_scope(engine, write=False) as s:
        return s.exec(select(AuditEntry).where(AuditEntry.entity == "resident", AuditEntry.action == "update",
                                               AuditEntry.entity_id == str(resident_id))).all()


def test_double_click_opens_one_dialog_per_resident(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    index = page.model.index(0, 0)
    rect = page.table.visualRect(index)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.table.activated.emit(index)  # what Enter or a platform's single-click activation sends as well
    wait_ops()
    assert len(open_dialogs(page)) == 1 and open_dialogs(page)[0].isVisible()
    assert page.edit(page.model.row(0).id) is open_dialogs(page)[0]
    open_dialogs(page)[0].reject()


def test_second_dialog_on_the_same_resident_cannot_undo_the_first_save(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    """Two dialogs loaded at the same version (two desks): the first save stands; the second is refused with
    who and when, nothing is overwritten, and Reload shows the saved version in the form."""
    from desktop_app.residents.ui.dialogs import ResidentDialog

    seed(engine, admin)
    with session_scope(engine, write=False) as s:
        zeng = s.exec(select(Resident).where(Resident.name == "曾小明")).one()
    first, second = ResidentDialog(ctx, zeng.id), ResidentDialog(ctx, zeng.id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()
    wait_ops()
    first.grid.setText("第1网格")
    with qtbot.waitSignal(first.finished, timeout=5000):
        qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    second.room.setText("502")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.isVisible() and second.last_error is not None
    message = second.last_error.text()
    assert message.startswith("admin changed this record at ") and "after you opened it" in message
    with session_scope(engine, write=False) as s:
        stored = s.get(Resident, zeng.id)
    assert (stored.grid, stored.room, stored.version) == ("第1网格", "", 2)
    assert len(updates_of(engine, zeng.id)) == 1
    qtbot.mouseClick(second.last_error.findChild(QPushButton, "reload"), Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.grid.text() == "第1网格" and second.room.text() == "" and second.loaded.version == 2
    second.room.setText("502")
    with qtbot.waitSignal(second.finished, timeout=5000):
        qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    with session_scope(engine, write=False) as s:
        stored = s.get(Resident, zeng.id)
    assert (stored.grid, stored.room, stored.version) == ("第1网格", "502", 3)


def test_a_form_full_of_mistakes_is_told_them_one_by_one_in_the_order_it_shows_them(qtbot, ctx, engine, app_fonts,
                                                                                    wait_ops):
    """Issue 15: messages name what is wrong in the order of the form. Every field of a new resident wrong; each
    save names the first wrong field as the dialog shows them (top to bottom, left to right), the person fixes
    it and saves again; nothing is written until the last one is fixed."""
    from PySide6.QtCore import QPoint

    from desktop_app.residents.register import F
    from desktop_app.residents.ui.dialogs import ResidentDialog

    dialog = ResidentDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_ops()
    wrong = {"name": "", "id_number": "123", "gender": "M", "birth_date": "2000-01-01", "phone": "123",
             "community": "社" * 51, "compound": "苑" * 51, "building": "1" * 21, "unit": "2" * 21, "room": "3" * 21,
             "grid": "格" * 51, "emergency_contact": "张3", "emergency_phone": "123", "consent_date": "2999-01-01",
             "notes": "记" * 10001}
    right = {"name": "曾小明", "id_number": "11010519491231002X", "gender": "", "birth_date": ""}  # the rest: blank

    def put(key: str, value: str) -> None:
        widget = dialog.fields[key]
        if key == "gender":
            widget.setCurrentIndex(widget.findData(value))
        elif key == "notes":
            widget.setPlainText(value)
        else:
            widget.setText(value)

    for key, value in wrong.items():
        put(key, value)
    shown = sorted(wrong, key=lambda k: (dialog.fields[k].mapTo(dialog, QPoint(0, 0)).y(),
                                        dialog.fields[k].mapTo(dialog, QPoint(0, 0)).x()))
    named = []
    for _ in range(len(wrong)):
        dialog.save()
        wait_ops()
        text = dialog.error.text()
        key = next(k for k in wrong if text.startswith(F[k] + ":"))
        named.append(key)
        put(key, right.get(key, ""))
    assert named == shown
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Resident)).all() == []


def test_enter_on_a_single_match_opens_it_and_on_several_goes_to_the_list(qtbot, ctx, engine, admin, app_fonts, wait_ops):
    seed(engine, admin)
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    qtbot.keyClicks(page.search, "zxm")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # before the pause that searches as you type
    wait_ops()
    opened = open_dialogs(page)
    assert len(opened) == 1 and opened[0].name.text() == "曾小明"
    opened[0].reject()
    page.search.setText("z")  # 曾小明 and 张三
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    wait_ops()
    assert page.model.rowCount() == 2 and not open_dialogs(page)  # nothing opened: the person chooses
    assert page.table.currentIndex().row() == 0 and page.window().focusWidget() is page.table


def test_ages_are_counted_on_the_day_the_list_is_read(qtbot, ctx, engine, admin, app_fonts, wait_ops, monkeypatch):
    """Left on overnight, the list counted ages (and "60 and over") on the day the page was built."""
    from datetime import date

    from desktop_app.core import clock

    seed(engine, admin)  # 曾小明 was born on 31 December 1949
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 30))
    page = ResidentsPage(ctx)
    qtbot.addWidget(page)
    wait_ops()
    row = shown_names(page).index("曾小明")
    assert page.model.data(page.model.index(row, 2)) == "76"
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 31))
    page.refresh()
    wait_ops()
    assert page.model.data(page.model.index(shown_names(page).index("曾小明"), 2)) == "77"
