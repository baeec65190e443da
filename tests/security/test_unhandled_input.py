"""Issue 19 item 13: input the program did not expect is refused with a message, never a crash.

An ID number typed in a birth-date field (OverflowError), a huge meal price (an overflow at insert), a lone
surrogate pasted into a search (UnicodeEncodeError), digits of another script stored as a phone number, and
commands that printed a traceback on a damaged file."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app import cli
from desktop_app import residents as rs
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.validation import clean_date, clean_fen, clean_phone
from desktop_app.residents.models import ResidentCreate


@given(st.integers(min_value=10**9, max_value=10**30))
def test_a_long_number_in_a_date_field_is_refused(number):
    with pytest.raises(ValidationError, match="not a date"):
        clean_date(str(number), "Birth date")


def test_an_id_number_in_the_birth_date_field_is_refused(engine, admin):
    with pytest.raises(ValidationError, match="Birth date"), session_scope(engine) as s:
        rs.create_resident(s, actor=admin, data=ResidentCreate(name="张三", birth_date="110105194912310"))


@given(st.one_of(st.integers(min_value=10**8 + 1, max_value=10**40), st.from_regex(r"\A[1-9]\d{7,30}(\.\d\d)?\Z")))
def test_huge_amounts_are_refused(amount):
    with pytest.raises(ValidationError, match="too large"):
        clean_fen(amount, "Price")


def test_a_huge_meal_price_is_refused_before_the_database(engine, admin):
    from desktop_app.meals import rates

    with pytest.raises(ValidationError, match="too large"), session_scope(engine) as s:
        rates.set_price(s, actor=admin, meal="lunch", effective_from=date(2026, 1, 1), price="99999999999999999999",
                        delivery_fee="0")


@given(st.text(alphabet=st.sampled_from(["\ud800", "\udfff", "张", "1", "3", "9"]), min_size=1, max_size=8))
def test_a_lone_surrogate_in_a_search_finds_nothing_or_the_rest(engine, admin, q):
    with session_scope(engine, write=False) as s:
        rs.search(s, actor=admin, q=q)


@pytest.mark.parametrize("typed", ["๑๓๙๑๒๓๔๕๘๑๙", "١٣٩١٢٣٤٥٨١٩", "１３９１２３４５８１９"])
def test_other_scripts_digits_are_stored_as_ascii(typed):
    assert clean_phone(typed) == "13912345819"


@pytest.mark.parametrize("command", [["migrate"], ["demo"], ["station", "list"], ["privacy", "export", "1", "--out", "x"],
                                     ["audit-key", "show"], ["backups"]])
def test_commands_on_a_damaged_file_say_so_without_a_traceback(tmp_path, capsys, command):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 500)
    code = cli.main([*command, "--db", str(bad)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if code:  # what is wrong and what to do: "cannot be read … smiledesk check", or "damaged … Restore the newest backup"
        assert ("cannot be read" in err and "smiledesk check" in err) or ("damaged" in err and "backup" in err), err
