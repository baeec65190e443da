"""Small dialogs of the rosters page: new team, add a volunteer to a team, record a patrol finding."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)
from sqlmodel import select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.residents.ui import ResidentPicker
from desktop_app.rosters import service
from desktop_app.rosters.models import FINDING_CATEGORIES, MEMBER_ROLES, TEAM_KINDS
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error


class _Dialog(QDialog):
    saved = Signal(int)

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_box = None
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("dialogButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.buttons)

    def save_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                new_id = self.write(s)
        except SmileDeskError as exc:
            self.last_box = show_error(self, exc)
            return
        self.saved.emit(new_id)
        self.accept()

    def write(self, s) -> int:
        """Write the dialog's content in the caller's transaction; returns the id to announce."""
        raise TypeError(f"{type(self).__name__} must define write()")


class TeamDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New team"))
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.kind = QComboBox()
        self.kind.setObjectName("teamKind")
        for k in TEAM_KINDS:
            self.kind.addItem(service.translate("Rosters", service.KIND_LABELS[k]), k)
        self.grid = QLineEdit()
        self.grid.setObjectName("teamGrid")
        self.route = QLineEdit()
        self.route.setObjectName("teamRoute")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Grid"), self.grid)
        self.form.addRow(self.tr("Route"), self.route)

    def write(self, s) -> int:
        return service.create_team(s, actor=self.ctx.actor, name=self.name.text(), kind=self.kind.currentData(),
                                   grid=self.grid.text(), route=self.route.text()).id


class AddVolunteerDialog(_Dialog):
    def __init__(self, ctx: AppContext, team_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("Add a volunteer to the team"))
        self.picker = ResidentPicker(ctx, self)
        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for r in reversed(MEMBER_ROLES):
            self.role.addItem(service.translate("Rosters", service.ROLE_LABELS[r]), r)
        self.form.addRow(self.tr("Resident"), self.picker)
        self.form.addRow(self.tr("Role"), self.role)
        self.setMinimumWidth(420)

    def write(self, s) -> int:
        if self.picker.current is None:
            from desktop_app.core.errors import ValidationError
            from desktop_app.core.i18n import QT_TRANSLATE_NOOP

            raise ValidationError(QT_TRANSLATE_NOOP("Fields", "Resident"),
                                  QT_TRANSLATE_NOOP("Errors", "nobody chosen; type a name and pick the resident from the list."))
        return service.add_volunteer(s, actor=self.ctx.actor, resident_id=self.picker.current.id, team_id=self.team_id,
                                     role=self.role.currentData()).id


class FindingDialog(_Dialog):
    def __init__(self, ctx: AppContext, shift_id: int | None = None, parent=None) -> None:
        super().__init__(ctx, parent)
        self.shift_id = shift_id
        self.setWindowTitle(self.tr("Patrol finding"))
        self.category = QComboBox()
        self.category.setObjectName("findingCategory")
        for c in FINDING_CATEGORIES:
            self.category.addItem(service.translate("Rosters", service.CATEGORY_LABELS[c]), c)
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

    def write(self, s) -> int:
        return service.record_finding(s, actor=self.ctx.actor, category=self.category.currentData(), location=self.location.text(),
                                      note=self.note.toPlainText(), shift_id=self.shift_id,
                                      open_desk_record=self.open_record.isChecked()).id


class VolunteerDialog(_Dialog):
    """One volunteer's limits (blank: the age-band default), weekly availability and a leave period."""

    WEEKDAYS = (
        QT_TRANSLATE_NOOP("VolunteerDialog", "Mon"), QT_TRANSLATE_NOOP("VolunteerDialog", "Tue"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Wed"), QT_TRANSLATE_NOOP("VolunteerDialog", "Thu"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Fri"), QT_TRANSLATE_NOOP("VolunteerDialog", "Sat"),
        QT_TRANSLATE_NOOP("VolunteerDialog", "Sun"),
    )

    def __init__(self, ctx: AppContext, member, parent=None) -> None:
        super().__init__(ctx, parent)
        from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QSpinBox, QWidget

        self.member = member
        self.setWindowTitle(self.tr("Volunteer: {name}").format(name=member.name))
        with session_scope(ctx.engine, write=False) as s:
            from desktop_app.rosters.models import Availability, Volunteer

            v = s.get(Volunteer, member.volunteer_id)
            rows = list(s.exec(select(Availability).where(Availability.volunteer_id == v.id)))
        self.own = (v.max_per_week, v.max_per_month, v.no_evenings)
        defaults = service.age_defaults(member.age)

        def spin(value, default, top):
            box = QSpinBox()
            box.setRange(-1, top)
            box.setSpecialValueText(self.tr("age default ({n})").format(n=default if default is not None else "—"))
            box.setValue(-1 if value is None else value)
            return box

        self.per_week = spin(v.max_per_week, defaults.max_per_week, 7)
        self.per_week.setObjectName("perWeek")
        self.per_month = spin(v.max_per_month, defaults.max_per_month, 31)
        self.per_month.setObjectName("perMonth")
        self.evenings = QComboBox()
        self.evenings.setObjectName("evenings")
        self.evenings.addItem(self.tr("age default ({v})").format(v=self.tr("no evenings") if defaults.no_evenings else self.tr("evenings allowed")), None)
        self.evenings.addItem(self.tr("evenings allowed"), False)
        self.evenings.addItem(self.tr("no evenings"), True)
        self.evenings.setCurrentIndex(self.evenings.findData(v.no_evenings) if v.no_evenings is not None else 0)
        self.never_alone = QCheckBox(self.tr("never patrols alone"))
        self.never_alone.setObjectName("neverAlone")
        self.never_alone.setChecked(v.never_alone)
        grid = QGridLayout()
        self.avail: dict[tuple[int, str], QComboBox] = {}
        have = {(r.weekday, r.period): r.preference for r in rows}
        for j, p in enumerate(service.PERIODS):
            grid.addWidget(QLabel(service.period_label(p)), 0, j + 1)
        for i, wd in enumerate(self.WEEKDAYS):
            grid.addWidget(QLabel(self.tr(wd)), i + 1, 0)
            for j, p in enumerate(service.PERIODS):
                box = QComboBox()
                box.addItem(self.tr("can come"), None)
                box.addItem(self.tr("prefers"), "prefer")
                box.addItem(self.tr("cannot"), "no")
                box.setCurrentIndex(box.findData(have.get((i, p))))
                grid.addWidget(box, i + 1, j + 1)
                self.avail[(i, p)] = box
        self._avail_before = {k: b.currentData() for k, b in self.avail.items()}
        grid_widget = QWidget()
        grid_widget.setLayout(grid)
        self.leave_from = QDateEdit()
        self.leave_from.setObjectName("leaveFrom")
        self.leave_from.setCalendarPopup(True)
        self.leave_from.setDisplayFormat("yyyy-MM-dd")
        self.leave_to = QDateEdit()
        self.leave_to.setObjectName("leaveTo")
        self.leave_to.setCalendarPopup(True)
        self.leave_to.setDisplayFormat("yyyy-MM-dd")
        self.add_leave = QCheckBox(self.tr("add leave"))
        self.add_leave.setObjectName("addLeave")
        from desktop_app.core import clock

        self.leave_from.setDate(clock.today())
        self.leave_to.setDate(clock.today())
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

    def _add_skills_and_partners(self) -> None:
        """Skills with expiry (expired ones marked) and 'patrol with' wishes; applied on Save."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton

        with session_scope(self.ctx.engine, write=False) as s:
            extras = service.volunteer_extras(s, actor=self.ctx.actor, volunteer_id=self.member.volunteer_id)
        self.skills = QListWidget()
        self.skills.setObjectName("skills")
        self.skills.setMaximumHeight(80)
        for sid, name, expires, expired in extras.skills:
            text = name
            if expires is not None:
                text += " " + (self.tr("(expired {d})") if expired else self.tr("(valid until {d})")).format(d=expires.isoformat())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            if expired:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.skills.addItem(item)
        self.removed_skills: list[int] = []
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("removeSkill")

        def drop() -> None:
            item = self.skills.currentItem()
            if item is not None:
                self.removed_skills.append(item.data(Qt.ItemDataRole.UserRole))
                self.skills.takeItem(self.skills.row(item))

        remove.clicked.connect(drop)
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
        partners_box = QVBoxLayout()
        for pid, name in extras.partners:
            cb = QCheckBox(name)
            cb.setChecked(True)
            cb.setObjectName(f"partner{pid}")
            self.partner_checks[pid] = cb
            partners_box.addWidget(cb)
        self.new_partner = QComboBox()
        self.new_partner.setObjectName("newPartner")
        self.new_partner.addItem(self.tr("— add a partner —"), None)
        for vid, name in extras.teammates:
            if vid not in self.partner_checks:
                self.new_partner.addItem(name, vid)
        partners_box.addWidget(self.new_partner)
        self.form.addRow(self.tr("Likes to patrol with"), partners_box)

    def write(self, s) -> int:
        vid = self.member.volunteer_id
        for skill_id in self.removed_skills:
            service.remove_skill(s, actor=self.ctx.actor, skill_id=skill_id)
        if self.skill_name.text().strip() or self.skill_expires.text().strip():
            service.add_skill(s, actor=self.ctx.actor, volunteer_id=vid, name=self.skill_name.text(),
                              expires_on=self.skill_expires.text().strip() or None)
        for pid, cb in self.partner_checks.items():
            if not cb.isChecked():
                service.remove_pairing(s, actor=self.ctx.actor, volunteer_id=vid, partner_id=pid)
        if self.new_partner.currentData() is not None:
            service.add_pairing(s, actor=self.ctx.actor, volunteer_id=vid, partner_id=self.new_partner.currentData())
        week = None if self.per_week.value() < 0 else self.per_week.value()
        month = None if self.per_month.value() < 0 else self.per_month.value()
        service.set_limits(s, actor=self.ctx.actor, volunteer_id=vid, max_per_week=week, max_per_month=month,
                           no_evenings=self.evenings.currentData(), never_alone=self.never_alone.isChecked())
        for (wd, p), box in self.avail.items():
            if box.currentData() != self._avail_before[(wd, p)]:
                service.set_availability(s, actor=self.ctx.actor, volunteer_id=vid, weekday=wd, period=p, preference=box.currentData())
        if self.add_leave.isChecked():
            service.add_leave(s, actor=self.ctx.actor, volunteer_id=vid, start=self.leave_from.date().toPython(),
                              end=self.leave_to.date().toPython(), reason=self.tr("leave"))
        return vid


class TemplatesDialog(_Dialog):
    """The team's daily shifts: times, minimum / maximum headcount, holiday minimum, leader required.
    Changes apply to shifts created afterwards."""

    def __init__(self, ctx: AppContext, team_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QTimeEdit, QWidget

        self.setWindowTitle(self.tr("Daily shifts of the team"))
        with session_scope(ctx.engine, write=False) as s:
            self.templates = service.templates_of(s, actor=ctx.actor, team_id=team_id)
        grid = QGridLayout()
        for j, head in enumerate((self.tr("Shift"), self.tr("Start"), self.tr("End"), self.tr("Min"), self.tr("Max"),
                                  self.tr("Holiday min"), self.tr("Leader"))):
            grid.addWidget(QLabel(head), 0, j)
        self.rows = []
        for i, t in enumerate(self.templates, 1):
            start, end = QTimeEdit(t.starts_at), QTimeEdit(t.ends_at)
            lo, hi, hol = QSpinBox(), QSpinBox(), QSpinBox()
            for box, value in ((lo, t.min_headcount), (hi, t.max_headcount), (hol, t.holiday_min_headcount)):
                box.setRange(-1 if box is hol else 0, 50)
                box.setValue(-1 if value is None else value)
            hol.setSpecialValueText(self.tr("same"))
            lead = QCheckBox()
            lead.setChecked(t.leader_required)
            for j, w in enumerate((QLabel(service.period_label(t.period)), start, end, lo, hi, hol, lead)):
                grid.addWidget(w, i, j)
            self.rows.append((t, start, end, lo, hi, hol, lead))
        box = QWidget()
        box.setLayout(grid)
        self.form.addRow(box)
        self.form.addRow(QLabel(self.tr("Changes apply to shifts created from now on.")))

    def write(self, s) -> int:
        for t, start, end, lo, hi, hol, lead in self.rows:
            service.update_template(s, actor=self.ctx.actor, template_id=t.id, starts_at=start.time().toPython(),
                                    ends_at=end.time().toPython(), min_headcount=lo.value(), max_headcount=hi.value(),
                                    leader_required=lead.isChecked(), holiday_min_headcount=None if hol.value() < 0 else hol.value())
        return self.templates[0].team_id if self.templates else 0


class HoursDialog(_Dialog):
    """One volunteer's hours ledger (append-only) and a correction as a new entry with its reason."""

    def __init__(self, ctx: AppContext, member, parent=None) -> None:
        super().__init__(ctx, parent)
        from PySide6.QtWidgets import QLabel, QListWidget, QSpinBox

        self.member = member
        self.setWindowTitle(self.tr("Service hours: {name}").format(name=member.name))
        self.entries = QListWidget()
        self.entries.setObjectName("ledger")
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
        self.load()

    def load(self) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            rows = service.ledger(s, actor=self.ctx.actor, volunteer_id=self.member.volunteer_id)
        self.entries.clear()
        for e in rows:
            factor = f" ×{e.multiplier:g}" if e.multiplier != 1 else ""
            self.entries.addItem(f"{e.served_on:%Y-%m-%d}  {e.minutes:+d}{factor} → {e.credited_minutes:+d}  {e.reason}")
        credited = sum(e.credited_minutes for e in rows)
        served = sum(e.minutes for e in rows)
        self.total.setText(self.tr("Served {served:.1f} h; credited {credited:.1f} h").format(served=served / 60, credited=credited / 60))

    def write(self, s) -> int:
        return service.correct_hours(s, actor=self.ctx.actor, volunteer_id=self.member.volunteer_id,
                                     minutes=self.minutes.value(), reason=self.reason.text()).id
