"""Helpers for the reports tests: real .xlsx files written with openpyxl, valid ID numbers."""

from __future__ import annotations

from datetime import date

import pytest

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(born: date, seq: int = 12, male: bool = True, region: str = "110101") -> str:
    """A valid 18-character ID number (GB 11643 check character)."""
    sex = (seq * 2 + (1 if male else 0)) % 10
    first17 = f"{region}{born:%Y%m%d}{seq % 100:02d}{sex}"
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def write_xlsx(path, rows, *, merges=(), number_formats=None):
    """rows: lists of cell values (1-based Excel rows in order); merges: "A1:F1" ranges."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "居民台账"
    for r in rows:
        ws.append(list(r))
    for rng in merges:
        ws.merge_cells(rng)
    for ref, fmt in (number_formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


@pytest.fixture
def ids():
    return make_id


@pytest.fixture
def xlsx(tmp_path):
    def make(name, rows, **kw):
        return write_xlsx(tmp_path / name, rows, **kw)

    return make
