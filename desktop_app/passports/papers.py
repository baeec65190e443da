"""Passport cards and booklet covers as ``core.papers.Paper`` for ``ui.printing``: read in one transaction,
drawn after it (off the GUI thread). The audit log's "print" of the passports (entity "passport") is
written only when a printer accepted the job."""

from __future__ import annotations

from sqlmodel import Session

from desktop_app.core.auth import Actor
from desktop_app.core.db import session_scope
from desktop_app.core.errors import NotFound
from desktop_app.core.papers import Paper, PaperKind, kind_title
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.passports import codes, pdf
from desktop_app.passports.cards import PASSPORT_GONE, card_items


def card_paper(engine, *, actor: Actor, passport_ids: list[int], cover: bool = False, skip: int = 0,
               progress: Progress = NO_PROGRESS) -> Paper:
    """The cards of ``passport_ids`` (ten to an A4 sheet, ``skip`` places of the first sheet used), or the A5
    booklet cover of the first."""
    with session_scope(engine, write=False) as s:
        items = _items(s, actor, passport_ids)
    progress(0, 1, "")
    kind = PaperKind.COVER if cover else PaperKind.CARDS
    data = pdf.render_booklet_cover(items[0]) if cover else pdf.render_cards(items, skip=skip)
    who = items[0].name if len(items) == 1 else str(len(items))
    return Paper(kind, f"{kind_title(kind)} {who} {codes.display(items[0].number)}", data, people=len(items),
                 entity="passport", entity_id=",".join(map(str, passport_ids)))


def _items(s: Session, actor: Actor, passport_ids: list[int]):
    items = card_items(s, actor=actor, passport_ids=passport_ids)
    if not items:
        raise NotFound(PASSPORT_GONE)
    return items
