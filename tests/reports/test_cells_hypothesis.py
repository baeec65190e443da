"""Whatever a cell holds, parsing it either gives a value or a ValidationError with a message (never a crash)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.reports import importing as importer
from desktop_app.reports.importing import cells, checking

values = st.one_of(
    st.none(), st.text(max_size=30), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.text(alphabet="0123456789０１２３４５６７８９年月日.-/ Xx", max_size=20),
)


@given(values)
def test_dates_parse_or_explain(value):
    try:
        out = cells.parse_date(value, "Birth date")
    except ValidationError as exc:
        assert exc.text()
    else:
        assert out is None or isinstance(out, date)


@given(values)
def test_id_numbers_parse_or_explain(value):
    try:
        out = cells.parse_id_number(value)
    except ValidationError as exc:
        assert "15 digits" in exc.text()
    else:
        assert isinstance(out, str)


@given(st.lists(st.lists(values, min_size=4, max_size=4), max_size=8))
def test_prepare_never_crashes(rows):
    sheet = importer.Sheet(path=Path("x.xlsx"), sheet_name="s", sheet_names=["s"], header_row=1,
                           labels=["姓名", "身份证号", "联系电话", "出生日期"], rows=[(i + 2, list(r)) for i, r in enumerate(rows)])
    mapping = {0: "name", 1: "id_number", 2: "phone", 3: "birth_date"}
    for c in checking.prepare(sheet, mapping, "residents"):
        assert c.blank or c.error is not None or c.values is not None
        if c.error is not None:
            assert c.error.text()
