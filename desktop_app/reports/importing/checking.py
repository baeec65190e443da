"""Checking rows (no database): each row's cells parsed into a resident's fields and validated with the
residents service's own rules, every problem of a row collected (not only the first), and whatever a row
gives that has no field of its own kept in the notes with a warning rather than dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop_app.core.errors import SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import fold
from desktop_app.reports.importing.cells import (
    cell_text,
    parse_date,
    parse_flag,
    parse_id_number,
    parse_phone,
    split_address,
)
from desktop_app.reports.importing.fields import (
    F_MAPPING,
    KINDS,
    MEAL_FIELDS,
    RESIDENT_FIELDS,
    TAG_WORDS,
    TAGS,
    VOLUNTEER_FIELDS,
    Reason,
    fields_for,
    reason,
)
from desktop_app.reports.importing.reading import Sheet

# A residents-service error names its field by label ("Fields" context); the field it belongs to, so that a
# row can be checked again without it to find its other problems.
_KEY_OF_LABEL = {label: key for key, (label, _words) in RESIDENT_FIELDS.items()}
_EMPTY = {"birth_date": None, "consent_date": None}
_UNIT_WORDS = re.compile(r"(栋|幢|单元|室|号)$")
_PARSED = {"id_number", "birth_date", "phone", "emergency_phone", "gender", "building", "unit", "room", *TAGS}


@dataclass
class Candidate:
    row: int
    name: str
    values: dict[str, Any] | None = None  # residents.service._clean output
    present: frozenset[str] = frozenset()  # resident fields the row gave a value for
    extra: dict[str, Any] = field(default_factory=dict)  # volunteer / meal fields (raw text)
    errors: list[SmileDeskError | Reason] = field(default_factory=list)  # every problem of the row
    warnings: list[Reason] = field(default_factory=list)  # imported, but not quite as written (say how)
    blank: bool = False

    @property
    def error(self) -> SmileDeskError | Reason | None:
        return self.errors[0] if self.errors else None


def _check_mapping(mapping: dict[int, str], kind: str) -> None:
    keys = set(mapping.values())
    if "name" not in keys:
        raise ValidationError(F_MAPPING, QT_TRANSLATE_NOOP("Errors", "no column is mapped to Name; choose the column with the names."))
    if not keys & {"id_number", "phone", "address", "compound"}:
        raise ValidationError(F_MAPPING, QT_TRANSLATE_NOOP(
            "Errors", "map the ID number, phone or address column too: without one a person cannot be recognised when the file is imported again."))


def _keep_in_notes(data: dict[str, Any], present: set[str], label: str, text: str) -> None:
    """Text a row gives that has no field of its own: kept in the notes as "<column header>：<text>"."""
    note = f"{label}：{text}"
    old = data.get("notes") or ""
    if note not in old:
        data["notes"] = f"{old}；{note}" if old else note
        present.add("notes")


def _place_address(data: dict[str, Any], present: set[str], warnings: list[Reason], label: str, text: str) -> None:
    """An address cell: its recognised parts fill the compound, building, unit and room the row's own columns
    left empty. Text that is not split, or that disagrees with those columns, is kept whole (as the compound
    when there is none, else in the notes) and the dry run says so."""
    parts = split_address(text)
    if not parts:
        if not data.get("compound") and len(text) <= 50:
            data["compound"] = text
            present.add("compound")
        elif fold(text) != fold(data.get("compound") or ""):
            _keep_in_notes(data, present, label, text)
            warnings.append(reason(QT_TRANSLATE_NOOP(
                "Import", "the address “{value}” is not written as building, unit and room; it is kept in the notes"),
                value=text[:40]))
        return
    clash = False
    for k, val in parts.items():
        mine = data.get(k)
        if mine in (None, ""):
            data[k] = val
            present.add(k)
        elif fold(str(mine)) != fold(val):
            clash = True
    if clash:
        _keep_in_notes(data, present, label, text)
        warnings.append(reason(QT_TRANSLATE_NOOP(
            "Import", "the address “{value}” disagrees with the row's compound, building, unit or room columns; "
                      "those are imported and the address is kept in the notes"), value=text[:40]))


def _parse_cell(key: str, v: Any, text: str, fields, dates: dict[str, date | None]) -> Any:
    if key == "id_number":
        return parse_id_number(v)
    if key == "birth_date":
        if type(v) is str:
            if v not in dates:
                dates[v] = parse_date(v, fields[key][0])
            return dates[v]
        return parse_date(v, fields[key][0])
    if key in ("phone", "emergency_phone"):
        return parse_phone(v)
    if key == "gender":
        return {"男": "M", "女": "F", "m": "M", "f": "F"}.get(text.lower(), text)
    if key in TAGS:
        return parse_flag(v, key, fields[key][0])
    if key in ("building", "unit", "room"):
        return _UNIT_WORDS.sub("", fold(text))
    return text


def _all_problems(data: dict[str, Any], first: SmileDeskError) -> list[SmileDeskError]:
    """The residents service stops at a row's first problem: check the row again without each field it
    named, until it passes, to report every problem at once (only rows that failed pay for this)."""
    from desktop_app.residents import ResidentCreate, clean_many

    found = [first]
    tried: set[str] = set()
    d = dict(data)
    while True:
        last = found[-1]
        key = _KEY_OF_LABEL.get(last.field) if isinstance(last, ValidationError) else None
        if key is None or key in tried:
            return found
        tried.add(key)
        d[key] = _EMPTY.get(key, "")
        again = clean_many([ResidentCreate(**d)])[0]
        if not isinstance(again, SmileDeskError):
            return found
        found.append(again)


def prepare(sheet: Sheet, mapping: dict[int, str], kind: str, progress: Progress = NO_PROGRESS) -> list[Candidate]:
    """Parse and validate every row with the residents service's rules (no database needed).

    Two passes: the cells of every row are parsed into a ResidentCreate, then residents.service.clean_many
    validates them all (the same checks and messages as create_resident's, each distinct value checked once).
    A cell that cannot be read does not stop the row's other cells from being checked."""
    from desktop_app.residents import ResidentCreate, clean_many

    if kind not in KINDS:
        raise ValueError(kind)
    _check_mapping(mapping, kind)
    fields = fields_for(kind)
    cols = sorted(mapping.items())
    labels = {key: (sheet.labels[j] if j < len(sheet.labels) else key) for j, key in cols}
    total = len(sheet.rows)
    out: list[Candidate] = []
    label = translate("Import", "Checking rows")
    todo: list[tuple[int, dict[str, Any], frozenset[str], dict[str, Any]]] = []  # (index in out, data, present, raw)
    dates: dict[str, date | None] = {}  # text → parse_date(text): registers repeat dates
    for i, (row_no, row) in enumerate(sheet.rows):
        if i % 1000 == 0:
            progress(i // 2, total, label)
        raw = {key: (row[j] if j < len(row) else None) for j, key in cols}
        texts = {key: cell_text(v) for key, v in raw.items()}
        if not any(texts.values()):
            out.append(Candidate(row_no, "", blank=True))
            continue
        data: dict[str, Any] = {}
        present: set[str] = set()
        errors: list[SmileDeskError | Reason] = []
        warnings: list[Reason] = []
        address = ""
        for key, v in raw.items():
            text = texts[key]
            if key in VOLUNTEER_FIELDS or key in MEAL_FIELDS or text == "" and not isinstance(v, int | float):
                continue
            if key == "address":
                address = text
                continue
            if key == "tags":
                unknown = text
                for word, tag in TAG_WORDS.items():
                    if word in text:
                        data[tag] = True
                        present.add(tag)
                        unknown = unknown.replace(word, "")
                if re.sub(r"[\s、,，;；/人员老人户]+", "", unknown):
                    _keep_in_notes(data, present, labels[key], text)
                    warnings.append(reason(QT_TRANSLATE_NOOP(
                        "Import", "“{value}” names a category SmileDesk does not have; it is kept in the notes"), value=text[:40]))
                continue
            if key not in _PARSED:  # plain text (name, compound, grid, notes …): the usual cell
                data[key] = text
            else:
                try:
                    data[key] = _parse_cell(key, v, text, fields, dates)
                except SmileDeskError as exc:
                    errors.append(exc)
                    continue
            if data.get(key) not in ("", None) or key in TAGS:
                present.add(key)
        if address:
            _place_address(data, present, warnings, labels["address"], address)
        if data.get("id_number"):
            present |= {"birth_date", "gender"}
        c = Candidate(row_no, texts.get("name", ""), errors=errors, warnings=warnings)
        todo.append((len(out), data, frozenset(present), raw))
        out.append(c)
    cleaned = clean_many([ResidentCreate(**t[1]) for t in todo],
                         progress=lambda n: progress((total + n) // 2, total, label))
    for (index, data, given, raw), values in zip(todo, cleaned, strict=True):
        c = out[index]
        if isinstance(values, SmileDeskError):
            c.errors.extend(_all_problems(data, values))
        extra = {k: raw[k] for k in raw if k in VOLUNTEER_FIELDS or k in MEAL_FIELDS}
        if "joined_on" in extra:
            try:
                extra["joined_on"] = parse_date(extra["joined_on"], VOLUNTEER_FIELDS["joined_on"][0])
            except SmileDeskError as exc:
                c.errors.append(exc)
        c.extra = extra
        if c.errors or isinstance(values, SmileDeskError):  # an error has been added to c.errors above
            continue
        c.name, c.values, c.present = values["name"], values, given
    progress(total, total, label)
    return out
