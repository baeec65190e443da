"""How large a sheet really is, measured before a reader builds it, so that work stays bounded.

python-calamine builds a sheet as one dense block from its first to its last cell with a value: one value
at XFD1048576 is 17 billion cells, and the process is gone before Python sees an error. So the parts of a
workbook are unpacked here first, as a stream and never past ``Limits.part_bytes``, and the cells with a
value are located:

* .xlsx / .xlsm (and strict OOXML): the sheet XML is scanned as bytes. With every row and cell carrying its
  ``r`` coordinate (as all spreadsheet programs write them), cells beyond column Z or row 99,999 are found
  with plain byte searches and looked at one by one; the last row is that of the last cell with a value.
  A sheet written another way (cells without coordinates, unusual quoting) is measured exactly with expat.
* .ods: content.xml is measured exactly with expat (rows and cells repeated by count, and the merged
  ranges, which calamine does not report for this format).

A cell counts when it holds something (a value, a string, a formula result), never for its style alone,
so styled rows and columns out to the sheet's end cost nothing. Past a limit the person is told what is
too large and where (the farthest cell), so that a stray entry can be deleted.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

F_FILE = QT_TRANSLATE_NOOP("Fields", "Excel file")
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 300 * MB  # the file as it is on disk
    part_bytes: int = 400 * MB  # one part of it (a sheet, the shared strings) unpacked
    rows: int = 500_000  # the last row with a value
    columns: int = 500  # the last column with a value
    cells: int = 20_000_000  # rows × columns from A1 to the farthest cell with a value


LIMITS = Limits()

TOO_LARGE_PART = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” unpacks to more than {limit} MB ({part}); SmileDesk reads workbooks up to that size. Delete "
              "pictures and sheets the import does not need, or split the register into several files, and try again.")
TOO_MANY_COLUMNS = QT_TRANSLATE_NOOP(
    "Errors", "sheet “{sheet}” of “{name}” has a value in cell {cell}, column {column}; a register has at most {limit} "
              "columns. If it is a stray entry, delete it in Excel or WPS, save, and import again.")
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "sheet “{sheet}” of “{name}” has a value in cell {cell}, row {row}; SmileDesk reads registers of up to "
              "{limit} rows. If it is a stray entry, delete it in Excel or WPS, save, and import again; otherwise split "
              "the register into several files.")
TOO_MANY_CELLS = QT_TRANSLATE_NOOP(
    "Errors", "sheet “{sheet}” of “{name}” spans {rows} rows and {columns} columns (to cell {cell}), more than the "
              "{limit} cells SmileDesk reads at once. Delete the rows and columns the import does not need, or split "
              "the register into several files.")
UNSAFE_XML = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” contains XML that SmileDesk does not read (a document type declaration, as used by “XML "
              "bombs”). Open it in Excel or WPS and save it again as .xlsx.")
DAMAGED = QT_TRANSLATE_NOOP(
    "Errors", "“{name}” is damaged and cannot be read ({detail}). If it opens in Excel or WPS, save it again as .xlsx "
              "and import that copy.")


def refuse(message: str, **params) -> ValidationError:
    return ValidationError(F_FILE, message, **params)


def column_letters(n: int) -> str:
    """1 → A, 27 → AA, 16384 → XFD."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_number(letters: str | bytes) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode("ascii").upper():
        n = n * 26 + ord(ch) - 64
    return n


@dataclass
class Extent:
    """The last row and column holding a value (1-based; 0 when none), and where those values are."""

    rows: int = 0
    columns: int = 0
    last_row_column: int = 0  # the column of the value in the last row
    last_column_row: int = 0  # the row of the value in the last column
    at_least_columns: int = 0  # columns not looked at one by one (A to Z): counted as all there

    def see(self, row: int, column: int) -> None:
        if row > self.rows or row == self.rows and column > self.last_row_column:
            self.rows, self.last_row_column = row, column
        if column > self.columns:
            self.columns, self.last_column_row = column, row

    def check(self, limits: Limits, *, name: str, sheet: str) -> None:
        if self.columns > limits.columns:
            raise refuse(TOO_MANY_COLUMNS, name=name, sheet=sheet, cell=f"{column_letters(self.columns)}{self.last_column_row}",
                         column=f"{self.columns:,}", limit=f"{limits.columns:,}")
        if self.rows > limits.rows:
            raise refuse(TOO_MANY_ROWS, name=name, sheet=sheet, cell=f"{column_letters(self.last_row_column)}{self.rows}",
                         row=f"{self.rows:,}", limit=f"{limits.rows:,}")
        columns = max(self.columns, self.at_least_columns if self.rows else 0)
        if self.rows * columns > limits.cells:
            raise refuse(TOO_MANY_CELLS, name=name, sheet=sheet, cell=f"{column_letters(columns)}{self.rows}",
                         rows=f"{self.rows:,}", columns=f"{columns:,}", limit=f"{limits.cells:,}")


def _xml_chunks(zf: zipfile.ZipFile, part: str, limits: Limits, name: str, size: int = 8 * MB) -> Iterator[bytes]:
    """The part unpacked as a stream of chunks, each ending just before a "<" (no tag is cut in two); refused past
    limits.part_bytes (whatever its header claims) and when it declares a document type (entity bombs)."""
    total = 0
    rest = b""
    first = True
    with zf.open(part) as src:
        while True:
            data = src.read(size)
            total += len(data)
            if total > limits.part_bytes:
                raise refuse(TOO_LARGE_PART, name=name, limit=limits.part_bytes // MB, part=part)
            if first:
                first = False
                if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
                    raise refuse(UNSAFE_XML, name=name)
            if not data:
                if rest:
                    yield rest
                return
            buf = rest + data
            cut = buf.rfind(b"<")
            if cut <= 0:
                rest = buf
                continue
            rest = buf[cut:]
            yield buf[:cut]


def read_part(zf: zipfile.ZipFile, part: str, limits: Limits, name: str) -> bytes:
    """A whole (small) part, bounded and checked like every other."""
    return b"".join(_xml_chunks(zf, part, limits, name))


def check_part(zf: zipfile.ZipFile, part: str, limits: Limits, name: str) -> None:
    """Unpack a part the reader will hold in memory (shared strings, styles) to be sure of its size."""
    for _chunk in _xml_chunks(zf, part, limits, name):
        pass


# --- .xlsx sheets --------------------------------------------------------------------------------------

# Byte shapes: every capital letter → "A", digit → "0", white space → " ". A cell reference beyond column Z is
# then ' r="AA', one at row 100,000 or more ' r="A000000' — plain substrings, found at memory speed.
_SHAPE = bytes(65 if 65 <= b <= 90 else 48 if 48 <= b <= 57 else 32 if b in (9, 10, 13) else b for b in range(256))
_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(/?)>(\s*</)?')


def _prefix(first_chunk: bytes) -> bytes:
    """The namespace prefix the sheet's elements use ("" or "x:"), from the root element."""
    m = re.search(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]", first_chunk)
    return m.group(1) or b"" if m else b""


def _cells_in(buf: bytes, start: int, end: int, ext: Extent) -> None:
    for m in _REF.finditer(buf, max(0, start - 1), end):
        if m.group(3) or m.group(4):  # <c …/> or <c …></c>: a style, no value
            continue
        ext.see(int(m.group(2)), column_number(m.group(1)))


def scan_sheet(zf: zipfile.ZipFile, part: str, limits: Limits, *, name: str, sheet: str) -> Extent:
    ext = Extent()
    placed = cells = 0  # cells with their coordinate first (<c r="…), cells with attributes (<c …)
    bare = False  # a cell without attributes, so without a coordinate: <c>…</c>
    prefix = None
    for buf in _xml_chunks(zf, part, limits, name):
        if prefix is None:
            prefix = _prefix(buf)
        t = buf.translate(_SHAPE)
        cell = b"<" + prefix + b"c"
        placed += t.count(cell + b' r="')
        cells += t.count(cell + b" ")
        bare = bare or t.find(cell + b">") >= 0
        for pattern in (b' r="AA', b' r="A000000'):
            pos = t.find(pattern)
            while pos >= 0:
                end = buf.find(b"row>", pos)  # the rest of this row: its cells are looked at together
                end = len(buf) if end < 0 else end
                _cells_in(buf, pos, end, ext)
                pos = t.find(pattern, end)
        at = max(buf.rfind(b"</" + prefix + b"v>"), buf.rfind(b"</" + prefix + b"is>"))
        ref = buf.rfind(b' r="', 0, at) if at >= 0 else -1
        m = _REF.match(buf, ref) if ref >= 0 else None
        if m is not None:  # the last value of the chunk: in a sheet written in order, the last row so far
            ext.see(int(m.group(2)), column_number(m.group(1)))
    if bare or placed != cells:  # cells without coordinates (or written unusually): measure exactly
        ext = exact_sheet(zf, part, limits, name=name)
    else:
        ext.at_least_columns = 26  # columns A to Z are not looked at one by one: count them all
    ext.check(limits, name=name, sheet=sheet)
    return ext


def _expat(handler_start, name: str):
    p = expat.ParserCreate()
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def no_entities(*_args):
        raise refuse(UNSAFE_XML, name=name)

    p.EntityDeclHandler = no_entities
    p.StartDoctypeDeclHandler = no_entities
    p.StartElementHandler = handler_start
    p.buffer_text = True
    return p


def _feed(p, chunks: Iterator[bytes], name: str) -> None:
    try:
        for chunk in chunks:
            p.Parse(chunk, False)
        p.Parse(b"", True)
    except expat.ExpatError as exc:
        raise refuse(DAMAGED, name=name, detail=expat.ErrorString(exc.code)) from None


def exact_sheet(zf: zipfile.ZipFile, part: str, limits: Limits, *, name: str) -> Extent:
    """Every row and cell of the sheet XML, with or without coordinates, as calamine places them."""
    ext = Extent()
    pos = {"row": 0, "col": 0}
    ref_re = re.compile(r"([A-Za-z]{1,3})([0-9]+)")

    def start(tag: str, attrs: dict) -> None:
        local = tag.rpartition(":")[2]
        if local == "c":
            m = ref_re.fullmatch(attrs.get("r", ""))
            if m:
                pos["col"], pos["row"] = column_number(m.group(1)), int(m.group(2))
            else:
                pos["col"] += 1
        elif local in ("v", "is"):
            ext.see(pos["row"], pos["col"])
        elif local == "row":
            r = attrs.get("r", "")
            pos["row"] = int(r) if r.isdigit() else pos["row"] + 1
            pos["col"] = 0

    _feed(_expat(start, name), _xml_chunks(zf, part, limits, name), name)
    return ext


# --- .ods ------------------------------------------------------------------------------------------------


def scan_ods(zf: zipfile.ZipFile, limits: Limits, *, name: str) -> dict[str, tuple[Extent, list]]:
    """Each table of content.xml: its extent (checked against the limits) and its merged ranges, 0-based
    ((r1, c1), (r2, c2)) as calamine gives them for .xlsx (it gives none for .ods)."""
    tables: dict[str, tuple[Extent, list]] = {}
    st: dict[str, Any] = {"table": None, "row": 0, "col": 0, "rows_rep": 1, "cell": None}
    t_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
    value_type = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 value-type"
    text_p = "urn:oasis:names:tc:opendocument:xmlns:text:1.0 p"
    p = expat.ParserCreate(namespace_separator=" ")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def no_entities(*_args):
        raise refuse(UNSAFE_XML, name=name)

    def rep(attrs, key: str) -> int:
        v = attrs.get(t_ns + key, "1")
        return int(v) if v.isdigit() and int(v) > 0 else 1

    def start(tag: str, attrs: dict) -> None:
        if tag == t_ns + "table":
            st.update(table=tables.setdefault(attrs.get(t_ns + "name", ""), (Extent(), [])), row=0, col=0)
            return
        table = st["table"]
        if table is None:
            return
        if tag == t_ns + "table-row":
            st["rows_rep"] = rep(attrs, "number-rows-repeated")
            st["col"] = 0
        elif tag in (t_ns + "table-cell", t_ns + "covered-table-cell"):
            cols = rep(attrs, "number-columns-repeated")
            row, col0 = st["row"], st["col"]
            st["cell"] = (row, col0, cols)
            span_c, span_r = rep(attrs, "number-columns-spanned"), rep(attrs, "number-rows-spanned")
            if tag == t_ns + "table-cell" and (span_c > 1 or span_r > 1):
                table[1].append(((row, col0), (row + span_r - 1, col0 + span_c - 1)))
            if value_type in attrs:
                table[0].see(row + st["rows_rep"], col0 + cols)
            st["col"] += cols
        elif tag == text_p and st["cell"] is not None:
            row, col0, cols = st["cell"]
            table[0].see(row + st["rows_rep"], col0 + cols)

    def end(tag: str) -> None:
        if st["table"] is None:
            return
        if tag == t_ns + "table-row":
            st["row"] += st["rows_rep"]
            st["rows_rep"] = 1
        elif tag in (t_ns + "table-cell", t_ns + "covered-table-cell"):
            st["cell"] = None
        elif tag == t_ns + "table":
            st["table"] = None

    p.EntityDeclHandler = no_entities
    p.StartDoctypeDeclHandler = no_entities
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.buffer_text = True
    _feed(p, _xml_chunks(zf, "content.xml", limits, name), name)
    for table, (ext, _merges) in tables.items():
        ext.check(limits, name=name, sheet=table)
    return tables
