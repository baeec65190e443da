"""Reading a register's sheet: the cells (workbook.py), merged cells filled in, the header row found by its
Chinese headers, a label per column (a group header above a sub-header gives "联系方式/联系电话")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.i18n import translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.reports.importing.bounds import Limits
from desktop_app.reports.importing.cells import cell_text
from desktop_app.reports.importing.fields import Reason, known_headers, normalise_header
from desktop_app.reports.importing.plan import gc_paused
from desktop_app.reports.importing.workbook import open_grid

HEADER_SCAN_ROWS = 15


@dataclass
class Sheet:
    path: Path
    sheet_name: str
    sheet_names: list[str]
    header_row: int  # 1-based Excel row of the headers
    labels: list[str]  # one per column
    rows: list[tuple[int, list[Any]]]  # (Excel row number, values), after the header row; "" or None: empty
    merged: int = 0  # merged ranges found (and filled in)
    notes: list[Reason] = field(default_factory=list)  # what the person should know about how it was read
    file_format: str = "xlsx"


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


@gc_paused
def read_sheet(path: str | Path, *, sheet: str | None = None, kind: str = "residents",
               progress: Progress = NO_PROGRESS, limits: Limits | None = None) -> Sheet:
    """The sheet's rows with merged cells filled in and the header row found."""
    path = Path(path)
    label = translate("Import", "Reading the sheet")
    progress(0, 1, label)
    g = open_grid(path, sheet, limits)
    grid, merges = g.rows, g.merges
    width = max((len(r) for r in grid), default=0)
    for r1, c1, r2, c2 in merges:
        if r1 - 1 >= len(grid) or c1 - 1 >= width:
            continue
        value = grid[r1 - 1][c1 - 1]
        for r in range(r1, min(r2, len(grid)) + 1):
            row = grid[r - 1]
            for c in range(c1, min(c2, width) + 1):
                row[c - 1] = value
    known = known_headers(kind)
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
        text = cell_text(header[j])
        group = "" if above is None else cell_text(above[j])
        spans = above is not None and any(r1 <= best_row <= r2 and c1 <= j + 1 <= c2 and c2 > c1 and r2 < best_row + 1
                                          for r1, c1, r2, c2 in merges)
        if spans and group and group != text and not _is_title(group, merges, best_row, width):
            text = f"{group}/{text}"
        labels.append(text or translate("Import", "Column {n}").format(n=j + 1))
    data = [(best_row + 2 + i, r) for i, r in enumerate(grid[best_row + 1:])]
    progress(len(grid), len(grid), label)
    return Sheet(path, g.sheet, g.sheets, best_row + 1, labels, data, len(merges), g.notes, g.kind)


def _is_title(text: str, merges, header_index: int, width: int) -> bool:
    """A merged title line over (nearly) the whole table is not a group header."""
    for r1, c1, r2, c2 in merges:
        if r1 <= header_index <= r2 and c2 - c1 + 1 >= max(2, width - 1):
            return True
    return False
