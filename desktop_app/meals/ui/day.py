"""The day tab: the coordinator's day and meal — generate orders, print route sheets, labels and the kitchen
sheet (each through its print preview), the day's papers in one action, record what happened at each door,
follow up nobody-home in red, the kitchen sheet, routes, the canteen counter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.i18n import colon, join
from desktop_app.core.papers import PaperKind
from desktop_app.meals import papers
from desktop_app.meals import pdf as meals_pdf
from desktop_app.meals.deliveries import (
    DayView,
    DeliveryVolunteer,
    Route,
    assign_route,
    day_view,
    record_outcome,
)
from desktop_app.meals.labels import (
    CALL_RESULT_LABELS,
    CHECK_OUTCOME_LABELS,
    DIET_LABELS,
    MEAL_LABELS,
    OUTCOME_LABELS,
    SERVICE_LABELS,
    TARGET_LABELS,
)
from desktop_app.meals.models import DIETS, MEALS, SERVICES, Meal, OrderOutcome, OrderStatus
from desktop_app.meals.orders import GenerateResult, KitchenSheet, OrderRow, cancel_order
from desktop_app.meals.permissions import RUN_MEAL_DAY
from desktop_app.meals.service_days import WORKING_DAY
from desktop_app.meals.ui.common import (
    combo,
    diet_names,
    make_table,
    paint,
    tm,
    tone_brushes,
)
from desktop_app.meals.ui.counter import CounterPanel
from desktop_app.meals.ui.dialogs import CallDialog, CloseCheckDialog
from desktop_app.meals.welfare import CheckRow, close_check, record_attempt
from desktop_app.ui import ops
from desktop_app.ui.calendar_note import CalendarNote
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import follow_today
from desktop_app.ui.export_action import shown_filter
from desktop_app.ui.fit import ElidedLabel, FlowLayout, show_rows
from desktop_app.ui.lazy_model import Column
from desktop_app.ui.printing import PrintPreview, open_preview, open_todays_papers
from desktop_app.ui.widgets import RowTable, fit_columns, pydate, qdate, read_only_item


class DayTab(QWidget):
    """One day and meal: generate, print, record what happened at each door, follow up not-home."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_op = None
        self.rows: list[OrderRow] = []
        self.check_rows: list[CheckRow] = []
        self.route_list: list[Route] = []
        self._generated = ""
        self._select_after: int | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)  # inside the tab's frame already
        lay.setSpacing(4)
        bar = FlowLayout()  # wraps on a narrow screen (ui/fit.py)
        self.date = follow_today(QDateEdit(qdate(date.today()), self))  # left on overnight: tomorrow's orders
        self.date.setObjectName("day")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.meal = combo(MEAL_LABELS, self)
        self.meal.setObjectName("meal")
        self.generate_button = QPushButton(self.tr("Generate orders"), self)
        self.generate_button.setObjectName("generate")
        self.routes_button = QPushButton(self.tr("Print route sheets"), self)
        self.routes_button.setObjectName("printRoutes")
        self.labels_button = QPushButton(self.tr("Print meal labels"), self)
        self.labels_button.setObjectName("printLabels")
        self.kitchen_button = QPushButton(self.tr("Print kitchen sheet"), self)
        self.kitchen_button.setObjectName("printKitchen")
        self.today_button = QPushButton(self.tr("Today's papers…"), self)
        self.today_button.setObjectName("todaysPapers")
        self.today_button.setToolTip(self.tr("Kitchen sheet, route sheets, labels and patrol sign-in sheets, printed in order"))
        bar.group(QLabel(self.tr("Day")), self.date)
        # The kitchen sheet's and the route sheets' prints are on their tabs: the toolbar keeps to one line at
        # 1024 px in large text.
        for w in (self.meal, self.generate_button, self.labels_button, self.today_button):
            bar.addWidget(w)
        lay.addLayout(bar)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.banner = QLabel(self)
        self.banner.setObjectName("welfareBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        lay.addWidget(self.banner)
        # the day lies in a year whose holidays are not entered: a holiday there gets meals as a weekday
        self.calendar_note = CalendarNote(self, "mealsCalendarNote")
        lay.addWidget(self.calendar_note)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        lay.addWidget(split, 1)
        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(4)
        self._build_orders(left, ll)
        self._build_checks(left, ll)
        right = QTabWidget(split)
        right.setObjectName("dayTabs")
        right.addTab(self._build_kitchen(right), self.tr("Kitchen sheet"))
        right.addTab(self._build_routes(right), self.tr("Routes"))
        right.addTab(self._build_counter(right), self.tr("Canteen counter"))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        self.generate_button.clicked.connect(self.generate)
        self.routes_button.clicked.connect(self.print_routes)
        self.labels_button.clicked.connect(self.print_labels)
        self.kitchen_button.clicked.connect(self.print_kitchen)
        self.today_button.clicked.connect(lambda: open_todays_papers(self, self.ctx, day=self.day()))
        self.date.dateChanged.connect(lambda _d: self.refresh())
        self.meal.currentIndexChanged.connect(lambda _i: self.refresh())
        can_run = ctx.can(RUN_MEAL_DAY)
        for w in (self.generate_button, self.cancel_button, self.assign_button):
            w.setEnabled(can_run)
        self.refresh()

    def _build_orders(self, left: QWidget, ll: QVBoxLayout) -> None:
        # The outcome beside the name: on a narrow screen in large text what the person records stays in sight.
        # A day of a big station is 900 orders: a model whose cells are made only when on screen (issue 21).
        self.volunteer_names: dict[int, str] = {}
        self.orders = RowTable([
            Column(self.tr("No."), lambda o: str(o[0] + 1), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   foreground=lambda o: self._order_brush(o, 0, 0), background=lambda o: self._order_brush(o, 0, 1)),
            *[Column(title, text, foreground=lambda o, c=c: self._order_brush(o, c, 0),
                     background=lambda o, c=c: self._order_brush(o, c, 1))
              for c, (title, text) in enumerate((
                  (self.tr("Name"), lambda o: o[1].name),
                  (self.tr("Outcome"), lambda o: self._outcome_text(o[1])),
                  (self.tr("Address"), lambda o: o[1].address),
                  (self.tr("Diet"), lambda o: diet_names(o[1].diets, o[1].avoid)),
                  (self.tr("Service"), lambda o: tm(SERVICE_LABELS[o[1].service])),
                  (self.tr("Volunteer"), lambda o: self.volunteer_names.get(o[1].volunteer_resident_id, ""))), start=1)],
        ], left)
        self.orders.setObjectName("orders")
        show_rows(self.orders, 3)
        ll.addWidget(self.orders, 3)
        ob = FlowLayout()
        self.outcome_buttons = {}
        for outcome, text in ((OrderOutcome.DELIVERED, self.tr("Delivered")), (OrderOutcome.NOT_HOME, self.tr("Not home")),
                              (OrderOutcome.REFUSED, self.tr("Refused")),
                              (OrderOutcome.CANCELLED, self.tr("Cancelled at the door"))):
            b = QPushButton(text, left)
            b.setObjectName(f"outcome_{outcome}")
            b.clicked.connect(lambda _c=False, o=outcome: self.set_outcome(o))
            self.outcome_buttons[outcome] = b
            ob.addWidget(b)
        self.cancel_button = QPushButton(self.tr("Cancel before cut-off"), left)
        self.cancel_button.setObjectName("cancelOrder")
        self.cancel_button.clicked.connect(self.cancel_order)
        ob.addStretch()
        ob.addWidget(self.cancel_button)
        ll.addLayout(ob)

    def _build_checks(self, left: QWidget, ll: QVBoxLayout) -> None:
        # The instructions in a label that elides (the whole text in its tooltip): a group box's title would
        # force the page's width on a small screen.
        checks_box = QGroupBox(left)
        checks_box.setObjectName("checksBox")
        cl = QVBoxLayout(checks_box)
        cl.setContentsMargins(6, 4, 6, 6)
        cl.setSpacing(4)
        title = ElidedLabel(self.tr("Welfare checks (nobody home): call the recipient, then the emergency contact, then the grid worker"), checks_box)
        title.setObjectName("checksTitle")
        cl.addWidget(title)
        self.checks = make_table(checks_box, [self.tr("Day"), self.tr("Name"), self.tr("Address"), self.tr("Calls"),
                                              self.tr("State")], "checks")
        show_rows(self.checks, 1)
        cl.addWidget(self.checks)
        cb = FlowLayout()
        self.call_button = QPushButton(self.tr("Record a call…"), checks_box)
        self.call_button.setObjectName("recordCall")
        self.call_button.clicked.connect(self.record_call)
        self.close_button = QPushButton(self.tr("Close check…"), checks_box)
        self.close_button.setObjectName("closeCheck")
        self.close_button.clicked.connect(self.close_check)
        cb.addWidget(self.call_button)
        cb.addWidget(self.close_button)
        cl.addLayout(cb)
        ll.addWidget(checks_box, 2)

    def _build_kitchen(self, right: QTabWidget) -> QWidget:
        kitchen = QWidget(right)
        kl = QVBoxLayout(kitchen)
        self.kitchen = make_table(kitchen, [self.tr("Count"), tm(MEAL_LABELS[Meal.LUNCH]), tm(MEAL_LABELS[Meal.DINNER])], "kitchen")
        self.kitchen.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # Its count columns stretch to the width: with a horizontal scroll bar as needed, a height where the
        # rows just fit made the two scroll bars take turns for ever (each one's appearing called for the
        # other; the GUI froze at 1024×768 — tests/ui/test_screen_sizes.py). The columns always fit the width.
        self.kitchen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kl.addWidget(self.kitchen, 2)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Foods to avoid")), 1)
        row.addWidget(self.kitchen_button)
        kl.addLayout(row)
        self.avoid_list = QListWidget(kitchen)
        self.avoid_list.setObjectName("avoidList")
        kl.addWidget(self.avoid_list, 1)
        return kitchen

    def _build_routes(self, right: QTabWidget) -> QWidget:
        routes = QWidget(right)
        rl = QVBoxLayout(routes)
        self.routes = make_table(routes, [self.tr("Route (compound)"), self.tr("Stops"), self.tr("Volunteer")], "routes")
        rl.addWidget(self.routes)
        rl.addWidget(self.routes_button)
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
        return routes

    def _build_counter(self, right: QTabWidget) -> QWidget:
        self.counter = CounterPanel(self.ctx, self.day, self.meal_key, self.refresh, right)
        self.picker, self.counter_result = self.counter.picker, self.counter.result
        return self.counter

    # --- state -----------------------------------------------------------------------------------
    def day(self) -> date:
        return pydate(self.date.date())

    def meal_key(self) -> str:
        return self.meal.currentData()

    def export_filter(self, view) -> list[str]:
        return shown_filter(self.date, self.meal, always=(self.meal,))

    def refresh(self) -> None:
        day, meal, actor = self.day(), self.meal_key(), self.ctx.actor
        self.calendar_note.check(self.ctx.engine, day)
        ops.query(self, self.ctx.engine, lambda s: day_view(s, actor=actor, day=day, meal=meal),
                  lambda view: self._show(view, day, meal), latest="day")

    def _show(self, view: DayView, day: date, meal: str) -> None:
        self.rows = view.orders
        self.check_rows = view.checks
        self._fill_orders(view.volunteer_names, day, meal)
        self._fill_kitchen(view.kitchen)
        self._fill_routes(view.routes, view.volunteers)
        self._fill_checks()
        if self._select_after is not None and self.orders.rowCount():
            self.orders.selectRow(min(self._select_after, self.orders.rowCount() - 1))
        self._select_after = None

    def _outcome_text(self, r: OrderRow) -> str:
        outcome = tm(OUTCOME_LABELS[r.outcome])
        if r.outcome_at and r.outcome in (OrderOutcome.DELIVERED, OrderOutcome.SERVED):
            outcome += " " + fmt_local(r.outcome_at, "%H:%M")
        return outcome

    def _order_brush(self, numbered: tuple[int, OrderRow], column: int, which: int):
        """The cell's tone as the style sheet draws it (foreground: which=0, background: 1), or None."""
        r = numbered[1]
        if r.outcome == OrderOutcome.NOT_HOME:
            tone = "alert"
        elif r.status == OrderStatus.CANCELLED:
            tone = "muted"
        elif r.outcome in (OrderOutcome.DELIVERED, OrderOutcome.SERVED) and column == 2:
            tone = "done"
        else:
            return None
        return tone_brushes(tone)[which]

    def _fill_orders(self, names: dict[int, str], day: date, meal: str) -> None:
        t = self.orders
        self.volunteer_names = names
        t.set_rows(list(enumerate(self.rows)))
        fit_columns(t)
        t.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the address
        total = sum(1 for r in self.rows if r.status == OrderStatus.ORDERED)
        done = sum(1 for r in self.rows if r.outcome)
        weekdays = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"), self.tr("Friday"),
                    self.tr("Saturday"), self.tr("Sunday")]
        day_text = f"{day.isoformat()} {weekdays[day.weekday()]}"
        self.summary.setText(self.tr("{meal} on {day}: ordered {total}, outcome recorded {done}.").format(
            meal=tm(MEAL_LABELS[meal]), day=day_text, total=total, done=done)
            + (" " + self._generated if self._generated else ""))

    def _fill_kitchen(self, sheet: KitchenSheet) -> None:
        keys = ["total", *SERVICES, *DIETS, "plain"]
        labels = {"total": self.tr("Meals"), **{k: tm(SERVICE_LABELS[k]) for k in SERVICES}, "plain": self.tr("no special diet")}
        t = self.kitchen
        t.setRowCount(len(keys))
        for i, k in enumerate(keys):
            t.setItem(i, 0, read_only_item(labels.get(k) or tm(DIET_LABELS[k])))
            for j, meal in enumerate(MEALS):
                t.setItem(i, j + 1, read_only_item(str(sheet.counts[meal][k]), align_right=True))
        fit_columns(t)
        for col in (1, 2):
            t.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.avoid_list.clear()
        for meal in MEALS:
            for name, text in sheet.avoid[meal]:
                self.avoid_list.addItem(f"{tm(MEAL_LABELS[meal])}  {name}：{text}")

    def _fill_routes(self, rts: list[Route], vols: list[DeliveryVolunteer]) -> None:
        self.route_list = rts
        t = self.routes
        t.setRowCount(len(rts))
        for i, r in enumerate(rts):
            t.setItem(i, 0, read_only_item(r.compound or "—", r.compound))
            t.setItem(i, 1, read_only_item(str(len(r.stops)), align_right=True))
            vol = f"{r.volunteer_name} {r.volunteer_phone}" if r.volunteer_name else self.tr("not assigned")
            item = read_only_item(vol)
            if not r.volunteer_name:
                paint(item, "warn")
            t.setItem(i, 2, item)
        fit_columns(t)
        current = self.volunteer.currentData()
        self.volunteer.clear()
        for v in vols:
            self.volunteer.addItem(f"{v.name}  {v.phone}", v.resident_id)
        i = self.volunteer.findData(current)
        if i >= 0:
            self.volunteer.setCurrentIndex(i)
        self.no_volunteers.setVisible(not vols)

    def _fill_checks(self) -> None:
        today = date.today()
        t = self.checks
        t.setRowCount(len(self.check_rows))
        open_count = 0
        for i, c in enumerate(self.check_rows):
            calls = join(f"{tm(TARGET_LABELS[a[0]])}{colon()}{tm(CALL_RESULT_LABELS[a[1]])}" for a in c.attempts)
            if c.closed_at is None:
                open_count += 1
                state = self.tr("OPEN since {time}").format(time=fmt_local(c.opened_at, "%m-%d %H:%M"))
                if c.overdue(today):
                    state = self.tr("OVERDUE — not closed on {day}").format(day=c.day.isoformat())
            else:
                state = tm(CHECK_OUTCOME_LABELS[c.outcome]) + " " + fmt_local(c.closed_at, "%H:%M")
            for col, text in enumerate([c.day.isoformat(), c.name, c.address, calls or self.tr("no call yet"), state]):
                item = read_only_item(text, c.id if col == 0 else None)
                if c.closed_at is None:
                    paint(item, "alert")
                t.setItem(i, col, item)
        fit_columns(t)
        self.banner.setVisible(open_count > 0)
        self.banner.setText(self.tr("{n} welfare check(s) open: nobody answered the door. Call and close each one today.").format(n=open_count))

    def selected_order(self) -> OrderRow | None:
        row = self.orders.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def selected_check(self) -> CheckRow | None:
        row = self.checks.currentRow()
        return self.check_rows[row] if 0 <= row < len(self.check_rows) else None

    # --- actions -----------------------------------------------------------------------------------
    def _write(self, fn, on_done=None) -> None:
        """A change through the database lane, then the day shown again (a refresh asked for after a
        save sees it)."""
        ops.write(self, self.ctx.engine, fn, on_done=lambda result: (on_done(result) if on_done else None, self.refresh()))

    def generate(self) -> None:
        day, engine, actor = self.day(), self.ctx.engine, self.ctx.actor

        def done(res: GenerateResult) -> None:
            if res.holiday:
                self._generated = self.tr("{day} is a statutory holiday ({name}): the canteen is closed, no orders.").format(
                    day=day.isoformat(), name=res.holiday)
            elif res.rule == WORKING_DAY:
                self._generated = self.tr("{day} is an adjusted workday: meals for whoever has them every Monday to Friday. "
                                          "Generated {created} new orders ({existing} already there, {paused} paused).").format(
                    day=day.isoformat(), created=res.created, existing=res.existing, paused=res.paused)
            else:
                self._generated = self.tr("Orders generated: {created} new, {existing} already there, {paused} paused.").format(
                    created=res.created, existing=res.existing, paused=res.paused)
                if res.short:
                    self._generated += " " + self.tr("Not ordered, balance too low: {names}.").format(names=join(res.short))
            self.refresh()

        self.last_op = ops.run_op(self, lambda progress: papers.generate_day(engine, actor=actor, day=day, progress=progress),
                                  done, title=self.tr("Generating orders"))

    def set_outcome(self, outcome: str) -> None:
        row = self.selected_order()
        if row is None:
            return
        actor, at, following = self.ctx.actor, utcnow(), self.orders.currentRow() + 1
        self._write(lambda s: record_outcome(s, actor=actor, recipient_id=row.recipient_id, day=row.day, meal=row.meal,
                                             outcome=outcome, at=at),
                    on_done=lambda _order: setattr(self, "_select_after", following))  # on to the next door

    def cancel_order(self) -> None:
        row = self.selected_order()
        if row is None:
            return
        actor = self.ctx.actor
        self._write(lambda s: cancel_order(s, actor=actor, order_id=row.id))

    def record_call(self) -> None:
        check = self.selected_check()
        if check is None or check.closed_at is not None:
            return
        answer = CallDialog.ask(self, check)
        if answer is None:
            return
        target, result, note = answer
        actor = self.ctx.actor
        self._write(lambda s: record_attempt(s, actor=actor, check_id=check.id, target=target, result=result, note=note))

    def close_check(self) -> None:
        check = self.selected_check()
        if check is None or check.closed_at is not None:
            return
        answer = CloseCheckDialog.ask(self, check)
        if answer is None:
            return
        outcome, note = answer
        actor = self.ctx.actor
        self._write(lambda s: close_check(s, actor=actor, check_id=check.id, outcome=outcome, note=note))

    def assign(self) -> None:
        row = self.routes.currentRow()
        vid = self.volunteer.currentData()
        if row < 0 or vid is None:
            return
        compound = self.routes.item(row, 0).data(Qt.ItemDataRole.UserRole)
        actor, day = self.ctx.actor, self.day()
        self._write(lambda s: assign_route(s, actor=actor, compound=compound, volunteer_resident_id=vid, day=day))

    def _preview(self, kind: PaperKind, make) -> PrintPreview:
        day, meal = self.day(), self.meal_key()
        whole_day = kind == PaperKind.KITCHEN
        return open_preview(self, self.ctx, kind, lambda progress, skip: make(day, meal, progress, skip),
                            key=(day, None if whole_day else meal),
                            save_name=meals_pdf.file_name(kind, day.isoformat(), *(() if whole_day else (meal,))))

    def print_routes(self) -> PrintPreview:
        engine, actor = self.ctx.engine, self.ctx.actor
        return self._preview(PaperKind.ROUTES, lambda day, meal, progress, _skip: papers.route_sheets(
            engine, actor=actor, day=day, meal=meal, progress=progress))

    def print_labels(self) -> PrintPreview:
        engine, actor = self.ctx.engine, self.ctx.actor
        return self._preview(PaperKind.LABELS, lambda day, meal, progress, skip: papers.meal_labels(
            engine, actor=actor, day=day, meal=meal, skip=skip, progress=progress))

    def print_kitchen(self) -> PrintPreview:
        engine, actor = self.ctx.engine, self.ctx.actor
        return self._preview(PaperKind.KITCHEN, lambda day, _meal, progress, _skip: papers.kitchen(
            engine, actor=actor, day=day, progress=progress))
