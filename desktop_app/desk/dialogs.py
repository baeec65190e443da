"""Dialogs for the next step of a desk record: dispatch, start, resolve, follow up, close, escalate, link.

Each dialog calls the desk service in its own transaction when OK is pressed; a refused step shows the
service's message and the dialog stays open with what was typed. ``done_ok`` is emitted after a save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local
from desktop_app.core.db import session_scope
from desktop_app.desk import service as ds
from desktop_app.desk.models import CONTACT_METHODS, SATISFACTION
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error


def _note_box(placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(70)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


class StepDialog(QDialog):
    """One step of the loop for one record. ``action`` is a key of service.TRANSITIONS."""

    done_ok = Signal(int)

    def __init__(self, ctx: AppContext, row: ds.RecordRow, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row, self.action = ctx, row, action
        self.setObjectName(f"deskStep_{action}")
        self.last_error: QWidget | None = None
        titles = {
            "dispatch": self.tr("Dispatch record No. {id}"),
            "start": self.tr("Start handling record No. {id}"),
            "resolve": self.tr("Resolve record No. {id}"),
            "follow_up": self.tr("Follow up record No. {id}"),
            "close": self.tr("Close record No. {id}"),
            "escalate": self.tr("Escalate record No. {id}"),
        }
        self.setWindowTitle(titles[action].format(id=row.id))
        form = QFormLayout()
        about = QLabel(f"{row.person} · {row.summary}")
        about.setWordWrap(True)
        form.addRow(self.tr("Record"), about)
        self.assignee = QLineEdit()
        self.assignee.setObjectName("assignee")
        self.assignee.setPlaceholderText(self.tr("staff member, grid worker or unit, e.g. 网格员 王芳"))
        self.note = _note_box()
        self.note.setObjectName("note")
        self.contact = QComboBox()
        self.contact.setObjectName("contact")
        for key in CONTACT_METHODS:
            self.contact.addItem(QCoreApplication.translate("DeskContact", ds.CONTACT_LABELS[key]), key)
        self.satisfaction = QButtonGroup(self)
        self.sat_buttons: dict[str, QRadioButton] = {}
        sat_row = QHBoxLayout()
        for key in SATISFACTION:
            btn = QRadioButton(QCoreApplication.translate("DeskSatisfaction", ds.SATISFACTION_LABELS[key]))
            btn.setObjectName(f"sat_{key}")
            self.satisfaction.addButton(btn)
            self.sat_buttons[key] = btn
            sat_row.addWidget(btn)
        if action == "dispatch":
            self.assignee.setText(row.assignee)
            form.addRow(self.tr("Dispatch to"), self.assignee)
            form.addRow(self.tr("Note"), self.note)
        elif action == "resolve":
            self.note.setPlaceholderText(self.tr("what was done for the resident"))
            form.addRow(self.tr("Result"), self.note)
        elif action == "follow_up":
            form.addRow(self.tr("Contacted by"), self.contact)
            form.addRow(self.tr("Satisfaction"), sat_row)
            self.note.setPlaceholderText(self.tr("what the resident said (required when dissatisfied)"))
            form.addRow(self.tr("Comment"), self.note)
        elif action == "escalate":
            self.note.setPlaceholderText(self.tr("what must happen, and by when"))
            form.addRow(self.tr("Instruction"), self.note)
        else:
            form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.assignee if action == "dispatch" else self.note).setFocus()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _chosen_satisfaction(self) -> str:
        for key, btn in self.sat_buttons.items():
            if btn.isChecked():
                return key
        return ""

    def save(self) -> None:
        text = self.note.toPlainText()
        rid = self.row.id
        actor = self.ctx.actor
        try:
            with session_scope(self.ctx.engine) as s:
                if self.action == "dispatch":
                    ds.dispatch_record(s, actor=actor, record_id=rid, assignee=self.assignee.text(), note=text)
                elif self.action == "start":
                    ds.start_record(s, actor=actor, record_id=rid, note=text)
                elif self.action == "resolve":
                    ds.resolve_record(s, actor=actor, record_id=rid, result=text)
                elif self.action == "follow_up":
                    ds.follow_up_record(s, actor=actor, record_id=rid, satisfaction=self._chosen_satisfaction(),
                                        contact_method=self.contact.currentData(), comment=text)
                elif self.action == "close":
                    ds.close_record(s, actor=actor, record_id=rid, note=text)
                elif self.action == "escalate":
                    ds.escalate_record(s, actor=actor, record_id=rid, note=text)
        except Exception as exc:  # noqa: BLE001 - shown to the user; unexpected ones are logged by show_error
            self.last_error = show_error(self, exc)
            return
        self.accept()
        self.done_ok.emit(rid)


class LinkRepeatDialog(QDialog):
    """Choose the earlier record (same person) that this one repeats."""

    done_ok = Signal(int)

    def __init__(self, ctx: AppContext, row: ds.RecordRow, candidates: list[ds.RecordRow], labels: dict[int, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.last_error: QWidget | None = None
        self.setObjectName("deskLinkRepeat")
        self.setWindowTitle(self.tr("Link record No. {id} to an earlier request").format(id=row.id))
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        for c in candidates:
            item = QListWidgetItem(
                self.tr("No. {id}").format(id=c.id) + f"  {fmt_local(c.received_at)}  {labels.get(c.category_id, '')}  {c.summary}  "
                f"[{QCoreApplication.translate('DeskStatus', ds.STATUS_LABELS[c.status])}]"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        if candidates:
            self.list.setCurrentRow(0)
        info = QLabel(self.tr("Earlier records of the same person in the past year:") if candidates else
                      self.tr("This person has no earlier records in the past year."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(candidates))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _i: self.save())
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.list)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def save(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                ds.link_repeat(s, actor=self.ctx.actor, record_id=self.row.id,
                               repeat_of_id=item.data(Qt.ItemDataRole.UserRole))
        except Exception as exc:  # noqa: BLE001
            self.last_error = show_error(self, exc)
            return
        self.accept()
        self.done_ok.emit(self.row.id)


class LinkResidentDialog(QDialog):
    """Attach a walk-in's record to a registered resident (search by name, pinyin, phone digits)."""

    done_ok = Signal(int)

    def __init__(self, ctx: AppContext, row: ds.RecordRow, parent: QWidget | None = None) -> None:
        from desktop_app.residents.ui import ResidentPicker

        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.last_error: QWidget | None = None
        self.setObjectName("deskLinkResident")
        self.setWindowTitle(self.tr("Link record No. {id} to a resident").format(id=row.id))
        self.picker = ResidentPicker(ctx, self)
        self.chosen = None
        self.picker.chosen.connect(self._chosen)
        self.picker.cleared.connect(lambda: self._chosen(None))
        info = QLabel(self.tr("Walk-in: {name} {phone}").format(name=row.person, phone=row.phone_masked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.picker)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.picker.setFocus()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _chosen(self, resident) -> None:
        self.chosen = resident
        self.ok_button().setEnabled(resident is not None)

    def save(self) -> None:
        if self.chosen is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                ds.link_resident(s, actor=self.ctx.actor, record_id=self.row.id, resident_id=self.chosen.id)
        except Exception as exc:  # noqa: BLE001
            self.last_error = show_error(self, exc)
            return
        self.accept()
        self.done_ok.emit(self.row.id)


class CategoriesDialog(QDialog):
    """Edit the desk's categories: name, deadline in working days, settled on the spot, in use; add new ones."""

    done_ok = Signal(int)
    COLS = 4

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QCheckBox, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem

        super().__init__(parent)
        self._QCheckBox, self._QSpinBox, self._QTableWidgetItem = QCheckBox, QSpinBox, QTableWidgetItem
        self.ctx = ctx
        self.last_error: QWidget | None = None
        self.setObjectName("deskCategories")
        self.setWindowTitle(self.tr("Desk categories"))
        with session_scope(ctx.engine, write=False) as s:
            self.cats = ds.categories(s, include_inactive=True)
        self.table = QTableWidget(0, self.COLS)
        self.table.setObjectName("categoryTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Deadline (working days)"), self.tr("Settled on the spot"), self.tr("In use")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 80)
        for cat in self.cats:
            self._add_row(ds.category_label(cat), cat.deadline_workdays, cat.on_the_spot, cat.active)
        self.add_button = QPushButton(self.tr("Add category"))
        self.add_button.setObjectName("addCategory")
        self.add_button.clicked.connect(lambda: self._add_row("", 10, False, True, focus=True))
        info = QLabel(self.tr("Number keys on the desk follow this order. A category settled on the spot is saved "
                              "closed at once; the others enter the loop with the deadline shown."))
        info.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        lay.addLayout(row)
        self.resize(600, 480)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _add_row(self, name: str, deadline: int, spot: bool, active: bool, focus: bool = False) -> None:
        i = self.table.rowCount()
        self.table.insertRow(i)
        self.table.setItem(i, 0, self._QTableWidgetItem(name))
        spin = self._QSpinBox()
        spin.setRange(0, 60)
        spin.setValue(deadline)
        self.table.setCellWidget(i, 1, spin)
        for col, value in ((2, spot), (3, active)):
            box = self._QCheckBox()
            box.setChecked(value)
            self.table.setCellWidget(i, col, box)
        if focus:
            self.table.setCurrentCell(i, 0)
            self.table.editItem(self.table.item(i, 0))

    def row_values(self, i: int) -> tuple[str, int, bool, bool]:
        item = self.table.item(i, 0)
        return (
            item.text().strip() if item else "",
            self.table.cellWidget(i, 1).value(),
            self.table.cellWidget(i, 2).isChecked(),
            self.table.cellWidget(i, 3).isChecked(),
        )

    def save(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                for i in range(self.table.rowCount()):
                    name, deadline, spot, active = self.row_values(i)
                    if i < len(self.cats):
                        cat = self.cats[i]
                        changes = {}
                        if name != ds.category_label(cat):
                            changes["name"] = name
                        if deadline != cat.deadline_workdays:
                            changes["deadline_workdays"] = deadline
                        if spot != cat.on_the_spot:
                            changes["on_the_spot"] = spot
                        if active != cat.active:
                            changes["active"] = active
                        if changes:
                            ds.update_category(s, actor=self.ctx.actor, code=cat.code, **changes)
                    elif name:
                        new = ds.add_category(s, actor=self.ctx.actor, name=name, deadline_workdays=deadline,
                                              on_the_spot=spot)
                        if not active:
                            ds.update_category(s, actor=self.ctx.actor, code=new.code, active=False)
        except Exception as exc:  # noqa: BLE001
            self.last_error = show_error(self, exc)
            return
        self.accept()
        self.done_ok.emit(0)
