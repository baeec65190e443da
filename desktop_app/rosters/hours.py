"""The append-only ledger of service hours (服务时长): credits from patrols, corrections as new entries,
sums and the ledger of one volunteer.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, Role, require
from desktop_app.core.errors import NotFound, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import clean_text
from desktop_app.rosters.common import (
    F_MINUTES,
    F_REASON,
    get_volunteer,
)
from desktop_app.rosters.models import (
    HoursEntry,
    Shift,
)
from desktop_app.rosters.permissions import (
    CHECK_IN_VOLUNTEERS,
    CORRECT_HOURS,
    VIEW_ROSTERS,
)
from desktop_app.rosters.settings import multiplier_for


def credit(s: Session, *, actor: Actor, sh: Shift, volunteer_id: int, minutes: int, reason: str) -> HoursEntry:
    """A ledger entry for ``minutes`` served on ``sh``, times the station's multiplier (attendance calls it)."""
    factor = multiplier_for(s, sh, actor.station_id)
    e = HoursEntry(volunteer_id=volunteer_id, shift_id=sh.id, served_on=sh.date, minutes=minutes, multiplier=factor,
                   credited_minutes=round(minutes * factor), reason=reason, created_by=actor.id)
    s.add(e)
    s.flush()
    audit.record(s, actor=actor, action="credit", entity="roster_hours_entry", entity_id=e.id, after=e)
    return e


def correct_hours(s: Session, *, actor: Actor, volunteer_id: int, minutes: int, reason: str, served_on: date | None = None,
                  corrects_id: int | None = None) -> HoursEntry:
    """A correction is a new ledger entry (plus or minus minutes) with a reason; nothing is edited."""
    require(actor, CORRECT_HOURS)
    get_volunteer(s, volunteer_id, actor)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or minutes == 0 or abs(minutes) > 24 * 60:
        raise ValidationError(F_MINUTES, QT_TRANSLATE_NOOP("Errors", "must be a whole number of minutes, not zero, at most a day (1440) either way."))
    reason = clean_text(reason, F_REASON, max_len=200, required=True, multiline=False)
    shift_id = None
    if corrects_id is not None:
        orig = s.get(HoursEntry, corrects_id)
        if orig is None or orig.volunteer_id != volunteer_id:
            raise NotFound(QT_TRANSLATE_NOOP("Errors", "The entry to correct does not exist for this volunteer."))
        served_on = served_on or orig.served_on
        shift_id = orig.shift_id
    total = hours_minutes(s, actor=actor, volunteer_id=volunteer_id, credited=False)
    if total + minutes < 0:
        raise ValidationError(F_MINUTES, QT_TRANSLATE_NOOP("Errors", "would make the total negative ({total} minutes recorded)."), total=total)
    e = HoursEntry(volunteer_id=volunteer_id, shift_id=shift_id, served_on=served_on or date.today(), minutes=minutes,
                   multiplier=1.0, credited_minutes=minutes, reason=reason, corrects_id=corrects_id, created_by=actor.id)
    s.add(e)
    s.flush()
    audit.record(s, actor=actor, action="correct", entity="roster_hours_entry", entity_id=e.id, after=e)
    return e


def hours_minutes(s: Session, *, actor: Actor, volunteer_id: int, start: date | None = None, end: date | None = None,
                  credited: bool = True) -> int:
    """Sum of the ledger (credited minutes, or actual minutes served with ``credited=False``)."""
    require(actor, VIEW_ROSTERS if actor.role != Role.KIOSK else CHECK_IN_VOLUNTEERS)
    get_volunteer(s, volunteer_id, actor)
    col = HoursEntry.credited_minutes if credited else HoursEntry.minutes
    q = select(func.coalesce(func.sum(col), 0)).where(HoursEntry.volunteer_id == volunteer_id)
    if start:
        q = q.where(HoursEntry.served_on >= start)
    if end:
        q = q.where(HoursEntry.served_on <= end)
    return int(s.exec(q).one())


def hours_ledger(s: Session, *, actor: Actor, volunteer_id: int) -> list[HoursEntry]:
    require(actor, VIEW_ROSTERS)
    get_volunteer(s, volunteer_id, actor)
    return list(s.exec(select(HoursEntry).where(HoursEntry.volunteer_id == volunteer_id).order_by(col(HoursEntry.served_on), col(HoursEntry.id))))
