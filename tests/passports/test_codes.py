"""Passport numbers: the Damm check digit catches every single-digit error and neighbour swap."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.passports import codes

numbers = st.integers(min_value=100_000_000, max_value=999_999_999).map(lambda n: codes.make_number(str(n)))


def test_known_damm_value():
    # Damm's worked example: 572 → check digit 4.
    assert codes.check_digit("572") == "4"
    assert codes.is_valid("5724".rjust(10, "0")) is True


@given(numbers)
def test_made_numbers_parse_back(number):
    assert codes.is_valid(number)
    assert codes.parse_code(number) == number
    assert codes.parse_code(codes.display(number)) == number  # as printed: groups of four
    assert codes.parse_code("".join(chr(ord(c) + 0xFEE0) for c in number)) == number  # full-width digits


@given(numbers, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_any_single_wrong_digit_is_refused(number, pos, delta):
    wrong = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    with pytest.raises(ValidationError) as exc:
        codes.parse_code(wrong)
    assert "check digit" in exc.value.english()


@given(numbers, st.integers(min_value=0, max_value=8))
def test_any_neighbour_swap_is_refused(number, pos):
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    with pytest.raises(ValidationError):
        codes.parse_code(swapped)


@given(st.text(max_size=30))
def test_junk_never_parses_unless_it_is_a_valid_number(text):
    try:
        got = codes.parse_code(text)
    except ValidationError as exc:
        assert exc.field == codes.F_NUMBER
    else:
        assert codes.is_valid(got)


@pytest.mark.parametrize(
    "text, phrase",
    [("", "is empty"), ("   ", "is empty"), ("38210457q6", "only digits"), ("\x1b[B3821", "only digits"),
     ("382104", "has 6 digits"), ("38210457961234", "has 14 digits")],
)
def test_malformed_input_messages(text, phrase):
    with pytest.raises(ValidationError) as exc:
        codes.parse_code(text)
    assert phrase in exc.value.english()


def test_random_numbers_are_valid_and_keep_leading_digit():
    rng = random.Random(5)
    for _ in range(200):
        n = codes.random_number(rng)
        assert len(n) == 10 and n[0] != "0" and codes.is_valid(n)
