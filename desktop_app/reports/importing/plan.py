"""What an import will do (the dry run's plan, row by row) and what it did (the result)."""

from __future__ import annotations

import functools
import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate
from desktop_app.reports.importing.fields import (
    ACTION_LABELS,
    ACTIONS,
    TAGS,
    Action,
    Reason,
    field_label,
    reason_text,
)

if TYPE_CHECKING:
    from desktop_app.reports.importing.checking import Candidate

BULK_THRESHOLD = 1000


def gc_paused(fn):
    """Run fn with Python's cyclic garbage collector paused (and resumed after, if it was on).

    Each step of an import allocates millions of small objects that stay alive until the step ends (cells,
    candidates, cleaned values, rows to write); the collector re-scans everything alive each time the live
    objects grow by a quarter: 14 full collections took 4.3 of 16.7 CPU seconds for 50,000 rows. These steps
    make no reference cycles worth collecting early; whatever there is is collected after the step."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return wrapper


@dataclass
class RowResult:
    row: int
    action: Action
    name: str
    reasons: tuple[SmileDeskError | Reason, ...] = ()  # why it is skipped or rejected: every problem of the row
    changes: tuple[str, ...] = ()  # field keys that change (update)
    resident_id: int | None = None
    warnings: tuple[Reason, ...] = ()  # imported, but not quite as written

    @property
    def reason(self) -> SmileDeskError | Reason | None:
        return self.reasons[0] if self.reasons else None

    @property
    def text(self) -> str:
        return translate("Lists", "; ").join(reason_text(r) for r in self.reasons)


@dataclass
class Step:
    """One write to do: resident add/update and the kind's own part (volunteer, meal recipient)."""

    cand: Candidate
    resident_id: int | None
    resident_values: dict[str, Any] | None  # full values to write (add: cleaned; update: merged), None: unchanged
    part: dict[str, Any] | None = None  # volunteer: {team_id, role, joined_on, op}; meals: {data, recipient_id}


@dataclass
class ImportPlan:
    kind: str
    file_name: str
    sheet_name: str
    header_row: int
    mapping: dict[int, str]
    labels: list[str]
    results: list[RowResult]
    candidates: list[Candidate] = field(default_factory=list, repr=False)
    steps: list[Step] = field(default_factory=list, repr=False)
    options: dict[str, Any] = field(default_factory=dict)
    not_imported: list[str] = field(default_factory=list)  # labels of columns with values that no field takes
    notes: list[Reason] = field(default_factory=list)  # how the sheet was read

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a.value: self.count(a) for a in ACTIONS}

    def rejected(self) -> list[RowResult]:
        return [r for r in self.results if r.action == Action.REJECT]


RESIDENT_VALUE_KEYS = ("name", "gender", "birth_date", "id_number", "phone", "community", "compound", "building", "unit",
                       "room", "grid", *TAGS, "emergency_contact", "emergency_phone", "notes", "consent_date")


def report_rows(plan: ImportPlan, *, actions: Sequence[str] = ACTIONS) -> list[tuple[int, str, str, str]]:
    """(row, action label, name, reason or changed fields) for the dry-run report, in row order."""
    out = []
    for r in plan.results:
        if r.action not in actions:
            continue
        parts = [join(field_label(c) for c in r.changes)] if r.action == Action.UPDATE else [r.text]
        parts += [w.text() for w in r.warnings]
        detail = translate("Lists", "; ").join(p for p in parts if p)
        out.append((r.row, translate("Import", ACTION_LABELS[r.action]), r.name, detail))
    return out


@dataclass(frozen=True)
class ImportResult:
    """What was written. Cancelled midway: the batches written before Cancel (each whole), up to ``last_row``."""

    added: int
    updated: int
    skipped: int
    rejected: int
    resident_ids: tuple[int, ...]
    cancelled: bool = False
    last_row: int = 0  # the Excel row of the last row written (0: none)
    not_written: int = 0  # rows to add or update that were not written (cancelled)


# What the dialog and `smiledesk import` both say (context "Import").
SHEET_READ = QT_TRANSLATE_NOOP("Import", "Headers found in row {row}; {n} rows below them; {m} merged cell ranges filled in.")
COUNTS = QT_TRANSLATE_NOOP("Import", "{add} to add, {update} to update, {skip} to skip, {reject} rejected")
NOT_IMPORTED = QT_TRANSLATE_NOOP("Import", "Columns with values that are not imported: {columns}.")
IN_BATCHES = QT_TRANSLATE_NOOP("Import", "The import writes in batches: if you cancel it, the rows written before are "
                                         "kept and you are told up to which row.")
NOTHING_WRITTEN = QT_TRANSLATE_NOOP("Import", "Import cancelled: nothing was written.")
PARTLY_WRITTEN = QT_TRANSLATE_NOOP(
    "Import", "Import cancelled after row {row}: {add} added and {update} updated were written; {rest} rows were not. "
              "Check the file again and import it to finish: the rows already written are skipped.")
IMPORTED = QT_TRANSLATE_NOOP("Import", "Imported: {add} added, {update} updated, {skip} skipped, {reject} rejected rows left out.")


def sheet_text(sheet) -> str:
    """What was read: the header row, the rows, the merges, and any note on how the sheet was read."""
    head = translate("Import", SHEET_READ, row=sheet.header_row, n=len(sheet.rows), m=sheet.merged)
    return " ".join([head, *(n.text() for n in sheet.notes)])


def plan_lines(plan: ImportPlan) -> list[str]:
    """The dry run's summary: counts, the columns left out, and what Cancel would keep."""
    c = plan.counts
    lines = [translate("Import", COUNTS, **c)]
    if plan.not_imported:
        lines.append(translate("Import", NOT_IMPORTED, columns=join(plan.not_imported)))
    if c["add"] or c["update"]:
        lines.append(translate("Import", IN_BATCHES))
    return lines


def result_text(result: ImportResult) -> str:
    if result.cancelled and not (result.added or result.updated):
        return translate("Import", NOTHING_WRITTEN)
    if result.cancelled:
        return translate("Import", PARTLY_WRITTEN, row=result.last_row, add=result.added, update=result.updated,
                         rest=result.not_written)
    return translate("Import", IMPORTED, add=result.added, update=result.updated, skip=result.skipped,
                     reject=result.rejected)
