"""The regression corpus (tests/reports/corpus, made by make_corpus.py): the same register saved by different
programs and hand-made variants of their XML, each read to exactly the rows and cells it holds, or refused
with the message that says what to do. Plus the reader's bounds: nothing is built past a limit."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.reports import importing
from desktop_app.reports.importing import bounds, workbook

from .corpus.expected import READ, REFUSED

CORPUS = Path(__file__).parent / "corpus"


def test_every_corpus_file_is_listed():
    files = {p.name for p in CORPUS.iterdir() if p.suffix not in (".py",) and p.is_file()}
    assert files == set(READ) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(READ))
def test_corpus_file_reads_to_its_rows(name):
    want = READ[name]
    sheet = importing.read_sheet(CORPUS / name)
    assert (sheet.sheet_name, sheet.file_format, sheet.header_row) == (want["sheet"], want["format"], want["header_row"])
    assert sheet.labels == want["labels"]
    assert [(n, [importing.cell_text(v) for v in row]) for n, row in sheet.rows] == want["rows"]
    assert sheet.merged == want["merged"]
    notes = " ".join(n.text() for n in sheet.notes)
    assert (want["note"] in notes) if want["note"] else notes == ""


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_corpus_file_is_refused_with_its_message(name):
    constant, words = REFUSED[name]
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(CORPUS / name)
    message = getattr(bounds, constant, None) or getattr(workbook, constant)
    assert e.value.message == message
    for word in words:
        assert word in e.value.text()


def test_a_named_sheet_is_read_and_a_chart_or_missing_one_refused():
    assert importing.read_sheet(CORPUS / "hidden-first-sheet.xlsx", sheet="说明").labels == ["旧表"]
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(CORPUS / "openpyxl.xlsx", sheet="没有")
    assert e.value.message == workbook.NO_SUCH_SHEET


def test_calamine_and_openpyxl_read_the_same_values():
    """openpyxl is the fallback: where both read a file, they give the same rows."""
    for name in ("openpyxl.xlsx", "xlsxwriter.xlsx", "libreoffice.xlsx", "prefix-x.xlsx", "strict.xlsx",
                 "rich-phonetic-escapes.xlsx", "dates-chinese-formats.xlsx", "no-coordinates.xlsx"):
        grid = workbook.open_grid(CORPUS / name)
        if name == "strict.xlsx":
            continue  # openpyxl does not read strict OOXML at all; calamine does
        rows, merges = workbook._openpyxl_rows(CORPUS / name, grid.sheet)
        rows = workbook._trim(rows)
        as_text = [[importing.cell_text(v) for v in r] for r in rows]
        assert as_text == [[importing.cell_text(v) for v in r] for r in grid.rows], name
        assert sorted(merges) == sorted(grid.merges), name


@pytest.mark.parametrize("name", [n for n in sorted(READ) if n.endswith(".xlsx") and "renamed" not in n])
def test_the_quick_measure_agrees_with_the_exact_one(name):
    with zipfile.ZipFile(CORPUS / name) as zf:
        book = workbook._book(zf, name, bounds.LIMITS)
        part = workbook._part_of(book, READ[name]["sheet"], name, zf)
        quick = bounds.scan_sheet(zf, part, bounds.LIMITS, name=name, sheet="s")
        exact = bounds.exact_sheet(zf, part, bounds.LIMITS, name=name)
    assert quick.rows == exact.rows
    assert max(quick.columns, quick.at_least_columns) >= exact.columns


def test_limits_refuse_before_reading(tmp_path):
    path = CORPUS / "openpyxl.xlsx"
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(path, limits=bounds.Limits(part_bytes=2000))
    assert e.value.message == bounds.TOO_LARGE_PART
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(path, limits=bounds.Limits(rows=5))
    assert e.value.message == bounds.TOO_MANY_ROWS and "row 7" in e.value.text()
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(path, limits=bounds.Limits(cells=100))
    assert e.value.message == bounds.TOO_MANY_CELLS
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(path, limits=bounds.Limits(file_bytes=1000))
    assert e.value.message == workbook.TOO_LARGE_FILE
    for name in ("libreoffice.ods", "libreoffice.xls"):  # measured their own way
        with pytest.raises(ValidationError) as e:
            importing.read_sheet(CORPUS / name, limits=bounds.Limits(rows=5))
        assert e.value.message == bounds.TOO_MANY_ROWS


def test_a_sheet_that_lies_about_its_size_is_refused_while_unpacking(tmp_path):
    """The header of a part may claim any size: the stream is counted, not the claim."""
    src = CORPUS / "openpyxl.xlsx"
    with zipfile.ZipFile(src) as z:
        parts = {i: z.read(i.filename) for i in z.infolist()}
    out = tmp_path / "lies.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts.items():
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"".join(
                    b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (n, n, b"x" * 200)
                    for n in range(10, 3000)) + b"</sheetData>")
            z.writestr(info.filename, data)
    with pytest.raises(ValidationError) as e:
        importing.read_sheet(out, limits=bounds.Limits(part_bytes=100_000))
    assert e.value.message == bounds.TOO_LARGE_PART


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
_value = st.one_of(st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False, width=32),
                   st.booleans(), _text, st.dates(date(1901, 1, 1), date(2100, 12, 31)),
                   st.datetimes(datetime(1901, 1, 1), datetime(2100, 12, 31)).map(lambda d: d.replace(microsecond=0)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_value, max_size=6), min_size=1, max_size=8), gap=st.integers(0, 3))
def test_openpyxl_written_workbooks_read_as_openpyxl_reads_them(tmp_path_factory, rows, gap):
    from openpyxl import Workbook, load_workbook

    path = tmp_path_factory.mktemp("x") / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None and not (isinstance(v, str) and v.startswith("=")):
                ws.cell(row=1 + i * (gap + 1), column=1 + j * (gap + 1), value=v)
    ws["A1"] = "姓名"
    wb.save(path)
    expected = [[_same(v) for v in r]
                for r in load_workbook(path, read_only=False, data_only=True).active.iter_rows(values_only=True)]
    while expected and not any(v != "" for v in expected[-1]):
        expected.pop()
    width = max((max((j + 1 for j, v in enumerate(r) if v != ""), default=0) for r in expected), default=0)
    expected = [(r + [""] * width)[:width] for r in expected]
    grid = workbook.open_grid(path)
    assert [[_same(v) for v in r] for r in grid.rows] == expected


def _same(v):
    """A value as both readers must agree on it: numbers as floats (openpyxl gives ints where calamine gives
    floats), everything else as the import shows it."""
    if isinstance(v, int | float) and not isinstance(v, bool):
        return float(v)
    return importing.cell_text(v)


def test_sheet_names_with_markup_characters_are_found(xlsx):
    from openpyxl import Workbook

    path = xlsx("x.xlsx", [["姓名"], ["张三"]])
    wb = Workbook()
    wb.active.title = "说明"
    ws = wb.create_sheet("居民&志愿者<2026>")
    ws.append(["姓名", "联系电话"])
    ws.append(["张三", "13812345678"])
    wb.active = 1
    wb.save(path)
    sheet = importing.read_sheet(path)
    assert sheet.sheet_name == "居民&志愿者<2026>" and sheet.rows == [(2, ["张三", "13812345678"])]


def test_other_refusals_say_what_to_do(tmp_path):
    def refused(path, **kw):
        with pytest.raises(ValidationError) as e:
            importing.read_sheet(path, **kw)
        return e.value

    assert refused(tmp_path / "gone.xlsx").message == workbook.CANNOT_OPEN
    assert refused(CORPUS / "chart-sheet-only.xlsx", sheet="图表").message in (workbook.CHART_SHEET, workbook.ONLY_CHARTS)
    with zipfile.ZipFile(CORPUS / "openpyxl.xlsx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xlsb = tmp_path / "binary.xlsb"
    with zipfile.ZipFile(xlsb, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data.replace(b"xl/workbook.xml", b"xl/workbook.bin") if n == "_rels/.rels" else data)
    assert refused(xlsb).message == workbook.BINARY_XLSB
    empty = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(empty, "w") as z:
        for n, data in parts.items():
            if n == "xl/workbook.xml":
                import re

                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
            z.writestr(n, data)
    assert refused(empty).message == workbook.NO_SHEETS
