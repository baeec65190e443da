"""Printable passports: credit-card-size cards, ten to an A4 sheet with cut marks, and an A5 booklet cover.

Built on core.pdf: the embedded CJK font chain (rare name characters fall back to further fonts) and
QR codes drawn from segno's matrix. The QR holds just the passport number, so a keyboard-wedge scanner
types the digits and Enter at the kiosk.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from desktop_app.core import pdf as base
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.passports import codes

MM = 72 / 25.4
CARD_W = 85.6 * MM  # ISO/IEC 7810 ID-1
CARD_H = 53.98 * MM
COLS, ROWS = 2, 5
RED = (0.70, 0.11, 0.11)
CUT = 4 * MM  # length of a cut mark

# What the card and cover say, in the language of the interface (or of the command, --lang).
T = {
    "title": QT_TRANSLATE_NOOP("PassportsPdf", "Smile passport"),
    "tagline": QT_TRANSLATE_NOOP("PassportsPdf", "SMILE STATION"),
    "number": QT_TRANSLATE_NOOP("PassportsPdf", "Passport No."),
    "issued": QT_TRANSLATE_NOOP("PassportsPdf", "Issued {day}"),
    "holder": QT_TRANSLATE_NOOP("PassportsPdf", "Holder  {name}"),
    "cards": QT_TRANSLATE_NOOP("PassportsPdf", "Smile passport cards"),
    "cover": QT_TRANSLATE_NOOP("PassportsPdf", "Smile passport cover"),
}


def _t(key: str) -> str:
    return translate("PassportsPdf", T[key])


def _fitting(text: str, size: float, room: float) -> float:
    """``size``, or smaller so that ``text`` fits in ``room`` points (an English title is wider)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    base.register_fonts()
    width = stringWidth(text, base.FONT, size)
    return size if width <= room else size * room / width


@dataclass(frozen=True)
class CardItem:
    name: str
    number: str
    issued_on: date
    station: str


def _draw(canvas, x: float, y: float, text: str, size: float, *, anchor: str = "left") -> float:
    """Draw ``text`` in the CJK chain (runs the main font lacks use a fallback font); returns its width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[tuple[str, str]] = []
    for ch in text:
        font = base.font_for(ch) or base.FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    width = sum(stringWidth(t, f, size) for f, t in runs)
    if anchor == "center":
        x -= width / 2
    elif anchor == "right":
        x -= width
    for font, t in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, t)
        x += stringWidth(t, font, size)
    return width


def draw_card(canvas, x: float, y: float, item: CardItem) -> None:
    """One card with its lower-left corner at (x, y)."""
    canvas.saveState()
    canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
    canvas.setLineWidth(0.3)
    canvas.roundRect(x, y, CARD_W, CARD_H, 3 * MM, stroke=1, fill=0)
    band = 12 * MM
    canvas.setFillColorRGB(*RED)
    canvas.roundRect(x, y + CARD_H - band, CARD_W, band, 3 * MM, stroke=0, fill=1)
    canvas.rect(x, y + CARD_H - band, CARD_W, band / 2, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    _draw(canvas, x + 5 * MM, y + CARD_H - 8 * MM, _t("title"), 13)
    _draw(canvas, x + CARD_W - 5 * MM, y + CARD_H - 7.6 * MM, _t("tagline"), 6.5, anchor="right")
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    qr = 30 * MM
    base.draw_qr(canvas, item.number, x + CARD_W - qr - 3.5 * MM, y + 4 * MM, qr, border=1)
    left = x + 5 * MM
    _draw(canvas, left, y + CARD_H - 21 * MM, item.name, 15)
    canvas.setFillColorRGB(0.25, 0.25, 0.25)
    _draw(canvas, left, y + CARD_H - 27 * MM, _t("number"), 6.5)
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    canvas.setFont("Courier-Bold", 11)
    canvas.drawString(left, y + CARD_H - 32 * MM, codes.display(item.number))
    canvas.setFillColorRGB(0.25, 0.25, 0.25)
    _draw(canvas, left, y + 9 * MM, _t("issued").format(day=item.issued_on.isoformat()), 6.5)
    _draw(canvas, left, y + 5 * MM, item.station[:18], 6.5)
    canvas.restoreState()


def _cut_marks(canvas, xs: list[float], ys: list[float]) -> None:
    """Short marks outside the card grid at every cut line (the cards themselves stay unmarked)."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColorRGB(0, 0, 0)
    top, bottom, left, right = max(ys), min(ys), min(xs), max(xs)
    gap = 1.5 * MM
    for x in xs:
        canvas.line(x, top + gap, x, top + gap + CUT)
        canvas.line(x, bottom - gap, x, bottom - gap - CUT)
    for y in ys:
        canvas.line(left - gap, y, left - gap - CUT, y)
        canvas.line(right + gap, y, right + gap + CUT, y)
    canvas.restoreState()


def render_cards(items: list[CardItem], *, skip: int = 0) -> bytes:
    """Cards ten to an A4 sheet (2 × 5), butted edge to edge so one cut serves two cards. ``skip`` places of
    the first sheet stay empty (a sheet of card stock some cards were already cut from)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    base.register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.setTitle(_t("cards"))
    page_w, page_h = A4
    x0 = (page_w - COLS * CARD_W) / 2
    y0 = (page_h - ROWS * CARD_H) / 2
    per = COLS * ROWS
    skip = max(0, min(skip, per - 1))
    placed: list[CardItem | None] = [None] * skip + list(items)
    for start in range(0, max(len(placed), 1), per):
        chunk = placed[start : start + per]
        for i, item in enumerate(chunk):
            if item is None:
                continue
            col, row = i % COLS, i // COLS
            draw_card(c, x0 + col * CARD_W, y0 + (ROWS - 1 - row) * CARD_H, item)
        _cut_marks(c, [x0 + k * CARD_W for k in range(COLS + 1)], [y0 + k * CARD_H for k in range(ROWS + 1)])
        c.showPage()
    c.save()
    return buf.getvalue()


def render_booklet_cover(item: CardItem) -> bytes:
    """An A5 booklet cover: title, station, the holder's name, number, QR code and issue date."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    base.register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5)
    c.setTitle(_t("cover"))
    w, h = A5
    c.setFillColorRGB(*RED)
    c.rect(0, 0, w, h, stroke=0, fill=1)
    c.setFillColorRGB(1, 0.97, 0.85)
    c.setStrokeColorRGB(1, 0.85, 0.5)
    c.setLineWidth(1.2)
    c.rect(10 * MM, 10 * MM, w - 20 * MM, h - 20 * MM, stroke=1, fill=0)
    _draw(c, w / 2, h - 48 * MM, _t("title"), _fitting(_t("title"), 40, w - 30 * MM), anchor="center")
    _draw(c, w / 2, h - 60 * MM, _t("tagline"), 14, anchor="center")
    _draw(c, w / 2, h - 72 * MM, item.station, 12, anchor="center")
    qr = 46 * MM
    c.setFillColorRGB(1, 1, 1)
    c.roundRect(w / 2 - qr / 2 - 3 * MM, 58 * MM - 3 * MM, qr + 6 * MM, qr + 6 * MM, 3 * MM, stroke=0, fill=1)
    base.draw_qr(c, item.number, w / 2 - qr / 2, 58 * MM, qr, border=1)
    c.setFillColorRGB(1, 0.97, 0.85)
    _draw(c, w / 2, 44 * MM, _t("holder").format(name=item.name), 16, anchor="center")
    c.setFont("Courier-Bold", 14)
    c.drawCentredString(w / 2, 35 * MM, codes.display(item.number))
    _draw(c, w / 2, 26 * MM, _t("issued").format(day=item.issued_on.isoformat()), 10, anchor="center")
    c.showPage()
    c.save()
    return buf.getvalue()
