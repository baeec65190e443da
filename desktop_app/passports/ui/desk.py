"""The desk tab (护照): find a resident (name, pinyin, phone digits, or scan the passport) and act on their
passport — issue, report lost, replace, print, stamp, redeem, correct a ledger entry, the smile-wall choice.

Every read and write goes through ``ui.ops`` (off the GUI thread, one error policy); the tab captures its
inputs on the GUI thread and hands the use case a closure.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import paths
from desktop_app.core.i18n import join
from desktop_app.core.papers import PaperKind
from desktop_app.passports import cards, codes, kiosk, rewards, stamps, wall
from desktop_app.passports.activities import activities_on
from desktop_app.passports.models import EntryKind, PassportStatus
from desktop_app.passports.papers import card_paper
from desktop_app.passports.permissions import (
    AWARD_STAMPS,
    CORRECT_STAMPS,
    ISSUE_PASSPORTS,
    REDEEM_REWARDS,
    SET_WALL_CHOICE,
    VIEW_PASSPORTS,
)
from desktop_app.passports.ui.common import (
    KIND_LABELS,
    PERIOD_LABELS,
    PLACE_LABELS,
    STATUS_LABELS,
    make_table,
    tr_p,
)
from desktop_app.passports.ui.dialogs import Ask
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.messages import show_info
from desktop_app.ui.printing import PrintPreview, open_preview
from desktop_app.ui.widgets import fit_columns, select_data


class DeskTab(QWidget):
    """Find a resident (name, pinyin, phone digits, or scan the passport) and act on their passport."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.resident_id: int | None = None
        self.card: kiosk.CardView | None = None
        self.passports: list = []

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
        self.summary.setObjectName("passportSummary")  # looks: resources/styles/*.qss
        self.summary.setWordWrap(True)
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
                Column(self.tr("Date"), lambda r: r.occurred_on.isoformat(), chars=10, export=lambda r: r.occurred_on),
                Column(self.tr("Kind"), lambda r: tr_p(KIND_LABELS.get(r.kind, r.kind))),
                Column(self.tr("Stamps"), lambda r: f"{r.stamps:+d}", export=lambda r: r.stamps, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                Column(self.tr("For"), lambda r: tr_p(PERIOD_LABELS[r.what])
                       if r.kind == EntryKind.PATROL and r.what in PERIOD_LABELS else r.what),
                Column(self.tr("Reason"), lambda r: r.reason),
                Column(self.tr("By"), lambda r: r.actor_name),
                Column(self.tr("Where"), lambda r: tr_p(PLACE_LABELS.get(r.place, r.place))),
                Column(self.tr("Corrected"), lambda r: self.tr("yes") if r.reversed else ""),
            ],
            lambda s, after, limit: [],
            lambda r: (r.occurred_on, r.id),
            engine=self.ctx.engine,
            parent=self,
        )
        self.ledger = make_table(self.ledger_model, "ledgerTable")
        self._ledger_fitted = False
        self.ledger_model.loaded.connect(self._fit_ledger)
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
        self._sync_buttons()
        self.refresh()

    def refresh(self) -> None:
        self.refresh_choices()
        if self.resident_id is None:
            self.show_overview()
        else:
            self.reload()

    def _fit_ledger(self) -> None:
        """Column widths from the first page of a resident's ledger (later pages keep what the person set)."""
        if self._ledger_fitted:
            return
        self._ledger_fitted = True
        fit_columns(self.ledger, stretch_last=False)
        self.ledger.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def show_overview(self) -> None:
        day = self.page.today()
        ops.query(self, self.ctx.engine, lambda s: kiosk.overview(s, actor=self.ctx.actor, day=day),
                  self._show_overview, latest="overview")

    def _show_overview(self, got: kiosk.Overview) -> None:
        if self.resident_id is not None:
            return
        self.summary.setText(
            self.tr("Choose a resident, or scan their passport.") + "\n"
            + self.tr("Today — stamps given: {stamps} · activities: {activities} · active passports: {passports} · "
                      "honours waiting for a certificate: {waiting}").format(
                stamps=got.stamps_today, activities=got.activities_today, passports=got.active_passports,
                waiting=got.honours_waiting)
        )

    # --- state --------------------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        day, actor, can_view = self.page.today(), self.ctx.actor, self.ctx.can(VIEW_PASSPORTS)

        def read(s):
            return activities_on(s, day, actor), (rewards.list_rewards(s, actor=actor) if can_view else [])

        ops.query(self, self.ctx.engine, read, self._show_choices, latest="choices")

    def _show_choices(self, got) -> None:
        activities, offered = got
        current_activity = self.activity_combo.currentData()
        current_reward = self.reward_combo.currentData()
        self.activity_combo.clear()
        self.reward_combo.clear()
        for a in activities:
            self.activity_combo.addItem((self.tr("{name} (1 stamp)") if a.stamps == 1 else self.tr("{name} ({n} stamps)"))
                                        .format(name=a.name, n=a.stamps), a.id)
        for r in offered:
            self.reward_combo.addItem(self.tr("{name} — {cost} stamps, {stock} left").format(name=r.name, cost=r.cost, stock=r.stock), r.id)
        select_data(self.activity_combo, current_activity)
        select_data(self.reward_combo, current_reward)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        has = self.resident_id is not None
        card = self.card
        can_issue = self.ctx.can(ISSUE_PASSPORTS)
        self.issue_button.setEnabled(has and can_issue and card is not None and not card.number)
        for b in (self.lost_button, self.replace_button, self.print_button, self.cover_button):
            b.setEnabled(has and can_issue and card is not None and bool(card.number))
        self.stamp_button.setEnabled(has and self.activity_combo.count() > 0 and self.ctx.can(AWARD_STAMPS))
        self.redeem_button.setEnabled(has and self.reward_combo.count() > 0 and self.ctx.can(REDEEM_REWARDS))
        self.correct_button.setEnabled(has and self.ctx.can(CORRECT_STAMPS))
        self.wall_box.setEnabled(has and self.ctx.can(SET_WALL_CHOICE))

    def show_resident(self, resident_id: int) -> None:
        self._ledger_fitted = False
        self.resident_id = resident_id
        self.card = None
        self._sync_buttons()
        self.reload()

    def reload(self) -> None:
        if self.resident_id is None:
            return
        rid, day, actor = self.resident_id, self.page.today(), self.ctx.actor

        def read(s):
            card = kiosk.card_for_resident(s, actor=actor, resident_id=rid, today=day)
            return card, cards.passports_of(s, actor=actor, resident_id=rid), wall.wall_opted_out(s, rid)

        ops.query(self, self.ctx.engine, read, lambda got: self._show_card(rid, *got), latest="card")
        self.ledger_model.reload(lambda s, after, limit: stamps.ledger_page(s, actor=actor, resident_id=rid, after=after, limit=limit))

    def _show_card(self, rid: int, card: kiosk.CardView, passports: list, opted_out: bool) -> None:
        if rid != self.resident_id:
            return
        self.card, self.passports = card, passports
        lines = []
        if card.number:
            lines.append(self.tr("{name} · passport {number}").format(name=card.name, number=codes.display(card.number)))
        else:
            lines.append(self.tr("{name} · no active passport.").format(name=card.name))
        void = [p for p in passports if p.status != PassportStatus.ACTIVE]
        if void:
            lines.append(self.tr("Old cards (void): {numbers}").format(
                numbers=", ".join(f"{codes.display(p.number)} ({tr_p(STATUS_LABELS[p.status])})" for p in void[:3])))
        level = card.level or self.tr("no level yet")
        lines.append(self.tr("{balance} stamps to spend · {earned} earned · this month {month} · {level}").format(
            balance=card.balance, earned=card.earned, month=card.month_stamps, level=level))
        if card.next_level:
            lines.append(self.tr("{n} more to {level}").format(n=card.to_next, level=card.next_level))
        self.summary.setText("\n".join(lines))
        self.wall_box.blockSignals(True)
        self.wall_box.setChecked(opted_out)
        self.wall_box.blockSignals(False)
        self._sync_buttons()

    def _scanned(self) -> None:
        text, actor = self.scan_box.text(), self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: cards.passport_for_code(s, text, actor).resident_id, self._found)

    def _found(self, resident_id: int) -> None:
        self.scan_box.clear()
        self.picker.clear()
        self.show_resident(resident_id)

    # --- actions ------------------------------------------------------------------------------------
    def _write(self, fn, on_done=None) -> None:
        """A write of this tab; the card, the ledger and the choices are read again afterwards either way."""
        def done(result) -> None:
            if on_done is not None:
                on_done(result)
            self.page.changed()

        def failed(exc: BaseException) -> None:
            ops.report_error(self, exc)
            self.page.changed()

        ops.write(self, self.ctx.engine, fn, on_done=done, on_error=failed)

    def issue(self) -> None:
        rid, day, actor = self.resident_id, self.page.today(), self.ctx.actor
        self._write(lambda s: cards.issue_passport(s, actor=actor, resident_id=rid, today=day))

    def _active_passport_id(self) -> int | None:
        return next((p.id for p in self.passports if p.status == PassportStatus.ACTIVE), None)

    def report_lost(self) -> None:
        pid = self._active_passport_id()
        if pid is None:
            return
        reason = Ask.text(self, self.tr("Report lost"), self.tr("Where or how was it lost? (optional)"))
        if reason is None:
            return
        actor = self.ctx.actor
        self._write(lambda s: cards.report_lost(s, actor=actor, passport_id=pid, reason=reason))

    def replace(self) -> None:
        current = next((p for p in self.passports if p.status in (PassportStatus.ACTIVE, PassportStatus.LOST)), None)
        if current is None:
            return
        reason = Ask.text(self, self.tr("Replace card"), self.tr("Why is the card replaced? (lost, damaged…)"))
        if reason is None:
            return
        pid, day, actor = current.id, self.page.today(), self.ctx.actor

        def replaced(new) -> None:
            show_info(self, self.tr("New passport {number}; the old number no longer works. All stamps carried over.")
                      .format(number=codes.display(new.number)))

        self._write(lambda s: cards.replace_passport(s, actor=actor, passport_id=pid, reason=reason, today=day), replaced)

    def _print(self, cover: bool) -> PrintPreview | None:
        """The card (on a sheet of ten, with the places already used) or the booklet cover, in its preview."""
        pid = self._active_passport_id()
        if pid is None or self.card is None:
            return None
        engine, actor, number = self.ctx.engine, self.ctx.actor, self.card.number
        self.preview = open_preview(
            self, self.ctx, PaperKind.COVER if cover else PaperKind.CARDS,
            lambda progress, skip: card_paper(engine, actor=actor, passport_ids=[pid], cover=cover, skip=skip,
                                              progress=progress),
            key=pid, save_name=paths.file_name(self.tr("Passport cover") if cover else self.tr("Passport"), number,
                                               suffix=".pdf"))
        return self.preview

    def print_card(self) -> PrintPreview | None:
        return self._print(cover=False)

    def print_cover(self) -> PrintPreview | None:
        return self._print(cover=True)

    def stamp(self) -> None:
        activity_id, rid, day, actor = self.activity_combo.currentData(), self.resident_id, self.page.today(), self.ctx.actor

        def stamped(result: stamps.StampResult) -> None:
            if result.already:
                show_info(self, self.tr("Already stamped today for {activity}; nothing added.").format(activity=result.activity_name))
            elif result.new_honours:
                show_info(self, self.tr("New honour: {level}. A certificate has been requested.")
                          .format(level=join(result.new_honours)))

        self._write(lambda s: stamps.award_stamp(s, actor=actor, resident_id=rid, activity_id=activity_id, today=day), stamped)

    def correct(self) -> None:
        index = self.ledger.currentIndex()
        row = self.ledger_model.row(index) if index.isValid() else None
        if row is None:
            show_info(self, self.tr("Select the ledger entry to correct first."))
            return
        reason = Ask.text(self, self.tr("Correct entry"), self.tr("Reason for the correction (required):"))
        if reason is None:
            return
        entry_id, actor = row.id, self.ctx.actor
        self._write(lambda s: stamps.reverse_entry(s, actor=actor, entry_id=entry_id, reason=reason))

    def redeem(self) -> None:
        reward_id, rid, day, actor = self.reward_combo.currentData(), self.resident_id, self.page.today(), self.ctx.actor
        self._write(lambda s: rewards.redeem(s, actor=actor, resident_id=rid, reward_id=reward_id, today=day))

    def _wall_toggled(self, checked: bool) -> None:
        rid, actor = self.resident_id, self.ctx.actor
        if rid is None:
            return
        self._write(lambda s: wall.set_wall_opt_out(s, actor=actor, resident_id=rid, opt_out=checked))
