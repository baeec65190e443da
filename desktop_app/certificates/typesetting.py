"""Setting Chinese text on a certificate: font runs along core.pdf's fallback chain, widths, a line breaker
of our own and drawing lines and paragraphs on a ReportLab canvas.

Chinese follows the usual rules: break between any two characters, closing punctuation never starts a
line (it may hang into the margin), opening punctuation never ends one, and a paragraph never ends with
a single character alone on its last line. Latin words are kept whole. Measuring passes draw on
``NullCanvas`` (a canvas that draws nothing), so a page is laid out with the same code that draws it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop_app.core import pdf as core_pdf

CLOSING = set("，。、；：？！）》」』”’…—,.;:?!)]}%·")
OPENING = set("（《「『“‘([{")
_TOKEN = re.compile(r"[A-Za-z0-9@#&*+./:'’\-]+|\s+|.", re.S)
INK = (0.12, 0.12, 0.12)


@lru_cache(maxsize=16384)
def runs(s: str) -> tuple[tuple[str, str], ...]:
    """Split ``s`` into (font, text) runs along the fallback chain (cached: labels repeat on every page)."""
    out: list[tuple[str, str]] = []
    for ch in s:
        font = core_pdf.font_for(ch) or core_pdf.FONT
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return tuple(out)


@lru_cache(maxsize=16384)
def width(s: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(t, f, size) for f, t in runs(s))


def _visible(s: str) -> int:
    return sum(1 for ch in s if not ch.isspace() and ch not in CLOSING and ch not in OPENING)


def wrap(s: str, size: float, max_width: float, first_indent: float = 0.0) -> list[str]:
    """Lines of one paragraph. CJK breaks anywhere, Latin between words; kinsoku and no orphans."""
    return list(_wrap(s, size, max_width, first_indent))


@lru_cache(maxsize=8192)
def _wrap(s: str, size: float, max_width: float, first_indent: float) -> tuple[str, ...]:
    # Cached: each page is laid out twice (measure, then draw) and fixed texts repeat on every page.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    tokens = _TOKEN.findall(s)
    lines: list[list[str]] = [[]]
    used = first_indent
    space_w = stringWidth(" ", core_pdf.FONT, size)
    for tok in tokens:
        w = space_w * len(tok) if tok.isspace() else width(tok, size)
        limit = max_width - (first_indent if len(lines) == 1 else 0)
        line = lines[-1]
        if tok.isspace():
            if line:
                line.append(" ")
                used += space_w
            continue
        if w > limit and len(tok) > 1:  # a word longer than a whole line: split it by characters
            for ch in tok:
                cw = width(ch, size)
                if used + cw > max_width + 0.01 and lines[-1]:
                    lines.append([])
                    used = 0.0
                lines[-1].append(ch)
                used += cw
            continue
        fits = used + w <= max_width + 0.01
        if fits or not line or (tok in CLOSING and used + w <= max_width + size):
            line.append(tok)  # closing punctuation may hang into the margin rather than start a line
            used += w
            continue
        while line and line[-1] == " ":
            line.pop()
        carry: list[str] = []
        if tok in CLOSING:  # punctuation that cannot hang any further takes the character before it along
            while line:
                prev = line.pop()
                carry.insert(0, prev)
                if prev not in CLOSING and not prev.isspace():
                    break
            if not line or width("".join(carry) + tok, size) > max_width:  # nothing sensible to carry: give up
                line.extend(carry)
                carry = []
        if line and line[-1] in OPENING:
            carry.insert(0, line.pop())
        lines.append(carry + [tok])
        used = sum(width(t, size) if not t.isspace() else space_w for t in lines[-1])
    while lines and lines[-1] and lines[-1][-1] == " ":
        lines[-1].pop()
    # No orphan: a last line with one character takes the last character (and any punctuation tied to
    # it) of the line before.
    if len(lines) >= 2 and _visible("".join(lines[-1])) <= 1 and _is_cjk_text("".join(lines[-2])):
        before = list(lines[-2])
        moved: list[str] = []
        while before:
            tok = before.pop()
            moved.insert(0, tok)
            if tok not in CLOSING and not tok.isspace():
                break
        if before and before[-1] in OPENING:
            moved.insert(0, before.pop())
        candidate = moved + lines[-1]
        # Only when the line before keeps some text and the new last line still fits.
        if _visible("".join(before)) >= 1 and width("".join(candidate), size) <= max_width + size:
            lines[-2], lines[-1] = before, candidate
    return tuple("".join(line).rstrip() for line in lines if line)


def _is_cjk_text(s: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or ord(ch) >= 0x20000 for ch in s)


def draw_text(c, x: float, y: float, s: str, size: float, *, align: str = "left", char_space: float = 0.0,
              colour: tuple[float, float, float] = INK) -> float:
    """Draw one line with font fallback; returns its width. ``align``: left, centre, right (x is the anchor)."""
    parts = runs(s)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = sum(stringWidth(t, f, size) for f, t in parts) + char_space * max(0, len(s) - 1)
    if align == "centre":
        x -= w / 2
    elif align == "right":
        x -= w
    if isinstance(c, NullCanvas):  # measuring pass
        return w
    t = c.beginText(x, y)
    t.setFillColorRGB(*colour)
    # Character spacing is graphics state in PDF and outlives this text object: set it when it changes
    # (tracked per page; reset after restoreState), or a letter-spaced title leaks into later lines.
    page = c.getPageNumber()
    if getattr(c, "_smile_char_space", None) != (page, char_space):
        t.setCharSpace(char_space)
        c._smile_char_space = (page, char_space)
    for font, piece in parts:
        t.setFont(font, size)
        t.textOut(piece)
    c.drawText(t)
    return w


def draw_paragraph(c, x: float, y: float, s: str, size: float, max_width: float, *, leading: float | None = None,
                   indent: float = 0.0, align: str = "left", justify: bool = True,
                   colour: tuple[float, float, float] = INK) -> float:
    """Draw a paragraph top-down from baseline ``y``; returns the baseline below its last line."""
    leading = leading or size * 1.6
    for para in s.split("\n"):
        lines = wrap(para, size, max_width, first_indent=indent) if para else [""]
        for i, line in enumerate(lines):
            lx = x + (indent if i == 0 else 0)
            avail = max_width - (indent if i == 0 else 0)
            cs = 0.0
            if justify and align == "left" and i < len(lines) - 1 and _is_cjk_text(line) and len(line) > 1:
                slack = avail - width(line, size)
                if 0 < slack < size * 1.5:
                    cs = slack / (len(line) - 1)
            if align == "centre":
                draw_text(c, x + max_width / 2, y, line, size, align="centre", colour=colour)
            else:
                draw_text(c, lx, y, line, size, char_space=cs, colour=colour)
            y -= leading
    return y


class NullCanvas:
    """A canvas that draws nothing (measuring pass)."""

    def __getattr__(self, name):
        return lambda *a, **k: _NullText() if name == "beginText" else None


class _NullText:
    def __getattr__(self, name):
        return lambda *a, **k: None
