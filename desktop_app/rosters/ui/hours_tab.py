"""The hours tab: patrols nobody checked out of, closed automatically at the scheduled end — a coordinator
confirms each or says when the volunteer really left (a correction entry) — and the station's hours
multipliers for holiday and evening patrols."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local
from desktop_app.rosters.forgotten import confirm, correct, to_review
from desktop_app.rosters.labels import period_label
from desktop_app.rosters.models import MultiplierKind
from desktop_app.rosters.permissions import CORRECT_HOURS, MANAGE_ROSTERS
from desktop_app.rosters.settings import multipliers, set_multiplier
from desktop_app.ui import ops
from desktop_app.ui.widgets import fit_columns, read_only_item


class HoursTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self.rows: list = []
        self.loaded: dict = {}
        review = QGroupBox(self.tr("Closed automatically: nobody checked out; confirm or correct"), self)
        self.review = QTableWidget(0, 7, review)
        self.review.setObjectName("autoClosed")
        self.review.setAccessibleName(review.title())
        self.review.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Shift"), self.tr("Team"), self.tr("Volunteer"),
                                               self.tr("Checked in"), self.tr("Closed at"), self.tr("Minutes")])
        self.review.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.review.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.review.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.review.verticalHeader().setVisible(False)
        self.left_at = QTimeEdit(review)
        self.left_at.setObjectName("leftAt")
        self.left_at.setDisplayFormat("HH:mm")
        self.left_at.setAccessibleName(self.tr("Really left at"))
        self.reason = QLineEdit(review)
        self.reason.setObjectName("correctionReason")
        self.reason.setPlaceholderText(self.tr("why (optional), e.g. left early, unwell"))
        self.confirm_button = QPushButton(self.tr("Confirm: left at the end"), review)
        self.confirm_button.setObjectName("confirmAutoClose")
        self.correct_button = QPushButton(self.tr("Correct the time"), review)
        self.correct_button.setObjectName("correctAutoClose")
        can_correct = self.ctx.can(CORRECT_HOURS)
        for w in (self.left_at, self.reason, self.confirm_button, self.correct_button):
            w.setEnabled(can_correct)
        rl = QVBoxLayout(review)
        rl.addWidget(self.review, 1)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Really left at"), review))
        bar.addWidget(self.left_at)
        bar.addWidget(self.reason, 1)
        bar.addWidget(self.correct_button)
        bar.addWidget(self.confirm_button)
        rl.addLayout(bar)

        mult = QGroupBox(self.tr("Hour multipliers (credit for holiday and evening patrols)"), self)
        self.holiday = QDoubleSpinBox(mult)
        self.holiday.setObjectName("holidayMultiplier")
        self.evening = QDoubleSpinBox(mult)
        self.evening.setObjectName("eveningMultiplier")
        for box, name in ((self.holiday, self.tr("Holiday patrols")), (self.evening, self.tr("Evening patrols"))):
            box.setRange(1.0, 3.0)
            box.setSingleStep(0.1)
            box.setDecimals(1)
            box.setPrefix("×")
            box.setAccessibleName(name)
        self.save_multipliers = QPushButton(self.tr("Save multipliers"), mult)
        self.save_multipliers.setObjectName("saveMultipliers")
        can_manage = self.ctx.can(MANAGE_ROSTERS)
        for w in (self.holiday, self.evening, self.save_multipliers):
            w.setEnabled(can_manage)
        ml = QHBoxLayout(mult)
        ml.addWidget(QLabel(self.tr("Holiday patrols"), mult))
        ml.addWidget(self.holiday)
        ml.addWidget(QLabel(self.tr("Evening patrols"), mult))
        ml.addWidget(self.evening)
        ml.addWidget(self.save_multipliers)
        note = QLabel(self.tr("The larger applies when both do. Hours credited from now on use them; entries "
                              "already in the ledger keep theirs."), mult)
        note.setWordWrap(True)
        ml.addWidget(note, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(review, 1)
        lay.addWidget(mult)
        self.review.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        self.confirm_button.clicked.connect(self.confirm)
        self.correct_button.clicked.connect(self.correct)
        self.save_multipliers.clicked.connect(self.save)

    def refresh(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: (to_review(s, actor=actor), multipliers(s, actor=actor)),
                  lambda r: self._show(*r), latest="hours")

    def _show(self, rows: list, mults: dict) -> None:
        self.rows, self.loaded = rows, mults
        self.review.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [r.day.isoformat(), period_label(r.period), r.team, r.name, fmt_local(r.check_in_at, "%H:%M"),
                     fmt_local(r.closed_at, "%H:%M"), str(r.minutes)]
            for c, text in enumerate(cells):
                self.review.setItem(i, c, read_only_item(text))
        fit_columns(self.review)
        if rows:
            self.review.selectRow(0)
            self._chosen(0)
        for box, kind in ((self.holiday, MultiplierKind.HOLIDAY), (self.evening, MultiplierKind.EVENING)):
            m = mults.get(kind)
            box.setValue(m.multiplier if m else 1.0)

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            t = self.rows[row].closed_at.astimezone()
            self.left_at.setTime(QTime(t.hour, t.minute))

    def selected(self):
        row = self.review.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def confirm(self) -> None:
        r = self.selected()
        if r is None:
            return
        actor = self.ctx.actor
        self.page.write(lambda s: confirm(s, actor=actor, checkin_id=r.checkin_id).id)

    def correct(self) -> None:
        r = self.selected()
        if r is None:
            return
        actor, reason = self.ctx.actor, self.reason.text()
        left = datetime.combine(r.day, self.left_at.time().toPython()).astimezone()
        self.page.write(lambda s: correct(s, actor=actor, checkin_id=r.checkin_id, left_at=left, reason=reason),
                        on_done=lambda _e: (self.reason.clear(), self.page.refresh()))

    def save(self) -> None:
        actor = self.ctx.actor
        wanted = {MultiplierKind.HOLIDAY: self.holiday.value(), MultiplierKind.EVENING: self.evening.value()}
        # the version shown, when the station has its own row (a default row is not the station's to edit)
        versions = {k: (m.version if m.station_id == actor.station_id else None) for k, m in self.loaded.items()}

        def work(s) -> int:
            for kind, value in wanted.items():
                set_multiplier(s, actor=actor, kind=kind, multiplier=round(value, 1), expected_version=versions.get(kind))
            return 0

        self.page.write(work)
