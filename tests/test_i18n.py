"""Translations: every zh_CN string finished, and the .ts files know every string in the code."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402

TS_FILES = sorted((ROOT / "resources" / "i18n").glob("*_zh_CN.ts"))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_no_unfinished_zh_cn_strings(ts):
    missing = i18n.unfinished(ts)
    assert missing == [], f"{ts.name}: {len(missing)} unfinished, e.g. {missing[:5]}"


@pytest.mark.slow
def test_every_source_string_is_in_a_ts_file(tmp_path):
    """Run lupdate into a scratch copy: nothing new may appear (a new string needs a translation)."""
    if shutil.which(i18n._tool("pyside6-lupdate")) is None and not Path(i18n._tool("pyside6-lupdate")).exists():
        pytest.fail("pyside6-lupdate is missing: install PySide6-Essentials")
    new: dict[str, set] = {}
    for key in i18n.keys():
        if not i18n.sources(key):
            continue
        i18n.update([key], target_dir=tmp_path)
        fresh = tmp_path / i18n.ts_path(key).name
        committed = i18n.ts_path(key)
        have = i18n.messages(committed) if committed.exists() else set()
        extra = i18n.messages(fresh) - have
        if extra:
            new[key] = extra
    assert not new, f"strings missing from .ts files (run tools/i18n.py update and translate): {new}"


def test_qm_files_are_built():
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").exists(), f"{ts.name} not built: run `make i18n`"


def test_chinese_ui_is_loaded(qapp):
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    try:
        assert QCoreApplication.translate("Navigation", "Residents") == "居民档案"
        assert QCoreApplication.translate("Fields", "ID number") == "身份证号"
    finally:
        translation.install(qapp, "en")
    assert QCoreApplication.translate("Navigation", "Residents") == "Residents"


def test_the_code_and_the_ts_files_agree_on_every_context():
    """The fault this guards against: texts under an empty context in smiledesk_zh_CN.ts while the code asked
    for them under "Messages" / "ExportAction" — finished in the .ts file, English on the screen."""
    problems = i18n.check()
    assert problems == [], "\n".join(map(str, problems))


BAD_CODE = '''
from PySide6.QtCore import QCoreApplication
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate

def tr(text):
    return QCoreApplication.translate("Messages", text)

TITLE = tr("Not saved")
CTX = "Things"

class Box:
    def build(self, parent, handle):
        parent.tr("Possible duplicate")
        handle.tr("Cancel")
        QCoreApplication.translate(CTX, "Computed context")
        translate("Import", "Column {n}", n=3)
        self.tr("Missing here")
        self.tr("Held")
'''

TS = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name></name>
  <message><source>Not saved</source><translation>未保存</translation></message></context>
<context><name>Box</name>
  <message><source>Held</source><translation>有</translation></message></context>
</TS>
'''


def test_the_check_finds_every_way_the_contexts_drift(tmp_path):
    code, ts = tmp_path / "bad.py", tmp_path / "x_zh_CN.ts"
    code.write_text(BAD_CODE, encoding="utf-8")
    ts.write_text(TS, encoding="utf-8")
    found = [(p.line, p.what.split(":")[0]) for p in i18n.check(ts_files=[ts], files=[code])]
    lines = {line for line, _ in found}
    assert {8, 13, 14, 15, 16, 17} <= lines, found  # tr(), parent.tr, handle.tr, computed context, keywords, missing
    assert 18 not in lines  # self.tr("Held") is held under Box
    assert any('context ""' in what for _, what in found)  # the .ts file's empty context


def test_boxes_and_the_export_action_speak_chinese(qapp, qtbot):
    """The measured fault, seen as a user sees it: titles of message boxes and the export action in zh_CN."""
    from PySide6.QtWidgets import QTableView, QWidget

    from desktop_app.core.errors import ValidationError
    from desktop_app.ui import messages, translation

    translation.install(qapp, "zh_CN")
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        box = messages.show_error(parent, ValidationError("Name", "enter a name."))
        assert box.windowTitle() == "未保存"
        box.close()
        bug = messages.show_error(parent, RuntimeError("x"))
        assert bug.windowTitle() == "错误" and "意外" in bug.text()
        bug.close()
        view = QTableView(parent)

        class Ctx:
            station_name = "站"

            def can(self, _perm):
                return True

        from desktop_app.ui.export_action import add_export_action

        assert add_export_action(view, Ctx(), "来访登记").text() == "导出到 Excel…"
    finally:
        translation.install(qapp, "en")


def test_a_label_inside_a_message_is_translated_with_it(qapp):
    """The measured fault: "曹秀磊 在 2026-12-05 已订lunch。" — a meal's name passed into an error stayed English."""
    import pickle

    from desktop_app.core.errors import ConflictError
    from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Text
    from desktop_app.ui import translation

    exc = ConflictError(QT_TRANSLATE_NOOP("Errors", "{name} already has {meal} ordered on {day}."),
                        name="曹秀磊", meal=Text("Meals", "lunch"), day="2026-12-05")
    translation.install(qapp, "zh_CN")
    try:
        assert exc.text() == "曹秀磊 在 2026-12-05 已订午餐。"
        again = pickle.loads(pickle.dumps(exc.params["meal"]))
        assert isinstance(again, Text) and again.context == "Meals" and again == "lunch"
    finally:
        translation.install(qapp, "en")
    assert exc.text() == "曹秀磊 already has lunch ordered on 2026-12-05."
