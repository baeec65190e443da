"""importer.prepare validates all rows at once (residents.service.clean_many, dates parsed once per text): each
row must come out exactly as it does when checked on its own — the same values and fields, or the same error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.reports import importing as importer
from desktop_app.reports.importing import checking

from .conftest import make_id

GOOD_ID = make_id(date(1948, 3, 5), 11, male=True)
OTHER_ID = make_id(date(1952, 11, 20), 22, male=False)
LABELS = ["姓名", "身份证号", "性别", "出生日期", "联系电话", "住址", "网格", "人员类别", "是否独居"]
CELLS = [
    ["张三", "李四", "", None, "张3", "x" * 60, "欧阳娜娜"],
    [GOOD_ID, OTHER_ID, "", None, "12345", 3.40102194803051e17, "340102480305123", GOOD_ID[:-1] + "0"],
    ["男", "女", "", "X", None],
    ["1948.3.5", "1948年3月5日", 19318, "1952-11-20", "not a date", None, date(1948, 3, 5), "2099.1.1"],
    ["13812345678", 13900001111, "12345", "", None, "0551-62345678"],
    ["逍遥津小区3栋2单元301室", "杏花村小区12幢303", "", None, "x" * 80],
    ["第1网格", "第2网格", "", None],
    ["独居、低保", "", None, "党员"],
    ["是", "否", "", None, "maybe"],
]


def _sheet(rows: list[list]) -> importer.Sheet:
    return importer.Sheet(Path("x.xlsx"), "S", ["S"], 1, list(LABELS), [(i + 2, r) for i, r in enumerate(rows)])


def _key(c: checking.Candidate):
    err = c.error
    err = None if err is None else (type(err).__name__, getattr(err, "field", None), err.message, dict(err.params))
    return (c.row, c.name, c.values, c.present, c.extra, err, c.blank)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(*(st.sampled_from(col) for col in CELLS)).map(list), min_size=1, max_size=30))
def test_rows_checked_together_equal_rows_checked_alone(rows):
    rows = rows + rows  # repeated values: remembered results must not leak between rows
    sheet = _sheet(rows)
    mapping = importer.guess_mapping(sheet.labels, "residents")
    together = checking.prepare(sheet, mapping, "residents")
    alone = [checking.prepare(_sheet([r]), mapping, "residents")[0] for r in rows]
    for i, (a, b) in enumerate(zip(together, alone, strict=True)):
        b.row = a.row
        assert _key(a) == _key(b), rows[i]
