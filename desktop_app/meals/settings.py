"""Meal settings of the station: the cut-off time of each meal, the low-balance warning, the default
credit limit. Kept as StationSetting rows ``meals.*``; ``meals.settings_version`` counts saves so a save
made from an outdated form is refused (the settings have no row of their own to carry a version)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import SimpleNamespace

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.records import check_version
from desktop_app.core.validation import clean_fen
from desktop_app.meals.labels import F
from desktop_app.meals.models import MEALS, Meal
from desktop_app.meals.permissions import MANAGE_RATES, VIEW_MEALS


@dataclass(frozen=True)
class MealSettings:
    cutoff: dict[str, time] = field(default_factory=lambda: {Meal.LUNCH: time(9, 0), Meal.DINNER: time(14, 30)})
    low_balance_fen: int = 5000
    default_credit_fen: int = 0
    version: int = 0  # saves so far (0: never saved, the defaults)


VERSION_KEY = "meals.settings_version"
_SETTING_KEYS = ("meals.cutoff_lunch", "meals.cutoff_dinner", "meals.low_balance_fen", "meals.default_credit_fen")


def get_settings(s: Session) -> MealSettings:
    rows = {r.key: r.value for r in s.exec(select(StationSetting).where(col(StationSetting.key).in_((*_SETTING_KEYS, VERSION_KEY))))}
    base = MealSettings()
    cutoff = dict(base.cutoff)
    for meal in MEALS:
        text = rows.get(f"meals.cutoff_{meal}")
        if text:
            cutoff[meal] = time.fromisoformat(text)
    return MealSettings(
        cutoff=cutoff,
        low_balance_fen=int(rows.get("meals.low_balance_fen", base.low_balance_fen)),
        default_credit_fen=int(rows.get("meals.default_credit_fen", base.default_credit_fen)),
        version=int(rows.get(VERSION_KEY, 0)),
    )


def meal_settings(s: Session, *, actor: Actor) -> MealSettings:
    """The settings as the pages and dialogs show them (anyone who may see the meals page)."""
    require(actor, VIEW_MEALS)
    return get_settings(s)


def set_settings(
    s: Session, *, actor: Actor, cutoff_lunch: str, cutoff_dinner: str, low_balance: int | str, default_credit: int | str,
    expected_version: int | None = None,
) -> MealSettings:
    """Save the settings; with ``expected_version`` (the version the form loaded), refuse with StaleEdit
    when someone saved them since."""
    require(actor, MANAGE_RATES)
    times = {}
    for meal, text in ((Meal.LUNCH, cutoff_lunch), (Meal.DINNER, cutoff_dinner)):
        try:
            times[meal] = time.fromisoformat(str(text).strip())
        except ValueError:
            raise ValidationError(
                F["cutoff"], QT_TRANSLATE_NOOP("Errors", "“{value}” is not a time; write it as 09:30."), value=str(text)[:10]
            ) from None
    low = clean_fen(low_balance, F["low_balance"])
    credit = clean_fen(default_credit, F["credit_limit"])
    before = get_settings(s)
    check_version(s, SimpleNamespace(id="", version=before.version), expected_version, entity="meal_settings")
    values = {
        "meals.cutoff_lunch": times[Meal.LUNCH].strftime("%H:%M"),
        "meals.cutoff_dinner": times[Meal.DINNER].strftime("%H:%M"),
        "meals.low_balance_fen": str(low),
        "meals.default_credit_fen": str(credit),
        VERSION_KEY: str(before.version + 1),
    }
    for key, value in values.items():
        row = s.exec(select(StationSetting).where(StationSetting.key == key)).first()
        if row is None:
            row = StationSetting(station_id=actor.station_id, key=key, value=value)
        row.value = value
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_settings", before=before, after=values)
    return get_settings(s)


def cutoff_at(settings: MealSettings, day: date, meal: str) -> datetime:
    return datetime.combine(day, settings.cutoff[meal]).astimezone()
