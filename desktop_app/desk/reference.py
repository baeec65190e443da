"""Desk reference data: the service categories, seeded from db/reference/desk_categories.csv.

Seeding only adds categories a database lacks (by code); a station's own edits (name, deadline,
on-the-spot flag, hiding a category) are never overwritten.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlmodel import Session, select

from desktop_app.core import paths
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.desk.models import DeskCategory

# The seeded names, marked for translation (the .csv holds the same English names; a test checks it).
SEEDED_NAMES = (
    QT_TRANSLATE_NOOP("DeskCategories", "Agency service"),
    QT_TRANSLATE_NOOP("DeskCategories", "Consultation"),
    QT_TRANSLATE_NOOP("DeskCategories", "Request"),
    QT_TRANSLATE_NOOP("DeskCategories", "Complaint"),
    QT_TRANSLATE_NOOP("DeskCategories", "Mediation"),
    QT_TRANSLATE_NOOP("DeskCategories", "Legal aid"),
    QT_TRANSLATE_NOOP("DeskCategories", "Free clinic / health"),
    QT_TRANSLATE_NOOP("DeskCategories", "Convenience service"),
    QT_TRANSLATE_NOOP("DeskCategories", "Micro-wish"),
    QT_TRANSLATE_NOOP("DeskCategories", "Other"),
)


def reference_file() -> Path:
    return paths.db_dir() / "reference" / "desk_categories.csv"


def read_reference(path: Path | None = None) -> list[dict]:
    with open(path or reference_file(), encoding="utf-8") as fh:
        return [
            {
                "code": rec["code"],
                "name": rec["name"],
                "deadline_workdays": int(rec["deadline_workdays"]),
                "on_the_spot": rec["on_the_spot"].strip() in ("1", "true", "yes"),
                "position": int(rec["position"]),
            }
            for rec in csv.DictReader(fh)
        ]


def ensure(s: Session) -> int:
    """Add the seeded categories this database does not have yet. Returns how many were added."""
    have = set(s.exec(select(DeskCategory.code)))
    added = 0
    for row in read_reference():
        if row["code"] not in have:
            s.add(DeskCategory(**row))
            added += 1
    if added:
        s.flush()
    return added
