"""The administrator's rates dialog: dated prices and subsidy tiers (a change applies from its date on),
cut-off times, the low-balance warning and the default credit limit. Loaded and saved through ui.ops; a
save over someone else's newer save is refused and the dialog offers to reload."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
)

from desktop_app.core.validation import yuan
from desktop_app.meals.labels import MEAL_LABELS
from desktop_app.meals.models import AdjustedWorkdayMeals, HolidayMeals, Meal, MealPrice, SubsidyTier
from desktop_app.meals.rates import list_rates, set_price, set_tier
from desktop_app.meals.service_days import ServiceDays, meal_service_days, set_service_days
from desktop_app.meals.settings import MealSettings, meal_settings, set_settings
from desktop_app.meals.ui.common import combo, not_saved, tm
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import scroll_body
from desktop_app.ui.widgets import fit_columns, pydate, qdate, read_only_item, select_data


class RatesDialog(QDialog):
    """Administrator: dated prices and subsidy tiers (a change applies from its date on), cut-off times,
    the low-balance warning and the default credit limit."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._tier_rows: list[SubsidyTier] = []
        self._prices: list[MealPrice] = []
        self._settings: MealSettings | None = None
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
        self.price_meal = combo(MEAL_LABELS, price_box)
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
        for label, w in ((tm(MEAL_LABELS[Meal.LUNCH]), self.cut_lunch), (tm(MEAL_LABELS[Meal.DINNER]), self.cut_dinner),
                         (self.tr("warn below (yuan)"), self.low), (self.tr("default credit (yuan)"), self.credit)):
            sf.addWidget(QLabel(label))
            sf.addWidget(w)
        sf.addWidget(self.save_settings)
        lay.addWidget(set_box)
        days_box = QGroupBox(self.tr("Meals on statutory holidays and adjusted workdays (this station)"), self)
        df = QHBoxLayout(days_box)
        self.holiday_meals = QComboBox(days_box)
        self.holiday_meals.setObjectName("holidayMeals")
        self.holiday_meals.addItem(self.tr("closed: no meals"), HolidayMeals.CLOSED)
        self.holiday_meals.addItem(self.tr("as the weekly schedule says"), HolidayMeals.SCHEDULED)
        self.workday_meals = QComboBox(days_box)
        self.workday_meals.setObjectName("adjustedWorkdayMeals")
        self.workday_meals.addItem(self.tr("the schedule of that weekday (a Saturday is a Saturday)"), AdjustedWorkdayMeals.SCHEDULED)
        self.workday_meals.addItem(self.tr("like a working day: whoever has the meal Monday to Friday"), AdjustedWorkdayMeals.WORKING_DAY)
        self.save_days = QPushButton(self.tr("Save"), days_box)
        self.save_days.setObjectName("saveServiceDays")
        for label, w in ((self.tr("Holidays"), self.holiday_meals), (self.tr("Adjusted workdays"), self.workday_meals)):
            w.setAccessibleName(label)
            df.addWidget(QLabel(label, days_box))
            df.addWidget(w, 1)
        df.addWidget(self.save_days)
        lay.addWidget(days_box)
        self._days: ServiceDays | None = None
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        scroll_body(self)  # scrolls on a small screen in large text
        self.save_tier.clicked.connect(self.on_save_tier)
        self.save_price.clicked.connect(self.on_save_price)
        self.save_settings.clicked.connect(self.on_save_settings)
        self.save_days.clicked.connect(self.on_save_days)
        self.load()

    def load(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: (list_rates(s, actor=actor), meal_settings(s, actor=actor)),
                  self._fill, latest="load")
        ops.query(self, self.ctx.engine, lambda s: meal_service_days(s, actor=actor), self._fill_days, latest="days")

    def _fill_days(self, days: ServiceDays) -> None:
        self._days = days
        select_data(self.holiday_meals, days.holidays)
        select_data(self.workday_meals, days.adjusted_workdays)

    def on_save_days(self) -> None:
        actor, holidays, workdays = self.ctx.actor, self.holiday_meals.currentData(), self.workday_meals.currentData()
        version = self._days.version if self._days is not None else None
        self._run(lambda s: set_service_days(s, actor=actor, holidays=holidays, adjusted_workdays=workdays,
                                             expected_version=version))

    def _fill(self, loaded: tuple[tuple[list[MealPrice], list[SubsidyTier]], MealSettings]) -> None:
        (prices, tiers), settings = loaded
        self._tier_rows, self._prices, self._settings = tiers, prices, settings
        self.tiers.setRowCount(len(tiers))
        for i, x in enumerate(tiers):
            ages = f"{x.min_age or ''}–{x.max_age or ''}" if (x.min_age or x.max_age) else ""
            cells = [x.code, x.name, x.effective_from.isoformat(), ages, "✓" if x.hardship else "", yuan(x.subsidy_fen),
                     x.funding_source]
            for c, text in enumerate(cells):
                self.tiers.setItem(i, c, read_only_item(text))
        fit_columns(self.tiers)
        current = self.code.currentText()
        self.code.blockSignals(True)
        self.code.clear()
        self.code.addItems(sorted({x.code for x in tiers}))
        self.code.setCurrentText(current or (tiers[0].code if tiers else ""))
        self.code.blockSignals(False)
        self._code_changed(self.code.currentText())
        self.prices_label.setText("   ".join(
            f"{tm(MEAL_LABELS[p.meal])} {p.effective_from.isoformat()}: {yuan(p.price_fen)} + {yuan(p.delivery_fee_fen)}"
            for p in prices))
        for box, meal in ((self.cut_lunch, Meal.LUNCH), (self.cut_dinner, Meal.DINNER)):
            box.setTime(QTime(settings.cutoff[meal].hour, settings.cutoff[meal].minute))
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
        """Save, then show what is stored now; a refusal is shown and the form stays as typed."""
        ops.write(self, self.ctx.engine, work, on_done=lambda _x: self.load(),
                  on_error=lambda exc: setattr(self, "error_box", not_saved(self, exc, self.load)))

    def on_save_tier(self) -> None:
        actor, code, name = self.ctx.actor, self.code.currentText().strip(), self.tier_name.text()
        day, subsidy, source = pydate(self.tier_from.date()), self.subsidy.text(), self.source.text()
        low, high, hardship = self.min_age.value() or None, self.max_age.value() or None, self.hardship.isChecked()
        # The version of these terms the table showed; 0: it showed none (a save by someone else meanwhile is refused).
        version = next((x.version for x in self._tier_rows if x.code == code and x.effective_from == day), 0)
        self._run(lambda s: set_tier(s, actor=actor, code=code, name=name, effective_from=day, subsidy=subsidy,
                                     funding_source=source, min_age=low, max_age=high, hardship=hardship,
                                     expected_version=version))

    def on_save_price(self) -> None:
        actor, meal, day = self.ctx.actor, self.price_meal.currentData(), pydate(self.price_from.date())
        price, fee = self.price.text(), self.fee.text() or "0"
        version = next((p.version for p in self._prices if p.meal == meal and p.effective_from == day), 0)
        self._run(lambda s: set_price(s, actor=actor, meal=meal, effective_from=day, price=price, delivery_fee=fee,
                                      expected_version=version))

    def on_save_settings(self) -> None:
        actor = self.ctx.actor
        lunch, dinner = self.cut_lunch.time().toString("HH:mm"), self.cut_dinner.time().toString("HH:mm")
        low, credit = self.low.text(), self.credit.text()
        version = self._settings.version if self._settings is not None else None
        self._run(lambda s: set_settings(s, actor=actor, cutoff_lunch=lunch, cutoff_dinner=dinner, low_balance=low,
                                         default_credit=credit, expected_version=version))
