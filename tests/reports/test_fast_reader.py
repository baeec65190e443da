"""The import's sheet reader gives exactly what openpyxl's read-only ws.iter_rows(values_only=True) gives.

importer._sheet_values scans the sheet XML text (_scan_rows) or, when the XML holds anything the scanner does not
read, parses it (_row_cells); both handle the common cells themselves and hand the rest to openpyxl's parse_cell.
These tests compare them with openpyxl on workbooks written by openpyxl (random values, number formats, gaps) and
on hand-written sheet XML with what Excel and other programs write (shared strings with rich text and phonetic
runs, cells and rows without coordinates, str/bool/error/ISO-date cells, entities and line ends, formulas with
cached values, a missing dimension), and check which of the two readers read it.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from desktop_app.reports import importer


def _paths(path):
    """(rows by the text scanner or None when it declines, rows by the XML parser) of the first sheet."""
    wb = importer._load_workbook(path)
    try:
        ws = wb.worksheets[0]
        try:
            scanned = importer._scan_rows(wb, ws)
        except importer._NotPlain:
            scanned = None
        return scanned, list(importer._row_cells(wb, ws))
    finally:
        wb.close()


def _both(path):
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        expected = [[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets]
        strings = list(wb.worksheets[0]._shared_strings)
    finally:
        wb.close()
    wb = importer._load_workbook(path)
    try:
        got = [[list(r) for r in importer._sheet_values(wb, ws)] for ws in wb.worksheets]
        got_strings = list(wb.worksheets[0]._shared_strings)
    finally:
        wb.close()
    return expected, got, strings, got_strings


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=12).filter(
    lambda t: all(c in "\t\n" or ord(c) >= 32 for c in t))
_value = st.one_of(
    st.none(), st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
    _text, st.sampled_from(["  padded  ", "a & b < c > d \"q\" 'x'", "第1网格", "x005F_x", "1948.3.5", "0551-62345678"]),
    st.dates(date(1901, 1, 1), date(2100, 12, 31)),
    st.datetimes(datetime(1901, 1, 1), datetime(2100, 12, 31)).map(lambda d: d.replace(microsecond=0)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_value, max_size=7), max_size=8), gap=st.integers(0, 3),
       fmt=st.sampled_from([None, "yyyy-mm-dd", "0.00", "@", "[h]:mm:ss", "h:mm"]))
def test_openpyxl_written_workbooks_read_the_same(tmp_path_factory, rows, gap, fmt):
    path = tmp_path_factory.mktemp("x") / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                cell = ws.cell(row=1 + i + (gap if i % 2 else 0) * i, column=1 + j + gap * (j % 2), value=v)
                if fmt and isinstance(v, int | float) and not isinstance(v, bool):
                    cell.number_format = fmt
    if rows and gap:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    ws["A1"].value = ws["A1"].value  # keep the sheet non-empty and the merge anchored
    wb.save(path)
    expected, got, *_ = _both(path)
    assert got == expected
    scanned, parsed = _paths(path)
    if not any(isinstance(v, str) and v.startswith("=") for r in rows for v in r):  # "=…" is written as a formula
        assert scanned is not None  # openpyxl's own files are scanned
    assert scanned is None or scanned == parsed


SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
{dimension}<sheetData>
<row r="1" spans="1:9"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str"><v>  text  </v></c><c r="C2" t="b"><v>1</v></c>
<c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="d"><v>2026-03-05T10:20:30</v></c><c r="F2" s="1"><v>17597</v></c>
<c r="G2" s="1"><v>17597.5</v></c><c r="H2"><f>A2*2</f><v>2</v></c><c r="I2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c></row>
<row><c><v>3.5</v></c><c t="s"><v>6</v></c><c/><c t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c></row>
<row r="6"><c r="b6" t="s"><v>7</v></c><c r="C6"><v>1E3</v></c><c r="D6" t="inlineStr"/><c r="E6" t="s"><v></v></c>
<c r="F6" t="inlineStr"><is><t/></is></c><c r="G6" t="n"><v>-0.25</v></c></row>
<row r="7.0"><c r="A7" t="s"><v>8</v></c><c r="K7"><v>9</v></c></row>
<row r="9" spans="1:2"/>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"""

STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">
<si><t>姓名</t></si><si><t xml:space="preserve"> 身份证号 </t></si><si><r><t>联系</t></r><r><rPr><b/></rPr><t>电话</t></r></si>
<si><t>单</t><rPh sb="0" eb="1"><t>shàn</t></rPh><phoneticPr fontId="1"/></si><si><t/></si><si><t>x005F_x000D_</t></si>
<si><t>逍遥津小区3栋2单元301室</t></si><si><t>line1
line2</t></si><si><t>&lt;备注&gt; &amp; &#x4E00;</t></si>
</sst>"""


PLAIN_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
 xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">
<dimension ref="A1:I9"/><sheetData>
<row r="1" spans="1:9" x14ac:dyDescent="0.25"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>
<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="str"><v>  text &amp; &lt;more&gt; &#x4E00;&#20108;</v></c><c r="C2" t="b"><v>1</v></c>
<c r="D2" t="e"><v>#N/A</v></c><c r="E2" t="d"><v>2026-03-05T10:20:30</v></c><c r="F2" s="1"><v>17597</v></c>
<c r="G2" s="1"><v>17597.5</v></c><c r="H2" t="n"><v>2</v></c><c r="I2" t="inlineStr"><is><t>a\r\nb\rc</t></is></c></row>
<row><c><v>3.5</v></c><c t="s"><v>6</v></c><c/><c t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c></row>
<row r="6"><c r="B6" t="s"><v>7</v></c><c r="C6"><v>1E3</v></c><c r="D6" t="inlineStr"/><c r="E6" t="s"><v></v></c>
<c r="F6" t="inlineStr"><is><t/></is></c><c r="G6" t="n"><v>-0.25</v></c><c r="H6" t="inlineStr"><v>9</v></c>
<c r="I6" t="s"><is><t>x</t></is></c></row>
<row r="7.0"><c r="A7" t="s"><v>8</v></c><c r="K7"><v>9</v></c><c r="L7" t="x"><v>?</v></c></row>
<row r="9" spans="1:2"/>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"""

NOT_PLAIN = {  # what the text scanner leaves to the XML parser (each still read the same as openpyxl reads it)
    "rich text": ("<c r=\"A2\"><v>1</v></c>", "<c r=\"A2\" t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r></is></c>"),
    "formula": ("<c r=\"H2\" t=\"n\"><v>2</v></c>", "<c r=\"H2\"><f>A2*2</f><v>2</v></c>"),
    "comment": ("<sheetData>", "<sheetData><!-- made by hand -->"),
    "lower-case coordinate": ("<c r=\"B6\" t=\"s\">", "<c r=\"b6\" t=\"s\">"),
    "attribute order": ("<c r=\"C6\"><v>1E3</v></c>", "<c t=\"n\" r=\"C6\"><v>1E3</v></c>"),
    "CDATA": ("<t>a\r\nb\rc</t>", "<t><![CDATA[a<b]]></t>"),
    "prefix": ("<row r=\"9\" spans=\"1:2\"/>", "<x:row xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" r=\"9\"/>"),
}


def _with_sheet_xml(path, sheet_xml: str, strings_xml: str | None) -> None:
    """Replace the sheet of an openpyxl workbook by hand-written XML (and add a shared string table)."""
    wb = Workbook()
    wb.active.title = "S"
    ws = wb.active
    ws["A1"] = 1
    ws["F2"] = date(1948, 3, 5)  # style 1: a date format
    ws["G2"] = datetime(1948, 3, 5, 12)
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    if strings_xml is not None:
        parts["xl/sharedStrings.xml"] = strings_xml.encode()
        ct = parts["[Content_Types].xml"].decode()
        parts["[Content_Types].xml"] = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                                                  '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                                  "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_hand_written_sheet_xml_reads_the_same(tmp_path):
    for dimension in ("", '<dimension ref="A1:C4"/>', '<dimension ref="A1:I9"/>'):  # the full one last
        path = tmp_path / f"s{len(dimension)}.xlsx"
        _with_sheet_xml(path, SHEET.format(dimension=dimension), STRINGS)
        expected, got, strings, got_strings = _both(path)
        assert got_strings == strings and len(strings) == 9
        assert got == expected
        assert expected[0]  # the sheet was read at all
    assert any(isinstance(v, datetime) for v in expected[0][1])  # a date-formatted number went through openpyxl
    assert "富文本" in expected[0][1]


def test_read_sheet_uses_the_same_values(tmp_path):
    path = tmp_path / "s.xlsx"
    _with_sheet_xml(path, SHEET.format(dimension='<dimension ref="A1:I9"/>'), STRINGS)
    sheet = importer.read_sheet(path)
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = [list(r) for r in wb.active.iter_rows(values_only=True)]
    finally:
        wb.close()
    assert sheet.header_row == 1
    assert sheet.rows[0] == (2, rows[1])


def test_plain_sheet_xml_is_scanned_and_reads_the_same(tmp_path):
    path = tmp_path / "plain.xlsx"
    _with_sheet_xml(path, PLAIN_SHEET, STRINGS)
    scanned, parsed = _paths(path)
    assert scanned is not None and scanned == parsed
    expected, got, *_ = _both(path)
    assert got == expected
    row2 = expected[0][1]
    assert row2[1] == "  text & <more> 一二" and row2[8] == "a\nb\nc"
    assert isinstance(row2[5], datetime) and row2[3] == "#N/A"


def test_what_the_scanner_declines_is_parsed_the_same(tmp_path):
    for name, (old, new) in NOT_PLAIN.items():
        assert old in PLAIN_SHEET, name
        path = tmp_path / f"{len(name)}-{name[:3]}.xlsx"
        _with_sheet_xml(path, PLAIN_SHEET.replace(old, new, 1), STRINGS)
        scanned, parsed = _paths(path)
        assert scanned is None, name
        expected, got, *_ = _both(path)
        assert got == expected, name


def test_a_very_large_sheet_is_parsed_not_held_in_memory(tmp_path, monkeypatch):
    path = tmp_path / "plain.xlsx"
    _with_sheet_xml(path, PLAIN_SHEET, STRINGS)
    monkeypatch.setattr(importer, "_SCAN_MAX_BYTES", 100)
    scanned, _parsed = _paths(path)
    assert scanned is None
    expected, got, *_ = _both(path)
    assert got == expected
