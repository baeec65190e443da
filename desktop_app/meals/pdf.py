"""Printed papers of meal assistance (ReportLab canvas, embedded CJK font from core.pdf):
route sheets for delivery volunteers, meal labels, monthly account statements, the subsidy claim (its
Excel workbook: excel.py).

Drawn straight on the canvas (no platypus): a day's route sheets for 2,000 stops must take well
under a second, and a month's statements for every recipient a few seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import paths
from desktop_app.core import pdf as core_pdf
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.validation import yuan
from desktop_app.meals.labels import DIET_LABELS, LEDGER_LABELS, MEAL_LABELS, METHOD_LABELS
from desktop_app.meals.models import LedgerKind

if TYPE_CHECKING:
    from desktop_app.meals.deliveries import Route
    from desktop_app.meals.orders import OrderRow
    from desktop_app.meals.statements import ClaimLine, Statement, SubsidyClaim

CTX = "MealsPdf"
T = {
    "route_title": QT_TRANSLATE_NOOP("MealsPdf", "Meal delivery route sheet"),
    "labels_title": QT_TRANSLATE_NOOP("MealsPdf", "Meal labels"),
    "day": QT_TRANSLATE_NOOP("MealsPdf", "Date"),
    "meal": QT_TRANSLATE_NOOP("MealsPdf", "Meal"),
    "route": QT_TRANSLATE_NOOP("MealsPdf", "Route"),
    "volunteer": QT_TRANSLATE_NOOP("MealsPdf", "Volunteer"),
    "phone": QT_TRANSLATE_NOOP("MealsPdf", "Phone"),
    "unassigned": QT_TRANSLATE_NOOP("MealsPdf", "not assigned"),
    "stops": QT_TRANSLATE_NOOP("MealsPdf", "Stops: {n}"),
    "no": QT_TRANSLATE_NOOP("MealsPdf", "No."),
    "name": QT_TRANSLATE_NOOP("MealsPdf", "Name"),
    "address": QT_TRANSLATE_NOOP("MealsPdf", "Address"),
    "diet": QT_TRANSLATE_NOOP("MealsPdf", "Diet"),
    "notes": QT_TRANSLATE_NOOP("MealsPdf", "Notes"),
    "time": QT_TRANSLATE_NOOP("MealsPdf", "Time"),
    "signature": QT_TRANSLATE_NOOP("MealsPdf", "Signature"),
    "not_home_hint": QT_TRANSLATE_NOOP("MealsPdf", "Nobody home? Call the station at once: it is a safety check, not a missed delivery."),
    "page": QT_TRANSLATE_NOOP("MealsPdf", "Page {n}"),
    "statement_title": QT_TRANSLATE_NOOP("MealsPdf", "Meal account statement"),
    "month": QT_TRANSLATE_NOOP("MealsPdf", "Month"),
    "recipient": QT_TRANSLATE_NOOP("MealsPdf", "Recipient"),
    "opening": QT_TRANSLATE_NOOP("MealsPdf", "Opening balance"),
    "closing": QT_TRANSLATE_NOOP("MealsPdf", "Closing balance"),
    "top_ups": QT_TRANSLATE_NOOP("MealsPdf", "Top-ups"),
    "charged": QT_TRANSLATE_NOOP("MealsPdf", "Meals charged (net)"),
    "subsidy_received": QT_TRANSLATE_NOOP("MealsPdf", "Subsidy received"),
    "item": QT_TRANSLATE_NOOP("MealsPdf", "Item"),
    "detail": QT_TRANSLATE_NOOP("MealsPdf", "Detail"),
    "amount": QT_TRANSLATE_NOOP("MealsPdf", "Amount"),
    "balance": QT_TRANSLATE_NOOP("MealsPdf", "Balance"),
    "meal_detail": QT_TRANSLATE_NOOP("MealsPdf", "{meal} {price} − subsidy {subsidy} + delivery {fee}"),
    "receipt": QT_TRANSLATE_NOOP("MealsPdf", "receipt {no}"),
    "claim_title": QT_TRANSLATE_NOOP("MealsPdf", "Meal subsidy claim"),
    "source": QT_TRANSLATE_NOOP("MealsPdf", "Funding source"),
    "tier": QT_TRANSLATE_NOOP("MealsPdf", "Subsidy tier"),
    "from": QT_TRANSLATE_NOOP("MealsPdf", "Terms from"),
    "per_meal": QT_TRANSLATE_NOOP("MealsPdf", "Per meal"),
    "meals": QT_TRANSLATE_NOOP("MealsPdf", "Meals"),
    "people": QT_TRANSLATE_NOOP("MealsPdf", "Recipients"),
    "subtotal": QT_TRANSLATE_NOOP("MealsPdf", "Subtotal"),
    "total": QT_TRANSLATE_NOOP("MealsPdf", "Total"),
    "prepared": QT_TRANSLATE_NOOP("MealsPdf", "Prepared by"),
    "checked": QT_TRANSLATE_NOOP("MealsPdf", "Checked by"),
    "station_seal": QT_TRANSLATE_NOOP("MealsPdf", "Station (seal)"),
    "none": QT_TRANSLATE_NOOP("MealsPdf", "no entries this month"),
}


FILES = {
    "kitchen": QT_TRANSLATE_NOOP("MealsPdf", "Kitchen sheet"),
    "routes": QT_TRANSLATE_NOOP("MealsPdf", "Route sheets"),
    "labels": QT_TRANSLATE_NOOP("MealsPdf", "Meal labels"),
    "statement": QT_TRANSLATE_NOOP("MealsPdf", "Statement"),
    "statements": QT_TRANSLATE_NOOP("MealsPdf", "Statements"),
    "claim": QT_TRANSLATE_NOOP("MealsPdf", "Subsidy claim"),
}


def file_name(kind: str, *parts: str, suffix: str = ".pdf") -> str:
    """The name of a paper's file in the user's language: file_name("routes", "2026-12-05", "lunch") →
    "送餐路线单-2026-12-05-午餐.pdf" (a meal key among ``parts`` is written as the meal's name)."""
    words = [meal_label(p) if p in MEAL_LABELS else p for p in parts]
    return paths.file_name(translate(CTX, FILES[kind]), *words, suffix=suffix)


def _t(key: str, **params) -> str:
    return translate(CTX, T[key], **params)


def meal_label(meal: str) -> str:
    return translate("Meals", MEAL_LABELS[meal])


def diet_text(diets: Sequence[str]) -> str:
    return "、".join(translate("Meals", DIET_LABELS[d]) for d in diets)


PAGE_W, PAGE_H = 595.27, 841.89  # A4 in points
MARGIN = 36


class Pen:
    """Text on a canvas in the CJK font chain: runs the main font lacks switch to a fallback font."""

    def __init__(self, c) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.c = c
        self.fonts = core_pdf.register_fonts()
        self.main = core_pdf.FONT
        self.charmap = core_pdf._charmap(self.main)
        self._width = pdfmetrics.stringWidth
        self._run_cache: dict[str, list[tuple[str, str]]] = {}
        face = pdfmetrics.getFont(self.main).face
        self._widths = (face.charWidths, face.defaultWidth)
        self._current: tuple[str, float] | None = None
        self._to = None
        self._to_font: tuple[str, float] | None = None

    def width(self, text: str, size: float) -> float:
        # The main font's advance widths straight from its table (ReportLab's own stringWidth is the
        # slow pure-Python fallback when rl_accel is not built).
        widths, default = self._widths
        return sum(widths.get(ord(ch), default) for ch in text) * size / 1000.0

    def _set_font(self, font: str, size: float) -> None:
        if self._current != (font, size):
            self.c.setFont(font, size)
            self._current = (font, size)

    def _runs(self, text: str):
        cached = self._run_cache.get(text)
        if cached is not None:
            return cached
        if all(ord(ch) in self.charmap or ch.isspace() for ch in text):
            self._run_cache[text] = [(self.main, text)]
            return self._run_cache[text]
        runs: list[tuple[str, str]] = []
        for ch in text:
            name = core_pdf.font_for(ch) or self.main
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        self._run_cache[text] = runs
        return runs

    def text(self, x: float, y: float, text: str, size: float = 9, align: str = "left") -> None:
        if not text:
            return
        runs = self._runs(text)
        if align != "left":
            total = sum(self.width(t, size) if f == self.main else self._width(t, f, size) for f, t in runs)
            x = x - total if align == "right" else x - total / 2
        to = self._to
        if to is not None:  # batched into one text object (see begin/end)
            to.setTextOrigin(x, y)
            if len(runs) == 1:  # textLine: no width computed (textOut measures to advance the cursor)
                if self._to_font != (runs[0][0], size):
                    to.setFont(runs[0][0], size)
                    self._to_font = (runs[0][0], size)
                to.textLine(text)
                return
            for font, part in runs:
                if self._to_font != (font, size):
                    to.setFont(font, size)
                    self._to_font = (font, size)
                to.textOut(part)
            return
        if len(runs) == 1:
            self._set_font(runs[0][0], size)
            self.c.drawString(x, y, text)
            return
        for font, part in runs:
            self._set_font(font, size)
            self.c.drawString(x, y, part)
            x += self._width(part, font, size)

    def begin(self) -> None:
        """Collect the following texts in one PDF text object (much cheaper than one per string)."""
        self._to = self.c.beginText()
        self._to_font = None

    def end(self) -> None:
        if self._to is not None:
            self.c.drawText(self._to)
        self._to = None

    def fit(self, text: str, size: float, width: float, lines: int = 1) -> list[str]:
        """Break ``text`` into at most ``lines`` lines of ``width`` (CJK: any character may break;
        a newline always breaks)."""
        if "\n" in (text or ""):
            parts: list[str] = []
            for part in text.split("\n"):
                if len(parts) < lines:
                    parts.extend(self.fit(part, size, width, lines - len(parts)))
            return parts
        text = " ".join((text or "").split())
        if not text:
            return []
        # No glyph of the CJK font is wider than 1.18 em: a short text fits without measuring it.
        if len(text) * size * 1.25 <= width or self.width(text, size) <= width:
            return [text]
        widths, default = self._widths
        scale = size / 1000.0
        out: list[str] = []
        current, used = "", 0.0
        for ch in text:
            w = widths.get(ord(ch), default) * scale
            if used + w > width:
                out.append(current)
                current, used = ch, w
                if len(out) == lines:
                    break
            else:
                current += ch
                used += w
        else:
            if current:
                out.append(current)
            return out[:lines]
        last = out[lines - 1]
        while last and self.width(last + "…", size) > width:
            last = last[:-1]
        out[lines - 1] = last + "…"
        return out[:lines]


class Table:
    """Rows on canvas pages with a repeated page head and column heads; breaks pages by itself."""

    def __init__(self, pen: Pen, columns: Sequence[tuple[str, float, str]], head, *, size: float = 9,
                 line_h: float = 12, pad: float = 3, rules: bool = False) -> None:
        self.pen, self.c = pen, pen.c
        self.columns = columns  # (title, width, align)
        self.head = head  # head(pen, page_no) -> y below the page head
        self.size, self.line_h, self.pad = size, line_h, pad
        self.page = 0
        self.y = 0.0
        self.x0 = MARGIN
        self.rules = rules  # vertical rules between columns (boxes to sign in)
        self.page_top = 0.0

    def new_page(self) -> None:
        if self.page:
            self.finish_page()
            self.c.showPage()
            self.pen._current = None
        self.page += 1
        self.y = self.head(self.pen, self.page)
        self._column_heads()
        self.page_top = self.y

    def finish_page(self) -> None:
        if self.rules and self.y < self.page_top:
            x: float = self.x0
            for _, w, _ in self.columns:
                self.c.line(x, self.page_top, x, self.y)
                x += w
            self.c.line(x, self.page_top, x, self.y)
        self.pen.text(PAGE_W - MARGIN, MARGIN / 2, _t("page", n=self.page), 8, "right")

    def _column_heads(self) -> None:
        h = self.line_h + 2 * self.pad
        c = self.c
        c.setFillGray(0.9)
        c.rect(self.x0, self.y - h, sum(w for _, w, _ in self.columns), h, stroke=0, fill=1)
        c.setFillGray(0)
        x: float = self.x0
        for title, w, align in self.columns:
            if align == "right":
                self.pen.text(x + w - self.pad, self.y - h + self.pad + 2, title, self.size, "right")
            else:
                self.pen.text(x + self.pad, self.y - h + self.pad + 2, title, self.size)
            x += w
        self.y -= h
        c.line(self.x0, self.y, self.x0 + sum(w for _, w, _ in self.columns), self.y)

    def space(self, needed: float) -> None:
        if self.page == 0 or self.y - needed < MARGIN:
            self.new_page()

    def row(self, cells: Sequence[str], *, lines: int = 1, min_h: float = 0, bold_line: bool = False) -> None:
        wrapped = [self.pen.fit(text, self.size, w - 2 * self.pad, lines) for text, (_, w, _) in zip(cells, self.columns, strict=True)]
        n = max(1, *(len(x) for x in wrapped))
        h = max(min_h, n * self.line_h + 2 * self.pad)
        self.space(h)
        x: float = self.x0
        top = self.y
        self.pen.begin()
        for parts, (_, w, align) in zip(wrapped, self.columns, strict=True):
            for i, part in enumerate(parts):
                ty = top - self.pad - (i + 1) * self.line_h + 3
                if align == "right":
                    self.pen.text(x + w - self.pad, ty, part, self.size, "right")
                else:
                    self.pen.text(x + self.pad, ty, part, self.size)
            x += w
        self.pen.end()
        self.y -= h
        self.c.setLineWidth(1 if bold_line else 0.4)
        self.c.line(self.x0, self.y, self.x0 + sum(w for _, w, _ in self.columns), self.y)
        self.c.setLineWidth(1)


def _canvas(target, title: str):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(target if isinstance(target, BytesIO) else str(target), pagesize=(PAGE_W, PAGE_H),
                      pageCompression=1)
    c.setTitle(title)
    c.setAuthor("SmileDesk")
    return c


def _output(target: Path | str | BytesIO | None):
    return BytesIO() if target is None else target


# --- route sheets -----------------------------------------------------------------------------------------
ROUTE_COLUMNS_W = (24, 66, 128, 80, 127, 44, 54)


def route_sheets(routes: Sequence[Route], target: Path | str | BytesIO | None = None, *, station: str = "",
                 progress: Progress = NO_PROGRESS) -> Path | BytesIO:
    """One section per route (new page each): volunteer name and phone, stops in order, diet flags,
    notes and a signature column. Returns the path (or the BytesIO when no target is given)."""
    out = _output(target)
    c = _canvas(out, _t("route_title"))
    pen = Pen(c)
    cols = list(zip((_t("no"), _t("name"), _t("address"), _t("diet"), _t("notes"), _t("time"), _t("signature")),
                    ROUTE_COLUMNS_W, ("right", "left", "left", "left", "left", "left", "left"), strict=True))
    for i, route in enumerate(routes):
        progress(i, len(routes), route.compound)

        def head(p: Pen, page: int, route=route) -> float:
            y = PAGE_H - MARGIN
            p.text(MARGIN, y - 14, f"{station}  {_t('route_title')}", 14)
            y -= 34
            vol = route.volunteer_name or _t("unassigned")
            phone = route.volunteer_phone or ""
            p.text(MARGIN, y, f"{_t('day')}: {route.day.isoformat()}   {_t('meal')}: {meal_label(route.meal)}   "
                              f"{_t('route')}: {route.compound or '—'}   {_t('stops', n=len(route.stops))}", 10)
            y -= 16
            p.text(MARGIN, y, f"{_t('volunteer')}: {vol}   {_t('phone')}: {phone}", 11)
            y -= 12
            p.text(MARGIN, y, _t("not_home_hint"), 8)
            return y - 8

        table = Table(pen, cols, head, size=9, line_h=11, rules=True)
        table.new_page()
        for n, stop in enumerate(route.stops, 1):
            notes = translate("Lists", "; ").join(x for x in (stop.avoid, stop.notes) if x)
            who = stop.name + (f"\n{stop.phone_masked}" if stop.phone_masked else "")
            table.row([str(n), who, stop.address, diet_text(stop.diets), notes, "", ""], lines=2, min_h=28)
        table.finish_page()
        c.showPage()
        pen._current = None
    if not routes:
        pen.text(MARGIN, PAGE_H - MARGIN - 14, _t("route_title"), 14)
        c.showPage()
    progress(len(routes), len(routes), "")
    c.save()
    return out


# --- meal labels ------------------------------------------------------------------------------------------
LABELS_PER_SHEET = 3 * 8


def labels(stops: Sequence[OrderRow], target: Path | str | BytesIO | None = None, *, skip: int = 0) -> Path | BytesIO:
    """3 × 8 labels per A4 page: name, building/room, meal and date, diet flags, foods to avoid. ``skip``
    places of the first sheet are left empty (a sheet with some labels already used)."""
    out = _output(target)
    c = _canvas(out, _t("labels_title"))
    pen = Pen(c)
    cols, rows = 3, 8
    skip = max(0, min(skip, LABELS_PER_SHEET - 1))
    w, h = (PAGE_W - 2 * 18) / cols, (PAGE_H - 2 * 24) / rows
    for i, stop in enumerate(stops, skip):
        k = i % (cols * rows)
        if k == 0 and i:
            c.showPage()
            pen._current = None
        col, row = k % cols, k // cols
        x, y = 18 + col * w, PAGE_H - 24 - (row + 1) * h
        c.setLineWidth(0.3)
        c.setDash(2, 2)
        c.rect(x + 2, y + 2, w - 4, h - 4)
        c.setDash()
        pen.text(x + 8, y + h - 22, stop.name, 14)
        pen.text(x + w - 8, y + h - 20, f"{stop.day.strftime('%m-%d')} {meal_label(stop.meal)}", 9, "right")
        where = " ".join(p for p in (stop.compound, f"{stop.building}栋" if stop.building else "",
                                     f"{stop.unit}单元" if stop.unit else "", f"{stop.room}室" if stop.room else "") if p)
        pen.text(x + 8, y + h - 38, pen.fit(where or stop.address, 9, w - 16)[0] if (where or stop.address) else "", 9)
        diets = diet_text(stop.diets)
        if diets:
            pen.text(x + 8, y + h - 53, pen.fit(diets, 9, w - 16)[0], 9)
        if stop.avoid:
            pen.text(x + 8, y + h - 67, pen.fit(stop.avoid, 8, w - 16)[0], 8)
    if not stops:
        pen.text(MARGIN, PAGE_H - MARGIN - 14, _t("labels_title"), 14)
    c.showPage()
    c.save()
    return out


# --- statements -------------------------------------------------------------------------------------------
def statements(items: Sequence[Statement], target: Path | str | BytesIO | None = None, *, station: str = "",
               progress: Progress = NO_PROGRESS) -> Path | BytesIO:
    """Monthly account statements, each recipient starting on a new page."""
    out = _output(target)
    c = _canvas(out, _t("statement_title"))
    pen = Pen(c)
    cols = list(zip((_t("day"), _t("item"), _t("detail"), _t("amount"), _t("balance")), (66, 60, 247, 75, 75),
                    ("left", "left", "left", "right", "right"), strict=True))
    for i, st in enumerate(items):
        if i % 50 == 0:
            progress(i, len(items), st.name)
        meals = {m.id: m for m in st.meals}

        def head(p: Pen, page: int, st=st) -> float:
            y = PAGE_H - MARGIN
            p.text(MARGIN, y - 14, f"{station}  {_t('statement_title')}", 14)
            y -= 34
            p.text(MARGIN, y, f"{_t('recipient')}: {st.name}   {st.address}", 10)
            p.text(PAGE_W - MARGIN, y, f"{_t('month')}: {st.year}-{st.month:02d}", 10, "right")
            y -= 18
            if page == 1:
                figures = [(_t("opening"), st.opening_fen), (_t("top_ups"), st.top_ups_fen),
                           (_t("charged"), st.charged_fen), (_t("subsidy_received"), st.subsidy_fen),
                           (_t("closing"), st.closing_fen)]
                x: float = MARGIN
                for label, fen in figures:
                    p.text(x, y, label, 8)
                    p.text(x, y - 14, yuan(fen), 11)
                    x += (PAGE_W - 2 * MARGIN) / len(figures)
                y -= 30
            return y

        table = Table(pen, cols, head, size=8.5, line_h=10.5, pad=2.5)
        table.new_page()
        running = st.opening_fen
        if not st.entries:
            table.row(["", "", _t("none"), "", ""])
        for e in st.entries:
            running += e.amount_fen
            detail = e.note
            if e.kind in (LedgerKind.CHARGE, LedgerKind.REFUND) and e.order_id in meals:
                m = meals[e.order_id]
                detail = _t("meal_detail", meal=meal_label(m.meal), price=yuan(m.price_fen), subsidy=yuan(m.subsidy_fen),
                            fee=yuan(m.delivery_fee_fen))
            elif e.kind == LedgerKind.TOP_UP:
                detail = " ".join(x for x in (translate("Meals", METHOD_LABELS.get(e.method, "")) if e.method else "",
                                              _t("receipt", no=e.receipt_no) if e.receipt_no else "", e.note) if x)
            table.row([e.day.isoformat(), translate("Meals", LEDGER_LABELS[e.kind]), detail, yuan(e.amount_fen),
                       yuan(running)])
        table.finish_page()
        c.showPage()
        pen._current = None
    if not items:
        pen.text(MARGIN, PAGE_H - MARGIN - 14, _t("statement_title"), 14)
        c.showPage()
    progress(len(items), len(items), "")
    c.save()
    return out


# --- subsidy claim --------------------------------------------------------------------------------------
def claim(cl: SubsidyClaim, target: Path | str | BytesIO | None = None, *, station: str = "") -> Path | BytesIO:
    out = _output(target)
    c = _canvas(out, _t("claim_title"))
    pen = Pen(c)
    cols = list(zip((_t("source"), _t("tier"), _t("from"), _t("per_meal"), _t("meals"), _t("people"), _t("amount")),
                    (100, 95, 70, 60, 55, 60, 83), ("left", "left", "left", "right", "right", "right", "right"), strict=True))

    def head(p: Pen, page: int) -> float:
        y = PAGE_H - MARGIN
        p.text(PAGE_W / 2, y - 16, f"{station}  {_t('claim_title')}", 15, "center")
        y -= 40
        p.text(MARGIN, y, f"{_t('month')}: {cl.year}-{cl.month:02d}", 10)
        return y - 10

    table = Table(pen, cols, head, size=9.5, line_h=12)
    table.new_page()
    by_source: dict[str, list[ClaimLine]] = {}
    for line in cl.lines:
        by_source.setdefault(line.funding_source, []).append(line)
    for source, lines in by_source.items():
        for x in lines:
            table.row([source, x.name, x.effective_from.isoformat(), yuan(x.subsidy_fen), str(x.meals), str(x.recipients),
                       yuan(x.amount_fen)])
        table.row(["", _t("subtotal"), "", "", str(sum(x.meals for x in lines)), "", yuan(sum(x.amount_fen for x in lines))],
                  bold_line=True)
    table.row([_t("total"), "", "", "", str(sum(x.meals for x in cl.lines)), "", yuan(cl.total_fen)], bold_line=True)
    y = table.y - 50
    for i, key in enumerate(("prepared", "checked", "station_seal")):
        pen.text(MARGIN + i * 180, y, f"{_t(key)}: ______________", 10)
    pen.text(MARGIN, y - 24, f"{_t('day')}: ______________", 10)
    table.finish_page()
    c.showPage()
    c.save()
    return out
