"""Which days the canteen serves, from the work calendar and the station's setting: statutory holidays
closed (the default) or as scheduled; adjusted workdays (a Saturday or Sunday people work) as the weekly
schedule of that weekday (the default) or like a working day (whoever has the meal every Monday to Friday).

Kept as StationSetting rows of the station (``meals.holiday_meals``, ``meals.adjusted_workday_meals``);
a station without its own rows follows the rows without a station, else the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import StationSetting
from desktop_app.core.records import check_version
from desktop_app.core.workdays import WorkCalendar
from desktop_app.meals.common import choice
from desktop_app.meals.models import AdjustedWorkdayMeals, HolidayMeals
from desktop_app.meals.permissions import MANAGE_RATES, VIEW_MEALS

HOLIDAY_KEY = "meals.holiday_meals"
WORKDAY_KEY = "meals.adjusted_workday_meals"
VERSION_KEY = "meals.service_days_version"
F_HOLIDAY = QT_TRANSLATE_NOOP("Fields", "Meals on statutory holidays")
F_WORKDAY = QT_TRANSLATE_NOOP("Fields", "Meals on adjusted workdays")

# How a day is served (``rule_for``): not at all, the weekly schedule of its weekday, or like a working day.
CLOSED, SCHEDULED, WORKING_DAY = "closed", "scheduled", "working_day"


@dataclass(frozen=True)
class ServiceDays:
    holidays: HolidayMeals = HolidayMeals.CLOSED
    adjusted_workdays: AdjustedWorkdayMeals = AdjustedWorkdayMeals.SCHEDULED
    version: int = 0  # saves so far (a save from an outdated form is refused)


def service_days(s: Session, station_id: int | None) -> ServiceDays:
    rows = s.exec(select(StationSetting).where(
        col(StationSetting.key).in_((HOLIDAY_KEY, WORKDAY_KEY, VERSION_KEY)),
        or_(col(StationSetting.station_id) == station_id, col(StationSetting.station_id) == None))).all()  # noqa: E711
    values: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: r.station_id is not None):  # the station's own rows last: they win
        values[row.key] = row.value
    base = ServiceDays()
    return ServiceDays(
        holidays=HolidayMeals(values[HOLIDAY_KEY]) if values.get(HOLIDAY_KEY) in tuple(HolidayMeals) else base.holidays,
        adjusted_workdays=(AdjustedWorkdayMeals(values[WORKDAY_KEY]) if values.get(WORKDAY_KEY) in tuple(AdjustedWorkdayMeals)
                           else base.adjusted_workdays),
        version=int(values.get(VERSION_KEY, 0) or 0),
    )


def meal_service_days(s: Session, *, actor: Actor) -> ServiceDays:
    require(actor, VIEW_MEALS)
    return service_days(s, actor.station_id)


def set_service_days(s: Session, *, actor: Actor, holidays: str, adjusted_workdays: str,
                     expected_version: int | None = None) -> ServiceDays:
    """The station's meals on holidays and adjusted workdays; a save from an outdated form is refused."""
    require(actor, MANAGE_RATES)
    holidays = choice(holidays, tuple(HolidayMeals), F_HOLIDAY)
    adjusted_workdays = choice(adjusted_workdays, tuple(AdjustedWorkdayMeals), F_WORKDAY)
    before = service_days(s, actor.station_id)
    check_version(s, _Versioned(before.version), expected_version, entity="meal_service_days")
    values = {HOLIDAY_KEY: holidays, WORKDAY_KEY: adjusted_workdays, VERSION_KEY: str(before.version + 1)}
    for key, value in values.items():
        row = s.exec(select(StationSetting).where(StationSetting.key == key,
                                                  StationSetting.station_id == actor.station_id)).first()
        if row is None:
            row = StationSetting(station_id=actor.station_id, key=key, value=value)
        row.value = value
        s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="meal_service_days", before=before, after=values)
    return service_days(s, actor.station_id)


@dataclass
class _Versioned:
    version: int
    id: str = ""


def rule_for(cal: WorkCalendar, day: date, days: ServiceDays) -> str:
    """CLOSED, SCHEDULED or WORKING_DAY: how ``day`` is served under the calendar and the station's setting."""
    if cal.is_holiday(day):
        return SCHEDULED if days.holidays == HolidayMeals.SCHEDULED else CLOSED
    if day in cal.workdays and day.weekday() >= 5 and days.adjusted_workdays == AdjustedWorkdayMeals.WORKING_DAY:
        return WORKING_DAY
    return SCHEDULED
