"""Matching checked rows against the database: add, update, skip or reject, each with its reasons.

A person is recognised by ID number, else by name and phone, else by name and address; a row whose values
equal what is stored is skipped as unchanged, so importing the same file twice changes nothing. The same
person twice in one file: the second row is skipped when it says the same, else rejected naming the
fields that differ.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.reports.importing.cells import cell_text
from desktop_app.reports.importing.checking import Candidate, prepare
from desktop_app.reports.importing.fields import Action, field_label, reason
from desktop_app.reports.importing.parts import PartMatcher
from desktop_app.reports.importing.plan import RESIDENT_VALUE_KEYS, ImportPlan, RowResult, Step, gc_paused
from desktop_app.reports.importing.reading import Sheet
from desktop_app.reports.permissions import IMPORT_REGISTERS


def _existing_index(s: Session, actor: Actor):
    from desktop_app.residents import Resident

    cols = [getattr(Resident, k) for k in RESIDENT_VALUE_KEYS]
    q = select(Resident.id, *cols).where(Resident.erased == False)  # noqa: E712
    if actor.station_id is not None:
        q = q.where(or_(col(Resident.station_id) == actor.station_id, col(Resident.station_id).is_(None)))
    rows = s.exec(q).all()
    by_id: dict[str, int] = {}
    by_phone: dict[tuple[str, str], int] = {}
    by_addr: dict[tuple, int] = {}
    values: dict[int, dict[str, Any]] = {}
    for r in rows:
        rid = r[0]
        v = dict(zip(RESIDENT_VALUE_KEYS, r[1:], strict=True))
        if isinstance(v["birth_date"], str):
            v["birth_date"] = date.fromisoformat(v["birth_date"])
        values[rid] = v
        if v["id_number"]:
            by_id.setdefault(v["id_number"], rid)
        if v["phone"]:
            by_phone.setdefault((v["name"], v["phone"]), rid)
        by_addr.setdefault(_addr_key(v), rid)
    return by_id, by_phone, by_addr, values


def _addr_key(v: dict[str, Any]) -> tuple:
    return (v["name"], v.get("compound", ""), v.get("building", ""), v.get("unit", ""), v.get("room", ""))


def _person_key(v: dict[str, Any]) -> tuple:
    if v["id_number"]:
        return ("id", v["id_number"])
    if v["phone"]:
        return ("phone", v["name"], v["phone"])
    return ("addr", *_addr_key(v))


def _merge(existing: dict[str, Any], cand: Candidate) -> dict[str, Any]:
    out = dict(existing)
    assert cand.values is not None  # only rows without errors are merged
    for k in cand.present:
        if k in cand.values:
            out[k] = cand.values[k]
    return out


@gc_paused
def dry_run(s: Session, *, actor: Actor, sheet: Sheet, mapping: dict[int, str], kind: str,
            options: dict[str, Any] | None = None, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """What importing would do, row by row (nothing is written)."""
    require(actor, IMPORT_REGISTERS)
    candidates = prepare(sheet, mapping, kind, progress)
    plan = ImportPlan(kind, sheet.path.name, sheet.sheet_name, sheet.header_row, dict(mapping), list(sheet.labels), [],
                      candidates, options=dict(options or {}))
    plan.notes = list(sheet.notes)
    plan.not_imported = not_imported(sheet, mapping)
    match(s, actor=actor, plan=plan, progress=progress)
    return plan


def check(engine, *, actor: Actor, sheet: Sheet, mapping: dict[int, str], kind: str,
          options: dict[str, Any] | None = None, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """dry_run in a read transaction of its own (long work: the dialog and the CLI show progress, Cancel)."""
    from desktop_app.core.db import session_scope

    with session_scope(engine, write=False) as s:
        return dry_run(s, actor=actor, sheet=sheet, mapping=mapping, kind=kind, options=options, progress=progress)


def not_imported(sheet: Sheet, mapping: dict[int, str]) -> list[str]:
    """The labels of columns that hold values but are imported as nothing (the dry run lists them)."""
    out = []
    for j, label in enumerate(sheet.labels):
        if j not in mapping and any(cell_text(r[j]) for _n, r in sheet.rows if j < len(r)):
            out.append(label)
    return out


def _shown(v: Any) -> str:
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, date):
        return v.isoformat()
    return "—" if v in (None, "") else str(v)


def _differences(first: dict[str, Any], v: dict[str, Any], present) -> str:
    keys = [k for k in RESIDENT_VALUE_KEYS if k in present and k in v and first.get(k) != v.get(k)]
    return join(f"{field_label(k)} ({_shown(first.get(k))} ≠ {_shown(v.get(k))})" for k in keys)


@gc_paused
def match(s: Session, *, actor: Actor, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """(Re)decide every row against the database as it is now; fills plan.results and plan.steps."""
    require(actor, IMPORT_REGISTERS)
    by_id, by_phone, by_addr, existing = _existing_index(s, actor)
    part = PartMatcher(s, actor, plan.kind, plan.options)
    seen: dict[tuple, tuple[int, dict[str, Any]]] = {}
    results: list[RowResult] = []
    steps: list[Step] = []
    label = translate("Import", "Comparing with the database")
    total = len(plan.candidates)
    for i, c in enumerate(plan.candidates):
        if i % 2000 == 0:
            progress(i, total, label)
        if c.blank:
            results.append(RowResult(c.row, Action.SKIP, "", (reason(QT_TRANSLATE_NOOP("Import", "blank row")),)))
            continue
        if c.errors:
            problems = list(c.errors)
            try:
                part.plan(c, None)
            except SmileDeskError as exc:
                problems.append(exc)
            results.append(RowResult(c.row, Action.REJECT, c.name, tuple(problems)))
            continue
        v = c.values
        assert v is not None  # a row without errors has its cleaned values (checking.py)
        key = _person_key(v)
        if key in seen:
            first_row, first_values = seen[key]
            differ = _differences(first_values, v, c.present)
            if not differ:
                results.append(RowResult(c.row, Action.SKIP, c.name, (reason(
                    QT_TRANSLATE_NOOP("Import", "same person as row {row}"), row=first_row),)))
            else:
                results.append(RowResult(c.row, Action.REJECT, c.name, (reason(QT_TRANSLATE_NOOP(
                    "Import", "same person as row {row} but {fields} differ; keep one of the two rows"),
                    row=first_row, fields=differ),)))
            continue
        seen[key] = (c.row, v)
        rid = None
        if v["id_number"]:
            rid = by_id.get(v["id_number"])
        if rid is None and v["phone"]:
            rid = by_phone.get((v["name"], v["phone"]))
            if rid is not None and existing[rid]["id_number"] and v["id_number"] and existing[rid]["id_number"] != v["id_number"]:
                rid = None  # same name and phone, different ID number: another person
        if rid is None and not v["id_number"] and not v["phone"]:
            rid = by_addr.get(_addr_key(v))
        try:
            part_plan = part.plan(c, rid)
        except SmileDeskError as exc:
            results.append(RowResult(c.row, Action.REJECT, c.name, (exc,)))
            continue
        warnings = tuple(c.warnings)
        if rid is None:
            results.append(RowResult(c.row, Action.ADD, c.name, warnings=warnings))
            steps.append(Step(c, None, v, part_plan))
            continue
        merged = _merge(existing[rid], c)
        changes = tuple(k for k in RESIDENT_VALUE_KEYS if merged.get(k) != existing[rid].get(k))
        if changes and merged.get("id_number") and existing[rid]["id_number"] and merged["id_number"] != existing[rid]["id_number"]:
            results.append(RowResult(c.row, Action.REJECT, c.name, (reason(QT_TRANSLATE_NOOP(
                "Import", "{name} is registered with another ID number; check the row against the resident's record"),
                name=c.name),), resident_id=rid))
            continue
        part_changes = tuple(part_plan.get("changes", ())) if part_plan else ()
        if not changes and not part_changes:
            results.append(RowResult(c.row, Action.SKIP, c.name, (reason(
                QT_TRANSLATE_NOOP("Import", "already registered, nothing changed")),), resident_id=rid))
            continue
        results.append(RowResult(c.row, Action.UPDATE, c.name, changes=changes + part_changes, resident_id=rid,
                                 warnings=warnings))
        steps.append(Step(c, rid, merged if changes else None, part_plan if part_changes else None))
    progress(total, total, label)
    plan.results, plan.steps = results, steps
    return plan








# --- writing --------------------------------------------------------------------------------------------
