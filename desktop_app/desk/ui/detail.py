"""The selected record: what it is, where it stands against its deadline, its timeline (append-only), and the
buttons for the next steps the person may take (only those the loop allows and the role may do)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.workdays import WorkCalendar
from desktop_app.desk.lists import RecordRow
from desktop_app.desk.loop import next_actions
from desktop_app.desk.models import (
    CONTACT_LABELS,
    EVENT_LABELS,
    SATISFACTION_LABELS,
    STATUS_LABELS,
    DeadlineState,
    EventKind,
    ServiceEvent,
    Status,
    Step,
)
from desktop_app.desk.overdue import deadline_state
from desktop_app.desk.permissions import ESCALATE, HANDLE_REQUESTS
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import ElidedLabel, FlowLayout

LINK_REPEAT, LINK_RESIDENT = "link_repeat", "link_resident"


class RecordDetail(QGroupBox):
    step_requested = Signal(str)  # a Step, or LINK_REPEAT / LINK_RESIDENT

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Selected record"))
        self.setObjectName("deskDetail")
        # One line that elides in a narrow panel (the whole of it in the tooltip).
        self.detail_title = ElidedLabel(self.tr("Select a record in the list to see its timeline."))
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_state = QLabel()
        self.detail_state.setObjectName("detailState")
        self.detail_state.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        texts = {
            Step.DISPATCH: self.tr("Dispatch…"), Step.START: self.tr("Start handling…"), Step.RESOLVE: self.tr("Resolve…"),
            Step.FOLLOW_UP: self.tr("Follow up…"), Step.CLOSE: self.tr("Close…"), Step.ESCALATE: self.tr("Escalate…"),
            LINK_REPEAT: self.tr("Link repeat…"), LINK_RESIDENT: self.tr("Link to resident…"),
        }
        self.button_row = FlowLayout()  # the next steps in loop order, wrapping when the panel is narrow
        for key, text in texts.items():
            btn = QPushButton(text, self)
            btn.setObjectName(f"step_{key}")
            btn.setVisible(False)
            btn.clicked.connect(lambda _c=False, k=key: self.step_requested.emit(k))
            self.buttons[str(key)] = btn
            self.button_row.addWidget(btn)
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setFrameShape(QFrame.Shape.StyledPanel)
        # As high as the panel leaves it (the figures under it come first), never less than four lines.
        self.timeline.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.timeline.setMinimumHeight(self.timeline.fontMetrics().height() * 4 + 8)
        lay = QVBoxLayout(self)
        lay.addWidget(self.detail_title)
        lay.addWidget(self.detail_state)
        lay.addLayout(self.button_row)
        lay.addWidget(self.timeline, 1)

    def clear(self) -> None:
        for btn in self.buttons.values():
            btn.setVisible(False)
        self.timeline.clear()
        self.detail_state.clear()

    def show_record(self, r: RecordRow, events: list[ServiceEvent], *, title: str, calendar: WorkCalendar | None) -> None:
        self.clear()
        self.detail_title.setText(self.tr("No. {id}").format(id=r.id) + f"  {title}")
        state = QCoreApplication.translate("DeskStatus", STATUS_LABELS[r.status])
        parts = [self.tr("Status: {s}").format(s=state)]
        if r.status != Status.CLOSED:
            parts.append(self.tr("deadline {due}").format(due=fmt_local(r.due_at)))
            st = deadline_state(r, utcnow(), calendar) if calendar is not None else None
            if st == DeadlineState.OVERDUE:
                parts.append(self.tr("OVERDUE"))
            elif st == DeadlineState.DUE_SOON:
                parts.append(self.tr("due soon"))
        if r.repeat_of_id:
            parts.append(self.tr("repeat of No. {id}").format(id=r.repeat_of_id))
        self.detail_state.setText("  ·  ".join(parts))
        can_handle = self.ctx.can(HANDLE_REQUESTS)
        for action in next_actions(r.status):
            if action == Step.ESCALATE and not self.ctx.can(ESCALATE):
                continue
            if can_handle or action == Step.ESCALATE:
                self.buttons[action].setVisible(True)
        if can_handle:
            self.buttons[LINK_REPEAT].setVisible(r.repeat_of_id is None)
            self.buttons[LINK_RESIDENT].setVisible(r.walk_in)
        for ev in events:
            self.timeline.addItem(QListWidgetItem(self._event_text(ev)))

    def _event_text(self, ev: ServiceEvent) -> str:
        what = QCoreApplication.translate("DeskEvent", EVENT_LABELS.get(ev.kind, ev.kind))
        extra = []
        if ev.assignee:
            extra.append(self.tr("to {who}").format(who=ev.assignee))
        if ev.satisfaction:
            extra.append(QCoreApplication.translate("DeskSatisfaction", SATISFACTION_LABELS[ev.satisfaction]))
        if ev.contact_method:
            extra.append(QCoreApplication.translate("DeskContact", CONTACT_LABELS[ev.contact_method]))
        if ev.note and ev.kind != EventKind.RECEIVED:
            extra.append(ev.note)
        tail = (self.tr(": ") + self.tr(", ").join(extra)) if extra else ""
        return f"{fmt_local(ev.at)}  {ev.actor_name}  {what}{tail}"
