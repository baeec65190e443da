"""Reference data every database needs: meal prices and subsidy tiers (dated; seeded once, then edited).

Seeded only when the table is empty, so a station's own prices and tier changes are never overwritten.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, func, select

from desktop_app.meals.models import MealPrice, SubsidyTier

START = date(2020, 1, 1)

PRICES = [
    # meal, from, price, delivery fee (fen)
    ("lunch", START, 1500, 300),
    ("dinner", START, 1200, 300),
]

TIERS = [
    # code, name, from, min_age, max_age, hardship, subsidy, funding source
    ("age_60", "60–74岁", START, 60, 74, False, 200, "区级财政"),
    ("age_75", "75–84岁", START, 75, 84, False, 400, "区级财政"),
    ("age_85", "85岁以上", START, 85, None, False, 600, "市级财政"),
    ("hardship", "特困/低保", START, None, None, True, 1000, "民政救助资金"),
    # The district raised the 75–84 subsidy on 2026-07-01 (an effective-date change mid-year).
    ("age_75", "75–84岁", date(2026, 7, 1), 75, 84, False, 500, "区级财政"),
]


def ensure(s: Session) -> None:
    if s.exec(select(func.count()).select_from(MealPrice)).one() == 0:
        for meal, start, price, fee in PRICES:
            s.add(MealPrice(meal=meal, effective_from=start, price_fen=price, delivery_fee_fen=fee))
    if s.exec(select(func.count()).select_from(SubsidyTier)).one() == 0:
        for code, name, start, lo, hi, hardship, fen, source in TIERS:
            s.add(SubsidyTier(code=code, name=name, effective_from=start, min_age=lo, max_age=hi,
                              hardship=hardship, subsidy_fen=fen, funding_source=source))
    s.flush()
