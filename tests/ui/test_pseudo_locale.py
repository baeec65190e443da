"""Every text a person sees went through translation — walked in a pseudo-locale — and the Chinese interface
shows no English word.

The pseudo-locale (``ui.translation.PSEUDO``) shows every text that has a zh_CN translation as its English
source marked ⟦…⟧ with accents. The walk (tests/ui/i18n_walk.py) shows every page of the main window on a
database with the small demo data, every tab, selects the first row of every list, presses every button and
reads every dialog, message box and menu that opens, one level deep into dialogs; the shared windows (sign-in,
set-up wizard, settings, help, the kiosk, the smile wall, the safety dialogs, the messages module's boxes) are
built through the functions the app opens them with. A text with a Latin word outside the marks fails the
test — except names the Chinese interface writes in Latin letters (i18n_walk.ALLOWED: Excel, PDF, Ctrl, …).
The same walk in zh_CN fails on any English word.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from tests.ui.i18n_walk import (
    WORD,
    Seen,
    Walker,
    english_words,
    exempt,
    hard_coded_chinese,
    is_chrome,
    read_widget_tree,
    unmarked,
)
from tests.ui.storm import Storm

LANGUAGES = ["pseudo", "zh_CN"]

@pytest.fixture
def demo_engine(demo_db):
    from desktop_app.core.db import make_engine

    engine = make_engine(f"sqlite:///{demo_db}")
    yield engine
    engine.dispose()


@pytest.fixture
def demo_admin(demo_engine):
    from sqlmodel import select

    from desktop_app.core.auth import Actor
    from desktop_app.core.db import session_scope
    from desktop_app.core.models import StaffUser

    with session_scope(demo_engine, write=False) as s:
        return Actor.from_user(s.exec(select(StaffUser).where(StaffUser.username == "admin")).one())


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(params=LANGUAGES)
def language(request, qapp):
    from desktop_app.ui import translation

    translation.install(qapp, request.param)
    yield request.param
    translation.install(qapp, "en")


def data_words(engine) -> set[str]:
    """Names the database holds in Latin letters: sign-in names, subsidy tier codes."""
    from sqlalchemy import text

    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text("SELECT username FROM staff_user"))}
        names |= {r[0] for r in conn.execute(text("SELECT code FROM meal_subsidy_tier"))}
    return {w for name in names for w in WORD.findall(name)}


def untranslated(seen: Seen, language: str, allowed: set[str] = frozenset()) -> list[str]:
    """What a person would read in English: (where) text [words], one line each, without repeats.
    SMILEDESK_I18N_WALK=FILE appends every text the walk saw to FILE (to see what it covers)."""
    import os

    if dump := os.environ.get("SMILEDESK_I18N_WALK"):
        with open(dump, "a", encoding="utf-8") as f:
            f.writelines(f"{language}\t{where}\t{text!r}\n" for where, text in seen.texts)
    out: dict[str, None] = {}
    for where, text in seen.texts:
        if exempt(where):
            continue
        words = english_words(unmarked(text) if language == "pseudo" else text, allowed)
        if words:
            out[f"{where}: {text!r} {sorted(set(words))}"] = None
        elif language == "pseudo" and is_chrome(where) and hard_coded_chinese(text):
            out[f"{where}: {text!r} [Chinese that did not pass through translation]"] = None
    return list(out)


@pytest.fixture
def walker(qtbot, monkeypatch):
    from desktop_app.ui import ops

    def settle() -> None:
        with Storm() as storm:
            qtbot.wait(1)
            qtbot.waitUntil(ops.idle, timeout=30000)
        storm.check("settling after a press")

    w = Walker(Seen(), settle)
    w.install(monkeypatch)
    return w


def _feature_keys() -> list[str]:
    from desktop_app.app import load_features

    return [f.key for f in load_features()]


@pytest.mark.parametrize("key", _feature_keys())
def test_every_page_tab_dialog_and_menu_is_translated(qtbot, walker, language, demo_engine, demo_admin, qsettings, key):
    from desktop_app.app import build_main_window

    window = build_main_window(demo_engine, demo_admin, qsettings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_page(key)
    assert page is not None
    walker.settle()
    read_widget_tree(walker.seen, window)  # navigation, menus, status bar
    walker.read_window(page)
    assert len(walker.seen.texts) > 20  # the walk saw the page
    assert untranslated(walker.seen, language, data_words(demo_engine)) == []


FIELD = "Name"  # in the "Fields" context (desktop_app/core/validation.py)
REQUIRED = "is required; type the name as on the ID card."
CONFLICT = "Wrong user name or password."


def ops_title() -> str:
    return QCoreApplication.translate("ExportAction", "Exporting to Excel…")


def _read(walker, qtbot, widget, depth: int = 1) -> None:
    qtbot.addWidget(widget)
    widget.show()
    walker.read_window(widget, depth)


def test_shared_windows_boxes_and_the_kiosk_are_translated(qtbot, walker, language, demo_engine, demo_admin, qsettings,
                                                           engine, tmp_path):
    """What no page opens: sign-in, set-up wizard, settings, password, help, error report, the messages
    module's boxes, the progress dialog, the safety dialogs, the kiosk (welcome, PIN, a scanned card), the wall."""
    from sqlmodel import select

    from desktop_app.app import _special_window, build_main_window, make_services
    from desktop_app.core.errors import ConflictError, ValidationError
    from desktop_app.passports.models import Passport
    from desktop_app.safety import integrity
    from desktop_app.safety.ui.dialogs import DamagedDatabaseDialog
    from desktop_app.safety.ui.passphrase import EncryptionDialog, PassphraseDialog
    from desktop_app.ui import logs, messages, ops
    from desktop_app.ui.login import LoginDialog
    from desktop_app.ui.password_dialog import PasswordDialog
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.ui.wizard import SetupWizard

    seen = walker.seen
    window = build_main_window(demo_engine, demo_admin, qsettings)
    qtbot.addWidget(window)
    window.show()
    for open_help in (window.show_guide, window.show_shortcuts, window.show_about):
        dialog = open_help()
        walker.read_window(dialog, 0)
        dialog.close()
    _read(walker, qtbot, LoginDialog(demo_engine, "逍遥津社区党群服务中心", "admin"))
    _read(walker, qtbot, SettingsDialog(qsettings, engine=demo_engine, actor=demo_admin, backups=make_services().backups))
    _read(walker, qtbot, PasswordDialog(demo_engine, demo_admin))
    wizard = SetupWizard(engine, qsettings, services=make_services())  # a new database: the first start
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        _read(walker, qtbot, wizard, 0)
    try:
        raise ValueError("x")
    except ValueError as exc:
        _read(walker, qtbot, logs.ErrorDialog("ValueError: x", logs.details(ValueError, exc, exc.__traceback__),
                                              logs.log_path()), 0)

    # The messages module: a refusal, a bug, a note, a question; the progress dialog of long work.
    for box in (messages.show_error(window, ValidationError(FIELD, REQUIRED)),
                messages.show_error(window, ConflictError(CONFLICT)),
                messages.show_error(window, RuntimeError("boom")),
                messages.show_info(window, "逍遥津")):
        walker.read_window(box, 0)
        box.close()
    messages.Confirm.ask(window, "逍遥津")
    release = threading.Event()
    ops.run_op(window, lambda _progress: release.wait(10), None, title=ops_title(), show_after_ms=0)
    qtbot.waitUntil(lambda: any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    progress = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
    read_widget_tree(seen, progress)
    release.set()
    walker.settle()

    # Safety: the passphrase at start-up, encryption, a damaged database.
    _read(walker, qtbot, PassphraseDialog(tmp_path / "驿站.sqlite3"), 0)
    ctx = window.ctx
    _read(walker, qtbot, EncryptionDialog(ctx), 0)
    problem = integrity.Problem(integrity.DAMAGED, tmp_path / "驿站.sqlite3", "—")
    _read(walker, qtbot, DamagedDatabaseDialog(problem), 0)

    # The kiosk: welcome, PIN, a scanned passport's card; the smile wall.
    from desktop_app.core.db import session_scope

    with session_scope(demo_engine, write=False) as s:
        number = s.exec(select(Passport.number)).first()
    kiosk = _special_window("kiosk", demo_engine, qsettings)
    _read(walker, qtbot, kiosk, 0)
    kiosk.show_pin()
    walker.read_window(kiosk, 0)
    kiosk.show_welcome()
    kiosk.scan(number)
    walker.read_window(kiosk, 0)
    _read(walker, qtbot, _special_window("wall", demo_engine, qsettings), 0)

    found = untranslated(seen, language, data_words(demo_engine))
    assert {w.split(" ")[0] for w, _ in seen.texts} >= {"LoginDialog", "setupWizard", "messageBox", "kiosk", "wall", "QProgressDialog"}
    assert found == []


def test_dialogs_opened_on_a_chosen_record_are_translated(qtbot, walker, language, demo_engine, demo_admin, qsettings,
                                                         monkeypatch, tmp_path):
    """Dialogs the walk's first-row clicks do not reach, through the pages' own openers: every step of the
    desk's loop, a volunteer's hours, the import of an Excel register."""
    from openpyxl import Workbook

    from desktop_app.app import build_main_window
    from desktop_app.desk.models import Step
    from desktop_app.reports.ui import page as reports_page

    window = build_main_window(demo_engine, demo_admin, qsettings)
    qtbot.addWidget(window)
    window.show()
    seen = walker.seen

    desk = window.show_page("desk")
    walker.settle()
    desk.table.setCurrentIndex(desk.table.model().index(0, 0))
    walker.settle()
    assert desk.selected is not None
    for step in Step:
        walker.do(lambda s=step: desk.open_step(s), 1)

    rosters = window.show_page("rosters")
    rosters.tabs.setCurrentIndex([name for name, _cls in rosters._tab_makers].index("team_tab"))
    walker.settle()
    team = rosters.team_tab
    team.members.setCurrentIndex(team.members.model().index(0, 0))
    walker.do(team.show_hours, 1)

    book = tmp_path / "居民名册.xlsx"
    wb = Workbook()
    wb.active.title = "名册"
    wb.active.append(["姓名", "身份证号", "联系电话", "小区"])
    wb.active.append(["张桂英", "340104194803051522", "13812345678", "杏林花园"])
    wb.save(book)
    monkeypatch.setattr(reports_page.AskFile, "open", classmethod(lambda cls, *_a: str(book)))
    reports = window.show_page("reports")
    walker.do(reports.choose_import, 1)

    safety = window.show_page("admin").tab("safety")  # a resident's erasure request, asked on a chosen resident
    safety.open_personal_data()
    personal = safety.personal_dialog
    with demo_engine.connect() as conn:
        name = conn.exec_driver_sql("SELECT name FROM resident WHERE NOT erased ORDER BY id LIMIT 1").scalar_one()
    personal.picker.box.setText(name)
    personal.picker.box.flush()
    walker.settle()
    qtbot.keyClick(personal.picker.box, Qt.Key.Key_Return)
    walker.settle()
    assert personal.resident_id is not None
    walker.do(personal.ask_erasure, 1)
    personal.reject()

    names = {w.split(" ")[0] for w, _ in seen.texts}
    found = untranslated(seen, language, data_words(demo_engine))
    assert {f"deskStep_{s}" for s in Step} <= names and "ImportDialog" in " ".join(names), names
    assert any(w.startswith("HoursDialog") for w in names), names
    assert any(w.startswith("erasePersonalData") for w in names), names
    assert found == []
