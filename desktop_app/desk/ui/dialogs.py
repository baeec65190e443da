"""Dialogs for the next step of a desk record: dispatch, start, resolve, follow up, close, escalate, link;
and the categories.

Each dialog saves through ui.ops when OK is pressed, passing the version of the record it was opened on; a
refused step shows the use case's message and the dialog stays open with what was typed; a record changed
in between (StaleEdit) is offered to be reloaded. ``done_ok`` is emitted after a save.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local
from desktop_app.core.records import StaleEdit
from desktop_app.desk import loop, visits
from desktop_app.desk.category_list import add_category, categories, category_label, update_category
from desktop_app.desk.lists import RecordRow, get_row, repeat_candidates
from desktop_app.desk.models import (
    CONTACT_LABELS,
    SATISFACTION_LABELS,
    STATUS_LABELS,
    ContactMethod,
    DeskCategory,
    Satisfaction,
    Step,
)
from desktop_app.residents.ui import ResidentPicker, offer_reload
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error


class _RecordDialog(QDialog):
    """What the record dialogs share: the row they were opened on (its version goes back with the save), the
    save through ui.ops, the refusal shown with the dialog kept open, Reload after someone else's change."""

    done_ok = Signal(int)

    def __init__(self, ctx: AppContext, row: RecordRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.row = ctx, row
        self.last_error: QWidget | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)  # each dialog's save
        self.buttons.rejected.connect(self.reject)

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _write(self, fn) -> None:
        """``fn(s, version)`` in one transaction; the dialog closes when it is saved."""
        version, rid = self.row.version, self.row.id
        self.ok_button().setEnabled(False)
        ops.write(self, self.ctx.engine, lambda s: fn(s, version), lambda _r: self._saved(rid), on_error=self._not_saved)

    def _saved(self, record_id: int) -> None:
        self.accept()
        self.done_ok.emit(record_id)

    def _not_saved(self, exc: BaseException) -> None:
        self.ok_button().setEnabled(True)
        if isinstance(exc, StaleEdit):
            self.last_error = offer_reload(self, exc, self.reload)
        else:
            self.last_error = show_error(self, exc)

    def reload(self) -> None:
        """Read the record again (its new state and version); what was typed stays."""
        actor, rid = self.ctx.actor, self.row.id
        ops.query(self, self.ctx.engine, lambda s: get_row(s, actor=actor, record_id=rid), self._reloaded,
                  on_error=self._not_saved)

    def _reloaded(self, row: RecordRow) -> None:
        self.row = row


def _note_box(placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(70)
    if placeholder:
        box.setPlaceholderText(placeholder)
    return box


class StepDialog(_RecordDialog):
    """One step of the loop for one record. ``action`` is a Step (loop.TRANSITIONS)."""

    def __init__(self, ctx: AppContext, row: RecordRow, action: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, parent)
        self.action = Step(action)
        self.setObjectName(f"deskStep_{action}")
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
        # Every field lives in the dialog, hidden when the step does not ask for it: parentless, the fields a
        # step did not use stayed behind as top-level widgets when its dialog closed (a day at the desk, #14).
        self.assignee = QLineEdit(self)
        self.assignee.setVisible(action == Step.DISPATCH)
        self.assignee.setObjectName("assignee")
        self.assignee.setPlaceholderText(self.tr("staff member, grid worker or unit, e.g. 网格员 王芳"))
        self.note = _note_box()
        self.note.setObjectName("note")
        self.contact = QComboBox(self)
        self.contact.setVisible(action == Step.FOLLOW_UP)
        self.contact.setObjectName("contact")
        for key in ContactMethod:
            self.contact.addItem(QCoreApplication.translate("DeskContact", CONTACT_LABELS[key]), key)
        self.satisfaction = QButtonGroup(self)
        self.sat_buttons: dict[str, QRadioButton] = {}
        sat_box = QWidget(self)
        sat_box.setVisible(action == Step.FOLLOW_UP)
        sat_row = QHBoxLayout(sat_box)
        sat_row.setContentsMargins(0, 0, 0, 0)
        for key in Satisfaction:
            btn = QRadioButton(QCoreApplication.translate("DeskSatisfaction", SATISFACTION_LABELS[key]), sat_box)
            btn.setObjectName(f"sat_{key}")
            self.satisfaction.addButton(btn)
            self.sat_buttons[key] = btn
            sat_row.addWidget(btn)
        if action == Step.DISPATCH:
            self.assignee.setText(row.assignee)
            form.addRow(self.tr("Dispatch to"), self.assignee)
            form.addRow(self.tr("Note"), self.note)
        elif action == Step.RESOLVE:
            self.note.setPlaceholderText(self.tr("what was done for the resident"))
            form.addRow(self.tr("Result"), self.note)
        elif action == Step.FOLLOW_UP:
            form.addRow(self.tr("Contacted by"), self.contact)
            form.addRow(self.tr("Satisfaction"), sat_box)
            self.note.setPlaceholderText(self.tr("what the resident said (required when dissatisfied)"))
            form.addRow(self.tr("Comment"), self.note)
        elif action == Step.ESCALATE:
            self.note.setPlaceholderText(self.tr("what must happen, and by when"))
            form.addRow(self.tr("Instruction"), self.note)
        else:
            form.addRow(self.tr("Note"), self.note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)
        (self.assignee if action == Step.DISPATCH else self.note).setFocus()

    def _chosen_satisfaction(self) -> str:
        for key, btn in self.sat_buttons.items():
            if btn.isChecked():
                return key
        return ""

    def save(self) -> None:
        text, actor, rid = self.note.toPlainText(), self.ctx.actor, self.row.id
        step = self.action
        kw: dict[str, object] = {"note": text}
        if step == Step.DISPATCH:
            kw["assignee"] = self.assignee.text()
        elif step == Step.RESOLVE:
            kw = {"result": text}
        elif step == Step.FOLLOW_UP:
            kw = {"satisfaction": self._chosen_satisfaction(), "contact_method": self.contact.currentData(), "comment": text}
        use_case = {
            Step.DISPATCH: loop.dispatch_record, Step.START: loop.start_record, Step.RESOLVE: loop.resolve_record,
            Step.FOLLOW_UP: loop.follow_up_record, Step.CLOSE: loop.close_record, Step.ESCALATE: loop.escalate_record,
        }[step]
        self._write(lambda s, version: use_case(s, actor=actor, record_id=rid, expected_version=version, **kw))


class LinkRepeatDialog(_RecordDialog):
    """Choose the earlier record (same person) that this one repeats."""

    def __init__(self, ctx: AppContext, row: RecordRow, labels: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, parent)
        self.labels = labels
        self.setObjectName("deskLinkRepeat")
        self.setWindowTitle(self.tr("Link record No. {id} to an earlier request").format(id=row.id))
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        self.info = QLabel()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.ok_button().setEnabled(False)
        self.list.itemActivated.connect(lambda _i: self.save())
        lay = QVBoxLayout(self)
        lay.addWidget(self.info)
        lay.addWidget(self.list)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(560)
        actor, rid = ctx.actor, row.id
        ops.query(self, ctx.engine, lambda s: repeat_candidates(s, actor=actor, record_id=rid), self._fill,
                  on_error=self._not_saved)

    def _fill(self, candidates: list[RecordRow]) -> None:
        for c in candidates:
            item = QListWidgetItem(
                self.tr("No. {id}").format(id=c.id) + f"  {fmt_local(c.received_at)}  {self.labels.get(c.category_id, '')}  {c.summary}  "
                f"[{QCoreApplication.translate('DeskStatus', STATUS_LABELS[c.status])}]"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        if candidates:
            self.list.setCurrentRow(0)
        self.info.setText(self.tr("Earlier records of the same person in the past year:") if candidates else
                          self.tr("This person has no earlier records in the past year."))
        self.ok_button().setEnabled(bool(candidates))

    def save(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        actor, rid, earlier = self.ctx.actor, self.row.id, item.data(Qt.ItemDataRole.UserRole)
        self._write(lambda s, version: visits.link_repeat(s, actor=actor, record_id=rid, repeat_of_id=earlier,
                                                           expected_version=version))


class LinkResidentDialog(_RecordDialog):
    """Attach a walk-in's record to a registered resident (search by name, pinyin, phone digits)."""

    def __init__(self, ctx: AppContext, row: RecordRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, row, parent)
        self.setObjectName("deskLinkResident")
        self.setWindowTitle(self.tr("Link record No. {id} to a resident").format(id=row.id))
        self.picker = ResidentPicker(ctx, self)
        self.chosen = None
        self.picker.chosen.connect(self._chosen)
        self.picker.cleared.connect(lambda: self._chosen(None))
        info = QLabel(self.tr("Walk-in: {name} {phone}").format(name=row.person, phone=row.phone_masked))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.ok_button().setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.picker)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.picker.setFocus()

    def _chosen(self, resident) -> None:
        self.chosen = resident
        self.ok_button().setEnabled(resident is not None)

    def save(self) -> None:
        if self.chosen is None:
            return
        actor, rid, resident_id = self.ctx.actor, self.row.id, self.chosen.id
        self._write(lambda s, version: visits.link_resident(s, actor=actor, record_id=rid, resident_id=resident_id,
                                                             expected_version=version))


class CategoriesDialog(QDialog):
    """Edit the desk's categories: name, deadline in working days, settled on the spot, in use; add new ones."""

    done_ok = Signal(int)
    COLS = 4

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cats: list[DeskCategory] = []
        self.last_error: QWidget | None = None
        self.setObjectName("deskCategories")
        self.setWindowTitle(self.tr("Desk categories"))
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
        self.load()

    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def load(self) -> None:
        """The categories as stored now (again after someone else changed them: Reload)."""
        self.ok_button().setEnabled(False)
        ops.query(self, self.ctx.engine, lambda s: categories(s, include_inactive=True), self._fill)

    def _fill(self, cats: list[DeskCategory]) -> None:
        self.cats = cats
        self.table.setRowCount(0)
        for cat in cats:
            self._add_row(category_label(cat), cat.deadline_workdays, cat.on_the_spot, cat.active)
        self.ok_button().setEnabled(True)

    def _add_row(self, name: str, deadline: int, spot: bool, active: bool, focus: bool = False) -> None:
        i = self.table.rowCount()
        self.table.insertRow(i)
        self.table.setItem(i, 0, QTableWidgetItem(name))
        spin = QSpinBox()
        spin.setRange(0, 60)
        spin.setValue(deadline)
        self.table.setCellWidget(i, 1, spin)
        for col, value in ((2, spot), (3, active)):
            box = QCheckBox()
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

    def changes(self) -> tuple[list[tuple[str, int, dict]], list[tuple[str, int, bool, bool]]]:
        """(code, version it was loaded at, changed fields) per edited category; the new rows with a name."""
        edits, new = [], []
        for i in range(self.table.rowCount()):
            name, deadline, spot, active = self.row_values(i)
            if i < len(self.cats):
                cat = self.cats[i]
                changed = {}
                if name != category_label(cat):
                    changed["name"] = name
                if deadline != cat.deadline_workdays:
                    changed["deadline_workdays"] = deadline
                if spot != cat.on_the_spot:
                    changed["on_the_spot"] = spot
                if active != cat.active:
                    changed["active"] = active
                if changed:
                    edits.append((cat.code, cat.version, changed))
            elif name:
                new.append((name, deadline, spot, active))
        return edits, new

    def save(self) -> None:
        edits, new = self.changes()
        actor = self.ctx.actor

        def work(s) -> None:
            for code, version, changed in edits:
                update_category(s, actor=actor, code=code, expected_version=version, **changed)
            for name, deadline, spot, active in new:
                cat = add_category(s, actor=actor, name=name, deadline_workdays=deadline, on_the_spot=spot)
                if not active:
                    update_category(s, actor=actor, code=cat.code, active=False)

        self.ok_button().setEnabled(False)
        ops.write(self, self.ctx.engine, work, lambda _r: self._saved(), on_error=self._not_saved)

    def _saved(self) -> None:
        self.accept()
        self.done_ok.emit(0)

    def _not_saved(self, exc: BaseException) -> None:
        self.ok_button().setEnabled(True)
        if isinstance(exc, StaleEdit):
            self.last_error = offer_reload(self, exc, self.load)
        else:
            self.last_error = show_error(self, exc)
