"""The small steps every use case repeats, written once: a row of the actor's station or NotFound; an
audited change that refuses to overwrite a newer version of the record.

    row = get_scoped(s, Team, team_id, actor=actor, gone=QT_TRANSLATE_NOOP("Errors", "That team no longer exists."))
    audited_update(s, row, {"name": "…"}, actor=actor, entity="team", expected_version=version)

Lost edits: a table whose rows people edit has ``version: int`` (1 on insert). A dialog keeps the version
it loaded and passes it back as ``expected_version``; the row is read with ``FOR UPDATE`` (PostgreSQL
locks it until commit; a SQLite writing transaction holds the file's write lock already), so two PCs that
loaded the same version cannot both save. The loser gets StaleEdit, naming who saved in between and when.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy import Table
from sqlmodel import Session, SQLModel, select

from desktop_app.core import audit
from desktop_app.core.db import in_station
from desktop_app.core.errors import ConflictError, NotFound
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

M = TypeVar("M", bound=SQLModel)

GONE = QT_TRANSLATE_NOOP("Errors", "That record no longer exists; it may have been deleted on another computer.")


class StaleEdit(ConflictError):
    """Someone saved the record after this user opened it; nothing was saved. The UI offers to reload."""

    def __init__(self, *, who: str, when: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "{who} changed this record at {when}, after you opened it; your changes were not saved. Reload it to see their version, then make your change again."),
            who=who, when=when,
        )


def get_scoped(
    s: Session,
    model: type[M],
    row_id: int | None,
    *,
    actor,
    gone: str = GONE,
    station_of: Callable[[M], int | None] | None = None,
    for_update: bool = False,
) -> M:
    """The row ``row_id`` of ``model`` if it exists in the actor's station, else NotFound(``gone``).

    ``station_of`` finds the station of rows that have no ``station_id`` of their own (a shift through its
    team); rows with an ``erased`` flag that is set count as gone."""
    row = None
    if row_id is not None:
        if for_update:
            row = s.exec(select(model).where(model.id == row_id).with_for_update()).first()  # type: ignore[attr-defined]
        else:
            row = s.get(model, row_id)
    if row is None or getattr(row, "erased", False):
        raise NotFound(gone)
    station_id = station_of(row) if station_of is not None else getattr(row, "station_id", None)
    if not in_station(actor, station_id):
        raise NotFound(gone)
    return row


def pk(row_id: int | None) -> int:
    """A stored row's primary key as ``int``: SQLModel types ``id`` as ``int | None`` because a new object has
    none until it is flushed; a row read from the database (or flushed) always has one."""
    if row_id is None:
        raise ValueError("a row without a primary key: it has not been flushed to the database")
    return row_id


def table_of(model: type[SQLModel]) -> Table:
    """The Core ``Table`` of a SQLModel table class, for bulk inserts and single-statement updates."""
    table = model.__table__  # type: ignore[attr-defined]  # set by SQLAlchemy's declarative mapping; SQLModel's stubs omit it
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not a table")
    return table


def get_existing(s: Session, model: type[M], row_id: int) -> M:
    """A row the caller knows to exist (the actor's station, a row named by another it has just read);
    NotFound(GONE) if another computer deleted it meanwhile."""
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(GONE)
    return row


def check_version(s: Session, row: object, expected_version: int | None, *, entity: str) -> None:
    """StaleEdit when ``row`` was saved since the caller loaded ``expected_version`` (None: no check).

    ``row``: a table row, or any object with the ``version`` (and ``id``) of a group of settings."""
    if expected_version is None or not hasattr(row, "version"):
        return
    if row.version == expected_version:
        return
    last = audit.history(s, entity=entity, entity_id=getattr(row, "id", None), limit=1)
    who, when = ("?", "?")
    if last:
        from desktop_app.core.clock import to_local

        who = last[0].actor_name or "?"
        at = to_local(last[0].at)
        when = at.strftime("%Y-%m-%d %H:%M") if at is not None else "?"
    raise StaleEdit(who=who, when=when)


def audited_update(
    s: Session,
    row: M,
    changes: Mapping[str, Any],
    *,
    actor,
    entity: str,
    action: str = "update",
    expected_version: int | None = None,
) -> M:
    """Apply ``changes`` to ``row`` with the audit entry (before/after) in the same transaction.

    Checks ``expected_version`` first and bumps ``version`` (tables that have one)."""
    check_version(s, row, expected_version, entity=entity)
    before = audit.snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    if hasattr(row, "version"):
        row.version = (row.version or 0) + 1
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action=action, entity=entity, entity_id=row.id, before=before, after=row)  # type: ignore[attr-defined]
    return row
