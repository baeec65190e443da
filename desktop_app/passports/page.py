"""The passports page at the desk: issue/replace, stamp, correct, redeem; activities; rewards; kiosk settings.

Thin: every button calls one service function in one transaction and shows the service's message
when it refuses.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.passports import codes, service
from desktop_app.passports.dialogs import ActivityDialog, Ask, RewardDialog
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui.context import AppContext
from desktop_app.ui.lazy_model import Column, KeysetTableModel, ListTableModel
from desktop_app.ui.messages import show_error, show_info


def tr_p(text: str) -> str:
    return QCoreApplication.translate("Passports", text)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PassportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None, *, today=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.tabs = QTabWidget(self)
        self.desk = DeskTab(self)
        self.tabs.addTab(self.desk, self.tr("Passports"))
        self.activities = ActivitiesTab(self)
        self.tabs.addTab(self.activities, self.tr("Activities"))
        self.rewards = RewardsTab(self)
        self.tabs.addTab(self.rewards, self.tr("Rewards"))
        self.settings_tab = SettingsTab(self)
        self.tabs.addTab(self.settings_tab, self.tr("Kiosk and wall"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def today(self) -> date:
        return self._today() if self._today else clock.today()

    def run(self, work, *, write: bool = True):
        """One service call in one transaction; refusals are shown, None returned."""
        try:
            with session_scope(self.ctx.engine, write=write) as s:
                return work(s)
        except SmileDeskError as exc:
            self.last_error = show_error(self, exc)
            return None

    def refresh(self) -> None:
        self.desk.refresh_choices()
        self.desk.show_overview()
        self.activities.reload()
        self.rewards.reload()


class DeskTab(QWidget):
    """Find a resident (name, pinyin, phone digits, or scan the passport) and act on their passport."""

    def __init__(self, page: PassportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.resident_id: int | None = None
        self.card: service.CardView | None = None

        self.picker = ResidentPicker(self.ctx, self)
        self.picker.chosen.connect(lambda row: self.show_resident(row.id))
        self.scan_box = QLineEdit(self)
        self.scan_box.setObjectName("scanBox")
        self.scan_box.setPlaceholderText(self.tr("Scan or type a passport number"))
        self.scan_box.returnPressed.connect(self._scanned)
        find = QHBoxLayout()
        find.addWidget(self.picker, 3)
        find.addWidget(self.scan_box, 2)

        self.summary = QLabel(self.tr("Choose a resident, or scan their passport."), self)
        self.summary.setObjectName("passportSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("QLabel#passportSummary { font-size: 13pt; }")
        self.wall_box = QCheckBox(self.tr("Leave off the smile wall"), self)
        self.wall_box.toggled.connect(self._wall_toggled)

        self.issue_button = QPushButton(self.tr("Issue passport"), self)
        self.issue_button.clicked.connect(self.issue)
        self.lost_button = QPushButton(self.tr("Report lost"), self)
        self.lost_button.clicked.connect(self.report_lost)
        self.replace_button = QPushButton(self.tr("Replace card"), self)
        self.replace_button.clicked.connect(self.replace)
        self.print_button = QPushButton(self.tr("Print card…"), self)
        self.print_button.clicked.connect(self.print_card)
        self.cover_button = QPushButton(self.tr("Print booklet cover…"), self)
        self.cover_button.clicked.connect(self.print_cover)
        card_buttons = QHBoxLayout()
        for b in (self.issue_button, self.lost_button, self.replace_button, self.print_button, self.cover_button):
            card_buttons.addWidget(b)
        card_buttons.addStretch(1)

        self.activity_combo = QComboBox(self)
        self.activity_combo.setObjectName("activityCombo")
        self.stamp_button = QPushButton(self.tr("Stamp"), self)
        self.stamp_button.clicked.connect(self.stamp)
        self.reward_combo = QComboBox(self)
        self.reward_combo.setObjectName("rewardCombo")
        self.redeem_button = QPushButton(self.tr("Redeem"), self)
        self.redeem_button.clicked.connect(self.redeem)
        actions = QGridLayout()
        actions.addWidget(QLabel(self.tr("Today's activity"), self), 0, 0)
        actions.addWidget(self.activity_combo, 0, 1)
        actions.addWidget(self.stamp_button, 0, 2)
        actions.addWidget(QLabel(self.tr("Reward"), self), 1, 0)
        actions.addWidget(self.reward_combo, 1, 1)
        actions.addWidget(self.redeem_button, 1, 2)
        actions.setColumnStretch(1, 1)

        self.ledger_model = KeysetTableModel(
            [
                Column(self.tr("Date"), lambda r: r.occurred_on.isoformat()),
                Column(self.tr("Kind"), lambda r: tr_p(service.KIND_LABELS.get(r.kind, r.kind))),
                Column(self.tr("Stamps"), lambda r: f"{r.stamps:+d}", align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                Column(self.tr("For"), lambda r: tr_p(service.PERIOD_LABELS[r.what])
                       if r.kind == "patrol" and r.what in service.PERIOD_LABELS else r.what),
                Column(self.tr("Reason"), lambda r: r.reason),
                Column(self.tr("By"), lambda r: r.actor_name),
                Column(self.tr("Where"), lambda r: tr_p(service.PLACE_LABELS.get(r.place, r.place))),
                Column(self.tr("Corrected"), lambda r: self.tr("yes") if r.reversed else ""),
            ],
            lambda after, limit: [],
            lambda r: (r.occurred_on, r.id),
        )
        self.ledger = _table(self.ledger_model)
        self.ledger.setObjectName("ledgerTable")
        self.ledger.horizontalHeader().setStretchLastSection(False)
        self.ledger.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.correct_button = QPushButton(self.tr("Correct selected entry…"), self)
        self.correct_button.clicked.connect(self.correct)

        box = QGroupBox(self.tr("Stamp ledger"), self)
        bl = QVBoxLayout(box)
        bl.addWidget(self.ledger)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.correct_button)
        bl.addLayout(row)

        lay = QVBoxLayout(self)
        lay.addLayout(find)
        lay.addWidget(self.summary)
        lay.addWidget(self.wall_box)
        lay.addLayout(card_buttons)
        lay.addLayout(actions)
        lay.addWidget(box, 1)
        self.refresh_choices()
        self._sync_buttons()
        self.show_overview()

    def show_overview(self) -> None:
        got = self.page.run(lambda s: service.overview(s, actor=self.ctx.actor, day=self.page.today()), write=False)
        if got is None or self.resident_id is not None:
            return
        self.summary.setText(
            self.tr("Choose a resident, or scan their passport.") + "\n"
            + self.tr("Today: {stamps} stamps given · {activities} activities · {passports} active passports · "
                      "{waiting} honours waiting for a certificate").format(
                stamps=got.stamps_today, activities=got.activities_today, passports=got.active_passports,
                waiting=got.honours_waiting)
        )

    # --- state --------------------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        current_activity = self.activity_combo.currentData()
        current_reward = self.reward_combo.currentData()
        self.activity_combo.clear()
        self.reward_combo.clear()
        with session_scope(self.ctx.engine, write=False) as s:
            activities = service.activities_on(s, self.page.today(), self.ctx.actor)
            rewards = service.list_rewards(s, actor=self.ctx.actor) if self.ctx.can(service.VIEW_PASSPORTS) else []
        for a in activities:
            self.activity_combo.addItem(self.tr("{name} (+{n})").format(name=a.name, n=a.stamps), a.id)
        for r in rewards:
            self.reward_combo.addItem(self.tr("{name} — {cost} stamps, {stock} left").format(name=r.name, cost=r.cost, stock=r.stock), r.id)
        for combo, value in ((self.activity_combo, current_activity), (self.reward_combo, current_reward)):
            i = combo.findData(value)
            if i >= 0:
                combo.setCurrentIndex(i)

    def _sync_buttons(self) -> None:
        has = self.resident_id is not None
        card = self.card
        can_issue = self.ctx.can(service.ISSUE_PASSPORTS)
        self.issue_button.setEnabled(has and can_issue and card is not None and not card.number)
        for b in (self.lost_button, self.replace_button, self.print_button, self.cover_button):
            b.setEnabled(has and can_issue and card is not None and bool(card.number))
        self.stamp_button.setEnabled(has and self.activity_combo.count() > 0 and self.ctx.can(service.AWARD_STAMPS))
        self.redeem_button.setEnabled(has and self.reward_combo.count() > 0 and self.ctx.can(service.REDEEM_REWARDS))
        self.correct_button.setEnabled(has and self.ctx.can(service.CORRECT_STAMPS))
        self.wall_box.setEnabled(has and self.ctx.can(service.SET_WALL_CHOICE))

    def show_resident(self, resident_id: int) -> None:
        self.resident_id = resident_id
        self.reload()

    def reload(self) -> None:
        if self.resident_id is None:
            return
        rid = self.resident_id
        day = self.page.today()

        def read(s):
            card = service.card_for_resident(s, actor=self.ctx.actor, resident_id=rid, today=day)
            passports = service.passports_of(s, actor=self.ctx.actor, resident_id=rid)
            return card, passports, service.wall_opted_out(s, rid)

        got = self.page.run(read, write=False)
        if got is None:
            return
        self.card, passports, opted_out = got
        card = self.card
        lines = []
        if card.number:
            lines.append(self.tr("{name} · passport {number}").format(name=card.name, number=codes.display(card.number)))
        else:
            lines.append(self.tr("{name} · no active passport.").format(name=card.name))
        void = [p for p in passports if p.status != "active"]
        if void:
            lines.append(self.tr("Old cards (void): {numbers}").format(
                numbers=", ".join(f"{codes.display(p.number)} ({tr_p(service.STATUS_LABELS[p.status])})" for p in void[:3])))
        level = card.level or self.tr("no level yet")
        lines.append(self.tr("{balance} stamps to spend · {earned} earned · this month {month} · {level}").format(
            balance=card.balance, earned=card.earned, month=card.month_stamps, level=level))
        if card.next_level:
            lines.append(self.tr("{n} more to {level}").format(n=card.to_next, level=card.next_level))
        self.summary.setText("\n".join(lines))
        self.wall_box.blockSignals(True)
        self.wall_box.setChecked(opted_out)
        self.wall_box.blockSignals(False)

        def fetch(after, limit):
            with session_scope(self.ctx.engine, write=False) as s:
                return service.ledger_page(s, actor=self.ctx.actor, resident_id=rid, after=after, limit=limit)

        self.ledger_model.reload(fetch)
        self._sync_buttons()

    def _scanned(self) -> None:
        text = self.scan_box.text()
        try:
            with session_scope(self.ctx.engine, write=False) as s:
                passport = service.passport_for_code(s, text, self.ctx.actor)
        except SmileDeskError as exc:
            self.page.last_error = show_error(self, exc)
            return
        self.scan_box.clear()
        self.picker.clear()
        self.show_resident(passport.resident_id)

    # --- actions ------------------------------------------------------------------------------------
    def issue(self) -> None:
        rid = self.resident_id
        if self.page.run(lambda s: service.issue_passport(s, actor=self.ctx.actor, resident_id=rid, today=self.page.today())):
            self.reload()

    def _active_passport_id(self) -> int | None:
        with session_scope(self.ctx.engine, write=False) as s:
            p = service.active_passport(s, self.resident_id)
        return p.id if p else None

    def report_lost(self) -> None:
        pid = self._active_passport_id()
        if pid is None:
            return
        reason = Ask.text(self, self.tr("Report lost"), self.tr("Where or how was it lost? (optional)"))
        if reason is None:
            return
        if self.page.run(lambda s: service.report_lost(s, actor=self.ctx.actor, passport_id=pid, reason=reason)):
            self.reload()

    def replace(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            passports = service.passports_of(s, actor=self.ctx.actor, resident_id=self.resident_id)
        current = next((p for p in passports if p.status in ("active", "lost")), None)
        if current is None:
            return
        reason = Ask.text(self, self.tr("Replace card"), self.tr("Why is the card replaced? (lost, damaged…)"))
        if reason is None:
            return
        new = self.page.run(lambda s: service.replace_passport(
            s, actor=self.ctx.actor, passport_id=current.id, reason=reason, today=self.page.today()))
        if new is not None:
            self.reload()
            self.page.last_info = show_info(self, self.tr("New passport {number}; the old number no longer works. All stamps carried over.")
                                            .format(number=codes.display(new.number)))

    def _print(self, cover: bool) -> None:
        from desktop_app.passports import pdf

        pid = self._active_passport_id()
        if pid is None:
            return
        items = self.page.run(lambda s: service.card_items(s, actor=self.ctx.actor, passport_ids=[pid]))
        if not items:
            return
        suggested = f"passport-{items[0].number}{'-cover' if cover else ''}.pdf"
        path = Ask.save_path(self, self.tr("Save the passport as PDF"), suggested)
        if not path:
            return
        data = pdf.render_booklet_cover(items[0]) if cover else pdf.render_cards(items)
        Path(path).write_bytes(data)
        self.page.last_info = show_info(self, self.tr("Saved {path}; print it at 100% (actual size).").format(path=path))

    def print_card(self) -> None:
        self._print(cover=False)

    def print_cover(self) -> None:
        self._print(cover=True)

    def stamp(self) -> None:
        activity_id = self.activity_combo.currentData()
        rid = self.resident_id
        result = self.page.run(lambda s: service.award_stamp(
            s, actor=self.ctx.actor, resident_id=rid, activity_id=activity_id, today=self.page.today()))
        if result is None:
            return
        if result.already:
            self.page.last_info = show_info(self, self.tr("Already stamped today for {activity}; nothing added.")
                                            .format(activity=result.activity_name))
        elif result.new_honours:
            self.page.last_info = show_info(self, self.tr("New honour: {level}. A certificate has been requested.")
                                            .format(level="、".join(result.new_honours)))
        self.reload()

    def correct(self) -> None:
        index = self.ledger.currentIndex()
        if not index.isValid():
            self.page.last_info = show_info(self, self.tr("Select the ledger entry to correct first."))
            return
        row = self.ledger_model.row(index)
        reason = Ask.text(self, self.tr("Correct entry"), self.tr("Reason for the correction (required):"))
        if reason is None:
            return
        if self.page.run(lambda s: service.reverse_entry(s, actor=self.ctx.actor, entry_id=row.id, reason=reason)):
            self.reload()
            self.page.refresh()

    def redeem(self) -> None:
        reward_id = self.reward_combo.currentData()
        rid = self.resident_id
        if self.page.run(lambda s: service.redeem(s, actor=self.ctx.actor, resident_id=rid, reward_id=reward_id, today=self.page.today())):
            self.refresh_choices()
            self.reload()

    def _wall_toggled(self, checked: bool) -> None:
        rid = self.resident_id
        if rid is None:
            return
        if self.page.run(lambda s: service.set_wall_opt_out(s, actor=self.ctx.actor, resident_id=rid, opt_out=checked)) is None:
            self.reload()


class ActivitiesTab(QWidget):
    def __init__(self, page: PassportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.model = ListTableModel([
            Column(self.tr("Activity"), lambda a: a.name),
            Column(self.tr("Category"), lambda a: a.category),
            Column(self.tr("Repeats"), lambda a: tr_p(service.ACTIVITY_KIND_LABELS.get(a.kind, a.kind))),
            Column(self.tr("From"), lambda a: a.start_date.isoformat()),
            Column(self.tr("To"), lambda a: a.end_date.isoformat() if a.end_date else ""),
            Column(self.tr("Stamps"), lambda a: a.stamps),
            Column(self.tr("Limit per person"), lambda a: a.max_visits or ""),
            Column(self.tr("Places"), lambda a: a.capacity or ""),
            Column(self.tr("Organiser"), lambda a: a.organiser),
        ])
        self.table = _table(self.model)
        self.table.setObjectName("activityTable")
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_attendance())
        self.new_button = QPushButton(self.tr("New activity…"), self)
        self.new_button.clicked.connect(self.new_activity)
        self.end_button = QPushButton(self.tr("End activity"), self)
        self.end_button.clicked.connect(self.end_activity)
        can = self.ctx.can(service.MANAGE_ACTIVITIES)
        self.new_button.setEnabled(can)
        self.end_button.setEnabled(can)

        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        d = page.today()
        from PySide6.QtCore import QDate

        self.day.setDate(QDate(d.year, d.month, d.day))
        self.day.dateChanged.connect(lambda _d: self.show_attendance())
        self.picker = ResidentPicker(self.ctx, self)
        self.signup_button = QPushButton(self.tr("Sign up"), self)
        self.signup_button.clicked.connect(self.sign_up)
        self.attendance_model = ListTableModel([
            Column(self.tr("Resident"), lambda r: r.name),
            Column(self.tr("Signed up"), lambda r: self.tr("yes") if r.signed_up else ""),
            Column(self.tr("Attended"), lambda r: self.tr("yes") if r.attended else ""),
        ])
        self.attendance = _table(self.attendance_model)
        self.attendance.setObjectName("attendanceTable")

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        box = QGroupBox(self.tr("Sign-up and attendance"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("Day"), self.day)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.signup_button)
        form.addRow(self.tr("Resident"), row)
        form.addRow(self.attendance)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 2)
        lay.addWidget(box, 1)
        self.reload()

    def reload(self) -> None:
        rows = self.page.run(lambda s: service.list_activities(s, actor=self.ctx.actor), write=False) or []
        self.model.set_rows(rows)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def new_activity(self) -> None:
        data = ActivityDialog.ask(self, self.page.today())
        if data is None:
            return
        if self.page.run(lambda s: service.create_activity(s, actor=self.ctx.actor, data=data)):
            self.reload()
            self.page.desk.refresh_choices()

    def end_activity(self) -> None:
        a = self.selected()
        if a is None:
            return
        if self.page.run(lambda s: service.set_activity_active(s, actor=self.ctx.actor, activity_id=a.id, active=False)):
            self.reload()
            self.page.desk.refresh_choices()

    def _day(self) -> date:
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def show_attendance(self) -> None:
        a = self.selected()
        if a is None:
            self.attendance_model.set_rows([])
            return
        rows = self.page.run(lambda s: service.attendance(s, actor=self.ctx.actor, activity_id=a.id, on_date=self._day()), write=False)
        self.attendance_model.set_rows(rows or [])

    def sign_up(self) -> None:
        a = self.selected()
        row = self.picker.current
        if a is None or row is None:
            self.page.last_info = show_info(self, self.tr("Choose an activity and a resident first."))
            return
        if self.page.run(lambda s: service.sign_up(s, actor=self.ctx.actor, activity_id=a.id, resident_id=row.id, on_date=self._day())):
            self.picker.clear()
            self.show_attendance()


class RewardsTab(QWidget):
    def __init__(self, page: PassportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.model = ListTableModel([
            Column(self.tr("Reward"), lambda r: r.name),
            Column(self.tr("Cost in stamps"), lambda r: r.cost),
            Column(self.tr("Stock"), lambda r: r.stock),
            Column(self.tr("Notes"), lambda r: r.notes),
        ])
        self.table = _table(self.model)
        self.table.setObjectName("rewardTable")
        self.new_button = QPushButton(self.tr("New reward…"), self)
        self.new_button.clicked.connect(self.new_reward)
        self.restock_button = QPushButton(self.tr("Add stock…"), self)
        self.restock_button.clicked.connect(self.restock)
        self.retire_button = QPushButton(self.tr("Stop offering"), self)
        self.retire_button.clicked.connect(self.retire)
        can = self.ctx.can(service.MANAGE_REWARDS)
        for b in (self.new_button, self.restock_button, self.retire_button):
            b.setEnabled(can)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.restock_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.page.run(lambda s: service.list_rewards(s, actor=self.ctx.actor), write=False) or [])

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def new_reward(self) -> None:
        data = RewardDialog.ask(self)
        if data is not None and self.page.run(lambda s: service.create_reward(s, actor=self.ctx.actor, data=data)):
            self.reload()
            self.page.desk.refresh_choices()

    def restock(self) -> None:
        r = self.selected()
        if r is None:
            return
        n = Ask.number(self, self.tr("Add stock"), self.tr("Pieces to add (negative to remove):"), 10, -100000, 100000)
        if n is not None and self.page.run(lambda s: service.restock_reward(s, actor=self.ctx.actor, reward_id=r.id, add=n)):
            self.reload()
            self.page.desk.refresh_choices()

    def retire(self) -> None:
        r = self.selected()
        if r is not None and self.page.run(lambda s: service.set_reward_active(s, actor=self.ctx.actor, reward_id=r.id, active=False)):
            self.reload()
            self.page.desk.refresh_choices()


class SettingsTab(QWidget):
    """Kiosk PIN, daily stamp limit, patrol stamps, honours waiting for certificates."""

    def __init__(self, page: PassportsPage) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.pin_button = QPushButton(self.tr("Set kiosk PIN…"), self)
        self.pin_button.clicked.connect(self.set_pin)
        self.cap_button = QPushButton(self.tr("Daily stamp limit…"), self)
        self.cap_button.clicked.connect(self.set_cap)
        self.sweep_button = QPushButton(self.tr("Award stamps for completed patrols"), self)
        self.sweep_button.clicked.connect(self.sweep)
        self.certs_button = QPushButton(self.tr("Send waiting honours to certificates"), self)
        self.certs_button.clicked.connect(self.queue_certificates)
        self.pin_button.setEnabled(self.ctx.can(service.KIOSK_SETTINGS))
        self.cap_button.setEnabled(self.ctx.can(service.KIOSK_SETTINGS))
        self.sweep_button.setEnabled(self.ctx.can(service.PATROL_STAMPS))
        self.certs_button.setEnabled(self.ctx.can(service.VIEW_PASSPORTS))
        hint = QLabel(self.tr("Start the kiosk with “smiledesk --kiosk” and the lobby display with “smiledesk --wall”. "
                              "Set a kiosk PIN first: only the PIN closes the kiosk."), self)
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.status)
        for b in (self.pin_button, self.cap_button, self.sweep_button, self.certs_button):
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self.update_status()

    def update_status(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            has_pin = service.has_kiosk_pin(s)
            cap = service.daily_cap(s)
        pin = self.tr("a kiosk PIN is set") if has_pin else self.tr("no kiosk PIN yet")
        self.status.setText(self.tr("Now: {pin}; at most {cap} stamps per person per day.").format(pin=pin, cap=cap))

    def set_pin(self) -> None:
        pin = Ask.text(self, self.tr("Kiosk PIN"), self.tr("New PIN (4–12 digits):"), password=True)
        if pin is not None:
            self.page.run(lambda s: service.set_kiosk_pin(s, actor=self.ctx.actor, pin=pin))
        self.update_status()

    def set_cap(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            current = service.daily_cap(s)
        n = Ask.number(self, self.tr("Daily stamp limit"), self.tr("Most stamps one person can collect in a day:"), current, 1, 100)
        if n is not None:
            self.page.run(lambda s: service.set_daily_cap(s, actor=self.ctx.actor, stamps=n))
        self.update_status()

    def sweep(self) -> None:
        n = self.page.run(lambda s: service.sweep_patrol_stamps(s, actor=self.ctx.actor))
        if n is not None:
            self.page.last_info = show_info(self, self.tr("{n} patrol stamp entries added.").format(n=n))

    def queue_certificates(self) -> None:
        n = self.page.run(lambda s: service.queue_pending_certificates(s, actor=self.ctx.actor))
        if n is not None:
            self.page.last_info = show_info(self, self.tr("{n} honour certificates requested.").format(n=n))
