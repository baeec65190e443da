"""Helpers shared by the meals tests."""

from __future__ import annotations

from datetime import date, datetime, time

from desktop_app.core.db import session_scope
from desktop_app.meals import accounts
from desktop_app.meals.models import MealRecipientCreate, schedule_bit
from desktop_app.meals.recipients import create_recipient

MONDAY = date(2026, 3, 2)
LABOUR_DAY = date(2026, 5, 1)


def every_day(*meals: str) -> int:
    mask = 0
    for w in range(7):
        for m in meals or ("lunch",):
            mask |= schedule_bit(w, m)
    return mask


def weekdays(*days: int, meal: str = "lunch") -> int:
    return sum(schedule_bit(d, meal) for d in days)


def local(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone()


def make_recipient(engine, actor, resident_id, *, schedule=None, service_kind="delivery", credit=0, top_up=0, top_up_day=date(2026, 3, 1), **kw):
    with session_scope(engine) as s:
        rec = create_recipient(s, actor=actor, data=MealRecipientCreate(
            resident_id=resident_id, schedule=every_day() if schedule is None else schedule, service=service_kind,
            credit_limit_fen=credit, **kw))
        if top_up:
            accounts.top_up(s, actor=actor, recipient_id=rec.id, amount=top_up, method="cash", receipt_no="R-1",
                            day=top_up_day)
        return rec.id




def shown_message(widget) -> str:
    """The text of the newest message box open on ``widget`` (an error the one policy showed)."""
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in widget.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, f"no message shown on {widget!r}"
    return boxes[-1].text()
