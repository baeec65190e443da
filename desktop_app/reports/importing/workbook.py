"""Opening a register: what the file really is, which sheet to read, and its cells as Python values.

python-calamine reads .xlsx, .xlsm, .xls (and WPS .et, which is one of the two), .ods; openpyxl reads an
.xlsx only where calamine fails on it. The format is told from the file's bytes, not its name (systems
export .xls files that are web pages, and .et files of either kind). Before a reader builds a sheet,
bounds.py measures it. Every failure a person can act on is a ValidationError saying what to do.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join
from desktop_app.reports.importing import bounds
from desktop_app.reports.importing.bounds import DAMAGED, MB, Limits, refuse
from desktop_app.reports.importing.fields import Reason, reason

FORMATS = ".xlsx .xlsm .xls .et .ods"  # what the file chooser offers (other names are read by content too)

PASSWORD = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is protected with a password. Open it in Excel or WPS, remove the password (Excel: File → Info "
              "→ Protect Workbook → Encrypt with Password; WPS: 文件 → 文档加密), save it, and import it again.")
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” cannot be opened: {detail}. Close it in Excel or WPS if it is open there, or copy it to this "
              "computer, and try again.")
TOO_LARGE_FILE = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is {size} MB; SmileDesk reads workbooks up to {limit} MB. Delete pictures and sheets the "
              "import does not need, or split the register into several files, and try again.")
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is not a workbook SmileDesk can read. Open it in Excel, WPS or LibreOffice and save it as "
              "an Excel workbook (.xlsx); .xls, .et and .ods files are read as they are.")
WEB_PAGE = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is a web page (HTML) with a spreadsheet's name, as some systems export their lists. Open it "
              "in Excel or WPS and save it as an Excel workbook (.xlsx), then import that file.")
XML_2003 = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is an “XML Spreadsheet 2003” file. Open it in Excel or WPS and save it as an Excel workbook "
              "(.xlsx), then import that file.")
TEXT_FILE = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is a text file (CSV), not a workbook. Open it in Excel or WPS, check that the ID numbers "
              "kept all their digits, and save it as an Excel workbook (.xlsx).")
BINARY_XLSB = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is an Excel binary workbook (.xlsb). Open it in Excel or WPS and save it as an Excel workbook "
              "(.xlsx), then import that file.")
NO_SHEETS = QT_TRANSLATE_NOOP("Errors", "“{name}” has no worksheet with cells in it.")
ONLY_CHARTS = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” holds only chart sheets ({sheets}), no table. Import the workbook the chart was made from.")
CHART_SHEET = QT_TRANSLATE_NOOP("Errors", "“{sheet}” is a chart sheet, not a table; choose one of the other sheets.")
NO_SUCH_SHEET = QT_TRANSLATE_NOOP("Errors", "has no sheet called “{sheet}”; choose one of its sheets.")

NOTE_HIDDEN = QT_TRANSLATE_NOOP("Import", "Every sheet of the workbook is hidden; the first one, “{sheet}”, is read.")
NOTE_FALLBACK = QT_TRANSLATE_NOOP("Import", "The workbook was read with the second reader (the first said: {detail}).")


@dataclass
class Grid:
    """One sheet's cells: rows[0] is Excel row 1; "" is an empty cell. Merges are 1-based (r1, c1, r2, c2)."""

    sheet: str
    sheets: list[str]
    rows: list[list[Any]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: list[Reason] = field(default_factory=list)
    kind: str = "xlsx"


def _encrypted(path: Path, limits: Limits) -> bool:
    """An encrypted .xlsx is an OLE file holding a stream named "EncryptedPackage" (its name in UTF-16)."""
    needle = "EncryptedPackage".encode("utf-16-le")
    tail = b""
    read = 0
    with path.open("rb") as f:
        while read < limits.file_bytes:
            chunk = f.read(1 << 20)
            if not chunk:
                return False
            read += len(chunk)
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _sniff(path: Path, name: str, limits: Limits) -> str:
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        raise refuse(CANNOT_OPEN, name=name, detail="file not found") from None
    except OSError as exc:
        raise refuse(CANNOT_OPEN, name=name, detail=exc.strerror or type(exc).__name__) from None
    if size > limits.file_bytes:
        raise refuse(TOO_LARGE_FILE, name=name, size=f"{size / MB:,.0f}", limit=limits.file_bytes // MB)
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if _encrypted(path, limits):
            raise refuse(PASSWORD, name=name)
        return "ole"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<") and (b"<html" in text or b"<table" in text or b"<!doctype html" in text):
        raise refuse(WEB_PAGE, name=name)
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        raise refuse(XML_2003, name=name)
    if head and b"\x00" not in head and (b"," in head or b"\t" in head):
        raise refuse(TEXT_FILE, name=name)
    raise refuse(NOT_A_WORKBOOK, name=name)


# --- .xlsx: the workbook part, its sheets and where they are -----------------------------------------

_ATTR = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')


def _tags(xml: bytes, local: bytes) -> list[dict[bytes, bytes]]:
    """The attributes of every <local …> or <prefix:local …> element (small parts only)."""
    out = []
    for m in re.finditer(rb"<(?:[\w.-]+:)?" + local + rb"\b([^>]*)>", xml):
        out.append({k.rpartition(b":")[2] if not k.startswith(b"r:") else b"r:" + k[2:]: v
                    for k, v in _ATTR.findall(m.group(1))})
    return out


@dataclass
class _Book:
    part: str
    sheets: list[tuple[str, str, str]]  # (name, state, part)
    active: int


def _book(zf: zipfile.ZipFile, name: str, limits: Limits) -> _Book:
    names = set(zf.namelist())
    part = "xl/workbook.xml"
    if "_rels/.rels" in names:
        for rel in _tags(bounds.read_part(zf, "_rels/.rels", limits, name), b"Relationship"):
            if rel.get(b"Type", b"").endswith(b"/officeDocument"):
                part = rel.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
    if part.endswith(".bin"):
        raise refuse(BINARY_XLSB, name=name)
    if part not in names:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise refuse(NOT_A_WORKBOOK, name=name)
        raise refuse(DAMAGED, name=name, detail="no workbook part")
    base = posixpath.dirname(part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(part) + ".rels")
    targets = {}
    if rels_part in names:
        for rel in _tags(bounds.read_part(zf, rels_part, limits, name), b"Relationship"):
            target = rel.get(b"Target", b"").decode("utf-8", "replace")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            targets[rel.get(b"Id", b"").decode()] = full
    xml = bounds.read_part(zf, part, limits, name)
    sheets = []
    for tag in _tags(xml, b"sheet"):
        sheet_name = html.unescape(tag.get(b"name", b"").decode("utf-8", "replace"))  # &amp; &#x4E00; …
        sheets.append((sheet_name, tag.get(b"state", b"visible").decode(), targets.get(tag.get(b"r:id", b"").decode(), "")))
    views = _tags(xml, b"workbookView")
    active = int(views[0].get(b"activeTab", b"0")) if views and views[0].get(b"activeTab", b"0").isdigit() else 0
    return _Book(part, sheets, active)


def _check_parts(zf: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """What calamine reads whole when it opens a workbook (the shared strings above all), bounded first."""
    for info in zf.infolist():
        low = info.filename.lower()
        if low.endswith((".rels", ".xml")) and ("sharedstrings" in low or "styles" in low or low.endswith(".rels")
                                                 or low.endswith("workbook.xml") or low == "[content_types].xml"):
            bounds.check_part(zf, info.filename, limits, name)


# --- choosing the sheet ----------------------------------------------------------------------------------


def _choose(metadata, requested: str | None, active: int, name: str) -> tuple[str, list[str], list[Reason]]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    work = [m for m in metadata if m.typ in (SheetTypeEnum.WorkSheet, SheetTypeEnum.DialogSheet, SheetTypeEnum.MacroSheet)]
    charts = [m.name for m in metadata if m.typ == SheetTypeEnum.ChartSheet]
    if requested is not None:
        if requested in charts:
            raise refuse(CHART_SHEET, sheet=requested)
        if requested not in [m.name for m in work]:
            raise refuse(NO_SUCH_SHEET, sheet=requested)
    if not work:
        if charts:
            raise refuse(ONLY_CHARTS, name=name, sheets=join(charts))
        raise refuse(NO_SHEETS, name=name)
    names = [m.name for m in work]
    if requested is not None:
        return requested, names, []
    visible = [m.name for m in work if m.visible == SheetVisibleEnum.Visible]
    if not visible:
        return names[0], names, [reason(NOTE_HIDDEN, sheet=names[0])]
    active_name = metadata[active].name if 0 <= active < len(metadata) else None
    return (active_name if active_name is not None and active_name in visible else visible[0]), names, []


# --- reading ---------------------------------------------------------------------------------------------


def _calamine_error(exc: Exception, name: str):
    from python_calamine import PasswordError

    if isinstance(exc, PasswordError):
        return refuse(PASSWORD, name=name)
    return refuse(DAMAGED, name=name, detail=str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__)


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    """Trailing rows and columns with nothing in them (by content: styles never made them)."""
    while rows and all(v == "" or v is None for v in rows[-1]):
        rows.pop()
    width = max((len(r) for r in rows), default=0)
    while width and all(len(r) < width or r[width - 1] == "" or r[width - 1] is None for r in rows):
        width -= 1
    for r in rows:
        if len(r) > width:
            del r[width:]
        elif len(r) < width:
            r.extend([""] * (width - len(r)))
    return rows


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _openpyxl_rows(path: Path, sheet: str) -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
    """The fallback: openpyxl's own sheet parser, row by row, coordinates as written (never its <dimension>)."""
    from openpyxl import load_workbook
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        # Excel's built-in Chinese date formats (27–36, 50–58) have no code in the file; openpyxl does not know
        # them as dates (calamine does): cells with those styles are dates here too.
        wb._date_formats = set(wb._date_formats) | {
            i for i, style in enumerate(wb._cell_styles) if 27 <= style.numFmtId <= 36 or 50 <= style.numFmtId <= 58}
        ws = wb[sheet]
        rows: list[list[Any]] = []
        with ws._get_source() as src:
            parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                     date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            for idx, cells in parser.parse():
                while len(rows) < idx - 1:
                    rows.append([])
                row: list[Any] = []
                for c in cells:
                    row.extend([""] * (c["column"] - 1 - len(row)))
                    value = c["value"]
                    if value is None or c["data_type"] == "e":  # an error (#N/A …) is no value, as calamine reads it
                        value = ""
                    elif isinstance(value, str) and "_x" in value:  # Excel's escapes (_x000D_), as calamine reads them
                        value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
                    row.append(value)
                rows.append(row)
            merges = []
            for cr in getattr(parser.merged_cells, "mergeCell", None) or []:
                c1, r1, c2, r2 = range_boundaries(cr.ref)
                merges.append((r1, c1, r2, c2))
        return rows, merges
    finally:
        wb.close()


@dataclass
class _Meta:  # a sheet as calamine describes it (built from workbook.xml when calamine cannot open the file)
    name: str
    typ: Any
    visible: Any


def _book_metadata(book: _Book) -> list[_Meta]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    states = {"hidden": SheetVisibleEnum.Hidden, "veryHidden": SheetVisibleEnum.VeryHidden}
    return [_Meta(n, SheetTypeEnum.ChartSheet if "chartsheets/" in p else SheetTypeEnum.WorkSheet,
                  states.get(s, SheetVisibleEnum.Visible)) for n, s, p in book.sheets]


def open_grid(path: str | Path, sheet: str | None = None, limits: Limits | None = None) -> Grid:
    """The chosen sheet (by default the active one, else the first visible) of the workbook at ``path``."""
    limits = limits or bounds.LIMITS
    path = Path(path)
    name = path.name
    kind = _sniff(path, name, limits)
    if kind == "ole":
        return _read_calamine(path, name, sheet, limits, kind="xls")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise refuse(DAMAGED, name=name, detail=str(exc)[:120]) from None
    with zf:
        names = set(zf.namelist())
        if "mimetype" in names and zf.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            if "content.xml" not in names:
                raise refuse(DAMAGED, name=name, detail="no content.xml")
            tables = bounds.scan_ods(zf, limits, name=name)  # calamine builds every table when it opens the file
            return _read_calamine(path, name, sheet, limits, kind="ods", ods=tables)
        book = _book(zf, name, limits)
        _check_parts(zf, name, limits)
        return _read_calamine(path, name, sheet, limits, kind="xlsx", zf=zf, book=book)


def _read_calamine(path: Path, name: str, sheet: str | None, limits: Limits, *, kind: str, zf=None, book=None,
                   ods=None) -> Grid:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    try:
        with path.open("rb") as f:
            wb = CalamineWorkbook.from_filelike(f)
    except CalamineError as exc:
        if kind != "xlsx" or isinstance(exc, PasswordError):
            raise _calamine_error(exc, name) from None
        chosen, sheets, notes = _choose(_book_metadata(book), sheet, book.active, name)
        return _fallback(path, name, zf, book, chosen, sheets, notes, exc, limits)
    with wb:
        chosen, sheets, notes = _choose(wb.sheets_metadata, sheet, book.active if book else 0, name)
        merges: list[tuple[int, int, int, int]] = []
        if kind == "xlsx":
            bounds.scan_sheet(zf, _part_of(book, chosen, name, zf), limits, name=name, sheet=chosen)
        elif kind == "ods":
            merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in ods.get(chosen, (None, []))[1]]
        try:
            ws = wb.get_sheet_by_name(chosen)
        except CalamineError as exc:
            if kind != "xlsx" or isinstance(exc, PasswordError):
                raise _calamine_error(exc, name) from None
            return _fallback(path, name, zf, book, chosen, sheets, notes, exc, limits)
        end = ws.end
        if end is not None:  # .xls was not measured before: the block calamine built, before Python copies it
            ext = bounds.Extent()
            ext.see(end[0] + 1, end[1] + 1)
            ext.check(limits, name=name, sheet=chosen)
        rows = ws.to_python(skip_empty_area=False)
        if kind != "ods":
            merges = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in (ws.merged_cell_ranges or [])]
    return Grid(chosen, sheets, _trim(rows), merges, notes, kind)


def _part_of(book: _Book, sheet: str, name: str, zf: zipfile.ZipFile) -> str:
    part = next((p for n, _s, p in book.sheets if n == sheet), "")
    if part not in zf.namelist():
        raise refuse(DAMAGED, name=name, detail=f"no part for sheet {sheet}")
    return part


def _fallback(path, name, zf, book, chosen, sheets, notes, exc, limits) -> Grid:
    """openpyxl, where calamine could not read an .xlsx (measured first, like every sheet)."""
    bounds.scan_sheet(zf, _part_of(book, chosen, name, zf), limits, name=name, sheet=chosen)
    try:
        rows, merges = _openpyxl_rows(path, chosen)
    except Exception:  # noqa: BLE001 - openpyxl fails in many ways on a damaged file; calamine's reason is shown
        raise _calamine_error(exc, name) from None
    detail = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
    return Grid(chosen, sheets, _trim(rows), merges, [*notes, reason(NOTE_FALLBACK, detail=detail)], "xlsx")
