"""The today tab: the check-in desk. Pick today's patrol, find a volunteer (name, pinyin, initials, phone
digits, or a scanned passport code), check them in or out, mark no-shows, close the patrol, record what
the patrol found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.rosters.attendance import check_in, check_out, credit_planned, mark_no_show
from desktop_app.rosters.forgotten import close_forgotten, forgotten_due
from desktop_app.rosters.labels import period_label
from desktop_app.rosters.models import CheckInMethod
from desktop_app.rosters.permissions import MARK_ATTENDANCE, RECORD_FINDINGS
from desktop_app.rosters.shifts import shift_people, shifts_on
from desktop_app.rosters.volunteers import search_volunteers, volunteer_for_resident
from desktop_app.ui import ops
from desktop_app.ui.search_box import SearchBox
from desktop_app.ui.widgets import deleted_when_closed, select_data

METHODS = {"in": CheckInMethod.DESK, "behalf": CheckInMethod.BEHALF, "scan": CheckInMethod.SCAN}


class TodayTab(QWidget):
    def __init__(self, page) -> None:
        super().__init__(page)
        self.page, self.ctx = page, page.ctx
        self._pick_first_hit = False  # Enter pressed before the search answered: pick its first result
        self.day_shift = QComboBox()
        self.day_shift.setObjectName("dayShift")
        self.day_shift.setAccessibleName(self.tr("Patrol"))
        self.day_people = QListWidget()
        self.day_people.setObjectName("dayPeople")
        self.day_people.setAccessibleName(self.tr("On this patrol"))
        self.find = SearchBox(self, self.tr("Volunteer: name, pinyin, initials or phone digits; or scan the passport code"))
        self.find.setObjectName("volunteerSearch")
        self.find_results = QListWidget()
        self.find_results.setObjectName("volunteerResults")
        self.find_results.setAccessibleName(self.tr("Volunteers found"))
        self.find_results.setMaximumHeight(120)
        self.find_results.setVisible(False)
        big = self.day_people.font()
        big.setPointSizeF(big.pointSizeF() * 1.35)
        self.day_people.setFont(big)
        self.day_people.setSpacing(4)
        self.checkin_button = QPushButton(self.tr("Check in"))
        self.checkin_button.setObjectName("checkIn")
        self.behalf_button = QPushButton(self.tr("Check in on behalf"))
        self.behalf_button.setObjectName("checkInBehalf")
        self.checkout_button = QPushButton(self.tr("Check out"))
        self.checkout_button.setObjectName("checkOut")
        self.noshow_button = QPushButton(self.tr("No-show"))
        self.noshow_button.setObjectName("noShow")
        self.close_button = QPushButton(self.tr("Close patrol"))
        self.close_button.setObjectName("closePatrol")
        self.close_button.setToolTip(self.tr("Everyone checked in but not out is credited the planned duration"))
        self.finding_button = QPushButton(self.tr("Record a finding…"))
        self.finding_button.setObjectName("recordFinding")
        for b in (self.close_button, self.behalf_button, self.noshow_button):
            b.setVisible(self.ctx.can(MARK_ATTENDANCE))
        self.finding_button.setVisible(self.ctx.can(RECORD_FINDINGS))
        lay = QVBoxLayout(self)
        lay.addWidget(self.day_shift)
        lay.addWidget(self.find)
        lay.addWidget(self.find_results)
        lay.addWidget(self.day_people, 1)
        buttons = QHBoxLayout()
        for b in (self.checkin_button, self.behalf_button, self.checkout_button, self.noshow_button, self.close_button,
                  self.finding_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)

        self.day_shift.currentIndexChanged.connect(lambda _i: self.load_day_people())
        self.find.query_changed.connect(self.search_volunteers)
        self.find.returnPressed.connect(self.scan_or_pick)
        self.checkin_button.clicked.connect(lambda: self.attendance("in"))
        self.behalf_button.clicked.connect(lambda: self.attendance("behalf"))
        self.checkout_button.clicked.connect(lambda: self.attendance("out"))
        self.noshow_button.clicked.connect(lambda: self.attendance("no_show"))
        self.close_button.clicked.connect(self.close_patrol)
        self.finding_button.clicked.connect(self.record_finding)

    # --- reading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Today's patrols of the team; the one under way or next is chosen."""
        team_id, actor, day = self.page.team_id(), self.ctx.actor, clock.today()
        if team_id is None:
            self._show_shifts([], None)
            return
        keep = self.day_shift.currentData()
        # patrols nobody checked out of, two hours after their end: closed at the end and flagged (rosters.forgotten);
        # a write only when there is one (every write makes the reports page read its figures again)
        def close(due: int) -> None:
            if due:
                ops.write(self, self.ctx.engine, lambda s: close_forgotten(s, actor=actor))
            ops.query(self, self.ctx.engine, lambda s: shifts_on(s, actor=actor, day=day, team_id=team_id),
                      lambda shifts: self._show_shifts(shifts, keep), latest="shifts")

        ops.query(self, self.ctx.engine, lambda s: forgotten_due(s, actor=actor), close, latest="forgotten")

    def _show_shifts(self, shifts: list, keep: int | None) -> None:
        self.day_shift.blockSignals(True)
        self.day_shift.clear()
        for sh in shifts:
            self.day_shift.addItem(f"{sh.date:%m-%d} {period_label(sh.period)} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}", sh.id)
        if keep is None or not select_data(self.day_shift, keep):
            now = clock.local_now().time()
            for i, sh in enumerate(shifts):
                if sh.ends_at >= now.replace(second=0, microsecond=0):
                    self.day_shift.setCurrentIndex(i)
                    break
        self.day_shift.blockSignals(False)
        self.load_day_people()

    def load_day_people(self, keep_row: int | None = None) -> None:
        sid = self.day_shift.currentData()
        if sid is None:
            self.day_people.clear()
            return
        actor = self.ctx.actor
        row = self.day_people.currentRow() if keep_row is None else keep_row
        ops.query(self, self.ctx.engine, lambda s: shift_people(s, actor=actor, shift_id=sid),
                  lambda people: self._show_people(sid, people, row), latest="people")

    def _show_people(self, sid: int, people: list, row: int) -> None:
        if self.day_shift.currentData() != sid:
            return
        self.day_people.clear()
        for p in people:
            state = self.tr("not yet")
            if p.no_show:
                state = self.tr("no-show")
            elif p.checked_out:
                state = self.tr("left {time}").format(time=clock.fmt_local(p.checked_out, "%H:%M"))
            elif p.checked_in:
                state = self.tr("arrived {time}").format(time=clock.fmt_local(p.checked_in, "%H:%M"))
                if p.late_minutes:
                    state += self.tr(" ({n} min late)").format(n=p.late_minutes)
            item = QListWidgetItem(("★ " if p.is_leader else "") + f"{p.name}  —  {state}")
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.day_people.addItem(item)
        if 0 <= row < self.day_people.count():
            self.day_people.setCurrentRow(row)

    # --- finding a volunteer --------------------------------------------------------------------
    def search_volunteers(self, text: str) -> None:
        if not text.strip():
            self._show_hits([])
            return
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: search_volunteers(s, actor=actor, q=text, limit=8), self._show_hits,
                  latest="search")

    def _show_hits(self, hits: list) -> None:
        self.find_results.clear()
        for h in hits:
            item = QListWidgetItem(h.label)
            item.setData(Qt.ItemDataRole.UserRole, h.volunteer_id)
            self.find_results.addItem(item)
        self.find_results.setVisible(bool(hits))
        if hits:
            self.find_results.setCurrentRow(0)
        if self._pick_first_hit:
            self._pick_first_hit = False
            if hits:
                self._select_day_person(hits[0].volunteer_id)
        elif len(hits) == 1:
            self._select_day_person(hits[0].volunteer_id)

    def _select_day_person(self, volunteer_id: int | None) -> bool:
        if volunteer_id is None:
            return False
        for i in range(self.day_people.count()):
            if self.day_people.item(i).data(Qt.ItemDataRole.UserRole).volunteer_id == volunteer_id:
                self.day_people.setCurrentRow(i)
                return True
        return False

    def scan_or_pick(self) -> None:
        """Enter in the search box: a scanned passport code (``ctx.services.passport_codes``) checks its
        volunteer in at once; anything else picks the first volunteer found."""
        code = self.find.text().strip()
        codes = self.ctx.services.passport_codes
        if codes is None or not code:
            self._pick()
            return
        actor = self.ctx.actor

        def read(s) -> int | None:
            rid = codes.resolve_code(s, code)
            v = volunteer_for_resident(s, actor=actor, resident_id=rid) if rid else None
            return v.id if v is not None else None

        ops.query(self, self.ctx.engine, read, self._scanned)

    def _scanned(self, volunteer_id: int | None) -> None:
        if volunteer_id is None:
            self._pick()
        elif self._select_day_person(volunteer_id):
            self.attendance("scan")
            self.find.clear()

    def _pick(self) -> None:
        self._pick_first_hit = True
        self.find.flush()

    # --- on the day -----------------------------------------------------------------------------
    def attendance(self, what: str) -> None:
        sid = self.day_shift.currentData()
        item = self.day_people.currentItem()
        if sid is None or item is None:
            return
        vid, actor, now, row = item.data(Qt.ItemDataRole.UserRole).volunteer_id, self.ctx.actor, clock.local_now(), self.day_people.currentRow()

        def work(s):
            if what in METHODS:
                return check_in(s, actor=actor, shift_id=sid, volunteer_id=vid, at=now, method=METHODS[what])
            if what == "out":
                return check_out(s, actor=actor, shift_id=sid, volunteer_id=vid, at=now)
            return mark_no_show(s, actor=actor, shift_id=sid, volunteer_id=vid)

        self.page.write(work, on_done=lambda _r: self.load_day_people(keep_row=row))

    def close_patrol(self) -> None:
        sid = self.day_shift.currentData()
        if sid is None:
            return
        actor = self.ctx.actor
        self.page.write(lambda s: credit_planned(s, actor=actor, shift_id=sid), on_done=lambda _r: self.load_day_people())

    def record_finding(self) -> None:
        from desktop_app.rosters.ui.dialogs import FindingDialog

        dlg = deleted_when_closed(FindingDialog(self.ctx, shift_id=self.day_shift.currentData(), parent=self))
        dlg.saved.connect(lambda _id: self.page.refresh())
        dlg.open()
        self.page.last_dialog = dlg
