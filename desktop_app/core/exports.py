"""Personal data leaving the program (a spreadsheet, a printed list): permission and audit in one place."""

from __future__ import annotations

from sqlmodel import Session

from desktop_app.core import audit
from desktop_app.core.auth import EXPORT_LISTS, Actor, require
from desktop_app.core.models import AuditEntry


def record_export(s: Session, *, actor: Actor, what: str, count: int, fields: list[str], destination: str = "") -> AuditEntry:
    """A list of personal data left the program (a spreadsheet, a printed list): who, what, how many."""
    require(actor, EXPORT_LISTS)
    return audit.record(s, actor=actor, action="export", entity=what[:50], entity_id="",
                  after={"people": count, "fields": sorted(fields), "to": destination})
