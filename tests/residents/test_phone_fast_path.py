"""core.validation.clean_phone skips phonenumbers.parse for plain 11-digit mobile numbers (13…–19…, not 179…)
and builds PhoneNumber(86, n) itself: the answer must be exactly parse()'s, for every prefix."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import validation
from desktop_app.core.errors import ValidationError


def _reference(text: str):
    """clean_phone as it was: always through phonenumbers.parse."""
    raw = validation.fold(text)
    digits = re.sub(r"[\s\-()（）+]", "", raw)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    candidate = digits if digits.startswith("0") or len(digits) == 11 else None
    try:
        ok = bool(candidate) and phonenumbers.is_valid_number(phonenumbers.parse(candidate, "CN"))
    except phonenumbers.NumberParseException:
        ok = False
    return digits if ok else None


def _clean(text: str):
    try:
        return validation.clean_phone(text, "Phone")
    except ValidationError:
        return None


def test_the_metadata_the_shortcut_rests_on_is_there():
    assert validation._plain_mobile_parses_as_is()


def test_every_three_digit_prefix_answers_as_parse_does():
    rng = random.Random(20261123)
    for prefix in range(100, 200):
        for suffix in ["00000000", "99999999", *(f"{rng.randint(0, 10**8 - 1):08d}" for _ in range(60))]:
            number = f"{prefix}{suffix}"
            if not number.isdigit():
                continue
            assert _clean(number) == _reference(number), number
            assert _clean(f"+86 {number[:3]}-{number[3:7]}-{number[7:]}") == _reference(f"+86{number}"), number


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"1[0-9]{10}", fullmatch=True))
def test_any_eleven_digit_number_answers_as_parse_does(number):
    assert _clean(number) == _reference(number)


def test_without_the_expected_metadata_every_number_goes_through_parse(monkeypatch):
    monkeypatch.setattr(validation, "_PLAIN_MOBILE_METADATA", [False])
    calls = []
    real = phonenumbers.parse
    monkeypatch.setattr(phonenumbers, "parse", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert validation.clean_phone("13812345678", "Phone") == "13812345678"
    assert calls
    with pytest.raises(ValidationError):
        validation.clean_phone("12345678901", "Phone")
