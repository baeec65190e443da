"""The settings dialog: every setting of desktop_app/settings.py, grouped; this computer and the station.

Fields are built from the declarations (a choice → combo box, a number → spin box, yes/no → check
box, text → line edit), so a new setting needs no new widget code. Station-wide settings, the
station's details and the backup folder (the safety feature's, reached through ``interfaces.Backups``) are saved
through their services in one transaction (administrators only, audited); other roles see them
read-only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings as opts
from desktop_app.core import paths
from desktop_app.core.errors import SmileDeskError
from desktop_app.ui import ops
from desktop_app.ui.messages import report_text

DEFAULT_IDLE_MINUTES = opts.IDLE_LOCK_MINUTES.default


def tr_setting(text: str) -> str:
    return QCoreApplication.translate("Settings", text) if text else ""


def tr_field(text: str) -> str:
    return QCoreApplication.translate("Fields", text)


def style_path(name: str) -> Path:
    return paths.resources_dir() / "styles" / f"{name if name in opts.STYLES else opts.STYLE.default}.qss"


# What the application's style sheet becomes when a style's file is missing: never empty. Emptying it deletes
# Qt's style-sheet style and with it the caches (Qt 6.11, qstylesheetstyle.cpp). A widget the old caches had
# styled but that was never shown — a table's hidden scroll bar, measured for its size hint — keeps
# Qt::WA_StyleSheet, and ``initObject`` takes that attribute to mean "already watched": the new caches store it
# without connecting its ``destroyed`` signal, so once it is deleted the next restyle walks freed memory (the
# worker crashes in ``setStyleSheet`` of 2026-12; tests/ui/test_style_cache.py replays it).
NO_STYLE_SHEET = "/* SmileDesk: no style sheet */"


def apply_style(app: QApplication, name: str) -> str:
    """Apply resources/styles/<name>.qss to the whole application; returns the style applied."""
    name = name if name in opts.STYLES else opts.STYLE.default
    path = style_path(name)
    sheet = path.read_text(encoding="utf-8") if path.exists() else ""
    app.setStyleSheet(sheet or NO_STYLE_SHEET)
    from desktop_app.ui import tones

    tones.restyled()
    return name


class SettingField:
    """One declared setting's editor: the widget, and reading/writing its value."""

    def __init__(self, setting: opts.Setting, value, parent: QWidget) -> None:
        self.setting = setting
        name = setting.key.replace("/", "_").replace(".", "_")
        title = tr_setting(setting.title)
        if setting.choices:
            w = QComboBox(parent)
            for stored, label in setting.choices:
                w.addItem(tr_setting(label), stored)
            w.setCurrentIndex(max(0, w.findData(value)))
        elif setting.kind is bool:
            w = QCheckBox(title, parent)
            w.setChecked(bool(value))
        elif setting.kind is int:
            w = QSpinBox(parent)
            w.setRange(setting.minimum, setting.maximum)
            w.setValue(int(value))
        else:
            w = QLineEdit(str(value), parent)
        w.setObjectName(name)
        w.setAccessibleName(title)
        if setting.help:
            w.setToolTip(tr_setting(setting.help))
            w.setAccessibleDescription(tr_setting(setting.help))
        self.widget = w
        self.editor: QWidget = w

    def value(self):
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        return w.text()

    def set_value(self, value) -> None:
        """Show ``value`` (a reloaded station setting)."""
        w = self.widget
        if isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        else:
            w.setText(str(value))

    def add_to(self, form: QFormLayout) -> None:
        if isinstance(self.widget, QCheckBox):
            form.addRow(self.editor)
        else:
            label = QLabel(tr_setting(self.setting.title))
            label.setBuddy(self.widget)
            label.setWordWrap(True)
            form.addRow(label, self.editor)
        if self.setting.help:
            note = QLabel(tr_setting(self.setting.help))
            note.setWordWrap(True)
            note.setObjectName("settingsNote")
            form.addRow("", note)


class SettingsDialog(QDialog):
    """Settings of this computer and, with a database, of the whole station.

    The station's page is read through ``ui.ops`` and filled in when it arrives; Save writes the station's
    part in one transaction off the GUI thread, then this computer's part. After it is accepted,
    ``station_name`` and ``idle_minutes`` are the station's as saved (None without a database)."""

    def __init__(self, settings, parent=None, *, engine=None, actor=None, backups=None) -> None:
        super().__init__(parent)
        self.settings, self.engine, self.actor = settings, engine, actor
        self.backups = backups  # interfaces.Backups of the safety feature, None without it
        self.backup_folder: QLineEdit | None = None
        self.backup_folder_loaded = ""
        self.can_edit_station = False
        self.station_loaded = False
        self.station_name: str | None = None
        self.idle_minutes: int | None = None
        self.station_version: int | None = None  # handed back on Save: a newer save in between is refused
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.fields: dict[str, SettingField] = {}
        self.station_edits: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.addTab(self._machine_tab(), self.tr("This computer"))
        self.station_tab: QWidget | None = None
        if engine is not None:
            self.station_tab = self._station_tab()
            self.tabs.addTab(self.station_tab, self.tr("Station"))
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.hide()
        self.reload_button = QPushButton(self.tr("Reload the station's settings"))
        self.reload_button.setObjectName("reloadStation")
        self.reload_button.clicked.connect(self.reload_station)
        self.reload_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons = buttons
        buttons.setObjectName("settingsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.error)
        lay.addWidget(self.reload_button)
        lay.addWidget(buttons)
        self.setMinimumWidth(620)
        if self.station_tab is not None:
            self._load_station()

    # --- pages ----------------------------------------------------------------------------------
    def _group_box(self, group: str, scope: str, values: dict) -> QGroupBox | None:
        members = [s for s in opts.SETTINGS if s.group == group and s.scope == scope]
        if not members:
            return None
        box = QGroupBox(tr_setting(group))
        box.setObjectName(f"group-{scope}-{opts.GROUPS.index(group)}")
        form = QFormLayout(box)
        for setting in members:
            field = SettingField(setting, values[setting.key], box)
            field.add_to(form)
            self.fields[setting.key] = field
        return box

    def _machine_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("machineTab")
        lay = QVBoxLayout(page)
        values = {s.key: opts.get(self.settings, s) for s in opts.SETTINGS if s.scope == "machine"}
        for group in opts.GROUPS:
            box = self._group_box(group, "machine", values)
            if box is not None:
                lay.addWidget(box)
        note = QLabel(self.tr("These settings apply to this computer only."))
        note.setObjectName("settingsNote")
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addStretch(1)
        return page

    def _station_tab(self) -> QWidget:
        """The station's page: filled in by ``_station_loaded`` once its values arrive (Save waits for it)."""
        page = QWidget()
        page.setObjectName("stationTab")
        QVBoxLayout(page)
        return page

    def _load_station(self) -> None:
        from desktop_app.core.auth import MANAGE_SETTINGS, allowed

        self.can_edit_station = self.actor is not None and allowed(self.actor, MANAGE_SETTINGS)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        station_id = self.actor.station_id if self.actor else None
        backups = self.backups

        def read(s):
            return (opts.station_details(s, station_id), opts.station_values(s, station_id),
                    backups.backup_folder(s, station_id) if backups is not None else None,
                    opts.station_version(s, station_id))

        ops.query(self, self.engine, read, self._station_loaded)

    def reload_station(self) -> None:
        """After a refused save: show the station's settings as they are now saved (the other person's)."""
        self.reload_button.hide()
        self.error.hide()
        self._load_station()

    def _station_loaded(self, loaded) -> None:
        if self.station_loaded:  # reloaded: the same form, the stored values
            self._show_station(*loaded)
            return
        details, values, folder, version = loaded
        page = self.station_tab
        lay = page.layout()
        box = QGroupBox(self.tr("Station details"))
        box.setObjectName("stationDetails")
        form = QFormLayout(box)
        for name, (label_text, max_len) in opts.STATION_FIELDS.items():
            edit = QLineEdit(getattr(details, name) if details else "")
            edit.setObjectName(f"station_{name}")
            edit.setMaxLength(max_len)
            edit.setAccessibleName(tr_field(label_text))
            label = QLabel(tr_field(label_text))
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.station_edits[name] = edit
        lay.addWidget(box)
        for group in opts.GROUPS:
            group_box = self._group_box(group, "station", values)
            if group_box is not None:
                lay.addWidget(group_box)
        if folder is not None:
            self.backup_folder_loaded = str(folder)
            lay.addWidget(self._backup_box(folder))
        note = QLabel(
            self.tr("These settings are shared by every computer of the station.")
            if self.can_edit_station
            else self.tr("Only an administrator can change the station's settings.")
        )
        note.setObjectName("settingsNote")
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addStretch(1)
        if not self.can_edit_station:
            for child in page.findChildren(QWidget):
                if not isinstance(child, QLabel | QGroupBox):
                    child.setEnabled(False)
        self.station_loaded = True
        self._show_station(details, values, folder, version)

    def _show_station(self, details, values, folder, version) -> None:
        for name, edit in self.station_edits.items():
            edit.setText(getattr(details, name) if details else "")
        for key, value in values.items():
            if key in self.fields:
                self.fields[key].set_value(value)
        if folder is not None and self.backup_folder is not None:
            self.backup_folder_loaded = str(folder)
            self.backup_folder.setText(str(folder))
        self.station_name = details.name if details else ""
        self.idle_minutes = values[opts.IDLE_LOCK_MINUTES.key]
        self.station_version = version
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

    def _backup_box(self, folder) -> QGroupBox:
        """The station's backup folder, kept by the safety feature (offered through interfaces.Backups)."""
        box = QGroupBox(self.tr("Backups"))
        box.setObjectName("backupBox")
        self.backup_folder = QLineEdit(str(folder))
        self.backup_folder.setObjectName("backupFolder")
        self.backup_folder.setAccessibleName(self.tr("Backup folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("chooseBackupFolder")
        choose.setAccessibleName(self.tr("Choose the backup folder"))
        choose.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        label = QLabel(self.tr("Backup folder"))
        label.setBuddy(self.backup_folder)
        note = QLabel(self.tr(
            "SmileDesk backs up the database there every day and when it closes. Best on a USB drive or a "
            "network folder, not only on this computer's disk."
        ))
        note.setObjectName("settingsNote")
        note.setWordWrap(True)
        form = QFormLayout(box)
        form.addRow(label, row)
        form.addRow("", note)
        return box

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), self.backup_folder.text())
        if folder:
            self.backup_folder.setText(folder)

    # --- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        """Check everything first (nothing is half saved), write the station's part, then this computer's."""
        machine = {k: f for k, f in self.fields.items() if f.setting.scope == "machine"}
        try:
            for field in machine.values():
                opts.check_value(field.setting, field.value())
        except SmileDeskError as exc:
            self._not_saved(exc)
            return
        if self.station_tab is not None and self.station_loaded and self.can_edit_station:
            self._save_station(machine)
        else:
            self._save_machine(machine)

    def _save_station(self, machine: dict[str, SettingField]) -> None:
        details = opts.StationDetails(**{name: edit.text() for name, edit in self.station_edits.items()})
        values = {k: f.value() for k, f in self.fields.items() if f.setting.scope == "station"}
        actor, backups, version = self.actor, self.backups, self.station_version
        folder = self.backup_folder.text().strip() if self.backup_folder is not None else None
        changed_folder = folder is not None and folder != self.backup_folder_loaded

        def write(s):
            saved = opts.update_station_details(s, actor=actor, details=details, expected_version=version)
            stored = opts.save_station_settings(s, actor=actor, values=values)
            if changed_folder:
                backups.set_backup_folder(s, actor=actor, folder=folder)
            return saved.name, stored[opts.IDLE_LOCK_MINUTES.key]

        self.buttons.setEnabled(False)
        ops.write(self, self.engine, write, on_done=lambda saved: self._station_saved(saved, machine),
                  on_error=self._not_saved)

    def _station_saved(self, saved: tuple[str, int], machine: dict[str, SettingField]) -> None:
        self.station_name, self.idle_minutes = saved
        self.buttons.setEnabled(True)
        self._save_machine(machine)

    def _save_machine(self, machine: dict[str, SettingField]) -> None:
        for field in machine.values():
            opts.put(self.settings, field.setting, field.value())
        self.settings.sync()
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        from desktop_app.core.records import StaleEdit

        self.buttons.setEnabled(True)
        self.error.setText(report_text(exc))
        self.error.show()
        self.reload_button.setVisible(isinstance(exc, StaleEdit))  # someone saved in between: offer their version
