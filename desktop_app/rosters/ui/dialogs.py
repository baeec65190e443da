"""Dialogs of the rosters page: new team, add a volunteer to a team, a patrol finding, one volunteer's
limits and availability, the team's daily shifts, a volunteer's hours ledger.

Each dialog reads its record through ``ui.ops.query`` (the fields are filled when it arrives) and saves
through ``ui.ops.write``: the inputs are read from the widgets first, on the GUI thread, then one use case
runs off it. A refused save keeps the dialog open with the message; a save over a newer version of the
record (someone else saved it meanwhile) offers to reload it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import StaleEdit
from desktop_app.residents.ui import ResidentPicker
from desktop_app.rosters.findings import record_finding
from desktop_app.rosters.hours import correct_hours, hours_ledger
from desktop_app.rosters.labels import category_label, kind_label, period_label, reason_label, role_label
from desktop_app.rosters.models import (
    FINDING_CATEGORIES,
    MEMBER_ROLES,
    PERIODS,
    TEAM_KINDS,
    Preference,
    VolunteerUpdate,
)
from desktop_app.rosters.teams import add_volunteer, create_team
from desktop_app.rosters.ui.colours import RosterColours
from desktop_app.rosters.volunteers import update_volunteer, volunteer_profile
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import scroll_body
from desktop_app.ui.messages import show_error
from desktop_app.ui.widgets import pydate, qdate, select_data


class _Dialog(QDialog):
    """Save and Cancel around a form. Subclasses build ``save_work()``: a function of the session, made
    from the widgets' values, that writes and returns the id to announce in ``saved``."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_box = None
        self.can_save = True
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.buttons)
        scroll_body(self)  # a long form scrolls on a small screen in large text; Save stays in sight

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _enable(self, on: bool) -> None:
        self.buttons.setEnabled(on)
        self.save_button().setEnabled(on and self.can_save)

    def save(self) -> None:
        if not self.can_save:
            return
        work = self.save_work()
        self._enable(False)
        ops.write(self, self.ctx.engine, work, on_done=self._saved, on_error=self._not_saved)

    def save_work(self):
        raise TypeError(f"{type(self).__name__} must define save_work()")

    def _saved(self, new_id) -> None:
        self._enable(True)
        self.saved.emit(int(new_id or 0))
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        """Keep the dialog open with the message; a stale record offers to reload it."""
        self._enable(True)
        if isinstance(exc, StaleEdit):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), exc.text(), QMessageBox.StandardButton.Cancel, self)
            box.setObjectName("staleEdit")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            reload = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
            reload.setObjectName("reload")
            reload.clicked.connect(self.load)
            box.open()
            self.last_box = box
        else:
            self.last_box = show_error(self, exc)

    def load(self) -> None:
        """Read the record again into the form (dialogs that edit one)."""


class TeamDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New team"))
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.kind = QComboBox()
        self.kind.setObjectName("teamKind")
        for k in TEAM_KINDS:
            self.kind.addItem(kind_label(k), str(k))
        self.grid = QLineEdit()
        self.grid.setObjectName("teamGrid")
        self.route = QLineEdit()
        self.route.setObjectName("teamRoute")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Grid"), self.grid)
        self.form.addRow(self.tr("Route"), self.route)

    def save_work(self):
        actor, name, kind, grid, route = self.ctx.actor, self.name.text(), self.kind.currentData(), self.grid.text(), self.route.text()
        return lambda s: create_team(s, actor=actor, name=name, kind=kind, grid=grid, route=route).id


class AddVolunteerDialog(_Dialog):
    def __init__(self, ctx: AppContext, team_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("Add a volunteer to the team"))
        self.picker = ResidentPicker(ctx, self)
        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for r in reversed(MEMBER_ROLES):
            self.role.addItem(role_label(r), str(r))
        self.form.addRow(self.tr("Resident"), self.picker)
        self.form.addRow(self.tr("Role"), self.role)
        self.setMinimumWidth(420)

    def save_work(self):
        actor, team_id, role = self.ctx.actor, self.team_id, self.role.currentData()
        resident_id = self.picker.current.id if self.picker.current is not None else None
        return lambda s: add_volunteer(s, actor=actor, resident_id=resident_id, team_id=team_id, role=role).id


class FindingDialog(_Dialog):
    def __init__(self, ctx: AppContext, shift_id: int | None = None, parent=None) -> None:
        super().__init__(ctx, parent)
        self.shift_id = shift_id
        self.setWindowTitle(self.tr("Patrol finding"))
        self.category = QComboBox()
        self.category.setObjectName("findingCategory")
        for c in FINDING_CATEGORIES:
            self.category.addItem(category_label(c), str(c))
        self.location = QLineEdit()
        self.location.setObjectName("findingLocation")
        self.location.setPlaceholderText(self.tr("e.g. Building 3, unit 2 stairwell"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("findingNote")
        self.note.setMaximumHeight(90)
        self.open_record = QCheckBox(self.tr("Open a desk record so it is dispatched and followed up"))
        self.open_record.setObjectName("findingOpenRecord")
        self.open_record.setChecked(True)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Location"), self.location)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow("", self.open_record)
        self.setMinimumWidth(420)

    def save_work(self):
        actor, shift_id, category = self.ctx.actor, self.shift_id, self.category.currentData()
        location, note, open_record = self.location.text(), self.note.toPlainText(), self.open_record.isChecked()
        return lambda s: record_finding(s, actor=actor, category=category, location=location, note=note, shift_id=shift_id,
                                        open_desk_record=open_record).id


class VolunteerDialog(_Dialog):
    """One volunteer's limits (blank: the age-band default), weekly availability, a leave period, skills
    with expiry and whom they like to patrol with; all saved at once, refused over a newer version."""

    WEEKDAYS = (
        QT_TRANSLATE_NOOP("VolunteerDialog", "Mon"), QT_TRANSLATE_NOOP("VolunteerDialog", "Tue"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Wed"), QT_TRANSLATE_NOOP("VolunteerDialog", "Thu"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Fri"), QT_TRANSLATE_NOOP("VolunteerDialog", "Sat"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Sun"),
    )

    def __init__(self, ctx: AppContext, member, parent=None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.version: int | None = None
        self.colours = RosterColours(self)
        self.setWindowTitle(self.tr("Volunteer: {name}").format(name=member.name))
        self.per_week = self._spin(7)
        self.per_week.setObjectName("perWeek")
        self.per_month = self._spin(31)
        self.per_month.setObjectName("perMonth")
        self.evenings = QComboBox()
        self.evenings.setObjectName("evenings")
        self.never_alone = QCheckBox(self.tr("never patrols alone"))
        self.never_alone.setObjectName("neverAlone")
        grid = QGridLayout()
        self.avail: dict[tuple[int, str], QComboBox] = {}
        for j, p in enumerate(PERIODS):
            grid.addWidget(QLabel(period_label(p)), 0, j + 1)
        for i, wd in enumerate(self.WEEKDAYS):
            grid.addWidget(QLabel(self.tr(wd)), i + 1, 0)
            for j, p in enumerate(PERIODS):
                box = QComboBox()
                box.addItem(self.tr("can come"), None)
                box.addItem(self.tr("prefers"), str(Preference.PREFER))
                box.addItem(self.tr("cannot"), str(Preference.NO))
                box.setAccessibleName(f"{self.tr(wd)} {period_label(p)}")
                grid.addWidget(box, i + 1, j + 1)
                self.avail[(i, p)] = box
        self._avail_before: dict[tuple[int, str], str | None] = {}
        grid_widget = QWidget()
        grid_widget.setLayout(grid)
        self.leave_from = QDateEdit()
        self.leave_from.setObjectName("leaveFrom")
        self.leave_to = QDateEdit()
        self.leave_to.setObjectName("leaveTo")
        for box in (self.leave_from, self.leave_to):
            box.setCalendarPopup(True)
            box.setDisplayFormat("yyyy-MM-dd")
            box.setDate(qdate(clock.today()))
        self.add_leave = QCheckBox(self.tr("add leave"))
        self.add_leave.setObjectName("addLeave")
        self.form.addRow(self.tr("Patrols per week"), self.per_week)
        self.form.addRow(self.tr("Patrols per month"), self.per_month)
        self.form.addRow(self.tr("Evening patrols"), self.evenings)
        self.form.addRow("", self.never_alone)
        self.form.addRow(self.tr("Weekly availability"), grid_widget)
        leave_row = QVBoxLayout()
        leave_row.addWidget(self.add_leave)
        leave_row.addWidget(self.leave_from)
        leave_row.addWidget(self.leave_to)
        self.form.addRow(self.tr("Leave"), leave_row)
        self._add_skills_and_partners()
        self._enable(False)  # until the volunteer is read
        self.load()

    def _spin(self, top: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(-1, top)
        box.setValue(-1)
        return box

    def _add_skills_and_partners(self) -> None:
        """Skills with expiry (expired ones marked) and 'patrol with' wishes; applied on Save."""
        self.skills = QListWidget()
        self.skills.setObjectName("skills")
        self.skills.setAccessibleName(self.tr("Skills and qualifications"))
        self.skills.setMaximumHeight(80)
        self.removed_skills: list[int] = []
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("removeSkill")
        remove.clicked.connect(self._drop_skill)
        self.skill_name = QLineEdit()
        self.skill_name.setObjectName("skillName")
        self.skill_name.setPlaceholderText(self.tr("new skill, e.g. 急救证"))
        self.skill_expires = QLineEdit()
        self.skill_expires.setObjectName("skillExpires")
        self.skill_expires.setPlaceholderText(self.tr("valid until, e.g. 2027-06-30 (blank: no expiry)"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.skill_name, 2)
        add_row.addWidget(self.skill_expires, 2)
        add_row.addWidget(remove)
        skills_box = QVBoxLayout()
        skills_box.addWidget(self.skills)
        skills_box.addLayout(add_row)
        self.form.addRow(self.tr("Skills and qualifications"), skills_box)
        self.partner_checks: dict[int, QCheckBox] = {}
        self.partners_box = QVBoxLayout()
        self.new_partner = QComboBox()
        self.new_partner.setObjectName("newPartner")
        self.new_partner.setAccessibleName(self.tr("Likes to patrol with"))
        self.partners_box.addWidget(self.new_partner)
        self.form.addRow(self.tr("Likes to patrol with"), self.partners_box)

    def _drop_skill(self) -> None:
        item = self.skills.currentItem()
        if item is not None:
            self.removed_skills.append(item.data(Qt.ItemDataRole.UserRole))
            self.skills.takeItem(self.skills.row(item))

    def load(self) -> None:
        actor, vid = self.ctx.actor, self.member.volunteer_id
        ops.query(self, self.ctx.engine, lambda s: volunteer_profile(s, actor=actor, volunteer_id=vid), self._fill,
                  on_error=self._not_saved, latest="load")

    def _fill(self, p) -> None:
        """The form from what is stored; edits not saved are dropped (a reload after a refused save)."""
        self.version = p.version
        defaults = p.defaults
        for box, value, default in ((self.per_week, p.max_per_week, defaults.max_per_week),
                                    (self.per_month, p.max_per_month, defaults.max_per_month)):
            box.setSpecialValueText(self.tr("age default ({n})").format(n=default if default is not None else "—"))
            box.setValue(-1 if value is None else value)
        self.evenings.clear()
        self.evenings.addItem(self.tr("age default ({v})").format(
            v=self.tr("no evenings") if defaults.no_evenings else self.tr("evenings allowed")), None)
        self.evenings.addItem(self.tr("evenings allowed"), False)
        self.evenings.addItem(self.tr("no evenings"), True)
        if p.no_evenings is not None:
            select_data(self.evenings, p.no_evenings)
        self.never_alone.setChecked(p.never_alone)
        for key, box in self.avail.items():
            select_data(box, p.availability.get(key))
        self._avail_before = {k: b.currentData() for k, b in self.avail.items()}
        self.add_leave.setChecked(False)
        expired_brush = self.colours.brush("expired")
        self.skills.clear()
        self.removed_skills = []
        for sid, name, expires, expired in p.extras.skills:
            text = name
            if expires is not None:
                text += " " + (self.tr("(expired {d})") if expired else self.tr("(valid until {d})")).format(d=expires.isoformat())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            if expired and expired_brush is not None:
                item.setForeground(expired_brush)
            self.skills.addItem(item)
        self.skill_name.clear()
        self.skill_expires.clear()
        for cb in self.partner_checks.values():
            self.partners_box.removeWidget(cb)
            cb.deleteLater()
        self.partner_checks = {}
        for i, (pid, name) in enumerate(p.extras.partners):
            cb = QCheckBox(name)
            cb.setChecked(True)
            cb.setObjectName(f"partner{pid}")
            self.partner_checks[pid] = cb
            self.partners_box.insertWidget(i, cb)
        self.new_partner.clear()
        self.new_partner.addItem(self.tr("— add a partner —"), None)
        for vid, name in p.extras.teammates:
            if vid not in self.partner_checks:
                self.new_partner.addItem(name, vid)
        self._enable(True)

    def save_work(self):
        week = None if self.per_week.value() < 0 else self.per_week.value()
        month = None if self.per_month.value() < 0 else self.per_month.value()
        data = VolunteerUpdate(
            max_per_week=week, max_per_month=month, no_evenings=self.evenings.currentData(),
            never_alone=self.never_alone.isChecked(),
            availability={k: b.currentData() for k, b in self.avail.items() if b.currentData() != self._avail_before.get(k)},
            remove_skills=tuple(self.removed_skills), new_skill=self.skill_name.text(),
            new_skill_expires=self.skill_expires.text(),
            remove_partners=tuple(pid for pid, cb in self.partner_checks.items() if not cb.isChecked()),
            new_partner=self.new_partner.currentData(),
            leave=(pydate(self.leave_from.date()), pydate(self.leave_to.date())) if self.add_leave.isChecked() else None,
            leave_reason=self.tr("leave"),
        )
        actor, vid, version = self.ctx.actor, self.member.volunteer_id, self.version
        return lambda s: update_volunteer(s, actor=actor, volunteer_id=vid, data=data, expected_version=version).id


class HoursDialog(_Dialog):
    """One volunteer's hours ledger (append-only) and a correction as a new entry with its reason."""

    def __init__(self, ctx: AppContext, member, can_correct: bool = True, parent=None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.can_save = can_correct
        self.setWindowTitle(self.tr("Service hours: {name}").format(name=member.name))
        self.entries = QListWidget()
        self.entries.setObjectName("ledger")
        self.entries.setAccessibleName(self.tr("Service hours: {name}").format(name=member.name))
        self.total = QLabel()
        self.total.setObjectName("ledgerTotal")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("correctionMinutes")
        self.minutes.setRange(-1440, 1440)
        self.minutes.setSuffix(self.tr(" min"))
        self.reason = QLineEdit()
        self.reason.setObjectName("correctionReason")
        self.reason.setPlaceholderText(self.tr("why, e.g. forgot to check out"))
        self.form.addRow(self.entries)
        self.form.addRow(self.total)
        self.form.addRow(self.tr("Correction"), self.minutes)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.setMinimumWidth(460)
        self._enable(True)
        self.load()

    def load(self) -> None:
        actor, vid = self.ctx.actor, self.member.volunteer_id
        ops.query(self, self.ctx.engine, lambda s: hours_ledger(s, actor=actor, volunteer_id=vid), self._fill,
                  on_error=self._not_saved, latest="load")

    def _fill(self, rows: list) -> None:
        self.entries.clear()
        for e in rows:
            factor = f" ×{e.multiplier:g}" if e.multiplier != 1 else ""
            self.entries.addItem(f"{e.served_on:%Y-%m-%d}  {e.minutes:+d}{factor} → {e.credited_minutes:+d}  {reason_label(e.reason)}")
        credited = sum(e.credited_minutes for e in rows)
        served = sum(e.minutes for e in rows)
        self.total.setText(self.tr("Served {served:.1f} h; credited {credited:.1f} h").format(served=served / 60, credited=credited / 60))

    def save_work(self):
        actor, vid, minutes, reason = self.ctx.actor, self.member.volunteer_id, self.minutes.value(), self.reason.text()
        return lambda s: correct_hours(s, actor=actor, volunteer_id=vid, minutes=minutes, reason=reason).id
