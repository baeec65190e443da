"""Food samples (留样): a sample of each meal is kept in the sample fridge for at least 48 hours, then
discarded and signed off."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.clock import fmt_local, utcnow
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped
from desktop_app.core.validation import clean_name, clean_text
from desktop_app.meals.common import choice
from desktop_app.meals.labels import F
from desktop_app.meals.models import MEALS, FoodSample
from desktop_app.meals.permissions import KEEP_SAMPLES, VIEW_MEALS

SAMPLE_GONE = QT_TRANSLATE_NOOP("Errors", "That food sample no longer exists.")


SAMPLE_HOURS = 48


def keep_sample(
    s: Session, *, actor: Actor, day: date, meal: str, dishes: str, kept_by: str, at: datetime | None = None
) -> FoodSample:
    require(actor, KEEP_SAMPLES)
    choice(meal, MEALS, F["meal"])
    dishes = clean_text(dishes, F["dishes"], max_len=200, required=True, multiline=False)
    kept_by = clean_name(kept_by, F["kept_by"])
    sample = FoodSample(day=day, meal=meal, dishes=dishes, kept_at=at or utcnow(), kept_by=kept_by,
                        station_id=actor.station_id)
    s.add(sample)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_food_sample", entity_id=sample.id, after=sample)
    return sample


def discard_sample(
    s: Session, *, actor: Actor, sample_id: int, discarded_by: str, at: datetime | None = None
) -> FoodSample:
    """Discard a sample once its 48 hours are over (earlier is refused)."""
    require(actor, KEEP_SAMPLES)
    sample = get_scoped(s, FoodSample, sample_id, actor=actor, gone=SAMPLE_GONE, for_update=True)
    if sample.discarded_at is not None:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This sample was already discarded."))
    discarded_by = clean_name(discarded_by, F["discarded_by"])
    at = at or utcnow()
    due = sample.kept_at + timedelta(hours=SAMPLE_HOURS)
    if at < due:
        raise ValidationError(
            F["discard_time"],
            QT_TRANSLATE_NOOP("Errors", "a sample must be kept 48 hours; this one may be discarded from {due}."),
            due=fmt_local(due),
        )
    return audited_update(s, sample, {"discarded_at": at, "discarded_by": discarded_by}, actor=actor,
                          entity="meal_food_sample", action="discard")


def list_samples(s: Session, *, actor: Actor, since: date, limit: int = 200) -> list[FoodSample]:
    """Samples kept since ``since`` plus every one not yet discarded, newest first."""
    require(actor, VIEW_MEALS)
    q = station_scope(select(FoodSample).where(or_(col(FoodSample.day) >= since, col(FoodSample.discarded_at).is_(None))),
                      FoodSample.station_id, actor)
    return list(s.exec(q.order_by(col(FoodSample.day).desc(), col(FoodSample.id).desc()).limit(limit)))


def sample_due(sample: FoodSample) -> datetime:
    return sample.kept_at + timedelta(hours=SAMPLE_HOURS)

