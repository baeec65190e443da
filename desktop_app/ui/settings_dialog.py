"""Per-machine settings (QSettings): language, auto-lock. Station-wide settings live in the database."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

LANGUAGES = [("", "System default / 跟随系统"), ("zh_CN", "简体中文"), ("en", "English")]
DEFAULT_IDLE_MINUTES = 10


def idle_minutes(settings) -> int:
    try:
        return int(settings.value("security/idle_lock_minutes", DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


class SettingsDialog(QDialog):
    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        current = settings.value("ui/language", "") or ""
        self.language.setCurrentIndex(max(0, [c for c, _ in LANGUAGES].index(current) if current in dict(LANGUAGES) else 0))
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(idle_minutes(settings))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock the screen after no input for"), self.idle)
        note = QLabel(self.tr("These settings apply to this computer only."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def save(self) -> None:
        self.settings.setValue("ui/language", self.language.currentData() or "")
        self.settings.setValue("security/idle_lock_minutes", self.idle.value())
        self.settings.sync()
        self.accept()
