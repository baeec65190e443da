"""Every control has a name a screen reader can say; tab order follows what the eye reads."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop_app.ui.accessibility import accessible_name, controls, name_unnamed_controls, unnamed_controls


def _names(widgets) -> list[str]:
    return [f"{type(w).__name__}:{w.objectName()}" for w in widgets]


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _services():
    from desktop_app.app import make_services

    return make_services()


def _wizard(engine, admin, make_actor, qsettings):
    from desktop_app.ui.wizard import SetupWizard

    return SetupWizard(engine, qsettings, services=_services())


def _settings_admin(engine, admin, make_actor, qsettings):
    from desktop_app.ui.settings_dialog import SettingsDialog

    return SettingsDialog(qsettings, engine=engine, actor=admin, backups=_services().backups)


def _settings_front_desk(engine, admin, make_actor, qsettings):
    from desktop_app.ui.settings_dialog import SettingsDialog

    return SettingsDialog(qsettings, engine=engine, actor=make_actor("front_desk"), backups=_services().backups)


def _error(engine, admin, make_actor, qsettings):
    from desktop_app.ui import logs

    try:
        raise ValueError("x")
    except ValueError as exc:
        return logs.ErrorDialog("ValueError: x", logs.details(ValueError, exc, exc.__traceback__), logs.log_path())


def _guide(*_):
    from desktop_app.ui.help import GuideDialog

    return GuideDialog("zh_CN")


def _shortcuts(*_):
    from desktop_app.ui.help import ShortcutsDialog

    return ShortcutsDialog()


def _about(*_):
    from desktop_app.ui.help import AboutDialog

    return AboutDialog()


def _login(engine, *_):
    from desktop_app.ui.login import LoginDialog

    return LoginDialog(engine, "逍遥津社区党群服务中心", "admin")


DIALOGS = [_wizard, _settings_admin, _settings_front_desk, _error, _guide, _shortcuts, _about, _login]


@pytest.mark.parametrize("build", DIALOGS, ids=[f.__name__.strip("_") for f in DIALOGS])
def test_every_control_of_the_dialogs_has_a_name(qtbot, engine, admin, make_actor, qsettings, build, wait_ops):
    dialog = build(engine, admin, make_actor, qsettings)
    qtbot.addWidget(dialog)
    wait_ops()  # the settings dialog fills its station page in when the values arrive
    assert controls(dialog)  # the walk found the controls
    assert _names(unnamed_controls(dialog)) == []


def test_the_checker_catches_an_unnamed_control_and_the_fallback_names_it(qtbot):
    from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableWidget, QVBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    lay = QVBoxLayout(top)
    bare = QLineEdit()
    labelled = QComboBox()  # a caption in front of it, but not set as its buddy
    searched = QLineEdit()
    searched.setPlaceholderText("搜索居民")
    table = QTableWidget(1, 2)
    table.setHorizontalHeaderLabels(["姓名", "电话"])
    row = QHBoxLayout()
    row.addWidget(QLabel("类别"))
    row.addWidget(labelled)
    lay.addWidget(bare)
    lay.addLayout(row)
    lay.addWidget(searched)
    lay.addWidget(table)
    assert set(unnamed_controls(top)) == {bare, labelled, searched, table}
    assert name_unnamed_controls(top) == 3
    assert unnamed_controls(top) == [bare]
    assert accessible_name(searched) == "搜索居民" and accessible_name(table) == "姓名, 电话"
    assert accessible_name(labelled) == "类别"


# Controls feature pages leave unnamed even after the fallback (no label, placeholder or tool tip).
# Owners: name them (setAccessibleName or a QLabel buddy) and delete the entry; the test fails until then
# and fails again if a page gains a new unnamed control.
KNOWN_GAPS: dict[str, set[str]] = {
    "meals": {"QComboBox:volunteer"},
}


def _feature_keys() -> list[str]:
    from desktop_app.app import load_features

    return [f.key for f in load_features()]


@pytest.mark.parametrize("key", _feature_keys())
def test_every_control_of_each_page_has_a_name(qtbot, ctx, key):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    page = window.show_page(key)
    assert page is not None
    # Tabs are built when first shown (ui.widgets.LazyTabs): show each, so every tab's controls are checked.
    for tabs in [page, *page.findChildren(QTabWidget)]:
        if isinstance(tabs, QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
    assert set(_names(unnamed_controls(page))) == KNOWN_GAPS.get(key, set())


def test_navigation_and_menus_are_named(qtbot, ctx):
    from desktop_app.app import load_features
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ctx, load_features())
    qtbot.addWidget(window)
    assert accessible_name(window.nav)
    assert all(window.nav.item(r).text() for r in range(window.nav.count()))
    for action in window.menuBar().actions():
        assert action.text().replace("&", "")
        assert all(a.text() for a in action.menu().actions() if not a.isSeparator())


def _focus_order(first: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    order, w = [], first
    for _ in range(500):
        if w in wanted and w not in order:
            order.append(w)
        w = w.nextInFocusChain()
        if w is first:
            break
    return order


def test_tab_order_follows_the_wizard_forms(qtbot, engine, qsettings):
    from desktop_app.ui.wizard import SetupWizard

    wizard = SetupWizard(engine, qsettings, services=_services())
    qtbot.addWidget(wizard)
    edits = list(wizard.station_page.edits.values())
    assert _focus_order(edits[0], edits) == edits
    admin = wizard.admin_page
    fields = [admin.username, admin.display, admin.password, admin.password2]
    assert _focus_order(fields[0], fields) == fields
    backup = [wizard.backup_page.folder, wizard.backup_page.choose]
    assert _focus_order(backup[0], backup) == backup


def test_tab_order_follows_the_settings_form(qtbot, engine, admin, qsettings, wait_ops):
    from desktop_app import settings as opts
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin, backups=_services().backups)
    qtbot.addWidget(dialog)
    wait_ops()
    machine = [dialog.fields[s.key].widget for s in opts.SETTINGS if s.scope == "machine"]
    assert _focus_order(machine[0], machine) == machine
    station = [*dialog.station_edits.values(), dialog.fields[opts.IDLE_LOCK_MINUTES.key].widget, dialog.backup_folder]
    assert _focus_order(station[0], station) == station
