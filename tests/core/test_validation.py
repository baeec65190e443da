"""Input checks: ID numbers, phones, names, dates, money — specific messages, never a crash."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.validation import (
    clean_date,
    clean_fen,
    clean_id_number,
    clean_name,
    clean_phone,
    id_birth_date,
    id_gender,
    mask_id_number,
    mask_phone,
    yuan,
)
from desktop_app.residents.demo import id_check_char


def test_valid_id_with_x_check_digit_is_normalised():
    assert clean_id_number(" 11010519491231002x ") == "11010519491231002X"
    assert id_birth_date("11010519491231002X") == date(1949, 12, 31)
    assert id_gender("11010519491231002X") == "F"


def test_full_width_id_digits_are_accepted():
    assert clean_id_number("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("110105194912310021", "check character"),
        ("110105491231002", "15-digit"),
        ("1101051949123100", "18 characters"),
        ("11010519491331002X", "impossible birth date"),
        ("1101051949123100AX", "17 digits"),
    ],
)
def test_invalid_ids_say_what_is_wrong(value, fragment):
    with pytest.raises(ValidationError) as err:
        clean_id_number(value)
    assert fragment in str(err.value)
    assert err.value.field == "ID number"


def test_phone_mobile_landline_and_full_width():
    assert clean_phone("138 1234 5678") == "13812345678"
    assert clean_phone("１３８１２３４５６７８") == "13812345678"
    assert clean_phone("0551-62345678") == "055162345678"
    assert clean_phone("+86 138-1234-5678") == "13812345678"
    with pytest.raises(ValidationError, match="not a valid mainland number"):
        clean_phone("12345")
    with pytest.raises(ValidationError, match="only digits"):
        clean_phone("138abc45678")


def test_names_allow_rare_characters_and_middle_dot():
    for name in ["张堃", "李喆", "王燊", "刘䶮", "陈𠀾", "买买提·艾力", "欧阳娜娜"]:
        assert clean_name(name) == name
    with pytest.raises(ValidationError, match="cannot be part of a name"):
        clean_name("张三😀")
    with pytest.raises(ValidationError, match="required"):
        clean_name("   ")
    with pytest.raises(ValidationError, match="too long"):
        clean_name("张" * 51)


def test_dates_and_money():
    assert clean_date("1948年3月5日", "Birth date") == date(1948, 3, 5)
    assert clean_date("1948.3.5", "Birth date") == date(1948, 3, 5)
    with pytest.raises(ValidationError, match="future"):
        clean_date("2999-01-01", "Birth date", not_future=True)
    assert clean_fen("12.5", "Amount") == 1250
    assert clean_fen("¥3", "Amount") == 300
    assert yuan(1250) == "12.50"
    with pytest.raises(ValidationError, match="negative"):
        clean_fen("-1", "Amount")


def test_masks():
    assert mask_id_number("34010219480305123X") == "3401**********123X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("055162345678") == "0551****5678"


@given(st.text(max_size=40))
def test_id_check_never_crashes(text):
    try:
        out = clean_id_number(text)
    except ValidationError as exc:
        assert exc.text()
    else:
        assert out == "" or (len(out) == 18 and out[17] == id_check_char(out[:17]))


@given(st.text(max_size=30))
def test_phone_check_never_crashes(text):
    try:
        out = clean_phone(text)
    except ValidationError as exc:
        assert exc.text()
    else:
        assert out == "" or out.isdigit()


@given(st.text(max_size=80))
def test_name_check_never_crashes(text):
    try:
        out = clean_name(text)
    except ValidationError:
        return
    assert 1 <= len(out) <= 50


def test_real_county_codes_are_accepted_whatever_the_birth_year():
    # 340102 (Hefei, Yaohai) did not exist in 1948, yet residents born then carry it on their cards.
    first17 = "34010219480305123"
    assert clean_id_number(first17 + id_check_char(first17)) == first17 + id_check_char(first17)
    bad_province = "99010219480305123"
    with pytest.raises(ValidationError, match="region"):
        clean_id_number(bad_province + id_check_char(bad_province))


def test_report_months_and_counts():
    from desktop_app.core.validation import clean_count, clean_month_text, clean_year_month

    assert clean_year_month(2026, 11) == (2026, 11)
    assert clean_month_text("2026年11月") == "2026-11"
    for bad in ((0, 1), (2026, 13), (2026, 0), ("2026", 1), (True, 1)):
        with pytest.raises(ValidationError):
            clean_year_month(*bad)
    with pytest.raises(ValidationError, match="2026-11"):
        clean_month_text("soon")
    with pytest.raises(ValidationError, match="from 1 to 120"):
        clean_count(0, "Months shown", 1, 120)


@given(st.one_of(st.integers(), st.text(max_size=8), st.none(), st.booleans()),
       st.one_of(st.integers(), st.text(max_size=4), st.none()))
def test_year_month_never_crash(year, month):
    from desktop_app.core.validation import clean_year_month

    try:
        y, m = clean_year_month(year, month)
    except ValidationError:
        return
    assert 1900 <= y <= 2200 and 1 <= m <= 12
