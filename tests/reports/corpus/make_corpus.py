"""Write the import's regression corpus: the same register as different programs save it, and hand-made
variants of the XML they write. The files are committed; tests read them and never need these tools.

    pip install openpyxl xlsxwriter xlwt odfpy msoffcrypto-tool      # the writers from PyPI
    apt-get install libreoffice-calc                                 # soffice, for LibreOffice's own files
    .venv/bin/python tests/reports/corpus/make_corpus.py

What each file must give is in expected.py beside this script (checked by tests/reports/test_import_corpus.py).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(born: date, seq: int, male: bool = True) -> str:
    sex = (seq * 2 + (1 if male else 0)) % 10
    first17 = f"340102{born:%Y%m%d}{seq % 100:02d}{sex}"
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


TITLE = "逍遥津社区居民信息台账（2026年）"
HEADERS = ["序号", "姓名", "身份证号", "性别", "出生日期", "小区", "住址", "联系电话"]
PEOPLE = [  # (name, born, male, address, phone); the compound is merged over the first three rows
    ("张三", date(1948, 3, 5), True, "1单元502", 13812345678),
    ("李四", date(1952, 11, 20), False, "2-301", 13912345678),
    ("王五", date(1950, 7, 1), True, "3栋2单元301室", 13811112222),
    ("赵六", date(1946, 1, 9), False, "5#楼1单元101", 13822223333),
    ("钱七", date(1939, 12, 31), True, "和平路12号", 13833334444),
]
COMPOUNDS = ["逍遥津小区", None, None, "杏花村小区", "杏花村小区"]


def register_rows() -> list[list]:
    rows = []
    for i, ((name, born, male, addr, phone), compound) in enumerate(zip(PEOPLE, COMPOUNDS, strict=True), start=1):
        rows.append([i, name, make_id(born, 10 + i, male), "男" if male else "女", born, compound, addr, phone])
    return rows


# --- writers from PyPI ------------------------------------------------------------------------------------


def by_openpyxl(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "居民台账"
    ws.append([TITLE])
    ws.append(HEADERS)
    for r in register_rows():
        ws.append(r)
    for row in ws.iter_rows(min_row=3, min_col=5, max_col=5):
        row[0].number_format = 'yyyy"年"m"月"d"日"'
    ws.merge_cells("A1:H1")
    ws.merge_cells("F3:F5")
    wb.save(path)


def by_xlsxwriter(path: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("居民台账")
    chinese_date = wb.add_format({"num_format": 27})  # Excel's built-in yyyy"年"m"月" (zh-CN): id 27
    ws.merge_range(0, 0, 0, 7, TITLE)
    ws.write_row(1, 0, HEADERS)
    for i, r in enumerate(register_rows(), start=2):
        ws.write_number(i, 0, r[0])
        ws.write_string(i, 1, r[1])
        ws.write_string(i, 2, r[2])
        ws.write_string(i, 3, r[3])
        ws.write_datetime(i, 4, r[4], chinese_date)
        if r[5] is not None and i != 2:
            ws.write_string(i, 5, r[5])
        ws.write_string(i, 6, r[6])
        ws.write_number(i, 7, r[7])
    ws.merge_range(2, 5, 4, 5, "逍遥津小区")
    wb.close()


def by_xlwt(path: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("居民台账")
    style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 7, TITLE)
    for j, h in enumerate(HEADERS):
        ws.write(1, j, h)
    for i, r in enumerate(register_rows(), start=2):
        for j, v in enumerate(r):
            if j == 5 and (v is None or i == 2):
                continue
            ws.write(i, j, v, style if j == 4 else xlwt.Style.default_style)
    ws.write_merge(2, 4, 5, 5, "逍遥津小区")
    wb.save(str(path))


def by_odfpy(path: Path) -> None:
    """An .ods as LibreOffice lays one out: spanned cells, repeated empty rows and columns to the sheet's end."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="居民台账")
    table.addElement(TableColumn(numbercolumnsrepeated=1024))

    def cell(value=None, **kw):
        if value is None:
            return TableCell(**kw)
        if isinstance(value, int):
            c = TableCell(valuetype="float", value=value, **kw)
        elif isinstance(value, date):
            c = TableCell(valuetype="date", datevalue=value.isoformat(), **kw)
        else:
            c = TableCell(valuetype="string", **kw)
        c.addElement(P(text=str(value)))
        return c

    title = TableRow()
    title.addElement(cell(TITLE, numbercolumnsspanned=8, numberrowsspanned=1))
    title.addElement(CoveredTableCell(numbercolumnsrepeated=7))
    title.addElement(TableCell(numbercolumnsrepeated=1016))
    table.addElement(title)
    head = TableRow()
    for h in HEADERS:
        head.addElement(cell(h))
    head.addElement(TableCell(numbercolumnsrepeated=1016))
    table.addElement(head)
    for i, r in enumerate(register_rows()):
        row = TableRow()
        for j, v in enumerate(r):
            if j == 5 and i == 0:
                row.addElement(cell("逍遥津小区", numberrowsspanned=3, numbercolumnsspanned=1))
            elif j == 5 and i in (1, 2):
                row.addElement(CoveredTableCell())
            else:
                row.addElement(cell(v))
        row.addElement(TableCell(numbercolumnsrepeated=1016))
        table.addElement(row)
    rest = TableRow(numberrowsrepeated=1048569)
    rest.addElement(TableCell(numbercolumnsrepeated=1024))
    table.addElement(rest)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def by_libreoffice(source: Path, fmt: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", fmt,
                        "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=180)
        shutil.move(str(Path(tmp) / f"{source.stem}.{fmt.split(':')[0]}"), out)


def encrypted(source: Path, out: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as f, out.open("wb") as o:
        OOXMLFile(f).encrypt("台账2026", o)


# --- hand-made XML ---------------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(n, d)


def base_parts(sheets: int = 1) -> dict[str, bytes]:
    """An openpyxl workbook's parts (content types, rels, styles with a date format as style 1)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "居民台账"
    wb.active["A1"] = 1
    wb.active["B1"] = date(1948, 3, 5)
    for i in range(1, sheets):
        wb.create_sheet(f"Sheet{i + 1}")["A1"] = 1
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(buf) as z:
        return {n: z.read(n) for n in z.namelist()}


def with_strings(parts: dict[str, bytes], sst: str) -> None:
    parts["xl/sharedStrings.xml"] = sst.encode()
    ct = parts["[Content_Types].xml"].decode()
    if "sharedStrings" not in ct:
        parts["[Content_Types].xml"] = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                                                  '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    if "sharedStrings" not in rels:
        parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", '<Relationship Id="rIdSST" Type="http://schemas.'
                                                           'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                                           'Target="sharedStrings.xml"/></Relationships>').encode()


def istr(ref: str, text: str, p: str = "") -> str:
    return f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{text}</{p}t></{p}is></{p}c>'


def num(ref: str, v, p: str = "", s: str = "") -> str:
    style = f' s="{s}"' if s else ""
    return f'<{p}c r="{ref}"{style}><{p}v>{v}</{p}v></{p}c>'


def register_xml(p: str = "", first_row: int = 1) -> str:
    """The register as sheet XML: a title row, headers, rows (inline strings; the compound merged)."""
    r0 = first_row
    rows = [f'<{p}row r="{r0}">{istr(f"A{r0}", TITLE, p)}</{p}row>',
            f'<{p}row r="{r0 + 1}">' + "".join(istr(f"{chr(65 + j)}{r0 + 1}", h, p) for j, h in enumerate(HEADERS)) + f"</{p}row>"]
    for i, r in enumerate(register_rows()):
        n = r0 + 2 + i
        cells = [num(f"A{n}", r[0], p), istr(f"B{n}", r[1], p), istr(f"C{n}", r[2], p), istr(f"D{n}", r[3], p),
                 num(f"E{n}", (r[4] - date(1899, 12, 30)).days, p, s="1")]
        if r[5]:
            cells.append(istr(f"F{n}", r[5], p))
        cells += [istr(f"G{n}", r[6], p), num(f"H{n}", r[7], p)]
        rows.append(f'<{p}row r="{n}">' + "".join(cells) + f"</{p}row>")
    return "".join(rows)


def sheet_xml(body: str, p: str = "", ns: str = MAIN, merges=(), dimension: str = "", extra_ns: str = "") -> str:
    decl = f'xmlns:{p[:-1]}="{ns}"' if p else f'xmlns="{ns}"'
    dim = f'<{p}dimension ref="{dimension}"/>' if dimension else ""
    mc = ""
    if merges:
        mc = f'<{p}mergeCells count="{len(merges)}">' + "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges) + f"</{p}mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {decl}{extra_ns}>{dim}'
            f"<{p}sheetData>{body}</{p}sheetData>{mc}</{p}worksheet>")


def hand_made(name: str, sheet: str, *, sst: str | None = None, workbook=None, parts_fn=None, sheets: int = 1) -> None:
    parts = base_parts(sheets)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    if sst is not None:
        with_strings(parts, sst)
    if workbook is not None:
        parts["xl/workbook.xml"] = workbook(parts["xl/workbook.xml"].decode()).encode()
    if parts_fn is not None:
        parts_fn(parts)
    write_parts(HERE / name, parts)


MERGES = ("A1:H1", "F3:F5")


def strict(parts: dict[str, bytes]) -> None:
    for n in list(parts):
        if n.endswith(".xml") or n.endswith(".rels"):
            parts[n] = (parts[n].replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                         b"http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace(b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                 b"http://purl.oclc.org/ooxml/officeDocument/relationships"))


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    by_openpyxl(HERE / "openpyxl.xlsx")
    by_xlsxwriter(HERE / "xlsxwriter.xlsx")
    by_xlwt(HERE / "xlwt.xls")
    by_odfpy(HERE / "odfpy-styled-to-the-end.ods")
    src = tmp / "register.xlsx"
    shutil.copy(HERE / "openpyxl.xlsx", src)
    for fmt, out in (("xlsx", "libreoffice.xlsx"), ("ods", "libreoffice.ods"), ("xls", "libreoffice.xls")):
        by_libreoffice(src, fmt, HERE / out)
    shutil.copy(HERE / "libreoffice.xls", HERE / "wps-as-xls.et")  # WPS's .et: an .xls (BIFF8) file by another name
    shutil.copy(HERE / "xlsxwriter.xlsx", HERE / "wps-as-xlsx.et")  # …or an .xlsx one
    encrypted(HERE / "openpyxl.xlsx", HERE / "password.xlsx")

    body = register_xml()
    hand_made("prefix-x.xlsx", sheet_xml(register_xml("x:"), p="x:", merges=MERGES))  # WPS, .NET
    hand_made("prefix-ns2.xlsx", sheet_xml(register_xml("ns2:"), p="ns2:", merges=MERGES))  # Tencent Docs
    hand_made("strict.xlsx", sheet_xml(body, merges=MERGES), parts_fn=strict)
    # Tencent Docs: <dimension ref="A1"/> over the whole table; a register that declares A1:G10 but has more
    hand_made("dimension-a1.xlsx", sheet_xml(body, merges=MERGES, dimension="A1"))
    hand_made("dimension-too-small.xlsx", sheet_xml(body, merges=MERGES, dimension="A1:C4"))
    hand_made("dimension-huge.xlsx", sheet_xml(body, merges=MERGES, dimension="A1:XFD1048576"))
    # shared strings with rich text runs, phonetic runs (furigana-like 拼音), escapes, entities
    sst = (f'<sst xmlns="{MAIN}" count="6" uniqueCount="6"><si><t>姓名</t></si><si><r><t>联系</t></r><r><rPr><b/>'
           '</rPr><t>电话</t></r></si><si><t>单</t><rPh sb="0" eb="1"><t>shàn</t></rPh><phoneticPr fontId="1"/></si>'
           '<si><t>第一行_x000D_\n第二行</t></si><si><t>&lt;备注&gt; &amp; &#x4E00;</t></si><si><t xml:space="preserve"> 空格 </t></si></sst>')
    strings_body = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is>'
                    '<t>备注</t></is></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13812345678</v></c>'
                    '<c r="C2" t="s"><v>3</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><r><t>富</t></r><r>'
                    '<rPr><b/></rPr><t>文本</t></r></is></c><c r="B3" t="str"><v>13912345678</v></c><c r="C3" t="s">'
                    '<v>4</v></c></row><row r="4"><c r="A4" t="s"><v>5</v></c><c r="B4" t="e"><v>#N/A</v></c>'
                    '<c r="C4" t="b"><v>1</v></c></row>')
    hand_made("rich-phonetic-escapes.xlsx", sheet_xml(strings_body), sst=sst)
    # dates: the 1904 system; Excel's built-in Chinese date formats 27–36 and 50–58; a custom 年月日 format
    hand_made("dates-1904.xlsx", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>出生日期</t></is></c></row>'
                                           '<row r="2"><c r="A2" s="1"><v>16135</v></c></row>'),
              workbook=lambda x: re.sub(r"<workbookPr\b", '<workbookPr date1904="1"', x) if "<workbookPr" in x
              else x.replace("<bookViews", '<workbookPr date1904="1"/><bookViews'))
    formats = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 176]

    def chinese_styles(parts: dict[str, bytes]) -> None:
        x = parts["xl/styles.xml"].decode()
        x = re.sub(r"<numFmts.*?</numFmts>", "", x, flags=re.S)
        x = x.replace("<fonts", '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;'
                                'd&quot;日&quot;"/></numFmts><fonts', 1)
        xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>' for i in formats)
        x = re.sub(r"<cellXfs[^>]*>.*?</cellXfs>", f'<cellXfs count="{len(formats) + 1}"><xf numFmtId="0" fontId="0" '
                   f'fillId="0" borderId="0" xfId="0"/>{xfs}</cellXfs>', x, flags=re.S)
        parts["xl/styles.xml"] = x.encode()

    def col(i: int) -> str:
        return chr(65 + i) if i < 26 else "A" + chr(65 + i - 26)

    dates_body = ('<row r="1">' + "".join(f'<c r="{col(i)}1" t="inlineStr"><is><t>格式{f}</t></is></c>' for i, f in enumerate(formats))
                  + '</row><row r="2">' + "".join(f'<c r="{col(i)}2" s="{i + 1}"><v>17597</v></c>' for i in range(len(formats))) + "</row>")
    hand_made("dates-chinese-formats.xlsx", sheet_xml(dates_body), parts_fn=chinese_styles)
    # far cells: one value at XFD1048576; a stray value far below a register; styles (no values) to the end
    hand_made("far-cell-XFD1048576.xlsx", sheet_xml(body + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                                                    merges=MERGES))
    hand_made("stray-far-row.xlsx", sheet_xml(body + '<row r="1048570"><c r="B1048570" t="inlineStr"><is><t>x</t></is>'
                                                     '</c></row>', merges=MERGES))
    styled = "".join(f'<row r="{n}" s="1" customFormat="1"><c r="A{n}" s="1"/><c r="XFD{n}" s="1"/></row>'
                     for n in range(8, 60000))
    hand_made("styled-to-the-end.xlsx", sheet_xml(body + styled + '<row r="1048576"><c r="XFD1048576" s="1"/></row>',
                                                  merges=MERGES))
    # cells written without coordinates (measured exactly, placed in order)
    bare = "".join("<row>" + "".join(f"<c t=\"inlineStr\"><is><t>{v}</t></is></c>" for v in r) + "</row>"
                   for r in (["姓名", "联系电话"], ["张三", "13812345678"], ["李四", "13912345678"]))
    hand_made("no-coordinates.xlsx", sheet_xml(bare))
    # sheets: the first hidden; the second active; all hidden; a chart sheet only
    two = '<sheets><sheet name="说明" sheetId="1" state="hidden" r:id="rId1"/><sheet name="居民台账" sheetId="2" r:id="rId2"/></sheets>'
    hand_made("hidden-first-sheet.xlsx", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>旧表</t></is></c></row>'),
              sheets=2, workbook=lambda x: re.sub(r"<sheets>.*</sheets>", two, x),
              parts_fn=lambda p: p.__setitem__("xl/worksheets/sheet2.xml", sheet_xml(body, merges=MERGES).encode()))
    hand_made("active-second-sheet.xlsx", sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>旧表</t></is></c></row>'),
              sheets=2, workbook=lambda x: re.sub(r"<workbookView\b([^>]*?)/>", lambda m: '<workbookView' + re.sub(
                  r'\s*activeTab="\d+"', "", m.group(1)) + ' activeTab="1"/>', x),
              parts_fn=lambda p: p.__setitem__("xl/worksheets/sheet2.xml", sheet_xml(body, merges=MERGES).encode()))
    hand_made("all-sheets-hidden.xlsx", sheet_xml(body, merges=MERGES),
              workbook=lambda x: re.sub(r'(<sheet [^>]*?)(/>)', r'\1 state="hidden"\2', x))
    chart_only(HERE / "chart-sheet-only.xlsx")
    # damaged or hostile
    hand_made("no-shared-strings-part.xlsx", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;'
            '&lol;&lol;&lol;">]>' f'<sst xmlns="{MAIN}"><si><t>&lol2;</t></si></sst>')
    hand_made("entity-bomb.xlsx", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), sst=bomb)
    hand_made("workbook-part-renamed.xlsx", sheet_xml(body, merges=MERGES), parts_fn=renamed_workbook)
    (HERE / "web-page-saved-as.xls").write_text("<html><body><table><tr><td>姓名</td></tr><tr><td>张三</td></tr></table>"
                                                "</body></html>", encoding="utf-8")
    (HERE / "csv-saved-as.xlsx").write_text("姓名,联系电话\n张三,13812345678\n", encoding="utf-8")
    (HERE / "xml-spreadsheet-2003.xml").write_text(
        '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S">'
        "</Worksheet></Workbook>", encoding="utf-8")
    (HERE / "truncated.xlsx").write_bytes((HERE / "openpyxl.xlsx").read_bytes()[:3000])
    shutil.rmtree(tmp, ignore_errors=True)


def renamed_workbook(parts: dict[str, bytes]) -> None:
    """The workbook part where _rels/.rels says, not at xl/workbook.xml (some Java exporters): calamine does not
    find it, openpyxl does (the fallback)."""
    parts["xl/book.xml"] = parts.pop("xl/workbook.xml")
    parts["xl/_rels/book.xml.rels"] = parts.pop("xl/_rels/workbook.xml.rels")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"xl/workbook.xml", b"xl/book.xml")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"/xl/workbook.xml", b"/xl/book.xml")


def chart_only(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    wb = Workbook()
    ws = wb.active
    for r in ([1], [2], [3]):
        ws.append(r)
    cs = wb.create_chartsheet("图表")
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, min_row=1, max_row=3))
    cs.add_chart(chart)
    wb.active = 1
    wb.save(path)
    parts = parts_of(path)  # then the worksheet leaves the workbook's list of sheets: a chart sheet alone
    parts["xl/workbook.xml"] = re.sub(rb'<sheet name="Sheet"[^>]*/>', b"", parts["xl/workbook.xml"])
    write_parts(path, parts)


if __name__ == "__main__":
    main()
