"""Settings declared once (desktop_app/settings.py): stores, permissions, audit, the dialog."""

from __future__ import annotations

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
        assert opts.check_value(s, s.default) == s.default


def test_machine_settings_round_trip_through_an_ini_file(qsettings, tmp_path):
    assert opts.get(qsettings, opts.STYLE) == "normal"
    opts.put(qsettings, opts.STYLE, "high-contrast")
    opts.put(qsettings, opts.LANGUAGE, "zh_CN")
    qsettings.sync()
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert opts.get(again, opts.STYLE) == "high-contrast"
    assert opts.get(again, opts.LANGUAGE) == "zh_CN"
    with pytest.raises(AssertionError):  # a station setting never goes to this computer's file
        opts.put(qsettings, opts.IDLE_LOCK_MINUTES, 5)


def test_unreadable_stored_values_fall_back_to_the_default(qsettings):
    qsettings.setValue("ui/style", "purple")
    qsettings.setValue("ui/language", "fr")
    assert opts.get(qsettings, opts.STYLE) == "normal"
    assert opts.get(qsettings, opts.LANGUAGE) == ""
    with pytest.raises(ValidationError):
        opts.put(qsettings, opts.STYLE, "purple")


def test_admin_changes_a_station_setting_and_it_is_audited(engine, admin):
    key = opts.IDLE_LOCK_MINUTES.key
    with session_scope(engine) as s:
        assert opts.station_value(s, opts.IDLE_LOCK_MINUTES) == 10
        opts.save_station_settings(s, actor=admin, values={key: 3})
    with session_scope(engine, write=False) as s:
        assert opts.station_value(s, opts.IDLE_LOCK_MINUTES) == 3
        row = s.exec(select(StationSetting).where(StationSetting.key == key)).one()
        assert row.value == "3" and row.station_id == admin.station_id
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity == "station_setting")).one()
        assert f'"{key}": 3' in entry.after and f'"{key}": 10' in entry.before


@pytest.mark.parametrize("role", ["coordinator", "front_desk", "kiosk"])
def test_only_administrators_change_station_settings(engine, make_actor, role):
    actor = make_actor(role)
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        opts.save_station_settings(s, actor=actor, values={opts.IDLE_LOCK_MINUTES.key: 0})
    with pytest.raises(PermissionDenied), session_scope(engine) as s:
        opts.update_station_details(s, actor=actor, details=opts.StationDetails("别的名字", "SQK"))
    with session_scope(engine, write=False) as s:
        assert opts.station_value(s, opts.IDLE_LOCK_MINUTES) == 10
        assert opts.station_details(s).name == "逍遥津社区党群服务中心"


def test_bad_station_values_are_refused_and_nothing_is_written(engine, admin):
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.save_station_settings(s, actor=admin, values={opts.IDLE_LOCK_MINUTES.key: 999})
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.update_station_details(s, actor=admin, details=opts.StationDetails("  ", "SQK"))
    with pytest.raises(ValidationError), session_scope(engine) as s:
        opts.update_station_details(s, actor=admin, details=opts.StationDetails("驿站", "S Q"))
    with session_scope(engine, write=False) as s:
        assert s.exec(select(StationSetting).where(StationSetting.key == opts.IDLE_LOCK_MINUTES.key)).first() is None
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


def _backups():
    from desktop_app.app import make_services

    return make_services().backups


def test_settings_dialog_saves_both_scopes(qtbot, engine, admin, qsettings, tmp_path, wait_ops):
    from desktop_app import startup
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin, backups=_backups())
    qtbot.addWidget(dialog)
    wait_ops()  # the station's page is read off the GUI thread
    fields = dialog.fields
    fields["ui/style"].widget.setCurrentIndex(fields["ui/style"].widget.findData("large-text"))
    fields["ui/language"].widget.setCurrentIndex(fields["ui/language"].widget.findData("zh_CN"))
    spin = fields[opts.IDLE_LOCK_MINUTES.key].widget
    spin.selectAll()
    qtbot.keyClicks(spin, "15")
    dialog.backup_folder.setText(str(tmp_path / "备份"))
    dialog.station_edits["address"].setText("安庆路 1 号")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     qtbot_button())
    wait_ops()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert opts.get(qsettings, opts.STYLE) == "large-text"
    assert opts.get(qsettings, opts.LANGUAGE) == "zh_CN"
    assert startup.read(engine).idle_minutes == 15 == dialog.idle_minutes
    with session_scope(engine, write=False) as s:
        assert opts.station_details(s).address == "安庆路 1 号"
        assert _backups().backup_folder(s, admin.station_id) == tmp_path / "备份"
    assert (tmp_path / "备份").is_dir()  # the safety service checked it can write there


def test_settings_dialog_shows_errors_and_keeps_everything_unsaved(qtbot, engine, admin, qsettings, wait_ops):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin)
    qtbot.addWidget(dialog)
    wait_ops()
    dialog.fields["ui/style"].widget.setCurrentIndex(2)
    dialog.station_edits["name"].setText("")
    dialog.save()
    wait_ops()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    assert opts.get(qsettings, opts.STYLE) == "normal"


def test_a_backup_folder_the_safety_service_refuses_is_shown_and_nothing_is_saved(qtbot, engine, admin, qsettings, wait_ops):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=admin, backups=_backups())
    qtbot.addWidget(dialog)
    wait_ops()
    dialog.station_edits["address"].setText("安庆路 1 号")
    dialog.backup_folder.setText("U盘/备份")  # not a full path
    dialog.save()
    wait_ops()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.error.text()
    with session_scope(engine, write=False) as s:
        assert opts.station_details(s).address == ""  # one transaction: the address was not saved either


def test_front_desk_sees_station_settings_read_only(qtbot, engine, make_actor, qsettings, wait_ops):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=make_actor("front_desk"))
    qtbot.addWidget(dialog)
    wait_ops()
    assert not dialog.station_edits["name"].isEnabled()
    assert not dialog.fields[opts.IDLE_LOCK_MINUTES.key].widget.isEnabled()
    assert dialog.fields["ui/style"].widget.isEnabled()
    dialog.fields["ui/style"].widget.setCurrentIndex(1)
    dialog.save()  # this computer's settings still save
    wait_ops()
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


def test_saving_settings_in_the_running_app_applies_style_and_station_name(qtbot, qapp, engine, admin, qsettings, monkeypatch,
                                                                           wait_ops):
    from desktop_app.app import Session
    from desktop_app.ui.settings_dialog import SettingsDialog, style_path

    def person_edits(self) -> int:
        wait_ops()
        self.fields["ui/style"].widget.setCurrentIndex(self.fields["ui/style"].widget.findData("high-contrast"))
        self.fields[opts.IDLE_LOCK_MINUTES.key].widget.setValue(3)
        self.station_edits["name"].setText("双岗社区党群服务中心")
        self.save()
        wait_ops()
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
            opts.save_station_settings(s, actor=admin, values={opts.IDLE_LOCK_MINUTES.key: 999})
        assert refused.value.text().startswith("无人操作多少分钟后锁屏")
        assert "0" in refused.value.text() and "240" in refused.value.text()
    finally:
        translation.install(qapp, "en")


def _open_settings(qtbot, qsettings, engine, actor, wait_ops):
    from desktop_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(qsettings, engine=engine, actor=actor)
    qtbot.addWidget(dialog)
    wait_ops()
    return dialog


def _save(dialog, wait_ops) -> None:
    dialog.save()
    wait_ops()


@pytest.mark.parametrize("two_engines", [False, True], ids=["one PC", "two PCs"])
def test_a_stale_settings_dialog_is_refused_and_offers_the_saved_version(qtbot, engine, admin, qsettings, tmp_path,
                                                                        wait_ops, two_engines):
    """Issue 14 item 3: two administrators open Settings; the second save is refused with who and when, nothing
    of the first is overwritten, and Reload shows what was saved."""
    from desktop_app.core.db import make_engine

    other_engine = engine
    if two_engines:
        if engine.dialect.name != "sqlite":
            pytest.skip("two engines on one SQLite file")
        other_engine = make_engine(f"sqlite:///{engine.url.database}")
    first = _open_settings(qtbot, qsettings, engine, admin, wait_ops)
    second = _open_settings(qtbot, QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat), other_engine,
                            admin, wait_ops)
    first.station_edits["address"].setText("安庆路 1 号")
    _save(first, wait_ops)
    assert first.result() == first.DialogCode.Accepted
    second.station_edits["address"].setText("长江路 9 号")
    second.station_edits["phone"].setText("0551-1111111")
    _save(second, wait_ops)
    assert second.result() != second.DialogCode.Accepted
    assert "admin" in second.error.text() and "after you opened it" in second.error.text()
    assert second.reload_button.isVisibleTo(second)
    with session_scope(engine, write=False) as s:
        stored = opts.station_details(s)
        assert (stored.address, stored.phone) == ("安庆路 1 号", "")  # the first save stands, nothing of the second
        assert len(s.exec(select(AuditEntry).where(AuditEntry.entity == "station", AuditEntry.action == "update")).all()) == 1
    second.reload_button.click()
    wait_ops()
    assert second.station_edits["address"].text() == "安庆路 1 号" and not second.reload_button.isVisibleTo(second)
    second.station_edits["phone"].setText("0551-1111111")
    _save(second, wait_ops)  # on the reloaded version the change goes through
    assert second.result() == second.DialogCode.Accepted
    with session_scope(engine, write=False) as s:
        stored = opts.station_details(s)
        assert (stored.address, stored.phone) == ("安庆路 1 号", "0551-1111111")
    if two_engines:
        other_engine.dispose()
