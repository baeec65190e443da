"""Role × use-case matrix of the meals feature (admin, coordinator, front_desk, kiosk)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, SmileDeskError
from desktop_app.meals.accounts import correct_account, top_up
from desktop_app.meals.deliveries import assign_route, record_outcome, routes, serve_dine_in
from desktop_app.meals.models import MealRecipientBase, MealRecipientCreate
from desktop_app.meals.orders import add_order, generate_orders, kitchen_sheet
from desktop_app.meals.rates import set_price, set_tier
from desktop_app.meals.recipients import add_pause, create_recipient, list_recipients, update_recipient
from desktop_app.meals.samples import keep_sample
from desktop_app.meals.statements import statement, subsidy_claim
from desktop_app.meals.welfare import welfare_checks

from .helpers import MONDAY, every_day, local, make_recipient

A, C, F, K = "admin", "coordinator", "front_desk", "kiosk"

MATRIX = {
    "list_recipients": ({A, C, F}, lambda s, a, x: list_recipients(s, actor=a)),
    "create_recipient": ({A, C}, lambda s, a, x: create_recipient(s, actor=a, data=MealRecipientCreate(
        resident_id=x["free"], schedule=every_day()))),
    "update_recipient": ({A, C}, lambda s, a, x: update_recipient(s, actor=a, recipient_id=x["rid"], data=MealRecipientBase(
        schedule=every_day()))),
    "add_pause": ({A, C}, lambda s, a, x: add_pause(s, actor=a, recipient_id=x["rid"], start=MONDAY, end=MONDAY, reason="away")),
    "generate_orders": ({A, C}, lambda s, a, x: generate_orders(s, actor=a, day=MONDAY)),
    "add_order": ({A, C}, lambda s, a, x: add_order(s, actor=a, recipient_id=x["rid"], day=MONDAY, meal="dinner",
                                                          now=local(MONDAY, 6))),
    "assign_route": ({A, C}, lambda s, a, x: assign_route(s, actor=a, compound="幸福小区", volunteer_resident_id=x["free"])),
    "kitchen_sheet": ({A, C, F}, lambda s, a, x: kitchen_sheet(s, actor=a, day=MONDAY)),
    "routes": ({A, C, F}, lambda s, a, x: routes(s, actor=a, day=MONDAY, meal="lunch")),
    "record_outcome": ({A, C, F}, lambda s, a, x: record_outcome(s, actor=a, recipient_id=x["rid"], day=MONDAY,
                                                                        meal="lunch", outcome="delivered")),
    "welfare_checks": ({A, C, F}, lambda s, a, x: welfare_checks(s, actor=a)),
    "check_in": ({A, C, F, K}, lambda s, a, x: serve_dine_in(s, actor=a, resident_id=x["resident"], at=local(MONDAY, 17))),
    "top_up": ({A, F}, lambda s, a, x: top_up(s, actor=a, recipient_id=x["rid"], amount=100, method="cash", receipt_no="1")),
    "correct_account": ({A}, lambda s, a, x: correct_account(s, actor=a, recipient_id=x["rid"], amount=100, note="fix")),
    "set_tier": ({A}, lambda s, a, x: set_tier(s, actor=a, code="age_90", name="90+", effective_from=MONDAY,
                                                      subsidy=800, funding_source="市级财政", min_age=90)),
    "set_price": ({A}, lambda s, a, x: set_price(s, actor=a, meal="lunch", effective_from=date(2027, 1, 1),
                                                        price="16", delivery_fee="3")),
    "keep_sample": ({A, C, F}, lambda s, a, x: keep_sample(s, actor=a, day=MONDAY, meal="lunch", dishes="米饭", kept_by="刘师傅")),
    "statement": ({A, C}, lambda s, a, x: statement(s, actor=a, recipient_id=x["rid"], year=2026, month=3)),
    "subsidy_claim": ({A, C}, lambda s, a, x: subsidy_claim(s, actor=a, year=2026, month=3)),
}


@pytest.mark.parametrize("role", [A, C, F, K])
def test_role_matrix(engine, admin, people, make_actor, role):
    rid = make_recipient(engine, admin, people["王秀英"], top_up=100000)
    with session_scope(engine) as s:
        generate_orders(s, actor=admin, day=MONDAY)
    x = {"rid": rid, "free": people["赵志强"], "resident": people["王秀英"]}
    actor = make_actor(role)
    for name, (roles, call) in MATRIX.items():
        try:
            with session_scope(engine) as s:
                call(s, actor, x)
        except PermissionDenied:
            assert role not in roles, f"{role} should be allowed to {name}"
            continue
        except SmileDeskError:
            pass  # past the permission gate, refused for another reason
        assert role in roles, f"{role} must not be allowed to {name}"
