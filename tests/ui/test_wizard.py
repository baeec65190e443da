"""The first-run wizard, driven page by page as a new station's administrator would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWizard
from sqlmodel import select

from desktop_app import settings as opts
from desktop_app.core import auth
from desktop_app.core.db import session_scope
from desktop_app.core.models import AuditEntry, StaffUser, Station


@pytest.fixture
def wizard(qtbot, engine, tmp_path):
    from desktop_app.app import make_services
    from desktop_app.ui.wizard import SetupWizard

    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = SetupWizard(engine, qsettings, services=make_services())
    qtbot.addWidget(w)
    w.show()
    yield w
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import translation
    from desktop_app.ui.settings_dialog import apply_style

    translation.install(QApplication.instance(), "en")  # the wizard applies choices app-wide at once
    apply_style(QApplication.instance(), "normal")
    QApplication.instance().setStyleSheet("")


def click(qtbot, wizard, which) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton


def test_a_new_station_is_set_up_through_the_wizard(qtbot, wizard, engine, tmp_path, wait_ops):
    page = wizard.language_page
    page.style.setCurrentIndex(page.style.findData("large-text"))
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.station_page
    assert not wizard.button(NEXT).isEnabled()  # the station's name is required
    station = wizard.station_page.edits
    station["name"].setText("逍遥津社区党群服务中心")
    station["code"].clear()
    qtbot.keyClicks(station["code"], "xyj")
    station["sub_district"].setText("逍遥津街道")
    station["address"].setText("安庆路 1 号")
    qtbot.keyClicks(station["phone"], "0551-62600000")
    click(qtbot, wizard, NEXT)
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    admin.display.setText("王芳")
    qtbot.keyClicks(admin.password, "station-pass-1")
    qtbot.keyClicks(admin.password2, "station-pass-2")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is admin and admin.error.isVisibleTo(wizard)  # passwords differ
    admin.password2.clear()
    qtbot.keyClicks(admin.password2, "station-pass-1")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.data_page
    qtbot.mouseClick(wizard.data_page.demo, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.backup_page
    with session_scope(engine, write=False) as s:
        assert auth.needs_setup(s)  # nothing written before the last page
    wizard.backup_page.folder.setText(str(tmp_path / "U盘备份"))
    click(qtbot, wizard, FINISH)
    wait_ops()  # the station is written off the GUI thread; then the wizard closes
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.actor is not None and wizard.actor.role == auth.Role.ADMIN and wizard.demo
    with session_scope(engine, write=False) as s:
        st = s.exec(select(Station)).one()
        assert (st.name, st.code, st.sub_district, st.address, st.phone) == (
            "逍遥津社区党群服务中心", "XYJ", "逍遥津街道", "安庆路 1 号", "0551-62600000")
        user = s.exec(select(StaffUser)).one()
        assert (user.username, user.display_name) == ("admin", "王芳")
        assert s.exec(select(AuditEntry).where(AuditEntry.entity == "station")).all()
    assert auth.sign_in(engine, username="admin", password="station-pass-1").display_name == "王芳"
    assert opts.get(wizard.settings, opts.STYLE) == "large-text"
    from desktop_app.safety import backups

    with session_scope(engine, write=False) as s:
        assert backups.backup_folder(s, wizard.actor.station_id) == tmp_path / "U盘备份"


def test_without_the_safety_feature_the_wizard_ends_on_the_data_page(qtbot, engine, tmp_path, wait_ops):
    from desktop_app.ui.wizard import SetupWizard

    wizard = SetupWizard(engine, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, NEXT)
    wizard.station_page.edits["name"].setText("双岗社区")
    click(qtbot, wizard, NEXT)
    wizard.admin_page.password.setText("station-pass-1")
    wizard.admin_page.password2.setText("station-pass-1")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.data_page and wizard.button(FINISH).isVisible()
    click(qtbot, wizard, FINISH)
    wait_ops()
    assert wizard.result() == QWizard.DialogCode.Accepted and not wizard.demo


def test_an_unwritable_backup_folder_keeps_the_wizard_open_and_writes_nothing(qtbot, wizard, engine, wait_ops):
    click(qtbot, wizard, NEXT)
    wizard.station_page.edits["name"].setText("双岗社区")
    click(qtbot, wizard, NEXT)
    wizard.admin_page.password.setText("station-pass-1")
    wizard.admin_page.password2.setText("station-pass-1")
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    wizard.backup_page.folder.setText("备份")  # not a full path
    click(qtbot, wizard, FINISH)
    wait_ops()
    assert wizard.button(FINISH).isEnabled()
    assert wizard.currentPage() is wizard.backup_page and wizard.backup_page.error.isVisibleTo(wizard)
    with session_scope(engine, write=False) as s:
        assert auth.needs_setup(s)  # the station and administrator were rolled back with it


def test_a_bad_station_code_keeps_the_wizard_on_the_station_page(qtbot, wizard):
    click(qtbot, wizard, NEXT)
    wizard.station_page.edits["name"].setText("双岗社区")
    wizard.station_page.edits["code"].setText("双岗")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.station_page
    assert wizard.station_page.error.isVisibleTo(wizard)


def test_a_short_password_is_refused_before_anything_is_written(qtbot, wizard, engine):
    click(qtbot, wizard, NEXT)
    wizard.station_page.edits["name"].setText("双岗社区")
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.admin_page.password, "short")
    qtbot.keyClicks(wizard.admin_page.password2, "short")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.admin_page
    assert "8" in wizard.admin_page.error.text()
    with session_scope(engine, write=False) as s:
        assert auth.needs_setup(s)


def test_choosing_chinese_translates_the_wizard_at_once(qtbot, wizard):
    page = wizard.language_page
    page.language.setCurrentIndex(page.language.findData("en"))
    assert wizard.windowTitle() == "Set up SmileDesk"
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: wizard.windowTitle() != "Set up SmileDesk")
    assert "设置" in wizard.windowTitle() or "微笑驿站" in wizard.windowTitle()
    assert page.title() != "Welcome to SmileDesk 微笑驿站"


def test_choosing_large_text_applies_it_at_once(qtbot, wizard, qapp):
    from desktop_app.ui.settings_dialog import style_path

    page = wizard.language_page
    page.style.setCurrentIndex(page.style.findData("high-contrast"))
    assert qapp.styleSheet() == style_path("high-contrast").read_text(encoding="utf-8")
    page.style.setCurrentIndex(page.style.findData("normal"))
    assert qapp.styleSheet() == style_path("normal").read_text(encoding="utf-8")
