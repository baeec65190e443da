"""A paper the app makes (a PDF), as it goes to a printer: which kind it is (each PC remembers a printer and a
paper size per kind: labels on the label printer, A4 sheets on the office printer), its name in the printer's
queue, and what the audit log says when it is printed (``record_print``).

Qt-free: features make papers in their use cases (``meals.morning_papers`` …); ``ui.printing`` previews and
prints them. A paper is recorded as printed only after the print system accepted the job.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session

from desktop_app.core import audit
from desktop_app.core.auth import Actor
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.models import AuditEntry


class PaperKind(StrEnum):
    ROSTER = "roster"
    SIGN_IN = "sign_in"
    KITCHEN = "kitchen"
    ROUTES = "routes"
    LABELS = "labels"
    CARDS = "cards"
    COVER = "cover"
    STATEMENT = "statement"
    CLAIM = "claim"
    REPORT = "report"
    CERTIFICATE = "certificate"
    PERSONAL_DATA = "personal_data"


KIND_TITLES: dict[PaperKind, str] = {
    PaperKind.ROSTER: QT_TRANSLATE_NOOP("Papers", "Monthly roster"),
    PaperKind.SIGN_IN: QT_TRANSLATE_NOOP("Papers", "Patrol sign-in sheet"),
    PaperKind.KITCHEN: QT_TRANSLATE_NOOP("Papers", "Kitchen sheet"),
    PaperKind.ROUTES: QT_TRANSLATE_NOOP("Papers", "Route sheets"),
    PaperKind.LABELS: QT_TRANSLATE_NOOP("Papers", "Meal labels"),
    PaperKind.CARDS: QT_TRANSLATE_NOOP("Papers", "Passport cards"),
    PaperKind.COVER: QT_TRANSLATE_NOOP("Papers", "Passport booklet cover"),
    PaperKind.STATEMENT: QT_TRANSLATE_NOOP("Papers", "Meal account statements"),
    PaperKind.CLAIM: QT_TRANSLATE_NOOP("Papers", "Meal subsidy claim"),
    PaperKind.REPORT: QT_TRANSLATE_NOOP("Papers", "Monthly or annual report"),
    PaperKind.CERTIFICATE: QT_TRANSLATE_NOOP("Papers", "Certificates"),
    PaperKind.PERSONAL_DATA: QT_TRANSLATE_NOOP("Papers", "A resident's personal data (PIPL)"),
}

# Papers whose size is part of what they are: labels and cards on pre-cut sheets, a booklet cover, a
# certificate on its printed form. They go to the printer at 100 %, never shrunk to fit.
ACTUAL_SIZE = frozenset({PaperKind.LABELS, PaperKind.CARDS, PaperKind.COVER, PaperKind.CERTIFICATE})

# Sheets of labels or cards that a person may feed again with some already used ("skip N").
SHEETS = frozenset({PaperKind.LABELS, PaperKind.CARDS})


def kind_title(kind: str) -> str:
    return translate("Papers", KIND_TITLES.get(PaperKind(kind), kind))


@dataclass(frozen=True)
class Paper:
    """One paper ready to print: ``data`` is the PDF. ``entity``/``entity_id`` name what the audit log
    records as printed (the kind, or e.g. the passports on a card sheet); ``people`` how many residents'
    personal data it carries. ``audited`` is False where the feature keeps its own print register
    (certificates)."""

    kind: PaperKind
    title: str
    data: bytes
    people: int = 0
    entity: str = ""
    entity_id: str = ""
    audited: bool = True

    @property
    def actual_size(self) -> bool:
        return self.kind in ACTUAL_SIZE


def record_print(s: Session, *, actor: Actor, paper: Paper, printer: str, copies: int, pages: int,
                 job: str = "", how: str = "print") -> AuditEntry:
    """The print system accepted ``paper`` (``how="print"``), or it was saved as a PDF file (``"export"``):
    who, what, on which printer, how many copies and pages. Called only after the job was accepted; the
    paper itself was made by a use case that checked the permission to see it."""
    return audit.record(s, actor=actor, action=how, entity=(paper.entity or str(paper.kind))[:50],
                        entity_id=paper.entity_id[:50],
                        after={"paper": str(paper.kind), "title": paper.title, "to": printer, "copies": copies,
                               "pages": pages, "people": paper.people, "job": job})
