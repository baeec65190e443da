"""Excel output shared by every list view (openpyxl, imported when first used).

``export_rows`` writes the strings a view displays — personal numbers already masked by the services
for the signed-in role — as text cells, so an ID or phone number never turns into a number.

Text typed by people never becomes a formula (formula injection: ``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``):
every workbook is saved through ``save_workbook``, which stores text that starts with ``= + - @`` (or a tab or
line break) as a quoted string cell, and CSV cells go through ``csv_cell``, which puts an apostrophe in front
(what Excel itself shows for typed text starting with ``=``). Files are readable by this user only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

MAX_SHEET_TITLE = 31
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would run as a formula (or DDE command) if it were typed into a cell. A lone dash
    (a table's "none") is text to every spreadsheet."""
    stripped = text.lstrip(" ")
    return stripped.startswith(FORMULA_STARTS) and stripped.strip() not in ("-", "+", "－", "＋")


def csv_cell(value):
    """A value for a CSV file that Excel will open: text that would start a formula gets an apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def neutralise(ws) -> int:
    """Make every formula-looking text cell of ``ws`` a plain string (quote-prefixed, as Excel marks typed text);
    returns how many. Our own workbooks hold no formulas: every ``=...`` in one came from someone's text."""
    n = 0
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            if isinstance(value, str) and (cell.data_type == "f" or looks_like_formula(value)):
                cell.data_type = "s"
                cell.quotePrefix = True
                n += 1
    return n


def save_workbook(wb, path: str | Path) -> Path:
    """Save ``wb`` with no text left that a spreadsheet would run as a formula, readable by this user only."""
    from desktop_app.core import private

    for ws in wb.worksheets:
        neutralise(ws)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    private.private_file(path)
    return path
_BAD_SHEET_CHARS = set("[]:*?/\\")


def _sheet_title(text: str) -> str:
    clean = "".join("_" if c in _BAD_SHEET_CHARS else c for c in (text or "Sheet")).strip() or "Sheet"
    return clean[:MAX_SHEET_TITLE]


def _widths(ws, headers: Sequence[str], rows: Sequence[Sequence], *, min_width: int = 6, max_width: int = 60) -> None:
    from openpyxl.utils import get_column_letter

    def width(v) -> int:
        text = "" if v is None else str(v)
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK characters are twice as wide

    for i, h in enumerate(headers, start=1):
        sample = [width(h)] + [width(r[i - 1]) for r in rows[:500] if i - 1 < len(r)]
        ws.column_dimensions[get_column_letter(i)].width = max(min_width, min(max_width, max(sample) + 2))


def export_rows(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence], *, title: str,
                subtitle: str = "") -> int:
    """Write one sheet: a title line, an optional subtitle, the header row (bold, frozen), the rows.

    Numbers stay numbers and dates dates (with the year; an aware time in local time); other values are
    written as text (never guessed: "0551…" keeps its zero). Returns
    the number of data rows written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(title)
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    header_row = 2
    if subtitle:
        ws.append([subtitle])
        header_row = 3
    ws.append(list(headers))
    fill = PatternFill("solid", fgColor="DDE7F0")
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    kept: list[Sequence] = []
    n = 0
    for row in rows:
        values: list[object] = []
        for v in row:
            if isinstance(v, bool) or v is None:
                values.append("" if v is None else str(v))
            elif isinstance(v, datetime):  # local time as the station reads it (Excel has no time zones)
                values.append(v.astimezone().replace(tzinfo=None) if v.tzinfo is not None else v)
            elif isinstance(v, int | float | date):
                values.append(v)
            else:
                values.append(str(v))
        ws.append(values)
        if n < 500:
            kept.append(values)
        n += 1
    for r in ws.iter_rows(min_row=header_row + 1, max_row=header_row + n):
        for cell in r:
            if isinstance(cell.value, str):
                cell.number_format = "@"
            elif isinstance(cell.value, datetime):  # with the year, to the minute: 2026-12-05 09:30
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if headers:
        from openpyxl.utils import get_column_letter

        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{header_row + n}"
    _widths(ws, headers, kept)
    save_workbook(wb, path)
    return n
