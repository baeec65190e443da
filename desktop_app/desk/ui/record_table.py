"""The desk's list of records: who, category, summary, status against the deadline, handled by. Overdue and
due-soon rows take their colours from the style sheet (``qproperty-overdueBackground`` … on
``QTableView#deskTable`` in resources/styles/*.qss); the defaults below are the normal style's."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Property, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.core.clock import fmt_local, to_local, utcnow
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.lists import RecordRow
from desktop_app.desk.models import STATUS_LABELS, Channel, DeadlineState, Status
from desktop_app.desk.overdue import deadline_state
from desktop_app.ui.fit import rows_follow_font
from desktop_app.ui.lazy_model import Column

OVERDUE_BG = QColor(248, 215, 218)
OVERDUE_FG = QColor(132, 32, 41)
DUE_SOON_BG = QColor(255, 243, 205)
DUE_SOON_FG = QColor(102, 77, 3)


def _colour(name: str, default: QColor) -> Property:
    attr = f"_{name}"

    def get(self) -> QColor:
        return getattr(self, attr, default)

    def put(self, value: QColor) -> None:
        setattr(self, attr, QColor(value))

    return Property(QColor, get, put)


class DeskTable(QTableView):
    overdueBackground = _colour("overdueBackground", OVERDUE_BG)  # noqa: N815 - Qt property names
    overdueForeground = _colour("overdueForeground", OVERDUE_FG)  # noqa: N815
    dueSoonBackground = _colour("dueSoonBackground", DUE_SOON_BG)  # noqa: N815
    dueSoonForeground = _colour("dueSoonForeground", DUE_SOON_FG)  # noqa: N815

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("deskTable")
        self.cat_labels: dict[int, str] = {}
        self.calendar: WorkCalendar | None = None
        self.now: datetime = utcnow()  # deadline colours are judged against this moment (set on every reload)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        rows_follow_font(self, pad=11)  # a line of the font and some air, in large text too
        self.setWordWrap(False)

    def columns(self) -> list[Column]:
        """``chars``: typical width in CJK characters (ui.widgets.fit_columns)."""
        return [
            Column(self.tr("No."), lambda r: r.id, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, chars=3),
            Column(self.tr("Received"), lambda r: fmt_local(r.received_at, "%m-%d %H:%M"), chars=6,
                   export=lambda r: to_local(r.received_at)),
            Column(self.tr("Who"), self.who, chars=6),
            Column(self.tr("Category"), lambda r: self.cat_labels.get(r.category_id, ""), chars=4),
            Column(self.tr("Summary"), lambda r: r.summary, tooltip=lambda r: r.summary, chars=10),
            Column(self.tr("Status"), self.status_text, foreground=self._fg, background=self._bg,
                   tooltip=self._deadline_tip, chars=8),
            Column(self.tr("Due"), lambda r: "" if r.status == Status.CLOSED else fmt_local(r.due_at, "%m-%d"),
                   export=lambda r: None if r.status == Status.CLOSED or r.due_at is None else to_local(r.due_at).date(),
                   foreground=self._fg, background=self._bg, tooltip=self._deadline_tip, chars=3),
            Column(self.tr("Handled by"), lambda r: r.assignee, chars=5),
        ]

    def who(self, r: RecordRow) -> str:
        if r.walk_in and not r.person:
            return self.tr("(patrol finding)") if r.channel == Channel.PATROL else ""
        if r.walk_in:
            tail = f" {r.phone_masked[-4:]}" if r.phone_masked else ""
            return self.tr("{name} (walk-in){tail}").format(name=r.person, tail=tail)
        return r.person or ""

    def state(self, r: RecordRow) -> DeadlineState:
        if self.calendar is None:
            return DeadlineState.DONE if r.status == Status.CLOSED else DeadlineState.OPEN
        return deadline_state(r, self.now, self.calendar)

    def status_text(self, r: RecordRow) -> str:
        text = QCoreApplication.translate("DeskStatus", STATUS_LABELS.get(r.status, r.status))
        state = self.state(r)
        if state == DeadlineState.OVERDUE:
            text += self.tr(" · overdue")
        elif state == DeadlineState.DUE_SOON:
            text += self.tr(" · due soon")
        if r.escalated_at is not None and r.is_open:
            text += self.tr(" · escalated")
        return text

    def _fg(self, r: RecordRow):
        state = self.state(r)
        return (QBrush(self.overdueForeground) if state == DeadlineState.OVERDUE
                else QBrush(self.dueSoonForeground) if state == DeadlineState.DUE_SOON else None)

    def _bg(self, r: RecordRow):
        state = self.state(r)
        return (QBrush(self.overdueBackground) if state == DeadlineState.OVERDUE
                else QBrush(self.dueSoonBackground) if state == DeadlineState.DUE_SOON else None)

    def _deadline_tip(self, r: RecordRow) -> str:
        if r.status == Status.CLOSED:
            return self.tr("Closed {closed}; deadline was {due}.").format(
                closed=fmt_local(r.closed_at), due=fmt_local(r.due_at))
        return self.tr("Deadline: {due}").format(due=fmt_local(r.due_at))
