"""The team's daily shifts: times, minimum / maximum headcount, holiday minimum, leader required, and the
qualifications each requires (of its leader, of everyone on it, of at least one person)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desktop_app.rosters.labels import period_label
from desktop_app.rosters.models import RequirementScope
from desktop_app.rosters.requirements import requirements_of, set_requirements, skill_names
from desktop_app.rosters.shifts import templates_of, update_template
from desktop_app.rosters.ui.dialogs import _Dialog
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

SCOPES = (RequirementScope.LEADER, RequirementScope.EVERYONE, RequirementScope.SOMEONE)


class TemplatesDialog(_Dialog):
    """The team's daily shifts: times, minimum / maximum headcount, holiday minimum, leader required, the
    qualifications required. Times and headcounts apply to shifts created afterwards; the qualifications to
    every shift made from the template."""

    def __init__(self, ctx: AppContext, team_id: int, parent=None) -> None:
        super().__init__(ctx, parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("Daily shifts of the team"))
        self.templates: list = []
        self.rows: list = []
        self.table = QWidget()
        self.table.setObjectName("templateRows")
        self.grid = QGridLayout(self.table)
        self.form.addRow(self.table)
        note = QLabel(self.tr("Times and headcounts apply to shifts created from now on. Qualifications (as volunteers' "
                              "skills name them, several separated by 、) apply to every shift of the template and must "
                              "be valid on the shift's date."))
        note.setWordWrap(True)
        self.form.addRow(note)
        self._enable(False)  # until the shifts are read
        self.load()

    def load(self) -> None:
        actor, team_id = self.ctx.actor, self.team_id
        ops.query(self, self.ctx.engine,
                  lambda s: (templates_of(s, actor=actor, team_id=team_id), requirements_of(s, actor=actor, team_id=team_id),
                             skill_names(s, actor=actor)),
                  lambda r: self._fill(*r), on_error=self._not_saved, latest="load")

    def _fill(self, templates: list, requirements: dict | None = None, names: list[str] | None = None) -> None:
        grid = self.grid
        while grid.count():  # a reload: the rows are made again from what is stored
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        heads = (self.tr("Shift"), self.tr("Start"), self.tr("End"), self.tr("Min"), self.tr("Max"), self.tr("Holiday min"),
                 self.tr("Leader"), self.tr("Leader holds"), self.tr("Everyone holds"), self.tr("At least one holds"))
        for j, head in enumerate(heads):
            grid.addWidget(QLabel(head), 0, j)
        completer = QCompleter(names or [], self)
        self.templates, self.rows = templates, []
        for i, t in enumerate(templates, 1):
            start, end = QTimeEdit(t.starts_at), QTimeEdit(t.ends_at)
            lo, hi, hol = QSpinBox(), QSpinBox(), QSpinBox()
            for box, value in ((lo, t.min_headcount), (hi, t.max_headcount), (hol, t.holiday_min_headcount)):
                box.setRange(-1 if box is hol else 0, 50)
                box.setValue(-1 if value is None else value)
            hol.setSpecialValueText(self.tr("same"))
            lead = QCheckBox()
            lead.setChecked(t.leader_required)
            label = period_label(t.period)
            held = (requirements or {}).get(t.id, {})
            quals = []
            for scope, what in zip(SCOPES, heads[7:], strict=True):
                edit = QLineEdit("、".join(held.get(scope, [])))
                edit.setObjectName(f"requires-{t.period}-{scope}")
                edit.setPlaceholderText(self.tr("e.g. 急救证"))
                edit.setCompleter(completer)
                edit.setMinimumWidth(90)
                edit.setAccessibleName(f"{label} {what}")
                quals.append(edit)
            for w, what in ((start, self.tr("Start")), (end, self.tr("End")), (lo, self.tr("Min")), (hi, self.tr("Max")),
                            (hol, self.tr("Holiday min")), (lead, self.tr("Leader"))):
                w.setAccessibleName(f"{label} {what}")
            for j, w in enumerate((QLabel(label), start, end, lo, hi, hol, lead, *quals)):
                grid.addWidget(w, i, j)
            self.rows.append((t, start, end, lo, hi, hol, lead, quals))
        self._enable(True)

    def save_work(self):
        actor = self.ctx.actor
        changes = [(t.id, t.version, start.time().toPython(), end.time().toPython(), lo.value(), hi.value(),
                    lead.isChecked(), None if hol.value() < 0 else hol.value(), [q.text() for q in quals])
                   for t, start, end, lo, hi, hol, lead, quals in self.rows]
        team_id = self.team_id

        def work(s) -> int:
            for tid, version, a, b, lo, hi, lead, hol, quals in changes:
                update_template(s, actor=actor, template_id=tid, starts_at=a, ends_at=b, min_headcount=lo, max_headcount=hi,
                                leader_required=lead, holiday_min_headcount=hol, expected_version=version)
                set_requirements(s, actor=actor, template_id=tid, leader=quals[0], everyone=quals[1], someone=quals[2])
            return team_id

        return work
