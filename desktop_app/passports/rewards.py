"""Rewards (奖品) and redemptions (兑换): what stamps can buy, its stock, and spending stamps on a piece.

A redemption is a negative ledger entry; correcting it (stamps.reverse_entry) gives the stamps back and
returns the piece to stock. Spending never takes an honour away (honours count stamps earned).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CursorResult, update
from sqlmodel import Session, col, select

from desktop_app.core import audit, clock
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import station_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.records import audited_update, get_scoped
from desktop_app.core.validation import clean_text
from desktop_app.passports.cards import active_passport, resident_in_station
from desktop_app.passports.models import EntryKind, Place, Redemption, Reward, RewardCreate, StampEntry
from desktop_app.passports.permissions import MANAGE_REWARDS, REDEEM_REWARDS, VIEW_PASSPORTS
from desktop_app.passports.stamps import _append, _month, balance

REWARD_GONE = QT_TRANSLATE_NOOP("Errors", "That reward no longer exists.")
F_REWARD = QT_TRANSLATE_NOOP("Fields", "Reward")
F_COST = QT_TRANSLATE_NOOP("Fields", "Cost in stamps")
F_STOCK = QT_TRANSLATE_NOOP("Fields", "Stock")


def _clean_reward(data: RewardCreate) -> dict:
    name = clean_text(data.name, F_REWARD, max_len=60, required=True, multiline=False)
    if not isinstance(data.cost, int) or not 1 <= data.cost <= 10000:
        raise ValidationError(F_COST, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 1 to 10000."))
    if not isinstance(data.stock, int) or not 0 <= data.stock <= 100000:
        raise ValidationError(F_STOCK, QT_TRANSLATE_NOOP("Errors", "must be a whole number from 0 to 100000."))
    notes = clean_text(data.notes, QT_TRANSLATE_NOOP("Fields", "Notes"), max_len=200, multiline=False)
    return {"name": name, "cost": data.cost, "stock": data.stock, "notes": notes}


def create_reward(s: Session, *, actor: Actor, data: RewardCreate) -> Reward:
    require(actor, MANAGE_REWARDS)
    reward = Reward(**_clean_reward(data), station_id=actor.station_id)
    s.add(reward)
    s.flush()
    audit.record(s, actor=actor, action="create", entity="passport_reward", entity_id=reward.id, after=reward)
    return reward


def restock_reward(
    s: Session, *, actor: Actor, reward_id: int, add: int, expected_version: int | None = None
) -> Reward:
    """Add (or, negative, remove) pieces. ``expected_version``: the version the person looked at when they
    chose the number; a change saved since then is not built on (StaleEdit names who made it, and when)."""
    require(actor, MANAGE_REWARDS)
    reward = get_scoped(s, Reward, reward_id, actor=actor, gone=REWARD_GONE, for_update=True)
    if not isinstance(add, int) or add == 0 or reward.stock + add < 0:
        raise ValidationError(F_STOCK, QT_TRANSLATE_NOOP("Errors", "add a whole number of pieces (negative to remove), leaving stock at 0 or more."))
    return audited_update(s, reward, {"stock": reward.stock + add}, actor=actor, entity="passport_reward",
                          action="restock", expected_version=expected_version)


def set_reward_active(
    s: Session, *, actor: Actor, reward_id: int, active: bool, expected_version: int | None = None
) -> Reward:
    """Stop offering a reward (or offer it again); ``expected_version`` as in ``restock_reward``."""
    require(actor, MANAGE_REWARDS)
    reward = get_scoped(s, Reward, reward_id, actor=actor, gone=REWARD_GONE, for_update=True)
    return audited_update(s, reward, {"active": active}, actor=actor, entity="passport_reward",
                          expected_version=expected_version)


def list_rewards(s: Session, *, actor: Actor, include_inactive: bool = False) -> list[Reward]:
    require(actor, VIEW_PASSPORTS)
    q = station_scope(select(Reward), Reward.station_id, actor)
    if not include_inactive:
        q = q.where(Reward.active == True)  # noqa: E712
    return list(s.exec(q.order_by(Reward.cost, Reward.id)))


def redeem(s: Session, *, actor: Actor, resident_id: int, reward_id: int, today: date | None = None) -> Redemption:
    """Spend stamps on one piece of a reward: refused (nothing written) when short of stamps or stock."""
    require(actor, REDEEM_REWARDS)
    resident = resident_in_station(s, resident_id, actor)
    reward = get_scoped(s, Reward, reward_id, actor=actor, gone=REWARD_GONE)
    if not reward.active:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{reward} is no longer offered."), reward=reward.name)
    have = balance(s, resident_id)
    if have < reward.cost:
        raise ConflictError(
            QT_TRANSLATE_NOOP("Errors", "{name} has {have} stamps but {reward} costs {cost}: {short} more needed."),
            name=resident.name, have=have, reward=reward.name, cost=reward.cost, short=reward.cost - have,
        )
    # Conditional decrement: two desks redeeming the last piece at once cannot both succeed.
    taken = s.execute(update(Reward).where(col(Reward.id) == reward_id, col(Reward.stock) > 0).values(stock=Reward.stock - 1))
    assert isinstance(taken, CursorResult)  # an UPDATE's result (SQLAlchemy's stubs say Result)
    if taken.rowcount != 1:
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "{reward} is out of stock."), reward=reward.name)
    day = today or clock.today()
    redemption = Redemption(reward_id=reward_id, resident_id=resident_id, stamps=reward.cost, actor_id=actor.id)
    s.add(redemption)
    s.flush()
    entry = _append(s, StampEntry(
        resident_id=resident_id, passport_id=(p.id if (p := active_passport(s, resident_id)) else None),
        occurred_on=day, month=_month(day), kind=EntryKind.REDEMPTION, stamps=-reward.cost, redemption_id=redemption.id,
        actor_id=actor.id, actor_name=actor.username, station_id=actor.station_id, place=Place.DESK,
    ))
    s.refresh(reward)
    audit.record(
        s, actor=actor, action="redeem", entity="passport_redemption", entity_id=redemption.id,
        after={"resident_id": resident_id, "reward_id": reward_id, "stamps": reward.cost, "entry_id": entry.id, "stock_left": reward.stock},
    )
    return redemption
