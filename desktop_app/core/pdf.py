"""ReportLab base: the embedded CJK font chain, paragraph styles, QR codes drawn from segno's matrix.

Fonts: WenQuanYi Micro Hei (TrueType, shipped in resources/fonts, subfont 0 of the .ttc) is always
registered as "SmileCJK"; further TrueType fonts found in resources/fonts or on the system extend
the fallback chain for rare characters. ``missing_glyphs(text)`` tells which characters no font in
the chain can draw, so a certificate can refuse to print boxes; it reads the fonts' cmap tables
(core/glyphs.py) and never loads them into ReportLab, which only ``register_fonts`` does, where a PDF
is drawn (issue 21: 1 s and 140 MiB on the GUI thread before).
"""

from __future__ import annotations

import struct
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop_app.core import glyphs, paths

FONT = "SmileCJK"
FONT_FILE = "wqy-microhei.ttc"
# Further fonts tried for characters the main font lacks (Extension A/B names): first found wins.
FALLBACK_CANDIDATES = [
    ("SmileCJK-HanaA", "HanaMinA.ttf", 0),
    ("SmileCJK-HanaB", "HanaMinB.ttf", 0),
]
SYSTEM_FONT_DIRS = [Path("/usr/share/fonts/truetype/hanazono"), Path("C:/Windows/Fonts")]


def _utf16_hex(code: int) -> str:
    return code.to_bytes(4, "big").hex().upper()[4:] if code <= 0xFFFF else chr(code).encode("utf-16-be").hex().upper()


def _fix_to_unicode_cmap() -> None:
    """ReportLab writes code points above U+FFFF into the ToUnicode CMap as odd-length hex (<2003E>),
    so rare name characters (Extension B and later) print but cannot be searched or copied from the PDF.
    PDF wants UTF-16BE there (surrogate pairs: <D840DC3E>); replace the one function that writes it."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "_smiledesk", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make_to_unicode_cmap(fontname, subset):
        if all(v <= 0xFFFF for v in subset):
            return original(fontname, subset)
        cmap = [
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
            f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
            f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        ]
        cmap += [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
        cmap += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(cmap)

    make_to_unicode_cmap._smiledesk = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


@dataclass(frozen=True)
class ChainFont:
    name: str
    path: Path
    index: int
    coverage: glyphs.Coverage


@lru_cache(maxsize=1)
def font_chain() -> tuple[ChainFont, ...]:
    """The fonts of the chain found on this machine, main font first, with what each can draw — read from
    their cmap tables (core/glyphs.py), not by loading them into ReportLab: cheap on any thread."""
    main = paths.fonts_dir() / FONT_FILE
    chain = [ChainFont(FONT, main, 0, glyphs.coverage(str(main), 0))]
    for name, filename, index in FALLBACK_CANDIDATES:
        for folder in [paths.fonts_dir(), *SYSTEM_FONT_DIRS]:
            candidate = folder / filename
            if candidate.exists():
                try:
                    found = glyphs.coverage(str(candidate), index)
                except (glyphs.NotUsable, OSError, struct.error):  # one ReportLab cannot embed (CFF): the next
                    continue
                chain.append(ChainFont(name, candidate, index, found))
                break
    return tuple(chain)


_registering = threading.Lock()
_loaded: set[str] = set()  # chain fonts ReportLab has parsed in this process


def _load(font: ChainFont) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(font.name, str(font.path), subfontIndex=font.index))
    _loaded.add(font.name)


def register_fonts() -> tuple[str, ...]:
    """Make ReportLab ready to draw with the chain: only where a PDF is drawn, on the worker that draws it.

    The main font is parsed now (once: 0.3 s, 22 MiB); a fallback font when ``font_for`` first hands it out
    for a rare character (0.7 s and 94 MiB for both Hanazono fonts, which most PDFs never need).
    Returns the chain's font names, main font first."""
    with _registering:  # two PDF workers at once parse a font once
        if FONT not in _loaded:
            _fix_to_unicode_cmap()
            # Binary (Flate only) streams instead of Flate + ASCII85: valid PDF, ~20% smaller, and ReportLab's
            # pure-Python ASCII85 encoder was ~10% of the time of a certificate batch. Set once, for every PDF
            # of the app, so output never depends on which thread rendered first.
            from reportlab import rl_config

            rl_config.useA85 = 0
            _load(font_chain()[0])
    return tuple(font.name for font in font_chain())


@lru_cache(maxsize=8)
def _charmap(font_name: str) -> frozenset[int]:
    """Code points of a registered font (ReportLab's own table: call after register_fonts)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph.keys())


@lru_cache(maxsize=65536)
def _covering(ch: str) -> ChainFont | None:
    if ch.isspace() or ord(ch) < 32:
        return font_chain()[0]
    code = ord(ch)
    for font in font_chain():
        if code in font.coverage:
            return font
    return None


def font_for(ch: str) -> str | None:
    """The font a PDF draws ``ch`` with: the first of the chain that has it, loaded into ReportLab if it was
    not yet (None: no font can draw it). For PDF code only; a check of text is ``missing_glyphs``."""
    font = _covering(ch)
    if font is None:
        return None
    if font.name not in _loaded:
        register_fonts()
        with _registering:
            if font.name not in _loaded:
                _load(font)
    return font.name


def missing_glyphs(text: str) -> list[str]:
    """Characters in ``text`` that no font of the chain can draw (would print as boxes). Reads the fonts'
    cmap tables only: cheap on any thread, never loads a font into ReportLab."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and _covering(ch) is None:
            seen[ch] = None
    return list(seen)


def markup_with_fallback(text: str) -> str:
    """Escape ``text`` for a Paragraph and wrap runs the main font lacks in <font name=...> tags."""
    from xml.sax.saxutils import escape

    out: list[str] = []
    for ch in text:
        name = font_for(ch) or FONT
        piece = escape(ch)
        out.append(piece if name == FONT else f'<font name="{name}">{piece}</font>')
    return "".join(out)


def styles(base_size: float = 11):
    """Paragraph styles in the CJK font with Chinese line breaking (wordWrap='CJK')."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=base_size, leading=base_size * 1.5, wordWrap="CJK")
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=base_size * 0.8, leading=base_size * 1.2),
        "title": ParagraphStyle("title", parent=body, fontSize=base_size * 2, leading=base_size * 2.6, alignment=1),
        "h2": ParagraphStyle("h2", parent=body, fontSize=base_size * 1.3, leading=base_size * 1.9),
        "center": ParagraphStyle("center", parent=body, alignment=1),
    }


def draw_qr(canvas, data: str, x: float, y: float, size: float, *, border: int = 1) -> None:
    """Draw a QR code as one path from segno's module matrix (2–10× faster than ReportLab's widget)."""
    import segno

    qr = segno.make(data, error="m", micro=False)
    matrix = qr.matrix
    n = len(matrix) + 2 * border
    module = size / n
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        width = len(row)
        while c < width:
            if row[c]:
                start = c
                while c < width and row[c]:
                    c += 1
                path.rect(x + (start + border) * module, y + size - (r + 1 + border) * module, (c - start) * module, module)
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
