"""Text laid out in a terminal: Chinese characters take two columns (East Asian Width W and F), so columns are
padded by display width, never by ``len`` (a name of three characters is six columns wide)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for wide and full-width characters, 0 for combining marks."""
    out = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        out += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return out


def ljust(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def rjust(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def table(rows: Sequence[Sequence[object]], *, right: Sequence[int] = (), gap: int = 2, indent: str = "") -> list[str]:
    """Lines of ``rows`` (the first may be the headings) in columns as wide as their widest cell; the columns
    whose indexes are in ``right`` (numbers) are aligned right. The last column is not padded."""
    cells = [["" if c is None else str(c) for c in row] for row in rows]
    if not cells:
        return []
    n = max(len(r) for r in cells)
    widths = [max((width(r[i]) for r in cells if i < len(r)), default=0) for i in range(n)]
    lines = []
    for row in cells:
        parts = []
        for i, cell in enumerate(row):
            last = i == len(row) - 1
            if i in right:
                parts.append(rjust(cell, widths[i]))
            else:
                parts.append(cell if last else ljust(cell, widths[i]))
        lines.append((indent + (" " * gap).join(parts)).rstrip())
    return lines
