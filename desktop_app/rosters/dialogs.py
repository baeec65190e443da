"""Small dialogs of the rosters page: new team, add a volunteer to a team, record a patrol finding."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.residents.picker import ResidentPicker
from desktop_app.rosters import service
from desktop_app.rosters.models import FINDING_CATEGORIES, MEMBER_ROLES, TEAM_KINDS
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error


class _Dialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_box = None
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.buttons)

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                new_id = self.write(s)
        except SmileDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        self.saved.emit(new_id)
        self.accept()

    def write(self, s) -> int:  # pragma: no cover - overridden
        raise NotImplementedError


class TeamDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New team"))
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.kind = QComboBox()
        self.kind.setObjectName("teamKind")
        for k in TEAM_KINDS:
            self.kind.addItem(service.translate("Rosters", service.KIND_LABELS[k]), k)
        self.grid = QLineEdit()
        self.grid.setObjectName("teamGrid")
        self.route = QLineEdit()
        self.route.setObjectName("teamRoute")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Grid"), self.grid)
        self.form.addRow(self.tr("Route"), self.route)

    def write(self, s) -> int:
        return service.create_team(s, actor=self.ctx.actor, name=self.name.text(), kind=self.kind.currentData(),
                                   grid=self.grid.text(), route=self.route.text()).id


class AddVolunteerDialog(_Dialog):
    def __init__(self, ctx: AppContext, team_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("Add a volunteer to the team"))
        self.picker = ResidentPicker(ctx, self)
        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for r in reversed(MEMBER_ROLES):
            self.role.addItem(service.translate("Rosters", service.ROLE_LABELS[r]), r)
        self.form.addRow(self.tr("Resident"), self.picker)
        self.form.addRow(self.tr("Role"), self.role)
        self.setMinimumWidth(420)

    def write(self, s) -> int:
        if self.picker.current is None:
            from desktop_app.core.errors import ValidationError
            from desktop_app.core.i18n import QT_TRANSLATE_NOOP

            raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Resident"),
                                  QT_TRANSLATE_NOOP("Errors", "nobody chosen; type a name and pick the resident from the list."))
        return service.add_volunteer(s, actor=self.ctx.actor, resident_id=self.picker.current.id, team_id=self.team_id,
                                     role=self.role.currentData()).id


class FindingDialog(_Dialog):
    def __init__(self, ctx: AppContext, shift_id: int | None = None, parent=None) -> None:
        super().__init__(ctx, parent)
        self.shift_id = shift_id
        self.setWindowTitle(self.tr("Patrol finding"))
        self.category = QComboBox()
        self.category.setObjectName("findingCategory")
        for c in FINDING_CATEGORIES:
            self.category.addItem(service.translate("Rosters", service.CATEGORY_LABELS[c]), c)
        self.location = QLineEdit()
        self.location.setObjectName("findingLocation")
        self.location.setPlaceholderText(self.tr("e.g. Building 3, unit 2 stairwell"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("findingNote")
        self.note.setMaximumHeight(90)
        self.open_record = QCheckBox(self.tr("Open a desk record so it is dispatched and followed up"))
        self.open_record.setObjectName("findingOpenRecord")
        self.open_record.setChecked(True)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow("", self.open_record)
        self.setMinimumWidth(420)

    def write(self, s) -> int:
        return service.record_finding(s, actor=self.ctx.actor, category=self.category.currentData(), location=self.location.text(),
                                      note=self.note.toPlainText(), shift_id=self.shift_id,
                                      open_desk_record=self.open_record.isChecked()).id
