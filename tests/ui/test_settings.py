"""Settings declared once (desktop_app/settings.py): stores, permissions, audit, the dialog, daily backups."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from sqlmodel import select

from desktop_app import settings as opts
from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.core.models import AuditEntry, Station, StationSetting


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_every_setting_is_declared_once_with_a_valid_default():
    assert len({s.key for s in opts.SETTINGS}) == len(opts.SETTINGS)
    for s in opts.SETTINGS:
        assert s.title and s.group in opts.GROUPS and s.scope in ("station", "machine")
        assert opts._check(s, s.default) == s.default


def test_machine_settings_round_trip_through_an_ini_file(qsettings, tmp_path):
    assert opts.get(qsettings, opts.STYLE) == "normal"
    opts.put(qsettings, opts.STYLE, "high-contrast")
    opts.put(qsettings, opts.IDLE_LOCK_MINUTES, 25)
    opts.put(qsettings, opts.DAILY_BACKUP, False)
    qsettings.sync()
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert opts.get(again, opts.STYLE) == "high-contrast"
    assert opts.get(again, opts.IDLE_LOCK_MINUTES) == 25
    assert opts.get(again, opts.DAILY_BACKUP) is False


def test_unreadable_stored_values_fall_back_to_the_default(qsettings):
    qsettings.setValue("ui/style", "purple")
    qsettings.setValue("security/idle_lock_minutes", "soon")
    assert opts.get(qsettings, opts.STYLE) == "normal"
    assert opts.get(qsettings, opts.IDLE_LOCK_MINUTES) == 10
    with pytest.raises(ValidationError):
        opts.put(qsettings, opts.IDLE_LOCK_MINUTES, 999)
    with pytest.raises(ValidationError):
        opts.put(qsettings, opts.STYLE, "purple")


def test_admin_changes_a_station_setting_and_it_is_audited(engine, admin):
    with session_scope(engine) as s:
        assert opts.station_value(s, opts.BACKUP_KEEP) == 30
        opts.save_station_settings(s, actor=admin, values={"backup.keep": 7})
    with session_scope(engine, write=False) as s:
        assert opts.station_value(s, opts.BACKUP_KEEP) == 7
        row = s.exec(select(StationSetting).where(StationSetting.key == "backup.keep")).one()
        assert row.value == "7" and row.station_id == admin.station_id
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity == "station_setting")).one()
        assert '"backup.keep": 7' in entry.after and '"backup.keep": 30' in entry.before


@pytest.mark.parametrize("role", ["coordinator", "front_desk", "kiosk"])
def test_only_administrators_change_station_settings(engine, make_actor, role):
    actor = make_actor(role)
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        opts.save_station_settings(s, actor=actor, values={"backup.keep": 3})
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        opts.update_station_details(s, actor=actor, details=opts.StationDetails("别的名字", "SQK"))
    with session_scope(engine, write=False) as s:
        assert opts.station_value(s, opts.BACKUP_KEEP) == 30
        assert opts.station_details(s).name == "逍遥津社区党群服务中心"


def test_bad_station_values_are_refused_and_nothing_is_written(engine, admin):
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.save_station_settings(s, actor=admin, values={"backup.keep": 0})
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.update_station_details(s, actor=admin, details=opts.StationDetails("  ", "SQK"))
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.update_station_details(s, actor=admin, details=opts.StationDetails("驿站", "S Q"))
    with session_scope(engine, write=False) as s:
        assert s.exec(select(StationSetting).where(StationSetting.key == "backup.keep")).first() is None
        assert opts.station_details(s).code == "SQK"


def test_station_details_are_updated_and_audited(engine, admin):
    details = opts.StationDetails("逍遥津社区党群服务中心", "xyj", "逍遥津街道", "安庆路 1 号", "0551-1234567")
    with session_scope(engine) as s:
        opts.update_station_details(s, actor=admin, details=details)
    with session_scope(engine, write=False) as s:
        station = s.exec(select(Station)).one()
        assert (station.code, station.sub_district, station.address) == ("XYJ", "逍遥津街道", "安庆路 1 号")
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity == "station", AuditEntry.action == "update")).one()
        assert "安庆路" in entry.after


def test_daily_backup_once_a_day_keeping_the_newest(engine, admin, tmp_path):
    folder = tmp_path / "usb"
    for day in (1, 2, 3, 4):
        made = opts.backup_if_due(engine, folder, keep=2, now=datetime(2026, 11, day, 9))
        assert made is not None and made.exists()
    assert opts.backup_if_due(engine, folder, keep=2, now=datetime(2026, 11, 4, 17)) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["smiledesk-daily-20261103.sqlite3", "smiledesk-daily-20261104.sqlite3"]
    assert opts.last_backup(folder) == datetime(2026, 11, 4)
    import sqlite3

    with sqlite3.connect(folder / names[-1]) as conn:  # a real, readable copy
        assert conn.execute("select name from station").fetchone()[0] == "逍遥津社区党群服务中心"


def test_settings_dialog_saves_both_scopes(qtbot, engine, admin, qsettings, tmp_path):
    from desktop_app.ui.settings_dialog import SettingsDialog, idle_minutes

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin)
    qtbot.addWidget(dialog)
    fields = dialog.fields
    fields["ui/style"].widget.setCurrentIndex(fields["ui/style"].widget.findData("large-text"))
    fields["ui/language"].widget.setCurrentIndex(fields["ui/language"].widget.findData("zh_CN"))
    spin = fields["security/idle_lock_minutes"].widget
    spin.selectAll()
    qtbot.keyClicks(spin, "15")
    fields["backup/folder"].widget.setText(str(tmp_path / "备份"))
    dialog.station_edits["address"].setText("安庆路 1 号")
    fields["backup.keep"].widget.setValue(14)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     qtbot_button())
    assert dialog.result() == dialog.DialogCode.Accepted
    assert opts.get(qsettings, opts.STYLE) == "large-text"
    assert opts.get(qsettings, opts.LANGUAGE) == "zh_CN"
    assert idle_minutes(qsettings) == 15
    assert opts.backup_folder(qsettings) == tmp_path / "备份"
    with session_scope(engine, write=False) as s:
        assert opts.station_details(s).address == "安庆路 1 号"
        assert opts.station_value(s, opts.BACKUP_KEEP) == 14


def test_settings_dialog_shows_errors_and_keeps_everything_unsaved(qtbot, engine, admin, qsettings):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin)
    qtbot.addWidget(dialog)
    dialog.fields["ui/style"].widget.setCurrentIndex(2)
    dialog.station_edits["name"].setText("")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    assert opts.get(qsettings, opts.STYLE) == "normal"


def test_front_desk_sees_station_settings_read_only(qtbot, engine, make_actor, qsettings):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=make_actor("front_desk"))
    qtbot.addWidget(dialog)
    assert not dialog.station_edits["name"].isEnabled()
    assert not dialog.fields["backup.keep"].widget.isEnabled()
    assert dialog.fields["ui/style"].widget.isEnabled()
    dialog.fields["ui/style"].widget.setCurrentIndex(1)
    dialog.save()  # this computer's settings still save
    assert opts.get(qsettings, opts.STYLE) == "large-text"


def test_styles_exist_and_apply(qapp):
    from desktop_app.ui.settings_dialog import apply_style, style_path

    for name in opts.STYLES:
        assert style_path(name).exists()
        assert apply_style(qapp, name) == name
        assert qapp.styleSheet() == style_path(name).read_text(encoding="utf-8")
    assert apply_style(qapp, "nonsense") == "normal"
    qapp.setStyleSheet("")


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_saving_settings_in_the_running_app_applies_style_and_station_name(qtbot, qapp, engine, admin, qsettings, monkeypatch):
    from desktop_app.app import Session
    from desktop_app.ui.settings_dialog import SettingsDialog, style_path

    def person_edits(self) -> int:
        self.fields["ui/style"].widget.setCurrentIndex(self.fields["ui/style"].widget.findData("high-contrast"))
        self.fields["security/idle_lock_minutes"].widget.setValue(3)
        self.station_edits["name"].setText("双岗社区党群服务中心")
        self.save()
        return self.result()

    monkeypatch.setattr(SettingsDialog, "exec", person_edits)
    session = Session(qapp, engine, qsettings)
    session.actor = admin
    session.open_window()
    first = session.window
    try:
        session.open_settings()
        assert qapp.styleSheet() == style_path("high-contrast").read_text(encoding="utf-8")
        assert session.idle.interval_ms == 3 * 60_000
        assert session.window is not first and "双岗社区党群服务中心" in session.window.windowTitle()
    finally:
        session.window.close()
        qapp.setStyleSheet("")
        session.idle.set_minutes(0)


def test_a_refused_value_names_the_setting_in_chinese(qapp, engine, admin):
    from desktop_app.ui import translation

    translation.install(qapp, "zh_CN")
    try:
        with pytest.raises(ValidationError) as refused, session_scope(engine) as s:
            opts.save_station_settings(s, actor=admin, values={"backup.keep": 0})
        assert refused.value.text().startswith("保留每日备份的份数")
        assert "1" in refused.value.text() and "365" in refused.value.text()
    finally:
        translation.install(qapp, "en")
