"""Which characters a TrueType font can draw, read from its ``cmap`` table alone (issue 21).

Checking a name for characters the certificate fonts lack (``core.pdf.missing_glyphs``) used to load the
fonts into ReportLab: 58 MB of TrueType parsed in pure Python (1 s, +139 MiB) on the first visit of the
certificates page. The answer is in one small table of each file: this module reads the table directory,
the ``OS/2`` embedding flags and the ``cmap`` subtable ReportLab would pick, and keeps the covered code
points as sorted ranges (a few milliseconds per font, a few hundred kilobytes in all). ReportLab itself
loads the fonts only where a PDF is drawn, on the worker that draws it (``core.pdf.register_fonts``).

Only what ReportLab can embed counts: PostScript-outline fonts (``OTTO``) and fonts whose licence forbids
subsetting are refused, as ReportLab refuses them. A code point mapped to glyph 0 (.notdef, drawn as a box)
is not covered.
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TRUETYPE_VERSIONS = (0x00010000, 0x74727565)  # 1.0 and 'true' (as ReportLab accepts)
POSTSCRIPT = 0x4F54544F  # 'OTTO'
COLLECTION = b"ttcf"


class NotUsable(Exception):
    """The font cannot be used for PDFs (not TrueType, no Unicode cmap, embedding not allowed)."""


@dataclass(frozen=True)
class Coverage:
    """The code points a font maps to a real glyph, as sorted, non-overlapping inclusive ranges."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        i = bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]

    def __len__(self) -> int:
        return sum(e - s + 1 for s, e in zip(self.starts, self.ends, strict=True))


def _ranges(pairs: list[tuple[int, int]]) -> Coverage:
    """Merge (start, end) ranges into a Coverage."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(pairs):
        if ends and start <= ends[-1] + 1:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return Coverage(tuple(starts), tuple(ends))


def _tables(data: bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    version, count = struct.unpack_from(">IH", data, offset)
    if version == POSTSCRIPT:
        raise NotUsable("PostScript outlines")
    if version not in TRUETYPE_VERSIONS:
        raise NotUsable(f"not a TrueType font (version {version:#010x})")
    out = {}
    for i in range(count):
        tag, _checksum, start, length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        out[tag] = (start, length)
    return out


def _header(f, index: int) -> tuple[dict[bytes, tuple[int, int]]]:
    """The table directory of font ``index`` (a collection holds several)."""
    head = f.read(12)
    offset = 0
    if head[:4] == COLLECTION:
        count = struct.unpack_from(">I", head, 8)[0]
        if not 0 <= index < count:
            raise NotUsable(f"no font {index} in the collection")
        f.seek(12 + 4 * index)
        offset = struct.unpack(">I", f.read(4))[0]
    f.seek(offset)
    directory = f.read(12)
    count = struct.unpack_from(">H", directory, 4)[0]
    directory += f.read(16 * count)
    return (_tables(directory, 0),)


def _read(f, where: tuple[int, int]) -> bytes:
    f.seek(where[0])
    return f.read(where[1])


def _check_embedding(f, tables: dict) -> None:
    """ReportLab refuses to subset a font whose OS/2 fsType restricts it (and has more than 255 glyphs)."""
    if b"OS/2" not in tables:
        return
    fs_type = struct.unpack_from(">H", _read(f, tables[b"OS/2"]), 8)[0]
    if fs_type == 0x0002 or fs_type & 0x0300:
        glyphs = struct.unpack_from(">H", _read(f, tables[b"maxp"]), 4)[0] if b"maxp" in tables else 0xFFFF
        if glyphs > 0xFF:
            raise NotUsable(f"embedding not allowed (fsType {fs_type:#06x})")


def _subtable(cmap: bytes) -> int:
    """The offset of the subtable ReportLab reads (the same rule: the last suitable one listed wins)."""
    version, count = struct.unpack_from(">HH", cmap, 0)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * i)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        raise NotUsable("no suitable cmap")
    return chosen


def _format4(t: bytes) -> list[tuple[int, int]]:
    seg_count = struct.unpack_from(">H", t, 6)[0] // 2
    ends = struct.unpack_from(f">{seg_count}H", t, 14)
    starts = struct.unpack_from(f">{seg_count}H", t, 16 + 2 * seg_count)
    deltas = struct.unpack_from(f">{seg_count}h", t, 16 + 4 * seg_count)
    range_at = 16 + 6 * seg_count
    offsets = struct.unpack_from(f">{seg_count}H", t, range_at)
    pairs: list[tuple[int, int]] = []
    for n in range(seg_count):
        start, end, delta, ro = starts[n], ends[n], deltas[n], offsets[n]
        if start > end:
            continue
        if ro == 0:
            # glyph = (code + delta) mod 65536: only the one code that lands on 0 is not covered
            zero = (-delta) & 0xFFFF
            if start <= zero <= end:
                if start < zero:
                    pairs.append((start, zero - 1))
                if zero < end:
                    pairs.append((zero + 1, end))
            else:
                pairs.append((start, end))
            continue
        base = range_at + 2 * n + ro
        run_start = None
        for code in range(start, end + 1):
            at = base + 2 * (code - start)
            glyph = struct.unpack_from(">H", t, at)[0] if at + 2 <= len(t) else 0
            if glyph and (glyph + delta) & 0xFFFF:
                if run_start is None:
                    run_start = code
            elif run_start is not None:
                pairs.append((run_start, code - 1))
                run_start = None
        if run_start is not None:
            pairs.append((run_start, end))
    return pairs


def _format12(t: bytes) -> list[tuple[int, int]]:
    groups = struct.unpack_from(">I", t, 12)[0]
    pairs = []
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", t, 16 + 12 * i)
        if glyph == 0:  # the first code of the group is .notdef
            start += 1
        if start <= end:
            pairs.append((start, end))
    return pairs


def _format0(t: bytes) -> list[tuple[int, int]]:
    return [(code, code) for code, glyph in enumerate(t[6:6 + 256]) if glyph]


def _format6(t: bytes) -> list[tuple[int, int]]:
    first, count = struct.unpack_from(">HH", t, 6)
    glyphs = struct.unpack_from(f">{count}H", t, 10)
    return [(first + i, first + i) for i, glyph in enumerate(glyphs) if glyph]


_FORMATS = {0: _format0, 4: _format4, 6: _format6, 12: _format12}


@lru_cache(maxsize=16)
def coverage(path: str | Path, index: int = 0) -> Coverage:
    """The code points font ``index`` of ``path`` (a .ttf, or a .ttc collection) can draw in a PDF.

    Raises NotUsable for a font ReportLab would refuse, OSError for a file that cannot be read."""
    with open(path, "rb") as f:
        (tables,) = _header(f, index)
        if b"cmap" not in tables:
            raise NotUsable("no cmap table")
        _check_embedding(f, tables)
        cmap = _read(f, tables[b"cmap"])
    at = _subtable(cmap)
    fmt = struct.unpack_from(">H", cmap, at)[0]
    if fmt in (8, 10, 12, 13):
        length = struct.unpack_from(">I", cmap, at + 4)[0]
    else:
        length = struct.unpack_from(">H", cmap, at + 2)[0]
    reader = _FORMATS.get(fmt)
    if reader is None:
        raise NotUsable(f"cmap format {fmt} is not read here")
    pairs = reader(cmap[at:at + length])
    found = _ranges(pairs)
    if 0x20 in found or 0xA0 in found:  # ReportLab draws a no-break space with the space's glyph, and back
        pairs += [(0x20, 0x20), (0xA0, 0xA0)]
        found = _ranges(pairs)
    return found
