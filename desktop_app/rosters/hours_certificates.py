"""The content of volunteer service-hours certificates (志愿服务记录证明) for the certificates feature,
which prints them (through ``interfaces.VolunteerHours``; certificates knows nothing of rosters).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, first_station, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import Station
from desktop_app.core.records import pk
from desktop_app.residents import Resident
from desktop_app.rosters.common import (
    F_MIN_HOURS,
    date_range,
)
from desktop_app.rosters.labels import SERVICE_CONTENT_ZH
from desktop_app.rosters.models import (
    HoursEntry,
    Team,
    TeamKind,
    TeamMember,
    Volunteer,
)
from desktop_app.rosters.permissions import (
    CERTIFY_HOURS,
)


def hours_certificate_contents(s: Session, *, actor: Actor, start: date, end: date, min_hours: float) -> list[dict[str, Any]]:
    """Per volunteer with at least ``min_hours`` actual hours served in the period: what a volunteer
    service-hours certificate (志愿服务记录证明) states — actual hours (not multiplied), content,
    recording organisation. The certificates feature reaches it through ``interfaces.VolunteerHours``."""
    require(actor, CERTIFY_HOURS)
    a, b = date_range(start, end)
    if min_hours is None or float(min_hours) < 0:
        raise ValidationError(F_MIN_HOURS, QT_TRANSLATE_NOOP("Errors", "cannot be negative."))
    station = s.get(Station, actor.station_id) if actor.station_id is not None else first_station(s)
    q = select(HoursEntry.volunteer_id, func.sum(HoursEntry.minutes)).where(HoursEntry.served_on >= a, HoursEntry.served_on <= b)
    if actor.station_id is not None:  # hours hang off the volunteer, who belongs to a station
        q = q.where(col(HoursEntry.volunteer_id).in_(select(Volunteer.id).where(Volunteer.station_id == actor.station_id)))
    sums = s.exec(q.group_by(col(HoursEntry.volunteer_id))).all()
    wanted = {vid: int(m or 0) for vid, m in sums if int(m or 0) >= round(float(min_hours) * 60) and int(m or 0) > 0}
    if not wanted:
        return []
    out: list[dict[str, Any]] = []  # a certificate's content fields, of their types
    ids = list(wanted)
    for i in range(0, len(ids), 500):
        rows = s.exec(select(Volunteer, Resident).join(Resident, col(Resident.id) == Volunteer.resident_id).where(col(Volunteer.id).in_(ids[i:i + 500]))).all()
        for v, r in rows:
            teams = s.exec(select(Team).join(TeamMember, col(TeamMember.team_id) == Team.id).where(col(TeamMember.volunteer_id) == v.id)).all()
            kinds = sorted({t.kind for t in teams})
            content = "、".join(SERVICE_CONTENT_ZH[k] for k in kinds) or SERVICE_CONTENT_ZH[TeamKind.OTHER]
            org = (station.name if station else "")
            if teams:
                org = f"{org} {'、'.join(t.name for t in teams)}".strip()
            out.append({
                "resident_id": r.id, "volunteer_id": v.id, "name": r.name, "id_number": r.id_number, "organisation": org,
                "period_start": a, "period_end": b, "hours": round(wanted[pk(v.id)] / 60, 1), "service_content": content,
            })
    out.sort(key=lambda d: (-d["hours"], d["name"]))
    audit.record(s, actor=actor, action="read", entity="roster_hours_entry", entity_id="hours_certificate",
                 after={"start": a, "end": b, "min_hours": min_hours, "count": len(out)})
    return out
