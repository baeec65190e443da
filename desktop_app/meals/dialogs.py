"""Dialogs of the meals page: a recipient (schedule, diet, address, tier, credit, pauses), a welfare call,
closing a welfare check. Thin: they collect input and call the service; errors keep the dialog open."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
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

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import yuan
from desktop_app.meals import service
from desktop_app.meals.models import (
    DIETS,
    MEALS,
    MealRecipientBase,
    MealRecipientCreate,
    schedule_bit,
)
from desktop_app.residents.picker import ResidentPicker
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error


def tm(text: str) -> str:
    """A label of the service's vocabulary in the user's language."""
    return QCoreApplication.translate("Meals", text)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def combo(items: dict[str, str], parent=None) -> QComboBox:
    box = QComboBox(parent)
    for value, label in items.items():
        box.addItem(tm(label), value)
    return box


def select_data(box: QComboBox, value) -> None:
    i = box.findData(value)
    if i >= 0:
        box.setCurrentIndex(i)


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
        self.status = combo(service.STATUS_LABELS, self)
        self.status.setObjectName("status")
        self.service_box = combo(service.SERVICE_LABELS, self)
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
            grid.addWidget(QLabel(tm(service.MEAL_LABELS[meal])), r + 1, 0)
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
            cb = QCheckBox(tm(service.DIET_LABELS[d]), self)
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
        self.tier.addItem(self.tr("best tier they qualify for"), "")
        self.tier.addItem(self.tr("no subsidy"), "none")
        with session_scope(ctx.engine, write=False) as s:
            for code, name in service.Rates.load(s).tier_codes():
                self.tier.addItem(self.tr("granted: {name}").format(name=name), code)
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
        self.pause_reason = combo(service.PAUSE_LABELS, self.pause_box)
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
        lay.addWidget(self.buttons)
        if recipient_id is not None:
            self._load()
        else:
            select_data(self.status, "active")
            with session_scope(ctx.engine, write=False) as s:
                self.credit.setText(yuan(service.get_settings(s).default_credit_fen))

    # --- data ---------------------------------------------------------------------------------------
    def _load(self) -> None:
        from desktop_app.residents.models import Resident

        with session_scope(self.ctx.engine, write=False) as s:
            rec = service.get_recipient(s, actor=self.ctx.actor, recipient_id=self.recipient_id)
            res = s.get(Resident, rec.resident_id)
            self.resident_id = res.id
            self.who.setText(f"{res.name}  {res.address}")
            self.address.setPlaceholderText(res.address or self.address.placeholderText())
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
        self._load_pauses()

    def _load_pauses(self) -> None:
        self.pauses.clear()
        with session_scope(self.ctx.engine, write=False) as s:
            rows = service.list_pauses(s, actor=self.ctx.actor, recipient_id=self.recipient_id)
        today = date.today()
        for p in rows:
            state = self.tr("now") if p.start_day <= today <= p.end_day else (self.tr("ended") if p.end_day < today else self.tr("planned"))
            text = f"{p.start_day.isoformat()} – {p.end_day.isoformat()}  {tm(service.PAUSE_LABELS[p.reason])}  {p.note}  ({state})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.pauses.addItem(item)

    def _picked(self, row) -> None:
        self.resident_id = row.id
        self.address.setPlaceholderText(row.address or self.tr("empty: the resident's registered address"))

    def _weekday_lunch(self) -> None:
        for (w, meal), cb in self.schedule.items():
            cb.setChecked(meal == "lunch" and w < 5)

    def values(self) -> dict:
        mask = 0
        for (w, meal), cb in self.schedule.items():
            if cb.isChecked():
                mask |= schedule_bit(w, meal)
        from desktop_app.core.validation import clean_fen

        return dict(
            status=self.status.currentData(), service=self.service_box.currentData(), schedule=mask,
            avoid=self.avoid.text(), delivery_address=self.address.text(), delivery_notes=self.notes.text(),
            emergency_contact=self.contact.text(), emergency_phone=self.contact_phone.text(),
            subsidy_tier=self.tier.currentData(), credit_limit_fen=clean_fen(self.credit.text(), service.F["credit_limit"]),
            **{d: cb.isChecked() for d, cb in self.diets.items()},
        )

    def save(self) -> None:
        try:
            values = self.values()
            with session_scope(self.ctx.engine) as s:
                if self.recipient_id is None:
                    if self.resident_id is None:
                        raise ValidationError(service.F["resident"],
                                              QT_TRANSLATE_NOOP("Errors", "choose a registered resident first."))
                    rec = service.create_recipient(s, actor=self.ctx.actor,
                                                   data=MealRecipientCreate(resident_id=self.resident_id, **values))
                    self.recipient_id = rec.id
                else:
                    service.update_recipient(s, actor=self.ctx.actor, recipient_id=self.recipient_id,
                                             data=MealRecipientBase(**values))
        except Exception as exc:  # shown to the user; the dialog stays open
            self.error_box = show_error(self, exc)
            return
        self.accept()

    def add_pause(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                service.add_pause(s, actor=self.ctx.actor, recipient_id=self.recipient_id,
                                  start=pydate(self.pause_start.date()), end=pydate(self.pause_end.date()),
                                  reason=self.pause_reason.currentData(), note=self.pause_note.text())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.pause_note.clear()
        self._load_pauses()

    def end_pause(self) -> None:
        item = self.pauses.currentItem()
        if item is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.end_pause(s, actor=self.ctx.actor, pause_id=item.data(Qt.ItemDataRole.UserRole),
                                  end=date.today() - timedelta(days=1))
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self._load_pauses()


class CallDialog(QDialog):
    """Record one call of a welfare check: who was called (the next in order is chosen) and the result."""

    def __init__(self, check: service.CheckRow, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welfare check call"))
        lay = QFormLayout(self)
        lay.addRow(QLabel(f"<b>{check.name}</b>  {check.address}"))
        phones = {"recipient": check.phone, "emergency_contact": f"{check.emergency_contact} {check.emergency_phone}",
                  "grid_worker": check.grid}
        self.target = combo(service.TARGET_LABELS, self)
        self.target.setObjectName("target")
        select_data(self.target, check.next_target())
        self.number = QLabel(self)
        self.number.setObjectName("number")
        self.target.currentIndexChanged.connect(lambda _i: self.number.setText(phones[self.target.currentData()]))
        self.number.setText(phones[self.target.currentData()])
        self.result_box = combo(service.CALL_RESULT_LABELS, self)
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
    def ask(cls, parent, check: service.CheckRow) -> tuple[str, str, str] | None:
        dlg = cls(check, parent)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


class CloseCheckDialog(QDialog):
    def __init__(self, check: service.CheckRow, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close welfare check"))
        lay = QFormLayout(self)
        lay.addRow(QLabel(f"<b>{check.name}</b>  {check.address}"))
        self.outcome = combo(service.CHECK_OUTCOME_LABELS, self)
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
    def ask(cls, parent, check: service.CheckRow) -> tuple[str, str] | None:
        dlg = cls(check, parent)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None

