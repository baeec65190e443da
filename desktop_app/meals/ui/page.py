"""The meals page: the coordinator's day (orders, kitchen sheet, routes, outcomes, welfare checks in
red, the canteen counter), recipients, accounts (top-ups, ledger, statements, subsidy claim), food samples.

Thin: every action calls desktop_app.meals.service; PDFs and month work run through ui.ops.run_op.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import paths
from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.db import session_scope
from desktop_app.core.validation import yuan
from desktop_app.meals import service
from desktop_app.meals.dialogs import (
    CallDialog,
    CloseCheckDialog,
    RatesDialog,
    RecipientDialog,
    combo,
    pydate,
    qdate,
    select_data,
    tm,
)
from desktop_app.meals.models import DIETS, MEALS
from desktop_app.residents.picker import ResidentPicker
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.ops import run_op
from desktop_app.ui.search_box import SearchBox

RED_BG = QColor("#f8d7da")
RED_FG = QColor("#842029")
GREEN_FG = QColor("#0f5132")
AMBER_BG = QColor("#fff3cd")


def output_dir(ctx: AppContext) -> Path:
    """Where printed papers go: the station's chosen folder, else <data dir>/exports."""
    chosen = ctx.settings.value("meals/output_dir", "")
    folder = Path(chosen) if chosen else paths.data_dir() / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_file(path: Path) -> None:
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtCore import QUrl

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _item(text: str, data=None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _table(parent, headers: list[str], object_name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setObjectName(object_name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.setAlternatingRowColors(True)
    return t


def diet_names(diets, avoid: str = "") -> str:
    text = "、".join(tm(service.DIET_LABELS[d]) for d in diets)
    return "；".join(x for x in (text, avoid) if x)


class DayTab(QWidget):
    """One day and meal: generate, print, record what happened at each door, follow up not-home."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_file: Path | None = None
        self.last_op = None
        self.rows: list[service.OrderRow] = []
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.date = QDateEdit(qdate(date.today()), self)
        self.date.setObjectName("day")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.meal = combo(service.MEAL_LABELS, self)
        self.meal.setObjectName("meal")
        self.generate_button = QPushButton(self.tr("Generate orders"), self)
        self.generate_button.setObjectName("generate")
        self.routes_button = QPushButton(self.tr("Print route sheets"), self)
        self.routes_button.setObjectName("printRoutes")
        self.labels_button = QPushButton(self.tr("Print meal labels"), self)
        self.labels_button.setObjectName("printLabels")
        for w in (QLabel(self.tr("Day")), self.date, self.meal, self.generate_button, self.routes_button, self.labels_button):
            bar.addWidget(w)
        bar.addStretch(1)
        lay.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.banner = QLabel(self)
        self.banner.setObjectName("welfareBanner")
        self.banner.setStyleSheet(f"background:{RED_BG.name()}; color:{RED_FG.name()}; padding:6px; font-weight:bold;")
        self.banner.setVisible(False)
        lay.addWidget(self.banner)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        lay.addWidget(split, 1)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.orders = _table(left, [self.tr("No."), self.tr("Name"), self.tr("Address"), self.tr("Diet"),
                                    self.tr("Service"), self.tr("Volunteer"), self.tr("Outcome")], "orders")
        ll.addWidget(self.orders, 3)
        ob = QHBoxLayout()
        self.outcome_buttons = {}
        for outcome, text in (("delivered", self.tr("Delivered")), ("not_home", self.tr("Not home")),
                              ("refused", self.tr("Refused")), ("cancelled", self.tr("Cancelled at the door"))):
            b = QPushButton(text, left)
            b.setObjectName(f"outcome_{outcome}")
            b.clicked.connect(lambda _c=False, o=outcome: self.set_outcome(o))
            self.outcome_buttons[outcome] = b
            ob.addWidget(b)
        self.cancel_button = QPushButton(self.tr("Cancel before cut-off"), left)
        self.cancel_button.setObjectName("cancelOrder")
        self.cancel_button.clicked.connect(self.cancel_order)
        ob.addStretch(1)
        ob.addWidget(self.cancel_button)
        ll.addLayout(ob)
        checks_box = QGroupBox(self.tr("Welfare checks (nobody home): call the recipient, then the emergency contact, then the grid worker"), left)
        cl = QVBoxLayout(checks_box)
        self.checks = _table(checks_box, [self.tr("Day"), self.tr("Name"), self.tr("Address"), self.tr("Calls"),
                                          self.tr("State")], "checks")
        cl.addWidget(self.checks)
        cb = QHBoxLayout()
        self.call_button = QPushButton(self.tr("Record a call…"), checks_box)
        self.call_button.setObjectName("recordCall")
        self.call_button.clicked.connect(self.record_call)
        self.close_button = QPushButton(self.tr("Close check…"), checks_box)
        self.close_button.setObjectName("closeCheck")
        self.close_button.clicked.connect(self.close_check)
        cb.addWidget(self.call_button)
        cb.addWidget(self.close_button)
        cb.addStretch(1)
        cl.addLayout(cb)
        ll.addWidget(checks_box, 2)

        right = QTabWidget(split)
        right.setObjectName("dayTabs")
        # kitchen sheet
        kitchen = QWidget(right)
        kl = QVBoxLayout(kitchen)
        self.kitchen = _table(kitchen, [self.tr("Count"), tm(service.MEAL_LABELS["lunch"]), tm(service.MEAL_LABELS["dinner"])], "kitchen")
        self.kitchen.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        kl.addWidget(self.kitchen, 2)
        kl.addWidget(QLabel(self.tr("Foods to avoid")))
        self.avoid_list = QListWidget(kitchen)
        self.avoid_list.setObjectName("avoidList")
        kl.addWidget(self.avoid_list, 1)
        right.addTab(kitchen, self.tr("Kitchen sheet"))
        # routes
        routes = QWidget(right)
        rl = QVBoxLayout(routes)
        self.routes = _table(routes, [self.tr("Route (compound)"), self.tr("Stops"), self.tr("Volunteer")], "routes")
        rl.addWidget(self.routes)
        ar = QHBoxLayout()
        self.volunteer = QComboBox(routes)
        self.volunteer.setObjectName("volunteer")
        self.assign_button = QPushButton(self.tr("Assign to route"), routes)
        self.assign_button.setObjectName("assign")
        self.assign_button.clicked.connect(self.assign)
        ar.addWidget(self.volunteer, 1)
        ar.addWidget(self.assign_button)
        rl.addLayout(ar)
        self.no_volunteers = QLabel(self.tr("No meal-delivery team yet: add one with its volunteers on the rosters page."), routes)
        self.no_volunteers.setWordWrap(True)
        rl.addWidget(self.no_volunteers)
        right.addTab(routes, self.tr("Routes"))
        # canteen counter
        counter = QWidget(right)
        fl = QVBoxLayout(counter)
        fl.addWidget(QLabel(self.tr("Dine-in check-in: find the resident or scan the passport code.")))
        self.picker = ResidentPicker(ctx, counter)
        self.picker.chosen.connect(lambda row: self.check_in(row.id))
        fl.addWidget(self.picker)
        self.code = QLineEdit(counter)
        self.code.setObjectName("scanCode")
        self.code.setPlaceholderText(self.tr("Scan passport code"))
        self.code.returnPressed.connect(self.scan)
        self.code.setVisible(ctx.services.passport_codes is not None)
        fl.addWidget(self.code)
        self.counter_result = QLabel(counter)
        self.counter_result.setObjectName("counterResult")
        self.counter_result.setWordWrap(True)
        self.counter_result.setStyleSheet("font-size: 15pt;")
        fl.addWidget(self.counter_result)
        fl.addStretch(1)
        right.addTab(counter, self.tr("Canteen counter"))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.generate_button.clicked.connect(self.generate)
        self.routes_button.clicked.connect(self.print_routes)
        self.labels_button.clicked.connect(self.print_labels)
        self.date.dateChanged.connect(lambda _d: self.refresh())
        self.meal.currentIndexChanged.connect(lambda _i: self.refresh())
        can_run = ctx.can(service.RUN_MEAL_DAY)
        for w in (self.generate_button, self.cancel_button, self.assign_button):
            w.setEnabled(can_run)
        self.refresh()

    # --- state -----------------------------------------------------------------------------------
    def day(self) -> date:
        return pydate(self.date.date())

    def meal_key(self) -> str:
        return self.meal.currentData()

    def refresh(self) -> None:
        day, meal = self.day(), self.meal_key()
        with session_scope(self.ctx.engine, write=False) as s:
            self.rows = service.day_orders(s, actor=self.ctx.actor, day=day, meal=meal)
            names = service.resident_names(s, actor=self.ctx.actor, ids=[r.volunteer_resident_id for r in self.rows])
            sheet = service.kitchen_sheet(s, actor=self.ctx.actor, day=day)
            rts = service.routes(s, actor=self.ctx.actor, day=day, meal=meal)
            vols = service.delivery_volunteers(s, actor=self.ctx.actor)
            self.check_rows = service.welfare_checks(s, actor=self.ctx.actor, day=day) if self.ctx.can(service.RECORD_DELIVERIES) else []
        self._fill_orders(names)
        self._fill_kitchen(sheet)
        self._fill_routes(rts, vols)
        self._fill_checks()

    def _fill_orders(self, names: dict[int, str]) -> None:
        t = self.orders
        t.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            outcome = tm(service.OUTCOME_LABELS[r.outcome])
            if r.outcome_at and r.outcome in ("delivered", "served"):
                outcome += " " + fmt_local(r.outcome_at, "%H:%M")
            cells = [str(i + 1), r.name, r.address, diet_names(r.diets, r.avoid),
                     tm(service.SERVICE_LABELS[r.service]), names.get(r.volunteer_resident_id, ""), outcome]
            for c, text in enumerate(cells):
                item = _item(text, r.id if c == 0 else None)
                if r.outcome == "not_home":
                    item.setBackground(QBrush(RED_BG))
                    item.setForeground(QBrush(RED_FG))
                elif r.status == "cancelled":
                    item.setForeground(QBrush(QColor("#6c757d")))
                elif r.outcome in ("delivered", "served") and c == 6:
                    item.setForeground(QBrush(GREEN_FG))
                t.setItem(i, c, item)
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        total = sum(1 for r in self.rows if r.status == "ordered")
        done = sum(1 for r in self.rows if r.outcome)
        weekdays = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"), self.tr("Friday"),
                    self.tr("Saturday"), self.tr("Sunday")]
        day_text = f"{self.day().isoformat()} {weekdays[self.day().weekday()]}"
        self.summary.setText(self.tr("{meal} on {day}: {total} meals ordered, {done} with an outcome.").format(
            meal=tm(service.MEAL_LABELS[self.meal_key()]), day=day_text, total=total, done=done)
            + (" " + self._generated if getattr(self, "_generated", "") else ""))

    def _fill_kitchen(self, sheet: service.KitchenSheet) -> None:
        keys = ["total", "delivery", "dine_in", *DIETS, "plain"]
        labels = {"total": self.tr("Meals"), "delivery": tm(service.SERVICE_LABELS["delivery"]),
                  "dine_in": tm(service.SERVICE_LABELS["dine_in"]), "plain": self.tr("no special diet")}
        t = self.kitchen
        t.setRowCount(len(keys))
        for i, k in enumerate(keys):
            t.setItem(i, 0, _item(labels.get(k) or tm(service.DIET_LABELS[k])))
            for j, meal in enumerate(MEALS):
                t.setItem(i, j + 1, _item(str(sheet.counts[meal][k]), align_right=True))
        t.resizeColumnsToContents()
        for col in (1, 2):
            t.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.avoid_list.clear()
        for meal in MEALS:
            for name, text in sheet.avoid[meal]:
                self.avoid_list.addItem(f"{tm(service.MEAL_LABELS[meal])}  {name}：{text}")

    def _fill_routes(self, rts: list[service.Route], vols: list[service.Volunteer]) -> None:
        self.route_list = rts
        t = self.routes
        t.setRowCount(len(rts))
        for i, r in enumerate(rts):
            t.setItem(i, 0, _item(r.compound or "—", r.compound))
            t.setItem(i, 1, _item(str(len(r.stops)), align_right=True))
            vol = f"{r.volunteer_name} {r.volunteer_phone}" if r.volunteer_name else self.tr("not assigned")
            item = _item(vol)
            if not r.volunteer_name:
                item.setForeground(QBrush(RED_FG))
            t.setItem(i, 2, item)
        t.resizeColumnsToContents()
        current = self.volunteer.currentData()
        self.volunteer.clear()
        for v in vols:
            self.volunteer.addItem(f"{v.name}  {v.phone}", v.resident_id)
        select_data(self.volunteer, current)
        self.no_volunteers.setVisible(not vols)

    def _fill_checks(self) -> None:
        today = date.today()
        t = self.checks
        t.setRowCount(len(self.check_rows))
        open_count = 0
        for i, c in enumerate(self.check_rows):
            calls = "，".join(f"{tm(service.TARGET_LABELS[a[0]])}:{tm(service.CALL_RESULT_LABELS[a[1]])}" for a in c.attempts)
            if c.closed_at is None:
                open_count += 1
                state = self.tr("OPEN since {time}").format(time=fmt_local(c.opened_at, "%m-%d %H:%M"))
                if c.overdue(today):
                    state = self.tr("OVERDUE — not closed on {day}").format(day=c.day.isoformat())
            else:
                state = tm(service.CHECK_OUTCOME_LABELS[c.outcome]) + " " + fmt_local(c.closed_at, "%H:%M")
            for col, text in enumerate([c.day.isoformat(), c.name, c.address, calls or self.tr("no call yet"), state]):
                item = _item(text, c.id if col == 0 else None)
                if c.closed_at is None:
                    item.setBackground(QBrush(RED_BG))
                    item.setForeground(QBrush(RED_FG))
                t.setItem(i, col, item)
        t.resizeColumnsToContents()
        self.banner.setVisible(open_count > 0)
        self.banner.setText(self.tr("{n} welfare check(s) open: nobody answered the door. Call and close each one today.").format(n=open_count))

    def selected_order(self) -> service.OrderRow | None:
        row = self.orders.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_check(self) -> service.CheckRow | None:
        row = self.checks.currentRow()
        return self.check_rows[row] if 0 <= row < len(self.check_rows) else None

    # --- actions -----------------------------------------------------------------------------------
    def generate(self) -> None:
        day = self.day()
        engine, actor = self.ctx.engine, self.ctx.actor

        def work(progress):
            with session_scope(engine) as s:
                return service.generate_orders(s, actor=actor, day=day, progress=progress)

        def done(res: service.GenerateResult) -> None:
            if res.holiday:
                self._generated = self.tr("{day} is a statutory holiday ({name}): the canteen is closed, no orders.").format(
                    day=day.isoformat(), name=res.holiday)
            else:
                self._generated = self.tr("Generated {created} new orders ({existing} already there, {paused} paused).").format(
                    created=res.created, existing=res.existing, paused=res.paused)
                if res.short:
                    self._generated += " " + self.tr("Not ordered, balance too low: {names}.").format(names="、".join(res.short))
            self.refresh()

        self.last_op = run_op(self, work, done, title=self.tr("Generating orders"))

    def set_outcome(self, outcome: str) -> None:
        row = self.selected_order()
        if row is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.record_outcome(s, actor=self.ctx.actor, recipient_id=row.recipient_id, day=row.day,
                                       meal=row.meal, outcome=outcome, at=utcnow())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        current = self.orders.currentRow()
        self.refresh()
        self.orders.selectRow(min(current + 1, self.orders.rowCount() - 1))

    def cancel_order(self) -> None:
        row = self.selected_order()
        if row is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.cancel_order(s, actor=self.ctx.actor, order_id=row.id)
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.refresh()

    def record_call(self) -> None:
        check = self.selected_check()
        if check is None or check.closed_at is not None:
            return
        answer = CallDialog.ask(self, check)
        if answer is None:
            return
        target, result, note = answer
        try:
            with session_scope(self.ctx.engine) as s:
                service.record_attempt(s, actor=self.ctx.actor, check_id=check.id, target=target, result=result, note=note)
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.refresh()

    def close_check(self) -> None:
        check = self.selected_check()
        if check is None or check.closed_at is not None:
            return
        answer = CloseCheckDialog.ask(self, check)
        if answer is None:
            return
        outcome, note = answer
        try:
            with session_scope(self.ctx.engine) as s:
                service.close_check(s, actor=self.ctx.actor, check_id=check.id, outcome=outcome, note=note)
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.refresh()

    def assign(self) -> None:
        row = self.routes.currentRow()
        vid = self.volunteer.currentData()
        if row < 0 or vid is None:
            return
        compound = self.routes.item(row, 0).data(Qt.ItemDataRole.UserRole)
        try:
            with session_scope(self.ctx.engine) as s:
                service.assign_route(s, actor=self.ctx.actor, compound=compound, volunteer_resident_id=vid, day=self.day())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.refresh()

    def check_in(self, resident_id: int) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                order = service.check_in(s, actor=self.ctx.actor, resident_id=resident_id, day=self.day(), meal=self.meal_key())
                name = service.resident_names(s, actor=self.ctx.actor, ids=[resident_id]).get(resident_id, "")
                balance = service.balance(s, order.recipient_id)
        except Exception as exc:
            self.counter_result.setStyleSheet(f"font-size: 15pt; color:{RED_FG.name()};")
            self.counter_result.setText(exc.text() if hasattr(exc, "text") else str(exc))
            self.picker.clear()
            return
        self.counter_result.setStyleSheet(f"font-size: 15pt; color:{GREEN_FG.name()};")
        self.counter_result.setText(self.tr("{name}: {meal} served. Charged {charge} yuan, balance {balance} yuan.").format(
            name=name, meal=tm(service.MEAL_LABELS[order.meal]), charge=yuan(order.charge_fen), balance=yuan(balance)))
        self.picker.clear()
        self.refresh()

    def scan(self) -> None:
        codes = self.ctx.services.passport_codes
        code = self.code.text().strip()
        self.code.clear()
        if codes is None or not code:
            return
        with session_scope(self.ctx.engine, write=False) as s:
            resident_id = codes.resolve_code(s, code)
        if resident_id is None:
            self.counter_result.setStyleSheet(f"font-size: 15pt; color:{RED_FG.name()};")
            self.counter_result.setText(self.tr("This code belongs to no resident; search by name instead."))
            return
        self.check_in(resident_id)

    def _print(self, kind: str, build) -> None:
        day, meal = self.day(), self.meal_key()
        target = output_dir(self.ctx) / f"meals-{kind}-{day.isoformat()}-{meal}.pdf"
        engine, actor, station = self.ctx.engine, self.ctx.actor, self.ctx.station_name

        def work(progress):
            with session_scope(engine, write=False) as s:
                return build(s, actor, day, meal, target, station, progress)

        def done(path) -> None:
            self.last_file = path
            self.info_box = show_info(self, self.tr("Saved {path}").format(path=path))
            open_file(path)

        self.last_op = run_op(self, work, done, title=self.tr("Preparing the papers"))

    def print_routes(self) -> None:
        from desktop_app.meals import pdf

        def build(s, actor, day, meal, target, station, progress):
            rts = service.routes(s, actor=actor, day=day, meal=meal)
            return pdf.route_sheets(rts, target, station=station, progress=progress)

        self._print("routes", build)

    def print_labels(self) -> None:
        from desktop_app.meals import pdf

        def build(s, actor, day, meal, target, station, progress):
            rows = service.day_orders(s, actor=actor, day=day, meal=meal, include_cancelled=False)
            return pdf.labels(rows, target)

        self._print("labels", build)


class RecipientsTab(QWidget):
    def __init__(self, ctx: AppContext, day_tab: DayTab, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.day_tab = day_tab
        self.dialog: RecipientDialog | None = None
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = SearchBox(self, self.tr("Search: name, pinyin, initials, phone digits"))
        self.search.setObjectName("recipientSearch")
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("all statuses"), "")
        for value, label in service.STATUS_LABELS.items():
            self.status.addItem(tm(label), value)
        self.new_button = QPushButton(self.tr("New recipient…"), self)
        self.new_button.setObjectName("newRecipient")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editRecipient")
        self.add_meal_button = QPushButton(self.tr("Add a meal on the day shown"), self)
        self.add_meal_button.setObjectName("addMeal")
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.add_meal_button)
        lay.addLayout(bar)
        cols = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Status"), self._status_text,
                   foreground=lambda r: QBrush(RED_FG) if r.effective_status != "active" else None),
            Column(self.tr("Service"), lambda r: tm(service.SERVICE_LABELS[r.service])),
            Column(self.tr("Schedule"), lambda r: self._schedule_text(r.schedule)),
            Column(self.tr("Diet"), lambda r: diet_names(r.diets, r.avoid)),
            Column(self.tr("Balance"), lambda r: yuan(r.balance_fen), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   foreground=lambda r: QBrush(RED_FG) if r.balance_fen <= self.low else None),
            Column(self.tr("Address"), lambda r: r.address),
        ]
        self.model = KeysetTableModel(cols, self._fetch, lambda r: (r.sort_key, r.id), self)
        self.view = QTableView(self)
        self.view.setObjectName("recipients")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        lay.addWidget(self.view)
        self.search.query_changed.connect(lambda _q: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.add_meal_button.clicked.connect(self.add_meal)
        self.new_button.setEnabled(ctx.can(service.MANAGE_RECIPIENTS))
        self.edit_button.setEnabled(ctx.can(service.MANAGE_RECIPIENTS))
        self.add_meal_button.setEnabled(ctx.can(service.RUN_MEAL_DAY))
        self.reload()

    def _status_text(self, r: service.RecipientRow) -> str:
        if r.effective_status == "paused" and r.paused_until:
            return self.tr("paused until {day}").format(day=r.paused_until.isoformat())
        return tm(service.STATUS_LABELS[r.effective_status])

    def _schedule_text(self, mask: int) -> str:
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]
        parts = []
        for meal in MEALS:
            on = [w for w in range(7) if mask & service.schedule_bit(w, meal)]
            if not on:
                continue
            if len(on) == 7:
                text = self.tr("daily")
            elif on == [0, 1, 2, 3, 4]:
                text = self.tr("Mon–Fri")
            else:
                text = " ".join(days[w] for w in on)
            parts.append(f"{tm(service.MEAL_LABELS[meal])} {text}")
        return "；".join(parts)

    def _fetch(self, after, limit):
        with session_scope(self.ctx.engine, write=False) as s:
            self.low = service.get_settings(s).low_balance_fen
            return service.list_recipients(s, actor=self.ctx.actor, q=self.search.text(), status=self.status.currentData(),
                                           after=after, limit=limit)

    low = 0

    def reload(self) -> None:
        self.model.reload()
        self.view.resizeColumnsToContents()

    def selected(self) -> service.RecipientRow | None:
        idx = self.view.currentIndex()
        return self.model.row(idx) if idx.isValid() else None

    def new(self) -> None:
        self._open(RecipientDialog(self.ctx, None, self))

    def edit(self) -> None:
        row = self.selected()
        if row is not None and self.ctx.can(service.MANAGE_RECIPIENTS):
            self._open(RecipientDialog(self.ctx, row.id, self))

    def _open(self, dialog: RecipientDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: (self.reload(), self.day_tab.refresh()))
        dialog.open()

    def add_meal(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.add_order(s, actor=self.ctx.actor, recipient_id=row.id, day=self.day_tab.day(),
                                  meal=self.day_tab.meal_key())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.reload()
        self.day_tab.refresh()


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recipient_id: int | None = None
        self.last_files: list[Path] = []
        self.last_op = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        lay.addLayout(left, 3)
        self.picker = ResidentPicker(ctx, self)
        self.picker.chosen.connect(lambda row: self.show_resident(row.id))
        left.addWidget(self.picker)
        self.heading = QLabel(self.tr("Find a recipient to see the account."), self)
        self.heading.setObjectName("accountHeading")
        self.heading.setStyleSheet("font-size: 14pt;")
        left.addWidget(self.heading)
        self.ledger = _table(self, [self.tr("Date"), self.tr("Item"), self.tr("Amount"), self.tr("Receipt / note"),
                                    self.tr("Recorded")], "ledger")
        left.addWidget(self.ledger, 1)
        pay = QGroupBox(self.tr("Top-up"), self)
        pl = QHBoxLayout(pay)
        self.amount = QLineEdit(pay)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 200"))
        self.method = combo(service.METHOD_LABELS, pay)
        self.method.setObjectName("method")
        self.receipt = QLineEdit(pay)
        self.receipt.setObjectName("receipt")
        self.receipt.setPlaceholderText(self.tr("receipt number"))
        self.top_up_button = QPushButton(self.tr("Take top-up"), pay)
        self.top_up_button.setObjectName("topUp")
        self.top_up_button.clicked.connect(self.top_up)
        for w in (self.amount, self.method, self.receipt, self.top_up_button):
            pl.addWidget(w)
        left.addWidget(pay)
        fix = QGroupBox(self.tr("Correction (a new entry; nothing is ever changed)"), self)
        fl = QHBoxLayout(fix)
        self.fix_amount = QLineEdit(fix)
        self.fix_amount.setObjectName("fixAmount")
        self.fix_amount.setPlaceholderText(self.tr("± yuan"))
        self.fix_note = QLineEdit(fix)
        self.fix_note.setObjectName("fixNote")
        self.fix_note.setPlaceholderText(self.tr("reason"))
        self.fix_button = QPushButton(self.tr("Add correction"), fix)
        self.fix_button.setObjectName("correct")
        self.fix_button.clicked.connect(self.correct)
        for w in (self.fix_amount, self.fix_note, self.fix_button):
            fl.addWidget(w)
        left.addWidget(fix)
        pay.setEnabled(ctx.can(service.TAKE_PAYMENTS))
        fix.setEnabled(ctx.can(service.CORRECT_ACCOUNTS))

        right = QVBoxLayout()
        lay.addLayout(right, 2)
        month_box = QGroupBox(self.tr("Month"), self)
        ml = QFormLayout(month_box)
        self.month = QDateEdit(qdate(date.today().replace(day=1)), month_box)
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        ml.addRow(self.tr("Month"), self.month)
        self.statement_button = QPushButton(self.tr("Statement of this recipient (PDF)"), month_box)
        self.statement_button.setObjectName("statement")
        self.all_button = QPushButton(self.tr("Statements of everyone (PDF)"), month_box)
        self.all_button.setObjectName("allStatements")
        self.claim_button = QPushButton(self.tr("Subsidy claim (PDF + Excel)"), month_box)
        self.claim_button.setObjectName("claim")
        for b in (self.statement_button, self.all_button, self.claim_button):
            ml.addRow(b)
            b.setEnabled(ctx.can(service.PRINT_MONTH))
        self.rates_button = QPushButton(self.tr("Prices, subsidy tiers and settings…"), month_box)
        self.rates_button.setObjectName("rates")
        self.rates_button.setEnabled(ctx.can(service.MANAGE_RATES))
        self.rates_button.clicked.connect(self.open_rates)
        ml.addRow(self.rates_button)
        self.rates_dialog = None
        self.statement_button.clicked.connect(self.print_statement)
        self.all_button.clicked.connect(self.print_all)
        self.claim_button.clicked.connect(self.print_claim)
        right.addWidget(month_box)
        right.addWidget(QLabel(self.tr("Low balances (active recipients)")))
        self.low = QListWidget(self)
        self.low.setObjectName("lowBalances")
        self.low.itemActivated.connect(lambda item: self.show_recipient(item.data(Qt.ItemDataRole.UserRole)))
        self.low.itemClicked.connect(lambda item: self.show_recipient(item.data(Qt.ItemDataRole.UserRole)))
        right.addWidget(self.low, 1)
        self.refresh_low()

    def open_rates(self) -> None:
        self.rates_dialog = RatesDialog(self.ctx, self)
        self.rates_dialog.finished.connect(lambda _r: self.refresh_low())
        self.rates_dialog.open()

    def refresh_low(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            rows = service.low_balances(s, actor=self.ctx.actor)
        self.low.clear()
        for rid, name, fen in rows:
            item = QListWidgetItem(f"{name}   {yuan(fen)}")
            item.setData(Qt.ItemDataRole.UserRole, rid)
            item.setForeground(QBrush(RED_FG))
            self.low.addItem(item)

    def show_resident(self, resident_id: int) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            rec = service.recipient_for_resident(s, actor=self.ctx.actor, resident_id=resident_id)
        if rec is None:
            self.recipient_id = None
            self.heading.setText(self.tr("Not a meal recipient."))
            self.ledger.setRowCount(0)
            return
        self.show_recipient(rec.id)

    def show_recipient(self, recipient_id: int) -> None:
        self.recipient_id = recipient_id
        with session_scope(self.ctx.engine, write=False) as s:
            rec = service.get_recipient(s, actor=self.ctx.actor, recipient_id=recipient_id)
            name = service.resident_names(s, actor=self.ctx.actor, ids=[rec.resident_id]).get(rec.resident_id, "")
            bal = service.balance(s, recipient_id)
            low = service.get_settings(s).low_balance_fen
            entries = service.ledger_page(s, actor=self.ctx.actor, recipient_id=recipient_id, limit=300)
        colour = RED_FG.name() if bal <= low else "inherit"
        self.heading.setText(self.tr("{name}: balance <span style='color:{colour}'><b>{balance}</b></span> yuan "
                                     "(credit limit {credit})").format(name=name, colour=colour, balance=yuan(bal),
                                                                      credit=yuan(rec.credit_limit_fen)))
        t = self.ledger
        t.setRowCount(len(entries))
        for i, e in enumerate(entries):
            extra = " ".join(x for x in (tm(service.METHOD_LABELS[e.method]) if e.method else "", e.receipt_no, e.note) if x)
            cells = [e.day.isoformat(), tm(service.LEDGER_LABELS[e.kind]), yuan(e.amount_fen), extra, fmt_local(e.at)]
            for c, text in enumerate(cells):
                t.setItem(i, c, _item(text, align_right=(c == 2)))
        t.resizeColumnsToContents()

    def top_up(self) -> None:
        if self.recipient_id is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.top_up(s, actor=self.ctx.actor, recipient_id=self.recipient_id, amount=self.amount.text(),
                               method=self.method.currentData(), receipt_no=self.receipt.text())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.amount.clear()
        self.receipt.clear()
        self.show_recipient(self.recipient_id)
        self.refresh_low()

    def correct(self) -> None:
        if self.recipient_id is None:
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.correct_account(s, actor=self.ctx.actor, recipient_id=self.recipient_id,
                                        amount=self.fix_amount.text(), note=self.fix_note.text())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.fix_amount.clear()
        self.fix_note.clear()
        self.show_recipient(self.recipient_id)
        self.refresh_low()

    def _ym(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def _run(self, work, title: str) -> None:
        def done(paths_out) -> None:
            self.last_files = list(paths_out)
            self.info_box = show_info(self, self.tr("Saved {path}").format(path="\n".join(map(str, self.last_files))))
            open_file(self.last_files[0])

        self.last_op = run_op(self, work, done, title=title)

    def print_statement(self) -> None:
        if self.recipient_id is None:
            return
        from desktop_app.meals import pdf

        year, month = self._ym()
        rid, engine, actor, station = self.recipient_id, self.ctx.engine, self.ctx.actor, self.ctx.station_name
        target = output_dir(self.ctx) / f"meals-statement-{year}-{month:02d}-{rid}.pdf"

        def work(progress):
            with session_scope(engine, write=False) as s:
                st = service.statement(s, actor=actor, recipient_id=rid, year=year, month=month)
            return [pdf.statements([st], target, station=station, progress=progress)]

        self._run(work, self.tr("Preparing the statement"))

    def print_all(self) -> None:
        from desktop_app.meals import pdf

        year, month = self._ym()
        engine, actor, station = self.ctx.engine, self.ctx.actor, self.ctx.station_name
        target = output_dir(self.ctx) / f"meals-statements-{year}-{month:02d}.pdf"

        def work(progress):
            with session_scope(engine, write=False) as s:
                items = service.month_statements(s, actor=actor, year=year, month=month, progress=progress)
            return [pdf.statements(items, target, station=station, progress=progress)]

        self._run(work, self.tr("Preparing the month's statements"))

    def print_claim(self) -> None:
        from desktop_app.meals import pdf

        year, month = self._ym()
        engine, actor, station = self.ctx.engine, self.ctx.actor, self.ctx.station_name
        folder = output_dir(self.ctx)

        def work(progress):
            with session_scope(engine, write=False) as s:
                cl = service.subsidy_claim(s, actor=actor, year=year, month=month)
                details = service.claim_details(s, actor=actor, year=year, month=month)
            progress(1, 2, "")
            a = pdf.claim(cl, folder / f"meals-claim-{year}-{month:02d}.pdf", station=station)
            b = pdf.claim_xlsx(cl, details, folder / f"meals-claim-{year}-{month:02d}.xlsx", station=station)
            return [a, b]

        self._run(work, self.tr("Preparing the subsidy claim"))


class SamplesTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        form = QHBoxLayout()
        self.meal = combo(service.MEAL_LABELS, self)
        self.meal.setObjectName("sampleMeal")
        self.dishes = QLineEdit(self)
        self.dishes.setObjectName("dishes")
        self.dishes.setPlaceholderText(self.tr("dishes kept, e.g. braised fish, greens, rice"))
        self.person = QLineEdit(ctx.actor.display_name, self)
        self.person.setObjectName("person")
        self.keep_button = QPushButton(self.tr("Keep sample"), self)
        self.keep_button.setObjectName("keepSample")
        self.discard_button = QPushButton(self.tr("Discard selected"), self)
        self.discard_button.setObjectName("discardSample")
        for w in (self.meal, self.dishes, QLabel(self.tr("by")), self.person, self.keep_button, self.discard_button):
            form.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Each meal's sample is kept 48 hours in the sample fridge, then discarded and signed off here.")))
        self.table = _table(self, [self.tr("Day"), self.tr("Meal"), self.tr("Dishes"), self.tr("Kept by"), self.tr("Kept at"),
                                   self.tr("May discard from"), self.tr("Discarded")], "samples")
        lay.addWidget(self.table)
        self.keep_button.clicked.connect(self.keep)
        self.discard_button.clicked.connect(self.discard)
        self.rows: list = []
        self.refresh()

    def refresh(self) -> None:
        from datetime import timedelta

        with session_scope(self.ctx.engine, write=False) as s:
            self.rows = service.list_samples(s, actor=self.ctx.actor, since=date.today() - timedelta(days=14))
        now = utcnow()
        t = self.table
        t.setRowCount(len(self.rows))
        for i, x in enumerate(self.rows):
            due = service.sample_due(x)
            done = f"{fmt_local(x.discarded_at)} {x.discarded_by}" if x.discarded_at else ""
            cells = [x.day.isoformat(), tm(service.MEAL_LABELS[x.meal]), x.dishes, x.kept_by, fmt_local(x.kept_at),
                     fmt_local(due), done]
            for c, text in enumerate(cells):
                item = _item(text, x.id if c == 0 else None)
                if x.discarded_at is None and due <= now:
                    item.setBackground(QBrush(AMBER_BG))
                t.setItem(i, c, item)
        t.resizeColumnsToContents()

    def keep(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                service.keep_sample(s, actor=self.ctx.actor, day=date.today(), meal=self.meal.currentData(),
                                    dishes=self.dishes.text(), kept_by=self.person.text())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.dishes.clear()
        self.refresh()

    def discard(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        try:
            with session_scope(self.ctx.engine) as s:
                service.discard_sample(s, actor=self.ctx.actor, sample_id=self.rows[row].id, discarded_by=self.person.text())
        except Exception as exc:
            self.error_box = show_error(self, exc)
            return
        self.refresh()


class MealsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mealsPage")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mealsTabs")
        self.day = DayTab(ctx, self.tabs)
        self.recipients = RecipientsTab(ctx, self.day, self.tabs)
        self.accounts = AccountsTab(ctx, self.tabs)
        self.samples = SamplesTab(ctx, self.tabs)
        self.tabs.addTab(self.day, self.tr("Today's meals"))
        self.tabs.addTab(self.recipients, self.tr("Recipients"))
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.samples, self.tr("Food samples"))
        self.tabs.currentChanged.connect(self._tab_changed)
        lay.addWidget(self.tabs)

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is self.day:
            self.day.refresh()
        elif widget is self.accounts:
            self.accounts.refresh_low()
        elif widget is self.samples:
            self.samples.refresh()

