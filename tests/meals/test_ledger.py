"""The prepaid account: append-only ledger, balance = sum of entries, rejected input writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, SmileDeskError, ValidationError
from desktop_app.core.models import AuditEntry
from desktop_app.meals.accounts import (
    balance,
    balances,
    correct_account,
    ledger_page,
    low_balances,
    snapshot_balances,
    top_up,
)
from desktop_app.meals.models import MealLedgerEntry, MealOrder
from desktop_app.meals.orders import add_order, cancel_order
from desktop_app.meals.recipients import recipient_for_resident
from desktop_app.meals.settings import set_settings

from .helpers import MONDAY, local, make_recipient


def _counts(engine):
    with session_scope(engine, write=False) as s:
        return (s.exec(select(func.count()).select_from(MealLedgerEntry)).one(),
                s.exec(select(func.count()).select_from(AuditEntry)).one())


def test_snapshot_plus_tail_equals_the_sum_of_every_entry(engine, admin, people):
    a = make_recipient(engine, admin, people["王秀英"], top_up=5000)
    b = make_recipient(engine, admin, people["李建国"], top_up=7000)
    with session_scope(engine) as s:
        snapshot_balances(s)
        top_up(s, actor=admin, recipient_id=a, amount=300, method="cash", receipt_no="X")
        correct_account(s, actor=admin, recipient_id=b, amount=-100, note="fix")
    c = make_recipient(engine, admin, people["张桂兰"], top_up=100)  # after the snapshot
    with session_scope(engine, write=False) as s:
        everything = dict(s.exec(select(MealLedgerEntry.recipient_id, func.sum(MealLedgerEntry.amount_fen))
                                 .group_by(MealLedgerEntry.recipient_id)).all())
        assert balances(s) == everything == {a: 5300, b: 6900, c: 100}
        assert balances(s, ids=list(range(1, 400))) == everything  # many ids: snapshot path


def test_negative_top_up_is_refused_and_nothing_written(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"])
    before = _counts(engine)
    for amount in (-500, "-5.00", 0, "abc", "1.234"):
        with pytest.raises(ValidationError), session_scope(engine) as s:
            top_up(s, actor=admin, recipient_id=rid, amount=amount, method="cash", receipt_no="R1")
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        top_up(s, actor=admin, recipient_id=rid, amount="50", method="transfer", receipt_no="  ")
    assert "Receipt number" in str(err.value)
    assert _counts(engine) == before


def test_charge_beyond_credit_limit_is_refused_with_the_figures(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], credit=500, top_up=600)
    before = _counts(engine)
    with pytest.raises(ConflictError) as err, session_scope(engine) as s:
        add_order(s, actor=admin, recipient_id=rid, day=MONDAY, meal="lunch", now=local(MONDAY, 6))
    assert "6.00" in str(err.value) and "12.00" in str(err.value) and "5.00" in str(err.value)
    assert _counts(engine) == before


def test_ledger_is_append_only_in_the_database(engine, admin, people):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=1000)
    for statement in ("UPDATE meal_ledger SET amount_fen = 99999", "DELETE FROM meal_ledger"):
        with pytest.raises(IntegrityError, match="append-only"), session_scope(engine) as s:
            s.execute(text(statement))
    with session_scope(engine, write=False) as s:
        assert balance(s, rid) == 1000


def test_correction_is_a_new_entry_with_a_reason(engine, admin, people, make_actor):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=1000)
    with pytest.raises(ValidationError), session_scope(engine) as s:
        correct_account(s, actor=admin, recipient_id=rid, amount=-200, note="")
    with session_scope(engine) as s:
        correct_account(s, actor=admin, recipient_id=rid, amount="-2.00", note="收据R-1多记两元")
        entries = ledger_page(s, actor=admin, recipient_id=rid)
    assert [(e.kind, e.amount_fen) for e in entries] == [("correction", -200), ("top_up", 1000)]


def test_low_balance_warning_lists_active_recipients_at_or_below_threshold(engine, admin, people):
    low = make_recipient(engine, admin, people["王秀英"], top_up=4000)
    make_recipient(engine, admin, people["李建国"], top_up=9000)
    with session_scope(engine, write=False) as s:
        assert [(r, n) for r, n, _ in low_balances(s, actor=admin)] == [(low, "王秀英")]
    with session_scope(engine) as s:
        set_settings(s, actor=admin, cutoff_lunch="09:00", cutoff_dinner="14:30", low_balance="100",
                             default_credit="0")
        assert len(low_balances(s, actor=admin)) == 2


amounts = st.one_of(
    st.integers(min_value=-5000, max_value=60000),
    st.sampled_from(["12.50", "-3", "0", "¥20", "１００", "1e3", "", "10.005"]),
)
ops = st.lists(
    st.tuples(st.sampled_from(["top_up", "correct", "order", "cancel", "snapshot"]), amounts, st.integers(0, 6),
              st.sampled_from(["lunch", "dinner"])),
    min_size=1, max_size=12,
)


@settings(max_examples=25)
@given(ops=ops)
def test_balance_always_equals_sum_of_entries_and_rejections_write_nothing(engine, admin, people, ops):
    with session_scope(engine) as s:
        existing = recipient_for_resident(s, actor=admin, resident_id=people["李建国"])
    rid = existing.id if existing else make_recipient(engine, admin, people["李建国"], credit=3000)
    for op, amount, day_offset, meal in ops:
        day = MONDAY + timedelta(days=day_offset)
        before = _counts(engine)
        with session_scope(engine, write=False) as s:
            expected = balance(s, rid)
        try:
            with session_scope(engine) as s:
                if op == "top_up":
                    e = top_up(s, actor=admin, recipient_id=rid, amount=amount, method="cash", receipt_no="R")
                    expected += e.amount_fen
                elif op == "correct":
                    e = correct_account(s, actor=admin, recipient_id=rid, amount=amount, note="fix")
                    expected += e.amount_fen
                elif op == "order":
                    o = add_order(s, actor=admin, recipient_id=rid, day=day, meal=meal, now=local(MONDAY, 0))
                    expected -= o.charge_fen
                elif op == "snapshot":
                    snapshot_balances(s)
                else:
                    o = s.exec(select(MealOrder).where(MealOrder.recipient_id == rid,
                                                              MealOrder.status == "ordered")).first()
                    if o is None:
                        continue
                    cancel_order(s, actor=admin, order_id=o.id, now=local(MONDAY, 0))
                    expected += o.charge_fen
        except SmileDeskError:
            assert _counts(engine) == before, (op, amount)
            continue
        with session_scope(engine, write=False) as s:
            total = s.exec(select(func.coalesce(func.sum(MealLedgerEntry.amount_fen), 0))
                           .where(MealLedgerEntry.recipient_id == rid)).one()
            assert balance(s, rid) == total == expected
            assert balances(s).get(rid, 0) == total  # snapshot + tail
            assert balances(s, ids=[rid]).get(rid, 0) == total  # plain sum
            if op == "order":
                assert total >= -3000  # a meal never takes the account past the credit limit
