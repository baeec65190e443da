"""Issue 19 item 5: a role that sees phones masked (139****5819) cannot recover them by searching.

Every suffix of a phone is a search key, so any run of four or more digits finds the phones that contain it:
29 searches told a coordinator a whole number. Masked roles now find by digits only the last four they are
shown (whole); the roles that may reveal a number keep the substring search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app import residents as rs
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate

PHONE = "13912345819"
ID = "11010519491231002X"


@pytest.fixture
def person(engine, admin):
    with session_scope(engine) as s:
        return rs.create_resident(s, actor=admin, data=ResidentCreate(name="张晓明", phone=PHONE, id_number=ID))


def found(engine, actor, q) -> bool:
    with session_scope(engine, write=False) as s:
        return bool(rs.search(s, actor=actor, q=q))


def test_a_coordinator_cannot_recover_a_masked_phone_digit_by_digit(engine, make_actor, person):
    coordinator = make_actor("coordinator")
    assert found(engine, coordinator, "5819")  # the four digits it is shown
    # The attack: extend the shown tail one guessed digit at a time.
    assert not any(found(engine, coordinator, f"{d}5819") for d in "0123456789")
    assert not found(engine, coordinator, "12345819") and not found(engine, coordinator, "1391")
    assert not found(engine, coordinator, "3458")  # any inner run of digits
    assert not found(engine, coordinator, ID[-6:].lower())  # two hidden digits of the ID number


def test_roles_that_may_reveal_keep_the_substring_search(engine, make_actor, person):
    desk = make_actor("front_desk")
    assert found(engine, desk, "45819") and found(engine, desk, "1391") and found(engine, desk, "3458")


@pytest.fixture
def coordinator(make_actor):
    return make_actor("coordinator")


@given(st.text(alphabet="0123456789", min_size=4, max_size=11))
def test_masked_digits_find_only_the_shown_tail(engine, coordinator, person, digits):
    assert found(engine, coordinator, digits) == (digits == PHONE[-4:])  # the ID tail ends in X: not all digits


def test_other_features_searches_follow_the_same_rule(engine, make_actor, person):
    with session_scope(engine, write=False) as s:
        assert rs.search_ids(s, "45819", actor=make_actor("coordinator")) == []
        assert rs.search_ids(s, "45819", actor=make_actor("front_desk")) == [person.id]
