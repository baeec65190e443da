"""Nothing dropped silently: address text kept, every problem of a row, duplicates naming what differs, columns
imported as nothing listed; batches that see other people's changes; the dialog and the CLI say the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.core.progress import Progress
from desktop_app.reports import importing
from desktop_app.reports.importing import applying
from desktop_app.residents.models import Resident

from .conftest import make_id

CORPUS = Path(__file__).parent / "corpus"
ZHANG = make_id(date(1948, 3, 5), 11)
LI = make_id(date(1952, 11, 20), 22, male=False)


def _plan(engine, actor, path, kind="residents"):
    sheet = importing.read_sheet(path, kind=kind)
    mapping = importing.guess_mapping(sheet.labels, kind)
    return importing.check(engine, actor=actor, sheet=sheet, mapping=mapping, kind=kind)


def _residents(engine):
    with session_scope(engine, write=False) as s:
        return {r.name: r for r in s.exec(select(Resident).where(Resident.erased == False))}  # noqa: E712


@pytest.mark.parametrize("name", ["openpyxl.xlsx", "libreoffice.ods", "xlwt.xls"])
def test_the_register_imports_every_address(engine, admin, name):
    plan = _plan(engine, admin, CORPUS / name)
    assert plan.counts == {"add": 5, "update": 0, "skip": 0, "reject": 0}
    assert plan.not_imported == ["序号"]  # the running number has no field: listed, not silently left out
    warned = {r.name: " ".join(w.text() for w in r.warnings) for r in plan.results}
    assert "和平路12号" in warned["钱七"] and "notes" in warned["钱七"]
    assert all(not warned[n] for n in ("张三", "李四", "王五", "赵六"))
    importing.apply_import(engine, actor=admin, plan=plan)
    people = _residents(engine)
    parts = {n: (p.compound, p.building, p.unit, p.room) for n, p in people.items()}
    assert parts == {
        "张三": ("逍遥津小区", "", "1", "502"),  # 1单元502 under the merged 小区 cell
        "李四": ("逍遥津小区", "2", "", "301"),  # 2-301
        "王五": ("逍遥津小区", "3", "2", "301"),
        "赵六": ("杏花村小区", "5", "1", "101"),
        "钱七": ("杏花村小区", "", "", ""),
    }
    assert people["钱七"].notes == "住址：和平路12号"  # the text that does not split, kept (under its header)
    assert people["张三"].birth_date == date(1948, 3, 5)
    again = _plan(engine, admin, CORPUS / name)
    assert again.counts == {"add": 0, "update": 0, "skip": 5, "reject": 0}  # the note is not added twice


def test_an_address_that_disagrees_with_the_row_is_kept(engine, admin, xlsx):
    path = xlsx("a.xlsx", [["姓名", "联系电话", "小区", "楼栋", "住址"],
                           ["张三", "13812345678", "逍遥津小区", "5", "逍遥津小区3栋2单元301室"]])
    plan = _plan(engine, admin, path)
    assert "disagrees" in plan.results[0].warnings[0].text()
    importing.apply_import(engine, actor=admin, plan=plan)
    zhang = _residents(engine)["张三"]
    assert (zhang.building, zhang.unit, zhang.room) == ("5", "2", "301")  # the row's own column wins
    assert zhang.notes == "住址：逍遥津小区3栋2单元301室"


def test_every_problem_of_a_row_is_reported(engine, admin, xlsx):
    path = xlsx("p.xlsx", [["姓名", "身份证号", "出生日期", "联系电话", "是否独居", "性别"],
                           ["张三", 3.40102194803051e17, "1948年", "12345", "也许", "男"],
                           ["李四", LI, "1960-01-01", "13912345678", "否", "男"]])
    plan = _plan(engine, admin, path)
    zhang, li = plan.results
    assert zhang.action == "reject" and len(zhang.reasons) == 4
    text = zhang.text
    for words in ("15 digits", "1948-03-05", "Phone", "yes or no"):
        assert words in text, text
    assert li.action == "reject" and len(li.reasons) == 2  # birth date and gender both contradict the ID number
    assert "Birth date" in li.text and "Gender" in li.text


def test_a_duplicate_that_differs_names_the_fields(engine, admin, xlsx):
    path = xlsx("d.xlsx", [["姓名", "身份证号", "联系电话", "住址"],
                           ["张三", ZHANG, "13812345678", "逍遥津小区3栋"],
                           ["张三", ZHANG, "13999998888", "逍遥津小区3栋"],
                           ["张三", ZHANG, "13812345678", "逍遥津小区3栋"]])
    plan = _plan(engine, admin, path)
    first, differs, same = plan.results
    assert differs.action == "reject" and "row 2" in differs.text
    assert "Phone (13812345678 ≠ 13999998888)" in differs.text and "Compound" not in differs.text
    assert same.action == "skip" and "row 2" in same.text


def test_unknown_categories_are_kept_in_the_notes(engine, admin, xlsx):
    path = xlsx("c.xlsx", [["姓名", "联系电话", "人员类别"], ["张三", "13812345678", "独居、空巢"]])
    plan = _plan(engine, admin, path)
    assert "空巢" in plan.results[0].warnings[0].text()
    importing.apply_import(engine, actor=admin, plan=plan)
    zhang = _residents(engine)["张三"]
    assert zhang.lives_alone and zhang.notes == "人员类别：独居、空巢"


def test_rows_someone_else_registers_between_batches_are_matched_again(engine, admin, xlsx):
    from desktop_app import residents
    from desktop_app.residents.models import ResidentCreate

    path = xlsx("b.xlsx", [["姓名", "身份证号", "联系电话"], ["张三", ZHANG, "13812345678"], ["李四", LI, "13912345678"]])
    plan = _plan(engine, admin, path)
    progress = Progress()
    done = []

    def on_update(n, total, label):
        if label == "Writing" and n == 1 and not done:  # between the batches, at another desk: 李四 registered
            done.append(1)
            with session_scope(engine) as s:
                residents.create_resident(s, actor=admin, data=ResidentCreate(name="李四", id_number=LI, phone="13900000000"))

    progress._on_update = on_update
    result = importing.apply_import(engine, actor=admin, plan=plan, progress=progress, batch=1)
    assert done and (result.added, result.updated) == (1, 1)  # 李四 updated (his phone), not registered twice
    with session_scope(engine, write=False) as s:
        lis = s.exec(select(Resident).where(Resident.id_number == LI)).all()
    assert len(lis) == 1 and lis[0].phone == "13912345678"


def test_a_failure_midway_says_where_and_what_was_written(engine, admin, xlsx, monkeypatch):
    from desktop_app import residents
    from desktop_app.core.errors import ValidationError

    path = xlsx("f.xlsx", [["姓名", "身份证号", "联系电话"], ["张三", ZHANG, "13812345678"], ["李四", LI, "13912345678"]])
    plan = _plan(engine, admin, path)
    original = residents.create_resident

    def refuse_li(s, *, actor, data, **kw):
        if data.name == "李四":
            raise ValidationError("Name", "is refused here.")
        return original(s, actor=actor, data=data, **kw)

    monkeypatch.setattr(residents, "create_resident", refuse_li)
    with pytest.raises(ConflictError) as e:
        importing.apply_import(engine, actor=admin, plan=plan, batch=1, bulk=False)
    assert e.value.message == applying.STOPPED
    assert "row 3" in e.value.text() and "1 rows before it were written (1 added" in e.value.text()
    assert set(_residents(engine)) == {"张三"}


def test_the_texts_of_a_result():
    done = importing.ImportResult(2, 1, 3, 4, (1, 2, 3))
    assert importing.result_text(done) == "Imported: 2 added, 1 updated, 3 skipped, 4 rejected rows left out."
    part = importing.ImportResult(2, 0, 0, 0, (1, 2), cancelled=True, last_row=9, not_written=5)
    assert "after row 9" in importing.result_text(part) and "5 rows were not" in importing.result_text(part)
    none = importing.ImportResult(0, 0, 0, 0, (), cancelled=True)
    assert importing.result_text(none) == "Import cancelled: nothing was written."


def test_the_dialog_and_the_cli_say_the_same(qtbot, app_fonts, ctx, engine, db_arg, capsys, monkeypatch, wait_ops):
    from desktop_app.cli import main
    from desktop_app.reports.ui import import_dialog
    from desktop_app.ui import ops

    shown = []
    monkeypatch.setattr(ops, "report_error", lambda parent, exc: shown.append(exc.text()))
    for name in ("password.xlsx", "far-cell-XFD1048576.xlsx", "web-page-saved-as.xls"):
        d = import_dialog.ImportDialog(ctx, CORPUS / name)
        qtbot.addWidget(d)
        wait_ops()
        assert main(["--db", db_arg, "import", str(CORPUS / name), "--dry-run", "--lang", "en"]) == 2
        assert capsys.readouterr().err.strip().splitlines()[-1] == shown[-1]
    d = import_dialog.ImportDialog(ctx, CORPUS / "openpyxl.xlsx")
    qtbot.addWidget(d)
    wait_ops()
    d.check()
    wait_ops()
    assert main(["--db", db_arg, "import", str(CORPUS / "openpyxl.xlsx"), "--dry-run", "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert importing.sheet_text(d.sheet) in printed and d.info.text() == importing.sheet_text(d.sheet)
    for line in d.counts.text().splitlines():
        assert line in printed
    assert "Columns with values that are not imported: 序号." in printed


def test_the_dialog_says_what_a_cancelled_import_wrote(qtbot, app_fonts, ctx, wait_ops):
    from desktop_app.reports.ui import import_dialog

    d = import_dialog.ImportDialog(ctx, CORPUS / "openpyxl.xlsx")
    qtbot.addWidget(d)
    wait_ops()
    d.check()
    wait_ops()
    result = importing.ImportResult(2, 0, 0, 0, (1, 2), cancelled=True, last_row=4, not_written=3)
    d._on_imported(result)
    assert d.counts.text() == importing.result_text(result) and not d.import_button.isEnabled()


def test_the_report_colours_come_from_the_style_sheets(qtbot, app_fonts):
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.reports.ui.import_dialog import action_colours

    app = QApplication.instance()
    before = app.styleSheet()
    w = QWidget()
    qtbot.addWidget(w)
    try:
        for sheet in ("normal", "large-text", "high-contrast"):
            app.setStyleSheet((Path(__file__).parents[2] / "resources" / "styles" / f"{sheet}.qss").read_text())
            colours = action_colours(w)
            assert colours["reject"] is not None and colours["add"] is not None, sheet
            assert colours["reject"] != colours["add"], sheet
        app.setStyleSheet("")
        assert set(action_colours(w).values()) == {None}  # no sheet: the view's own colour
    finally:
        app.setStyleSheet(before)
