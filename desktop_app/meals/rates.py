"""Dated reference data: meal prices and subsidy tiers. A change applies from its effective date on;
meals before that date keep the terms they were ordered with."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update
from desktop_app.core.validation import clean_fen, clean_text
from desktop_app.meals.common import choice
from desktop_app.meals.labels import F
from desktop_app.meals.models import MEALS, NO_SUBSIDY, MealPrice, SubsidyTier
from desktop_app.meals.permissions import MANAGE_RATES, VIEW_MEALS


@dataclass
class Rates:
    """Prices and tiers loaded once; answers "what did a meal cost on this day" for any day."""

    prices: dict[str, list[MealPrice]]
    tiers: dict[str, list[SubsidyTier]]

    @classmethod
    def load(cls, s: Session) -> Rates:
        prices: dict[str, list[MealPrice]] = defaultdict(list)
        for p in s.exec(select(MealPrice).order_by(col(MealPrice.effective_from))):
            prices[p.meal].append(p)
        tiers: dict[str, list[SubsidyTier]] = defaultdict(list)
        for t in s.exec(select(SubsidyTier).order_by(col(SubsidyTier.effective_from))):
            tiers[t.code].append(t)
        return cls(dict(prices), dict(tiers))

    def price(self, meal: str, day: date) -> MealPrice | None:
        found = None
        for p in self.prices.get(meal, []):
            if p.effective_from <= day:
                found = p
        return found

    def tiers_on(self, day: date) -> list[SubsidyTier]:
        out = []
        for rows in self.tiers.values():
            current = None
            for t in rows:
                if t.effective_from <= day:
                    current = t
            if current is not None and current.active:
                out.append(current)
        return out

    def best_tier(
        self, day: date, *, birth_date: date | None, hardship: bool, granted: str = ""
    ) -> SubsidyTier | None:
        """The tier with the highest subsidy the recipient qualifies for on ``day``."""
        if granted == NO_SUBSIDY:
            return None
        age = None
        if birth_date is not None:
            age = day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
        best = None
        for t in self.tiers_on(day):
            ok = t.code == granted
            if not ok:
                if t.hardship and not hardship:
                    continue
                if t.min_age is not None and (age is None or age < t.min_age):
                    continue
                if t.max_age is not None and (age is None or age > t.max_age):
                    continue
                ok = True
            if ok and (best is None or t.subsidy_fen > best.subsidy_fen):
                best = t
        return best

    def tier_codes(self) -> list[tuple[str, str]]:
        return [(code, rows[-1].name) for code, rows in self.tiers.items()]


MAX_MEAL_FEN = 100_000  # 1,000 yuan: a meal or a delivery fee above it is a typing mistake


def set_price(
    s: Session, *, actor: Actor, meal: str, effective_from: date, price: int | str, delivery_fee: int | str,
    expected_version: int | None = None,
) -> MealPrice:
    """A new price from a date on (the old one stays for earlier days); the same date again changes it.

    ``expected_version``: the version of that date's price the form showed, 0 when it showed none; a
    save over a price someone saved since is refused with StaleEdit."""
    require(actor, MANAGE_RATES)
    choice(meal, MEALS, F["meal"])
    price_fen = clean_fen(price, F["price"], allow_zero=False, max_fen=MAX_MEAL_FEN)
    fee_fen = clean_fen(delivery_fee, F["delivery_fee"], max_fen=MAX_MEAL_FEN)
    row = s.exec(select(MealPrice).where(MealPrice.meal == meal, MealPrice.effective_from == effective_from)
                 .with_for_update()).first()
    if row is not None:
        return audited_update(s, row, {"price_fen": price_fen, "delivery_fee_fen": fee_fen}, actor=actor,
                              entity="meal_price", expected_version=expected_version)
    row = MealPrice(meal=meal, effective_from=effective_from, price_fen=price_fen, delivery_fee_fen=fee_fen)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_price", entity_id=row.id, after=row)
    return row


def set_tier(
    s: Session,
    *,
    actor: Actor,
    code: str,
    name: str,
    effective_from: date,
    subsidy: int | str,
    funding_source: str,
    min_age: int | None = None,
    max_age: int | None = None,
    hardship: bool = False,
    active: bool = True,
    expected_version: int | None = None,
) -> SubsidyTier:
    """A tier's terms from an effective date on; meals before that date keep the old terms. The same code
    and date again changes those terms (``expected_version`` as for set_price)."""
    require(actor, MANAGE_RATES)
    code = (code or "").strip()
    if not re.fullmatch(r"[a-z0-9_]{1,30}", code) or code == NO_SUBSIDY:
        raise ValidationError(F["subsidy_tier"], QT_TRANSLATE_NOOP("Errors", "use a short code of lower-case letters, digits and _ (e.g. age_85)."))
    name = clean_text(name, F["tier_name"], max_len=50, required=True, multiline=False)
    source = clean_text(funding_source, F["funding_source"], max_len=50, required=True, multiline=False)
    fen = clean_fen(subsidy, F["subsidy"])
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ValidationError(F["tier_name"], QT_TRANSLATE_NOOP("Errors", "the lowest age {low} is above the highest age {high}."), low=min_age, high=max_age)
    row = s.exec(select(SubsidyTier).where(SubsidyTier.code == code, SubsidyTier.effective_from == effective_from)
                 .with_for_update()).first()
    terms = {"name": name, "subsidy_fen": fen, "funding_source": source, "min_age": min_age, "max_age": max_age,
             "hardship": hardship, "active": active}
    if row is not None:
        return audited_update(s, row, terms, actor=actor, entity="meal_subsidy_tier", expected_version=expected_version)
    row = SubsidyTier(code=code, effective_from=effective_from, name=name, subsidy_fen=fen, funding_source=source,
                      min_age=min_age, max_age=max_age, hardship=hardship, active=active)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="meal_subsidy_tier", entity_id=row.id, after=row)
    return row


def list_rates(s: Session, *, actor: Actor) -> tuple[list[MealPrice], list[SubsidyTier]]:
    """Every dated price and tier row (history included), newest terms first."""
    require(actor, VIEW_MEALS)
    prices = list(s.exec(select(MealPrice).order_by(col(MealPrice.meal), col(MealPrice.effective_from).desc())))
    tiers = list(s.exec(select(SubsidyTier).order_by(col(SubsidyTier.code), col(SubsidyTier.effective_from).desc())))
    return prices, tiers

