"""Excel import of the registers stations keep (台账): residents, volunteers, meal recipients.

Three steps, Qt-free, each usable from the page and the CLI:

  read_sheet(path)                       the sheet's cells (merged cells filled in), the header row found
                                         by its Chinese headers, a label per column;
  guess_mapping(labels, kind, remembered) column → field, from the headers (姓名, 身份证号, 联系电话, 住址 …)
                                         and the mappings this station confirmed before;
  dry_run(s, actor, sheet, mapping, …)   every row parsed, then all rows validated with the residents
                                         service's own rules (residents.service.clean_many: _clean's checks,
                                         each distinct value checked once), then matched against the
                                         database: add, update, skip or reject, each rejection with its row
                                         number and reason;
  apply_import(s, actor, plan, …)        the same matching again inside the caller's one writing
                                         transaction (the database may have changed since the dry run),
                                         then the writes. Cancel (Progress) rolls everything back.

Spreadsheet quirks handled: merged header cells (group headers above sub-headers, vertical merges) and
merged data cells (a compound written once for several rows); ID numbers stored as numbers or in
scientific notation (precision loss detected and rejected with a clear message); 15-digit old IDs
(rejected by core.validation with its message); full-width digits; dates as Excel serials, real dates,
or text like 1948.3.5 / 1948年3月5日 / 19480305; blank rows (skipped) and the same person twice (the second
row skipped, or rejected when its details differ).

Importing the same file twice changes nothing: a person is recognised by ID number, else by name and
phone, else by name and address; a row whose values equal what is stored is skipped as unchanged.

Reading: the sheet XML is scanned as text when it is laid out the way Excel, WPS and openpyxl write it,
else parsed with openpyxl's XML parser; either way the values are those of openpyxl's read-only
ws.iter_rows(values_only=True) (openpyxl's own Python per cell was most of the read time).

Writes: residents through residents.service (update_resident always; create_resident for up to
BULK_THRESHOLD new residents). Above that, new residents are written in bulk — the same cleaned values
(residents.service.clean_many / _clean), the same search keys and sort key, one audit entry listing every
new id — because create_resident costs ~20 ms a row (ORM objects for ~20 search keys and a flushed audit
entry each), i.e. ~17 minutes for 50,000 rows. Volunteers and meal recipients go through rosters.service
.add_volunteer / set_member_role and meals.service.create_recipient / update_recipient.
"""

from __future__ import annotations

import functools
import gc
import json
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import ConflictError, SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import fold
from desktop_app.reports.service import IMPORT_REGISTERS, feature_module

KINDS = ("residents", "volunteers", "meal_recipients")
KIND_LABELS = {
    "residents": QT_TRANSLATE_NOOP("Import", "Residents"),
    "volunteers": QT_TRANSLATE_NOOP("Import", "Volunteers"),
    "meal_recipients": QT_TRANSLATE_NOOP("Import", "Meal recipients"),
}
BULK_THRESHOLD = 1000
HEADER_SCAN_ROWS = 15

# field → (label, header words). Exact matches first, then the longest word contained in the header.
RESIDENT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": (QT_TRANSLATE_NOOP("Fields", "Name"), ("姓名", "名字", "居民姓名", "老人姓名", "志愿者姓名", "户主姓名", "name")),
    "id_number": (QT_TRANSLATE_NOOP("Fields", "ID number"),
                  ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "idnumber")),
    "gender": (QT_TRANSLATE_NOOP("Fields", "Gender"), ("性别", "gender")),
    "birth_date": (QT_TRANSLATE_NOOP("Fields", "Birth date"), ("出生日期", "出生年月日", "出生年月", "生日", "birthdate")),
    "phone": (QT_TRANSLATE_NOOP("Fields", "Phone"),
              ("联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "本人电话", "联系方式", "phone")),
    "address": (QT_TRANSLATE_NOOP("Fields", "Address"), ("住址", "家庭住址", "地址", "居住地址", "现住址", "详细地址", "address")),
    "community": (QT_TRANSLATE_NOOP("Fields", "Community"), ("社区", "所属社区")),
    "compound": (QT_TRANSLATE_NOOP("Fields", "Compound"), ("小区", "小区名称", "所在小区")),
    "building": (QT_TRANSLATE_NOOP("Fields", "Building"), ("楼栋", "楼号", "栋", "幢", "楼栋号")),
    "unit": (QT_TRANSLATE_NOOP("Fields", "Unit"), ("单元", "单元号")),
    "room": (QT_TRANSLATE_NOOP("Fields", "Room"), ("房号", "门牌号", "室", "房间号")),
    "grid": (QT_TRANSLATE_NOOP("Fields", "Grid"), ("网格", "所属网格", "网格名称")),
    "emergency_contact": (QT_TRANSLATE_NOOP("Fields", "Emergency contact"), ("紧急联系人", "监护人", "联系人")),
    "emergency_phone": (QT_TRANSLATE_NOOP("Fields", "Emergency phone"),
                        ("紧急联系电话", "紧急联系人电话", "监护人电话", "联系人电话", "家属电话")),
    "notes": (QT_TRANSLATE_NOOP("Fields", "Notes"), ("备注", "说明", "notes")),
    "tags": (QT_TRANSLATE_NOOP("Import", "Categories (独居、低保 …)"), ("人员类别", "类别", "标签", "特殊人群", "人群类别")),
    "lives_alone": (QT_TRANSLATE_NOOP("Tags", "lives alone"), ("独居", "是否独居", "独居老人")),
    "disabled": (QT_TRANSLATE_NOOP("Tags", "disabled"), ("残疾", "是否残疾", "残疾人")),
    "extreme_hardship": (QT_TRANSLATE_NOOP("Tags", "extreme hardship"), ("特困", "是否特困", "特困人员")),
    "minimum_living_allowance": (QT_TRANSLATE_NOOP("Tags", "minimum living allowance"), ("低保", "是否低保", "低保户")),
    "party_member": (QT_TRANSLATE_NOOP("Tags", "party member"), ("党员", "是否党员", "政治面貌")),
    "veteran": (QT_TRANSLATE_NOOP("Tags", "veteran"), ("退役军人", "是否退役军人")),
}
VOLUNTEER_FIELDS = {
    "team": (QT_TRANSLATE_NOOP("Import", "Team"), ("队伍", "所属队伍", "服务队", "志愿服务队", "队伍名称", "所在队伍")),
    "role": (QT_TRANSLATE_NOOP("Import", "Role in the team"), ("职务", "角色", "队内职务")),
    "joined_on": (QT_TRANSLATE_NOOP("Import", "Joined on"), ("加入日期", "入队时间", "入队日期", "加入时间")),
}
MEAL_FIELDS = {
    "service": (QT_TRANSLATE_NOOP("Import", "Service (delivery / dine-in)"), ("服务方式", "就餐方式", "助餐方式")),
    "meals": (QT_TRANSLATE_NOOP("Import", "Meals (lunch / dinner)"), ("餐次", "用餐餐次", "订餐")),
    "days": (QT_TRANSLATE_NOOP("Import", "Days of the week"), ("送餐日", "就餐日", "用餐日", "星期")),
    "delivery_address": (QT_TRANSLATE_NOOP("Fields", "Delivery address"), ("送餐地址",)),
    "subsidy_tier": (QT_TRANSLATE_NOOP("Fields", "Subsidy tier"), ("补贴档次", "补贴类别", "补贴标准", "补贴类型")),
    "diet": (QT_TRANSLATE_NOOP("Import", "Diet"), ("忌口", "饮食要求", "饮食禁忌", "饮食")),
}
TAG_WORDS = {"独居": "lives_alone", "残疾": "disabled", "特困": "extreme_hardship", "低保": "minimum_living_allowance",
             "党员": "party_member", "退役军人": "veteran", "退伍": "veteran"}
TAGS = ("lives_alone", "disabled", "extreme_hardship", "minimum_living_allowance", "party_member", "veteran")
ADDRESS_FIELDS = ("community", "compound", "building", "unit", "room")

F_ID = QT_TRANSLATE_NOOP("Fields", "ID number")
F_FILE = QT_TRANSLATE_NOOP("Fields", "Excel file")
F_MAPPING = QT_TRANSLATE_NOOP("Fields", "Column mapping")
F_TEAM = QT_TRANSLATE_NOOP("Import", "Team")

ACTIONS = ("add", "update", "skip", "reject")
ACTION_LABELS = {
    "add": QT_TRANSLATE_NOOP("Import", "add"),
    "update": QT_TRANSLATE_NOOP("Import", "update"),
    "skip": QT_TRANSLATE_NOOP("Import", "skip"),
    "reject": QT_TRANSLATE_NOOP("Import", "reject"),
}


def _gc_paused(fn):
    """Run fn with Python's cyclic garbage collector paused (and resumed after, if it was on).

    Each step of an import allocates millions of small objects that stay alive until the step ends (cells,
    candidates, cleaned values, rows to write); the collector re-scans everything alive each time the live
    objects grow by a quarter: 14 full collections took 4.3 of 16.7 CPU seconds for 50,000 rows. These steps
    make no reference cycles worth collecting early; whatever there is is collected after the step."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return wrapper


def fields_for(kind: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    if kind == "volunteers":
        return {**RESIDENT_FIELDS, **VOLUNTEER_FIELDS}
    if kind == "meal_recipients":
        return {**RESIDENT_FIELDS, **MEAL_FIELDS}
    return dict(RESIDENT_FIELDS)


@dataclass(frozen=True)
class Reason:
    """Why a row is skipped or rejected: a translatable message (context "Import") with its values."""

    message: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return translate("Import", self.message, **dict(self.params))


def reason(message: str, **params) -> Reason:
    return Reason(message, tuple(params.items()))


def reason_text(r: Reason | SmileDeskError | None) -> str:
    return "" if r is None else r.text()


# --- reading the sheet ------------------------------------------------------------------------------


@dataclass
class Sheet:
    path: Path
    sheet_name: str
    sheet_names: list[str]
    header_row: int  # 1-based Excel row of the headers
    labels: list[str]  # one per column
    rows: list[tuple[int, list[Any]]]  # (Excel row number, values), after the header row
    merged: int = 0  # merged ranges found (and filled in)


_MERGE_RE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + (ord(ch) - 64)
    return n


def _merged_ranges(ws) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of merged cells, read from the sheet XML (read-only mode has none)."""
    src = ws._get_source()  # openpyxl's read-only worksheet: the sheet's XML stream
    try:
        data = src.read()
    finally:
        src.close()
    start = data.rfind(b"<mergeCells")
    if start < 0:
        return []
    out = []
    for m in _MERGE_RE.finditer(data, start):
        c1, r1 = _col_index(m.group(1)), int(m.group(2))
        c2, r2 = (_col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
        out.append((r1, c1, r2, c2))
    return out


# openpyxl's read-only worksheet spends ~0.1 ms a cell in its own Python (a Text object per inline string, a
# dict per cell): ~5 s for a 50,000-row register before any of our work starts. Two readers replace it:
# _scan_rows scans the sheet XML as text when it is laid out as Excel, WPS and openpyxl write it (~1 s), else
# _row_cells uses openpyxl's own XML parser (the same iterparse, safety included). Both handle the common cells
# themselves — a number, a shared string, an inline plain string, str/bool — and hand every other cell (dates,
# errors, unknown types; _row_cells also formulas and rich text) to openpyxl's own parse_cell, so the values are
# exactly those of ws.iter_rows(values_only=True) (tests/reports/test_fast_reader.py compares them).


def _load_workbook(path: Path):
    """openpyxl.load_workbook(path, read_only=True, data_only=True), with plain shared strings read faster."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class Reader(ExcelReader):
        def read_strings(self):
            ct = self.package.find(SHARED_STRINGS)
            if ct is None or self.rich_text:
                return super().read_strings()
            with self.archive.open(ct.PartName[1:]) as src:
                self.shared_strings = _read_shared_strings(src)

    reader = Reader(path, read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _read_shared_strings(src) -> list[str]:
    """openpyxl.reader.strings.read_string_table, with the plain <si><t>…</t></si> done without a Text object."""
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    si_tag, t_tag = f"{{{SHEET_MAIN_NS}}}si", f"{{{SHEET_MAIN_NS}}}t"
    strings = []
    for _, node in iterparse(src):
        if node.tag == si_tag:
            if len(node) == 1 and node[0].tag == t_tag and not len(node[0]):
                text = node[0].text or ""
            else:
                text = Text.from_tree(node).content
            strings.append(text.replace("x005F_", ""))
            node.clear()
    return strings


def _row_cells(wb, ws):
    """(row number, [(column, value), …]) per <row> of the sheet, as openpyxl's WorkSheetParser.parse gives them."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, ROW_TAG, VALUE_TAG, WorkSheetParser, _cast_number
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    t_tag = f"{{{SHEET_MAIN_NS}}}t"
    shared = ws._shared_strings
    dates = wb._date_formats
    columns: dict[str, int] = {}
    src = ws._get_source()
    parser = WorkSheetParser(src, shared, data_only=True, epoch=wb.epoch, date_formats=dates,
                             timedelta_formats=wb._timedelta_formats)
    row_no = 0
    try:
        for _ev, el in iterparse(src):
            if el.tag != ROW_TAG:
                continue
            r = el.get("r")
            if r is None:
                row_no += 1
            else:
                try:
                    row_no = int(r)
                except ValueError:
                    val = float(r)
                    if not val.is_integer():
                        raise ValueError(f"{r} is not a valid row number") from None
                    row_no = int(val)
            col = 0
            cells = []
            append = cells.append
            for c in el:
                coord = c.get("r")
                if coord:
                    letters = coord.rstrip("0123456789")
                    known = columns.get(letters)
                    if known is None:
                        known = coordinate_to_tuple(coord)[1]
                        if letters.isalpha() and len(letters) < len(coord):
                            columns[letters] = known
                    col = known
                else:
                    col += 1
                t = c.get("t", "n")
                style = c.get("s", 0)
                if style:
                    style = int(style)
                n = len(c)
                if t == "inlineStr":
                    if n == 0:
                        append((col, None))
                        continue
                    first = c[0]
                    if n == 1 and first.tag == INLINE_STRING and len(first) == 1 and first[0].tag == t_tag \
                            and not len(first[0]):
                        append((col, first[0].text or ""))
                        continue
                elif n == 0:
                    append((col, None))
                    continue
                elif n == 1 and c[0].tag == VALUE_TAG:
                    v = c[0].text
                    if not v:
                        append((col, None))
                        continue
                    if t == "n":
                        if style not in dates:
                            append((col, _cast_number(v)))
                            continue
                    elif t == "s":
                        append((col, shared[int(v)]))
                        continue
                    elif t == "str":
                        append((col, v))
                        continue
                    elif t == "b":
                        append((col, bool(int(v))))
                        continue
                parser.row_counter, parser.col_counter = row_no, col - 1  # anything else: openpyxl's own parse_cell
                cell = parser.parse_cell(c)
                col = cell["column"]
                append((col, cell["value"]))
            el.clear()
            yield row_no, cells
    finally:
        src.close()


class _NotPlain(Exception):
    """The sheet XML holds something _scan_rows does not read: _row_cells (the XML parser) reads it instead."""


_SCAN_MAX_BYTES = 100_000_000
_MAIN_XMLNS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_ROW_RE = re.compile(r'\s*<row((?:\s+[\w:.-]+="[^"<&]*")*)\s*(/?>)')
_ROW_END_RE = re.compile(r"\s*</row>")
_ROW_NUMBER_RE = re.compile(r'\sr="([^"]*)"')
_CELL_RE = re.compile(
    r'\s*<c(?: r="([A-Z]{1,3})[1-9][0-9]*")?(?: s="([0-9]+)")?(?: t="([A-Za-z]+)")?\s*'
    r"(?:/>|>(?:<v>([^<]*)</v>|<v/>|<is><t(?: xml:space=\"preserve\")?>([^<]*)</t></is>|<is>(<t/>)</is>)?</c>)")
_ENTITY_RE = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_BAD_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _entity(m: re.Match) -> str:
    if m.group(1):
        return _ENTITIES[m.group(1)]
    cp = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
    if not (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF):
        raise _NotPlain  # the XML parser refuses it: let it
    return chr(cp)


def _xml_text(text: str) -> str:
    """Character data as an XML parser returns it: line ends normalised, the five entities and character
    references replaced (anything else: _NotPlain)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        if text.count("&") != len(_ENTITY_RE.findall(text)):
            raise _NotPlain
        text = _ENTITY_RE.sub(_entity, text)
    return text


def _scan_rows(wb, ws) -> list[tuple[int, list[tuple[int, Any]]]]:
    """_row_cells by scanning the sheet XML text, for the way Excel, WPS and openpyxl write sheets (no comments,
    CDATA, prefixes or redeclared namespaces; cells as <c r= s= t=> with <v> or <is><t>). Anything else raises
    _NotPlain before a row is used. Values that are not plain (dates, errors, …) go through openpyxl's parse_cell."""
    from xml.etree.ElementTree import Element, SubElement

    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.worksheet._reader import CELL_TAG, VALUE_TAG, WorkSheetParser, _cast_number

    if wb._archive.getinfo(ws._worksheet_path).file_size > _SCAN_MAX_BYTES:
        raise _NotPlain  # the whole text in memory at once: only for sheets of up to ~200,000 rows
    with ws._get_source() as src:
        data = src.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(b"<?xml"):
        decl = data[:data.find(b"?>") + 2].lower()
        if b"encoding" in decl and not re.search(rb"""encoding\s*=\s*["']utf-?8["']""", decl):
            raise _NotPlain
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotPlain from None
    del data
    if "<!" in text or text.find("<?", 1) >= 0 or text.count("xmlns=") != 1 or _MAIN_XMLNS not in text \
            or text.count("<sheetData") != 1 or _BAD_XML_CHAR.search(text):
        raise _NotPlain
    start = text.index("<sheetData") + len("<sheetData")
    if text.startswith("/>", start):
        return []
    if not text.startswith(">", start) or text.count("</sheetData>") != 1:
        raise _NotPlain
    end = text.index("</sheetData>")
    shared = ws._shared_strings
    dates = wb._date_formats
    parser = None
    columns: dict[str, int] = {}
    rows: list[tuple[int, list[tuple[int, Any]]]] = []
    row_match, cell_match, row_end = _ROW_RE.match, _CELL_RE.match, _ROW_END_RE.match
    pos, row_no = start + 1, 0
    while True:
        m = row_match(text, pos, end)
        if m is None:
            if text[pos:end].strip():
                raise _NotPlain
            return rows
        r = _ROW_NUMBER_RE.search(m.group(1))
        if r is None:
            row_no += 1
        else:
            try:
                row_no = int(r.group(1))
            except ValueError:
                val = float(r.group(1))
                if not val.is_integer():
                    raise ValueError(f"{r.group(1)} is not a valid row number") from None
                row_no = int(val)
        pos = m.end()
        cells: list[tuple[int, Any]] = []
        rows.append((row_no, cells))
        if m.group(2) == "/>":
            continue
        col = 0
        while (c := cell_match(text, pos, end)) is not None:
            pos = c.end()
            letters, style, t, v, inline, empty_t = c.groups()
            if letters is None:
                col += 1
            else:
                col = columns.get(letters) or columns.setdefault(letters, column_index_from_string(letters))
            if t is None or t == "n":
                if not v:
                    cells.append((col, None))
                    continue
                if not style or int(style) not in dates:
                    cells.append((col, _cast_number(_xml_text(v))))
                    continue
            elif t == "inlineStr":
                cells.append((col, _xml_text(inline) if inline is not None else "" if empty_t else None))
                continue
            elif not v:
                cells.append((col, None))
                continue
            elif t == "s":
                cells.append((col, shared[int(_xml_text(v))]))
                continue
            elif t == "str":
                cells.append((col, _xml_text(v)))
                continue
            elif t == "b":
                cells.append((col, bool(int(_xml_text(v)))))
                continue
            # a date-formatted number, an error, an ISO date, an unknown type: openpyxl's own parse_cell
            if parser is None:
                parser = WorkSheetParser(None, shared, data_only=True, epoch=wb.epoch, date_formats=dates,
                                         timedelta_formats=wb._timedelta_formats)
            el = Element(CELL_TAG, {k: val for k, val in (("s", style), ("t", t)) if val is not None})
            SubElement(el, VALUE_TAG).text = _xml_text(v)
            parser.row_counter, parser.col_counter = row_no, col - 1
            cells.append((col, parser.parse_cell(el)["value"]))
        e = row_end(text, pos, end)
        if e is None:
            raise _NotPlain
        pos = e.end()


def _sheet_values(wb, ws):
    """The rows of ws.iter_rows(values_only=True) (openpyxl's _cells_by_row and _get_row), from _row_cells."""
    max_col, max_row = ws.max_column, ws.max_row
    empty_row = (None,) * max_col if max_col is not None else ()
    counter = idx = 1
    try:
        parsed = _scan_rows(wb, ws)
    except _NotPlain:
        parsed = _row_cells(wb, ws)
    for idx, cells in parsed:
        if max_row is not None and idx > max_row:
            break
        for _ in range(counter, idx):
            counter += 1
            yield empty_row
        if counter <= idx:
            counter += 1
            if not cells and not max_col:
                yield ()
                continue
            width = max_col or cells[-1][0]
            row = [None] * width
            for col, value in cells:
                if 1 <= col <= width:
                    row[col - 1] = value
            yield tuple(row)
    if max_row is not None and max_row < idx:
        for _ in range(counter, max_row + 1):
            yield empty_row


def normalise_header(text: Any) -> str:
    t = fold("" if text is None else str(text)).lower()
    t = re.sub(r"[\s*＊:：]", "", t)
    t = re.sub(r"[(（\[【].*?[)）\]】]", "", t)  # 身份证号（必填） → 身份证号
    return t


def _known_headers(kind: str) -> list[tuple[str, str]]:
    words = [(normalise_header(w), key) for key, (_l, ws) in fields_for(kind).items() for w in ws]
    return sorted(words, key=lambda x: -len(x[0]))


def _header_score(values: Sequence[Any], known: list[tuple[str, str]]) -> int:
    """How many different fields a row's cells name (a merged title repeated across cells counts once)."""
    exact = dict(known)
    found: set[str] = set()
    for h in {normalise_header(v) for v in values}:
        if not h or len(h) > 12:
            continue
        key = exact.get(h) or next((k for w, k in known if len(w) >= 2 and w in h), None)
        if key:
            found.add(key)
    return len(found)


@_gc_paused
def read_sheet(path: str | Path, *, sheet: str | None = None, kind: str = "residents",
               progress: Progress = NO_PROGRESS) -> Sheet:
    """The sheet's rows with merged cells filled in and the header row found (values as openpyxl reads them)."""
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        wb = _load_workbook(path)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ValidationError(F_FILE, QT_TRANSLATE_NOOP(
            "Errors", "“{name}” cannot be read as an Excel workbook (.xlsx): {detail}. Save it from Excel as .xlsx and try again."),
            name=path.name, detail=type(exc).__name__) from None
    try:
        names = list(wb.sheetnames)
        if sheet is not None and sheet not in names:
            raise ValidationError(F_FILE, QT_TRANSLATE_NOOP("Errors", "has no sheet called “{sheet}”; choose one of its sheets."),
                                  sheet=sheet)
        ws = wb[sheet or names[0]]
        merges = _merged_ranges(ws)
        total = ws.max_row or 0
        grid: list[list[Any]] = []
        for i, row in enumerate(_sheet_values(wb, ws), start=1):
            grid.append(list(row))
            if i % 2000 == 0:
                progress(i, max(total, i), translate("Import", "Reading the sheet"))
    finally:
        wb.close()
    width = max((len(r) for r in grid), default=0)
    for r in grid:
        if len(r) < width:
            r.extend([None] * (width - len(r)))
    for r1, c1, r2, c2 in merges:
        if r1 - 1 >= len(grid) or c1 - 1 >= width:
            continue
        value = grid[r1 - 1][c1 - 1]
        for r in range(r1, min(r2, len(grid)) + 1):
            for c in range(c1, min(c2, width) + 1):
                grid[r - 1][c - 1] = value
    known = _known_headers(kind)
    best, best_row = 0, 0
    for i, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        score = _header_score(row, known)
        if score > best:
            best, best_row = score, i
    if best == 0:
        best_row = next((i for i, r in enumerate(grid) if any(v not in (None, "") for v in r)), 0)
    header = grid[best_row] if grid else []
    above = grid[best_row - 1] if best_row > 0 else None
    labels = []
    for j in range(width):
        text = "" if header[j] is None else str(header[j]).strip()
        group = "" if above is None or above[j] is None else str(above[j]).strip()
        spans = above is not None and any(r1 <= best_row <= r2 and c1 <= j + 1 <= c2 and c2 > c1 and r2 < best_row + 1
                                          for r1, c1, r2, c2 in merges)
        if spans and group and group != text and not _is_title(group, merges, best_row, width):
            text = f"{group}/{text}"
        labels.append(text or translate("Import", "Column {n}", n=j + 1))
    data = [(best_row + 2 + i, r) for i, r in enumerate(grid[best_row + 1:])]
    progress(len(grid), len(grid), translate("Import", "Reading the sheet"))
    return Sheet(path, ws.title, names, best_row + 1, labels, data, len(merges))


def _is_title(text: str, merges, header_index: int, width: int) -> bool:
    """A merged title line over (nearly) the whole table is not a group header."""
    for r1, c1, r2, c2 in merges:
        if r1 <= header_index <= r2 and c2 - c1 + 1 >= max(2, width - 1):
            return True
    return False


# --- the column mapping -----------------------------------------------------------------------------


def guess_mapping(labels: Sequence[str], kind: str, remembered: dict[str, str] | None = None) -> dict[int, str]:
    """Column index → field key. Remembered labels first, then exact header words, then contained words."""
    fields = fields_for(kind)
    remembered = remembered or {}
    out: dict[int, str] = {}
    used: set[str] = set()
    for j, label in enumerate(labels):
        key = remembered.get(normalise_header(label))
        if key is not None:
            if key and key in fields and key not in used:
                out[j] = key
                used.add(key)
            elif key == "":
                out[j] = ""  # remembered as "do not import"
    known = _known_headers(kind)
    exact = {}
    for w, key in known:
        exact.setdefault(w, key)
    heads = [normalise_header(x.split("/")[-1]) for x in labels]
    fulls = [normalise_header(x) for x in labels]
    for j in range(len(labels)):
        if j in out:
            continue
        key = exact.get(heads[j]) or exact.get(fulls[j])
        if key and key not in used:
            out[j] = key
            used.add(key)
    for j in range(len(labels)):
        if j in out or not heads[j]:
            continue
        for w, key in known:
            if len(w) >= 2 and key not in used and (w in heads[j] or w in fulls[j]):
                out[j] = key
                used.add(key)
                break
    return {j: k for j, k in out.items() if k}


def mapping_key(kind: str) -> str:
    return f"reports.mapping.{kind}"


def remembered_mapping(s: Session, *, actor: Actor, kind: str) -> dict[str, str]:
    """Header label (normalised) → field this station chose before ("" = not imported)."""
    from desktop_app.core.models import StationSetting

    row = s.exec(select(StationSetting).where(StationSetting.key == mapping_key(kind),
                                              StationSetting.station_id == actor.station_id)).first()
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except ValueError:
        return {}


def remember_mapping(s: Session, *, actor: Actor, kind: str, labels: Sequence[str], mapping: dict[int, str]) -> None:
    """Store the confirmed mapping (merged into what was remembered) as a station setting, audited."""
    require(actor, IMPORT_REGISTERS)
    from desktop_app.core.models import StationSetting

    known = remembered_mapping(s, actor=actor, kind=kind)
    before = dict(known)
    for j, label in enumerate(labels):
        h = normalise_header(label)
        if h:
            known[h] = mapping.get(j, "")
    if known == before:
        return
    row = s.exec(select(StationSetting).where(StationSetting.key == mapping_key(kind),
                                              StationSetting.station_id == actor.station_id)).first()
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=mapping_key(kind), value="")
    row.value = json.dumps(known, ensure_ascii=False, sort_keys=True)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="station_setting", entity_id=mapping_key(kind),
                 before=json.dumps(before, ensure_ascii=False, sort_keys=True), after=row.value)


# --- cell values ---------------------------------------------------------------------------------------


def cell_text(v: Any) -> str:
    if type(v) is str:  # the usual cell: the same as the last line, without the checks in between
        return unicodedata.normalize("NFC", v).strip()
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and abs(v) >= 1e15:
        return f"{v:.14E}"  # as Excel shows it: a long number stored as a float has lost its last digits
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    return unicodedata.normalize("NFC", str(v)).strip()


_SCI_RE = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.I)


def parse_id_number(v: Any) -> str:
    """The ID as text; a number that lost digits in Excel is refused (Excel keeps 15 significant digits)."""
    if v is None or v == "":
        return ""
    lost = QT_TRANSLATE_NOOP(
        "Errors",
        "was stored in Excel as a number ({value}), which keeps only 15 digits, so the last digits are lost. "
        "Format the column as text in Excel and type the number again (or copy it from another register).")
    if isinstance(v, float):
        if v >= 1e15 or not v.is_integer():
            raise ValidationError(F_ID, lost, value=f"{v:.14E}" if v >= 1e15 else str(v))
        v = int(v)
    if isinstance(v, int) and not isinstance(v, bool):
        digits = str(v)
        if len(digits) > 15 and digits.rstrip("0") and len(digits.rstrip("0")) <= 15:
            # Excel wrote 3.40102194803051E+17 and the reader gave back an integer ending in zeros.
            from desktop_app.core.validation import clean_id_number

            try:
                return clean_id_number(digits, F_ID)
            except ValidationError:
                raise ValidationError(F_ID, lost, value=digits) from None
        return digits
    text = fold(str(v)).replace(" ", "").lstrip("'").upper()
    if _SCI_RE.match(text):
        raise ValidationError(F_ID, lost, value=text)
    return text


def parse_date(v: Any, field_label: str) -> date | None:
    """Excel dates, serial numbers, and text like 1948-03-05, 1948.3.5, 1948/3/5, 1948年3月5日, 19480305."""
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    bad = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as 1948-03-05 (1948.3.5 and 1948年3月5日 work too).")
    if isinstance(v, int | float) and not isinstance(v, bool):
        n = float(v)
        if 19000101 <= n <= 21001231 and n.is_integer():
            return parse_date(str(int(n)), field_label)
        if 1 <= n < 80000:
            base = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug accounted for after day 60)
            return base + timedelta(days=int(n))
        raise ValidationError(field_label, bad, value=str(v))
    text = fold(str(v))
    m = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text)
    if not m:
        raise ValidationError(field_label, bad, value=text[:30])
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValidationError(field_label, bad, value=text[:30]) from None


def parse_phone(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return cell_text(v)


_YES = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "有", "●", "☑"}
_NO = {"否", "", "×", "x", "n", "no", "false", "0", "无", "-", "—", "/"}


def parse_flag(v: Any, key: str, field_label: str) -> bool:
    text = fold(cell_text(v)).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    if key == "party_member":  # 政治面貌: 中共党员 / 预备党员 / 群众
        return "党员" in text
    word = next((w for w, k in TAG_WORDS.items() if k == key), "")
    if word and word in text:
        return True
    raise ValidationError(field_label, QT_TRANSLATE_NOOP("Errors", "“{value}” is not yes or no; write 是 or 否."),
                          value=text[:20])


_ADDRESS_RE = re.compile(
    r"^(?P<compound>.*?)(?P<building>[0-9A-Za-z]+)\s*(?:栋|幢|号楼|#楼?)\s*(?:(?P<unit>[0-9A-Za-z]+)\s*单元)?\s*"
    r"(?:(?P<room>[0-9A-Za-z\-]+)\s*(?:室|号)?)?$")


def split_address(text: str) -> dict[str, str]:
    """"逍遥津小区3栋2单元301室" → compound 逍遥津小区, building 3, unit 2, room 301 (else all in compound)."""
    text = fold(text)
    if not text:
        return {}
    m = _ADDRESS_RE.match(text)
    if m and m.group("compound"):
        return {k: (m.group(k) or "").strip() for k in ("compound", "building", "unit", "room")}
    return {"compound": text}


# --- preparing rows (parse + validate; no database) -----------------------------------------------


@dataclass
class Candidate:
    row: int
    name: str
    values: dict[str, Any] | None = None  # residents.service._clean output
    present: frozenset[str] = frozenset()  # resident fields the row gave a value for
    extra: dict[str, Any] = field(default_factory=dict)  # volunteer / meal fields (raw text)
    error: SmileDeskError | Reason | None = None
    blank: bool = False


def _check_mapping(mapping: dict[int, str], kind: str) -> None:
    keys = set(mapping.values())
    if "name" not in keys:
        raise ValidationError(F_MAPPING, QT_TRANSLATE_NOOP("Errors", "no column is mapped to Name; choose the column with the names."))
    if not keys & {"id_number", "phone", "address", "compound"}:
        raise ValidationError(F_MAPPING, QT_TRANSLATE_NOOP(
            "Errors", "map the ID number, phone or address column too: without one a person cannot be recognised when the file is imported again."))


def prepare(sheet: Sheet, mapping: dict[int, str], kind: str, progress: Progress = NO_PROGRESS) -> list[Candidate]:
    """Parse and validate every row with the residents service's rules (no database needed).

    Two passes: the cells of every row are parsed into a ResidentCreate, then residents.service.clean_many
    validates them all (the same checks and messages as create_resident's, each distinct value checked once)."""
    from desktop_app.residents.models import ResidentCreate
    from desktop_app.residents.service import clean_many

    if kind not in KINDS:
        raise ValueError(kind)
    _check_mapping(mapping, kind)
    fields = fields_for(kind)
    cols = sorted(mapping.items())
    total = len(sheet.rows)
    out: list[Candidate] = []
    label = translate("Import", "Checking rows")
    todo: list[tuple[int, ResidentCreate, frozenset[str], dict[str, Any]]] = []  # (index in out, data, present, raw)
    dates: dict[str, date | None] = {}  # text → parse_date(text): registers repeat dates
    for i, (row_no, row) in enumerate(sheet.rows):
        if i % 1000 == 0:
            progress(i // 2, total, label)
        raw = {key: (row[j] if j < len(row) else None) for j, key in cols}
        texts = {key: cell_text(v) for key, v in raw.items()}
        if not any(texts.values()):
            out.append(Candidate(row_no, "", blank=True))
            continue
        try:
            data: dict[str, Any] = {}
            present: set[str] = set()
            for key, v in raw.items():
                text = texts[key]
                if key in VOLUNTEER_FIELDS or key in MEAL_FIELDS or text == "" and not isinstance(v, int | float):
                    continue
                if key == "id_number":
                    data["id_number"] = parse_id_number(v)
                elif key == "birth_date":
                    if type(v) is str:
                        if v not in dates:
                            dates[v] = parse_date(v, fields[key][0])
                        data["birth_date"] = dates[v]
                    else:
                        data["birth_date"] = parse_date(v, fields[key][0])
                elif key in ("phone", "emergency_phone"):
                    data[key] = parse_phone(v)
                elif key == "address":
                    for k, val in split_address(text).items():
                        data.setdefault(k, val)
                        present.add(k)
                    continue
                elif key == "gender":
                    data["gender"] = {"男": "M", "女": "F", "m": "M", "f": "F"}.get(text.lower(), text)
                elif key == "tags":
                    for word, tag in TAG_WORDS.items():
                        if word in text:
                            data[tag] = True
                            present.add(tag)
                    continue
                elif key in TAGS:
                    data[key] = parse_flag(v, key, fields[key][0])
                elif key in ("building", "unit", "room"):
                    data[key] = re.sub(r"(栋|幢|单元|室|号)$", "", fold(text))
                else:
                    data[key] = text
                if data.get(key) not in ("", None) or key in TAGS:
                    present.add(key)
            if data.get("id_number"):
                present |= {"birth_date", "gender"}
            todo.append((len(out), ResidentCreate(**data), frozenset(present), raw))
            out.append(Candidate(row_no, texts.get("name", "")))
        except SmileDeskError as exc:
            out.append(Candidate(row_no, texts.get("name", ""), error=exc))
    cleaned = clean_many([t[1] for t in todo], progress=lambda n: progress((total + n) // 2, total, label))
    for (index, _data, present, raw), values in zip(todo, cleaned, strict=True):
        c = out[index]
        if isinstance(values, SmileDeskError):
            c.error = values
            continue
        try:
            extra = {k: raw[k] for k in raw if k in VOLUNTEER_FIELDS or k in MEAL_FIELDS}
            if "joined_on" in extra:
                extra["joined_on"] = parse_date(extra["joined_on"], VOLUNTEER_FIELDS["joined_on"][0])
            c.name, c.values, c.present, c.extra = values["name"], values, present, extra
        except SmileDeskError as exc:
            c.error = exc
    progress(total, total, label)
    return out


# --- matching against the database -----------------------------------------------------------------


@dataclass
class RowResult:
    row: int
    action: str  # add | update | skip | reject
    name: str
    reason: SmileDeskError | Reason | None = None
    changes: tuple[str, ...] = ()  # field keys that change (update)
    resident_id: int | None = None

    @property
    def text(self) -> str:
        return reason_text(self.reason)


@dataclass
class Step:
    """One write to do: resident add/update and the kind's own part (volunteer, meal recipient)."""

    cand: Candidate
    resident_id: int | None
    resident_values: dict[str, Any] | None  # full values to write (add: cleaned; update: merged), None: unchanged
    part: dict[str, Any] | None = None  # volunteer: {team_id, role, joined_on, op}; meals: {data, recipient_id}


@dataclass
class ImportPlan:
    kind: str
    file_name: str
    sheet_name: str
    header_row: int
    mapping: dict[int, str]
    labels: list[str]
    results: list[RowResult]
    candidates: list[Candidate] = field(default_factory=list, repr=False)
    steps: list[Step] = field(default_factory=list, repr=False)
    options: dict[str, Any] = field(default_factory=dict)

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {a: self.count(a) for a in ACTIONS}

    def rejected(self) -> list[RowResult]:
        return [r for r in self.results if r.action == "reject"]


RESIDENT_VALUE_KEYS = ("name", "gender", "birth_date", "id_number", "phone", "community", "compound", "building", "unit",
                       "room", "grid", *TAGS, "emergency_contact", "emergency_phone", "notes", "consent_date")


def _existing_index(s: Session, actor: Actor):
    from desktop_app.residents.models import Resident

    cols = [getattr(Resident, k) for k in RESIDENT_VALUE_KEYS]
    q = select(Resident.id, *cols).where(Resident.erased == False)  # noqa: E712
    if actor.station_id is not None:
        q = q.where((Resident.station_id == actor.station_id) | (Resident.station_id.is_(None)))
    rows = s.exec(q).all()
    by_id: dict[str, int] = {}
    by_phone: dict[tuple[str, str], int] = {}
    by_addr: dict[tuple, int] = {}
    values: dict[int, dict[str, Any]] = {}
    for r in rows:
        rid = r[0]
        v = dict(zip(RESIDENT_VALUE_KEYS, r[1:], strict=True))
        if isinstance(v["birth_date"], str):
            v["birth_date"] = date.fromisoformat(v["birth_date"])
        values[rid] = v
        if v["id_number"]:
            by_id.setdefault(v["id_number"], rid)
        if v["phone"]:
            by_phone.setdefault((v["name"], v["phone"]), rid)
        by_addr.setdefault(_addr_key(v), rid)
    return by_id, by_phone, by_addr, values


def _addr_key(v: dict[str, Any]) -> tuple:
    return (v["name"], v.get("compound", ""), v.get("building", ""), v.get("unit", ""), v.get("room", ""))


def _person_key(v: dict[str, Any]) -> tuple:
    if v["id_number"]:
        return ("id", v["id_number"])
    if v["phone"]:
        return ("phone", v["name"], v["phone"])
    return ("addr", *_addr_key(v))


def _merge(existing: dict[str, Any], cand: Candidate) -> dict[str, Any]:
    out = dict(existing)
    for k in cand.present:
        if k in cand.values:
            out[k] = cand.values[k]
    return out


@_gc_paused
def dry_run(s: Session, *, actor: Actor, sheet: Sheet, mapping: dict[int, str], kind: str,
            options: dict[str, Any] | None = None, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """What importing would do, row by row (nothing is written)."""
    require(actor, IMPORT_REGISTERS)
    candidates = prepare(sheet, mapping, kind, progress)
    plan = ImportPlan(kind, sheet.path.name, sheet.sheet_name, sheet.header_row, dict(mapping), list(sheet.labels), [],
                      candidates, options=dict(options or {}))
    match(s, actor=actor, plan=plan, progress=progress)
    return plan


@_gc_paused
def match(s: Session, *, actor: Actor, plan: ImportPlan, progress: Progress = NO_PROGRESS) -> ImportPlan:
    """(Re)decide every row against the database as it is now; fills plan.results and plan.steps."""
    require(actor, IMPORT_REGISTERS)
    by_id, by_phone, by_addr, existing = _existing_index(s, actor)
    part = _PartMatcher(s, actor, plan.kind, plan.options)
    seen: dict[tuple, tuple[int, dict[str, Any]]] = {}
    results: list[RowResult] = []
    steps: list[Step] = []
    label = translate("Import", "Comparing with the database")
    total = len(plan.candidates)
    for i, c in enumerate(plan.candidates):
        if i % 2000 == 0:
            progress(i, total, label)
        if c.blank:
            results.append(RowResult(c.row, "skip", "", reason(QT_TRANSLATE_NOOP("Import", "blank row"))))
            continue
        if c.error is not None:
            results.append(RowResult(c.row, "reject", c.name, c.error))
            continue
        v = c.values
        key = _person_key(v)
        if key in seen:
            first_row, first_values = seen[key]
            if all(first_values.get(k) == v.get(k) for k in c.present if k in v):
                results.append(RowResult(c.row, "skip", c.name, reason(
                    QT_TRANSLATE_NOOP("Import", "same person as row {row}"), row=first_row)))
            else:
                results.append(RowResult(c.row, "reject", c.name, reason(QT_TRANSLATE_NOOP(
                    "Import", "same person as row {row} but with different details; keep one of the two rows"), row=first_row)))
            continue
        seen[key] = (c.row, v)
        rid = None
        if v["id_number"]:
            rid = by_id.get(v["id_number"])
        if rid is None and v["phone"]:
            rid = by_phone.get((v["name"], v["phone"]))
            if rid is not None and existing[rid]["id_number"] and v["id_number"] and existing[rid]["id_number"] != v["id_number"]:
                rid = None  # same name and phone, different ID number: another person
        if rid is None and not v["id_number"] and not v["phone"]:
            rid = by_addr.get(_addr_key(v))
        try:
            part_plan = part.plan(c, rid)
        except SmileDeskError as exc:
            results.append(RowResult(c.row, "reject", c.name, exc))
            continue
        if rid is None:
            results.append(RowResult(c.row, "add", c.name))
            steps.append(Step(c, None, v, part_plan))
            continue
        merged = _merge(existing[rid], c)
        changes = tuple(k for k in RESIDENT_VALUE_KEYS if merged.get(k) != existing[rid].get(k))
        if changes and merged.get("id_number") and existing[rid]["id_number"] and merged["id_number"] != existing[rid]["id_number"]:
            results.append(RowResult(c.row, "reject", c.name, reason(QT_TRANSLATE_NOOP(
                "Import", "{name} is registered with another ID number; check the row against the resident's record"),
                name=c.name), resident_id=rid))
            continue
        part_changes = tuple(part_plan.get("changes", ())) if part_plan else ()
        if not changes and not part_changes:
            results.append(RowResult(c.row, "skip", c.name, reason(QT_TRANSLATE_NOOP("Import", "already registered, nothing changed")),
                                     resident_id=rid))
            continue
        results.append(RowResult(c.row, "update", c.name, changes=changes + part_changes, resident_id=rid))
        steps.append(Step(c, rid, merged if changes else None, part_plan if part_changes else None))
    progress(total, total, label)
    plan.results, plan.steps = results, steps
    return plan


class _PartMatcher:
    """The volunteer / meal recipient part of a row: what it would add or change."""

    def __init__(self, s: Session, actor: Actor, kind: str, options: dict[str, Any]) -> None:
        self.s, self.actor, self.kind, self.options = s, actor, kind, options
        if kind == "volunteers":
            m = feature_module("rosters", "models")
            if m is None:
                raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Volunteers cannot be imported: rosters are not part of this installation."))
            self.m = m
            q = select(m.Team).where(m.Team.active == True)  # noqa: E712
            if actor.station_id is not None:
                q = q.where((m.Team.station_id == actor.station_id) | (m.Team.station_id.is_(None)))
            self.teams = {t.name: t.id for t in s.exec(q)}
            self.team_names = {v: k for k, v in self.teams.items()}
            self.default_team = options.get("team")
            members = s.exec(select(m.Volunteer.resident_id, m.TeamMember.team_id, m.TeamMember.role).join(
                m.TeamMember, m.TeamMember.volunteer_id == m.Volunteer.id)).all()
            self.members = {(rid, tid): role for rid, tid, role in members}
        elif kind == "meal_recipients":
            m = feature_module("meals", "models")
            if m is None:
                raise ConflictError(QT_TRANSLATE_NOOP("Errors", "Meal recipients cannot be imported: meal assistance is not part of this installation."))
            self.m = m
            self.tiers = {}
            for t in s.exec(select(m.SubsidyTier)):
                self.tiers[t.code] = t.code
                self.tiers[t.name] = t.code
            self.recipients = {r.resident_id: r for r in s.exec(select(m.MealRecipient))}

    def plan(self, c: Candidate, rid: int | None) -> dict[str, Any] | None:
        if self.kind == "volunteers":
            return self._volunteer(c, rid)
        if self.kind == "meal_recipients":
            return self._meal(c, rid)
        return None

    def _volunteer(self, c: Candidate, rid: int | None) -> dict[str, Any]:
        team_name = fold(cell_text(c.extra.get("team"))) or (self.default_team or "")
        if not team_name:
            raise ValidationError(F_TEAM, QT_TRANSLATE_NOOP("Errors", "is missing; fill in the team column or choose a team for the whole file."))
        team_id = self.teams.get(team_name)
        if team_id is None:
            raise ValidationError(F_TEAM, QT_TRANSLATE_NOOP("Errors", "there is no team called “{team}”; create it on the Rosters page first."),
                                  team=team_name[:30])
        role_text = cell_text(c.extra.get("role"))
        role = "team_leader" if any(w in role_text for w in ("队长", "组长", "领队", "负责人", "leader")) else "member"
        joined = c.extra.get("joined_on")
        current = self.members.get((rid, team_id)) if rid is not None else None
        if current is None:
            return {"op": "add", "team_id": team_id, "role": role, "joined_on": joined, "changes": ("team",)}
        if role_text and current != role:
            return {"op": "role", "team_id": team_id, "role": role, "changes": ("role",)}
        return {"op": "none", "changes": ()}

    def _meal(self, c: Candidate, rid: int | None) -> dict[str, Any]:
        from desktop_app.meals.models import DIETS, schedule_bit

        svc_text = cell_text(c.extra.get("service"))
        service = "dine_in" if any(w in svc_text for w in ("堂食", "就餐", "食堂", "dine")) else "delivery"
        meals_text = cell_text(c.extra.get("meals")) or "午餐"
        meals = [m for m, w in (("lunch", "午"), ("dinner", "晚")) if w in meals_text] or ["lunch"]
        days = _weekdays(cell_text(c.extra.get("days")))
        schedule = 0
        for d in days:
            for m in meals:
                schedule |= schedule_bit(d, m)
        tier_text = fold(cell_text(c.extra.get("subsidy_tier")))
        tier = ""
        if tier_text:
            tier = self.tiers.get(tier_text, "")
            if not tier:
                raise ValidationError(MEAL_FIELDS["subsidy_tier"][0], QT_TRANSLATE_NOOP(
                    "Errors", "“{tier}” is not a subsidy tier of this station; use one of the tiers on the Meals page."), tier=tier_text[:30])
        diet_text = cell_text(c.extra.get("diet"))
        flags = {d: False for d in DIETS}
        rest = diet_text
        for word, d in (("低盐", "low_salt"), ("少盐", "low_salt"), ("低糖", "low_sugar"), ("无糖", "low_sugar"),
                        ("软", "soft"), ("素", "vegetarian"), ("清真", "halal")):
            if word in diet_text:
                flags[d] = True
                rest = rest.replace(word + "食", "").replace(word, "")
        avoid = re.sub(r"^[、,，;；\s]+|[、,，;；\s]+$", "", re.sub(r"[、,，;；\s]{2,}", "、", rest))
        data = {"status": "active", "service": service, "schedule": schedule, **flags, "avoid": avoid,
                "delivery_address": cell_text(c.extra.get("delivery_address")), "subsidy_tier": tier}
        current = self.recipients.get(rid) if rid is not None else None
        if current is None:
            return {"op": "add", "data": data, "changes": ("meal_recipient",)}
        given = {k for k in c.extra if cell_text(c.extra[k])}
        compare = {"service": "service", "meals": "schedule", "days": "schedule", "delivery_address": "delivery_address",
                   "subsidy_tier": "subsidy_tier", "diet": "diet"}
        changed: list[str] = []
        new = {k: getattr(current, k) for k in ("status", "service", "schedule", *DIETS, "avoid", "delivery_address",
                                                 "subsidy_tier", "delivery_notes", "emergency_contact", "emergency_phone",
                                                 "credit_limit_fen", "route_order")}
        for src, target in compare.items():
            if src not in given:
                continue
            if target == "diet":
                for d in DIETS:
                    if new[d] != flags[d]:
                        new[d] = flags[d]
                        changed.append(d)
                if new["avoid"] != avoid:
                    new["avoid"] = avoid
                    changed.append("avoid")
            elif new[target] != data[target]:
                new[target] = data[target]
                changed.append(target)
        if not changed:
            return {"op": "none", "changes": ()}
        return {"op": "update", "recipient_id": current.id, "data": new, "changes": tuple(dict.fromkeys(changed))}


_DAY_WORDS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}


def _weekdays(text: str) -> list[int]:
    """"每天" → all; "周一至周五" → 0–4; "一三五" → 0, 2, 4; blank → Monday to Friday."""
    t = fold(text)
    if not t:
        return [0, 1, 2, 3, 4]
    if "每天" in t or "每日" in t or "全周" in t:
        return list(range(7))
    m = re.search(r"([一二三四五六日天七])\s*(?:至|到|-|~|—)\s*(?:周|星期)?([一二三四五六日天七])", t)
    if m:
        a, b = _DAY_WORDS[m.group(1)], _DAY_WORDS[m.group(2)]
        return list(range(a, b + 1)) if a <= b else list(range(a, 7)) + list(range(0, b + 1))
    days = sorted({_DAY_WORDS[ch] for ch in t if ch in _DAY_WORDS})
    days += sorted({int(ch) - 1 for ch in t if ch.isdigit() and 1 <= int(ch) <= 7} - set(days))
    return sorted(set(days)) or [0, 1, 2, 3, 4]


# --- writing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    skipped: int
    rejected: int
    resident_ids: tuple[int, ...]


@_gc_paused
def apply_import(s: Session, *, actor: Actor, plan: ImportPlan, progress: Progress = NO_PROGRESS,
                 bulk: bool | None = None) -> ImportResult:
    """Import the plan's rows in the caller's transaction (one transaction: cancel or any error writes nothing).

    Rejected rows are left out; the rest are matched again against the database as it is now."""
    require(actor, IMPORT_REGISTERS)
    from desktop_app.residents import service as residents
    from desktop_app.residents.models import ResidentCreate

    match(s, actor=actor, plan=plan, progress=progress)
    steps = plan.steps
    adds = [st for st in steps if st.resident_id is None]
    use_bulk = bulk if bulk is not None else len(adds) > BULK_THRESHOLD
    total = len(steps)
    label = translate("Import", "Writing")
    done = 0
    touched: list[int] = []
    progress(0, total, label)
    bulk_done: set[int] = set()
    if use_bulk and adds:
        bulk_done = {id(st) for st in adds}
        ids = _bulk_add(s, actor, adds, progress=lambda n: progress(n, total, label))
        for st, rid in zip(adds, ids, strict=True):
            st.resident_id = rid
        done = len(adds)
        touched.extend(ids)
    for st in steps:
        if id(st) in bulk_done:
            pass
        elif st.resident_id is None:
            r = residents.create_resident(s, actor=actor, data=ResidentCreate(**_create_fields(st.resident_values)),
                                          allow_similar=True)
            st.resident_id = r.id
            touched.append(r.id)
            done += 1
        elif st.resident_values is not None:
            residents.update_resident(s, actor=actor, resident_id=st.resident_id,
                                      data=ResidentCreate(**_create_fields(st.resident_values)))
            touched.append(st.resident_id)
            done += 1
        if st.part:
            _write_part(s, actor, plan.kind, st)
        if done % 200 == 0:
            progress(done, total, label)
    audit.record(s, actor=actor, action="import", entity=plan.kind, entity_id=plan.file_name[:50], after={
        "file": plan.file_name, "sheet": plan.sheet_name, "kind": plan.kind, **plan.counts,
    })
    progress(total, total, label)  # the last chance to cancel: everything above rolls back with the transaction
    return ImportResult(plan.count("add"), plan.count("update"), plan.count("skip"), plan.count("reject"), tuple(touched))


def _create_fields(values: dict[str, Any]) -> dict[str, Any]:
    from desktop_app.residents.models import ResidentCreate

    allowed = set(ResidentCreate.model_fields)
    return {k: ("" if v is None and k not in ("birth_date", "consent_date") else v) for k, v in values.items() if k in allowed}


def _write_part(s: Session, actor: Actor, kind: str, st: Step) -> None:
    part = st.part or {}
    op = part.get("op")
    if kind == "volunteers":
        from desktop_app.rosters import service as rosters

        if op == "add":
            v = rosters.volunteer_for_resident(s, actor=actor, resident_id=st.resident_id)
            rosters.add_volunteer(s, actor=actor, resident_id=st.resident_id, team_id=part["team_id"], role=part["role"],
                                  joined_on=part.get("joined_on") or (v.joined_on if v else None))
        elif op == "role":
            v = rosters.volunteer_for_resident(s, actor=actor, resident_id=st.resident_id)
            rosters.set_member_role(s, actor=actor, team_id=part["team_id"], volunteer_id=v.id, role=part["role"])
    elif kind == "meal_recipients":
        from desktop_app import meals
        from desktop_app.meals import MealRecipientBase, MealRecipientCreate

        if op == "add":
            meals.create_recipient(s, actor=actor, data=MealRecipientCreate(resident_id=st.resident_id, **part["data"]))
        elif op == "update":
            meals.update_recipient(s, actor=actor, recipient_id=part["recipient_id"], data=MealRecipientBase(**part["data"]))


def _bulk_add(s: Session, actor: Actor, adds: list[Step], *, progress) -> list[int]:
    """New residents in bulk: the values residents.service._clean produced, the search keys and sort key
    residents.service writes, one audit entry with every new id (see the module docstring for why)."""
    from sqlalchemy import insert

    from desktop_app.core import search_keys
    from desktop_app.core.clock import utcnow
    from desktop_app.residents.models import Resident, ResidentSearchKey

    now = utcnow()
    rt = Resident.__table__
    conn = s.connection()
    raw = conn.connection.dbapi_connection  # SQLite: search keys are plain ints and text, no type processing needed
    key_sql = f"INSERT INTO {ResidentSearchKey.__tablename__} (resident_id, kind, key) VALUES (?, ?, ?)"
    # pypinyin is the slow part of a resident's keys: registers repeat names (and surnames), so each distinct
    # name is read once. search_keys.person_keys(name, phone, id) == name_keys(name) | number_keys(phone, id).
    name_cache: dict[str, tuple[str, list[tuple[int, str]]]] = {}

    def keys_of(name: str) -> tuple[str, list[tuple[int, str]]]:
        hit = name_cache.get(name)
        if hit is None:
            keys, sort_key = search_keys.name_keys_and_sort_key(name)
            hit = name_cache[name] = (sort_key, [(kind, key[:60]) for key, kind in sorted(keys)])
        return hit

    sqlite = conn.dialect.name == "sqlite"
    names = [*RESIDENT_VALUE_KEYS, "station_id", "sort_key", "erased", "created_at", "updated_at"]
    procs = [(i, rt.c[c].type._cached_bind_processor(conn.dialect)) for i, c in enumerate(names)]  # the ORM's conversions
    procs = [(i, proc) for i, proc in procs if proc is not None]
    res_sql = f"INSERT INTO {rt.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    ids: list[int] = []
    batch = 5000
    old_cache = None
    if sqlite:
        # 850,000 search-key rows and seven resident indexes do not fit SQLite's default 2 MB page cache: pages
        # would be written out and read back all through the transaction. 64 MB for this transaction only.
        old_cache = raw.execute("PRAGMA cache_size").fetchone()[0]
        if -262144 < old_cache < 65536:
            raw.execute("PRAGMA cache_size = -262144")
    try:
        for start in range(0, len(adds), batch):
            chunk = adds[start:start + batch]
            rows = []
            for st in chunk:
                v = st.resident_values
                row = [v.get(k) for k in RESIDENT_VALUE_KEYS]
                row += (actor.station_id, keys_of(v["name"])[0], False, now, now)
                rows.append(row)
            if sqlite:
                for row in rows:
                    for i, proc in procs:
                        row[i] = proc(row[i])
                # One executemany through the driver; inside this writing transaction (BEGIN IMMEDIATE) nobody else
                # inserts, so the new rowids follow the current largest one (the table has no AUTOINCREMENT).
                first = (raw.execute(f"SELECT coalesce(max(id), 0) FROM {rt.name}").fetchone()[0] or 0) + 1
                cur = raw.cursor()
                try:
                    cur.executemany(res_sql, rows)
                finally:
                    cur.close()
                new_ids = list(range(first, first + len(rows)))
                check = raw.execute(f"SELECT count(*), max(id) FROM {rt.name} WHERE id >= ?", (first,)).fetchone()
                if tuple(check) != (len(rows), new_ids[-1]):
                    raise RuntimeError(f"bulk insert ids out of step: {check} vs {len(rows)} from {first}")
            else:
                result = conn.execute(insert(rt).returning(rt.c.id, sort_by_parameter_order=True),
                                      [dict(zip(names, row, strict=True)) for row in rows])
                new_ids = [r[0] for r in result]
            keys = []
            for rid, st in zip(new_ids, chunk, strict=True):
                v = st.resident_values
                keys += [(rid, kind, key) for kind, key in keys_of(v["name"])[1]]
                keys += [(rid, kind, key[:60]) for key, kind in search_keys.number_keys(v["phone"], v["id_number"])]
            if keys and sqlite:
                # In resident order (the order the rows and their foreign keys are already in the page cache).
                cur = raw.cursor()
                try:
                    cur.executemany(key_sql, keys)
                finally:
                    cur.close()
            elif keys:  # PostgreSQL: its driver's parameter style, batched by SQLAlchemy
                conn.execute(insert(ResidentSearchKey.__table__),
                             [{"resident_id": rid, "kind": kind, "key": key} for rid, kind, key in keys])
            ids.extend(new_ids)
            progress(start + len(chunk))
    finally:
        if old_cache is not None:
            raw.execute(f"PRAGMA cache_size = {int(old_cache)}")
    audit.record(s, actor=actor, action="import_create", entity="resident", entity_id=f"{len(ids)} new",
                 after={"ids": ids})
    return ids


CHANGE_LABELS = {
    "team": ("Import", VOLUNTEER_FIELDS["team"][0]),
    "role": ("Import", VOLUNTEER_FIELDS["role"][0]),
    "meal_recipient": ("Import", QT_TRANSLATE_NOOP("Import", "new meal recipient")),
    "service": ("Import", MEAL_FIELDS["service"][0]),
    "schedule": ("Import", QT_TRANSLATE_NOOP("Import", "weekly schedule")),
    "subsidy_tier": ("Fields", MEAL_FIELDS["subsidy_tier"][0]),
    "delivery_address": ("Fields", MEAL_FIELDS["delivery_address"][0]),
    "avoid": ("Import", QT_TRANSLATE_NOOP("Import", "foods to avoid")),
    "low_salt": ("Import", QT_TRANSLATE_NOOP("Import", "low salt")),
    "low_sugar": ("Import", QT_TRANSLATE_NOOP("Import", "low sugar")),
    "soft": ("Import", QT_TRANSLATE_NOOP("Import", "soft food")),
    "vegetarian": ("Import", QT_TRANSLATE_NOOP("Import", "vegetarian")),
    "halal": ("Import", QT_TRANSLATE_NOOP("Import", "halal")),
    "consent_date": ("Fields", QT_TRANSLATE_NOOP("Fields", "Consent date")),
}


def field_label(key: str) -> str:
    """A field or change in the user's language."""
    if key in CHANGE_LABELS:
        ctx, text = CHANGE_LABELS[key]
        return translate(ctx, text)
    label = {**RESIDENT_FIELDS, **VOLUNTEER_FIELDS, **MEAL_FIELDS}.get(key)
    if label is None:
        return key
    ctx = "Tags" if key in TAGS else "Import" if key in ("tags", *VOLUNTEER_FIELDS, *MEAL_FIELDS) else "Fields"
    return translate(ctx, label[0])


def report_rows(plan: ImportPlan, *, actions: Sequence[str] = ACTIONS) -> list[tuple[int, str, str, str]]:
    """(row, action label, name, reason or changed fields) for the dry-run report, in row order."""
    out = []
    for r in plan.results:
        if r.action not in actions:
            continue
        detail = "、".join(field_label(c) for c in r.changes) if r.action == "update" else r.text
        out.append((r.row, translate("Import", ACTION_LABELS[r.action]), r.name, detail))
    return out
