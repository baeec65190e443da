"""Patrol findings (巡查发现): recorded against their patrol, listed newest first, and handed to the desk
as a desk record so they enter the closed loop.
"""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import utcnow
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped, pk
from desktop_app.core.validation import clean_text
from desktop_app.rosters.common import (
    F_CATEGORY,
    F_LOCATION,
    F_NOTE,
    get_shift,
    get_volunteer,
    volunteer_name,
)
from desktop_app.rosters.labels import CATEGORY_ZH
from desktop_app.rosters.models import (
    FINDING_CATEGORIES,
    PatrolFinding,
    Team,
)
from desktop_app.rosters.permissions import (
    RECORD_FINDINGS,
    VIEW_ROSTERS,
)

DESK_CATEGORY_FOR_FINDINGS = "request"  # the desk category a finding opens a record under


def record_finding(s: Session, *, actor: Actor, category: str, location: str, note: str = "", shift_id: int | None = None,
                   volunteer_id: int | None = None, found_at: datetime | None = None, open_desk_record: bool = False) -> PatrolFinding:
    """A patrol finding linked to its shift (grid and route come from it); optionally opens a desk record."""
    require(actor, RECORD_FINDINGS)
    if category not in FINDING_CATEGORIES:
        raise ValidationError(F_CATEGORY, QT_TRANSLATE_NOOP("Errors", "choose one of the listed categories."))
    location = clean_text(location, F_LOCATION, max_len=100, required=True, multiline=False)
    note = clean_text(note, F_NOTE, max_len=2000)
    sh = get_shift(s, shift_id, actor) if shift_id is not None else None
    if volunteer_id is not None:
        get_volunteer(s, volunteer_id, actor)
    team = s.get(Team, sh.team_id) if sh else None
    station_id = team.station_id if team is not None else actor.station_id
    f = PatrolFinding(station_id=station_id, shift_id=shift_id, team_id=sh.team_id if sh else None, volunteer_id=volunteer_id, category=category,
                      location=location, note=note, grid=sh.grid if sh else "", route=sh.route if sh else "",
                      found_at=found_at or utcnow(), created_by=actor.id)
    s.add(f)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="roster_patrol_finding", entity_id=f.id, after=f)
    if open_desk_record:
        open_desk_record_for(s, actor=actor, finding_id=pk(f.id))
    return f


def open_desk_record_for(s: Session, *, actor: Actor, finding_id: int) -> int:
    """Open a desk record (channel "patrol") for a finding so it enters the closed loop; returns its id."""
    require(actor, RECORD_FINDINGS)
    f = get_scoped(s, PatrolFinding, finding_id, actor=actor, for_update=True,
                   gone=QT_TRANSLATE_NOOP("Errors", "That finding no longer exists."))
    if f.desk_record_id is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This finding already opened desk record {id}."), existing_id=f.desk_record_id, id=f.desk_record_id)
    from desktop_app import desk  # lazy: rosters → desk, one way

    reporter = volunteer_name(s, f.volunteer_id) if f.volunteer_id else ""
    if not reporter:
        team = s.get(Team, f.team_id) if f.team_id else None
        reporter = re.sub(r"[^\w·]|[\d_]", "", team.name if team else "") or "巡逻队"
    summary = f"巡查发现：{CATEGORY_ZH[f.category]}，{f.location}"[:200]
    details = "\n".join(x for x in (f.note, f"网格：{f.grid}" if f.grid else "", f"路线：{f.route}" if f.route else "") if x)
    rec = desk.create_record(s, actor=actor, category_code=DESK_CATEGORY_FOR_FINDINGS, summary=summary, channel="patrol",
                             walk_in_name=reporter, details=details, received_at=min(f.found_at, utcnow()))
    audited_update(s, f, {"desk_record_id": rec.id}, actor=actor, entity="roster_patrol_finding")
    return pk(rec.id)


def list_findings(s: Session, *, actor: Actor, after: tuple[datetime, int] | None = None, limit: int = 200,
                  team_id: int | None = None) -> list[PatrolFinding]:
    """Newest first, keyset paged by (found_at, id); one team's (and unattached ones) when ``team_id`` is given."""
    require(actor, VIEW_ROSTERS)
    q = station_scope(select(PatrolFinding), PatrolFinding.station_id, actor)
    if team_id is not None:
        q = q.where((PatrolFinding.team_id == team_id) | (PatrolFinding.team_id == None))  # noqa: E711
    if after is not None:
        q = q.where(or_(col(PatrolFinding.found_at) < after[0],
                        and_(col(PatrolFinding.found_at) == after[0], col(PatrolFinding.id) < after[1])))
    return list(s.exec(q.order_by(col(PatrolFinding.found_at).desc(), col(PatrolFinding.id).desc()).limit(limit)))
