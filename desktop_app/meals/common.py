"""What the meals use cases share: a recipient of the actor's station, the station filter of queries that
join recipients, a value from one of the vocabularies."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlmodel import Session

from desktop_app.core.auth import Actor
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import get_scoped
from desktop_app.meals.models import MealRecipient

RECIPIENT_GONE = QT_TRANSLATE_NOOP("Errors", "That meal recipient no longer exists.")


def choice(value: str, allowed: Iterable[str], field_label: str) -> str:
    if value not in allowed:
        raise ValidationError(field_label, QT_TRANSLATE_NOOP("Errors", "choose one of the listed options."))
    return value


def scoped_recipient(s: Session, recipient_id: int | None, *, actor: Actor, for_update: bool = False) -> MealRecipient:
    """The recipient, if ``actor`` may see them (their station's, or any for a sub-district administrator)."""
    return get_scoped(s, MealRecipient, recipient_id, actor=actor, gone=RECIPIENT_GONE, for_update=for_update)


def via_recipient(s: Session) -> Callable[[Any], int | None]:
    """``station_of`` for get_scoped: the station of a row that belongs to a recipient (a pause, a check)."""

    def station_of(row: Any) -> int | None:
        rec = s.get(MealRecipient, row.recipient_id)
        return rec.station_id if rec is not None else None

    return station_of


def station_filter(actor: Actor) -> tuple:
    """WHERE terms limiting a query that joins MealRecipient to the actor's station (none for a
    sub-district administrator, so the same query rolls up every station) — core.db.station_scope's rule."""
    return () if actor.station_id is None else (MealRecipient.station_id == actor.station_id,)
