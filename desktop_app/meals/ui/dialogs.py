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



class RatesDialog(QDialog):
    """Administrator: dated prices and subsidy tiers (a change applies from its date on), cut-off times,
    the low-balance warning and the default credit limit."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        from PySide6.QtWidgets import QSpinBox, QTableWidget, QTableWidgetItem, QTimeEdit

        super().__init__(parent)
        self._item = QTableWidgetItem
        self.ctx = ctx
        self.setWindowTitle(self.tr("Prices, subsidy tiers and settings"))
        self.setMinimumWidth(760)
        lay = QVBoxLayout(self)
        self.tiers = QTableWidget(0, 7, self)
        self.tiers.setObjectName("tiers")
        self.tiers.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("From"), self.tr("Ages"),
                                              self.tr("Hardship"), self.tr("Subsidy"), self.tr("Funding source")])
        self.tiers.verticalHeader().setVisible(False)
        self.tiers.horizontalHeader().setStretchLastSection(True)
        self.tiers.setMinimumHeight(190)
        self.tiers.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.tiers, 2)
        tier_box = QGroupBox(self.tr("New tier terms (from a date on; earlier meals keep the old terms)"), self)
        tf = QGridLayout(tier_box)
        self.code = QComboBox(tier_box)
        self.code.setEditable(True)
        self.code.setObjectName("tierCode")
        self.tier_name = QLineEdit(tier_box)
        self.tier_name.setObjectName("tierName")
        self.tier_from = QDateEdit(qdate(date.today()), tier_box)
        self.tier_from.setObjectName("tierFrom")
        self.tier_from.setCalendarPopup(True)
        self.tier_from.setDisplayFormat("yyyy-MM-dd")
        self.subsidy = QLineEdit(tier_box)
        self.subsidy.setObjectName("subsidy")
        self.source = QLineEdit(tier_box)
        self.source.setObjectName("source")
        self.min_age = QSpinBox(tier_box)
        self.max_age = QSpinBox(tier_box)
        for box in (self.min_age, self.max_age):
            box.setRange(0, 120)
            box.setSpecialValueText(self.tr("none"))
        self.hardship = QCheckBox(self.tr("only 特困/低保"), tier_box)
        self.save_tier = QPushButton(self.tr("Save tier"), tier_box)
        self.save_tier.setObjectName("saveTier")
        self.code.currentTextChanged.connect(self._code_changed)
        row = [(self.tr("Code"), self.code), (self.tr("Name"), self.tier_name), (self.tr("From"), self.tier_from),
               (self.tr("Subsidy (yuan)"), self.subsidy), (self.tr("Funding source"), self.source),
               (self.tr("Lowest age"), self.min_age), (self.tr("Highest age"), self.max_age)]
        for i, (label, w) in enumerate(row):
            tf.addWidget(QLabel(label), i // 4 * 2, i % 4)
            tf.addWidget(w, i // 4 * 2 + 1, i % 4)
        tf.addWidget(self.hardship, 3, 3)
        tf.addWidget(self.save_tier, 4, 3)
        lay.addWidget(tier_box)
        price_box = QGroupBox(self.tr("Meal price from a date on"), self)
        pf = QHBoxLayout(price_box)
        self.price_meal = combo(service.MEAL_LABELS, price_box)
        self.price_from = QDateEdit(qdate(date.today()), price_box)
        self.price_from.setCalendarPopup(True)
        self.price_from.setDisplayFormat("yyyy-MM-dd")
        self.price = QLineEdit(price_box)
        self.price.setObjectName("price")
        self.price.setPlaceholderText(self.tr("price, yuan"))
        self.fee = QLineEdit(price_box)
        self.fee.setObjectName("fee")
        self.fee.setPlaceholderText(self.tr("delivery fee, yuan"))
        self.save_price = QPushButton(self.tr("Save price"), price_box)
        self.save_price.setObjectName("savePrice")
        self.prices_label = QLabel(price_box)
        self.prices_label.setObjectName("prices")
        for w in (self.price_meal, self.price_from, self.price, self.fee, self.save_price):
            pf.addWidget(w)
        lay.addWidget(price_box)
        lay.addWidget(self.prices_label)
        set_box = QGroupBox(self.tr("Cut-off times and account warnings"), self)
        sf = QHBoxLayout(set_box)
        self.cut_lunch = QTimeEdit(set_box)
        self.cut_dinner = QTimeEdit(set_box)
        for w in (self.cut_lunch, self.cut_dinner):
            w.setDisplayFormat("HH:mm")
        self.low = QLineEdit(set_box)
        self.low.setObjectName("lowBalance")
        self.credit = QLineEdit(set_box)
        self.credit.setObjectName("defaultCredit")
        self.save_settings = QPushButton(self.tr("Save settings"), set_box)
        self.save_settings.setObjectName("saveSettings")
        for label, w in ((tm(service.MEAL_LABELS["lunch"]), self.cut_lunch), (tm(service.MEAL_LABELS["dinner"]), self.cut_dinner),
                         (self.tr("warn below (yuan)"), self.low), (self.tr("default credit (yuan)"), self.credit)):
            sf.addWidget(QLabel(label))
            sf.addWidget(w)
        sf.addWidget(self.save_settings)
        lay.addWidget(set_box)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.save_tier.clicked.connect(self.on_save_tier)
        self.save_price.clicked.connect(self.on_save_price)
        self.save_settings.clicked.connect(self.on_save_settings)
        self.load()

    def load(self) -> None:
        from PySide6.QtCore import QTime

        with session_scope(self.ctx.engine, write=False) as s:
            prices, tiers = service.list_rates(s, actor=self.ctx.actor)
            settings = service.get_settings(s)
        self._tier_rows = tiers
        self.tiers.setRowCount(len(tiers))
        for i, x in enumerate(tiers):
            ages = f"{x.min_age or ''}–{x.max_age or ''}" if (x.min_age or x.max_age) else ""
            cells = [x.code, x.name, x.effective_from.isoformat(), ages, "✓" if x.hardship else "", yuan(x.subsidy_fen),
                     x.funding_source]
            for c, text in enumerate(cells):
                self.tiers.setItem(i, c, self._item(text))
        self.tiers.resizeColumnsToContents()
        current = self.code.currentText()
        self.code.blockSignals(True)
        self.code.clear()
        self.code.addItems(sorted({x.code for x in tiers}))
        self.code.setCurrentText(current or (tiers[0].code if tiers else ""))
        self.code.blockSignals(False)
        self._code_changed(self.code.currentText())
        self.prices_label.setText("   ".join(
            f"{tm(service.MEAL_LABELS[p.meal])} {p.effective_from.isoformat()}: {yuan(p.price_fen)} + {yuan(p.delivery_fee_fen)}"
            for p in prices))
        self.cut_lunch.setTime(QTime(settings.cutoff["lunch"].hour, settings.cutoff["lunch"].minute))
        self.cut_dinner.setTime(QTime(settings.cutoff["dinner"].hour, settings.cutoff["dinner"].minute))
        self.low.setText(yuan(settings.low_balance_fen))
        self.credit.setText(yuan(settings.default_credit_fen))

    def _code_changed(self, code: str) -> None:
        rows = [x for x in self._tier_rows if x.code == code]
        if rows:
            x = rows[0]  # newest terms of this code
            self.tier_name.setText(x.name)
            self.subsidy.setText(yuan(x.subsidy_fen))
            self.source.setText(x.funding_source)
            self.min_age.setValue(x.min_age or 0)
            self.max_age.setValue(x.max_age or 0)
            self.hardship.setChecked(x.hardship)

    def _run(self, work) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                work(s)
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.load()

    def on_save_tier(self) -> None:
        self._run(lambda s: service.set_tier(
            s, actor=self.ctx.actor, code=self.code.currentText(), name=self.tier_name.text(),
            effective_from=pydate(self.tier_from.date()), subsidy=self.subsidy.text(), funding_source=self.source.text(),
            min_age=self.min_age.value() or None, max_age=self.max_age.value() or None, hardship=self.hardship.isChecked()))

    def on_save_price(self) -> None:
        self._run(lambda s: service.set_price(
            s, actor=self.ctx.actor, meal=self.price_meal.currentData(), effective_from=pydate(self.price_from.date()),
            price=self.price.text(), delivery_fee=self.fee.text() or "0"))

    def on_save_settings(self) -> None:
        self._run(lambda s: service.set_settings(
            s, actor=self.ctx.actor, cutoff_lunch=self.cut_lunch.time().toString("HH:mm"),
            cutoff_dinner=self.cut_dinner.time().toString("HH:mm"), low_balance=self.low.text(),
            default_credit=self.credit.text()))
