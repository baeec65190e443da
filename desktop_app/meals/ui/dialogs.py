"""Dialogs of the meals page: a recipient (schedule, diet, address, tier, credit, pauses), a welfare call,
closing a welfare check. The recipient is loaded and saved through ui.ops; a save over a newer version is
refused and the dialog offers to reload it. Errors keep the dialog open."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.validation import clean_fen, yuan
from desktop_app.meals.labels import (
    CALL_RESULT_LABELS,
    CHECK_OUTCOME_LABELS,
    DIET_LABELS,
    MEAL_LABELS,
    PAUSE_LABELS,
    SERVICE_LABELS,
    STATUS_LABELS,
    TARGET_LABELS,
    F,
)
from desktop_app.meals.models import (
    BEST_TIER,
    DIETS,
    MEALS,
    NO_SUBSIDY,
    CallTarget,
    Meal,
    MealPause,
    MealRecipientBase,
    MealRecipientCreate,
    RecipientStatus,
    schedule_bit,
)
from desktop_app.meals.recipients import (
    RecipientForm,
    add_pause,
    create_recipient,
    end_pause,
    list_pauses,
    recipient_form,
    update_recipient,
)
from desktop_app.meals.ui.common import combo, not_saved, tm
from desktop_app.meals.welfare import CheckRow
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import scroll_body
from desktop_app.ui.widgets import pydate, qdate, select_data


def bold_label(text: str) -> QLabel:
    """A bold line of data (a name and an address): plain text, bold by its font, never HTML."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class RecipientDialog(QDialog):
    """New recipient (pick the resident first) or edit one; pauses are added from here too."""

    def __init__(self, ctx: AppContext, recipient_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recipient_id = recipient_id
        self.resident_id: int | None = None
        self.setWindowTitle(self.tr("Meal recipient") if recipient_id else self.tr("New meal recipient"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.who = QLabel(self)
        self.who.setObjectName("recipientName")
        if recipient_id is None:
            self.picker = ResidentPicker(ctx, self)
            self.picker.chosen.connect(self._picked)
            form.addRow(self.tr("Resident"), self.picker)
        else:
            self.picker = None
            form.addRow(self.tr("Resident"), self.who)
        self.status = combo(STATUS_LABELS, self)
        self.status.setObjectName("status")
        self.service_box = combo(SERVICE_LABELS, self)
        self.service_box.setObjectName("service")
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.service_box)
        form.addRow(self.tr("Status and service"), row)

        grid_box = QWidget(self)
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        self.schedule: dict[tuple[int, str], QCheckBox] = {}
        for w, name in enumerate(days):
            grid.addWidget(QLabel(name), 0, w + 1, alignment=Qt.AlignmentFlag.AlignCenter)
        for r, meal in enumerate(MEALS):
            grid.addWidget(QLabel(tm(MEAL_LABELS[meal])), r + 1, 0)
            for w in range(7):
                cb = QCheckBox(grid_box)
                cb.setObjectName(f"sched_{w}_{meal}")
                self.schedule[(w, meal)] = cb
                grid.addWidget(cb, r + 1, w + 1, alignment=Qt.AlignmentFlag.AlignCenter)
        quick = QPushButton(self.tr("Lunch Mon–Fri"), grid_box)
        quick.setObjectName("weekdayLunch")
        quick.clicked.connect(self._weekday_lunch)
        grid.addWidget(quick, 1, 8)
        form.addRow(self.tr("Weekly schedule"), grid_box)

        diet_row = QHBoxLayout()
        self.diets: dict[str, QCheckBox] = {}
        for d in DIETS:
            cb = QCheckBox(tm(DIET_LABELS[d]), self)
            cb.setObjectName(f"diet_{d}")
            self.diets[d] = cb
            diet_row.addWidget(cb)
        form.addRow(self.tr("Diet"), diet_row)
        self.avoid = QLineEdit(self)
        self.avoid.setObjectName("avoid")
        self.avoid.setPlaceholderText(self.tr("e.g. no coriander, allergic to shrimp"))
        form.addRow(self.tr("Foods to avoid"), self.avoid)
        self.address = QLineEdit(self)
        self.address.setObjectName("address")
        self.address.setPlaceholderText(self.tr("empty: the resident's registered address"))
        form.addRow(self.tr("Delivery address"), self.address)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("e.g. hard of hearing, knock loudly"))
        form.addRow(self.tr("Delivery notes"), self.notes)
        ec = QHBoxLayout()
        self.contact = QLineEdit(self)
        self.contact.setObjectName("contact")
        self.contact.setPlaceholderText(self.tr("name"))
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("contactPhone")
        self.contact_phone.setPlaceholderText(self.tr("phone"))
        ec.addWidget(self.contact)
        ec.addWidget(self.contact_phone)
        form.addRow(self.tr("Emergency contact"), ec)
        money = QHBoxLayout()
        self.tier = QComboBox(self)
        self.tier.setObjectName("tier")
        self.tier.addItem(self.tr("best tier they qualify for"), BEST_TIER)
        self.tier.addItem(self.tr("no subsidy"), NO_SUBSIDY)
        self.credit = QLineEdit("0.00", self)
        self.credit.setObjectName("credit")
        money.addWidget(self.tier, 2)
        money.addWidget(QLabel(self.tr("Credit limit (yuan)")))
        money.addWidget(self.credit, 1)
        form.addRow(self.tr("Subsidy tier"), money)

        self.pause_box = QGroupBox(self.tr("Pauses (meals stop on these days and restart by themselves)"), self)
        pl = QVBoxLayout(self.pause_box)
        self.pauses = QListWidget(self.pause_box)
        self.pauses.setObjectName("pauses")
        self.pauses.setMaximumHeight(90)
        pl.addWidget(self.pauses)
        add = QHBoxLayout()
        today = date.today()
        self.pause_start = QDateEdit(qdate(today), self.pause_box)
        self.pause_start.setObjectName("pauseStart")
        self.pause_end = QDateEdit(qdate(today), self.pause_box)
        self.pause_end.setObjectName("pauseEnd")
        for d in (self.pause_start, self.pause_end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.pause_reason = combo(PAUSE_LABELS, self.pause_box)
        self.pause_reason.setObjectName("pauseReason")
        self.pause_note = QLineEdit(self.pause_box)
        self.pause_note.setPlaceholderText(self.tr("note"))
        self.add_pause_button = QPushButton(self.tr("Add pause"), self.pause_box)
        self.add_pause_button.setObjectName("addPause")
        self.add_pause_button.clicked.connect(self.add_pause)
        self.end_pause_button = QPushButton(self.tr("Resume meals from today"), self.pause_box)
        self.end_pause_button.setObjectName("endPause")
        self.end_pause_button.clicked.connect(self.end_pause)
        for w in (QLabel(self.tr("from")), self.pause_start, QLabel(self.tr("until")), self.pause_end, self.pause_reason,
                  self.pause_note, self.add_pause_button):
            add.addWidget(w)
        pl.addLayout(add)
        pl.addWidget(self.end_pause_button, alignment=Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.pause_box)
        self.pause_box.setEnabled(recipient_id is not None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():  # Enter in the resident search picks a resident; it must not save
            button.setAutoDefault(False)
            button.setDefault(False)
        lay.addWidget(self.buttons)
        scroll_body(self)  # the form scrolls on a small screen in large text; Save stays in sight
        self.buttons.setEnabled(False)  # until the form is loaded
        self.version: int | None = None
        self.loaded = False
        self.load()

    # --- data ---------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the recipient (or, for a new one, the choices) and fill the form in."""
        actor, rid = self.ctx.actor, self.recipient_id
        ops.query(self, self.ctx.engine, lambda s: recipient_form(s, actor=actor, recipient_id=rid), self._fill,
                  latest="load")

    def _fill(self, form: RecipientForm) -> None:
        current = self.tier.currentData()
        while self.tier.count() > 2:
            self.tier.removeItem(2)
        for code, name in form.tiers:
            self.tier.addItem(self.tr("granted: {name}").format(name=name), code)
        select_data(self.tier, current)
        rec = form.recipient
        if rec is None:
            if not self.loaded:
                select_data(self.status, RecipientStatus.ACTIVE)
                self.credit.setText(yuan(form.default_credit_fen))
        else:
            self.version = rec.version
            self.resident_id = rec.resident_id
            self.who.setText(f"{form.name}  {form.address}")
            self.address.setPlaceholderText(form.address or self.address.placeholderText())
            select_data(self.status, rec.status)
            select_data(self.service_box, rec.service)
            for (w, meal), cb in self.schedule.items():
                cb.setChecked(bool(rec.schedule & schedule_bit(w, meal)))
            for d, cb in self.diets.items():
                cb.setChecked(bool(getattr(rec, d)))
            self.avoid.setText(rec.avoid)
            self.address.setText(rec.delivery_address)
            self.notes.setText(rec.delivery_notes)
            self.contact.setText(rec.emergency_contact)
            self.contact_phone.setText(rec.emergency_phone)
            select_data(self.tier, rec.subsidy_tier)
            self.credit.setText(yuan(rec.credit_limit_fen))
            self._show_pauses(form.pauses)
        self.loaded = True
        self.buttons.setEnabled(True)

    def _load_pauses(self) -> None:
        actor, rid = self.ctx.actor, self.recipient_id
        ops.query(self, self.ctx.engine, lambda s: list_pauses(s, actor=actor, recipient_id=rid), self._show_pauses,
                  latest="pauses")

    def _show_pauses(self, rows: list[MealPause]) -> None:
        self.pauses.clear()
        today = date.today()
        for p in rows:
            state = self.tr("now") if p.start_day <= today <= p.end_day else (self.tr("ended") if p.end_day < today else self.tr("planned"))
            text = f"{p.start_day.isoformat()} – {p.end_day.isoformat()}  {tm(PAUSE_LABELS[p.reason])}  {p.note}  ({state})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (p.id, p.version))
            self.pauses.addItem(item)

    def _picked(self, row) -> None:
        self.resident_id = row.id
        self.address.setPlaceholderText(row.address or self.tr("empty: the resident's registered address"))

    def _weekday_lunch(self) -> None:
        for (w, meal), cb in self.schedule.items():
            cb.setChecked(meal == Meal.LUNCH and w < 5)

    def values(self) -> dict:
        """What the form says, read on the GUI thread (the credit limit as typed, in yuan)."""
        mask = 0
        for (w, meal), cb in self.schedule.items():
            if cb.isChecked():
                mask |= schedule_bit(w, meal)
        return dict(
            status=self.status.currentData(), service=self.service_box.currentData(), schedule=mask,
            avoid=self.avoid.text(), delivery_address=self.address.text(), delivery_notes=self.notes.text(),
            emergency_contact=self.contact.text(), emergency_phone=self.contact_phone.text(),
            subsidy_tier=self.tier.currentData(), credit=self.credit.text(),
            **{d: cb.isChecked() for d, cb in self.diets.items()},
        )

    def save(self) -> None:
        values = self.values()
        credit = values.pop("credit")
        actor, rid, resident_id, version = self.ctx.actor, self.recipient_id, self.resident_id, self.version

        def work(s):
            fields = dict(values, credit_limit_fen=clean_fen(credit, F["credit_limit"]))
            if rid is None:  # no resident picked yet: create_recipient says "choose a registered resident first"
                return create_recipient(s, actor=actor, data=MealRecipientCreate(resident_id=resident_id or 0, **fields))
            return update_recipient(s, actor=actor, recipient_id=rid, data=MealRecipientBase(**fields),
                                    expected_version=version)

        self.buttons.setEnabled(False)
        ops.write(self, self.ctx.engine, work, on_done=self._saved, on_error=self._not_saved)

    def _saved(self, rec) -> None:
        self.recipient_id = rec.id
        self.version = rec.version
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error_box = not_saved(self, exc, self.load)

    def add_pause(self) -> None:
        actor, rid = self.ctx.actor, self.recipient_id
        start, end = pydate(self.pause_start.date()), pydate(self.pause_end.date())
        reason, note = self.pause_reason.currentData(), self.pause_note.text()
        ops.write(self, self.ctx.engine,
                  lambda s: add_pause(s, actor=actor, recipient_id=rid, start=start, end=end, reason=reason, note=note),
                  on_done=lambda _p: (self.pause_note.clear(), self._load_pauses()))

    def end_pause(self) -> None:
        item = self.pauses.currentItem()
        if item is None:
            return
        pause_id, version = item.data(Qt.ItemDataRole.UserRole)
        actor, end = self.ctx.actor, date.today() - timedelta(days=1)
        ops.write(self, self.ctx.engine,
                  lambda s: end_pause(s, actor=actor, pause_id=pause_id, end=end, expected_version=version),
                  on_done=lambda _p: self._load_pauses(),
                  on_error=lambda exc: not_saved(self, exc, self._load_pauses))


class CallDialog(QDialog):
    """Record one call of a welfare check: who was called (the next in order is chosen) and the result."""

    def __init__(self, check: CheckRow, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welfare check call"))
        lay = QFormLayout(self)
        lay.addRow(bold_label(f"{check.name}  {check.address}"))
        phones = {CallTarget.RECIPIENT: check.phone,
                  CallTarget.EMERGENCY_CONTACT: f"{check.emergency_contact} {check.emergency_phone}",
                  CallTarget.GRID_WORKER: check.grid}
        self.target = combo(TARGET_LABELS, self)
        self.target.setObjectName("target")
        select_data(self.target, check.next_target())
        self.number = QLabel(self)
        self.number.setObjectName("number")
        self.target.currentIndexChanged.connect(lambda _i: self.number.setText(phones[self.target.currentData()]))
        self.number.setText(phones[self.target.currentData()])
        self.result_box = combo(CALL_RESULT_LABELS, self)
        self.result_box.setObjectName("result")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        lay.addRow(self.tr("Call"), self.target)
        lay.addRow(self.tr("Number"), self.number)
        lay.addRow(self.tr("Result"), self.result_box)
        lay.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.target.currentData(), self.result_box.currentData(), self.note.text()

    @classmethod
    def ask(cls, parent, check: CheckRow) -> tuple[str, str, str] | None:
        dlg = cls(check, parent)
        try:
            return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()  # read: gone (ui.widgets.deleted_when_closed)


class CloseCheckDialog(QDialog):
    def __init__(self, check: CheckRow, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close welfare check"))
        lay = QFormLayout(self)
        lay.addRow(bold_label(f"{check.name}  {check.address}"))
        self.outcome = combo(CHECK_OUTCOME_LABELS, self)
        self.outcome.setObjectName("outcome")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setMaximumHeight(80)
        lay.addRow(self.tr("Outcome"), self.outcome)
        lay.addRow(self.tr("What happened"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.outcome.currentData(), self.note.toPlainText()

    @classmethod
    def ask(cls, parent, check: CheckRow) -> tuple[str, str] | None:
        dlg = cls(check, parent)
        try:
            return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()  # read: gone (ui.widgets.deleted_when_closed)
