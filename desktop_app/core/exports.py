"""Personal data leaving the program (a spreadsheet, a printed list): permission and audit in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop_app.core import audit
from desktop_app.core.auth import EXPORT_LISTS, Actor, require
from desktop_app.core.models import AuditEntry


def record_export(s: Session, *, actor: Actor, what: str, count: int, fields: list[str], destination: str = "") -> AuditEntry:
    """A list of personal data left the program (a spreadsheet, a printed list): who, what, how many."""
    require(actor, EXPORT_LISTS)
    return audit.record(s, actor=actor, action="export", entity=what[:50], entity_id="",
                  after={"people": count, "fields": sorted(fields), "to": destination})


def export_list(engine, *, actor: Actor, what: str, path: str | Path, headers: Sequence[str],
                read: Callable[[Session], Iterable[Sequence[Any]]], subtitle: str = "", truncated_note: str = "",
                max_rows: int = 200_000, progress: Callable[[int, int, str], None] | None = None) -> int:
    """A list written to an Excel file: ``read(s)`` gives its rows (typed values) in a read transaction, the
    export is audited in its own transaction, then the workbook is written. Off the GUI thread (``ui.export_action``).

    At most ``max_rows`` rows; when there were more, ``truncated_note`` (``{n}``: the rows written) ends the
    subtitle. Returns the number of rows written."""
    from desktop_app.core import excel
    from desktop_app.core.db import session_scope

    require(actor, EXPORT_LISTS)
    rows: list[Sequence[Any]] = []
    truncated = False
    with session_scope(engine, write=False) as s:
        for row in read(s):
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append(row)
            if progress is not None and len(rows) % 1000 == 0:
                progress(len(rows), 0, "")
    if truncated and truncated_note:
        subtitle = f"{subtitle} · {truncated_note.format(n=len(rows))}" if subtitle else truncated_note.format(n=len(rows))
    with session_scope(engine) as s:
        record_export(s, actor=actor, what=what, count=len(rows), fields=list(headers), destination=Path(path).name)
    return excel.export_rows(path, headers, rows, title=what, subtitle=subtitle)
